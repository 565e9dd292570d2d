"""The kinds of item that link to goals: challenges, ideas, trials and projects.

Each kind says who may see items of it (the item's own visible queryset), who may link it to a
goal (the item's own edit rule), and how a contribution reads on the goal's page. The goal page
asks every kind once for its visible items linked to the goal's subtree: one query per kind.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ideverket.lib.forms import is_id


@dataclass(frozen=True)
class LinkKind:
    label: str
    model: type
    # heading on the goal page and the "Typ" column of the export
    name: str
    # visible(user) -> the items the user may see, with what can_link and describe need
    visible: callable
    # can_link(user, obj) -> may the user link `obj` to goals and unlink it?
    can_link: callable
    # unit(obj) -> the org.Unit the item belongs to, shown next to it
    unit: callable
    # status(obj) -> the item's stage or status, as text
    status: callable

    def content_type(self):
        return ContentType.objects.get_for_model(self.model)


_kinds = {}


def kinds():
    return list(_kinds.values())


def get_kind(label):
    return _kinds.get(label)


def get_linkable_or_404(user, label, pk):
    """(kind, obj) for an item the user may see; 404 when unknown, malformed or hidden."""
    kind = _kinds.get(label)
    if kind is None or not is_id(pk):
        raise Http404
    obj = kind.visible(user).filter(pk=pk).first()
    if obj is None:
        raise Http404
    return kind, obj


def register_defaults():
    """Called from GoalsConfig.ready(): the four kinds of the issue."""
    from ideverket.challenges.models import Challenge
    from ideverket.ideas.models import Idea
    from ideverket.ideas.process import Stage
    from ideverket.ideas.rules import can_decide
    from ideverket.projects.models import Project
    from ideverket.trials.models import Trial
    from ideverket.trials.rules import can_manage_trial

    def may_link_idea(user, idea):
        if not user.is_authenticated or idea.stage == Stage.DRAFT:
            return False
        return bool(can_decide(user, idea)) or user.pk == idea.handler_id

    for kind in (
        LinkKind(
            label="challenges.challenge",
            model=Challenge,
            name=_("Utmaningar"),
            # every logged-in user sees every challenge (challenges/rules.py)
            visible=lambda user: (
                Challenge.objects.select_related("owner_unit")
                if user.is_authenticated
                else Challenge.objects.none()
            ),
            can_link=lambda user, obj: user.has_perm("challenges.change_challenge", obj),
            unit=lambda obj: obj.owner_unit,
            status=lambda obj: obj.get_step_display(),
        ),
        LinkKind(
            label="ideas.idea",
            model=Idea,
            name=_("Idéer"),
            visible=lambda user: Idea.objects.visible_to(user).select_related("owner_unit"),
            can_link=may_link_idea,
            unit=lambda obj: obj.owner_unit,
            status=lambda obj: obj.get_stage_display(),
        ),
        LinkKind(
            label="trials.trial",
            model=Trial,
            name=_("Tester"),
            visible=lambda user: Trial.objects.visible_to(user).select_related("idea__owner_unit"),
            # Those who run it, also after the evaluation (as for its effects and lessons).
            can_link=lambda user, obj: bool(can_manage_trial(user, obj)),
            unit=lambda obj: obj.idea.owner_unit,
            status=lambda obj: obj.get_status_display(),
        ),
        LinkKind(
            label="projects.project",
            model=Project,
            name=_("Projekt"),
            visible=lambda user: Project.objects.visible_to(user).select_related("lead_unit"),
            can_link=lambda user, obj: user.has_perm("projects.change_project", obj),
            unit=lambda obj: obj.lead_unit,
            status=lambda obj: obj.get_status_display(),
        ),
    ):
        _kinds[kind.label] = kind
