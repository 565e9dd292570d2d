"""Builds the demo municipality from `data.py` through the ordinary action functions.

Everything is created by the same functions the pages use (org, challenge, idea, trial,
implementation, effect, lesson and project actions), so permissions are checked and timelines,
decisions and notifications are real. What follows the decisions – trials, implementations,
handovers, effects and lessons – is in `results.py`, the projects in `projects.py`.

Realistic dates: the whole history is planned first – what happens to each idea and when, over
the last eighteen months – and then played back in date order with Django's clock set to the
planned moment (`timezone.now` patched during the build). Every auto_now_add and every `now` an
action writes (created_at, submitted_at, stage_changed_at, decided_at, events, notifications,
comments, supports, follows) is therefore consistent by construction, and the actions' own date
checks ("the revisit date must lie ahead") apply at the time the decision was taken. A step may
queue later steps while it runs (a test decision schedules its trial's updates), so the steps
are kept in a heap ordered by time.

All randomness comes from one `random.Random(SEED)`, so every run builds the same history
relative to the day it runs.
"""

import heapq
import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from unittest import mock

from django.contrib.auth import base_user
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ideverket.activity.actions import recount_unread
from ideverket.activity.models import Notification
from ideverket.challenges.actions import do_create_challenge, do_edit_challenge
from ideverket.challenges.models import Challenge, Theme
from ideverket.ideas.actions import (
    do_comment,
    do_create_idea,
    do_decide,
    do_follow,
    do_set_coach,
    do_set_handler,
    do_submit_idea,
    do_support,
)
from ideverket.ideas.models import Idea
from ideverket.ideas.process import FINAL_STAGES, Stage
from ideverket.org.actions import do_create_unit, do_create_user, do_grant_role
from ideverket.org.models import Unit, User

from . import data
from .capability import CapabilityMixin
from .departments import DepartmentsMixin
from .email_prefs import EmailPreferencesMixin
from .goals import GoalsMixin
from .guidance import GuidanceMixin
from .logins import email_for
from .network import NetworkMixin
from .projects import ProjectsMixin
from .results import ResultsMixin, criteria_lines
from .training import TrainingMixin
from .webhooks import WebhooksMixin

# Days ago an idea that has reached a stage was first written (low, high).
AGE_DAYS = {
    "draft": (1, 45),
    "submitted": (2, 50),
    "in_assessment": (8, 150),
    "parked": (40, 330),
    "declined": (25, 480),
    "merged": (15, 420),
    "trial": (45, 330),
    "evaluated": (140, 420),
    "stopped": (160, 500),
    "implementing": (60, 460),
    "implemented": (200, 520),
    "spread": (330, 535),
}
# Relative time each decision takes to come after the previous step.
STEP_WEIGHT = {
    "take": 1,
    "hand_over": 1,
    "park": 1.5,
    "reopen": 5,
    "decline": 1.5,
    "merge": 1,
    "do_now": 1.5,
    "test": 2,
    "evaluate": 5,
    "test_again": 1,
    "implement": 1.5,
    "stop": 1,
    "complete": 4,
    "spread": 5,
}
# How many general comments and supports an idea in each stage gets (low, high).
COMMENTS_PER_STAGE = {
    "submitted": (0, 2),
    "in_assessment": (1, 3),
    "parked": (0, 2),
    "declined": (0, 2),
    "merged": (0, 1),
    "trial": (1, 4),
    "evaluated": (1, 4),
    "stopped": (1, 3),
    "implementing": (1, 4),
    "implemented": (1, 4),
    "spread": (2, 5),
}
SUPPORTS_PER_STAGE = {
    "submitted": (0, 6),
    "in_assessment": (1, 9),
    "parked": (1, 8),
    "declined": (0, 6),
    "merged": (0, 4),
    "trial": (3, 14),
    "evaluated": (3, 14),
    "stopped": (2, 10),
    "implementing": (3, 16),
    "implemented": (4, 18),
    "spread": (6, 22),
}
ORG_CREATED_DAYS_AGO = 560
STEPS = [s.value for s in Challenge.Step]
# Extra people a department's innovation lead may hand an idea to, by unit key.
HANDLER_EXTRAS = {
    "hr": ["Sofia Nyström"],
    "it": ["Linnea Åkesson"],
    "komm": ["Elin Wikström"],
    "ekonomi": ["Per Lundgren"],
    "htc": ["Marie Öhman"],
}
DECIDERS = (data.MANAGER, data.LEAD)
SUPPORT_UNIT = {"support_it": "it", "support_hr": "hr"}


def follow_through_counts():
    """What the demo holds beyond the ideas: trials, implementations, effects, lessons, projects."""
    from ideverket.effects.models import Effect, Measurement
    from ideverket.implementation.models import Handover, Implementation
    from ideverket.lessons.models import Lesson
    from ideverket.projects.models import Project
    from ideverket.trials.models import Trial

    return {
        "tester": Trial.objects.count(),
        "införanden": Implementation.objects.count(),
        "överlämningar": Handover.objects.count(),
        "effekter": Effect.objects.count(),
        "mätningar": Measurement.objects.count(),
        "lärdomar": Lesson.objects.count(),
        "projekt": Project.objects.count(),
        "flaggade": Trial.objects.flagged().count() + Implementation.objects.flagged().count(),
    }


