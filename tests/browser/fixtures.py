"""Playwright driving Debian's Chromium against pytest-django's live_server.

A pytest plugin module: `tests/browser/conftest.py` loads it for the tests in tests/browser/;
registering it in the root conftest (`pytest_plugins = ["tests.browser.fixtures"]`) would make
the fixtures available to browser tests in the apps too.

Fixtures: `browser` (one Chromium per test process), `page` (a fresh Swedish context per test,
failing the test if the page breaks our CSP), `browser_login(page, user)`,
`assert_accessible(page)` (axe-core, WCAG 2.1 A/AA) and `assert_no_horizontal_scroll(page)`
(at 320 CSS px). Browser tests carry `pytestmark = pytest.mark.browser`; without a chromium
binary they are skipped, not failed.
"""

import html
import os
import re
import shutil

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PASSWORD = "test-pass-123"  # the cast's password, see conftest.py
CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and os.access(p, os.X_OK)),
    None,
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# What Playwright says when a script runs while the page navigates away.
NAVIGATING = ("reading 'documentElement'", "Execution context was destroyed")
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def _require_chromium(request):
    if CHROMIUM is None and request.node.get_closest_marker("browser"):
        pytest.skip("browser test: no chromium binary (/usr/bin/chromium or `chromium` on PATH)")


# One Playwright and one Chromium per test process, however many modules import the `browser`
# fixture: a second sync_playwright() in the same thread would fail ("inside the asyncio loop").
_running = {}


def _start_chromium():
    if "browser" not in _running:
        from playwright.sync_api import sync_playwright

        _running["playwright"] = sync_playwright().start()
        _running["browser"] = _running["playwright"].chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
    return _running["browser"]


def _stop_chromium():
    if "browser" in _running:
        _running.pop("browser").close()
        _running.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("browser test: no chromium binary (/usr/bin/chromium or `chromium` on PATH)")
    yield _start_chromium()
    _stop_chromium()


@pytest.fixture
def page(browser, live_server):
    """A fresh page in its own context (own cookies), Swedish, on the live server."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="sv-SE",
        timezone_id="Europe/Stockholm",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    csp_violations = []
    page.on(
        "console",
        lambda msg: (
            csp_violations.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    yield page
    context.close()
    assert not csp_violations, "The page broke our Content-Security-Policy:\n" + "\n".join(
        csp_violations
    )


@pytest.fixture
def browser_login(live_server):
    """browser_login(page, user): log in through the real allauth form; the page follows."""

    def _login(page, user, password=PASSWORD):
        page.goto(live_server.url + reverse("account_login"))
        form = page.locator("form:has(input[name=password])")
        form.locator("input[name=login]").fill(user.email)
        form.locator("input[name=password]").fill(password)
        with page.expect_navigation():
            form.locator("[type=submit]").click()
        assert reverse("account_login") not in page.url, f"login as {user.email} failed"
        return page

    return _login


def _format_violations(violations):
    lines = [f"{len(violations)} accessibility violation(s) (axe-core, {', '.join(AXE_TAGS)}):"]
    for v in violations:
        lines.append(f"- {v['id']} [{v.get('impact')}] {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


# True when the page runs scripts: with scripting off, <noscript> content parses as elements.
_SCRIPTING_PROBE = """() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<noscript><p></p></noscript>';
    return probe.querySelector('noscript p') === null;
}"""


def _page_for_axe(page):
    """`page` itself, or for a page with JavaScript off a script-free copy axe can run in.

    axe-core needs timers, which never fire with JavaScript disabled, so it would wait forever.
    """
    if page.evaluate(_SCRIPTING_PROBE):
        return page, None
    context = page.context.browser.new_context(
        viewport=page.viewport_size, locale="sv-SE", timezone_id="Europe/Stockholm"
    )
    context.route(re.compile(r".*\.js(\?.*)?$"), lambda route: route.abort())
    copy = context.new_page()
    base = f'<base href="{html.escape(page.url)}">'
    copy.set_content(re.sub(r"(<head[^>]*>)", r"\1" + base, page.content(), count=1))
    return copy, context


@pytest.fixture
def assert_accessible():
    """assert_accessible(page): zero axe-core violations tagged WCAG 2.0/2.1 A and AA."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }

    def _run(page, context):
        page.wait_for_load_state("load")
        target, copy_context = _page_for_axe(page)
        try:
            # Axe.run injects axe.min.js through page.evaluate, which our CSP does not block.
            return axe.run(target, context=context, options=options).response["violations"]
        finally:
            if copy_context is not None:
                copy_context.close()

    def _assert(page, context=None):
        try:
            violations = _run(page, context)
        except PlaywrightError as error:
            # A click that navigates may still be loading the next page when axe starts;
            # axe then finds no document. Run it once more on the page that has loaded.
            if not any(sign in str(error) for sign in NAVIGATING):
                raise
            violations = _run(page, context)
        assert not violations, f"{page.url}\n" + _format_violations(violations)

    return _assert


@pytest.fixture
def assert_no_horizontal_scroll():
    """assert_no_horizontal_scroll(page): the page reflows at 320 CSS px (WCAG 1.4.10)."""

    def _assert(page, width=320):
        page.set_viewport_size({"width": width, "height": 800})
        overflow = page.evaluate(
            """() => {
                const limit = document.documentElement.clientWidth;
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(el => el.getBoundingClientRect().right > limit + 1)
                    .slice(0, 10)
                    .map(el => el.outerHTML.slice(0, 120));
                return {scroll: document.documentElement.scrollWidth, limit, wide};
            }"""
        )
        assert overflow["scroll"] <= overflow["limit"], (
            f"{page.url} scrolls sideways at {width} px "
            f"(content {overflow['scroll']} px wide); widest elements:\n"
            + "\n".join(overflow["wide"])
        )

    return _assert
