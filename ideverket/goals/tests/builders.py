"""Goal trees made through the same actions the pages use."""

import datetime

from django.utils import timezone

from ideverket.goals import actions
from ideverket.goals.models import Period


def this_year(cast):
    year = timezone.localdate().year
    return actions.do_create_period(
        cast.coordinator,
        name=str(year),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )


def period_of(cast):
    return Period.objects.filter(name=str(timezone.localdate().year)).first() or this_year(cast)


def goal_tree(cast):
    """Council goal K1 → committee goal N1 (education) → department goal F1 (school)."""
    period = period_of(cast)
    council = actions.do_create_goal(
        cast.coordinator,
        period=period,
        level="council",
        reference="K1",
        title="Effektiv och innovativ verksamhet",
    )
    committee = actions.do_create_goal(
        cast.coordinator,
        period=period,
        parent=council,
        level="committee",
        reference="N1",
        title="Digitalisering i skolan",
        owner_unit=cast.education,
        committee="Utbildningsnämnden",
    )
    department = actions.do_create_goal(
        cast.coordinator,
        period=period,
        parent=committee,
        level="department",
        reference="F1",
        title="Mindre administration för lärare",
        owner_unit=cast.school,
    )
    return council, committee, department
