"""Project pages: 404 for what the user may not see (every route), 403 for what they see but may
not do (role × route), bad input answered in Swedish next to the field, and the flows."""

import datetime

import pytest
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.challenges.actions import do_create_challenge
from ideverket.departments.actions import do_update_department_settings
from ideverket.ideas.actions import do_create_idea
from ideverket.ideas.models import Idea
from ideverket.projects import actions, page
from ideverket.projects.models import (
    GateDecision,
    JoinRequest,
    Project,
    ProjectMember,
    ProjectMilestone,
    ProjectUnit,
    StatusReport,
)

from .conftest import commitment_post

pytestmark = pytest.mark.django_db


def today():
    """Today's date, read when the test runs (not when this module is imported)."""
    return timezone.localdate()


def project_routes():
    """Every projects:* URL that takes a project id, by name, with its other parameters."""
    resolver = get_resolver().namespace_dict["projects"][1]
    return {
        p.name: sorted(p.pattern.converters)
        for p in resolver.url_patterns
        if isinstance(p, URLPattern) and "pk" in p.pattern.converters
    }


ROUTES = project_routes()


@pytest.fixture
def world(cast, make_project):
    """A project with one of everything, and the ids each route needs.

    Led by Utbildningsförvaltningen; HR invited as partner (so the outsider, in Hemtjänst Öst,
    is in no unit that sees it), a pending join request from Cecilia, a milestone.
    """
    project = make_project("Heltid som norm")
    lead = cast.fresh("lead")
    hr_link = actions.do_invite_unit(lead, project, cast.hr, as_partner=True)
    social_link = actions.do_invite_unit(lead, project, cast.social)
    join_request = actions.do_ask_to_join(cast.fresh("colleague"), project, "Gärna!")
    milestone = actions.do_add_milestone(lead, project, title="Kartläggning", progress=20)
    challenge = do_create_challenge(
        lead,
        title="Heltid",
        question="Hur kan vi få fler att jobba heltid?",
        owner_unit=cast.school,
    )
    return {
        "challenge": challenge,
        "project": Project.objects.get(pk=project.pk),
        "pk": project.pk,
        "link_pk": social_link.pk,
        "hr_link_pk": hr_link.pk,
        "request_pk": join_request.pk,
        "member_pk": project.memberships.get().pk,
        "milestone_pk": milestone.pk,
    }


def url(world, name):
    return reverse(f"projects:{name}", kwargs={k: world[k] for k in ROUTES[name]})


def restrict(project, social_too=False):
    Project.objects.filter(pk=project.pk).update(visibility=Project.Visibility.RESTRICTED)
    if not social_too:
        ProjectUnit.objects.filter(project=project, unit__name="Socialförvaltningen").update(
            status=ProjectUnit.Status.DECLINED
        )


def trace(project):
    """Everything a refused request must leave untouched."""
    project = Project.objects.get(pk=project.pk)
    return (
        Event.objects.for_subject(project).count(),
        project.updated_at,
        list(ProjectUnit.objects.filter(project=project).values_list("status", flat=True)),
        list(JoinRequest.objects.filter(project=project).values_list("status", flat=True)),
        ProjectMember.objects.filter(project=project).count(),
        list(ProjectMilestone.objects.filter(project=project).values_list("progress", flat=True)),
    )


# --- 404: every route on a restricted project, for the outsider ----------------------------------


def test_the_sweep_covers_every_project_route():
    assert set(ROUTES) == {
        "detail",
        "edit",
        "invite",
        "respond",
        "join",
        "join_decide",
        "team",
        "member_remove",
        "status",
        "milestone_create",
        "milestone_edit",
        "gate",
        "links",
        "unlink",
        "partners",
    }


