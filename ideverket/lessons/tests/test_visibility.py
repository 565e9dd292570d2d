"""A restricted idea's lessons are invisible, by every route, to those who cannot see the idea."""

import pytest
from django.urls import reverse

from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.ideas.tests.builders import idea_in_stage, new_idea
from ideverket.lessons.actions import do_record_lesson
from ideverket.lessons.models import Lesson


@pytest.fixture
def hidden(cast):
    idea = idea_in_stage(cast, Stage.EVALUATED, visibility=Idea.Visibility.RESTRICTED)
    lesson = do_record_lesson(
        cast.fresh("lead"),
        subject=idea,
        title="Hemlig lärdom om Åsa",
        text="Bara för enheten.",
        unit=None,
    )
    return idea, lesson


def test_the_outsider_gets_404_by_every_route(cast, login, hidden):
    idea, lesson = hidden
    client = login(cast.fresh("outsider"))
    assert client.get(lesson.get_absolute_url()).status_code == 404
    create = reverse("lessons:create", args=["ideas.idea", idea.pk])
    assert client.get(create).status_code == 404
    assert client.post(create, {"title": "x", "text": "y"}).status_code == 404


@pytest.mark.parametrize(
    ("key", "sees"),
    [("outsider", False), ("hr_person", False), ("admin", False), ("employee", True)],
)
def test_list_and_search_show_only_visible_lessons(cast, login, hidden, key, sees):
    open_idea = new_idea(cast, title="Öppen")
    do_record_lesson(
        cast.fresh("lead"), subject=open_idea, title="Öppen lärdom om Åsa", text="Alla", unit=None
    )
    client = login(cast.fresh(key))
    for params in ({}, {"q": "åsa"}, {"department": cast.education.pk}):
        response = client.get(reverse("lessons:list"), params)
        titles = {x.title for x in response.context["page_obj"].object_list}
        assert "Öppen lärdom om Åsa" in titles
        assert ("Hemlig lärdom om Åsa" in titles) == sees
        assert ("Hemlig lärdom" in response.content.decode()) == sees


def test_a_draft_is_never_a_source(cast, login):
    draft = new_idea(cast, submit=False)
    assert not Lesson.objects.visible_to(cast.fresh("employee")).exists()
    url = reverse("lessons:create", args=["ideas.idea", draft.pk])
    # The submitter sees the draft, but nothing is recorded on a draft.
    assert login(cast.fresh("employee")).get(url).status_code == 403
