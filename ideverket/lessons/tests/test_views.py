"""Lesson pages: search across the municipality, filters, detail, writing one; bad input."""

import pytest
from django.urls import reverse

from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea
from ideverket.lessons.actions import do_record_lesson
from ideverket.lessons.models import Lesson


@pytest.fixture
def idea(cast):
    return idea_in_stage(cast, Stage.EVALUATED)


def lesson(cast, subject, user="lead", **changes):
    fields = {
        "subject": subject,
        "title": "Åsa fick schemat att fungera",
        "text": "Schemaläggningen gick fortare med ett gemensamt verktyg.",
        "unit": None,
        "outcome": Lesson.Outcome.WORKED,
    }
    fields.update(changes)
    return do_record_lesson(cast.fresh(user), **fields)


def create_url(subject):
    return reverse("lessons:create", args=["ideas.idea", subject.pk])


# -- list and search -------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["åsa", "ÅSA", "A\u030asa", "schemat åsa", "  åsa  "])
def test_search_is_swedish_and_case_insensitive(cast, login, idea, query):
    found = lesson(cast, idea)
    lesson(cast, idea, title="Något annat", text="Inget om det.")
    response = login(cast.fresh("employee")).get(reverse("lessons:list"), {"q": query})
    assert [x.pk for x in response.context["page_obj"].object_list] == [found.pk]


@pytest.mark.parametrize("query", ["%", "_", "\\", "100%", "a_b", "x" * 10000, "' OR 1=1 --"])
def test_odd_queries_find_nothing_and_never_fail(cast, login, idea, query):
    lesson(cast, idea)
    response = login(cast.fresh("employee")).get(reverse("lessons:list"), {"q": query})
    assert response.status_code == 200
    assert not response.context["page_obj"].object_list


def test_each_lesson_links_to_its_source(cast, login, idea):
    lesson(cast, idea)
    text = login(cast.fresh("employee")).get(reverse("lessons:list")).content.decode()
    assert f'href="{idea.get_absolute_url()}"' in text
    assert idea.title in text


def test_filter_by_department_and_outcome(cast, login, idea):
    school = lesson(cast, idea)
    social_idea = new_idea(cast, user=cast.outsider, owner_unit=cast.homecare)
    social = lesson(
        cast, social_idea, user="social_lead", outcome=Lesson.Outcome.DID_NOT_WORK, title="Socialt"
    )
    client = login(cast.fresh("coordinator"))

    def listed(**params):
        response = client.get(reverse("lessons:list"), params)
        assert response.status_code == 200
        return [x.pk for x in response.context["page_obj"].object_list]

    assert listed(department=cast.social.pk) == [social.pk]
    assert listed(department=cast.education.pk) == [school.pk]
    assert listed(outcome=Lesson.Outcome.DID_NOT_WORK) == [social.pk]
    assert listed(outcome=Lesson.Outcome.WORKED, department=cast.social.pk) == []
    # Unknown values are dropped (with a message), not used.
    for bad in ({"department": "x"}, {"department": "9" * 30}, {"outcome": "nope"}):
        assert set(listed(**bad)) == {school.pk, social.pk}


def test_pagination_out_of_range_shows_the_last_page(cast, login, idea, settings):
    settings.IDEVERKET = {**settings.IDEVERKET, "PAGE_SIZE": 2}
    for n in range(3):
        lesson(cast, idea, title=f"Lärdom {n}")
    client = login(cast.fresh("employee"))
    for page in ("999", "-1", "x", "9" * 40):
        response = client.get(reverse("lessons:list"), {"page": page})
        assert response.status_code == 200
    assert "Sida 2 av 2" in client.get(reverse("lessons:list"), {"page": "2"}).content.decode()


def test_the_htmx_request_gets_the_results_only(cast, login, idea):
    lesson(cast, idea)
    response = login(cast.fresh("employee")).get(
        reverse("lessons:list"), {"q": "åsa"}, headers={"HX-Request": "true"}
    )
    text = response.content.decode()
    assert "<html" not in text
    assert "Åsa fick schemat att fungera" in text
    assert 'hx-swap-oob="innerHTML"' in text


