"""A restricted idea stays inside Skola Norr's circle on every route and in every list.

Everything that shows ideas starts from `Idea.objects.visible_to(user)` (DESIGN.md,
"Visibility"; docs/roles.md): what a person may not see answers 404 and is left out of lists,
search, counts, challenge pages, similar ideas, Min sida and notifications.
"""

import re

import pytest
from django.urls import reverse

from ideverket.activity.models import Notification
from ideverket.challenges.models import Challenge
from ideverket.ideas import actions
from ideverket.ideas.models import Comment, Decision, Follow, Idea, Support
from ideverket.ideas.process import Outcome, Stage
from ideverket.org.models import RoleAssignment

from .builders import make_person, new_idea

Role = RoleAssignment.Role

SECRET_TITLE = "Zebrafinkar i personalrummet"
SECRET_WORD = "zebrafinkar"


@pytest.fixture
def challenge(cast):
    return Challenge.objects.create(
        title="Trivsel på jobbet",
        question="Hur kan vi göra personalrummet trivsammare?",
        owner_unit=cast.education,
    )


@pytest.fixture
def people(cast):
    """People outside Skola Norr who still have a reason to see the idea."""
    return {
        "co_submitter": make_person("kim", "Kim Medförslag", cast.homecare),
        "handler": make_person(
            "hugo", "Hugo Handläggare", cast.homecare, (Role.MANAGER, cast.homecare)
        ),
        "coach": make_person("cia", "Cia Coach", cast.homecare, (Role.INSPIRER, cast.homecare)),
    }


@pytest.fixture
def open_idea(cast, challenge):
    return new_idea(cast, title="Cykelställ vid entrén", user=cast.colleague, challenge=challenge)


@pytest.fixture
def secret(cast, challenge, people, open_idea):
    """Restricted, owned by Skola Norr, with a co-submitter, handler and coach from elsewhere."""
    idea = new_idea(
        cast,
        title=SECRET_TITLE,
        problem="Känsliga uppgifter om en medarbetare.",
        challenge=challenge,
        co_submitters=[people["co_submitter"]],
        visibility=Idea.Visibility.RESTRICTED,
    )
    lead = cast.fresh("lead")
    actions.do_set_handler(lead, idea, people["handler"])
    actions.do_set_coach(lead, idea, people["coach"])
    return Idea.objects.get(pk=idea.pk)


def idea_routes(idea):
    """(method, url, data) for every route that takes an idea."""
    pk = idea.pk
    routes = [
        ("get", reverse("ideas:detail", args=[pk]), None),
        ("get", reverse("ideas:edit", args=[pk]), None),
        ("post", reverse("ideas:edit", args=[pk]), {"title": "Kapad", "problem": "p"}),
        ("post", reverse("ideas:submit", args=[pk]), {}),
        ("post", reverse("ideas:comment", args=[pk]), {"body": "Hej"}),
        ("post", reverse("ideas:support", args=[pk]), {}),
        ("post", reverse("ideas:support", args=[pk]), {"action": "remove"}),
        ("post", reverse("ideas:follow", args=[pk]), {}),
        ("post", reverse("ideas:follow", args=[pk]), {"action": "remove"}),
        ("post", reverse("ideas:assign", args=[pk]), {"coach_self": "1"}),
        ("post", reverse("ideas:assign", args=[pk]), {"handler": ""}),
    ]
    for outcome in Outcome.values:
        url = reverse("ideas:decide", args=[pk, outcome])
        routes.append(("get", url, None))
        routes.append(("post", url, {"seen_stage": idea.stage, "reason": "x"}))
    return routes


def assert_every_route_404(client, idea, who, htmx=False):
    for method, url, data in idea_routes(idea):
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        assert response.status_code == 404, (
            f"{who}: {method.upper()} {url} → {response.status_code}"
        )
        # htmx requests take the same path and must not leak either.
        if htmx and method == "post":
            response = client.post(url, data, headers={"HX-Request": "true"})
            assert response.status_code == 404, f"{who}: htmx POST {url}"


