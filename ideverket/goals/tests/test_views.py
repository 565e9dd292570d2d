"""Goal pages per role: the list, a goal with its contributions, management forms, links, the
import flow, exports and bad query strings."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ideverket.effects.actions import do_add_effect, do_record_measurement
from ideverket.goals import actions
from ideverket.goals.models import Goal, GoalImport, GoalLink
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage

from .builders import goal_tree
from .test_import import GOOD

pytestmark = pytest.mark.django_db
ROLES = ["employee", "manager", "lead", "outsider", "coordinator"]


@pytest.fixture
def tree(cast):
    return goal_tree(cast)


@pytest.mark.parametrize("key", ROLES)
def test_list_and_detail_for_every_role(cast, login, tree, key):
    client = login(cast.fresh(key))
    response = client.get(reverse("goals:list"))
    assert response.status_code == 200
    assert "Mindre administration för lärare" in response.text
    response = client.get(tree[0].get_absolute_url())
    assert response.status_code == 200
    assert "Digitalisering i skolan" in response.text  # its child


def test_list_filters(cast, login, tree):
    client = login(cast.employee)
    response = client.get(reverse("goals:list"), {"level": "committee"})
    assert [g.reference for g in response.context["page_obj"]] == ["N1"]
    response = client.get(reverse("goals:list"), {"department": cast.education.pk})
    assert [g.reference for g in response.context["page_obj"]] == ["N1", "F1"]
    response = client.get(reverse("goals:list"), {"q": "MINDRE"})
    assert [g.reference for g in response.context["page_obj"]] == ["F1"]


@pytest.mark.parametrize(
    "params",
    [
        {"period": "x"},
        {"period": "99999999999999999999"},
        {"level": "planet"},
        {"department": "%"},
        {"q": "_%"},
        {"q": "a" * 10_000},
        {"page": "999999"},
        {"page": "-1"},
        {"format": "pdf"},
    ],
)
def test_bad_query_strings(cast, login, tree, params):
    assert login(cast.employee).get(reverse("goals:list"), params).status_code == 200


def test_unknown_goal_is_404(cast, login):
    assert login(cast.employee).get("/mal/999999/").status_code == 404


def test_restricted_idea_does_not_show_to_the_outsider(cast, login, tree):
    _council, committee, department = tree
    idea = idea_in_stage(
        cast, Stage.TRIAL, visibility=Idea.Visibility.RESTRICTED, title="Hemlig idé"
    )
    actions.do_link_goal(cast.fresh("lead"), idea, department)
    effect = do_add_effect(
        cast.fresh("lead"),
        idea,
        kind="hours_per_year",
        description="Sparad tid",
        target=Decimal("400"),
    )
    do_record_measurement(cast.fresh("lead"), effect, Decimal("300"), timezone.localdate())

    # the lead sees it on the department goal and, through the subtree, on the council goal
    lead = login(cast.fresh("lead"))
    for goal in tree:
        response = lead.get(goal.get_absolute_url())
        assert "Hemlig idé" in response.text
        assert response.context["effects"][0]["realised"] == Decimal("300")
    outsider = login(cast.fresh("outsider"))
    response = outsider.get(committee.get_absolute_url())
    assert "Hemlig idé" not in response.text
    assert response.context["effects"] == []
    export = outsider.get(committee.get_absolute_url(), {"format": "csv"})
    assert "Hemlig idé" not in export.content.decode()
    assert outsider.get(idea.get_absolute_url()).status_code == 404
    # nor can the outsider link to or unlink it
    assert (
        outsider.post(
            reverse("goals:link", args=["ideas.idea", idea.pk]), {"goal": department.pk}
        ).status_code
        == 404
    )
    link = GoalLink.objects.get()
    url = reverse("goals:unlink", args=["ideas.idea", idea.pk, link.pk])
    assert outsider.post(url).status_code == 404
    assert GoalLink.objects.count() == 1


def test_contribution_export_holds_the_visible_items(cast, login, tree):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT, title="=HYPERLINK(1)")
    actions.do_link_goal(cast.fresh("lead"), idea, tree[2])
    response = login(cast.employee).get(tree[0].get_absolute_url(), {"format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text
    assert text.splitlines()[0] == "typ;titel;enhet;status;adress"


def test_goal_list_export_round_trips_as_an_import(cast, login, tree):
    response = login(cast.coordinator).get(reverse("goals:list"), {"format": "csv"})
    from ideverket.goals.importer import plan_file

    plan = plan_file("export.csv", response.content)
    assert plan.errors == []
    assert plan.summary()["goals"] == {"create": 0, "change": 0, "unchanged": 3}


def test_panel_and_link_form_on_an_idea(cast, login, tree):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    lead = login(cast.fresh("lead"))
    page = lead.get(idea.get_absolute_url())
    assert "Koppla till målet" in page.text
    response = lead.post(reverse("goals:link", args=["ideas.idea", idea.pk]), {"goal": "abc"})
    assert response.status_code == 422
    assert "Välj ett mål i listan." in response.text
    response = lead.post(reverse("goals:link", args=["ideas.idea", idea.pk]), {"goal": tree[2].pk})
    assert response.status_code == 302 and response["Location"].endswith("#mal")
    page = lead.get(idea.get_absolute_url())
    assert "Mindre administration för lärare" in page.text
    # the employee sees the goal but no form
    page = login(cast.fresh("employee")).get(idea.get_absolute_url())
    assert "Mindre administration för lärare" in page.text
    assert "Koppla till målet" not in page.text
    assert (
        login(cast.fresh("employee"))
        .post(reverse("goals:link", args=["ideas.idea", idea.pk]), {"goal": tree[2].pk})
        .status_code
        == 403
    )


def test_panels_on_challenge_trial_and_project(cast, login, tree):
    from ideverket.challenges.actions import do_create_challenge
    from ideverket.projects.actions import do_create_project
    from ideverket.trials.models import Trial

    challenge = do_create_challenge(
        cast.coordinator,
        title="Utmaning",
        question="Hur kan vi minska pappersarbetet i skolan?",
        owner_unit=cast.school,
    )
    trial = Trial.objects.get(idea=idea_in_stage(cast, Stage.TRIAL))
    project = do_create_project(
        cast.fresh("lead"), title="Projekt", purpose="Syfte", lead_unit=cast.education
    )
    lead = login(cast.fresh("lead"))
    for label, item in (
        ("challenges.challenge", challenge),
        ("trials.trial", trial),
        ("projects.project", project),
    ):
        response = lead.post(reverse("goals:link", args=[label, item.pk]), {"goal": tree[1].pk})
        assert response.status_code == 302, label
        page = lead.get(item.get_absolute_url())
        assert 'id="mal"' in page.text and "Digitalisering i skolan" in page.text
    page = lead.get(tree[0].get_absolute_url())
    for title in ("Utmaning", "Projekt", "Test: "):
        assert title in page.text


@pytest.mark.parametrize(
    "key, status", [("coordinator", 200), ("lead", 200), ("employee", 403), ("outsider", 403)]
)
def test_edit_goal_per_role(cast, login, tree, key, status):
    client = login(cast.fresh(key))
    assert client.get(reverse("goals:edit", args=[tree[2].pk])).status_code == status
    assert client.get(reverse("goals:indicator_create", args=[tree[2].pk])).status_code == status


def test_create_goal_bad_input_keeps_text(cast, login, tree):
    client = login(cast.fresh("lead"))
    response = client.post(
        reverse("goals:create"),
        {
            "title": "Mitt nya mål",
            "level": "department",
            "reference": "K1",
            "owner_unit": cast.social.pk,
        },
    )
    assert response.status_code == 422
    assert "Mitt nya mål" in response.text
    assert "Välj en enhet i listan." in response.text
    response = client.post(
        reverse("goals:create"),
        {
            "title": "Mitt nya mål",
            "level": "department",
            "reference": "K1",
            "owner_unit": cast.school.pk,
        },
    )
    assert response.status_code == 422
    assert "Referensen finns redan i perioden." in response.text
    assert Goal.objects.count() == 3
    response = client.post(
        reverse("goals:create"),
        {
            "title": "Mitt nya mål",
            "level": "department",
            "reference": "F2",
            "owner_unit": cast.school.pk,
            "parent": tree[1].pk,
        },
    )
    assert response.status_code == 302
    assert Goal.objects.get(reference="F2").parent == tree[1]


def test_indicator_and_value_forms(cast, login, tree):
    client = login(cast.fresh("manager"))
    url = reverse("goals:indicator_create", args=[tree[2].pk])
    response = client.post(
        url, {"reference": "I1", "name": "Andel", "direction": "increase", "baseline": "1 0x"}
    )
    assert response.status_code == 422 and "Andel" in response.text
    response = client.post(
        url,
        {
            "reference": "I1",
            "name": "Andel",
            "direction": "increase",
            "baseline": "1 000,5",
            "target": "2000",
        },
    )
    assert response.status_code == 302
    indicator = tree[2].indicators.get()
    assert indicator.baseline == Decimal("1000.5")
    url = reverse("goals:indicator_value", args=[indicator.pk])
    response = client.post(url, {"measured_on": "2026-02-30", "value": "5", "note": "Tertial 1"})
    assert response.status_code == 422 and "Tertial 1" in response.text
    response = client.post(url, {"measured_on": "2026-04-30", "value": "1 500"})
    assert response.status_code == 302
    page = client.get(tree[2].get_absolute_url())
    assert "1\xa0500" in page.text or "1 500" in page.text


def test_deactivate_goal(cast, login, tree):
    client = login(cast.coordinator)
    client.post(reverse("goals:set_active", args=[tree[2].pk]), {"active": "0"})
    tree[2].refresh_from_db()
    assert not tree[2].is_active
    assert (
        login(cast.employee)
        .post(reverse("goals:set_active", args=[tree[2].pk]), {"active": "1"})
        .status_code
        == 403
    )


@pytest.mark.parametrize("key, status", [("coordinator", 200), ("lead", 403), ("outsider", 403)])
def test_periods_page(cast, login, key, status):
    assert login(cast.fresh(key)).get(reverse("goals:periods")).status_code == status


def test_period_bad_input(cast, login):
    client = login(cast.coordinator)
    response = client.post(
        reverse("goals:periods"),
        {"name": "2031", "starts_on": "2031-12-31", "ends_on": "2031-01-01"},
    )
    assert response.status_code == 422
    assert "Slutdatumet kan inte ligga före startdatumet." in response.text


def upload(client, content, name="mal.csv"):
    return client.post(reverse("goals:import"), {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("key", ["lead", "employee", "outsider"])
def test_import_is_404_for_others(cast, login, key):
    client = login(cast.fresh(key))
    assert client.get(reverse("goals:import")).status_code == 404
    goal_import = actions.do_upload_goal_import(
        cast.coordinator, filename="m.csv", content=GOOD.encode(), summary={}
    )
    assert client.get(goal_import.get_absolute_url()).status_code == 404
    assert client.post(reverse("goals:import_apply", args=[goal_import.pk])).status_code == 404


def test_import_flow(cast, login):
    client = login(cast.coordinator)
    response = upload(client, GOOD.encode())
    assert response.status_code == 302
    goal_import = GoalImport.objects.get()
    preview = client.get(response["Location"])
    assert "3 skapas, 0 ändras, 0 oförändrade" in preview.text
    assert Goal.objects.count() == 0
    response = client.post(reverse("goals:import_apply", args=[goal_import.pk]))
    assert response.status_code == 302
    assert Goal.objects.count() == 3
    # confirm twice: refused, nothing more
    client.post(reverse("goals:import_apply", args=[goal_import.pk]))
    assert Goal.objects.count() == 3
    # the same file again: all unchanged
    response = upload(client, GOOD.encode())
    preview = client.get(response["Location"])
    assert "0 skapas, 0 ändras, 3 oförändrade" in preview.text


def test_import_errors_page(cast, login):
    client = login(cast.coordinator)
    bad = GOOD + "\n2026;X1;ZZ;nämnd;Okänd förälder;;;;;;;;;;"
    response = upload(client, bad.encode())
    assert response.status_code == 422
    assert "överordnad_referens" in response.text and "ZZ finns varken" in response.text
    assert GoalImport.objects.count() == 0 and Goal.objects.count() == 0
    response = upload(client, b"", "mal.csv")
    assert response.status_code == 422
    response = upload(client, b"%PDF", "mal.pdf")
    assert response.status_code == 422 and "Filtypen stöds inte" in response.text


def test_list_defaults_to_the_period_containing_today(cast, login, tree):
    year = timezone.localdate().year + 1
    actions.do_create_period(
        cast.coordinator,
        name=str(year),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )
    response = login(cast.employee).get(reverse("goals:list"))
    assert response.context["period"] == tree[0].period
    assert f'<option value="{tree[0].period.pk}" selected>' in response.text
    response = login(cast.employee).get(reverse("goals:list"), {"period": "x"})
    assert response.context["period"] == tree[0].period
