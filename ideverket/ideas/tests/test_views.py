"""The idea pages as a browser (and htmx) uses them: filters, search, forms, decisions, toggles."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.activity.models import Notification
from ideverket.challenges.models import Challenge, Theme
from ideverket.ideas import actions
from ideverket.ideas.models import Comment, Decision, Follow, Idea, Support
from ideverket.ideas.process import Outcome, Stage

from .builders import full_commitment, idea_in_stage, new_idea

LIST = reverse("ideas:list")
# An id beyond 64 bits.
HUGE = "99999999999999999999999"


def titles(response):
    return [idea.title for idea in response.context["page_obj"].object_list]


# -- the list: filters and sorting -----------------------------------------------------------


@pytest.fixture
def catalogue(cast):
    """Three ideas that differ in every filterable way, with known times and counts."""
    theme_a = Theme.objects.create(name="Testtema Alfa")
    theme_b = Theme.objects.create(name="Testtema Beta")
    challenge = Challenge.objects.create(
        title="Kortare köer", question="Hur kan vi korta köerna?", owner_unit=cast.education
    )
    school = new_idea(cast, title="Skolidé", themes=[theme_a], challenge=challenge)
    homecare = new_idea(cast, title="Hemtjänstidé", owner_unit=cast.homecare, themes=[theme_b])
    actions.do_decide(cast.fresh("social_lead"), homecare, Outcome.TAKE, seen_stage=Stage.SUBMITTED)
    hr = new_idea(cast, title="HR-idé", owner_unit=cast.hr, user=cast.hr_person)
    Idea.objects.filter(pk=school.pk).update(looking_for_partners=True)
    now = timezone.now()
    # newest: HR, Hemtjänst, Skola; support: Hemtjänst; comments: HR; waiting: Skola first.
    for idea, days, supports, comments, stage_days in (
        (school, 3, 1, 0, 30),
        (homecare, 2, 5, 1, 10),
        (hr, 1, 0, 7, 20),
    ):
        Idea.objects.filter(pk=idea.pk).update(
            submitted_at=now - datetime.timedelta(days=days),
            stage_changed_at=now - datetime.timedelta(days=stage_days),
            support_count=supports,
            comment_count=comments,
        )
    return {
        "theme_a": theme_a,
        "theme_b": theme_b,
        "challenge": challenge,
        "school": school,
        "homecare": homecare,
        "hr": hr,
    }


def test_filters_each_narrow(cast, login, catalogue):
    client = login(cast.fresh("coordinator"))
    cases = [
        ({}, {"Skolidé", "Hemtjänstidé", "HR-idé"}),
        ({"department": cast.education.pk}, {"Skolidé"}),
        ({"department": cast.social.pk}, {"Hemtjänstidé"}),
        ({"department": cast.central.pk}, {"HR-idé"}),
        ({"stage": Stage.IN_ASSESSMENT}, {"Hemtjänstidé"}),
        ({"stage": Stage.SUBMITTED}, {"Skolidé", "HR-idé"}),
        ({"stage": Stage.TRIAL}, set()),
        ({"theme": catalogue["theme_a"].pk}, {"Skolidé"}),
        ({"theme": catalogue["theme_b"].pk}, {"Hemtjänstidé"}),
        ({"challenge": catalogue["challenge"].pk}, {"Skolidé"}),
        ({"partners": "on"}, {"Skolidé"}),
        ({"department": cast.education.pk, "stage": Stage.IN_ASSESSMENT}, set()),
    ]
    for params, expected in cases:
        response = client.get(LIST, params)
        assert response.status_code == 200
        assert set(titles(response)) == expected, params
        assert response.context["page_obj"].count == len(expected)


SORTED = {
    "": ["HR-idé", "Hemtjänstidé", "Skolidé"],
    "newest": ["HR-idé", "Hemtjänstidé", "Skolidé"],
    "oldest": ["Skolidé", "Hemtjänstidé", "HR-idé"],
    "support": ["Hemtjänstidé", "Skolidé", "HR-idé"],
    "comments": ["HR-idé", "Hemtjänstidé", "Skolidé"],
    "waiting": ["Skolidé", "HR-idé", "Hemtjänstidé"],
}


def test_sorts(cast, login, catalogue):
    client = login(cast.fresh("coordinator"))
    for sort, expected in SORTED.items():
        assert titles(client.get(LIST, {"sort": sort})) == expected, sort


GARBAGE = [
    {"stage": "hack"},
    {"stage": Stage.DRAFT},
    {"department": "abc"},
    {"department": "999999"},
    {"department": "1 OR 1=1"},
    {"theme": "x"},
    {"challenge": "-1"},
    {"department": HUGE},
    {"theme": HUGE},
    {"challenge": HUGE},
    {"department": "²"},
    {"partners": "kanske"},
    {"sort": "password"},
    {"sort": "-pk"},
    {"sort": "submitters__password"},
    {"page": "999999"},
    {"page": "-1"},
    {"page": "0"},
    {"page": "abc"},
    {"page": "1e9"},
    {"q": "%"},
    {"q": "_"},
    {"q": "\\"},
    {"q": "%_\\%"},
    {"q": "x" * 10_000},
    {"q": "hej\x00då"},
    {"q": "\x00"},
    {"q": "\u202ehej"},
    {"q": "😀"},
    {"q": "'; DROP TABLE ideas_idea; --"},
]


def test_garbage_never_breaks_the_list(cast, login, catalogue):
    client = login(cast.fresh("coordinator"))
    for params in GARBAGE:
        response = client.get(LIST, params)
        assert response.status_code == 200, ascii(params)[:80]
        response = client.get(LIST, params, headers={"HX-Request": "true"})
        assert response.status_code == 200, ascii(params)[:80]
        # Unknown names fall back to no filter and the default order, never to an ORM lookup.
        if set(params) <= {"stage", "department", "theme", "challenge", "sort"}:
            assert titles(response) == ["HR-idé", "Hemtjänstidé", "Skolidé"], params
    assert Idea.objects.count() == 3


def test_wildcards_match_literally(cast, login, catalogue):
    """A plain % (or _ or \\) is a character to find, not "match everything"."""
    client = login(cast.fresh("coordinator"))
    for query in ("%", "_", "\\", "%%", "_%_"):
        assert titles(client.get(LIST, {"q": query})) == [], query
    new_idea(cast, title="Sänk kostnaden 50 % med delade_mappar")
    assert titles(client.get(LIST, {"q": "%"})) == ["Sänk kostnaden 50 % med delade_mappar"]
    assert titles(client.get(LIST, {"q": "delade_"})) == ["Sänk kostnaden 50 % med delade_mappar"]


def test_pages_out_of_range_show_a_real_page(cast, login, catalogue):
    client = login(cast.fresh("coordinator"))
    for page in ("999999", "-1"):
        response = client.get(LIST, {"page": page})
        assert response.context["page_obj"].number == 1
        assert len(titles(response)) == 3


def test_swedish_search(cast, login):
    new_idea(cast, title="Åsa Östbergs förslag om Ängar")
    new_idea(cast, title="Asa och Ostbergs andra")
    client = login(cast.fresh("employee"))
    for query in ("åsa", "ÅSA", "Åsa", "östberg", "ÖSTBERGS", "A\u030asa", "ängar", "åsa ängar"):
        response = client.get(LIST, {"q": query})
        assert titles(response) == ["Åsa Östbergs förslag om Ängar"], ascii(query)


def test_htmx_list_gets_only_the_results(cast, login, catalogue):
    client = login(cast.fresh("coordinator"))
    response = client.get(LIST, {"q": "skolidé"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="results"' in response.text
    assert "Skolidé" in response.text and "Hemtjänstidé" not in response.text
    full = client.get(LIST, {"q": "skolidé"})
    assert "<html" in full.text and 'id="results"' in full.text


# -- creating an idea ------------------------------------------------------------------------

CREATE = reverse("ideas:create")


def create_data(cast, **overrides):
    data = {
        "title": "Digital närvarolista",
        "problem": "Lärarna för närvaro på papper.",
        "proposal": "En enkel app i skolans system.",
        "benefit": "Mindre pappersarbete.",
        "owner_unit": cast.school.pk,
        "visibility": Idea.Visibility.OPEN,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("missing", ["title", "problem", "proposal"])
def test_create_missing_field_keeps_the_text(cast, login, missing):
    data = create_data(cast, **{missing: ""})
    response = login(cast.fresh("employee")).post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"].errors[missing] == ["Detta fält måste fyllas i."]
    # The message sits next to the field, tied to it for screen readers.
    assert f'id="id_{missing}_error"' in response.text
    assert "Detta fält måste fyllas i." in response.text
    for name in ("title", "problem", "proposal", "benefit"):
        if name != missing:
            assert data[name] in response.text
    assert Idea.objects.count() == 0


def test_create_refuses_blank_looking_title(cast, login):
    client = login(cast.fresh("employee"))
    for blank in ("   ", "\u200b\u200b", "\x00", "\u202e ", "\t\n"):
        response = client.post(CREATE, create_data(cast, title=blank))
        assert response.status_code == 200, ascii(blank)
        errors = response.context["form"].errors["title"]
        assert errors and set(errors) <= {
            "Detta fält måste fyllas i.",
            "Fältet får inte vara tomt.",
            "Null-tecken är inte tillåtna.",
        }, errors
        assert 'id="id_title_error"' in response.text
        assert "Lärarna för närvaro på papper." in response.text
    assert Idea.objects.count() == 0


def test_create_submits(cast, login):
    response = login(cast.fresh("employee")).post(CREATE, create_data(cast))
    idea = Idea.objects.get()
    assert response.status_code == 302 and response.headers["Location"] == idea.get_absolute_url()
    assert idea.stage == Stage.SUBMITTED
    assert idea.submitter_ids == {cast.employee.pk}


def test_save_draft(cast, login):
    client = login(cast.fresh("employee"))
    response = client.post(CREATE, create_data(cast, save_draft="1"))
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert idea.stage == Stage.DRAFT and idea.submitted_at is None
    page = client.get(idea.get_absolute_url())
    assert "Det här är ett utkast" in page.text


def test_challenge_is_preselected(cast, login):
    theme = Theme.objects.create(name="Testtema Gamma")
    challenge = Challenge.objects.create(
        title="Kortare köer", question="Hur kan vi korta köerna?", owner_unit=cast.education
    )
    challenge.themes.set([theme])
    response = login(cast.fresh("employee")).get(CREATE, {"challenge": challenge.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["challenge"].value() == challenge.pk
    assert f'<option value="{challenge.pk}" selected>' in response.text
    assert list(form["themes"].value()) == [theme.pk]


def test_challenge_preselect_ignores_garbage(cast, login):
    client = login(cast.fresh("employee"))
    for value in ("abc", "-1", "999999", HUGE, "1 OR 1=1", ""):
        response = client.get(CREATE, {"challenge": value})
        assert response.status_code == 200, value
        assert response.context["form"]["challenge"].value() is None, value


def test_closed_challenge_is_not_preselected(cast, login):
    challenge = Challenge.objects.create(
        title="Gammal",
        question="Hur kan vi?",
        owner_unit=cast.education,
        open_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    response = login(cast.fresh("employee")).get(CREATE, {"challenge": challenge.pk})
    assert response.context["form"]["challenge"].value() is None


# -- deciding --------------------------------------------------------------------------------


def commitment_form(cast):
    commitment = full_commitment(cast)
    return {
        "receiving_unit": commitment["receiving_unit"].pk,
        "owner": commitment["owner"].pk,
        "hours": commitment["hours"],
        "kronor": commitment["kronor"],
        "until": commitment["until"].isoformat(),
        "success_criteria": commitment["success_criteria"],
    }


def test_test_decision_needs_the_commitment(cast, login):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    url = reverse("ideas:decide", args=[idea.pk, Outcome.TEST])
    data = {"seen_stage": Stage.IN_ASSESSMENT, "reason": "Lovande idé"}
    response = login(cast.fresh("manager")).post(url, data)
    assert response.status_code == 200
    assert "Ange den mottagande enhet som tar över resultatet." in response.text
    assert 'id="id_receiving_unit_error"' in response.text
    assert "Lovande idé" in response.text  # the typed reason is kept
    assert not Decision.objects.filter(idea=idea, outcome=Outcome.TEST).exists()
    idea.refresh_from_db()
    assert idea.stage == Stage.IN_ASSESSMENT


def test_test_decision_with_commitment_shows_it(cast, login):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    client = login(cast.fresh("manager"))
    url = reverse("ideas:decide", args=[idea.pk, Outcome.TEST])
    data = {"seen_stage": Stage.IN_ASSESSMENT, "reason": "Lovande idé", **commitment_form(cast)}
    response = client.post(url, data)
    assert response.status_code == 302
    assert response.headers["Location"] == idea.get_absolute_url()
    decision = Decision.objects.get(idea=idea, outcome=Outcome.TEST)
    assert decision.commitment.owner == cast.manager

    page = client.get(idea.get_absolute_url())
    assert "Beslutet är registrerat: Testa." in page.text
    commitment = page.text[page.text.index('class="commitment"') :]
    for shown in ("Skola Norr", "Maja Chef", "80", "20000", "Halverad tid för närvaro."):
        assert shown in commitment, shown


def stale_post(cast, login, first, second):
    """The manager decides `first`; then the lead posts `second` from a page loaded before."""
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    actions.do_decide(
        cast.fresh("manager"),
        idea,
        first,
        seen_stage=Stage.IN_ASSESSMENT,
        reason="Först",
        revisit_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    url = reverse("ideas:decide", args=[idea.pk, second])
    data = {
        "seen_stage": Stage.IN_ASSESSMENT,
        "reason": "Sen",
        "revisit_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    response = login(cast.fresh("lead")).post(url, data, follow=True)
    return idea, response


def test_stale_decision_says_who_was_first(cast, login):
    idea, response = stale_post(cast, login, Outcome.PARK, Outcome.DECLINE)
    assert response.status_code == 200
    assert "redan beslutat" in response.text
    assert "Maja Chef" in response.text and "Parkera" in response.text
    assert not Decision.objects.filter(idea=idea, outcome=Outcome.DECLINE).exists()
    idea.refresh_from_db()
    assert idea.stage == Stage.PARKED


def test_stale_decision_after_a_final_one_says_who_was_first(cast, login):
    idea, response = stale_post(cast, login, Outcome.DECLINE, Outcome.PARK)
    assert not Decision.objects.filter(idea=idea, outcome=Outcome.PARK).exists()
    assert response.status_code == 200
    assert "redan beslutat" in response.text


def test_decision_page_shows_only_the_needed_fields(cast, login):
    idea = idea_in_stage(cast, Stage.IN_ASSESSMENT)
    client = login(cast.fresh("lead"))
    page = client.get(reverse("ideas:decide", args=[idea.pk, Outcome.DECLINE]))
    assert set(page.context["form"].fields) == {"seen_stage", "reason"}
    page = client.get(reverse("ideas:decide", args=[idea.pk, Outcome.TEST]))
    assert "Resursgrinden" in page.text
    assert {"receiving_unit", "owner", "hours", "until", "success_criteria"} <= set(
        page.context["form"].fields
    )


# -- comments, support, follow ---------------------------------------------------------------


def test_comment_without_htmx(cast, login):
    idea = new_idea(cast)
    client = login(cast.fresh("colleague"))
    url = reverse("ideas:comment", args=[idea.pk])
    response = client.post(url, {"body": "Bra idé!"})
    assert response.status_code == 302
    assert response.headers["Location"] == f"{idea.get_absolute_url()}#kommentarer"
    assert Comment.objects.get(idea=idea).body == "Bra idé!"
    assert Follow.objects.filter(idea=idea, user=cast.colleague).exists()

    response = client.post(url, {"body": "   "})
    assert response.status_code == 422
    assert "<html" in response.text
    assert 'id="id_body_error"' in response.text
    assert Comment.objects.filter(idea=idea).count() == 1


def test_comment_with_htmx(cast, login):
    idea = new_idea(cast)
    client = login(cast.fresh("colleague"))
    url = reverse("ideas:comment", args=[idea.pk])
    response = client.post(url, {"body": "Bra <b>idé</b>!"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="kommentarer"' in response.text
    assert "Kommentarer (1)" in response.text
    assert "Bra &lt;b&gt;idé&lt;/b&gt;!" in response.text
    assert "<b>idé</b>" not in response.text

    response = client.post(url, {"body": ""}, headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert 'id="id_body_error"' in response.text
    assert Comment.objects.filter(idea=idea).count() == 1


def test_support_toggle(cast, login):
    idea = new_idea(cast)
    client = login(cast.fresh("colleague"))
    url = reverse("ideas:support", args=[idea.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # twice is still one support
    idea.refresh_from_db()
    assert idea.support_count == 1
    assert Support.objects.filter(idea=idea).count() == 1

    response = client.post(url, {"action": "remove"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="support"' in response.text and 'aria-pressed="false"' in response.text
    assert "(0 stöd)" in response.text
    assert not Support.objects.filter(idea=idea).exists()

    response = client.post(url, headers={"HX-Request": "true"})
    assert 'aria-pressed="true"' in response.text and "(1 stöd)" in response.text
    assert 'name="action" value="remove"' in response.text


def test_follow_toggle(cast, login):
    idea = new_idea(cast)
    client = login(cast.fresh("outsider"))
    url = reverse("ideas:follow", args=[idea.pk])
    response = client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="follow"' in response.text and 'aria-pressed="true"' in response.text
    assert Follow.objects.filter(idea=idea, user=cast.outsider).exists()

    response = client.post(url, {"action": "remove"})
    assert response.status_code == 302
    assert not Follow.objects.filter(idea=idea, user=cast.outsider).exists()


@pytest.mark.parametrize("name", ["support", "follow", "comment"])
def test_toggles_refuse_get(cast, login, name):
    idea = new_idea(cast)
    response = login(cast.fresh("colleague")).get(reverse(f"ideas:{name}", args=[idea.pk]))
    assert response.status_code == 405
    assert not Support.objects.filter(idea=idea).exists()
    assert not Follow.objects.filter(idea=idea, user=cast.colleague).exists()


@pytest.mark.parametrize("name", ["support", "follow", "comment"])
def test_toggles_refused_on_drafts_by_their_submitter(cast, login, name):
    idea = new_idea(cast, submit=False)
    url = reverse(f"ideas:{name}", args=[idea.pk])
    response = login(cast.fresh("employee")).post(url, {"body": "Hej"})
    assert response.status_code == 403
    assert not Support.objects.filter(idea=idea).exists()
    assert not Comment.objects.filter(idea=idea).exists()


# -- notifications ---------------------------------------------------------------------------

NOTIFICATIONS = reverse("activity:notifications")
MARK_READ = reverse("activity:mark_read")


@pytest.fixture
def inbox(cast):
    """Three unread notifications for the employee (comments on their idea)."""
    idea = new_idea(cast)
    for n in range(3):
        actions.do_comment(cast.fresh("colleague"), idea, f"Kommentar {n}")
    return list(Notification.objects.filter(recipient=cast.employee))


def unread(user):
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def test_get_changes_nothing(cast, login, inbox):
    client = login(cast.fresh("employee"))
    response = client.get(NOTIFICATIONS)
    assert response.status_code == 200
    assert len(response.context["items"]) == 3
    assert response.context["unread_notification_count"] == 3
    client.get(reverse("ideas:mine"))
    assert client.get(MARK_READ).status_code == 405
    assert unread(cast.employee) == 3


def test_mark_one_read(cast, login, inbox):
    client = login(cast.fresh("employee"))
    one = inbox[0]
    response = client.post(MARK_READ, {"notification": one.pk})
    assert response.status_code == 302
    assert response.headers["Location"] == NOTIFICATIONS
    one.refresh_from_db()
    assert one.read_at is not None
    assert unread(cast.employee) == 2


def test_mark_all_read(cast, login, inbox):
    client = login(cast.fresh("employee"))
    assert client.post(MARK_READ, {"all": "1"}).status_code == 302
    assert unread(cast.employee) == 0
    page = client.get(NOTIFICATIONS)
    assert "Markera som läst" not in page.text
    assert 'class="badge"' not in page.text


def test_cannot_mark_someone_elses_notifications(cast, login, inbox):
    client = login(cast.fresh("outsider"))
    client.post(MARK_READ, {"notification": [n.pk for n in inbox]})
    client.post(MARK_READ)
    assert unread(cast.employee) == 3


def test_mark_read_ignores_garbage_ids(cast, login, inbox):
    client = login(cast.fresh("employee"))
    response = client.post(MARK_READ, {"notification": ["abc", "-1", "1 OR 1=1"]})
    assert response.status_code == 302


# -- editing ---------------------------------------------------------------------------------


def test_edit_ignores_fields_the_submitter_may_not_change(cast, login):
    idea = new_idea(cast)
    data = create_data(
        cast,
        title="Ny rubrik",
        seen_updated_at=idea.updated_at.isoformat(),
        stage=Stage.IMPLEMENTED,
        handler=cast.employee.pk,
        coach=cast.employee.pk,
        support_count=999,
        comment_count=999,
        search_text="hemlig",
    )
    response = login(cast.fresh("employee")).post(reverse("ideas:edit", args=[idea.pk]), data)
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Ny rubrik"
    assert idea.stage == Stage.SUBMITTED
    assert idea.handler_id is None and idea.coach_id is None
    assert idea.support_count == 0 and idea.comment_count == 0
    assert "hemlig" not in idea.search_text


def test_submitter_marks_idea_as_looking_for_partners(cast, login):
    idea = new_idea(cast)
    data = create_data(cast, seen_updated_at=idea.updated_at.isoformat(), looking_for_partners="on")
    client = login(cast.fresh("employee"))
    assert client.post(reverse("ideas:edit", args=[idea.pk]), data).status_code == 302
    listed = client.get(reverse("ideas:list"), {"partners": "on"})
    assert idea.title in listed.text and "Söker samarbetspartner" in listed.text


def test_stale_edit_is_told_and_not_saved(cast, login):
    idea = new_idea(cast)
    seen = idea.updated_at.isoformat()
    actions.do_edit_idea(cast.fresh("employee"), Idea.objects.get(pk=idea.pk), title="Först")
    data = create_data(cast, title="Sen", seen_updated_at=seen)
    response = login(cast.fresh("employee")).post(reverse("ideas:edit", args=[idea.pk]), data)
    assert response.status_code == 200
    assert "ändrats av någon annan" in response.text
    assert Idea.objects.get(pk=idea.pk).title == "Först"


# -- bad input that should never give a 500 -------------------------------------------------


@pytest.fixture
def no_raise(client):
    """Let the test client return the 500 page instead of raising, so the status is checked."""
    client.raise_request_exception = False
    return client


def test_edit_with_impossible_seen_date(cast, login, no_raise):
    idea = new_idea(cast)
    data = create_data(cast, title="Ny", seen_updated_at="2024-02-30T10:00:00")
    response = login(cast.fresh("employee")).post(reverse("ideas:edit", args=[idea.pk]), data)
    assert response.status_code in (200, 302)


def test_create_with_unicode_digit_challenge(cast, login, no_raise):
    response = login(cast.fresh("employee")).get(CREATE, {"challenge": "²"})
    assert response.status_code == 200


def test_create_with_huge_co_submitter_id(cast, login, no_raise):
    response = login(cast.fresh("employee")).post(CREATE, create_data(cast, co_submitters=HUGE))
    assert response.status_code == 200
    assert Idea.objects.count() == 0


@pytest.mark.parametrize("value", ["²", HUGE])
def test_mark_read_with_odd_ids(cast, login, no_raise, inbox, value):
    response = login(cast.fresh("employee")).post(MARK_READ, {"notification": value})
    assert response.status_code == 302
    assert unread(cast.employee) == 3


def test_waiting_list_only_for_deciders_and_only_overdue(cast, login):
    old = new_idea(cast)
    fresh = new_idea(cast)
    Idea.objects.filter(pk=old.pk).update(
        stage_changed_at=timezone.now() - datetime.timedelta(days=40)
    )
    assert Idea.objects.get(pk=old.pk).is_waiting_too_long
    assert set(Idea.objects.waiting_too_long()) == {Idea.objects.get(pk=old.pk)}
    url = reverse("ideas:waiting")
    page = login(cast.fresh("lead")).get(url)
    assert page.status_code == 200
    assert old.title in page.text and fresh.pk not in [i.pk for i in page.context["page_obj"]]
    # The social department's lead decides over none of these.
    assert login(cast.fresh("social_lead")).get(url).context["page_obj"].paginator.count == 0
    for persona in ("employee", "inspirer", "outsider", "admin"):
        assert login(cast.fresh(persona)).get(url).status_code == 404
    mine = login(cast.fresh("lead")).get(reverse("ideas:mine"))
    assert mine.context["overdue_count"] == 1


def test_parked_idea_waits_too_long_after_its_revisit_date(cast):
    idea = new_idea(cast)
    Idea.objects.filter(pk=idea.pk).update(
        stage=Stage.PARKED, revisit_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert Idea.objects.waiting_too_long().filter(pk=idea.pk).exists()