def assert_left_untouched(idea):
    """Nobody who got a 404 managed to change anything on the idea."""
    fresh = Idea.objects.get(pk=idea.pk)
    assert fresh.title == idea.title and fresh.stage == idea.stage
    assert fresh.coach_id == idea.coach_id and fresh.handler_id == idea.handler_id
    assert not Decision.objects.filter(idea=idea).exists()
    assert not Comment.objects.filter(idea=idea).exists()
    assert not Support.objects.filter(idea=idea).exists()


def result_count(response):
    match = re.search(r'class="result-count"[^>]*>\s*(\d+)', response.text)
    assert match, "no result count on the page"
    return int(match.group(1))


@pytest.mark.parametrize("persona", ["outsider", "social_lead", "hr_person"])
def test_every_route_is_404_for_other_departments(cast, login, secret, persona):
    assert_every_route_404(login(cast.fresh(persona)), secret, persona, htmx=True)
    assert_left_untouched(secret)
    assert not Follow.objects.filter(idea=secret, user=getattr(cast, persona)).exists()


@pytest.mark.parametrize("persona", ["outsider", "social_lead"])
def test_hidden_from_every_list(cast, login, secret, open_idea, challenge, persona):
    client = login(cast.fresh(persona))

    response = client.get(reverse("ideas:list"))
    assert SECRET_TITLE not in response.text
    assert open_idea.title in response.text
    assert result_count(response) == 1

    response = client.get(reverse("ideas:list"), {"q": SECRET_WORD})
    assert SECRET_TITLE not in response.text
    assert result_count(response) == 0
    # The words of its problem text are not searchable either.
    response = client.get(reverse("ideas:list"), {"q": "känsliga"})
    assert result_count(response) == 0
    response = client.get(reverse("ideas:list"), {"challenge": challenge.pk})
    assert result_count(response) == 1

    response = client.get(reverse("challenges:detail", args=[challenge.pk]))
    assert response.status_code == 200
    assert SECRET_TITLE not in response.text
    assert open_idea.title in response.text
    assert response.context["idea_count"] == 1

    response = client.get(reverse("ideas:similar"), {"title": f"Fler {SECRET_TITLE}"})
    assert response.status_code == 200
    assert SECRET_TITLE not in response.text

    response = client.get(reverse("ideas:mine"))
    assert SECRET_TITLE not in response.text


def test_followed_while_open_then_restricted_leaves_no_trace(cast, login):
    idea = new_idea(cast, title=SECRET_TITLE)
    outsider = cast.fresh("outsider")
    actions.do_follow(outsider, idea)
    Idea.objects.filter(pk=idea.pk).update(visibility=Idea.Visibility.RESTRICTED)
    idea.refresh_from_db()
    actions.do_comment(cast.fresh("colleague"), idea, "Bra tänkt!")
    # The notification was written (followers are notified at write time)…
    assert Notification.objects.filter(recipient=outsider).count() == 1

    client = login(outsider)
    # … but it is filtered out at read time, everywhere.
    response = client.get(reverse("activity:notifications"))
    assert response.status_code == 200
    assert SECRET_TITLE not in response.text
    assert response.context["items"] == []
    assert "Markera som läst" not in response.text

    response = client.get(reverse("ideas:mine"))
    assert SECRET_TITLE not in response.text
    assert response.context["notifications"] == []
    assert response.context["following"] == []

    assert_every_route_404(client, idea, "outsider")


def test_unread_badge_does_not_count_hidden_notifications(cast, login):
    idea = new_idea(cast, title=SECRET_TITLE)
    outsider = cast.fresh("outsider")
    actions.do_follow(outsider, idea)
    Idea.objects.filter(pk=idea.pk).update(visibility=Idea.Visibility.RESTRICTED)
    actions.do_comment(cast.fresh("colleague"), Idea.objects.get(pk=idea.pk), "Bra tänkt!")
    response = login(outsider).get(reverse("activity:notifications"))
    assert response.context["items"] == []
    assert not response.context["unread_notification_count"]
    assert 'class="badge"' not in response.text


