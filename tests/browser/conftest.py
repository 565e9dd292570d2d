"""The browser fixtures for the tests in this folder; they live in fixtures.py (a plugin)."""

from tests.browser.fixtures import (  # noqa: F401 - pytest finds fixtures by name here
    _require_chromium,
    assert_accessible,
    assert_no_horizontal_scroll,
    browser,
    browser_login,
    page,
)
