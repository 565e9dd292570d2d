"""The idea list's pages: exact counts up to a bound, "Fler än …" beyond it, and Föregående/
Nästa links that work without JavaScript at any depth."""

import re

import pytest
from django.urls import reverse

from ideverket.ideas import paging
from ideverket.ideas.models import Idea

from .builders import new_idea

LIST = reverse("ideas:list")


@pytest.fixture
def seven(cast, settings):
    """Seven ideas, three a page; the newest first."""
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 3}
    return [new_idea(cast, title=f"Idé nummer {n}").pk for n in range(7)][::-1]


def ids(response):
    return [idea.pk for idea in response.context["page_obj"].object_list]


def next_link(response):
    match = re.search(r'href="\?([^"]*)" rel="next"', response.text)
    return match and match.group(1).replace("&amp;", "&")


def test_exact_count_and_page_links(cast, login, seven):
    client = login(cast.fresh("employee"))
    first = client.get(LIST)
    assert ids(first) == seven[:3]
    assert "7 idéer" in first.text and "Sida 1 av 3" in first.text
    assert 'rel="prev"' not in first.text
    # Follow Nästa to the end, as a browser without JavaScript would.
    second = client.get(f"{LIST}?{next_link(first)}")
    assert ids(second) == seven[3:6] and "Sida 2 av 3" in second.text
    assert 'rel="prev"' in second.text
    last = client.get(f"{LIST}?{next_link(second)}")
    assert ids(last) == seven[6:] and next_link(last) is None


def test_filters_stay_in_the_page_links(cast, login, seven):
    client = login(cast.fresh("employee"))
    response = client.get(LIST, {"q": "nummer", "sort": "oldest"})
    assert next_link(response) == "q=nummer&sort=oldest&page=2"
    assert ids(client.get(f"{LIST}?{next_link(response)}")) == seven[::-1][3:6]


def test_beyond_the_bound_the_count_is_not_exact(cast, login, seven, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_BOUND", 4)
    client = login(cast.fresh("employee"))
    first = client.get(LIST)
    page = first.context["page_obj"]
    assert not page.count_is_exact and page.num_pages is None
    assert "Fler än 4 idéer" in first.text and "Sida 1" in first.text
    assert "Sida 1 av" not in first.text
    # Nästa still reaches every idea, also past the bound.
    seen, response = ids(first), first
    while next_link(response):
        response = client.get(f"{LIST}?{next_link(response)}")
        seen += ids(response)
    assert seen == seven
    # A narrower filter under the bound is counted exactly again.
    assert "1 idé" in client.get(LIST, {"q": "nummer 3"}).text


@pytest.mark.parametrize("bound", [4, 1000])
def test_a_page_past_the_end(cast, login, seven, monkeypatch, bound):
    """The last page when the count is known, else the first; never an error."""
    monkeypatch.setattr(paging, "COUNT_BOUND", bound)
    client = login(cast.fresh("employee"))
    page = client.get(LIST, {"page": "50"}).context["page_obj"]
    assert page.number == (3 if bound == 1000 else 1)
    assert page.object_list


def test_two_queries_at_any_size(cast, login, seven, django_assert_num_queries):
    """The ids up to the bound (the count), then the page's rows."""
    with django_assert_num_queries(2):
        page = paging.bounded_page(Idea.objects.order_by("-pk"), "1", 10)
    assert page.count == 7 and not page.has_next
    assert [idea.pk for idea in page.object_list] == seven
    with django_assert_num_queries(2):
        page = paging.bounded_page(Idea.objects.order_by("-pk"), "2", 3)
    assert page.count == 7 and page.has_next and page.num_pages == 3
    assert [idea.pk for idea in page.object_list] == seven[3:6]
    with django_assert_num_queries(2):
        page = paging.bounded_page(Idea.objects.order_by("-pk"), "2", 3, bound=4)
    assert page.count == 5 and not page.count_is_exact and page.has_next
    assert [idea.pk for idea in page.object_list] == seven[3:6]
