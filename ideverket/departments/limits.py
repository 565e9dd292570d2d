"""Time limits per stage: the municipality's defaults and the departments' own.

`Idea.objects.waiting_too_long()` and `Idea.is_waiting_too_long` ask here. The departments'
overrides are one small query, read at most once per request: the result is kept for the
request (between Django's request_started and request_finished signals, per thread/context),
and dropped whenever a department's settings are saved. Outside a request (commands, the
task worker, tests) it is read afresh each time, so a change made by another process is
never missed.
"""

import datetime
from collections import defaultdict

from asgiref.local import Local
from django.conf import settings
from django.db.models import DateTimeField, DurationField, ExpressionWrapper, F, Func, Q
from django.db.models.lookups import LessThan

from ideverket.ideas.process import Stage

_request = Local()

# No limit can be shorter than a day (DepartmentSettings validates 1 day and up).
SHORTEST_LIMIT = datetime.timedelta(days=1)


def default_limits():
    """{stage: days}: the municipality's default time limits."""
    return dict(settings.IDEVERKET.get("STAGE_LIMITS_DAYS", {}))


def _load_overrides():
    from .models import LIMITED_STAGES, DepartmentSettings, limit_field

    fields = [limit_field(stage) for stage in LIMITED_STAGES]
    overrides = defaultdict(dict)
    rows = DepartmentSettings.objects.filter(
        Q.create([(f"{name}__isnull", False) for name in fields], connector=Q.OR)
    ).values_list("department_id", *fields)
    for department_id, *days in rows:
        for stage, value in zip(LIMITED_STAGES, days, strict=True):
            if value is not None:
                overrides[str(stage)][department_id] = value
    return dict(overrides)


def overrides_of(department_settings):
    """{stage: {department_id: days}} from DepartmentSettings rows (what _load_overrides reads)."""
    from .models import LIMITED_STAGES

    found = defaultdict(dict)
    for row in department_settings:
        for stage in LIMITED_STAGES:
            if stage in (own := row.limits()):
                found[str(stage)][row.department_id] = own[stage]
    return dict(found)


def overrides():
    """{stage: {department_id: days}} for the departments that set a limit of their own."""
    if not getattr(_request, "active", False):
        return _load_overrides()
    cached = getattr(_request, "overrides", None)
    if cached is None:
        cached = _request.overrides = _load_overrides()
    return cached


def remember(found):
    """Keep overrides read by another query for the rest of the request (none outside one)."""
    if getattr(_request, "active", False):
        _request.overrides = found


def forget():
    """Drop the request's copy (called by the action that saves a department's settings)."""
    _request.overrides = None


def request_started(**kwargs):
    _request.active = True
    _request.overrides = None


def request_finished(**kwargs):
    _request.active = False
    _request.overrides = None


class Days(Func):
    """An integer column as a duration of that many days (SQLite and PostgreSQL)."""

    output_field = DurationField()
    template = "(%(expressions)s * INTERVAL '1 day')"

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite keeps durations as microseconds.
        return self.as_sql(
            compiler, connection, template="(%(expressions)s * 86400000000)", **extra
        )


def own_limit_path(stage):
    """The idea's department's own limit for `stage`, as a lookup path from Idea."""
    from .models import limit_field

    return f"owner_unit__department__innovation_settings__{limit_field(stage)}"


def waiting_condition(now, today):
    """A Q for ideas past their stage's limit (their department's own, else the default) or
    parked past their revisit date. The department's limit is joined in (one row per idea,
    OneToOne), so it is one statement with no query before it and none per idea."""
    from .models import LIMITED_STAGES

    condition = Q(stage=Stage.PARKED, revisit_on__lte=today)
    defaults = default_limits()
    for stage in LIMITED_STAGES:
        own = own_limit_path(stage)
        deadline = ExpressionWrapper(
            F("stage_changed_at") + Days(F(own)), output_field=DateTimeField()
        )
        condition |= Q(stage=stage) & Q(**{f"{own}__isnull": False}) & Q(LessThan(deadline, now))
        if defaults.get(stage):
            condition |= Q(
                stage=stage,
                stage_changed_at__lt=now - datetime.timedelta(days=defaults[stage]),
                **{f"{own}__isnull": True},
            )
    for stage, days in defaults.items():
        if stage not in LIMITED_STAGES and days:  # a default no department may change
            condition |= Q(stage=stage, stage_changed_at__lt=now - datetime.timedelta(days=days))
    return condition


def department_waiting_condition(department_settings, now, today):
    """waiting_condition() for the ideas of one department whose settings are already loaded:
    the same rule with its limits as constants, so the database compares the idea's own
    columns only (no join to the settings, no date arithmetic per row)."""
    days_by_stage = {str(stage): days for stage, days in default_limits().items() if days}
    if department_settings is not None:
        days_by_stage.update(
            (str(stage), days) for stage, days in department_settings.limits().items()
        )
    condition = Q(stage=Stage.PARKED, revisit_on__lte=today)
    for stage, days in days_by_stage.items():
        condition |= Q(stage=stage, stage_changed_at__lt=now - datetime.timedelta(days=days))
    return condition


def limit_for(stage, department_id):
    """Days an idea of `department_id` may stay in `stage`, or None for no limit."""
    days = overrides().get(str(stage), {}).get(department_id)
    return days if days is not None else default_limits().get(str(stage))


def has_overrides_for(stage):
    return bool(overrides().get(str(stage)))


def limits_of(department_settings):
    """[(stage label, days, is_own)] for every limited stage of a department."""
    from .models import LIMITED_STAGES

    defaults = default_limits()
    own = department_settings.limits() if department_settings is not None else {}
    rows = []
    for stage in LIMITED_STAGES:
        if stage in own:
            rows.append((Stage(stage).label, own[stage], True))
        else:
            rows.append((Stage(stage).label, defaults.get(str(stage)), False))
    return rows
