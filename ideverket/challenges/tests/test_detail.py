import pytest
from django.urls import reverse

from ideverket.challenges.models import Challenge
from ideverket.ideas.actions import do_create_idea
from ideverket.ideas.models import Idea

pytestmark = pytest.mark.django_db


def idea(cast, persona, title, unit, challenge, **kwargs):
    return do_create_idea(
        cast.fresh(persona),
        title=title,
        problem="Problemet",
        proposal="Förslaget",
        owner_unit=unit,
        challenge=challenge,
        **kwargs,
    )


@pytest.fixture
def challenge(make_challenge):
    return make_challenge(step=Challenge.Step.FOCUS, background="Lång bakgrund", needs="Behoven")


def test_detail_shows_the_challenge(cast, login, challenge):
    response = login(cast.fresh("outsider")).get(challenge.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Kortare köer",
        "Hur kan vi korta köerna?",
        "Lång bakgrund",
        "Behoven",
        "Skola Norr",
    ):
        assert text in html
    assert f'href="{reverse("ideas:create")}?challenge={challenge.pk}"' in html
    assert "Lämna en idé på utmaningen" in html


def test_steps_mark_the_current_one(cast, login, challenge):
    html = login(cast.employee).get(challenge.get_absolute_url()).content.decode()
    assert html.count('aria-current="step"') == 1
    current = html.split('aria-current="step"')[1].split("</li>")[0]
    assert "Fokusera" in current
    for label in Challenge.Step.labels:
        assert str(label) in html


def test_closed_challenge_has_no_idea_link(cast, login, challenge, close):
    close(challenge)
    html = login(cast.employee).get(challenge.get_absolute_url()).content.decode()
    assert "?challenge=" not in html
    assert "stängd för nya idéer" in html


def test_only_visible_ideas_are_listed(cast, login, challenge):
    idea(cast, "employee", "Öppen idé", cast.school, challenge)
    idea(
        cast,
        "outsider",
        "Hemlig idé",
        cast.homecare,
        challenge,
        visibility=Idea.Visibility.RESTRICTED,
    )
    idea(cast, "colleague", "Kollegans utkast", cast.school, challenge, submit=False)
    idea(cast, "employee", "Idé utan utmaning", cast.school, None)

    html = login(cast.fresh("employee")).get(challenge.get_absolute_url()).content.decode()
    assert "Öppen idé" in html
    assert "Hemlig idé" not in html
    assert "Kollegans utkast" not in html
    assert "Idé utan utmaning" not in html
    assert "1 idé" in html

    outsider_html = login(cast.fresh("outsider")).get(challenge.get_absolute_url()).content
    assert "Hemlig idé" in outsider_html.decode()
    coordinator_html = login(cast.fresh("coordinator")).get(challenge.get_absolute_url()).content
    assert "Hemlig idé" in coordinator_html.decode()


def test_ideas_are_capped_newest_first_with_the_full_count(cast, login, challenge, monkeypatch):
    from ideverket.challenges import views

    monkeypatch.setattr(views, "DETAIL_IDEAS_LIMIT", 3)
    for number in range(5):
        idea(cast, "employee", f"Idé nummer {number}", cast.school, challenge)
    response = login(cast.employee).get(challenge.get_absolute_url())
    assert [i.title for i in response.context["ideas"]] == [
        "Idé nummer 4",
        "Idé nummer 3",
        "Idé nummer 2",
    ]
    assert response.context["idea_count"] == 5
    assert "de 3 senaste visas" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "sees_edit"),
    [("employee", False), ("outsider", False), ("manager", True), ("coordinator", True)],
)
def test_edit_link_only_when_permitted(cast, login, challenge, persona, sees_edit):
    html = login(cast.fresh(persona)).get(challenge.get_absolute_url()).content.decode()
    assert (reverse("challenges:edit", args=[challenge.pk]) in html) is sees_edit


def test_missing_challenge_is_404(cast, login):
    assert login(cast.employee).get(reverse("challenges:detail", args=[999999])).status_code == 404
