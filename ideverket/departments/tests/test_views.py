"""The department pages: who may open what, what the overview counts, bad input."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.departments.models import DepartmentSettings, InnovationPlan
from ideverket.goals.models import Goal, Period
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import new_idea
from ideverket.org.actions import do_create_unit

from .builders import idea_aged, set_limits

PERSONAS = (
    "employee",
    "inspirer",
    "manager",
    "lead",
    "director",
    "social_lead",
    "outsider",
    "coordinator",
    "admin",
)
MANAGERS_OF_EDUCATION = {"lead", "director", "coordinator"}


def url(name, department):
    return reverse(f"departments:{name}", args=[department.pk])


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_sees_the_list_and_every_overview(cast, login, persona):
    client = login(cast.fresh(persona))
    assert client.get(reverse("departments:list")).status_code == 200
    for department in (cast.education, cast.social, cast.central):
        assert client.get(url("detail", department)).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_managers_leads_and_the_coordinator_edit(cast, login, persona):
    client = login(cast.fresh(persona))
    expected = 200 if persona in MANAGERS_OF_EDUCATION else 403
    assert client.get(url("settings", cast.education)).status_code == expected
    assert client.get(url("plan", cast.education)).status_code == expected
    response = client.post(url("settings", cast.education), {"submitted_days": "3"})
    assert response.status_code == (302 if expected == 200 else 403)
    assert DepartmentSettings.objects.filter(submitted_days=3).exists() is (expected == 200)


def test_edit_buttons_only_for_those_who_may(cast, login):
    settings_url = url("settings", cast.education)
    assert settings_url in login(cast.fresh("lead")).get(url("detail", cast.education)).text
    assert settings_url not in login(cast.fresh("employee")).get(url("detail", cast.education)).text


@pytest.mark.parametrize("name", ["detail", "settings", "plan"])
def test_not_a_department_is_404(cast, login, name):
    client = login(cast.fresh("coordinator"))
    closed = do_create_unit(None, name="Nedlagd förvaltning", parent=cast.kommun)
    closed.is_active = False
    closed.save(update_fields=["is_active"])
    for unit in (cast.school, cast.kommun, cast.hr, closed):
        assert client.get(url(name, unit)).status_code == 404, unit
    base = reverse(f"departments:{name}", args=[1]).replace("/1/", "/")
    for bad in ("999999", "9" * 30, "abc", "-1"):
        assert client.get(f"{base}{bad}/").status_code == 404, bad


def test_mine_redirects_to_the_users_department(cast, login):
    response = login(cast.fresh("employee")).get(reverse("departments:mine"))
    assert response.status_code == 302
    assert response.url == url("detail", cast.education)
    response = login(cast.fresh("outsider")).get(reverse("departments:mine"))
    assert response.url == url("detail", cast.social)


def test_mine_without_a_department_goes_to_the_list(cast, login):
    person = cast.fresh("coordinator")
    person.unit = cast.kommun
    person.save(update_fields=["unit"])
    response = login(person).get(reverse("departments:mine"))
    assert response.status_code == 302 and response.url == reverse("departments:list")


@pytest.fixture
def restricted(cast):
    """A restricted idea in Skola Norr (waiting too long) and an open one beside it."""
    secret = idea_aged(
        cast,
        Stage.SUBMITTED,
        20,
        title="Hemlig idé om skolan",
        visibility=Idea.Visibility.RESTRICTED,
    )
    open_idea = idea_aged(cast, Stage.SUBMITTED, 20, title="Öppen idé om skolan")
    return secret, open_idea


def stage_count(response, stage):
    return next(row for row in response.context["stages"] if row.stage == stage)


def test_overview_counts_exclude_what_the_viewer_may_not_see(cast, login, restricted):
    secret, _open = restricted
    inside = login(cast.fresh("employee")).get(url("detail", cast.education))
    row = stage_count(inside, Stage.SUBMITTED)
    assert (row.count, row.waiting, inside.context["waiting_total"]) == (2, 2, 2)
    assert secret.title in inside.text

    outside = login(cast.fresh("outsider")).get(url("detail", cast.education))
    row = stage_count(outside, Stage.SUBMITTED)
    assert (row.count, row.waiting, outside.context["waiting_total"]) == (1, 1, 1)
    assert outside.context["ideas_total"] == 1
    assert secret.title not in outside.text

    listing = login(cast.fresh("outsider")).get(reverse("departments:list"))
    figures = dict((d.pk, f) for d, f in listing.context["rows"])
    assert figures[cast.education.pk] == {"in_progress": 1, "waiting": 1, "trials": 0}
    listing = login(cast.fresh("employee")).get(reverse("departments:list"))
    figures = dict((d.pk, f) for d, f in listing.context["rows"])
    assert figures[cast.education.pk] == {"in_progress": 2, "waiting": 2, "trials": 0}


def test_counts_match_a_direct_count(cast, login, restricted):
    new_idea(cast, owner_unit=cast.education, title="I förvaltningen själv")
    new_idea(cast, owner_unit=cast.homecare, user=cast.outsider, title="Hemtjänstens")
    new_idea(cast, submit=False, title="Utkast räknas aldrig")
    user = cast.fresh("coordinator")
    response = login(user).get(url("detail", cast.education))
    direct = (
        Idea.objects.exclude(stage=Stage.DRAFT)
        .filter(owner_unit__path__startswith=cast.education.path)
        .count()
    )
    assert response.context["ideas_total"] == direct == 3


def test_the_departments_own_limits_show_on_the_overview(cast, login):
    idea_aged(cast, Stage.SUBMITTED, 10, title="Tio dagar gammal")
    client = login(cast.fresh("employee"))
    assert client.get(url("detail", cast.education)).context["waiting_total"] == 0
    set_limits(cast, cast.education, submitted=7)
    response = client.get(url("detail", cast.education))
    assert response.context["waiting_total"] == 1
    assert "Tio dagar gammal" in response.text


def read_csv(response):
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize("which", ["stages", "ideas", "waiting"])
def test_exports_hold_only_what_the_viewer_may_see(cast, login, restricted, which):
    secret, open_idea = restricted
    outsider = login(cast.fresh("outsider")).get(
        url("detail", cast.education), {"list": which, "format": "csv"}
    )
    rows = read_csv(outsider)
    flat = " ".join(" ".join(row) for row in rows)
    assert secret.title not in flat
    if which == "stages":
        assert ["Inskickad", "1", "1"] in rows
    else:
        assert open_idea.title in flat
    xlsx = login(cast.fresh("employee")).get(
        url("detail", cast.education), {"list": which, "format": "xlsx"}
    )
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_formula_like_titles_are_written_as_text(cast, login):
    new_idea(cast, title='=HYPERLINK("http://x")')
    rows = read_csv(
        login(cast.fresh("employee")).get(
            url("detail", cast.education), {"list": "ideas", "format": "csv"}
        )
    )
    assert rows[1][0].startswith("'=")


@pytest.mark.parametrize(
    "params",
    [
        {"list": "%"},
        {"list": "_", "format": "csv"},
        {"format": "pdf"},
        {"list": "x" * 10_000, "format": "xlsx"},
        {"page": "9" * 40},
    ],
)
def test_bad_query_strings_never_fail(cast, login, params):
    response = login(cast.fresh("outsider")).get(url("detail", cast.education), params)
    assert response.status_code == 200
    assert (
        login(cast.fresh("lead"))
        .get(url("plan", cast.education), {"period": params.get("list", "%")})
        .status_code
        == 200
    )


# -- settings --------------------------------------------------------------------------------
def test_settings_are_saved_and_recorded(cast, login):
    client = login(cast.fresh("lead"))
    response = client.post(
        url("settings", cast.education),
        {
            "assessors": [cast.director.pk, cast.inspirer.pk],
            "default_handler": cast.lead.pk,
            "submitted_days": "7",
            "trial_days": "",
        },
    )
    assert response.status_code == 302 and response.url == url("detail", cast.education)
    saved = DepartmentSettings.objects.get(department=cast.education)
    assert set(saved.assessors.all()) == {cast.director, cast.inspirer}
    assert saved.default_handler == cast.lead
    assert saved.limits() == {"submitted": 7}
    event = Event.objects.for_subject(cast.education).latest("pk")
    assert event.actor == cast.lead and event.data["change"] == "department_settings"
    page = client.get(url("settings", cast.education))
    assert page.context["form"]["submitted_days"].value() == 7


@pytest.mark.parametrize(
    "value, message",
    [
        ("-5", "Ange minst 1 dag"),
        ("0", "Ange minst 1 dag"),
        ("99999999999999999999", "Ange högst 3650 dagar"),
        ("fem", "Skriv ett helt antal dagar"),
        ("2.5", "Skriv ett helt antal dagar"),
    ],
)
def test_bad_limits_are_refused_in_swedish_and_kept(cast, login, value, message):
    client = login(cast.fresh("lead"))
    response = client.post(
        url("settings", cast.education),
        {"assessors": [cast.director.pk], "in_assessment_days": value, "submitted_days": "9"},
    )
    assert response.status_code == 422
    assert message in response.text
    assert f'value="{value}"' in response.text
    assert 'value="9"' in response.text
    assert not DepartmentSettings.objects.exists()


def test_people_outside_the_department_cannot_be_chosen(cast, login):
    client = login(cast.fresh("lead"))
    response = client.post(
        url("settings", cast.education),
        {"assessors": [cast.outsider.pk], "default_handler": "abc"},
    )
    assert response.status_code == 422
    assert not DepartmentSettings.objects.exists()


# -- innovation plan -------------------------------------------------------------------------
@pytest.fixture
def goals(cast):
    period = Period.for_year(2026)
    council = Goal.objects.create(
        period=period,
        level="council",
        reference="KF1",
        title="Hållbar kommun",
        owner_unit=cast.kommun,
    )
    own = Goal.objects.create(
        period=period,
        level="department",
        reference="UF1",
        title="Digitala skolor",
        owner_unit=cast.education,
        parent=council,
    )
    other = Goal.objects.create(
        period=period,
        level="department",
        reference="SF1",
        title="Trygg omsorg",
        owner_unit=cast.social,
        parent=council,
    )
    for goal in (council, own, other):
        goal.rebuild_path()
    return period, council, own, other


def test_the_plan_is_written_for_a_period_and_shown(cast, login, goals):
    period, council, own, other = goals
    client = login(cast.fresh("director"))
    page = client.get(url("plan", cast.education), {"period": period.pk})
    choices = {goal.pk for goal in page.context["form"].fields["goals"].queryset}
    assert choices == {council.pk, own.pk}
    response = client.post(
        f"{url('plan', cast.education)}?period={period.pk}",
        {
            "focus": "Digitalisering i klassrummet",
            "activities": "Tre tester",
            "hours": "400",
            "kronor": "250000",
            "goals": [own.pk],
        },
    )
    assert response.status_code == 302
    plan = InnovationPlan.objects.get(department=cast.education, period=period)
    assert (plan.hours, plan.kronor, plan.written_by) == (400, 250000, cast.director)
    assert list(plan.goals.all()) == [own]
    overview = login(cast.fresh("outsider")).get(url("detail", cast.education))
    assert "Digitalisering i klassrummet" in overview.text


def test_another_departments_goal_is_refused(cast, login, goals):
    period, _council, _own, other = goals
    response = login(cast.fresh("lead")).post(
        f"{url('plan', cast.education)}?period={period.pk}",
        {"focus": "Fokus", "goals": [other.pk]},
    )
    assert response.status_code == 422
    assert not InnovationPlan.objects.exists()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"focus": "  ", "hours": "10"}, "focus", "Skriv vad förvaltningen ska fokusera på."),
        ({"focus": "Fokus", "hours": "-10"}, "hours", "Antalet timmar kan inte vara negativt."),
        ({"focus": "Fokus", "kronor": "-1"}, "kronor", "Beloppet kan inte vara negativt."),
        ({"focus": "Fokus", "hours": "10000000"}, "hours", "Ange högst 1000000 timmar."),
        ({"focus": "Fokus", "kronor": "tusen"}, "kronor", "Skriv ett helt antal kronor."),
    ],
)
def test_bad_plan_input(cast, login, data, field, message):
    Period.for_year(2026)
    response = login(cast.fresh("lead")).post(
        url("plan", cast.education), {"activities": "Behåll texten", **data}
    )
    assert response.status_code == 422
    assert message in response.context["form"].errors[field][0] or message in response.text
    assert "Behåll texten" in response.text
    assert not InnovationPlan.objects.exists()


def test_a_plan_without_any_period_creates_this_years(cast, login):
    response = login(cast.fresh("coordinator")).post(
        url("plan", cast.education), {"focus": "Fokus"}
    )
    assert response.status_code == 302
    plan = InnovationPlan.objects.get()
    assert plan.period.name == str(timezone.localdate().year)