def test_min_sida_news_skips_hidden_notifications(cast, login):
    outsider = cast.fresh("outsider")
    visible = new_idea(cast, title="Synlig idé om lunchkön")
    actions.do_follow(outsider, visible)
    actions.do_comment(cast.fresh("colleague"), visible, "Första!")
    hidden = new_idea(cast, title=SECRET_TITLE)
    actions.do_follow(outsider, hidden)
    Idea.objects.filter(pk=hidden.pk).update(visibility=Idea.Visibility.RESTRICTED)
    hidden = Idea.objects.get(pk=hidden.pk)
    for n in range(5):
        actions.do_comment(cast.fresh("colleague"), hidden, f"Kommentar {n}")
    response = login(outsider).get(reverse("ideas:mine"))
    assert SECRET_TITLE not in response.text
    assert [n.subject.pk for n in response.context["notifications"]] == [visible.pk]


SEERS = [
    "employee",
    "colleague",
    "inspirer",
    "manager",
    "lead",
    "director",
    "coordinator",
    "co_submitter",
    "handler",
    "coach",
]


def seer(cast, people, persona):
    if persona in people:
        return people[persona]
    return cast.fresh(persona)


def test_seen_by_its_circle(cast, login, secret, challenge, people):
    for persona in SEERS:
        client = login(seer(cast, people, persona))
        response = client.get(reverse("ideas:detail", args=[secret.pk]))
        assert response.status_code == 200, persona

        response = client.get(reverse("ideas:list"))
        assert SECRET_TITLE in response.text, persona
        assert result_count(response) == 2, persona
        response = client.get(reverse("ideas:list"), {"q": SECRET_WORD})
        assert SECRET_TITLE in response.text and result_count(response) == 1, persona

        response = client.get(reverse("challenges:detail", args=[challenge.pk]))
        assert SECRET_TITLE in response.text, persona
        assert response.context["idea_count"] == 2, persona

        response = client.get(reverse("ideas:similar"), {"title": f"Fler {SECRET_TITLE}"})
        assert SECRET_TITLE in response.text, persona


def test_admin_outside_the_subtree_does_not_see_restricted_ideas(cast, login, secret):
    response = login(cast.fresh("admin")).get(reverse("ideas:detail", args=[secret.pk]))
    assert response.status_code == 404


def test_merging_a_restricted_idea_does_not_leak_its_title(cast, login, secret, open_idea):
    actions.do_decide(
        cast.fresh("lead"),
        secret,
        Outcome.MERGE,
        seen_stage=Stage.SUBMITTED,
        target_idea=open_idea,
    )
    response = login(cast.fresh("outsider")).get(reverse("ideas:detail", args=[open_idea.pk]))
    assert response.status_code == 200
    assert SECRET_TITLE not in response.text


# -- drafts ----------------------------------------------------------------------------------


@pytest.fixture
def draft(cast, challenge):
    return new_idea(
        cast,
        title="Utkast om zebrafinkar",
        challenge=challenge,
        co_submitters=[cast.colleague],
        submit=False,
    )


@pytest.mark.parametrize("persona", ["employee", "colleague"])
def test_draft_seen_by_its_submitters(cast, login, draft, persona):
    client = login(cast.fresh(persona))
    assert client.get(reverse("ideas:detail", args=[draft.pk])).status_code == 200
    assert client.get(reverse("ideas:edit", args=[draft.pk])).status_code == 200
    # A draft is not in the idea list, even for its submitters (Min sida has it).
    assert draft.title not in client.get(reverse("ideas:list")).text
    assert draft.title in client.get(reverse("ideas:mine")).text


@pytest.mark.parametrize(
    "persona", ["lead", "manager", "director", "coordinator", "inspirer", "outsider"]
)
def test_draft_is_404_for_everyone_else(cast, login, draft, challenge, persona):
    client = login(cast.fresh(persona))
    assert_every_route_404(client, draft, persona)
    assert_left_untouched(draft)
    assert draft.title not in client.get(reverse("ideas:list"), {"q": "zebrafinkar"}).text
    assert draft.title not in client.get(reverse("ideas:mine")).text
    response = client.get(reverse("challenges:detail", args=[challenge.pk]))
    assert draft.title not in response.text
    assert response.context["idea_count"] == 0
    response = client.get(reverse("ideas:similar"), {"title": "Fler zebrafinkar"})
    assert draft.title not in response.text
