"""What follows the decisions in the demo: trials, implementations, handovers, effects, lessons.

A mixin for `DemoBuilder`. An idea's test decision starts a Trial and its "do it now" or
"implement" decision an Implementation (the FOLLOW_UPS in ideverket/ideas/process.py); the
methods here take it from there, through the same actions the pages use:

- a trial gets its hypothesis, plan and participants from its owner a few days after the
  decision, status updates while it runs, and is evaluated with a result per criterion and
  its lessons (`do_evaluate_trial`, which also takes the idea's "evaluate" decision);
- an implementation gets 2–4 milestones that move forward as time passes, and is handed over
  to the line with follow-up dates (`do_handover`, which also takes the "complete" decision);
- expected effects are added when the work starts and realised values are measured at each
  follow-up that has come round; a few handovers also leave a lesson of what worked.

Steps are scheduled while the history is played back (the trial or implementation exists by
then), always ahead of the current moment, so everything stays in date order.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.effects.actions import do_add_effect, do_record_measurement
from ideverket.ideas.models import Idea
from ideverket.implementation.actions import (
    do_add_milestone,
    do_handover,
    do_record_follow_up,
    do_update_milestone,
)
from ideverket.implementation.models import FollowUp
from ideverket.lessons.actions import do_record_lesson
from ideverket.lessons.models import Lesson
from ideverket.org.actions import do_update_user
from ideverket.trials.actions import do_edit_trial, do_evaluate_trial, do_report_trial

from . import data
from . import results_data as rd

# How an evaluation went, from what was decided after it.
MOOD_AFTER = {"implement": "good", "stop": "bad", "test_again": "mixed"}
FALLBACK_HEALTH = {
    "good": [rd.GREEN, rd.GREEN],
    "mixed": [rd.GREEN, rd.YELLOW],
    "bad": [rd.YELLOW, rd.RED],
    "running": [rd.GREEN, rd.YELLOW],
}
# Days after the handover when the result is followed up: the first, and the later ones.
FIRST_FOLLOW_UP = (91, 61, 30)
LATER_FOLLOW_UPS = ([365], [182, 365])
PLANNED_TRIAL_STARTS_IN = 12  # days: the one trial still being prepared


def decimal(value):
    return None if value is None else Decimal(str(value))


def lower_first(text):
    """ "Mindre dubbelarbete." → "mindre dubbelarbete" (acronyms such as "IT" are kept)."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def criteria_lines(text):
    """ "A; b." → "A.\\nB.": one criterion per line, as the trial reads them."""
    parts = [p.strip().rstrip(".") for p in text.split(";") if p.strip()]
    return "\n".join(p[:1].upper() + p[1:] + "." for p in parts)


