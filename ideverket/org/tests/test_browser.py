"""The organisation pages in a real Chromium: accessible (axe, WCAG 2.1 AA), fit 320 px, no JS."""

import pytest
from django.urls import reverse

from ideverket.org.actions import do_create_unit, do_create_user

pytestmark = pytest.mark.browser
pytest.importorskip("tests.browser.conftest", reason="the browser test harness is missing")


def test_org_pages_are_accessible_and_fit_a_phone(
    page,
    live_server,
    cast,
    browser_login,
    assert_accessible,
    assert_no_horizontal_scroll,
):
    # Deep and long names: the worst case for the tree and the tables at 320 px.
    deep = cast.school
    for level in range(4):
        deep = do_create_unit(
            None, name=f"Arbetslag {level} för matematik och naturvetenskap", parent=deep
        )
    do_create_user(
        None,
        email="en.mycket.lang.adress.for.att.prova.radbrytning@utbildning.test.example",
        name="Anna-Karin Långnamn Eriksdotter",
        unit=deep,
    )
    browser_login(page, cast.admin)
    urls = [
        reverse("org:units"),
        reverse("org:unit_create"),
        reverse("org:unit_edit", args=[deep.pk]),
        reverse("org:people"),
        reverse("org:person_create"),
        reverse("org:person_edit", args=[cast.manager.pk]),
    ]
    for url in urls:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + url)
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)


def test_forms_work_without_javascript_and_errors_are_accessible(
    browser, live_server, cast, browser_login, assert_accessible
):
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", java_script_enabled=False
    )
    page = context.new_page()
    try:
        browser_login(page, cast.admin)
        page.goto(live_server.url + reverse("org:person_edit", args=[cast.employee.pk]))
        roles = page.locator("form[action*='roller']")
        roles.locator("select[name=role-role]").select_option("coordinator")
        roles.locator("select[name=role-unit]").select_option(str(cast.school.pk))
        with page.expect_navigation():
            roles.get_by_role("button", name="Ge rollen").click()
        assert page.get_by_text("Centrala roller ges på kommunnivå.").first.is_visible()
        assert_accessible(page)

        roles = page.locator("form[action*='roller']")
        roles.locator("select[name=role-unit]").select_option(str(cast.kommun.pk))
        with page.expect_navigation():
            roles.get_by_role("button", name="Ge rollen").click()
        assert page.get_by_text("Erik Elev har nu rollen Innovationssamordnare").is_visible()

        with page.expect_navigation():
            page.get_by_role("button", name="Ta bort rollen Innovationssamordnare").click()
        assert page.get_by_text("togs bort från Erik Elev").is_visible()
        assert cast.fresh("employee").role_assignments == []

        page.goto(live_server.url + reverse("org:person_create"))
        page.locator("input[name=name]").fill("Erik Dubblett")
        page.locator("input[name=email]").fill(cast.employee.email)
        page.locator("select[name=unit]").select_option(str(cast.school.pk))
        with page.expect_navigation():
            page.get_by_role("button", name="Lägg till personen").click()
        assert page.get_by_text(
            "Det finns redan en person med den e-postadressen."
        ).first.is_visible()
        assert page.locator("input[name=name]").input_value() == "Erik Dubblett"
        assert_accessible(page)
    finally:
        context.close()
