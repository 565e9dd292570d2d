"""Challenge pages in a real Chromium as the roles that use them: axe clean, 320 px, keyboard."""

import pytest
from django.urls import reverse

from ideverket.challenges.actions import do_create_challenge
from ideverket.challenges.models import Theme
from ideverket.ideas.actions import do_create_idea

pytestmark = pytest.mark.browser


@pytest.fixture
def challenge(cast):
    theme, _ = Theme.objects.get_or_create(name="Kompetensförsörjning")
    challenge = do_create_challenge(
        cast.fresh("lead"),
        title="Fler behöriga lärare",
        question="Hur kan vi få fler behöriga lärare att välja våra skolor?",
        owner_unit=cast.education,
        background="Många lärare går i pension de närmaste åren.",
        themes=[theme],
    )
    do_create_idea(
        cast.employee,
        title="Mentorer för nya lärare",
        problem="Nya lärare slutar.",
        proposal="Erfarna lärare som mentorer.",
        owner_unit=cast.school,
        challenge=challenge,
    )
    return challenge


@pytest.mark.parametrize("persona", ["employee", "lead"])
def test_challenge_pages(
    page,
    live_server,
    cast,
    challenge,
    persona,
    browser_login,
    assert_accessible,
    assert_no_horizontal_scroll,
):
    browser_login(page, getattr(cast, persona))
    urls = [reverse("challenges:list"), reverse("challenges:detail", args=[challenge.pk])]
    if persona == "lead":
        urls += [reverse("challenges:create"), reverse("challenges:edit", args=[challenge.pk])]
    for url in urls:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + url)
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        assert_accessible(page)


def test_themes_page_for_the_coordinator(
    page, live_server, cast, browser_login, assert_accessible, assert_no_horizontal_scroll
):
    browser_login(page, cast.coordinator)
    page.goto(live_server.url + reverse("challenges:themes"))
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_filter_by_keyboard_updates_results(
    page, live_server, cast, challenge, browser_login, assert_accessible
):
    browser_login(page, cast.employee)
    page.goto(live_server.url + reverse("challenges:list"))
    page.get_by_label("Sök").focus()
    page.keyboard.type("behöriga")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Fler behöriga lärare").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Fler behöriga lärare").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Mentorer för nya lärare").wait_for()
    page.get_by_role("link", name="Lämna en idé på utmaningen").click()
    assert page.get_by_label("Hör idén till en utmaning?").input_value() == str(challenge.pk)
