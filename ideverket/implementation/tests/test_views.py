"""Implementation pages: visibility on every route, permissions per role, milestones with
progress, the handover, bad input, the list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.implementation import actions
from ideverket.implementation import urls as implementation_urls
from ideverket.implementation.models import FollowUp, Handover, Implementation, Milestone
from ideverket.trials.tests.builders import implementing_idea

from .conftest import PERSONAS, load

DAY = datetime.timedelta(days=1)


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def handover_data(cast, **changes):
    day = today()
    data = {
        "line_owner": cast.colleague.pk,
        "line_unit": cast.school.pk,
        "runs_from": day.isoformat(),
        "follow_up_1": (day + 90 * DAY).isoformat(),
        "follow_up_2": "",
        "follow_up_3": "",
        "follow_up_4": "",
        "note": "Skolan driver det i ordinarie drift.",
    }
    data.update(changes)
    return data


def routes(active, milestone, handed_over, follow_up, cast):
    """(method, url name, args, data) for every route that takes an implementation."""
    a, h = active.pk, handed_over.pk
    plan = {"plan": "Kapad", "starts_on": today().isoformat()}
    return [
        ("get", "implementation:detail", [a], None),
        ("get", "implementation:edit", [a], None),
        ("post", "implementation:edit", [a], plan),
        ("get", "implementation:owner", [a], None),
        ("post", "implementation:owner", [a], {"owner": cast.manager.pk}),
        ("post", "implementation:milestone_add", [a], {"title": "Kapad", "progress": "5"}),
        ("get", "implementation:milestone_edit", [a, milestone.pk], None),
        (
            "post",
            "implementation:milestone_edit",
            [a, milestone.pk],
            {"title": "Kapad", "progress": "99"},
        ),
        ("post", "implementation:milestone_done", [a, milestone.pk], {}),
        ("get", "implementation:handover", [a], None),
        ("post", "implementation:handover", [a], handover_data(cast)),
        ("post", "implementation:follow_up_done", [h, follow_up.pk], {"note": "Kapad"}),
    ]


def make_set(cast, **idea_fields):
    """An active implementation with a milestone, and a handed-over one with a follow-up."""
    day = today()
    active = load(implementing_idea(cast, **idea_fields))
    milestone = actions.do_add_milestone(cast.fresh("manager"), active, title="Utbilda")
    handed_over = load(implementing_idea(cast, **idea_fields))
    handover = actions.do_handover(
        cast.fresh("manager"),
        handed_over,
        line_owner=cast.manager,
        line_unit=cast.school,
        runs_from=day,
        follow_up_dates=[day + 30 * DAY],
        note="Klart.",
    )
    return active, milestone, load(handed_over), handover.follow_ups.get()


def test_the_sweep_covers_every_implementation_route(cast):
    swept = {name for _m, name, _a, _d in routes(*make_set(cast), cast)}
    names = {f"implementation:{p.name}" for p in implementation_urls.urlpatterns}
    assert names - {"implementation:list"} == swept


# -- visibility ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["outsider", "social_lead", "hr_person"])
def test_a_restricted_ideas_implementation_is_404_on_every_route(cast, login, persona):
    active, milestone, handed_over, follow_up = make_set(
        cast, visibility=Idea.Visibility.RESTRICTED, title="Zebrafinkar i skolan"
    )
    client = login(cast.fresh(persona))
    for method, name, args, data in routes(active, milestone, handed_over, follow_up, cast):
        response = getattr(client, method)(reverse(name, args=args), data)
        assert response.status_code == 404, (method, name, response.status_code)
    listing = client.get(reverse("implementation:list"))
    assert "Zebrafinkar" not in listing.text
    assert listing.context["page_obj"].paginator.count == 0
    # Nothing changed behind the 404s.
    assert load(active).status == Implementation.Status.ACTIVE
    assert load(active).plan == "Inför i alla klasser under våren."
    milestone.refresh_from_db()
    follow_up.refresh_from_db()
    assert milestone.progress == 0 and follow_up.done_on is None
    assert Milestone.objects.count() == 1


def test_inside_the_circle_it_is_visible(cast, login):
    active, *_rest = make_set(
        cast, visibility=Idea.Visibility.RESTRICTED, title="Zebrafinkar i skolan"
    )
    for persona in ("employee", "inspirer", "lead", "coordinator"):
        client = login(cast.fresh(persona))
        assert client.get(reverse("implementation:detail", args=[active.pk])).status_code == 200
        assert "Zebrafinkar" in client.get(reverse("implementation:list")).text


def test_a_follow_up_of_another_implementation_is_404(cast, login):
    active, _milestone, _handed_over, follow_up = make_set(cast)
    client = login(cast.fresh("coordinator"))
    url = reverse("implementation:follow_up_done", args=[active.pk, follow_up.pk])
    assert client.post(url, {"note": "x"}).status_code in (403, 404)
    follow_up.refresh_from_db()
    assert follow_up.done_on is None


def test_a_milestone_of_another_implementation_is_404(cast, login):
    active, milestone, handed_over, _follow_up = make_set(cast)
    other = load(implementing_idea(cast))
    client = login(cast.fresh("manager"))
    url = reverse("implementation:milestone_edit", args=[other.pk, milestone.pk])
    assert client.get(url).status_code == 404
    done = reverse("implementation:milestone_done", args=[other.pk, milestone.pk])
    assert client.post(done).status_code == 404


# -- permissions per role --------------------------------------------------------------------

MANAGERS = {"colleague", "manager", "lead", "director", "social_lead", "coordinator"}
DECIDERS = {"manager", "lead", "director", "coordinator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_per_role(cast, login, active, persona):
    """Everyone sees the open idea's implementation; the rest answers 403 unless the role
    allows it. Empty or invalid POSTs tell the two apart without changing anything."""
    milestone = actions.do_add_milestone(cast.fresh("manager"), active, title="Steg")
    client = login(cast.fresh(persona))
    pk = active.pk
    assert client.get(reverse("implementation:detail", args=[pk])).status_code == 200
    expected = [
        ("get", "implementation:edit", [pk], MANAGERS),
        ("post", "implementation:milestone_add", [pk], MANAGERS),
        ("get", "implementation:milestone_edit", [pk, milestone.pk], MANAGERS),
        ("post", "implementation:milestone_edit", [pk, milestone.pk], MANAGERS),
        ("get", "implementation:handover", [pk], DECIDERS),
        ("post", "implementation:handover", [pk], DECIDERS),
        ("get", "implementation:owner", [pk], DECIDERS),
    ]
    for method, name, args, allowed in expected:
        response = getattr(client, method)(reverse(name, args=args), {})
        if persona in allowed:
            assert response.status_code in (200, 422), (name, response.status_code)
        else:
            assert response.status_code == 403, (name, response.status_code)
    done = client.post(reverse("implementation:milestone_done", args=[pk, milestone.pk]))
    assert done.status_code == (302 if persona in MANAGERS else 403)
    assert load(active).status == Implementation.Status.ACTIVE


@pytest.mark.parametrize("persona", PERSONAS)
def test_follow_up_per_role(cast, login, handed_over, persona):
    follow_up = FollowUp.objects.get()
    allowed = {"inspirer", "manager", "lead", "director", "coordinator"}
    client = login(cast.fresh(persona))
    response = client.post(
        reverse("implementation:follow_up_done", args=[handed_over.pk, follow_up.pk]),
        {f"follow-up-{follow_up.pk}-note": "Fungerar"},
    )
    assert response.status_code == (302 if persona in allowed else 403)
    follow_up.refresh_from_db()
    assert (follow_up.done_on is not None) == (persona in allowed)


# -- milestones ------------------------------------------------------------------------------


def test_milestones_through_the_page(cast, login, active):
    client = login(cast.fresh("colleague"))
    detail = reverse("implementation:detail", args=[active.pk])
    page = client.get(detail).text
    assert "Lägg till ett delmål" in page and "Lämna över till linjen</a>" not in page
    add = reverse("implementation:milestone_add", args=[active.pk])
    response = client.post(
        add, {"title": "Utbilda lärarna", "due_on": "", "progress": "40"}, follow=True
    )
    assert "Delmålet är tillagt." in response.text
    assert '<progress max="100" value="40"' in response.text
    milestone = Milestone.objects.get()
    edit = reverse("implementation:milestone_edit", args=[active.pk, milestone.pk])
    assert client.post(edit, {"title": "Utbilda lärarna", "progress": "80"}).status_code == 302
    page = client.get(detail)
    assert page.context["progress"] == 80
    assert '<progress id="progress-overall" max="100" value="80">' in page.text
    assert "80 %" in page.text
    done = reverse("implementation:milestone_done", args=[active.pk, milestone.pk])
    client.post(done)
    milestone.refresh_from_db()
    assert milestone.progress == 100 and milestone.done_on == today()


@pytest.mark.parametrize("progress", ["150", "-5", "abc", "1e9", "50.5"])
def test_bad_progress_keeps_the_text(cast, login, active, progress):
    client = login(cast.fresh("colleague"))
    add = reverse("implementation:milestone_add", args=[active.pk])
    response = client.post(add, {"title": "Mitt delmål åäö", "progress": progress})
    assert response.status_code == 422
    assert "ett heltal från 0 till 100" in " ".join(
        response.context["milestone_form"].errors["progress"]
    )
    assert "Mitt delmål åäö" in response.text
    assert not Milestone.objects.exists()


def test_bad_progress_on_edit(cast, login, active):
    milestone = actions.do_add_milestone(cast.fresh("manager"), active, title="Steg")
    client = login(cast.fresh("colleague"))
    url = reverse("implementation:milestone_edit", args=[active.pk, milestone.pk])
    response = client.post(url, {"title": "Nytt namn", "progress": "101"})
    assert response.status_code == 422 and "Nytt namn" in response.text
    milestone.refresh_from_db()
    assert (milestone.title, milestone.progress) == ("Steg", 0)


# -- handover --------------------------------------------------------------------------------


def test_handover_through_the_page(cast, login):
    implementation = load(implementing_idea(cast))
    client = login(cast.fresh("manager"))
    url = reverse("implementation:handover", args=[implementation.pk])
    page = client.get(url)
    assert page.context["form"].initial["line_owner"] == cast.manager.pk
    data = handover_data(cast, follow_up_2=(today() + 365 * DAY).isoformat())
    data["status"] = "active"  # not a field: ignored
    response = client.post(url, data, follow=True)
    assert "överlämnat till linjen" in response.text
    handover = Handover.objects.get()
    assert handover.line_owner == cast.colleague
    assert handover.follow_ups.count() == 2
    idea = Idea.objects.get(pk=implementation.idea_id)
    assert idea.stage == Stage.IMPLEMENTED
    idea_page = client.get(reverse("ideas:detail", args=[idea.pk])).text
    assert "Införd" in idea_page and "Överlämnad till linjen" in idea_page
    # A second attempt (another tab) is told, not forbidden.
    again = client.post(url, handover_data(cast), follow=True)
    assert "redan överlämnat" in again.text
    assert Handover.objects.count() == 1


@pytest.mark.parametrize(
    "changes, field, message",
    [
        # Callables: the dates are read when the test runs.
        (
            {"follow_up_1": lambda: (today() - DAY).isoformat()},
            "follow_up_1",
            "Uppföljningen måste ligga efter",
        ),
        (
            {"follow_up_2": lambda: today().isoformat()},
            "follow_up_2",
            "Uppföljningen måste ligga efter",
        ),
        ({"follow_up_1": ""}, "follow_up_1", "Ange minst ett datum för uppföljning."),
        ({"line_owner": "", "line_unit": ""}, "line_unit", "Ange vilken enhet"),
        ({"runs_from": ""}, "runs_from", "Ange från vilket datum"),
        ({"note": "   "}, "note", "Beskriv hur överlämningen"),
        ({"runs_from": "2025-02-30"}, "runs_from", ""),
    ],
)
def test_bad_handover_keeps_the_text(cast, login, changes, field, message):
    implementation = load(implementing_idea(cast))
    client = login(cast.fresh("manager"))
    url = reverse("implementation:handover", args=[implementation.pk])
    changes = {key: value() if callable(value) else value for key, value in changes.items()}
    data = handover_data(cast, **changes)
    if field != "note":
        data["note"] = "Min kommentar åäö"
    response = client.post(url, data)
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert 'role="alert"' in response.text
    if field != "note":
        assert "Min kommentar åäö" in response.text
    assert not Handover.objects.exists()
    assert load(implementation).status == Implementation.Status.ACTIVE


def test_line_owner_outside_the_line_unit(cast, login):
    implementation = load(implementing_idea(cast))
    client = login(cast.fresh("manager"))
    url = reverse("implementation:handover", args=[implementation.pk])
    response = client.post(url, handover_data(cast, line_owner=cast.outsider.pk))
    assert response.status_code == 422
    assert "måste höra till enheten" in " ".join(response.context["form"].errors["line_owner"])


def test_follow_up_through_the_page(cast, login, handed_over):
    follow_up = FollowUp.objects.get()
    client = login(cast.fresh("inspirer"))
    page = client.get(reverse("implementation:detail", args=[handed_over.pk])).text
    assert "Markera som uppföljd" in page
    url = reverse("implementation:follow_up_done", args=[handed_over.pk, follow_up.pk])
    response = client.post(url, {f"follow-up-{follow_up.pk}-note": "x" * 3001})
    assert response.status_code == 422
    response = client.post(url, {f"follow-up-{follow_up.pk}-note": "Alla använder den"})
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.note == "Alla använder den"
    page = client.get(reverse("implementation:detail", args=[handed_over.pk])).text
    assert "Uppföljd" in page and "Markera som uppföljd" not in page


# -- plan and owner --------------------------------------------------------------------------


def test_edit_and_reassign(cast, login, active):
    client = login(cast.fresh("lead"))
    url = reverse("implementation:edit", args=[active.pk])
    seen = client.get(url).context["form"].initial["seen_updated_at"]
    data = {"seen_updated_at": seen, "plan": "", "starts_on": today().isoformat(), "ends_on": ""}
    response = client.post(url, data)
    assert "Skriv planen för införandet." in response.text
    data["plan"] = "Ny plan åäö"
    assert client.post(url, data).status_code == 302
    assert load(active).plan == "Ny plan åäö"
    owner_url = reverse("implementation:owner", args=[active.pk])
    response = client.post(owner_url, {"owner": cast.outsider.pk})
    assert "Den ansvariga måste höra till den mottagande enheten." in response.text
    assert client.post(owner_url, {"owner": cast.manager.pk}).status_code == 302
    assert load(active).owner == cast.manager


# -- the list --------------------------------------------------------------------------------


def test_list_filters(cast, login):
    day = today()
    active = implementing_idea(cast, title="Aktivt införande")
    late = implementing_idea(cast, title="Sent införande")
    Implementation.objects.filter(pk=late.pk).update(starts_on=day - 10 * DAY, ends_on=day - DAY)
    done = load(implementing_idea(cast, title="Överlämnat införande"))
    actions.do_handover(
        cast.fresh("manager"),
        done,
        line_owner=cast.manager,
        line_unit=cast.school,
        runs_from=day,
        follow_up_dates=[day + DAY],
        note="Klart",
    )
    client = login(cast.fresh("employee"))
    url = reverse("implementation:list")

    def titles(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {i.idea.title for i in response.context["page_obj"].object_list}

    everything = {"Aktivt införande", "Sent införande", "Överlämnat införande"}
    assert titles() == everything
    assert titles(status="active") == {"Aktivt införande", "Sent införande"}
    assert titles(status="handed_over") == {"Överlämnat införande"}
    assert titles(flagged="on") == {"Sent införande"}
    assert titles(department=cast.social.pk) == set()
    assert titles(department=cast.education.pk) == everything
    assert titles(status="nonsense", department="1; DROP", page="-1") == everything
    assert "Flaggat: den avsatta tiden har gått ut." in client.get(url).text
    assert active


def test_notifications_read_well(cast, login):
    implementation = implementing_idea(cast, title="Cykelställ vid entrén")
    client = login(cast.fresh("employee"))
    page = client.get(reverse("activity:notifications")).text
    assert f"{cast.director.name} startade införandet med {cast.manager.name} som ansvarig" in page
    assert f'href="{implementation.get_absolute_url()}">Införande: Cykelställ vid entrén</a>' in (
        page
    )