# -- detail --------------------------------------------------------------------------------


def test_detail(cast, login, idea):
    item = lesson(cast, idea)
    response = login(cast.fresh("employee")).get(item.get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Schemaläggningen gick fortare" in text
    assert idea.get_absolute_url() in text
    assert "Det fungerade" in text


@pytest.mark.parametrize("path", ["/lardomar/999999/", "/lardomar/99999999999999999999999/"])
def test_missing_lessons_are_404(cast, login, path):
    assert login(cast.fresh("coordinator")).get(path).status_code == 404


# -- the idea panel ----------------------------------------------------------------------------


def test_panel_lists_the_ideas_lessons(cast, login, idea):
    item = lesson(cast, idea)
    text = login(cast.fresh("employee")).get(idea.get_absolute_url()).content.decode()
    assert 'id="lardomar"' in text
    assert item.get_absolute_url() in text
    assert "Lägg till lärdom" not in text


def test_panel_offers_the_form_to_the_lead(cast, login, idea):
    text = login(cast.fresh("lead")).get(idea.get_absolute_url()).content.decode()
    assert "Lägg till lärdom" in text
    assert create_url(idea) in text


# -- writing one -------------------------------------------------------------------------------


def valid(cast, **changes):
    data = {
        "title": "Börja med de som vill",
        "text": "Frivilliga piloter gav bättre underlag än att välja ut enheter.",
        "outcome": Lesson.Outcome.PARTLY,
        "unit": cast.school.pk,
    }
    data.update(changes)
    return data


def test_lead_writes_a_lesson(cast, login, idea):
    client = login(cast.fresh("lead"))
    page = client.get(create_url(idea))
    assert page.status_code == 200
    assert page.context["form"]["unit"].value() == cast.school.pk
    response = client.post(create_url(idea), valid(cast))
    item = Lesson.objects.get()
    assert response.status_code == 302
    assert response["Location"] == item.get_absolute_url()
    assert item.subject == idea
    assert item.created_by == cast.lead


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Detta fält måste fyllas i"),
        ({"title": "\u202e\u200b "}, "Fältet får inte vara tomt"),
        ({"title": "x" * 201}, "200"),
        ({"outcome": "maybe"}, "Välj ett giltigt alternativ"),
        ({"unit": "99999"}, "Välj en enhet i listan"),
        ({"unit": ""}, "Detta fält måste fyllas i"),
    ],
)
def test_bad_input_is_refused_and_the_text_kept(cast, login, idea, changes, message):
    response = login(cast.fresh("lead")).post(create_url(idea), valid(cast, **changes))
    assert response.status_code == 422
    text = response.content.decode()
    assert message in text
    assert "Frivilliga piloter gav bättre underlag" in text
    assert not Lesson.objects.exists()


def test_extra_posted_fields_are_ignored(cast, login, idea):
    other = new_idea(cast, title="En annan")
    login(cast.fresh("lead")).post(
        create_url(idea), valid(cast, subject_id=other.pk, created_by=cast.admin.pk)
    )
    item = Lesson.objects.get()
    assert item.subject_id == idea.pk
    assert item.created_by == cast.lead


@pytest.mark.parametrize("key", ["employee", "inspirer", "colleague", "social_lead", "admin"])
def test_others_are_refused_403(cast, login, idea, key):
    client = login(cast.fresh(key))
    assert client.get(create_url(idea)).status_code == 403
    assert client.post(create_url(idea), valid(cast)).status_code == 403
    assert not Lesson.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/lardomar/ny/ideas.nothing/1/",
        "/lardomar/ny/org.unit/1/",
        "/lardomar/ny/ideas.idea/999999/",
        "/lardomar/ny/ideas.idea/99999999999999999999999/",
    ],
)
def test_unknown_sources_are_404(cast, login, path):
    assert login(cast.fresh("coordinator")).get(path).status_code == 404
