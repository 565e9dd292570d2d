# The browser fixtures (Chromium, axe, the 320 px check) live with the project-wide browser tests;
# without that harness the browser tests here skip (see test_browser.py).
import contextlib

with contextlib.suppress(ImportError):
    from tests.browser.conftest import (  # noqa: F401
        _require_chromium,
        assert_accessible,
        assert_no_horizontal_scroll,
        browser,
        browser_login,
        page,
    )
