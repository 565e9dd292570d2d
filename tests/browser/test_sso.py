"""Single sign-on in a real Chromium against the stub identity provider of the SSO tests: the
login page with the SSO button first (axe, 320 px), and a login by keyboard alone."""

import pytest
from django.urls import reverse

from ideverket.org.models import User
from ideverket.org.tests.test_sso import CLAIMS
from ideverket.org.tests.test_sso import idp as idp  # the stub identity provider fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sso_login_by_keyboard(
    page,
    live_server,
    cast,
    idp,
    assert_accessible,
    assert_no_horizontal_scroll,
):
    idp.browser_claims = CLAIMS
    page.goto(live_server.url + reverse("account_login"))
    button = page.get_by_role("button", name="Logga in med kommunens konto")
    assert button.is_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)  # the narrow layout too
    page.set_viewport_size({"width": 1280, "height": 900})

    # Keyboard: the SSO button comes before the e-mail field in the tab order.
    page.locator("body").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == button.inner_text():
            break
    assert page.evaluate("document.activeElement.getAttribute('name')") != "login"
    page.keyboard.press("Enter")  # → the stub IdP → back to the callback → logged in
    page.wait_for_url(lambda url: url.startswith(live_server.url) and "/konto/" not in url)
    assert reverse("account_login") not in page.url
    user = User.objects.get(email="anna.ny@test.example")
    assert user.unit == cast.school
    assert page.get_by_text(user.name).first.is_visible()
