"""The network's pages per role: what each sees, may change, and what bad input gives."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.ideas.actions import do_set_coach
from ideverket.ideas.tests.builders import idea_in_stage, make_person, new_idea
from ideverket.network.actions import do_edit_activity, do_register
from ideverket.network.models import InspirerProfile, NetworkActivity, Participation
from ideverket.org.actions import do_create_unit
from ideverket.org.models import RoleAssignment

from .builders import activity, attended, profile

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
EVERYONE = [
    "employee",
    "colleague",
    "inspirer",
    "manager",
    "lead",
    "director",
    "social_lead",
    "outsider",
    "hr_person",
    "coordinator",
    "admin",
]


def names_in_order(html, names):
    """The order in which `names` first appear in `html`."""
    return sorted(names, key=html.index)


# -- find -------------------------------------------------------------------------------------
@pytest.fixture
def network(cast):
    """Inspirers around the cast: Skola Norr (Ines), the department itself (Disa), a sibling
    school (Saga), the social department (Selma) and HR (Hugo)."""
    sibling = do_create_unit(None, name="Skola Söder", parent=cast.education)
    people = {
        "disa": make_person(
            "disa", "Disa Förvaltning", cast.education, (Role.INSPIRER, cast.education)
        ),
        "saga": make_person("saga", "Saga Söder", sibling, (Role.INSPIRER, sibling)),
        "selma": make_person(
            "selma", "Selma Social", cast.homecare, (Role.INSPIRER, cast.homecare)
        ),
        "hugo": make_person("hugo", "Hugo HR", cast.hr, (Role.INSPIRER, cast.hr)),
    }
    profile(cast.fresh("inspirer"), help_with="Idéverkstäder på APT.")
    profile(people["saga"], contact="Drop-in onsdagar 14–15.", is_available=False)
    people["sibling"] = sibling
    return people


def test_find_shows_the_nearest_first_for_the_employee(cast, login, network):
    response = login(cast.employee).get(reverse("network:find"))
    assert response.status_code == 200
    html = response.content.decode()
    order = names_in_order(
        html,
        ["Ines Inspiratör", "Disa Förvaltning", "Saga Söder", "Hugo HR", "Selma Social"],
    )
    # Own unit, then the department above it; the rest of the department; then the others.
    assert order[:3] == ["Ines Inspiratör", "Disa Förvaltning", "Saga Söder"]
    assert "Närmast Skola Norr" in html and "Övriga i Utbildningsförvaltningen" in html
    assert "I andra förvaltningar" in html
    assert "Idéverkstäder på APT." in html
    assert "Drop-in onsdagar 14–15." in html and "Tar inte emot nya idéer just nu" in html
    assert "Har inte skrivit någon profil än." in html  # Disa


def test_find_for_a_chosen_unit(cast, login, network):
    response = login(cast.employee).get(reverse("network:find"), {"unit": cast.homecare.pk})
    html = response.content.decode()
    assert html.index("Selma Social") < html.index("Ines Inspiratör")
    assert "Närmast Hemtjänst Öst" in html


def test_find_for_a_department_puts_its_units_inspirers_second(cast, login, network):
    response = login(cast.outsider).get(reverse("network:find"), {"unit": cast.education.pk})
    html = response.content.decode()
    assert names_in_order(html, ["Saga Söder", "Disa Förvaltning", "Ines Inspiratör"])[0] == (
        "Disa Förvaltning"
    )


def test_find_with_an_unknown_unit_says_so(cast, login, network):
    response = login(cast.employee).get(reverse("network:find"), {"unit": "999999"})
    assert response.status_code == 422
    assert "Välj en enhet i listan." in response.content.decode()
    assert "Ines Inspiratör" in response.content.decode()  # the own unit's list instead


def test_find_answers_htmx_with_the_results_only(cast, login, network):
    response = login(cast.employee).get(
        reverse("network:find"), {"unit": cast.hr.pk}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<h1" not in html and "Hugo HR" in html


def test_inactive_inspirers_are_not_listed(cast, login, network):
    network["hugo"].is_active = False
    network["hugo"].save()
    html = login(cast.employee).get(reverse("network:find")).content.decode()
    assert "Hugo HR" not in html


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_finds_inspirers(cast, login, network, who):
    response = login(cast.fresh(who)).get(reverse("network:find"))
    assert response.status_code == 200
    assert "Ines Inspiratör" in response.content.decode()


# -- profiles ---------------------------------------------------------------------------------
def test_profile_shows_who_where_what_and_coached_ideas_the_viewer_may_see(cast, login):
    inspirer = cast.fresh("inspirer")
    profile(inspirer, help_with="Jag hjälper till med tester.", contact="Teams: Ines")
    open_idea = new_idea(cast, title="Öppen idé om läxhjälp")
    do_set_coach(inspirer, open_idea, inspirer)
    hidden = new_idea(cast, title="Begränsad idé om schemat", visibility="restricted")
    do_set_coach(inspirer, hidden, inspirer)
    ended = idea_in_stage(cast, "declined", title="Avslagen idé")
    do_set_coach(cast.fresh("coordinator"), ended, inspirer)  # final stages are not coached
    url = reverse("network:profile", args=[inspirer.pk])

    html = login(cast.employee).get(url).content.decode()
    for text in (
        "Ines Inspiratör",
        "Skola Norr",
        "Utbildningsförvaltningen",
        "Jag hjälper till med tester.",
        "Teams: Ines",
        "Öppen idé om läxhjälp",
        "Begränsad idé om schemat",
    ):
        assert text in html
    assert "Avslagen idé" not in html

    outsider_html = login(cast.outsider).get(url).content.decode()
    assert "Öppen idé om läxhjälp" in outsider_html
    assert "Begränsad idé om schemat" not in outsider_html


@pytest.mark.parametrize("who", EVERYONE)
def test_every_role_reads_a_profile_and_only_self_and_coordinator_may_edit(cast, login, who):
    profile(cast.fresh("inspirer"), help_with="Testplaner")
    client = login(cast.fresh(who))
    page = client.get(reverse("network:profile", args=[cast.inspirer.pk]))
    assert page.status_code == 200
    may_edit = who in ("inspirer", "coordinator")
    assert ("Ändra" in page.content.decode() and "profil" in page.content.decode()) == may_edit
    edit = client.get(reverse("network:profile_edit", args=[cast.inspirer.pk]))
    assert edit.status_code == (200 if may_edit else 403)
    post = client.post(
        reverse("network:profile_edit", args=[cast.inspirer.pk]),
        {"help_with": "Annat", "contact": "Annat", "is_available": "on"},
    )
    assert post.status_code == (302 if may_edit else 403)
    assert InspirerProfile.objects.get().help_with == ("Annat" if may_edit else "Testplaner")


def test_a_person_who_is_not_an_inspirer_has_no_profile_page(cast, login):
    client = login(cast.coordinator)
    for pk in (cast.employee.pk, 999999):
        assert client.get(reverse("network:profile", args=[pk])).status_code == 404
        assert client.get(reverse("network:profile_edit", args=[pk])).status_code == 404


def test_my_profile_leads_the_inspirer_to_their_form(cast, login):
    response = login(cast.inspirer).get(reverse("network:my_profile"))
    assert response.url == reverse("network:profile_edit", args=[cast.inspirer.pk])
    assert login(cast.employee).get(reverse("network:my_profile")).status_code == 404


def test_profile_form_refuses_empty_fields_and_keeps_the_text(cast, login):
    response = login(cast.inspirer).post(
        reverse("network:profile_edit", args=[cast.inspirer.pk]),
        {"help_with": "Jag kan hjälpa till med testplaner", "contact": "   "},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Skriv hur kollegor når dig." in html
    assert "Jag kan hjälpa till med testplaner" in html
    assert not InspirerProfile.objects.exists()


def test_profile_form_refuses_too_long_text(cast, login):
    response = login(cast.inspirer).post(
        reverse("network:profile_edit", args=[cast.inspirer.pk]),
        {"help_with": "x" * 2001, "contact": "Teams"},
    )
    assert response.status_code == 422
    assert "högst 2 000 tecken" in response.content.decode()


# -- activities -------------------------------------------------------------------------------
def form_data(**overrides):
    start = timezone.localtime() + datetime.timedelta(days=7)
    data = {
        "title": "Idéverkstad för inspiratörer",
        "kind": "workshop",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Stadshuset, sal Ekdungen",
        "online_link": "",
        "description": "Vi övar på att formulera utmaningar.",
        "department": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", EVERYONE)
def test_every_role_sees_the_activities_and_an_activity(cast, login, who):
    coming = activity(cast.fresh("coordinator"), days=5, title="Kommande träff")
    activity(cast.fresh("coordinator"), days=-5, title="Förra träffen")
    client = login(cast.fresh(who))
    html = client.get(reverse("network:activities")).content.decode()
    assert "Kommande träff" in html and "Förra träffen" in html
    assert ("Ny aktivitet" in html) == (who in ("coordinator", "lead", "social_lead"))
    page = client.get(coming.get_absolute_url())
    assert page.status_code == 200
    assert ("Ändra aktiviteten" in page.content.decode()) == (who == "coordinator")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 302),
        ("lead", 302),
        ("social_lead", 302),
        ("employee", 403),
        ("inspirer", 403),
        ("manager", 403),
        ("director", 403),
        ("admin", 403),
        ("outsider", 403),
    ],
)
def test_who_may_create_an_activity(cast, login, who, status):
    user = cast.fresh(who)
    department = {"lead": cast.education.pk, "social_lead": cast.social.pk}.get(who, "")
    client = login(user)
    assert client.get(reverse("network:activity_create")).status_code == (
        200 if status == 302 else 403
    )
    response = client.post(reverse("network:activity_create"), form_data(department=department))
    assert response.status_code == status
    assert NetworkActivity.objects.count() == (1 if status == 302 else 0)


def test_a_lead_may_only_choose_their_own_department(cast, login):
    client = login(cast.fresh("lead"))
    page = client.get(reverse("network:activity_create")).content.decode()
    assert "Utbildningsförvaltningen" in page and "Socialförvaltningen" not in page
    response = client.post(reverse("network:activity_create"), form_data(department=cast.social.pk))
    assert response.status_code == 422
    assert "Välj en förvaltning i listan." in response.content.decode()
    response = client.post(reverse("network:activity_create"), form_data(department=""))
    assert response.status_code == 422
    assert not NetworkActivity.objects.exists()


def test_bad_activity_input_is_explained_and_kept(cast, login):
    client = login(cast.fresh("coordinator"))
    data = form_data(
        place="",
        online_link="teams-länk",
        starts_at="imorgon",
        title="Workshop om tjänstedesign",
    )
    response = client.post(reverse("network:activity_create"), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Ange datum och klockslag" in html
    assert "Ange en hel webbadress, som börjar med https://." in html
    assert "Workshop om tjänstedesign" in html and "imorgon" in html
    response = client.post(
        reverse("network:activity_create"),
        form_data(place=""),
    )
    assert "Ange en plats eller en länk" in response.content.decode()
    start = timezone.localtime() + datetime.timedelta(days=7)
    response = client.post(
        reverse("network:activity_create"),
        form_data(ends_at=(start - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")),
    )
    assert "Aktiviteten kan inte sluta innan den börjar." in response.content.decode()
    assert not NetworkActivity.objects.exists()


def test_the_coordinator_creates_and_edits_an_activity(cast, login):
    client = login(cast.fresh("coordinator"))
    response = client.post(reverse("network:activity_create"), form_data())
    made = NetworkActivity.objects.get()
    assert response.url == made.get_absolute_url()
    assert made.department is None and made.kind == "workshop"
    response = client.post(
        reverse("network:activity_edit", args=[made.pk]),
        form_data(title="Idéverkstad, del 2", department=cast.social.pk),
    )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.title == "Idéverkstad, del 2" and made.department == cast.social


def test_edit_permissions(cast, login):
    made = activity(cast.fresh("lead"), department=cast.education, days=4)
    for who, status in (
        ("lead", 200),
        ("coordinator", 200),
        ("social_lead", 403),
        ("employee", 403),
    ):
        assert (
            login(cast.fresh(who)).get(reverse("network:activity_edit", args=[made.pk])).status_code
            == status
        )
    assert login(cast.employee).get(reverse("network:activity", args=[999999])).status_code == 404


def test_signing_up_and_taking_it_back(cast, login):
    made = activity(cast.fresh("coordinator"), days=4)
    client = login(cast.outsider)
    url = reverse("network:activity_register", args=[made.pk])
    assert client.post(url).status_code == 302
    html = client.get(made.get_absolute_url()).content.decode()
    assert "Du är anmäld." in html and "Ta tillbaka min anmälan" in html
    client.post(url, {"action": "unregister"})
    assert not Participation.objects.get().registered
    assert client.get(url).status_code == 405


def test_signing_up_after_the_start_is_refused_with_a_message(cast, login):
    made = activity(cast.fresh("coordinator"), days=-1)
    response = login(cast.employee).post(
        reverse("network:activity_register", args=[made.pk]), follow=True
    )
    assert "anmälan är stängd" in response.content.decode()
    assert not Participation.objects.exists()


def test_attendance_form(cast, login):
    coordinator = cast.fresh("coordinator")
    made = activity(coordinator, days=-1)
    client = login(coordinator)
    url = reverse("network:attendance", args=[made.pk])
    page = client.get(url).content.decode()
    assert "Ines Inspiratör (Skola Norr)" in page
    assert "Erik Elev" not in page  # not an inspirer, not signed up
    response = client.post(url, {"attendees": [cast.inspirer.pk]})
    assert response.status_code == 302
    assert Participation.objects.get().attended
    response = client.post(url, {"attendees": [cast.outsider.pk]})
    assert response.status_code == 422
    assert "Välj deltagare ur listan." in response.content.decode()
    assert Participation.objects.get().user == cast.inspirer


def test_attendance_before_the_start_is_refused(cast, login):
    made = activity(cast.fresh("coordinator"), days=2)
    client = login(cast.coordinator)
    url = reverse("network:attendance", args=[made.pk])
    response = client.post(url, {"attendees": [cast.inspirer.pk]})
    assert response.status_code == 422
    assert not Participation.objects.exists()


@pytest.mark.parametrize("who", ["employee", "inspirer", "manager", "social_lead", "outsider"])
def test_others_may_not_mark_attendance(cast, login, who):
    made = activity(cast.fresh("lead"), department=cast.education, days=-1)
    client = login(cast.fresh(who))
    assert client.get(reverse("network:attendance", args=[made.pk])).status_code == 403
    assert (
        client.post(
            reverse("network:attendance", args=[made.pk]), {"attendees": [cast.inspirer.pk]}
        ).status_code
        == 403
    )
    assert (
        login(cast.fresh("lead")).get(reverse("network:attendance", args=[made.pk])).status_code
        == 200
    )
    attended(cast.fresh("lead"), made, cast.inspirer)


def test_notifications_read_well_and_link_to_the_profile_and_activity(cast, login):
    coordinator = cast.fresh("coordinator")
    profile(cast.fresh("inspirer"), actor=coordinator)
    made = activity(coordinator, days=6, title="Nätverksträff om heltid")
    do_register(cast.fresh("inspirer"), made)
    do_edit_activity(coordinator, made, place="Stadshuset, sal Ekdungen")
    html = login(cast.inspirer).get(reverse("activity:notifications")).content.decode()
    assert "Cora Samordnare skrev en inspiratörsprofil" in html
    assert "Inspiratörsprofil: Ines Inspiratör" in html
    assert reverse("network:profile", args=[cast.inspirer.pk]) in html
    assert "Cora Samordnare ändrade ”Nätverksträff om heltid”" in html
    assert made.get_absolute_url() in html
