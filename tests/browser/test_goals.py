"""Goals in a real Chromium: axe on every page visited, and 320 px on each new page.

The coordinator opens the goal list, a goal's page with a linked idea, its indicator and
realised effects, and the import: a file with a bad row (the row-level report, nothing saved),
then a good file (preview, confirm). An innovation lead links an idea to a goal from its page.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.effects.actions import do_add_effect, do_record_measurement
from ideverket.goals import actions
from ideverket.goals.models import Goal, GoalLink
from ideverket.goals.tests.builders import goal_tree
from ideverket.goals.tests.test_import import GOOD
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage

pytestmark = pytest.mark.browser


def check(page, assert_accessible, assert_no_horizontal_scroll):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_goal_list_page_and_import(
    page,
    live_server,
    cast,
    browser_login,
    assert_accessible,
    assert_no_horizontal_scroll,
    tmp_path,
):
    council, _committee, department = goal_tree(cast)
    lead = cast.fresh("lead")
    indicator = actions.do_save_indicator(
        cast.coordinator,
        department,
        reference="I1",
        name="Andel digitala närvarolistor",
        unit_of_measure="procent",
        baseline=Decimal("10"),
        target=Decimal("90"),
    )
    actions.do_record_indicator_value(
        cast.coordinator, indicator, measured_on=datetime.date(2026, 4, 30), value=Decimal("35")
    )
    idea = idea_in_stage(cast, Stage.TRIAL, title="Digital närvarolista")
    actions.do_link_goal(lead, idea, department)
    effect = do_add_effect(
        lead, idea, kind="hours_per_year", description="Mindre pappersarbete", target=Decimal("400")
    )
    do_record_measurement(lead, effect, Decimal("300"), timezone.localdate())

    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("goals:list"))
    assert page.get_by_role("table", name=re.compile("Målträdet")).is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    page.get_by_role("link", name="Effektiv och innovativ verksamhet").click()
    page.wait_for_url(re.compile(rf"/mal/{council.pk}/$"))
    contributions = page.locator("#bidrag").inner_text()
    assert "Digital närvarolista" in contributions
    assert "+300" in page.locator("#effekter").inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.goto(live_server.url + department.get_absolute_url())
    assert "35" in page.locator("#indikatorer").inner_text()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # A file with a bad row: the report names row and column; nothing is saved.
    bad = tmp_path / "mal.csv"
    bad.write_text(GOOD + "\n2026;X1;ZZ;nämnd;Okänd förälder;;;;;;;;;;", encoding="utf-8")
    page.goto(live_server.url + reverse("goals:import"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Fil från målsystemet").set_input_files(str(bad))
    page.get_by_role("button", name="Förhandsgranska").click()
    errors = page.get_by_role("table", name="Fel per rad")
    assert "ZZ finns varken i filen" in errors.inner_text()
    assert not Goal.objects.filter(reference="X1").exists()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    good = tmp_path / "mal-ratt.csv"
    good.write_text(GOOD, encoding="utf-8")
    page.get_by_label("Fil från målsystemet").set_input_files(str(good))
    page.get_by_role("button", name="Förhandsgranska").click()
    page.wait_for_url(re.compile(r"/mal/import/\d+/$"))
    assert page.get_by_role("table", name="Vad varje rad gör").is_visible()
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("button", name="Genomför importen").click()
    page.wait_for_url(re.compile(r"/mal/$"))
    assert page.get_by_text("Importen är genomförd").is_visible()
    assert Goal.objects.filter(reference="N1", period__name="2026").exists()
    assert_accessible(page)


def test_lead_links_an_idea_to_a_goal(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    _council, _committee, department = goal_tree(cast)
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    browser_login(page, cast.lead)
    page.goto(live_server.url + idea.get_absolute_url())
    panel = page.locator("#mal")
    panel.get_by_label(re.compile("Koppla till ett mål")).select_option(str(department.pk))
    panel.get_by_role("button", name="Koppla till målet").click()
    page.wait_for_url(re.compile(r"#mal$"))
    assert "Mindre administration för lärare" in page.locator("#mal").inner_text()
    assert GoalLink.objects.get().goal == department
    check(page, assert_accessible, assert_no_horizontal_scroll)
