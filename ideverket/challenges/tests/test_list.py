import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ideverket.challenges.actions import do_edit_challenge
from ideverket.challenges.models import Challenge, Theme
from ideverket.ideas.actions import do_create_idea
from ideverket.ideas.models import Idea

pytestmark = pytest.mark.django_db

URL = reverse("challenges:list")


def titles(response):
    return [c.title for c in response.context["page_obj"].object_list]


@pytest.fixture
def catalogue(cast, make_challenge, close):
    """Four challenges across two departments, themes and steps; one of them closed."""
    digital = Theme.objects.get(name="Digitalisering")
    competence = Theme.objects.get(name="Kompetensförsörjning")
    return {
        "school": make_challenge(
            "Digitala läromedel", themes=[digital], step=Challenge.Step.IDEATE
        ),
        "education": make_challenge(
            "Kompetensförsörjning i förskolan", owner_unit=cast.education, themes=[competence]
        ),
        "homecare": make_challenge(
            "Heltid i hemtjänsten",
            by=cast.fresh("social_lead"),
            owner_unit=cast.homecare,
            background="Åsa Nilsson på bemanningen har idéer om 100% heltid.",
            themes=[competence],
        ),
        "closed": close(make_challenge("Gammal utmaning", owner_unit=cast.school)),
    }


def test_default_lists_open_challenges_newest_first(cast, login, catalogue):
    response = login(cast.employee).get(URL)
    assert response.status_code == 200
    assert titles(response) == [
        "Heltid i hemtjänsten",
        "Kompetensförsörjning i förskolan",
        "Digitala läromedel",
    ]
    assert response.context["nav"] == "challenges"


def test_status_filter(cast, login, catalogue):
    client = login(cast.employee)
    assert titles(client.get(URL, {"status": "closed"})) == ["Gammal utmaning"]
    assert len(titles(client.get(URL, {"status": "all"}))) == 4


def test_department_filter_includes_units_below(cast, login, catalogue):
    response = login(cast.employee).get(URL, {"department": cast.education.pk})
    assert titles(response) == ["Kompetensförsörjning i förskolan", "Digitala läromedel"]


def test_theme_and_step_filters(cast, login, catalogue):
    client = login(cast.employee)
    competence = Theme.objects.get(name="Kompetensförsörjning")
    assert titles(client.get(URL, {"theme": competence.pk})) == [
        "Heltid i hemtjänsten",
        "Kompetensförsörjning i förskolan",
    ]
    assert titles(client.get(URL, {"step": "ideate"})) == ["Digitala läromedel"]


def test_sort_by_title_and_open_until(cast, login, catalogue):
    client = login(cast.employee)
    assert titles(client.get(URL, {"sort": "title"})) == [
        "Digitala läromedel",
        "Heltid i hemtjänsten",
        "Kompetensförsörjning i förskolan",
    ]
    soon = timezone.localdate() + datetime.timedelta(days=5)
    do_edit_challenge(cast.fresh("lead"), catalogue["education"], open_until=soon)
    # Dated challenges first (soonest first); those open until further notice last.
    assert titles(client.get(URL, {"sort": "open_until"}))[0] == "Kompetensförsörjning i förskolan"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kompetens", ["Kompetensförsörjning i förskolan"]),
        ("KOMPETENSFÖRSÖRJNING", ["Kompetensförsörjning i förskolan"]),
        ("åsa", ["Heltid i hemtjänsten"]),
        ("ÅSA nilsson", ["Heltid i hemtjänsten"]),
        ("%", ["Heltid i hemtjänsten"]),  # the literal "100%", not a wildcard
        ("_", []),
        ("\\", []),
        ("finns-inte", []),
    ],
)
def test_free_text_search(cast, login, catalogue, query, expected):
    response = login(cast.employee).get(URL, {"q": query})
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "%_\\" * 3000},
        {"q": "a\x00b"},
        {"department": "abc"},
        {"department": "99999999999999999999999999"},
        {"department": "-1"},
        {"department": "school"},
        {"theme": "1 OR 1=1"},
        {"theme": "99999"},
        {"step": "<script>alert(1)</script>"},
        {"status": "deleted"},
        {"sort": "-search_text"},
        {"sort": "__class__"},
        {"page": "abc"},
        {"page": "-5"},
        {"page": "999999999999"},
    ],
)
def test_garbage_filter_values_are_ignored_not_fatal(cast, login, catalogue, params):
    if params.get("department") == "school":
        params = {"department": cast.school.pk}  # a unit, but not a department
    response = login(cast.employee).get(URL, params)
    assert response.status_code == 200
    # The invalid value is dropped: the default (open) challenges still show.
    if "q" not in params:
        assert len(titles(response)) == 3
    form = response.context["form"]
    if set(params) - {"page", "q"}:
        assert form.errors


