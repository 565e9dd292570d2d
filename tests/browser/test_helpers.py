"""The browser helpers themselves: a checker that never fails proves nothing."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser


def test_axe_runs_under_our_csp_and_reports_violations(page, live_server, assert_accessible):
    page.goto(live_server.url + reverse("account_login"))
    page.evaluate(
        """() => {
            const img = document.createElement('img');
            img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            document.querySelector('main').append(img);
        }"""
    )
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_horizontal_scroll_is_detected(page, live_server, assert_no_horizontal_scroll):
    page.goto(live_server.url + reverse("account_login"))
    page.evaluate(
        """() => {
            const wide = document.createElement('pre');
            wide.textContent = 'x'.repeat(400);
            document.querySelector('main').append(wide);
        }"""
    )
    with pytest.raises(AssertionError, match="scrolls sideways"):
        assert_no_horizontal_scroll(page)


def test_axe_runs_on_a_page_with_javascript_off(browser, live_server, db, assert_accessible):
    """axe needs timers; with JavaScript off it runs on a script-free copy instead of hanging."""
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("account_login"))
        assert_accessible(page)
        page.set_content('<html lang="sv"><head><title>t</title></head><body><img src="x.gif">')
        with pytest.raises(AssertionError, match="image-alt"):
            assert_accessible(page)
    finally:
        context.close()
