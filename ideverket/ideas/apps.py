from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def may_record_results(user, idea):
    """Who may add effects, measurements and lessons to an idea (a subject kind's can_edit).

    Its deciders (managers and innovation leads over the owner unit, coordinators), its handler
    and coach, and the owner of any commitment on its decisions: the people who carry the idea
    on. Never on a draft. Commitment owners are read once per idea instance, so several panels
    on the idea page share one query.
    """
    from .models import Commitment
    from .process import Stage
    from .rules import is_decider

    if not user.is_authenticated or idea.stage == Stage.DRAFT:
        return False
    if is_decider(user, idea) or user.pk in (idea.handler_id, idea.coach_id):
        return True
    if "_commitment_owner_ids" not in idea.__dict__:
        idea.__dict__["_commitment_owner_ids"] = set(
            Commitment.objects.filter(decision__idea=idea).values_list("owner_id", flat=True)
        )
    return user.pk in idea.__dict__["_commitment_owner_ids"]


class IdeasConfig(AppConfig):
    name = "ideverket.ideas"
    label = "ideas"
    verbose_name = _("Idéer")

    def ready(self):
        from ideverket.activity.describe import register
        from ideverket.lib import subjects

        from .describe import describe_idea_event, visible_ideas
        from .models import Follow, Idea

        register("ideas.idea", describe_idea_event, visible_ideas)
        subjects.register(
            subjects.SubjectKind(
                label="ideas.idea",
                model=Idea,
                # The owner unit comes along for can_edit (ignored where used as a subquery).
                visible=lambda user: Idea.objects.visible_to(user).select_related("owner_unit"),
                can_edit=may_record_results,
                unit_of=lambda idea: idea.owner_unit,
                title=lambda idea: idea.title,
                followers=lambda idea: list(
                    Follow.objects.filter(idea=idea).values_list("user_id", flat=True)
                ),
            )
        )
