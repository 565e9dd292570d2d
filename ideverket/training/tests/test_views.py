"""The training pages: who sees and does what, sign-up by form, bad input kept."""

import pytest
from django.urls import reverse

from ideverket.training.models import Course, Enrollment, Session

from .builders import course, held, people, session, sign_up_before

ROLES = ["employee", "inspirer", "manager", "lead", "director", "outsider", "coordinator", "admin"]


@pytest.mark.parametrize("viewer", ROLES)
def test_everyone_sees_the_list_and_a_published_course(cast, login, viewer):
    s = session(cast, capacity=2)
    client = login(cast.fresh(viewer))
    response = client.get(reverse("training:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Introduktion till idéprocessen" in html
    assert "2 lediga platser" in html
    assert client.get(reverse("training:course", args=[s.course_id])).status_code == 200
    assert client.get(reverse("training:session", args=[s.pk])).status_code == 200


@pytest.mark.parametrize(
    ("viewer", "status"),
    [("employee", 404), ("manager", 404), ("outsider", 404), ("lead", 200), ("coordinator", 200)],
)
def test_unpublished_course_is_the_coordinators_and_organisers(cast, login, viewer, status):
    s = session(cast, course(cast, "Utkast", is_published=False))  # organiser: lead
    client = login(cast.fresh(viewer))
    assert client.get(reverse("training:course", args=[s.course_id])).status_code == status
    assert client.get(reverse("training:session", args=[s.pk])).status_code == status
    assert ("Utkast" in client.get(reverse("training:list")).content.decode()) == (status == 200)


@pytest.mark.parametrize(
    ("viewer", "sees"),
    [
        ("employee", False),
        ("manager", False),
        ("director", False),
        ("lead", True),
        ("coordinator", True),
    ],
)
def test_participants_are_shown_to_organiser_and_coordinator_only(cast, login, viewer, sees):
    s = session(cast, capacity=1)  # organiser: lead
    from ideverket.training.actions import do_sign_up

    do_sign_up(cast.fresh("colleague"), s)
    do_sign_up(cast.fresh("inspirer"), s)
    html = login(cast.fresh(viewer)).get(reverse("training:session", args=[s.pk])).content.decode()
    assert ("Cecilia Kollega" in html) == sees
    assert ("Väntelista (1)" in html) == sees


def test_sign_up_cancel_and_waiting_list_by_form(cast, client):
    s = session(cast, capacity=1)
    url = reverse("training:session", args=[s.pk])
    client.force_login(cast.colleague)
    response = client.post(reverse("training:sign_up", args=[s.pk]), follow=True)
    assert "Du är anmäld. Välkommen!" in response.content.decode()
    client.force_login(cast.employee)
    response = client.post(
        reverse("training:sign_up", args=[s.pk]), {"next": reverse("training:list")}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("training:list")
    html = response.content.decode()
    assert "Du står på väntelistan" in html
    assert "på väntelistan, plats 1" in html  # Mina utbildningar
    html = client.get(url).content.decode()
    assert "Fullt" in html and "Lämna väntelistan" in html
    # Hostile next goes to the session.
    client.force_login(cast.colleague)
    response = client.post(
        reverse("training:cancel_sign_up", args=[s.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == url
    assert Enrollment.objects.get(session=s, person=cast.employee).status == "confirmed"
    # GET never changes anything.
    assert client.get(reverse("training:sign_up", args=[s.pk])).status_code == 405


def test_sign_up_to_a_hidden_session_is_404(cast, login):
    s = session(cast, course(cast, is_published=False))
    client = login(cast.fresh("employee"))
    assert client.post(reverse("training:sign_up", args=[s.pk])).status_code == 404
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("viewer", ["employee", "lead", "manager", "admin", "outsider"])
def test_course_and_session_forms_are_the_coordinators(cast, login, viewer):
    c = course(cast)
    client = login(cast.fresh(viewer))
    assert client.get(reverse("training:course_create")).status_code == 404
    assert client.get(reverse("training:course_edit", args=[c.pk])).status_code == 404
    assert client.get(reverse("training:session_create", args=[c.pk])).status_code == 404


def test_create_course_keeps_input_on_error_and_saves(cast, login):
    client = login(cast.fresh("coordinator"))
    url = reverse("training:course_create")
    response = client.post(url, {"title": "   ", "description": "Mitt utkast", "audience": "x"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Fältet får inte vara tomt." in html or "Skriv utbildningens namn." in html
    assert "Välj en målgrupp i listan." in html
    assert "Mitt utkast" in html
    assert not Course.objects.exists()
    response = client.post(
        url,
        {
            "title": "Tjänstedesign – grund",
            "description": "Ett.\n\nTvå.",
            "audience": "everyone",
            "is_published": "on",
        },
    )
    created = Course.objects.get()
    assert response["Location"] == created.get_absolute_url()
    assert created.is_published and created.created_by == cast.coordinator


def session_post(**overrides):
    data = {
        "date": "2030-03-04",
        "starts": "09:00",
        "ends": "12:00",
        "place": "Stadshuset",
        "online_url": "",
        "capacity": "12",
        "organiser": "lead@test.example",
    }
    data.update(overrides)
    return data


def test_create_session_validates_and_keeps_input(cast, login):
    c = course(cast)
    client = login(cast.fresh("coordinator"))
    url = reverse("training:session_create", args=[c.pk])
    for bad, field_message in (
        ({"online_url": "ftp://files.example/x"}, "börjar med https:// eller http://"),
        ({"online_url": "javascript:alert(1)"}, "börjar med https:// eller http://"),
        ({"ends": "08:00"}, "Tillfället måste sluta efter att det har börjat."),
        ({"place": "", "online_url": ""}, "Ange en plats, en länk till distansmötet eller båda."),
        ({"capacity": "0"}, "Tillfället behöver minst en plats."),
        ({"organiser": "nobody@test.example"}, "Det finns ingen aktiv person"),
        ({"date": "4 mars"}, "Skriv datumet som ÅÅÅÅ-MM-DD."),
    ):
        response = client.post(
            url,
            session_post(place="Sal Ärlan", **bad) if "place" not in bad else session_post(**bad),
        )
        assert response.status_code == 422, bad
        html = response.content.decode()
        assert field_message in html, bad
        assert not Session.objects.exists()
    response = client.post(url, session_post(place="Sal Ärlan", online_url="ftp://x.example"))
    assert "Sal Ärlan" in response.content.decode()
    response = client.post(url, session_post(online_url="https://meet.example/kurs"))
    created = Session.objects.get()
    assert response["Location"] == created.get_absolute_url()
    assert created.organiser == cast.lead and created.capacity == 12


def test_organiser_edits_their_session_others_may_not(cast, login):
    s = session(cast)
    assert (
        login(cast.fresh("employee")).get(reverse("training:session_edit", args=[s.pk])).status_code
        == 403
    )
    client = login(cast.fresh("lead"))
    response = client.get(reverse("training:session_edit", args=[s.pk]))
    assert response.status_code == 200 and 'value="lead@test.example"' in response.content.decode()
    day = s.starts_at.date().isoformat()
    response = client.post(
        reverse("training:session_edit", args=[s.pk]),
        session_post(date=day, place="Nytt rum", capacity="5"),
    )
    assert response.status_code == 302
    s.refresh_from_db()
    assert (s.place, s.capacity) == ("Nytt rum", 5)


def test_cancel_session_by_organiser(cast, login):
    s = session(cast)
    client = login(cast.fresh("employee"))
    assert client.post(reverse("training:session_cancel", args=[s.pk])).status_code == 403
    client = login(cast.fresh("lead"))
    response = client.post(
        reverse("training:session_cancel", args=[s.pk]), {"reason": "För få anmälda"}, follow=True
    )
    assert "Tillfället är inställt." in response.content.decode()
    s.refresh_from_db()
    assert s.is_cancelled and s.cancelled_reason == "För få anmälda"


def test_attendance_form_lists_confirmed_with_checkboxes_and_saves(cast, login):
    s = session(cast, days=-1, capacity=2)
    a, b, c = people(cast.school, 3)
    for p in (a, b, c):
        sign_up_before(s, p)
    url = reverse("training:attendance", args=[s.pk])
    assert login(cast.fresh("employee")).get(url).status_code == 403
    assert login(cast.fresh("manager")).get(url).status_code == 403
    client = login(cast.fresh("lead"))
    html = client.get(url).content.decode()
    assert a.name in html and b.name in html and c.name not in html  # c is waiting
    ea, eb = (Enrollment.objects.get(session=s, person=p) for p in (a, b))
    assert f'name="attended" value="{ea.pk}"' in html
    response = client.post(url, {"attended": [str(ea.pk)], "completed": [str(eb.pk)]})
    assert response.status_code == 302
    ea.refresh_from_db()
    eb.refresh_from_db()
    assert (ea.attended, ea.completed, eb.attended, eb.completed) == (True, False, True, True)
    # A malformed or foreign id is refused, nothing changes.
    ec = Enrollment.objects.get(session=s, person=c)
    response = client.post(url, {"attended": [str(ec.pk), "x"]})
    assert response.status_code == 422
    ea.refresh_from_db()
    assert ea.attended


def test_attendance_before_the_session_is_refused(cast, login):
    s = session(cast)
    response = login(cast.fresh("lead")).post(reverse("training:attendance", args=[s.pk]), {})
    assert response.status_code == 422
    assert "först när tillfället har börjat" in response.content.decode()


def test_bad_ids_are_404(cast, login):
    client = login(cast.fresh("coordinator"))
    for name in ("course", "course_edit", "session_create"):
        assert client.get(reverse(f"training:{name}", args=[999999])).status_code == 404
    for name in ("session", "session_edit", "attendance", "session_ics"):
        assert client.get(reverse(f"training:{name}", args=[999999])).status_code == 404


def test_held_sessions_count_in_my_completed(cast, login):
    s = session(cast, days=-3)
    sign_up_before(s, cast.employee)
    held(s, completed=[cast.employee])
    html = login(cast.fresh("employee")).get(reverse("training:list")).content.decode()
    assert "Genomförda" in html


def test_notifications_read_well_and_link_to_the_session(cast, login):
    from ideverket.training.actions import do_cancel_session, do_cancel_sign_up, do_sign_up

    s = session(cast, course(cast, "Tjänstedesign – grund"), capacity=1)
    do_sign_up(cast.fresh("colleague"), s)
    do_sign_up(cast.fresh("employee"), s)
    do_cancel_sign_up(cast.fresh("colleague"), s)
    do_cancel_session(cast.fresh("lead"), s, reason="Kursledaren är sjuk")
    html = login(cast.fresh("employee")).get(reverse("activity:notifications")).content.decode()
    assert "Du har fått en plats på ”Tjänstedesign – grund”" in html
    assert (
        "Lena Ledare ställde in tillfället av ”Tjänstedesign – grund”: Kursledaren är sjuk" in html
    )
    assert s.get_absolute_url() in html
    # Someone who may no longer see the session (its course unpublished) does not get it.
    from ideverket.training.actions import do_edit_course

    c = s.course
    do_edit_course(
        cast.fresh("coordinator"),
        c,
        title=c.title,
        description=c.description,
        audience=c.audience,
        is_published=False,
    )
    html = login(cast.fresh("employee")).get(reverse("activity:notifications")).content.decode()
    assert "Du har fått en plats" not in html
