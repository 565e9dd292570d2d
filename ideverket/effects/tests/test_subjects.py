"""The subject-kind registry in ideverket/lib/subjects.py, as effects and lessons use it."""

import pytest
from django.http import Http404

from ideverket.ideas.models import Idea
from ideverket.ideas.tests.builders import new_idea
from ideverket.lib import subjects


def test_the_idea_kind_is_registered(cast):
    kind = subjects.get("ideas.idea")
    idea = new_idea(cast)
    assert kind.model is Idea
    assert subjects.kind_of(idea) is kind
    assert kind in subjects.kinds()
    assert kind.title(idea) == idea.title
    assert kind.unit_of(idea) == cast.school
    assert kind.url(idea) == idea.get_absolute_url()
    assert subjects.kind_for_type(kind.content_type().pk) is kind
    assert cast.employee.pk in kind.followers(idea)


def test_an_unregistered_model_is_named(cast):
    with pytest.raises(LookupError, match="org.unit"):
        subjects.kind_of(cast.school)
    assert subjects.get("org.unit") is None


@pytest.mark.parametrize(
    ("label", "pk"), [("ideas.nothing", 1), ("ideas.idea", 10**30), ("ideas.idea", "²")]
)
def test_get_visible_or_404_refuses_unknown_and_malformed(cast, label, pk):
    with pytest.raises(Http404):
        subjects.get_visible_or_404(cast.fresh("coordinator"), label, pk)


def test_get_visible_or_404_hides_a_restricted_idea(cast):
    idea = new_idea(cast, visibility=Idea.Visibility.RESTRICTED)
    with pytest.raises(Http404):
        subjects.get_visible_or_404(cast.fresh("outsider"), "ideas.idea", idea.pk)
    kind, found = subjects.get_visible_or_404(cast.fresh("employee"), "ideas.idea", idea.pk)
    assert found == idea


def test_visible_ids_is_a_q_over_the_subject_columns(cast):
    q = subjects.visible_ids(cast.fresh("employee"), type_field="t", id_field="i")
    text = str(q)
    assert "t_id" in text
    assert "Exists" in text  # the subject looked up by its own id (OuterRef("i"))