def test_garbage_value_keeps_the_other_filters(cast, login, catalogue):
    response = login(cast.employee).get(URL, {"department": "abc", "step": "ideate"})
    assert titles(response) == ["Digitala läromedel"]
    assert "department" in response.context["form"].errors
    assert response.context["querystring_without_page"] == "step=ideate&"


def test_cards_show_the_essentials(cast, login, catalogue):
    response = login(cast.employee).get(URL, {"department": cast.social.pk})
    html = response.content.decode()
    assert "Heltid i hemtjänsten" in html
    assert "Hur kan vi korta köerna?" in html
    assert "Hemtjänst Öst" in html
    assert "Ringa in" in html
    assert "Kompetensförsörjning" in html
    assert "Öppen tills vidare" in html


def test_idea_count_counts_only_submitted_ideas_the_viewer_may_see(cast, login, catalogue):
    challenge = catalogue["homecare"]
    base = {"problem": "P", "proposal": "F", "owner_unit": cast.homecare, "challenge": challenge}
    do_create_idea(cast.fresh("outsider"), title="Öppen", **base)
    do_create_idea(cast.fresh("outsider"), title="Utkast", submit=False, **base)
    do_create_idea(
        cast.fresh("outsider"), title="Hemlig", visibility=Idea.Visibility.RESTRICTED, **base
    )
    counts = {
        persona: {
            c.title: c.idea_count
            for c in login(cast.fresh(persona)).get(URL).context["page_obj"].object_list
        }["Heltid i hemtjänsten"]
        for persona in ("employee", "outsider", "coordinator")
    }
    assert counts == {"employee": 1, "outsider": 2, "coordinator": 2}


def test_pagination_keeps_the_filters(cast, login, make_challenge):
    for number in range(22):
        make_challenge(f"Utmaning {number}")
    client = login(cast.employee)
    response = client.get(URL, {"q": "utmaning", "sort": "title"})
    assert len(response.context["page_obj"].object_list) == 20
    html = response.content.decode()
    assert 'href="?q=utmaning&amp;sort=title&amp;page=2"' in html
    assert len(titles(client.get(URL, {"q": "utmaning", "sort": "title", "page": 2}))) == 2


def test_htmx_request_gets_only_the_results(cast, login, catalogue):
    response = login(cast.employee).get(URL, {"q": "kompetens"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "<form" not in html
    assert "Kompetensförsörjning i förskolan" in html
    assert 'hx-swap-oob="innerHTML"' in html  # the result count, updated out of band
    assert "HX-Request" in response["Vary"]


def test_full_page_works_without_javascript(cast, login, catalogue):
    html = login(cast.employee).get(URL).content.decode()
    assert '<form method="get" action="/utmaningar/"' in html
    assert 'id="challenge-results"' in html
    assert "hx-swap-oob" not in html


def test_create_and_theme_links_only_for_those_allowed(cast, login, catalogue):
    create = reverse("challenges:create")
    themes = reverse("challenges:themes")
    html = login(cast.fresh("employee")).get(URL).content.decode()
    assert create not in html and themes not in html
    html = login(cast.fresh("lead")).get(URL).content.decode()
    assert create in html and themes not in html
    html = login(cast.fresh("coordinator")).get(URL).content.decode()
    assert create in html and themes in html


def test_login_required(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/konto/" in response["Location"]


def test_htmx_history_restore_gets_the_whole_page(cast, login, catalogue):
    response = login(cast.employee).get(
        URL, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" in html
    assert html.count('id="challenge-count"') == 1
