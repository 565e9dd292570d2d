"""The department workspace in a real Chromium: axe on every page visited, 320 px on each.

An innovation lead goes from the list of departments to her department's overview, opens its
settings, types a negative time limit (refused in Swedish, what she typed kept), corrects it
and sees the new limit on the overview. An outsider sees the same overview without the
restricted idea and without the settings button.
"""

import re

import pytest
from django.urls import reverse

from ideverket.departments import overview
from ideverket.departments.models import DepartmentSettings
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def fresh_shared_figures():
    """The shared counts live in this process's cache (the live server's too): count afresh."""
    overview.forget_shared()
    yield
    overview.forget_shared()


def check(page, assert_accessible, assert_no_horizontal_scroll):
    """axe at desktop width, then at 320 px (and axe again there), then back to desktop."""
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_lead_sets_the_time_limits_of_her_department(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    idea_in_stage(cast, Stage.TRIAL, title="Digital närvarolista i test")
    new_idea(cast, title="Hemlig skolidé", visibility=Idea.Visibility.RESTRICTED)
    browser_login(page, cast.lead)

    # 1. The list of departments, then her own department's overview.
    page.goto(live_server.url + reverse("departments:list"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_role("link", name="Utbildningsförvaltningen").click()
    page.wait_for_url(re.compile(r"/forvaltningar/\d+/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    assert "Digital närvarolista i test" in page.locator("main").inner_text()
    assert "Hemlig skolidé" not in page.locator("main").inner_text()  # not waiting: fresh

    # 2. Settings: a negative limit is refused, with what she typed kept.
    page.get_by_role("link", name="Ändra inställningar").click()
    page.wait_for_url(re.compile(r"/forvaltningar/\d+/installningar/$"))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    page.get_by_label("Cecilia Kollega").check()
    page.get_by_label("Högst antal dagar: Inskickad").fill("-3")
    page.get_by_label("Högst antal dagar: Testas").fill("200")
    page.get_by_role("button", name="Spara inställningarna").click()
    assert "Ange minst 1 dag" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Högst antal dagar: Testas").input_value() == "200"
    assert page.get_by_label("Cecilia Kollega").is_checked()
    assert not DepartmentSettings.objects.exists()
    check(page, assert_accessible, assert_no_horizontal_scroll)

    # 3. Corrected, it is saved and the overview shows the department's own limit.
    page.get_by_label("Högst antal dagar: Inskickad").fill("7")
    page.get_by_role("button", name="Spara inställningarna").click()
    page.wait_for_url(re.compile(r"/forvaltningar/\d+/$"))
    assert page.get_by_text("Förvaltningens inställningar är sparade.").is_visible()
    settings_panel = page.locator("section", has=page.locator("#settings-heading"))
    text = settings_panel.inner_text()
    assert "Inskickad: 7 dagar" in text and "Cecilia Kollega" in text
    saved = DepartmentSettings.objects.get()
    assert saved.limits() == {"submitted": 7, "trial": 200}
    check(page, assert_accessible, assert_no_horizontal_scroll)


def test_outsider_sees_the_overview_without_restricted_ideas(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    new_idea(cast, title="Öppen skolidé")
    new_idea(cast, title="Hemlig skolidé", visibility=Idea.Visibility.RESTRICTED)
    browser_login(page, cast.outsider)
    page.goto(live_server.url + reverse("departments:detail", args=[cast.education.pk]))
    check(page, assert_accessible, assert_no_horizontal_scroll)
    stages = page.locator("#stages-caption")
    assert "1 idé i förvaltningen" in stages.inner_text()
    assert page.get_by_role("link", name="Ändra inställningar").count() == 0
