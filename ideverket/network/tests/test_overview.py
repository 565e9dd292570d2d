"""The network overview's figures against a hand-counted network, who may open it, and its
CSV/XLSX download.

The cast plus: Saga (inspirer, Skola Söder, Utbildningsförvaltningen), Selma (inspirer,
Hemtjänst Öst), Hugo (inspirer, HR) and Ivar (an inspirer who has left). Active people per
department: Utbildningsförvaltningen 7 (employee, colleague, inspirer, manager, lead, director,
Saga), Socialförvaltningen 3 (social_lead, outsider, Selma), Kommunledningsförvaltningen 4
(hr_person, coordinator, admin, Hugo).

Ines coaches three ideas in an open stage (two submitted, one restricted; one in trial) and one
declined idea (not counted); Selma coaches one restricted idea of Skola Norr, which the social
lead cannot see. Ines attended activities two and eleven months ago (and one thirteen months
ago, not counted), Saga and Selma the one two months ago.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.ideas.actions import do_set_coach
from ideverket.ideas.tests.builders import idea_in_stage, make_person, new_idea
from ideverket.lib.tests.export_helpers import (
    FORMULA,
    assert_formulas_are_text,
    assert_unknown_formats_give_the_page,
    both,
    column,
)
from ideverket.network.actions import do_record_attendance
from ideverket.network.models import NetworkActivity
from ideverket.network.overview import build_overview
from ideverket.org.actions import do_create_unit
from ideverket.org.models import RoleAssignment

from .builders import activity

pytestmark = pytest.mark.django_db
Role = RoleAssignment.Role
URL = reverse("network:overview")


@pytest.fixture
def counted(cast):
    sibling = do_create_unit(None, name="Skola Söder", parent=cast.education)
    saga = make_person("saga", "Saga Söder", sibling, (Role.INSPIRER, sibling))
    selma = make_person("selma", "Selma Social", cast.homecare, (Role.INSPIRER, cast.homecare))
    make_person("hugo", "Hugo HR", cast.hr, (Role.INSPIRER, cast.hr))
    ivar = make_person("ivar", "Ivar Slutat", cast.school, (Role.INSPIRER, cast.school))
    ivar.is_active = False
    ivar.save()

    inspirer = cast.fresh("inspirer")
    coordinator = cast.fresh("coordinator")
    for idea in (
        new_idea(cast, title="Läxhjälp"),
        new_idea(cast, title="Schemat", visibility="restricted"),
        idea_in_stage(cast, "trial", title="Digital närvaro"),
    ):
        do_set_coach(coordinator, idea, inspirer)
    do_set_coach(coordinator, idea_in_stage(cast, "declined", title="Avslagen"), inspirer)
    do_set_coach(coordinator, new_idea(cast, title="Dold", visibility="restricted"), selma)

    now = timezone.now()
    for months, people in ((2, [inspirer, saga, selma]), (11, [inspirer]), (13, [inspirer])):
        past = activity(coordinator, days=-30 * months - 5)
        do_record_attendance(coordinator, past, [p.pk for p in people])
    activity(coordinator, days=10)  # upcoming: nobody attended yet
    assert NetworkActivity.objects.filter(starts_at__lt=now).count() == 3
    return cast


def figures(rows):
    return {
        row.department.name: (
            row.inspirers,
            row.employees,
            row.per_hundred,
            row.coached,
            row.load,
            row.attended,
            row.taking_part,
        )
        for row in rows
    }


def test_the_coordinators_figures(counted):
    rows, total = build_overview(counted.fresh("coordinator"))
    assert figures(rows) == {
        "Kommunledningsförvaltningen": (1, 4, 25.0, 0, 0.0, 0, 0),
        "Socialförvaltningen": (1, 3, 33.3, 1, 1.0, 1, 1),
        "Utbildningsförvaltningen": (2, 7, 28.6, 3, 1.5, 3, 2),
    }
    assert (total.inspirers, total.employees, total.coached, total.attended) == (4, 14, 4, 4)
    assert (total.per_hundred, total.load, total.taking_part) == (28.6, 1.0, 3)
    education = rows[-1]
    assert [(p.user.name, p.coached, p.attended) for p in education.people] == [
        ("Ines Inspiratör", 3, 2),
        ("Saga Söder", 0, 1),
    ]


def test_a_lead_sees_their_department_and_counts_only_visible_ideas(counted):
    rows, _total = build_overview(counted.fresh("social_lead"), {counted.social.pk})
    # Selma's restricted idea of Skola Norr is not visible to the social lead.
    assert figures(rows) == {"Socialförvaltningen": (1, 3, 33.3, 0, 0.0, 1, 1)}


@pytest.mark.parametrize(
    ("who", "departments"),
    [
        (
            "coordinator",
            ["Kommunledningsförvaltningen", "Socialförvaltningen", "Utbildningsförvaltningen"],
        ),
        ("lead", ["Utbildningsförvaltningen"]),
        ("director", ["Utbildningsförvaltningen"]),
        ("manager", ["Utbildningsförvaltningen"]),
        ("social_lead", ["Socialförvaltningen"]),
    ],
)
def test_who_sees_which_departments(counted, login, who, departments):
    response = login(counted.fresh(who)).get(URL)
    assert response.status_code == 200
    assert [row.department.name for row in response.context["rows"]] == departments
    assert (response.context["total"] is not None) == (len(departments) > 1)


@pytest.mark.parametrize(
    "who", ["employee", "colleague", "inspirer", "outsider", "hr_person", "admin"]
)
def test_others_may_not_open_the_overview(counted, login, who):
    client = login(counted.fresh(who))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv"}).status_code == 403


def test_the_download_holds_the_pages_figures(counted, login):
    client = login(counted.fresh("coordinator"))
    for rows in both(client, URL).values():
        assert column(rows, "Förvaltning") == [
            "Kommunledningsförvaltningen",
            "Socialförvaltningen",
            "Utbildningsförvaltningen",
            "Totalt",
        ]
        assert [str(v) for v in column(rows, "Idéinspiratörer")] == ["1", "1", "2", "4"]
        assert [str(v) for v in column(rows, "Idéer som coachas")] == ["0", "1", "3", "4"]
    csv_rows = both(client, URL)["csv"]
    assert column(csv_rows, "Inspiratörer per 100 medarbetare")[2] == "28,6"
    lead_rows = both(login(counted.fresh("lead")), URL)["csv"]
    assert column(lead_rows, "Förvaltning") == ["Utbildningsförvaltningen"]


def test_the_download_keeps_formulas_as_text(counted, login):
    do_create_unit(None, name=FORMULA, parent=counted.kommun)
    client = login(counted.fresh("coordinator"))
    assert_formulas_are_text(client, URL, texts=(FORMULA,))
    assert_unknown_formats_give_the_page(client, URL)


def test_activity_window_is_twelve_months(counted):
    now = timezone.now()
    rows, _total = build_overview(
        counted.fresh("coordinator"), now=now + datetime.timedelta(days=70)
    )
    # Two months on, the eleven-month activity has dropped out too.
    assert figures(rows)["Utbildningsförvaltningen"][5] == 2