@pytest.mark.parametrize("name", sorted(ROUTES))
@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404_on_every_route_of_a_restricted_project(cast, login, world, name, method):
    restrict(world["project"])
    before = trace(world["project"])
    client = login(cast.fresh("outsider"))
    body = {"answer": "accept", "title": "Kapat", "health": "red", "text": "x", "looking": "1"}
    response = getattr(client, method)(url(world, name), body)
    # A method the route never accepts answers 405 for every project alike, leaking nothing.
    wrong_method = (method == "get" and name in POST_ONLY) or (
        method == "post" and name == "detail"
    )
    assert response.status_code == (405 if wrong_method else 404)
    assert trace(world["project"]) == before


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_a_missing_project_is_404_too(cast, login, world, name):
    client = login(cast.fresh("coordinator"))
    missing = {**world, "pk": world["pk"] + 1000}
    method = client.get if name == "detail" else client.post
    assert method(url(missing, name), {"answer": "accept"}).status_code == 404


def test_sub_objects_of_another_project_are_404(cast, login, world, make_project):
    other = make_project("Annat projekt")
    client = login(cast.fresh("coordinator"))
    for name in ("respond", "join_decide", "member_remove", "milestone_edit"):
        response = client.post(url({**world, "pk": other.pk}, name), {"answer": "accept"})
        assert response.status_code == 404, name


def test_partner_sees_the_restricted_project_the_outsider_does_not(cast, login, world):
    restrict(world["project"])
    detail = url(world, "detail")
    assert login(cast.fresh("hr_person")).get(detail).status_code == 200
    assert login(cast.fresh("outsider")).get(detail).status_code == 404
    listing = login(cast.fresh("outsider")).get(reverse("projects:list"))
    assert "Heltid som norm" not in listing.text
    partner = login(cast.fresh("outsider")).get(reverse("projects:partner"))
    assert "Heltid som norm" not in partner.text


# --- 403: role × route on an open project ----------------------------------------------------------


def valid_bodies(cast, world):
    """For each route, a POST body a permitted user could send successfully."""
    return {
        "edit": {
            "title": "Nytt namn",
            "purpose": "Syfte",
            "lead_unit": cast.education.pk,
            "step": "frame",
            "visibility": "open",
        },
        "invite": {"unit": cast.school.pk, "as_partner": "participant"},
        "respond": {"answer": "accept"},
        "join": {"message": "Jag vill vara med"},
        "join_decide": {"answer": "accept"},
        "team": {"person": cast.employee.email, "role": "member"},
        "member_remove": {},
        "status": {"health": "green", "text": "Bra"},
        "milestone_create": {"title": "Ny", "progress": 0},
        "milestone_edit": {"title": "Kartläggning", "progress": 60},
        "gate": {"gate": "start", "outcome": "hold", "reason": "Vänta", "seen_gate": 0},
        "links": {"kind": "challenge", "challenge-challenge": world["challenge"].pk},
        "unlink": {"kind": "challenge", "id": "1"},
        "partners": {"looking": "1", "partner_note": "IT"},
    }