def demo_loaded():
    """True when the demo municipality is already in the database."""
    return Unit.objects.filter(parent__isnull=True, name=data.ROOT_NAME).exists()


class Clock:
    """The moment Django believes it is while the history is played back."""

    def __init__(self, now):
        self.now = now

    @contextmanager
    def frozen(self):
        with mock.patch("django.utils.timezone.now", lambda: self.now):
            yield


@contextmanager
def shared_password_hash(raw):
    """Hash the one demo password once instead of once per person (PBKDF2 is slow on purpose).

    Every demo user gets the same salted hash; that is fine for a published demo password and
    keeps the loader fast.
    """
    hashed = make_password(raw)
    original = base_user.make_password

    def fast(password, *args, **kwargs):
        if password == raw and not args and not kwargs:
            return hashed
        return original(password, *args, **kwargs)

    with mock.patch.object(base_user, "make_password", fast):
        yield


@dataclass
class IdeaPlan:
    key: str
    unit: Unit
    title: str
    problem: str
    proposal: str
    benefit: str
    stage: str
    path: list
    submitter: User
    co: list
    themes: list
    restricted: bool
    texts: dict
    challenge_key: str | None = None
    handover: Unit | None = None
    merge_into: "IdeaPlan | None" = None
    draft_first: bool = False
    t_create: object = None
    t_submit: object = None
    t_decisions: list = field(default_factory=list)
    idea: Idea | None = None
    used_comments: set = field(default_factory=set)
    # What the decisions started (see results.py).
    trials: list = field(default_factory=list)
    trial_effects: list = field(default_factory=list)
    implementation: object = None
    milestones: list = field(default_factory=list)
    effects: list = field(default_factory=list)
    line_owner: User | None = None


