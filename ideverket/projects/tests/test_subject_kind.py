"""Projects as a subject kind (ideverket.lib.subjects): what effects and lessons attach to."""

import pytest
from django.http import Http404

from ideverket.lib import subjects
from ideverket.projects import actions
from ideverket.projects.models import Project

pytestmark = pytest.mark.django_db


def test_projects_are_registered(cast, restricted_project):
    kind = subjects.get("projects.project")
    assert kind is not None and kind.model is Project
    # Visibility is the project's own: HR was asked in as a partner, the outsider was not.
    _kind, found = subjects.get_visible_or_404(
        cast.fresh("hr_person"), kind.label, restricted_project.pk
    )
    assert found == restricted_project
    with pytest.raises(Http404):
        subjects.get_visible_or_404(cast.fresh("outsider"), kind.label, restricted_project.pk)
    assert kind.unit_of(found) == cast.education
    assert kind.title(found) == "Hemligt projekt"
    assert kind.url(found) == restricted_project.get_absolute_url()


def test_the_team_records_effects_also_after_the_end(cast, make_project):
    kind = subjects.get("projects.project")
    project = make_project()
    actions.do_add_member(cast.fresh("lead"), project, cast.colleague)
    Project.objects.filter(pk=project.pk).update(status=Project.Status.COMPLETED)
    project = kind.visible(cast.fresh("colleague")).get(pk=project.pk)
    editors = {
        key
        for key in ("employee", "colleague", "lead", "director", "coordinator", "outsider")
        if kind.can_edit(cast.fresh(key), project)
    }
    assert editors == {"colleague", "lead", "director", "coordinator"}
    assert set(kind.followers(project)) == {cast.lead.pk, cast.colleague.pk}
