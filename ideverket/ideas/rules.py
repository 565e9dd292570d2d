"""Who may do what with an idea. Views enforce these; templates only use them to hide buttons.

Seeing an idea at all is decided by `Idea.objects.visible_to(user)`; these predicates assume the
idea has already been loaded through that queryset.
"""

import rules

from ideverket.org.models import RoleAssignment

from .process import EDITABLE_STAGES, FINAL_STAGES, Stage


@rules.predicate
def is_submitter(user, idea):
    return user.pk in idea.submitter_ids


@rules.predicate
def is_editable_stage(user, idea):
    return idea.stage in EDITABLE_STAGES


@rules.predicate
def is_draft(user, idea):
    return idea.stage == Stage.DRAFT


@rules.predicate
def is_decider(user, idea):
    """Managers and innovation leads of the owner unit or a unit above it, and coordinators."""
    if not user.is_authenticated:
        return False
    return user.is_coordinator or user.has_role_over(idea.owner_unit, *RoleAssignment.DECIDERS)


@rules.predicate
def is_live(user, idea):
    return idea.stage != Stage.DRAFT


@rules.predicate
def is_open_for_decisions(user, idea):
    return idea.stage not in FINAL_STAGES and idea.stage != Stage.DRAFT


@rules.predicate
def is_inspirer(user, idea):
    return user.is_authenticated and bool(user.role_units(RoleAssignment.Role.INSPIRER))


can_decide = is_decider & is_open_for_decisions

rules.add_perm("ideas.edit_idea", is_submitter & is_editable_stage)
rules.add_perm("ideas.submit_idea", is_submitter & is_draft)
rules.add_perm("ideas.decide_idea", can_decide)
rules.add_perm("ideas.assign_idea", is_decider & is_live)
rules.add_perm("ideas.coach_idea", is_inspirer & is_open_for_decisions)
rules.add_perm("ideas.comment_idea", is_live)
rules.add_perm("ideas.support_idea", is_live)
rules.add_perm("ideas.follow_idea", is_live)