class DemoBuilder(
    ResultsMixin,
    ProjectsMixin,
    GoalsMixin,
    CapabilityMixin,
    DepartmentsMixin,
    TrainingMixin,
    NetworkMixin,
    GuidanceMixin,
    EmailPreferencesMixin,
    WebhooksMixin,
):
    def __init__(self, *, seed=data.SEED):
        self.seed = seed
        # The random stream in use: the builder's own while the organisation is planned, the
        # idea's while its history is planned, and the step's while it is played back. Each idea
        # and each step has a stream of its own, so the history does not change with the
        # weekday the loader happens to run on (which moves steps around in time).
        self.rng = random.Random(seed)
        self.real_now = timezone.now()
        self.today = timezone.localdate(self.real_now)
        self.clock = Clock(self.real_now)
        self.units = {}
        self.people = {}
        self.themes = {}
        self.challenges = {}
        self.challenge_times = {}
        self.plans = []
        self.plan_by_key = {}
        self.steps = []  # a heap of (when, sequence, seed, function)
        self.step_count = 0
        self.submitted_count = {}
        self.planned_trial_key = None
        self.used_lessons = set()
        self.projects = {}

    # -- public ----------------------------------------------------------------------------
    def build(self):
        """Create everything in one transaction; returns the number of ideas per stage."""
        with transaction.atomic():
            with shared_password_hash(data.PASSWORD), self.clock.frozen():
                self.create_themes()
                self.create_organisation()
                self.add_quiet_colleagues()
                self.plan_challenges()
                self.plan_ideas()
                self.schedule_projects()
                self.play()
                self.owner_leaves()
                self.build_capability()
                self.build_goals()
                self.build_departments()  # after the goals: plans name the goals they serve
                self.build_training()
                self.build_network()
                self.build_guidance()
                self.build_email_preferences()
                self.build_webhooks()  # last: no decision comes after, nothing is queued
            self.finish()
            return self.check()

    # -- time ------------------------------------------------------------------------------
    def days_ago(self, days):
        return self.real_now - timedelta(days=days)

    def at_hour(self, moment, lo, hi, *, office=True):
        """`moment` moved to a plausible time of day (weekdays only for office work), kept
        within [lo, hi]."""
        local = timezone.localtime(moment)
        if office and local.weekday() == 5:  # Saturday: the Friday before
            local -= timedelta(days=1)
        elif office and local.weekday() == 6:  # Sunday: the Monday after
            local += timedelta(days=1)
        start, end = (7.5, 16.5) if office else (6.5, 22.0)
        hours = self.rng.uniform(start, end)
        local = local.replace(
            hour=int(hours),
            minute=int((hours % 1) * 60),
            second=self.rng.randrange(60),
            microsecond=0,
        )
        return min(max(local, lo), hi)

    def between(self, lo, hi, *, office=False):
        share = self.rng.random()  # drawn even when unused, so the random stream stays in step
        if hi <= lo:
            return self.at_hour(lo, lo, lo, office=office)
        return self.at_hour(lo + (hi - lo) * share, lo, hi, office=office)

    def add_step(self, when, fn):
        """Queue `fn` to run at `when`; steps may queue later steps while they run."""
        self.step_count += 1
        heapq.heappush(self.steps, (when, self.step_count, self.rng.random(), fn))

    def play(self):
        """Run every planned step in date order with the clock at the step's moment."""
        while self.steps:
            when, _seq, seed, fn = heapq.heappop(self.steps)
            self.clock.now = max(when, self.clock.now)
            self.rng = random.Random(seed)
            fn()
        self.clock.now = self.real_now

    # -- organisation ----------------------------------------------------------------------
    def create_themes(self):
        for name, description in data.THEMES.items():
            theme, _created = Theme.objects.get_or_create(
                name=name, defaults={"description": description}
            )
            self.themes[name] = theme

    def create_organisation(self):
        start = self.at_hour(self.days_ago(ORG_CREATED_DAYS_AGO), self.days_ago(600), self.real_now)
        self.clock.now = start
        for key, name, parent_key, support in data.UNITS:
            parent = self.units[parent_key] if parent_key else None
            self.units[key] = do_create_unit(
                None, name=name, parent=parent, is_support_function=support
            )
        self.clock.now = start + timedelta(hours=2)
        created = []
        for name, unit_key, title, roles in data.PEOPLE:
            user = do_create_user(
                None,
                email=email_for(name),
                name=name,
                unit=self.units[unit_key],
                title=title,
                password=data.PASSWORD,
            )
            for role, role_unit_key in roles:
                do_grant_role(None, user, self.units[role_unit_key], role)
            created.append(user.pk)
        User.objects.filter(pk__in=created).update(date_joined=self.clock.now)
        # Fresh instances, so each person's role list is loaded once, with every role in it.
        by_pk = {u.pk: u for u in User.objects.filter(pk__in=created).select_related("unit")}
        self.unit_by_pk = unit_by_pk = {u.pk: u for u in self.units.values()}
        for user in by_pk.values():
            user.unit = unit_by_pk[user.unit_id]
            self.people[user.name] = user
        self.people_by_pk = by_pk
        self.role_holders = {}
        for user in self.people.values():
            for assignment in user.role_assignments:
                self.role_holders.setdefault((assignment.unit_id, assignment.role), []).append(user)
        self.coordinator = self.person("Karin Lindqvist")

    def add_quiet_colleagues(self):
        """Colleagues who take no part in the history (they are kept out of `people`, where
        authors, commenters and supporters are chosen from); they answer the self-assessment."""
        first, last = data.QUIET_FIRST_NAMES, data.QUIET_LAST_NAMES
        self.quiet = []
        index = 0
        for unit_key, title, count in data.QUIET_COLLEAGUES:
            for _n in range(count):
                name = f"{first[index % len(first)]} {last[index * 7 % len(last)]}"
                index += 1
                user = do_create_user(
                    None,
                    email=email_for(name),
                    name=name,
                    unit=self.units[unit_key],
                    title=title,
                    password=data.PASSWORD,
                )
                user.unit = self.units[unit_key]
                self.quiet.append(user)
        User.objects.filter(pk__in=[u.pk for u in self.quiet]).update(date_joined=self.clock.now)

    def person(self, name):
        return self.people[name]

    def nearest(self, unit, role):
        """Holders of `role` on the nearest unit at or above `unit` that has any."""
        for unit_id in reversed(unit.ancestor_ids):
            holders = self.role_holders.get((unit_id, role))
            if holders:
                return list(holders)
        return []

    def department_of(self, unit):
        ids = unit.ancestor_ids
        if len(ids) < 2:
            return unit
        return next(u for u in self.units.values() if u.pk == ids[1])

    def members(self, unit):
        return [p for p in self.people.values() if p.unit.is_within(unit)]

    def can_see(self, user, plan):
        """The visibility rule of Idea.objects.visible_to, for choosing realistic people."""
        if not plan.restricted or user.is_coordinator:
            return True
        unit = plan.idea.owner_unit if plan.idea is not None else plan.unit
        if user.unit.is_within(unit) or user.has_role_over(unit):
            return True
        idea = plan.idea
        if idea is not None and user.pk in (idea.handler_id, idea.coach_id):
            return True
        return user in (plan.submitter, *plan.co)

    # -- challenges ------------------------------------------------------------------------
    def plan_challenges(self):
        for spec in data.CHALLENGES:
            created = self.at_hour(
                self.days_ago(spec["created"]),
                self.days_ago(spec["created"] + 3),
                self.days_ago(spec["created"] - 1),
            )
            open_until = (
                self.today + timedelta(days=spec["open"]) if spec.get("open") is not None else None
            )
            self.challenge_times[spec["key"]] = (created, open_until)
            self.add_step(created, lambda spec=spec: self.create_challenge(spec))
            # The challenge moves through Innovationsguiden up to where it is today.
            target = STEPS.index(spec["step"])
            last = self.days_ago(7)
            for index in range(1, target + 1):
                when = created + (last - created) * (index / (target + 0.5))
                when = self.at_hour(when, created + timedelta(hours=1), last)
                self.add_step(
                    when, lambda spec=spec, step=STEPS[index]: self.advance_challenge(spec, step)
                )

    def create_challenge(self, spec):
        _created, open_until = self.challenge_times[spec["key"]]
        self.challenges[spec["key"]] = do_create_challenge(
            self.person(spec["creator"]),
            title=spec["title"],
            question=spec["question"],
            owner_unit=self.units[spec["owner"]],
            background=spec["background"],
            needs=spec["needs"],
            step=Challenge.Step.FRAME,
            open_until=open_until,
            responsible=[self.person(name) for name in spec["responsible"]],
            themes=[self.themes[name] for name in spec["themes"]],
        )

    def advance_challenge(self, spec, step):
        do_edit_challenge(self.person(spec["creator"]), self.challenges[spec["key"]], step=step)

    # -- ideas: planning -------------------------------------------------------------------
    def plan_ideas(self):
        bases = {}
        for spec in data.IDEAS:
            bases[spec["key"]] = self.plan_idea(spec)
        for spec in data.IDEAS:
            for variant in spec.get("variants", ()):
                self.plan_variant(spec, bases[spec["key"]], *variant)
        for plan in self.plans:
            self.rng = random.Random(f"{self.seed}:{plan.key}")
            self.schedule(plan)
        self.plan_by_key = {plan.key: plan for plan in self.plans}
        self.choose_planned_trial()

    def choose_submitter(self, unit):
        people = [
            p
            for p in self.people.values()
            if p.unit_id == unit.pk and not p.has_central_role(data.ADMIN)
        ]
        plain = [p for p in people if not p.role_units(data.MANAGER)]
        pool = plain or people or self.members(unit)
        weights = [1 / (1 + self.submitted_count.get(p.pk, 0)) ** 2 for p in pool]
        chosen = self.rng.choices(pool, weights=weights)[0]
        self.submitted_count[chosen.pk] = self.submitted_count.get(chosen.pk, 0) + 1
        return chosen

    def choose_co(self, unit, submitter, names):
        if names:
            return [self.person(name) for name in names]
        if self.rng.random() < 0.25:
            pool = [
                p
                for p in self.people.values()
                if p.unit_id == unit.pk and p != submitter and not p.role_units(data.MANAGER)
            ]
            if pool:
                return [self.rng.choice(pool)]
        return []

    def plan_idea(self, spec):
        unit = self.units[spec["unit"]]
        submitter = self.person(spec["by"]) if spec.get("by") else self.choose_submitter(unit)
        if spec.get("by"):
            self.submitted_count[submitter.pk] = self.submitted_count.get(submitter.pk, 0) + 1
        plan = IdeaPlan(
            key=spec["key"],
            unit=unit,
            title=spec["title"],
            problem=spec["problem"],
            proposal=spec["proposal"],
            benefit=spec.get("benefit", ""),
            stage=spec["stage"],
            path=[],
            submitter=submitter,
            co=self.choose_co(unit, submitter, spec.get("co")),
            themes=spec.get("themes", []),
            restricted=spec.get("restricted", False),
            texts=spec.get("texts", {}),
            challenge_key=spec.get("challenge"),
            handover=self.units[spec["handover"]] if spec.get("handover") else None,
        )
        plan.path = self.choose_path(plan, spec.get("path"))
        self.plans.append(plan)
        return plan

    def plan_variant(self, spec, base, unit_key, title, stage, texts=None):
        unit = self.units[unit_key]
        submitter = self.choose_submitter(unit)
        opener = self.rng.choice(data.VARIANT_OPENERS).format(unit=unit.name)
        criteria = spec.get("texts", {}).get("criteria")
        plan = IdeaPlan(
            key=f"{spec['key']}:{unit_key}",
            unit=unit,
            title=title,
            problem=opener + spec["problem"],
            proposal=spec["proposal"],
            benefit=spec.get("benefit", ""),
            stage=stage,
            path=[],
            submitter=submitter,
            co=self.choose_co(unit, submitter, None),
            themes=spec.get("themes", []),
            restricted=False,
            texts={"criteria": criteria, **(texts or {})} if criteria else dict(texts or {}),
            challenge_key=spec.get("challenge"),
            merge_into=base if stage == "merged" else None,
        )
        plan.path = self.choose_path(plan, None)
        self.plans.append(plan)
        return plan

    def choose_path(self, plan, preferred):
        rng, stage = self.rng, plan.stage
        pre = ["hand_over"] if plan.handover else []
        via_test = ["take", "test", "evaluate", "implement"]
        direct = ["take", "do_now"]
        if preferred == "do_now":
            doing = direct
        elif preferred == "test":
            doing = via_test
        else:
            doing = direct if rng.random() < 0.4 else via_test
        paths = {
            "draft": [],
            "submitted": pre,
            "in_assessment": pre + (["take", "park", "reopen"] if rng.random() < 0.2 else ["take"]),
            "parked": pre + ["take", "park"],
            "declined": pre
            + rng.choices(
                [["decline"], ["take", "decline"], ["take", "park", "decline"]], weights=[2, 5, 1]
            )[0],
            "merged": ["merge"] if rng.random() < 0.5 else ["take", "merge"],
            "trial": pre
            + (
                ["take", "test", "evaluate", "test_again"]
                if rng.random() < 0.25
                else ["take", "test"]
            ),
            "evaluated": pre + ["take", "test", "evaluate"],
            "stopped": pre + ["take", "test", "evaluate", "stop"],
            "implementing": pre + doing,
            "implemented": pre + doing + ["complete"],
            "spread": pre + doing + ["complete", "spread"],
        }
        return paths[stage]

    def schedule(self, plan):
        """Decide when each step of the idea's history happens, then queue the steps."""
        rng = self.rng
        low, high = AGE_DAYS[plan.stage]
        if plan.merge_into is not None:
            # A duplicate arrives after the idea it duplicates was submitted.
            base_age = (self.real_now - plan.merge_into.t_submit).days
            high = max(min(high, base_age - 3), low + 1)
        age = rng.uniform(low, high)
        floor = self.days_ago(AGE_DAYS["spread"][1] + 5)
        if plan.merge_into is not None:
            floor = plan.merge_into.t_submit + timedelta(hours=2)
        t_create = max(self.days_ago(age), floor)
        if plan.challenge_key:
            t_create = self.fit_to_challenge(plan, t_create, floor)
        plan.t_create = self.at_hour(
            t_create, max(t_create - timedelta(days=1), floor), self.days_ago(0.5), office=False
        )
        plan.draft_first = plan.stage == "draft" or rng.random() < 0.25
        if plan.stage == "draft":
            plan.t_submit = None
        elif plan.draft_first:
            plan.t_submit = self.between(
                plan.t_create + timedelta(minutes=20),
                plan.t_create + timedelta(days=rng.uniform(0.1, 4)),
            )
        else:
            plan.t_submit = plan.t_create

        # Decisions: spread between submission and a while before today, in proportion to how
        # long each kind of step takes.
        if plan.path:
            span = self.real_now - plan.t_submit
            tail_share = rng.uniform(0.05, 0.35)
            if plan.stage in ("declined", "merged"):
                tail_share = rng.uniform(0.1, 0.7)
            usable = max(span * (1 - tail_share) - timedelta(days=1), span * 0.3)
            weights = [STEP_WEIGHT[o] * rng.uniform(0.6, 1.4) for o in plan.path]
            total = sum(weights)
            moment, previous = plan.t_submit, plan.t_submit
            for weight in weights:
                moment = moment + usable * (weight / total)
                when = self.at_hour(
                    moment, previous + timedelta(minutes=30), self.real_now - timedelta(hours=2)
                )
                when = max(when, previous + timedelta(minutes=30))
                plan.t_decisions.append(when)
                previous = when

        self.add_step(plan.t_create, lambda: self.create_idea(plan))
        if plan.stage == "draft":
            return
        if plan.draft_first:
            self.add_step(plan.t_submit, lambda: self.submit_idea(plan))
        self.schedule_handler(plan)
        for index, outcome in enumerate(plan.path):
            self.add_step(
                plan.t_decisions[index],
                lambda index=index, outcome=outcome: self.decide(plan, index, outcome),
            )
        self.schedule_people(plan)

    def fit_to_challenge(self, plan, t_create, floor):
        """Move the idea's start into the time its challenge was open for ideas, or unlink it."""
        created, open_until = self.challenge_times[plan.challenge_key]
        earliest = max(created + timedelta(days=2), floor)
        latest = self.days_ago(0.5)
        if open_until is not None and open_until < self.today:
            latest = self.days_ago((self.today - open_until).days + 1)
        fitted = t_create
        if fitted < earliest:
            fitted = self.between(earliest, min(latest, earliest + timedelta(days=40)))
        elif fitted > latest:
            fitted = self.between(max(earliest, latest - timedelta(days=60)), latest)
        needed = timedelta(days=2 + 3 * len(plan.path))
        if earliest > latest or self.real_now - fitted < needed:
            plan.challenge_key = None  # the idea could not have been written for it
            return t_create
        return fitted

    def end_of_life(self, plan):
        """When the idea stopped taking part (declined/merged), else now."""
        if plan.stage in ("declined", "merged"):
            return plan.t_decisions[-1]
        return self.real_now - timedelta(minutes=5)

    def open_until_moment(self, plan):
        """The last moment the idea was open for decisions (coaching makes sense until then)."""
        for index, outcome in enumerate(plan.path):
            if outcome in ("decline", "merge", "stop", "spread"):
                return plan.t_decisions[index]
        return self.real_now - timedelta(minutes=5)

    def schedule_handler(self, plan):
        rng = self.rng
        if rng.random() > 0.45:
            return
        start = plan.t_submit
        if plan.path and plan.path[0] == "hand_over":
            start = plan.t_decisions[0]
            later = plan.t_decisions[1] if len(plan.path) > 1 else self.real_now
        else:
            later = plan.t_decisions[0] if plan.path else self.real_now
        if later - start < timedelta(hours=2):
            return
        when = self.between(
            start + timedelta(minutes=30), later - timedelta(minutes=30), office=True
        )
        self.add_step(when, lambda: self.set_handler(plan))

    def schedule_people(self, plan):
        rng = self.rng
        lo, hi = plan.t_submit + timedelta(minutes=10), self.end_of_life(plan)
        # Supports: most come in the first weeks.
        low, high = SUPPORTS_PER_STAGE[plan.stage]
        count = rng.randint(low, high)
        if plan.restricted:
            count = min(count, 4)
        candidates = [
            p
            for p in self.people.values()
            if p not in (plan.submitter, *plan.co) and self.can_see(p, plan)
        ]
        same_department = self.department_of(plan.unit)
        near = [p for p in candidates if p.unit.is_within(same_department)]
        far = [p for p in candidates if p not in near]
        chosen = []
        for _ in range(count):
            pool = near if (near and (rng.random() < 0.7 or not far)) else far
            pool = [p for p in pool if p not in chosen]
            if not pool:
                break
            weights = [1 if p.role_units(*DECIDERS) else 3 for p in pool]
            chosen.append(rng.choices(pool, weights=weights)[0])
        for supporter in chosen:
            delay = timedelta(days=min(rng.expovariate(1 / 12), 200))
            when = min(lo + delay, hi)
            when = self.at_hour(when, lo, hi, office=False)
            self.add_step(when, lambda supporter=supporter: self.support(plan, supporter))
        # A few more people follow without supporting.
        for _ in range(rng.randint(0, 2)):
            pool = [p for p in candidates if p not in chosen]
            if pool:
                follower = rng.choice(pool)
                self.add_step(
                    self.between(lo, hi), lambda follower=follower: self.follow(plan, follower)
                )
        # Coaching by an idea inspirer.
        coach_end = self.open_until_moment(plan)
        if rng.random() < 0.4 and coach_end - lo > timedelta(hours=2):
            self.add_step(
                self.between(lo, coach_end - timedelta(minutes=30), office=True),
                lambda: self.set_coach(plan),
            )
        # General comments come while the idea is being talked about, before the substantive
        # decision; then come those that belong after particular decisions.
        early_end = hi
        for index, outcome in enumerate(plan.path):
            if outcome not in ("take", "hand_over"):
                early_end = min(hi, plan.t_decisions[index])
                break
        low, high = COMMENTS_PER_STAGE[plan.stage]
        if early_end - lo > timedelta(hours=3):
            times = sorted(self.between(lo, early_end) for _ in range(rng.randint(low, high)))
            for position, when in enumerate(times):
                kind = self.comment_kind(plan, first=position == 0)
                self.add_step(when, lambda kind=kind: self.comment(plan, kind))
        for index, outcome in enumerate(plan.path):
            kind, chance = {
                "test": ("after_test", 0.6),
                "decline": ("after_decline", 0.5),
                "park": ("after_park", 0.3),
                "complete": ("after_implemented", 0.7),
            }.get(outcome, (None, 0))
            if kind is None or rng.random() > chance:
                continue
            if kind == "after_implemented" and rng.random() < 0.5:
                kind = "after_implemented_other"
            start = plan.t_decisions[index] + timedelta(minutes=15)
            stop = (
                plan.t_decisions[index + 1]
                if index + 1 < len(plan.path)
                else min(start + timedelta(days=20), self.real_now - timedelta(minutes=5))
            )
            if stop > start:
                self.add_step(self.between(start, stop), lambda kind=kind: self.comment(plan, kind))

    def comment_kind(self, plan, *, first):
        kinds = {"colleague": 4, "other_unit": 1.5, "inspirer": 2, "lead": 2}
        if not first:
            kinds["submitter"] = 1.5
        if data.DIGITAL in plan.themes:
            kinds["support_it"] = 1.5
        if data.KOMPETENS in plan.themes or data.HELTID in plan.themes:
            kinds["support_hr"] = 1.5
        return self.rng.choices(list(kinds), weights=list(kinds.values()))[0]

    # -- ideas: playing back ---------------------------------------------------------------
    def create_idea(self, plan):
        challenge = self.challenges.get(plan.challenge_key) if plan.challenge_key else None
        plan.idea = do_create_idea(
            plan.submitter,
            title=plan.title,
            problem=plan.problem,
            proposal=plan.proposal,
            benefit=plan.benefit,
            owner_unit=plan.unit,
            challenge=challenge,
            themes=[self.themes[name] for name in plan.themes],
            co_submitters=plan.co,
            visibility=Idea.Visibility.RESTRICTED if plan.restricted else Idea.Visibility.OPEN,
            # Some open ideas with co-submitters invite other departments in.
            looking_for_partners=bool(plan.co) and not plan.restricted and len(plan.title) % 3 == 0,
            submit=not plan.draft_first,
        )

    def submit_idea(self, plan):
        do_submit_idea(plan.submitter, plan.idea)

    def owner_unit(self, plan):
        return plan.idea.owner_unit

    def decider(self, plan, outcome):
        """Someone who may take this decision on the idea's owner unit, as it would happen."""
        rng, unit = self.rng, self.owner_unit(plan)
        managers = self.nearest(unit, data.MANAGER)
        leads = self.nearest(unit, data.LEAD)
        department_managers = self.role_holders.get((self.department_of(unit).pk, data.MANAGER), [])
        if outcome in ("take", "evaluate", "hand_over", "merge", "reopen"):
            order = [leads, managers]
        elif outcome in ("test", "implement") and rng.random() < 0.25:
            order = [department_managers, managers, leads]
        elif outcome in ("test", "test_again", "do_now", "implement", "park", "stop", "complete"):
            order = [managers, leads]
        elif outcome == "spread":
            order = [leads, managers] if rng.random() < 0.6 else [[self.coordinator]]
        else:
            order = [leads, managers] if rng.random() < 0.5 else [managers, leads]
        excluded = {plan.submitter.pk, *(p.pk for p in plan.co)}
        for group in order:
            group = [p for p in group if p.pk not in excluded]
            if group:
                return rng.choice(group)
        return self.coordinator

    def commitment(self, plan, outcome, decided_at, *, running):
        """The receiving unit's promise: owner, hours and/or kronor, until when, criteria."""
        rng, unit = self.rng, self.owner_unit(plan)
        receiving = unit
        if outcome in ("test", "implement") and unit.kind == Unit.Kind.UNIT and rng.random() < 0.15:
            receiving = self.department_of(unit)
        managers = self.nearest(receiving, data.MANAGER)
        staff = [p for p in self.members(receiving) if not p.role_assignments]
        if managers and (rng.random() < 0.65 or not staff):
            owner = rng.choice(managers)
        elif plan.submitter.unit.is_within(receiving) and rng.random() < 0.35:
            owner = plan.submitter
        else:
            owner = rng.choice(staff or managers)
        if outcome == "do_now":
            hours = rng.choice([4, 8, 16, 24, 40])
            kronor = rng.choice([None, None, 5_000, 12_000, 30_000])
            months = rng.randint(1, 4)
        elif outcome == "implement":
            hours = rng.choice([80, 120, 200, 300, 400, 600])
            kronor = rng.choice([None, 50_000, 120_000, 300_000, 450_000])
            months = rng.randint(6, 12)
        else:
            hours = rng.choice([None, 40, 60, 80, 120, 160, 200, 320])
            kronor = rng.choice([None, 15_000, 25_000, 40_000, 60_000, 90_000, 150_000])
            if hours is None and kronor is None:
                hours = 80
            months = rng.randint(3, 9)
        until = timezone.localdate(decided_at) + timedelta(days=30 * months)
        if running:  # still under way today, so the resources must reach past today
            until = max(until, self.today + timedelta(days=rng.randint(30, 150)))
        criteria = plan.texts.get("criteria") or rng.choice(data.GENERIC_CRITERIA)
        commitment = {
            "receiving_unit": receiving,
            "owner": owner,
            "hours": hours,
            "kronor": kronor,
            "until": until,
            "success_criteria": criteria_lines(criteria),
        }
        return self.adjust_commitment(plan, outcome, decided_at, commitment, running=running)

    def reason(self, plan, outcome, **context):
        texts = plan.texts
        key = {"do_now": "plan", "implement": "plan", "hand_over": "handover"}.get(outcome, outcome)
        if outcome == "evaluate":
            following = context.get("following")
            mood = {"implement": "good", "stop": "bad", "test_again": "mixed"}.get(
                following, self.rng.choice(["good", "mixed"])
            )
            text = texts.get("result") if following != "test_again" else None
            return text or self.rng.choice(data.REASONS[f"evaluate_{mood}"])
        if outcome == "do_now" and "plan" not in texts:
            return self.rng.choice(data.REASONS["do_now"]).format(**context)
        if key in texts:
            return texts[key]
        return self.rng.choice(data.REASONS[outcome]).format(**context)

    def decide(self, plan, index, outcome):
        idea, rng = plan.idea, self.rng
        user = self.decider(plan, outcome)
        decided_at = plan.t_decisions[index]
        unit = self.owner_unit(plan)
        kwargs = {}
        context = {"unit": unit.name, "owner": "", "target": "", "units": ""}
        if outcome in ("test", "test_again", "implement", "do_now"):
            running = index == len(plan.path) - 1 and plan.stage in ("trial", "implementing")
            commitment = self.commitment(plan, outcome, decided_at, running=running)
            kwargs["commitment"] = commitment
            context["owner"] = commitment["owner"].name
            context["unit"] = commitment["receiving_unit"].name
        if outcome == "park":
            kwargs["revisit_on"] = self.today + timedelta(days=rng.randint(20, 160))
        if outcome == "hand_over":
            kwargs["target_unit"] = plan.handover
            context["target"] = plan.handover.name
        if outcome == "merge":
            kwargs["target_idea"] = plan.merge_into.idea
        if outcome == "spread":
            siblings = [
                u
                for u in self.units.values()
                if u.parent_id == unit.parent_id and u.pk != unit.pk and u.kind == Unit.Kind.UNIT
            ]
            picked = rng.sample(siblings, min(len(siblings), rng.randint(1, 2)))
            context["units"] = " och ".join(u.name for u in picked) or "Flera enheter"
        if outcome in ("complete",):
            context["owner"] = self.last_owner_name(idea) or user.name
        following = plan.path[index + 1] if index + 1 < len(plan.path) else None
        reason = self.reason(plan, outcome, following=following, **context)
        if outcome == "evaluate":  # the trial is evaluated, which takes the decision
            self.evaluate_trial(plan, index, user, reason)
            return
        if outcome == "complete":  # the handover to the line, which takes the decision
            self.hand_over(plan, index, user, reason)
            return
        decision = do_decide(user, idea, outcome, seen_stage=idea.stage, reason=reason, **kwargs)
        if outcome in ("test", "test_again"):
            plan.trials.append(decision.trial)
            self.follow_trial(plan, index, decision.trial)
        if outcome in ("do_now", "implement"):
            plan.implementation = decision.implementation
            self.follow_implementation(plan, index, decision.implementation)

    def last_owner_name(self, idea):
        decision = (
            idea.decisions.filter(commitment__isnull=False)
            .select_related("commitment__owner")
            .first()
        )
        return decision.commitment.owner.name if decision else ""

    def set_handler(self, plan):
        unit = self.owner_unit(plan)
        leads = self.nearest(unit, data.LEAD)
        managers = self.nearest(unit, data.MANAGER)
        actor = self.rng.choice(leads or managers or [self.coordinator])
        unit_key = next(k for k, u in self.units.items() if u.pk == unit.pk)
        extras = [self.person(name) for name in HANDLER_EXTRAS.get(unit_key, [])]
        pool = [
            p for p in [*leads, *managers, *extras] if self.can_see(p, plan) and p != plan.submitter
        ]
        if pool:
            do_set_handler(actor, plan.idea, self.rng.choice(pool))

    def set_coach(self, plan):
        idea = plan.idea
        if idea.stage in FINAL_STAGES or idea.stage == Stage.DRAFT:
            return
        unit = self.owner_unit(plan)
        department = self.department_of(unit)
        inspirers = [
            p
            for p in self.people.values()
            if p.role_units(data.INSPIRER) and p.unit.is_within(department) and p != plan.submitter
        ]
        if plan.restricted:
            inspirers = [p for p in inspirers if p.unit.is_within(unit)]
        if not inspirers:
            return
        coach = self.rng.choice(inspirers)
        leads = self.nearest(unit, data.LEAD)
        actor = coach if self.rng.random() < 0.65 or not leads else self.rng.choice(leads)
        do_set_coach(actor, idea, coach)

    def support(self, plan, supporter):
        do_support(supporter, plan.idea)

    def follow(self, plan, follower):
        do_follow(follower, plan.idea)

    def comment_author(self, plan, kind):
        idea, rng = plan.idea, self.rng
        unit = self.owner_unit(plan)
        excluded = {plan.submitter.pk, *(p.pk for p in plan.co)}
        department = self.department_of(unit)
        visible = [
            p for p in self.people.values() if p.pk not in excluded and self.can_see(p, plan)
        ]
        if kind == "submitter" or (kind in ("after_decline", "after_park") and rng.random() < 0.5):
            return plan.submitter
        if kind == "lead":
            if idea.handler_id and idea.handler_id not in excluded:
                return next(p for p in self.people.values() if p.pk == idea.handler_id)
            leads = [p for p in self.nearest(unit, data.LEAD) if p.pk not in excluded]
            if leads:
                return rng.choice(leads)
        if kind == "inspirer":
            if idea.coach_id and idea.coach_id not in excluded:
                return next(p for p in self.people.values() if p.pk == idea.coach_id)
            inspirers = [
                p for p in visible if p.role_units(data.INSPIRER) and p.unit.is_within(department)
            ]
            if inspirers:
                return rng.choice(inspirers)
        if kind in ("support_it", "support_hr"):
            pool = [p for p in visible if p.unit == self.units[SUPPORT_UNIT[kind]]]
            if pool:
                return rng.choice(pool)
        if kind in ("other_unit", "after_implemented_other"):
            pool = [p for p in visible if not p.unit.is_within(unit)]
            if pool:
                return rng.choice(pool)
        # A colleague without a deciding role, usually from the same department.
        plain = [p for p in visible if not p.role_units(*DECIDERS)] or visible
        near = [p for p in plain if p.unit.is_within(department)]
        return rng.choice(near if near and rng.random() < 0.8 else plain)

    def comment(self, plan, kind):
        author = self.comment_author(plan, kind)
        text_kind = kind
        if author == plan.submitter and kind not in ("submitter", "after_decline", "after_park"):
            text_kind = "submitter"
        if not self.has_kind(author, text_kind, plan):
            text_kind = "colleague"
        options = [t for t in data.COMMENTS[text_kind] if t not in plan.used_comments]
        if not options:
            return
        text = self.rng.choice(options)
        plan.used_comments.add(text)
        first = plan.submitter.name.split(" ")[0]
        do_comment(author, plan.idea, text.format(first=first))

    def has_kind(self, author, kind, plan):
        """Whether `author` really is the kind of person a comment text speaks as."""
        unit = self.owner_unit(plan)
        if kind == "inspirer":
            return bool(author.role_units(data.INSPIRER))
        if kind == "lead":
            return author.has_role_over(unit, *DECIDERS) or plan.idea.handler_id == author.pk
        if kind in ("support_it", "support_hr"):
            return author.unit == self.units[SUPPORT_UNIT[kind]]
        if kind in ("other_unit", "after_implemented_other"):
            return not author.unit.is_within(unit)
        return True

    # -- after the history -----------------------------------------------------------------
    def check(self):
        """Every stage of the process is shown; returns the number of ideas per stage."""
        counts = {stage: 0 for stage in Stage.values}
        for plan in self.plans:
            plan.idea.refresh_from_db(fields=["stage"])
            counts[plan.idea.stage] += 1
        wrong = [p.key for p in self.plans if p.idea.stage != p.stage]
        missing = [stage for stage, n in counts.items() if not n]
        if wrong or missing:
            raise RuntimeError(f"Demo history went astray: wrong stage {wrong}, missing {missing}")
        return counts

    def finish(self):
        """People have read what reached them more than a month ago."""
        ids = [p.pk for p in self.people.values()]
        Notification.objects.filter(
            recipient_id__in=ids,
            created_at__lt=self.days_ago(30),
            read_at__isnull=True,
        ).update(read_at=F("created_at") + timedelta(hours=20))
        recount_unread(ids)
