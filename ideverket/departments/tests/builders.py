"""Department settings and ideas of a given age, through the same actions the pages use."""

import datetime

from django.utils import timezone

from ideverket.departments.actions import do_update_department_settings
from ideverket.ideas.models import Idea
from ideverket.ideas.tests.builders import idea_in_stage, new_idea


def set_limits(cast, department, **days_by_stage):
    """Give `department` its own time limits, as the coordinator would on the settings page."""
    return do_update_department_settings(
        cast.fresh("coordinator"), department, limits_days=days_by_stage
    )


def aged(idea, days):
    """Backdate when `idea` entered its stage."""
    moment = timezone.now() - datetime.timedelta(days=days)
    Idea.objects.filter(pk=idea.pk).update(stage_changed_at=moment)
    return Idea.objects.get(pk=idea.pk)


def idea_aged(cast, stage, days, unit=None, **kwargs):
    """An idea in `stage`, owned by `unit` (Skola Norr), that entered the stage `days` ago."""
    if stage == "submitted":
        idea = new_idea(cast, owner_unit=unit or cast.school, **kwargs)
    else:
        idea = idea_in_stage(cast, stage, owner_unit=unit or cast.school, **kwargs)
    return aged(idea, days)