class ResultsMixin:
    # -- set-up ----------------------------------------------------------------------------
    def choose_planned_trial(self):
        """The most recently decided running trial (if recent) is still being prepared."""
        skip = {rd.OWNER_LEFT[0], *rd.OVERDUE_TRIALS}
        running = [
            p
            for p in self.plans
            if p.stage == "trial" and p.key not in skip and p.path[-1] in ("test", "test_again")
        ]
        latest = max(running, key=lambda p: p.t_decisions[-1], default=None)
        if latest and self.real_now - latest.t_decisions[-1] < timedelta(days=30):
            self.planned_trial_key = latest.key

    def person_by_pk(self, pk):
        return self.people_by_pk[pk]

    def fresh_idea(self, plan):
        """The idea as stored now (its commitments included), for effects and lessons."""
        return Idea.objects.select_related("owner_unit").get(pk=plan.idea.pk)

    def moment(self, day):
        """Office hours on `day` (a date), as an aware datetime."""
        naive = datetime.combine(day, time(9, 0))
        return timezone.make_aware(naive, timezone.get_current_timezone())

    # -- the commitment behind a trial or an implementation ---------------------------------
    def adjust_commitment(self, plan, outcome, decided_at, commitment, *, running):
        """The few commitments the demo needs to go wrong: an owner who later leaves, and
        periods that have run out while the work still goes on (the "nothing forgotten" flags).
        """
        trial = outcome in ("test", "test_again")
        if running and trial and plan.key == rd.OWNER_LEFT[0]:
            commitment["owner"] = self.person(rd.OWNER_LEFT[1])
        overdue = rd.OVERDUE_TRIALS if trial else rd.OVERDUE_IMPLEMENTATIONS
        if running and plan.key in overdue:
            decided = timezone.localdate(decided_at)
            latest = self.today - timedelta(days=12)
            commitment["until"] = max(
                decided + timedelta(days=30), min(decided + timedelta(days=75), latest)
            )
        return commitment

    # -- trials ----------------------------------------------------------------------------
    def trial_spec(self, plan, *, again):
        spec = dict(rd.TRIALS.get(plan.key, {}))
        first_round = spec.pop("again", {})
        if again:
            spec.pop("effects", None)
            for name in ("updates", "results", "lessons", "summary"):
                spec.pop(name, None)
            spec.update(first_round)
        return spec

    def follow_trial(self, plan, index, trial):
        """Schedule what happens to a trial the test decision at `index` just started."""
        rng, now = self.rng, self.clock.now
        tests = [i for i, o in enumerate(plan.path) if o in ("test", "test_again")]
        last = index == tests[-1]
        end = (
            plan.t_decisions[index + 1]
            if index + 1 < len(plan.path)
            else self.real_now - timedelta(hours=1)
        )
        if end - now < timedelta(hours=6):
            return
        spec = self.trial_spec(plan, again=not last)
        planned = last and plan.key == self.planned_trial_key
        edit_at = self.between(
            now + timedelta(hours=1),
            min(now + timedelta(days=rng.uniform(1, 4)), end - timedelta(hours=3)),
            office=True,
        )
        self.add_step(edit_at, lambda: self.plan_trial(plan, trial, spec, planned=planned))
        with_effects = last and plan.stage in ("trial", "evaluated", "stopped")
        if with_effects and spec.get("effects"):
            self.add_step(
                edit_at + timedelta(minutes=20),
                lambda: self.add_trial_effects(plan, trial, spec["effects"]),
            )
        if planned:
            return
        following = plan.path[index + 1] if index + 1 < len(plan.path) else None
        mood = MOOD_AFTER.get(following, "running" if following is None else "mixed")
        updates = list(spec.get("updates") or [])
        if not updates:
            span = end - edit_at
            count = 1 if span < timedelta(days=40) else 2
            updates = [(health, None) for health in FALLBACK_HEALTH[mood][-count:]]
        if end - edit_at < timedelta(days=10):
            updates = updates[-1:]
        for position, (health, text) in enumerate(updates, 1):
            share = position / (len(updates) + 0.6)
            when = edit_at + (end - edit_at) * share
            when = self.at_hour(when, edit_at + timedelta(hours=position), end - timedelta(hours=1))
            self.add_step(
                when,
                lambda health=health, text=text: self.report_trial(plan, trial, health, text),
            )
            if position == len(updates) and with_effects and following is None:
                self.add_step(when + timedelta(minutes=10), lambda: self.measure_trial(plan, trial))

    def plan_trial(self, plan, trial, spec, *, planned):
        owner = self.person_by_pk(trial.owner_id)
        unit = self.owner_unit(plan)
        context = {"unit": unit.name, "owner": owner.name}
        benefit = plan.benefit or plan.proposal
        hypothesis = spec.get("hypothesis") or rd.GENERIC_HYPOTHESIS.format(
            benefit=lower_first(benefit)
        )
        starts_on, ends_on = trial.starts_on, trial.ends_on
        if planned:
            starts_on = self.today + timedelta(days=PLANNED_TRIAL_STARTS_IN)
            ends_on = max(ends_on or starts_on, starts_on + timedelta(days=90))
        do_edit_trial(
            owner,
            trial,
            hypothesis=hypothesis,
            plan=spec.get("plan") or rd.GENERIC_PLAN.format(**context),
            participants=spec.get("participants") or rd.GENERIC_PARTICIPANTS.format(**context),
            starts_on=starts_on,
            ends_on=ends_on,
        )

    def report_trial(self, plan, trial, health, text):
        if text is None:
            options = [t for t in rd.GENERIC_UPDATES[health] if t not in plan.used_comments]
            text = self.rng.choice(options or rd.GENERIC_UPDATES[health])
            plan.used_comments.add(text)
        owner = self.person_by_pk(trial.owner_id)
        trial.idea = plan.idea
        do_report_trial(owner, trial, text=text, health=health)

    def add_trial_effects(self, plan, trial, specs):
        owner = self.person_by_pk(trial.owner_id)
        plan.trial_effects = self.add_effects(owner, trial, specs)

    def measure_trial(self, plan, trial, user=None):
        user = user or self.person_by_pk(trial.owner_id)
        for effect, spec in plan.trial_effects:
            if spec.get("measured") and not effect.measurements.exists():
                self.measure(user, effect, spec, 0, default_note=rd.TRIAL_MEASUREMENT_NOTE)

    def evaluate_trial(self, plan, index, user, reason):
        """The evaluation: a result per criterion, a summary and the lessons (which become a
        Lesson), and with them the idea's "evaluate" decision."""
        rng = self.rng
        trial = plan.trials[-1]
        trial.idea = plan.idea
        following = plan.path[index + 1] if index + 1 < len(plan.path) else None
        spec = self.trial_spec(plan, again=following == "test_again")
        mood = MOOD_AFTER.get(following) or rng.choice(["good", "mixed"])
        criteria = list(trial.criteria.order_by("position"))
        given = spec.get("results") or []
        if len(given) != len(criteria):
            given = self.fallback_results(mood, len(criteria))
        results = {c.pk: given[i] for i, c in enumerate(criteria)}
        lessons = spec.get("lessons")
        if not lessons:
            options = [t for t in rd.GENERIC_LESSONS[mood] if t not in self.used_lessons]
            lessons = rng.choice(options or rd.GENERIC_LESSONS[mood])
            self.used_lessons.add(lessons)
        self.measure_trial(plan, trial)
        do_evaluate_trial(user, trial, results, spec.get("summary") or reason, lessons)

    def fallback_results(self, mood, count):
        if mood == "good":
            return [(rd.MET, "")] * count
        if mood == "bad":
            return [(rd.PARTLY, "")] + [(rd.NOT_MET, "")] * (count - 1)
        return [(rd.MET if i % 2 == 0 else rd.PARTLY, "") for i in range(count)]

    # -- implementations -------------------------------------------------------------------
    def follow_implementation(self, plan, index, implementation):
        """Schedule milestones, effects and progress for an implementation just started."""
        rng, now = self.rng, self.clock.now
        rest = plan.path[index + 1 :]
        handed = "complete" in rest
        end = (
            plan.t_decisions[index + 1 + rest.index("complete")]
            if handed
            else self.real_now - timedelta(hours=1)
        )
        if end - now < timedelta(hours=8):
            return
        spec = rd.IMPLEMENTATIONS.get(plan.key, {})
        titles = list(spec.get("milestones") or [])
        if not titles:
            count = rng.randint(2, 3)
            titles = [t for t in rd.GENERIC_MILESTONES if rng.random() < 0.8][:count]
            titles = titles if len(titles) >= 2 else rd.GENERIC_MILESTONES[:2]
        count = len(titles)
        add_at = self.between(
            now + timedelta(hours=1),
            min(now + timedelta(days=rng.uniform(1, 5)), end - timedelta(hours=count + 2)),
            office=True,
        )
        if handed:
            finish = end - timedelta(hours=2)
        else:
            horizon = implementation.ends_on or self.today + timedelta(days=rng.randint(60, 150))
            finish = max(self.moment(horizon), add_at + timedelta(days=14))
        overdue = plan.key in rd.OVERDUE_IMPLEMENTATIONS and not handed
        dues, done_at = [], []
        for position in range(count):
            due = add_at + (finish - add_at) * ((position + 1) / count)
            lo = add_at + timedelta(hours=position + 1)
            hi = end - timedelta(hours=count - position)
            reached = self.at_hour(due + timedelta(days=rng.uniform(-6, 4)), lo, hi)
            due_on = timezone.localdate(due)
            if handed:
                due_on += timedelta(days=rng.randint(-2, 6))
            dues.append(max(due_on, implementation.starts_on))
            is_done = handed or (reached < self.real_now - timedelta(days=1) and due < end)
            if overdue and position == count - 1:
                is_done = False
            done_at.append(reached if is_done else None)
        self.add_step(
            add_at,
            lambda: self.start_milestones(plan, implementation, titles, dues, spec, handed),
        )
        previous = add_at
        for position, reached in enumerate(done_at):
            if reached is None:
                # The milestone being worked on now: part of the way, measured as it goes.
                lo = previous + timedelta(hours=1)
                hi = self.real_now - timedelta(hours=2)
                if hi > lo:
                    when = self.between(lo, hi, office=True)
                    share = (when - previous) / max(self.moment(dues[position]) - previous, hi - lo)
                    percent = min(90, max(10, round(share * 10) * 10))
                    if overdue:
                        percent = 60
                    self.add_step(
                        when,
                        lambda position=position, percent=percent: self.move_milestone(
                            plan, implementation, position, percent, measure=True
                        ),
                    )
                break
            if rng.random() < 0.45 and reached - previous > timedelta(days=6):
                halfway = self.between(previous + (reached - previous) * 0.4, reached, office=True)
                self.add_step(
                    min(halfway, reached - timedelta(minutes=30)),
                    lambda position=position: self.move_milestone(
                        plan, implementation, position, self.rng.choice([30, 50, 70])
                    ),
                )
            self.add_step(
                reached,
                lambda position=position: self.move_milestone(plan, implementation, position, 100),
            )
            previous = reached

    def start_milestones(self, plan, implementation, titles, dues, spec, handed):
        owner = self.person_by_pk(implementation.owner_id)
        implementation.idea = plan.idea
        plan.milestones = [
            do_add_milestone(owner, implementation, title=title, due_on=due_on, progress=0)
            for title, due_on in zip(titles, dues, strict=True)
        ]
        if spec.get("effects"):
            plan.effects = self.add_effects(owner, self.fresh_idea(plan), spec["effects"])

    def move_milestone(self, plan, implementation, position, percent, *, measure=False):
        owner = self.person_by_pk(implementation.owner_id)
        milestone = plan.milestones[position]
        implementation.idea = plan.idea
        milestone.implementation = implementation
        do_update_milestone(
            owner, milestone, title=milestone.title, due_on=milestone.due_on, progress=percent
        )
        if measure:  # an interim measurement while the work goes on
            for effect, spec in plan.effects:
                if spec.get("measured"):
                    self.measure(owner, effect, spec, 0)

    # -- the handover to the line and the follow-ups ---------------------------------------
    def hand_over(self, plan, index, user, note):
        rng = self.rng
        implementation = plan.implementation
        implementation.idea = plan.idea
        line_unit = self.unit_by_pk[implementation.receiving_unit_id]
        owner = self.person_by_pk(implementation.owner_id)
        managers = [m for m in self.nearest(line_unit, data.MANAGER) if m.is_active]
        if managers and (owner.role_assignments or rng.random() < 0.6):
            line_owner = rng.choice(managers)
        else:
            line_owner = owner
        runs_from = timezone.localdate(self.clock.now) + timedelta(days=rng.choice([0, 0, 3, 7]))
        # The first follow-up after one to three months (sooner for the recent handovers, so
        # most of them have realised effects to show), then after half a year and a year.
        age = (self.today - runs_from).days
        first = next((d for d in FIRST_FOLLOW_UP if age > d + 10), FIRST_FOLLOW_UP[-1])
        later = rng.choice(LATER_FOLLOW_UPS)
        dates = [runs_from + timedelta(days=d) for d in (first, *later)]
        do_handover(
            user,
            implementation,
            line_owner=line_owner,
            line_unit=line_unit,
            runs_from=runs_from,
            follow_up_dates=dates,
            note=note,
        )
        plan.line_owner = line_owner
        for position, due_on in enumerate(dates):
            when = self.moment(due_on) + timedelta(days=rng.uniform(0, 3))
            if when > self.real_now - timedelta(days=1):
                break  # not followed up yet
            when = self.at_hour(when, self.moment(due_on), self.real_now - timedelta(hours=6))
            self.add_step(when, lambda position=position: self.follow_up(plan, position))
        lesson = rd.IMPLEMENTATIONS.get(plan.key, {}).get("lesson")
        lesson_at = self.clock.now + timedelta(days=rng.uniform(10, 45))
        if lesson and lesson_at < self.real_now - timedelta(days=1):
            self.add_step(
                self.at_hour(lesson_at, self.clock.now, self.real_now - timedelta(hours=2)),
                lambda: self.record_worked(plan, *lesson),
            )

    def follow_up(self, plan, position):
        handover = plan.implementation.handover
        follow_up = FollowUp.objects.filter(handover=handover).order_by("due_on")[position]
        recorder = plan.line_owner
        notes = rd.FOLLOW_UP_NOTES
        do_record_follow_up(recorder, follow_up, note=notes[min(position, len(notes) - 1)])
        for effect, spec in plan.effects:
            self.measure(recorder, effect, spec, position)

    def record_worked(self, plan, title, text):
        do_record_lesson(
            plan.line_owner,
            subject=self.fresh_idea(plan),
            title=title,
            text=text,
            unit=None,
            outcome=Lesson.Outcome.WORKED,
        )

    # -- effects ---------------------------------------------------------------------------
    def add_effects(self, user, subject, specs):
        added = []
        for spec in specs:
            effect = do_add_effect(
                user,
                subject,
                kind=spec["kind"],
                description=spec["description"],
                baseline=decimal(spec.get("baseline")),
                target=decimal(spec.get("target")),
                indicator=spec.get("indicator", ""),
                unit=self.units[spec["unit"]] if spec.get("unit") else None,
            )
            added.append((effect, spec))
        return added

    def measure(self, user, effect, spec, position, *, default_note=""):
        """Record the value measured at follow-up number `position` (the last one repeats)."""
        values = spec.get("measured") or []
        if not values:
            return
        value = values[min(position, len(values) - 1)]
        notes = spec.get("notes") or []
        note = notes[position] if position < len(notes) else default_note
        if value is None and not note:
            note = notes[-1]
        do_record_measurement(user, effect, decimal(value), timezone.localdate(), note)

    # -- someone leaves --------------------------------------------------------------------
    def owner_leaves(self):
        """The owner of a running trial leaves: an admin deactivates them after their last
        doing, and the trial is flagged as ownerless."""
        key, name = rd.OWNER_LEFT
        person = self.person(name)
        plan = next((p for p in self.plans if p.key == key), None)
        if plan is None or not plan.trials or plan.trials[-1].owner_id != person.pk:
            return
        last = Event.objects.filter(actor=person).aggregate(last=Max("created_at"))["last"]
        when = max(last + timedelta(days=1), self.days_ago(25)) if last else self.days_ago(25)
        self.clock.now = self.at_hour(when, when, self.real_now - timedelta(hours=3), office=True)
        admin = next(p for p in self.people.values() if p.has_central_role(data.ADMIN))
        do_update_user(
            admin,
            person,
            name=person.name,
            email=person.email,
            unit=person.unit,
            title=person.title,
            is_active=False,
        )
        self.clock.now = self.real_now