# route -> personas refused with 403 (everyone here sees the open project)
REFUSED = {
    "edit": ["employee", "colleague", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "invite": ["employee", "colleague", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "respond": ["employee", "lead", "director", "manager", "outsider", "hr_person", "admin"],
    "join": ["lead"],
    "join_decide": ["employee", "colleague", "manager", "social_lead", "outsider", "admin"],
    "team": ["employee", "colleague", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "member_remove": ["employee", "colleague", "manager", "social_lead", "outsider", "admin"],
    "status": ["employee", "colleague", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "milestone_create": ["employee", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "milestone_edit": ["employee", "colleague", "social_lead", "outsider", "hr_person", "admin"],
    "gate": ["employee", "colleague", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "links": ["employee", "colleague", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "unlink": ["employee", "colleague", "manager", "social_lead", "outsider", "hr_person", "admin"],
    "partners": ["employee", "manager", "social_lead", "outsider", "hr_person", "admin"],
}
# route -> a persona who is served (GET 200 where there is a page)
ALLOWED = {
    "edit": "director",
    "invite": "lead",
    "respond": "social_lead",
    "join": "outsider",
    "join_decide": "lead",
    "team": "coordinator",
    "member_remove": "lead",
    "status": "lead",
    "milestone_create": "director",
    "milestone_edit": "lead",
    "gate": "director",
    "links": "lead",
    "unlink": "lead",
    "partners": "coordinator",
}
POST_ONLY = {"respond", "join_decide", "member_remove", "unlink", "partners"}


def test_the_matrix_covers_every_action_route():
    assert set(REFUSED) == set(ALLOWED) == set(ROUTES) - {"detail"}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_role_route_matrix(cast, login, world, name):
    body = valid_bodies(cast, world)[name]
    for persona in REFUSED[name]:
        before = trace(world["project"])
        client = login(cast.fresh(persona))
        if name not in POST_ONLY:
            assert client.get(url(world, name)).status_code == 403, f"GET {name} as {persona}"
        assert client.post(url(world, name), body).status_code == 403, f"POST {name} as {persona}"
        assert trace(world["project"]) == before, f"{name} as {persona} left a trace"
    # The very body the others sent is accepted from someone allowed to act.
    client = login(cast.fresh(ALLOWED[name]))
    if name not in POST_ONLY:
        assert client.get(url(world, name)).status_code == 200
    response = client.post(url(world, name), body)
    assert response.status_code == 302, (name, response.status_code)


def test_employees_create_nothing(cast, login):
    client = login(cast.fresh("employee"))
    assert client.get(reverse("projects:create")).status_code == 403
    assert client.post(reverse("projects:create"), {"title": "X"}).status_code == 403


def test_members_are_not_asked_to_join_and_see_no_join_button(cast, login, world):
    lead = login(cast.fresh("lead"))
    assert "Be om att få vara med" not in lead.get(url(world, "detail")).text
    employee = login(cast.fresh("employee"))
    assert "Be om att få vara med" in employee.get(url(world, "detail")).text


# Whose pending join requests the project page lists: all of them for those who may manage the
# team (its leader, deciders on the lead unit or above, the coordinator), else only one's own.
JOIN_REQUESTS_LISTED = {
    "lead": ["Cecilia Kollega", "Erik Elev"],
    "director": ["Cecilia Kollega", "Erik Elev"],
    "coordinator": ["Cecilia Kollega", "Erik Elev"],
    "manager": [],
    "social_lead": [],
    "admin": [],
    "employee": [],
    "colleague": [],
}


@pytest.mark.parametrize("persona", JOIN_REQUESTS_LISTED)
def test_join_requests_listed_to_managers_only(cast, login, world, persona):
    actions.do_ask_to_join(cast.fresh("employee"), world["project"], "Jag med!")
    viewer = cast.fresh(persona)
    response = login(viewer).get(url(world, "detail"))
    listed = [r.user.name for r in response.context["join_requests"]]
    assert listed == JOIN_REQUESTS_LISTED[persona]
    # Others' requests are not even read for those who may not manage the team.
    loaded = page.load_project(viewer, Project.objects.all(), world["pk"])
    read = {r.user_id for r in loaded.page_join_requests}
    if listed:
        assert read == {cast.colleague.pk, cast.employee.pk}
    else:
        assert read <= {viewer.pk}
    mine = response.context["my_pending_request"]
    if persona in ("employee", "colleague"):
        assert mine is not None and mine.user_id == getattr(cast, persona).pk
        assert "Vill vara med" not in response.text
    else:
        assert mine is None


def test_linked_ideas_waiting_too_long_by_their_departments_own_limit(cast, login, world):
    """The project's row carries the departments' own time limits for the ideas' cards."""
    idea = do_create_idea(
        cast.employee, title="Väntande idé", problem="P", proposal="F", owner_unit=cast.school
    )
    actions.do_link_idea(cast.fresh("lead"), world["project"], idea)
    five_days_ago = timezone.now() - datetime.timedelta(days=5)
    Idea.objects.filter(pk=idea.pk).update(stage_changed_at=five_days_ago)
    client = login(cast.fresh("lead"))
    assert "Väntat för länge" not in client.get(url(world, "detail")).text  # 14 days by default
    do_update_department_settings(
        cast.fresh("director"), cast.education, limits_days={"submitted": 3}
    )
    assert "Väntat för länge" in client.get(url(world, "detail")).text


def test_posted_fields_the_form_does_not_offer_are_ignored(cast, login, world):
    client = login(cast.fresh("lead"))
    body = {**valid_bodies(cast, world)["edit"], "status": "completed", "health": "red"}
    client.post(url(world, "edit"), body)
    project = Project.objects.get(pk=world["pk"])
    assert project.status == Project.Status.ACTIVE and project.health == ""


# --- flows -----------------------------------------------------------------------------------------


def test_create_invite_accept_join_report_gate(cast, login):
    day = today()
    lead = login(cast.fresh("lead"))
    response = lead.post(
        reverse("projects:create"),
        {
            "title": "Heltid som norm",
            "purpose": "Fler ska kunna arbeta heltid.",
            "lead_unit": cast.education.pk,
            "leader": cast.lead.pk,
            "step": "explore",
            "starts_on": day.isoformat(),
            "ends_on": (day + datetime.timedelta(days=365)).isoformat(),
            "budget_kronor": "250000",
            "budget_hours": "800",
            "visibility": "restricted",
            "looking_for_partners": "on",
            "partner_note": "Någon med schemavana",
        },
    )
    project = Project.objects.get()
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.budget_kronor == 250000 and project.looking_for_partners

    lead.post(url_for(project, "invite"), {"unit": cast.social.pk, "as_partner": "participant"})
    lead.post(url_for(project, "invite"), {"unit": cast.hr.pk, "as_partner": "partner"})
    social_link = ProjectUnit.objects.get(unit=cast.social)

    social = login(cast.fresh("social_lead"))
    page = social.get(project.get_absolute_url())
    assert "Tacka ja för Socialförvaltningen" in page.text
    social.post(
        reverse("projects:respond", args=[project.pk, social_link.pk]), {"answer": "accept"}
    )
    social_link.refresh_from_db()
    assert social_link.status == ProjectUnit.Status.ACCEPTED

    hr = login(cast.fresh("hr_person"))
    assert "Heltid som norm" in hr.get(reverse("projects:partner")).text

    outsider = login(cast.fresh("outsider"))  # Hemtjänst Öst, inside Socialförvaltningen
    outsider.post(url_for(project, "join"), {"message": "Jag jobbar med scheman."})
    join_request = JoinRequest.objects.get()
    lead = login(cast.fresh("lead"))
    assert "Jag jobbar med scheman." in lead.get(project.get_absolute_url()).text
    lead.post(
        reverse("projects:join_decide", args=[project.pk, join_request.pk]), {"answer": "accept"}
    )
    assert ProjectMember.objects.filter(project=project, user=cast.outsider).exists()

    outsider = login(cast.fresh("outsider"))
    outsider.post(url_for(project, "status"), {"health": "yellow", "text": "Lite sent."})
    page = outsider.get(project.get_absolute_url())
    assert "Läge: Gul" in page.text

    director = login(cast.fresh("director"))
    response = director.post(
        url_for(project, "gate"),
        {
            "gate": "start",
            "outcome": "go",
            "reason": "Kör!",
            "seen_gate": 0,
            **commitment_post(cast),
        },
    )
    assert response.status_code == 302
    page = director.get(project.get_absolute_url())
    assert "Åtagande från mottagaren" in page.text and "Maja Chef" in page.text


def url_for(project, name):
    return reverse(f"projects:{name}", args=[project.pk])


def test_a_stale_gate_form_says_who_was_first(cast, login, world):
    actions.do_decide_gate(
        cast.fresh("lead"),
        world["project"],
        gate="start",
        outcome="hold",
        reason="Vänta",
    )
    client = login(cast.fresh("director"))
    response = client.post(
        url(world, "gate"), {"gate": "start", "outcome": "stop", "reason": "Nej", "seen_gate": 0}
    )
    assert response.status_code == 200
    assert "Lena Ledare har redan beslutat" in response.text
    assert GateDecision.objects.count() == 1


def test_a_stale_edit_form_is_told(cast, login, world):
    client = login(cast.fresh("lead"))
    form = client.get(url(world, "edit")).context["form"]
    seen = form.initial["seen_updated_at"]
    actions.do_edit_project(cast.fresh("director"), world["project"], title="Först")
    body = {**valid_bodies(cast, world)["edit"], "seen_updated_at": seen, "title": "Sen"}
    response = client.post(url(world, "edit"), body)
    assert "har ändrats av någon annan" in response.text
    assert Project.objects.get(pk=world["pk"]).title == "Först"


def test_links_page_links_a_visible_idea_only(cast, login, world):
    hidden = do_create_idea(
        cast.outsider,
        title="Hemlig idé",
        problem="P",
        proposal="F",
        owner_unit=cast.homecare,
        visibility=Idea.Visibility.RESTRICTED,
    )
    client = login(cast.fresh("lead"))
    response = client.post(url(world, "links"), {"kind": "idea", "idea-idea": hidden.pk})
    assert "Det finns ingen idé med det numret som du kan se." in response.text
    open_idea = do_create_idea(
        cast.employee, title="Öppen idé", problem="P", proposal="F", owner_unit=cast.school
    )
    client.post(url(world, "links"), {"kind": "idea", "idea-idea": open_idea.pk})
    assert list(world["project"].ideas.all()) == [open_idea]
    # The coordinator links the hidden idea; the lead still does not see it on the page.
    actions.do_link_idea(cast.fresh("coordinator"), world["project"], hidden)
    page = client.get(url(world, "detail"))
    assert "Öppen idé" in page.text and "Hemlig idé" not in page.text
    client.post(url(world, "unlink"), {"kind": "idea", "id": hidden.pk})
    assert world["project"].ideas.filter(pk=hidden.pk).exists()  # not the lead's to remove


def test_partners_toggle_from_the_detail_page(cast, login, world):
    client = login(cast.fresh("lead"))
    client.post(url(world, "partners"), {"looking": "1", "partner_note": "IT-stöd"})
    listing = login(cast.fresh("outsider")).get(reverse("projects:list"))
    section = listing.text.split('id="partner-wanted-heading"')[1].split("</section>")[0]
    assert "Heltid som norm" in section and "IT-stöd" in section
    client = login(cast.fresh("lead"))
    response = client.post(url(world, "partners"), {"looking": "1", "partner_note": "x" * 600})
    assert response.status_code == 422
    assert "500 tecken (den har 600)" in " ".join(
        response.context["partners_form"].errors["partner_note"]
    )
    assert Project.objects.get(pk=world["pk"]).partner_note == "IT-stöd"


# --- bad input ---------------------------------------------------------------------------------------


def field_error(response, field):
    """The error text shown next to `field` (includes/field.html)."""
    form = response.context["form"]
    return " ".join(form.errors.get(field, []))


CREATE = {
    "title": "Heltid som norm",
    "purpose": "Syfte som jag skrev länge på",
    "lead_unit": None,
    "step": "frame",
    "visibility": "open",
}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"starts_on": "2026-05-01", "ends_on": "2026-04-01"},
            "ends_on",
            "Slutdatumet kan inte ligga före startdatumet.",
        ),
        ({"budget_kronor": "-100"}, "budget_kronor", "Beloppet kan inte vara negativt."),
        ({"budget_hours": "9" * 30}, "budget_hours", "Talet är för stort."),
        ({"budget_hours": "tio"}, "budget_hours", "Skriv ett heltal"),
        ({"starts_on": "1 maj"}, "starts_on", "Skriv datumet som ÅÅÅÅ-MM-DD."),
        ({"lead_unit": "²"}, "lead_unit", "Välj en av enheterna i listan"),
        ({"lead_unit": "social"}, "lead_unit", "Välj en av enheterna i listan"),
        ({"title": "   "}, "title", "Detta fält måste fyllas i."),
        ({"purpose": "\u202e\u200b"}, "purpose", "Fältet får inte vara tomt."),
        ({"title": "x" * 201}, "title", "201"),
        ({"visibility": "secret"}, "visibility", "Välj ett giltigt alternativ"),
    ],
)
def test_create_bad_input(cast, login, changes, field, message):
    client = login(cast.fresh("lead"))
    data = {**CREATE, "lead_unit": cast.education.pk, "leader": cast.lead.pk, **changes}
    if data["lead_unit"] == "social":
        data["lead_unit"] = cast.social.pk  # a unit the lead holds no role over
    response = client.post(reverse("projects:create"), data)
    assert response.status_code == 200
    assert message in field_error(response, field)
    # The error is shown next to the field and the typed text is kept.
    assert f'id="id_{field}_error"' in response.text
    kept = "Heltid som norm" if field == "purpose" else "Syfte som jag skrev länge på"
    assert kept in response.text
    assert not Project.objects.exists()


def test_milestone_progress_150(cast, login, world):
    client = login(cast.fresh("lead"))
    response = client.post(
        url(world, "milestone_edit"), {"title": "Kartläggning klar snart", "progress": "150"}
    )
    assert field_error(response, "progress") == "Ange framsteget som en siffra mellan 0 och 100."
    assert "Kartläggning klar snart" in response.text
    assert ProjectMilestone.objects.get().progress == 20
    response = client.post(
        url(world, "milestone_edit"),
        {"title": "K", "progress": "50", "done_on": today().isoformat()},
    )
    assert "100 %" in field_error(response, "done_on")


def test_gate_go_without_commitment_is_refused_then_accepted(cast, login, world):
    client = login(cast.fresh("director"))
    body = {
        "gate": "start",
        "outcome": "go",
        "reason": "Ett bra skäl att gå vidare",
        "seen_gate": 0,
    }
    response = client.post(url(world, "gate"), body)
    assert response.status_code == 200
    assert field_error(response, "receiving_unit") == (
        "Ange den mottagande enhet som tar över resultatet."
    )
    assert field_error(response, "owner") == "Ange en namngiven ansvarig hos mottagaren."
    assert "Skriv in de resurser" in field_error(response, "hours")
    assert 'id="id_owner_error"' in response.text
    assert "Ett bra skäl att gå vidare" in response.text
    assert not GateDecision.objects.exists()

    response = client.post(url(world, "gate"), {**body, **commitment_post(cast, hours="-3")})
    assert field_error(response, "hours") == "Resurserna kan inte vara negativa."
    assert not GateDecision.objects.exists()

    response = client.post(url(world, "gate"), {**body, **commitment_post(cast)})
    assert response.status_code == 302
    assert GateDecision.objects.get().owner == cast.manager


def test_status_report_needs_health_and_text(cast, login, world):
    client = login(cast.fresh("lead"))
    response = client.post(url(world, "status"), {"text": "Mitt utkast"})
    assert field_error(response, "health") == "Välj hur projektet går: grönt, gult eller rött."
    assert "Mitt utkast" in response.text
    assert not StatusReport.objects.exists()


def test_team_add_by_unknown_email(cast, login, world):
    client = login(cast.fresh("lead"))
    response = client.post(url(world, "team"), {"person": "ingen@test.example", "role": "member"})
    assert field_error(response, "person") == "Det finns ingen aktiv person med den e-postadressen."
    response = client.post(url(world, "team"), {"person": cast.lead.email, "role": "member"})
    assert field_error(response, "person") == "Lena Ledare är redan med i teamet."
    response = client.post(url(world, "team"), {"person": cast.employee.email, "role": "boss"})
    assert "role" in response.context["form"].errors


def test_invite_a_non_support_unit_as_partner(cast, login, world):
    client = login(cast.fresh("lead"))
    response = client.post(
        url(world, "invite"), {"unit": cast.school.pk, "as_partner": "partner", "message": "Hej"}
    )
    assert "Bara stödfunktioner" in field_error(response, "as_partner")
    assert not ProjectUnit.objects.filter(unit=cast.school).exists()


def test_removing_the_last_leader_is_explained(cast, login, world):
    client = login(cast.fresh("lead"))
    response = client.post(url(world, "member_remove"), follow=True)
    assert "minst en projektledare" in response.text
    assert ProjectMember.objects.filter(project=world["project"]).count() == 1


# --- the list ------------------------------------------------------------------------------------------


@pytest.fixture
def listed(cast, make_project):
    """Three projects: one led by education; one by social with education taking part; one
    stopped, looking for partners, with an Å in its name."""
    edu = make_project("Skolans projekt")
    social = make_project("Sociala projektet", by=cast.fresh("social_lead"), lead_unit=cast.social)
    link = actions.do_invite_unit(cast.fresh("social_lead"), social, cast.school)
    actions.do_respond_to_invitation(cast.fresh("manager"), link, accept=True)
    stopped = make_project("Åsas projekt", step="test")
    actions.do_set_looking_for_partners(cast.fresh("lead"), stopped, looking=True, note="IT")
    Project.objects.filter(pk=stopped.pk).update(status=Project.Status.STOPPED)
    return edu, social, stopped


def titles(response):
    return [p.title for p in response.context["page_obj"].object_list]


def test_list_filters(cast, login, listed):
    client = login(cast.fresh("employee"))
    lst = reverse("projects:list")
    assert set(titles(client.get(lst))) == {"Skolans projekt", "Sociala projektet", "Åsas projekt"}
    # Department: led from it, or with a unit inside it taking part.
    by_education = titles(client.get(lst, {"department": cast.education.pk}))
    assert set(by_education) == {"Skolans projekt", "Sociala projektet", "Åsas projekt"}
    assert titles(client.get(lst, {"department": cast.social.pk})) == ["Sociala projektet"]
    assert titles(client.get(lst, {"status": "stopped"})) == ["Åsas projekt"]
    assert titles(client.get(lst, {"step": "test"})) == ["Åsas projekt"]
    assert titles(client.get(lst, {"q": "åsas"})) == ["Åsas projekt"]
    # A stopped project no longer looks for partners.
    assert titles(client.get(lst, {"partners": "on"})) == []
    assert titles(client.get(lst, {"sort": "title"}))[0] == "Skolans projekt"


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "-id"},
        {"sort": "lead_unit__name"},
        {"status": "deleted"},
        {"department": "x"},
        {"department": "99999999999999999999"},
        {"page": "9999"},
        {"page": "-1"},
        {"q": "%_\\" * 3000},
        {"step": "\x00"},
    ],
)
def test_list_survives_bad_parameters(cast, login, listed, params):
    response = login(cast.fresh("employee")).get(reverse("projects:list"), params)
    assert response.status_code == 200


