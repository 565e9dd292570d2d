"""The follow-up report: each section's figures against counts taken straight from the database,
visibility, the filters' bad values, and who may open it.

`build_world` makes, through the actions, one copy (or more) of: an open and a restricted idea in
Skola Norr (Utbildningsförvaltningen), an idea in Hemtjänst Öst (Socialförvaltningen), a running
trial, a trial evaluated and stopped (its lessons recorded), an implementation handed over, a
project, and a measured effect; plus the goal tree of the year.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from ideverket.effects.models import Effect
from ideverket.effects.tests.builders import hours_effect, measure, today
from ideverket.goals.models import Goal, GoalLink, Indicator, IndicatorValue, Period
from ideverket.ideas import actions as idea_actions
from ideverket.ideas.models import Decision, Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import new_idea
from ideverket.implementation import actions as implementation_actions
from ideverket.implementation.models import Implementation
from ideverket.insights import report as reports
from ideverket.lessons.models import Lesson
from ideverket.projects import actions as project_actions
from ideverket.projects.models import Project
from ideverket.trials.models import Trial
from ideverket.trials.tests.builders import evaluated_trial, implementing_idea, trial_for

URL = reverse("insights:report")
SECRET = "=SUMMA(A1) Hemlig idé"


def current_tertial():
    return str((today().month - 1) // 4 + 1)


def goal(period, reference, title, level, unit, parent=None):
    made = Goal.objects.create(
        period=period, reference=reference, title=title, level=level, owner_unit=unit, parent=parent
    )
    made.rebuild_path()
    return made


def build_goals(cast, period):
    """Council goal → committee goal (education) → department goal (Skola Norr); a social goal."""
    council = goal(period, "KF1", "Hållbar välfärd", Goal.Level.COUNCIL, cast.kommun)
    committee = goal(period, "UN1", "Digital skola", Goal.Level.COMMITTEE, cast.education, council)
    school = goal(
        period, "SN1", "Mindre administration", Goal.Level.DEPARTMENT, cast.school, committee
    )
    social = goal(period, "SO1", "Trygg hemtjänst", Goal.Level.DEPARTMENT, cast.homecare, council)
    indicator = Indicator.objects.create(
        goal=school, reference="I1", name="Timmar administration", target=Decimal("100")
    )
    IndicatorValue.objects.create(
        indicator=indicator, measured_on=period.starts_on, value=Decimal("150")
    )
    # A value after the period has ended never counts as its latest.
    IndicatorValue.objects.create(
        indicator=indicator,
        measured_on=period.ends_on + datetime.timedelta(days=1),
        value=Decimal("1"),
    )
    return {"council": council, "committee": committee, "school": school, "social": social}


def link(goal_, subject):
    from django.contrib.contenttypes.models import ContentType

    GoalLink.objects.create(
        goal=goal_,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
    )


def build_world(cast, copies=1, goals=None):
    day = today()
    period = Period.for_year(day.year)
    goals = goals or build_goals(cast, period)
    for i in range(copies):
        open_idea = new_idea(cast, title=f"Öppen idé {i}")
        secret = new_idea(cast, title=f"{SECRET} {i}", visibility=Idea.Visibility.RESTRICTED)
        new_idea(cast, title=f"Hemtjänstidé {i}", owner_unit=cast.homecare, user=cast.outsider)
        link(goals["school"], open_idea)
        link(goals["school"], secret)
        trial_for(cast, title=f"Test {i}")
        trial_for(cast, title=f"{SECRET} test {i}", visibility=Idea.Visibility.RESTRICTED)
        stopped = evaluated_trial(cast, title=f"Stoppat test {i}")
        idea_actions.do_decide(
            cast.fresh("lead"),
            Idea.objects.get(pk=stopped.idea_id),
            Outcome.STOP,
            seen_stage=Stage.EVALUATED,
            reason="Det löste inte problemet; börja med lärarnas behov.",
        )
        implementation = implementing_idea(cast, title=f"Infört {i}")
        implementation_actions.do_handover(
            cast.fresh("manager"),
            Implementation.objects.get(pk=implementation.pk),
            line_owner=cast.inspirer,
            line_unit=cast.school,
            runs_from=day,
            follow_up_dates=[day + datetime.timedelta(days=200)],
            note="Skolan driver det.",
        )
        project_actions.do_create_project(
            cast.fresh("lead"),
            title=f"Projekt {i}",
            purpose="Fler ska kunna arbeta heltid.",
            lead_unit=cast.education,
        )
        effect = hours_effect(cast, open_idea, description=f"Effekt {i}")
        measure(cast, effect, "1100")
    return period, goals


def get_report(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response, response.context["report"]


# --- figures against direct counts ---------------------------------------------------------


def test_sections_match_direct_counts_for_the_coordinator(cast, login):
    day = today()
    period, _goals = build_world(cast, copies=2)
    client = login(cast.fresh("coordinator"))
    response, report = get_report(client, period=period.pk, department=cast.education.pk)
    in_education = {"owner_unit__path__startswith": cast.education.path}
    ideas = Idea.objects.filter(submitted_at__year=day.year, **in_education)
    assert report.ideas.count == ideas.count() == 2 * 6
    decisions = Decision.objects.filter(
        decided_at__year=day.year, idea__owner_unit__path__startswith=cast.education.path
    )
    assert report.decisions.count == decisions.count()
    assert {row["outcome"]: row["n"] for row in report.decisions_by_outcome} == {
        outcome: decisions.filter(outcome=outcome).count()
        for outcome in decisions.values_list("outcome", flat=True).distinct()
    }
    trials = Trial.objects.filter(idea__owner_unit__path__startswith=cast.education.path)
    assert report.trials_started.count == trials.count() == 2 * 4
    assert report.trials_evaluated.count == trials.filter(evaluated_at__isnull=False).count()
    assert report.trial_results == {"stop": 2, "implement": 2}
    assert (
        report.implementations.count
        == Implementation.objects.filter(status=Implementation.Status.HANDED_OVER).count()
        == 2
    )
    assert report.projects.count == Project.objects.count() == 2
    (hours,) = report.effects
    assert hours["effect_count"] == Effect.objects.count() == 2
    assert hours["expected"] == Decimal("800") and hours["realised"] == Decimal("200")
    assert report.lessons.count == Lesson.objects.filter(department=cast.education).count()
    # Two evaluated-then-stopped trials: the evaluation's lessons and the STOP decision's.
    assert report.lessons_from_stopped == 4
    # Only the first rows are listed; the rest is counted.
    assert len(report.ideas.rows) == reports.PAGE_ROWS
    assert report.ideas.more == 2 * 6 - reports.PAGE_ROWS
    assert "och 2 till" in response.content.decode()


def test_summary_is_built_from_the_figures(cast, login):
    period, _goals = build_world(cast)
    client = login(cast.fresh("coordinator"))
    response, report = get_report(
        client, period=period.pk, tertial=current_tertial(), department=cast.education.pk
    )
    summary = report.summary
    assert summary.startswith(
        f"Under T{current_tertial()} {today().year} lämnades 6 idéer in i Utbildningsförvaltningen."
    )
    assert "4 tester startade och 2 utvärderades (1 ledde till införande" in summary
    assert "1 avslutades" in summary
    assert "1 införande överlämnades till linjen och 1 projekt pågick." in summary
    assert "Förväntade effekter: +400 timmar per år. Realiserat hittills: +100 timmar per år." in (
        summary
    )
    assert summary in response.content.decode()


def test_other_tertial_counts_nothing_from_today(cast, login):
    period, _goals = build_world(cast)
    other = "1" if current_tertial() != "1" else "2"
    client = login(cast.fresh("coordinator"))
    _response, report = get_report(client, period=period.pk, tertial=other)
    assert report.window.label == f"T{other} {today().year}"
    assert report.ideas.count == report.decisions.count == report.trials_started.count == 0
    assert report.lessons.count == 0


def test_whole_municipality_counts_every_department(cast, login):
    period, _goals = build_world(cast)
    client = login(cast.fresh("coordinator"))
    _response, report = get_report(client, period=period.pk)
    assert report.department is None
    assert report.ideas.count == Idea.objects.exclude(submitted_at=None).count() == 7


def test_goals_of_a_department_with_the_goals_above_them(cast, login):
    period, goals = build_world(cast)
    client = login(cast.fresh("lead"))
    _response, report = get_report(client, period=period.pk, department=cast.education.pk)
    titles = [row.title for row in report.goals]
    assert titles == ["Hållbar välfärd", "Digital skola", "Mindre administration"]
    council, committee, school = report.goals
    assert not council.is_own and committee.is_own and school.is_own
    (indicator,) = school.indicators
    assert indicator["target"] == Decimal("100")
    # The latest value within the period, not the one measured after it.
    assert indicator["latest_value"] == Decimal("150")
    assert school.link_count == 2  # the lead sees the restricted idea too
    _response, social = get_report(client, period=period.pk, department=cast.social.pk)
    assert [row.title for row in social.goals] == ["Hållbar välfärd", "Trygg hemtjänst"]


# --- visibility ------------------------------------------------------------------------------


def test_outsider_never_sees_a_restricted_idea_of_another_department(cast, login):
    period, _goals = build_world(cast)
    client = login(cast.fresh("outsider"))
    for params in ({}, {"department": cast.education.pk}, {"tertial": current_tertial()}):
        response, report = get_report(client, period=period.pk, **params)
        assert SECRET not in response.content.decode()
        titles = [row.get("title") or row.get("idea__title") for row in report.ideas.rows]
        assert not any(SECRET in t for t in titles)
        for listing in (report.trials_started, report.trials_evaluated):
            assert not any(SECRET in row["idea__title"] for row in listing.rows)
    _response, report = get_report(client, period=period.pk, department=cast.education.pk)
    assert report.ideas.count == 4  # 6 in the department, two restricted
    assert report.trials_started.count == 3
    school = next(row for row in report.goals if row.reference == "SN1")
    assert school.link_count == 1


def test_lead_sees_the_restricted_idea_in_the_report(cast, login):
    period, _goals = build_world(cast)
    client = login(cast.fresh("lead"))
    response, report = get_report(client, period=period.pk, department=cast.education.pk)
    assert report.ideas.count == 6
    assert SECRET in response.content.decode()


# --- who may open it ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "persona",
    [
        "employee",
        "inspirer",
        "manager",
        "lead",
        "social_lead",
        "outsider",
        "hr_person",
        "coordinator",
        "admin",
    ],
)
def test_every_logged_in_person_may_open_it(cast, login, persona):
    period = Period.for_year(today().year)
    client = login(cast.fresh(persona))
    for params in ({}, {"department": cast.social.pk}, {"department": cast.education.pk}):
        response = client.get(URL, {"period": period.pk, **params})
        assert response.status_code == 200
        assert "Uppföljningsrapport" in response.content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_no_periods_yet(cast, login):
    response = login(cast.fresh("employee")).get(URL)
    assert response.status_code == 200
    assert "Det finns inga perioder" in response.content.decode()


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"period": "999999"}, "period"),
        ({"period": "x"}, "period"),
        ({"period": "9" * 40}, "period"),
        ({"period": "%"}, "period"),
        ({"period": "_" * 10_000}, "period"),
        ({"tertial": "4"}, "tertial"),
        ({"tertial": "x"}, "tertial"),
        ({"department": "x"}, "department"),
        ({"department": str(10**30)}, "department"),
        ({"section": "hemligt"}, "__all__"),
    ],
)
def test_bad_filter_values_fall_back_to_the_defaults(cast, login, params, field):
    day = today()
    period = Period.for_year(day.year)
    Period.for_year(day.year - 1)
    response = login(cast.fresh("employee")).get(URL, params)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    report = response.context["report"]
    assert report.window.period == period
    assert report.window.tertial == ""
    assert report.department is None
    assert "Något behöver rättas" in response.content.decode()


def test_a_unit_that_is_not_a_department_is_refused(cast, login):
    Period.for_year(today().year)
    response = login(cast.fresh("employee")).get(URL, {"department": cast.school.pk})
    assert response.status_code == 200
    assert "Välj en förvaltning i listan" in response.context["form"].errors["department"][0]
    assert response.context["report"].department is None
    # The default is what the form now shows.
    assert response.context["form"]["department"].value() == ""


def test_a_tertial_outside_the_period(cast, login):
    period = Period.objects.create(
        name="Läsår", starts_on=datetime.date(2025, 8, 1), ends_on=datetime.date(2025, 12, 31)
    )
    response = login(cast.fresh("employee")).get(URL, {"period": period.pk, "tertial": "1"})
    assert response.status_code == 200
    assert "har ingen T1" in response.context["form"].errors["tertial"][0]
    assert response.context["report"].window.starts_on == period.starts_on


def test_tertial_windows():
    period = Period(
        name="2026", starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31)
    )
    assert reports.window_for(period, "1").ends_on == datetime.date(2026, 4, 30)
    assert reports.window_for(period, "2").starts_on == datetime.date(2026, 5, 1)
    assert reports.window_for(period, "2").ends_on == datetime.date(2026, 8, 31)
    assert reports.window_for(period, "3").ends_on == datetime.date(2026, 12, 31)
    assert reports.window_for(period, "").label == "2026"
    assert reports.window_for(period, "3").label == "T3 2026"
