"""Nothing forgotten: running projects whose end date has passed, that have no active leader
left, or that have gone too long without a status report are flagged — on the project page,
on its card, and in the list's "flagged" filter for innovation leads."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.projects import actions
from ideverket.projects.models import Project, report_overdue_days

pytestmark = pytest.mark.django_db


def yesterday():
    """Yesterday, read when the test runs (not when this module is imported)."""
    return timezone.localdate() - datetime.timedelta(days=1)


def long_ago():
    return timezone.now() - datetime.timedelta(days=report_overdue_days() + 1)


@pytest.fixture
def projects(cast, make_project):
    """{name: project} in each situation the flag looks at."""
    fine = make_project("I fas")
    actions.do_report_status(cast.fresh("lead"), fine, health="green", text="Bra")
    ended = make_project("Slutdatum passerat", ends_on=yesterday())
    leaderless = make_project("Ledaren har slutat", leader=cast.colleague)
    type(cast.colleague).objects.filter(pk=cast.colleague.pk).update(is_active=False)
    silent = make_project("Tyst länge")
    Project.objects.filter(pk=silent.pk).update(created_at=long_ago())
    old_report = make_project("Gammal rapport")
    actions.do_report_status(cast.fresh("lead"), old_report, health="green", text="Bra")
    Project.objects.filter(pk=old_report.pk).update(health_reported_at=long_ago())
    done = make_project("Avslutat", ends_on=yesterday())
    Project.objects.filter(pk=done.pk).update(status=Project.Status.COMPLETED)
    return {p.title: p for p in (fine, ended, leaderless, silent, old_report, done)}


FLAGGED = {"Slutdatum passerat", "Ledaren har slutat", "Tyst länge", "Gammal rapport"}


def test_flagged_queryset_and_annotation(projects):
    assert {p.title for p in Project.objects.flagged()} == FLAGGED
    annotated = {p.title: p.is_flagged for p in Project.objects.for_list()}
    assert {title for title, flagged in annotated.items() if flagged} == FLAGGED


def test_the_project_page_says_why(cast, login, projects):
    client = login(cast.fresh("lead"))
    expected = {
        "Slutdatum passerat": "Slutdatumet har passerat men projektet pågår fortfarande.",
        "Ledaren har slutat": "Projektet har ingen aktiv projektledare.",
        "Tyst länge": f"Ingen statusrapport på mer än {report_overdue_days()} dagar.",
        "Gammal rapport": f"Ingen statusrapport på mer än {report_overdue_days()} dagar.",
    }
    for title, project in projects.items():
        response = client.get(project.get_absolute_url())
        if title in expected:
            assert response.context["flags"] == [expected[title]]
            assert "Projektet behöver åtgärd" in response.text
        else:
            assert response.context["flags"] == []
            assert "Projektet behöver åtgärd" not in response.text


def test_the_list_filters_and_marks_flagged_projects(cast, login, projects):
    client = login(cast.fresh("lead"))
    response = client.get(reverse("projects:list"), {"flagged": "on"})
    assert {p.title for p in response.context["page_obj"].object_list} == FLAGGED
    assert response.text.count("Behöver åtgärd") == len(FLAGGED)


def test_the_overdue_time_is_a_setting(cast, make_project, settings):
    project = make_project("Ny")
    Project.objects.filter(pk=project.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    assert not Project.objects.flagged().exists()
    settings.IDEVERKET = {**settings.IDEVERKET, "PROJECT_REPORT_OVERDUE_DAYS": 7}
    assert list(Project.objects.flagged()) == [project]