def test_list_htmx_returns_the_results_partial(cast, login, listed):
    client = login(cast.fresh("employee"))
    response = client.get(reverse("projects:list"), {"status": "stopped"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.text
    assert "Åsas projekt" in response.text and 'hx-swap-oob="innerHTML"' in response.text
    assert "HX-Request" in response["Vary"]
    assert "partner_projects" not in response.context


def test_partner_section_lists_projects_and_ideas(cast, login, make_project):
    project = make_project("Digitala scheman", looking_for_partners=True, partner_note="IT")
    idea = do_create_idea(
        cast.employee,
        title="Idé som söker partner",
        problem="P",
        proposal="F",
        owner_unit=cast.school,
        looking_for_partners=True,
    )
    hidden = do_create_idea(
        cast.employee,
        title="Begränsad partneridé",
        problem="P",
        proposal="F",
        owner_unit=cast.school,
        looking_for_partners=True,
        visibility=Idea.Visibility.RESTRICTED,
    )
    response = login(cast.fresh("outsider")).get(reverse("projects:list"))
    assert response.context["partner_projects"] == [project]
    assert response.context["partner_ideas"] == [idea]
    assert hidden.title not in response.text
    assert f"{reverse('ideas:list')}?partners=on" in response.text


def test_partner_page_shows_answers_to_the_right_people(cast, login, world):
    social = login(cast.fresh("social_lead")).get(reverse("projects:partner"))
    assert [link.unit for link, _may in social.context["rows"]] == [cast.social]
    assert social.context["rows"][0][1] is True
    hr = login(cast.fresh("hr_person")).get(reverse("projects:partner"))
    [(link, may_respond)] = hr.context["rows"]
    assert link.is_partner and not may_respond
    assert "HR som partner" in hr.text
    response = login(cast.fresh("social_lead")).post(
        url(world, "respond"), {"answer": "decline", "from": "partner"}
    )
    assert response["Location"] == reverse("projects:partner")
