"""The demo's innovation-capability self-assessment: last year's round and this year's.

A mixin for `DemoBuilder`: `build_capability()` runs after the history has been played. The
coordinator prepares, opens and closes both rounds with the clock at those moments; most people
in every department answer, through the same action as the form. Each department has its own
level per dimension, and this year structure, competence and leadership have improved in most
departments (after a year of idea handling and trials), so the results show a trend.
"""

import datetime
import random

from django.utils import timezone

from ideverket.capability.actions import (
    do_close_round,
    do_create_round,
    do_open_round,
    do_submit_response,
)
from ideverket.capability.models import Dimension
from ideverket.org.models import User

# Where the municipality stands last year, per dimension key (on the 1–5 scale) …
BASE = {"ledarskap": 3.2, "kultur": 3.4, "struktur": 2.5, "kompetens": 2.8, "samverkan": 2.7}
# … how far each department lies from it (by unit key) …
DEPARTMENT_OFFSET = {"ubf": 0.2, "sof": -0.1, "kof": 0.3, "sbf": -0.3, "klf": 0.0}
# … and what a year of work changed.
CHANGE = {"ledarskap": 0.25, "kultur": 0.1, "struktur": 0.6, "kompetens": 0.45, "samverkan": 0.0}
ANSWER_RATE = (0.9, 0.85)  # last year, this year
DONT_KNOW_RATE = 0.06


class CapabilityMixin:
    def build_capability(self):
        rng = random.Random(self.seed + 4)
        today = self.today
        last = (datetime.date(today.year - 1, 3, 2), datetime.date(today.year - 1, 3, 22))
        if today >= datetime.date(today.year, 3, 30):
            this = (datetime.date(today.year, 3, 1), datetime.date(today.year, 3, 21))
        else:  # early in the year: a round that closed yesterday at the latest
            opens = datetime.date(today.year, 1, 2)
            this = (opens, max(opens, today - datetime.timedelta(days=1)))
        levels = {key: dict(BASE) for key in DEPARTMENT_OFFSET}
        for year, (opens_on, closes_on), rate, improved in (
            (today.year - 1, last, ANSWER_RATE[0], False),
            (today.year, this, ANSWER_RATE[1], True),
        ):
            self._capability_round(rng, year, opens_on, closes_on, rate, levels, improved)
        self.clock.now = self.real_now

    def _moment(self, day, hour):
        local = datetime.datetime.combine(
            day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
        )
        return min(local, self.real_now)

    def _capability_round(self, rng, year, opens_on, closes_on, rate, levels, improved):
        coordinator = self.coordinator
        self.clock.now = self._moment(opens_on - datetime.timedelta(days=7), 10)
        survey = do_create_round(coordinator, year=year, opens_on=opens_on, closes_on=closes_on)
        self.clock.now = self._moment(opens_on, 8)
        survey = do_open_round(coordinator, survey)
        questions = list(survey.questions.all())
        keys = dict(Dimension.objects.values_list("pk", "key"))
        span = max((closes_on - opens_on).days, 0)
        answering = []
        # Those who have left (owner_leaves) no longer answer.
        active = set(User.objects.filter(is_active=True).values_list("pk", flat=True))
        for department_key in DEPARTMENT_OFFSET:
            department = self.units[department_key]
            quiet = [p for p in self.quiet if p.unit.is_within(department)]
            for person in self.members(department) + quiet:
                if rng.random() < rate and person.pk in active:
                    answering.append(
                        (rng.randint(0, span), rng.uniform(8, 16), department_key, person)
                    )
        answering.sort(key=lambda item: (item[0], item[1]))
        for day, hour, department_key, person in answering:
            when = datetime.datetime.combine(
                opens_on + datetime.timedelta(days=day),
                datetime.time(int(hour), int(hour % 1 * 60)),
                tzinfo=timezone.get_current_timezone(),
            )
            self.clock.now = min(when, self.real_now)
            mood = rng.gauss(0, 0.5)  # some people see everything a little brighter
            answers = {}
            for rq in questions:
                key = keys[rq.dimension_id]
                mean = BASE[key] + DEPARTMENT_OFFSET[department_key] + mood
                if improved:
                    # Not every department moved as much; social services least on structure.
                    factor = 0.5 if (department_key, key) == ("sof", "struktur") else 1
                    mean += CHANGE[key] * factor
                value = None if rng.random() < DONT_KNOW_RATE else round(rng.gauss(mean, 0.7))
                answers[rq.pk] = None if value is None else min(5, max(1, value))
            do_submit_response(person, survey, answers)
        self.clock.now = self._moment(closes_on, 17)
        do_close_round(coordinator, survey)
