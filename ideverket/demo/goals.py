"""The demo's goal model: two years of goals with tertial follow-ups, and the items linked to them.

A mixin for `DemoBuilder`: `build_goals()` runs after the history has been played, creates last
year's and this year's periods with four council goals, a committee goal and a department goal
per department, indicators measured at each tertial that has passed, and links demo challenges,
ideas, trials and projects to the goals, so goal pages show contributions and realised effects.
Everything goes through the goals actions as the coordinator.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied

from ideverket.goals.actions import (
    do_create_goal,
    do_create_period,
    do_link_goal,
    do_record_indicator_value,
    do_save_indicator,
)
from ideverket.goals.models import Period
from ideverket.ideas.process import Stage
from ideverket.projects.models import Project
from ideverket.trials.models import Trial

# (reference, title, indicator name, unit of measure, baseline, target per year)
COUNCIL_GOALS = [
    (
        "KF1",
        "Effektiv och innovativ verksamhet",
        "Genomförda idéer per 1 000 anställda",
        "antal",
        Decimal("4"),
        Decimal("10"),
    ),
    (
        "KF2",
        "Kompetensförsörjning: rätt kompetens på rätt plats",
        "Andel medarbetare som vill arbeta kvar",
        "procent",
        Decimal("78"),
        Decimal("85"),
    ),
    (
        "KF3",
        "Digitalisering som gör vardagen enklare",
        "Andel e-tjänster av alla ärenden",
        "procent",
        Decimal("35"),
        Decimal("60"),
    ),
    (
        "KF4",
        "Heltid som norm",
        "Andel tillsvidareanställda med heltid",
        "procent",
        Decimal("71"),
        Decimal("85"),
    ),
]
# department key: (committee, council goal, committee goal, department goal, indicator)
DEPARTMENT_GOALS = {
    "ubf": (
        "Utbildningsnämnden",
        "KF3",
        "Digitala verktyg frigör lärarnas tid",
        "Mindre administration för lärare och förskollärare",
        ("Timmar administration per lärare och vecka", "timmar", "6", "4"),
    ),
    "sof": (
        "Socialnämnden",
        "KF4",
        "Fler heltider i vård och omsorg",
        "Hållbara scheman i hemtjänsten",
        ("Andel heltider i hemtjänsten", "procent", "58", "75"),
    ),
    "kof": (
        "Kultur- och fritidsnämnden",
        "KF1",
        "Nya sätt att nå unga",
        "Biblioteket och fritidsgårdarna utvecklar tjänster med unga",
        ("Besök av unga per månad", "antal", "1200", "1600"),
    ),
    "sbf": (
        "Samhällsbyggnadsnämnden",
        "KF3",
        "Snabbare och enklare bygglov",
        "Digital handläggning i bygglov",
        ("Handläggningstid för bygglov", "dagar", "42", "28"),
    ),
    "klf": (
        "Kommunstyrelsen",
        "KF2",
        "Attraktiv arbetsgivare",
        "Professionsanalyser i alla förvaltningar",
        ("Genomförda professionsanalyser", "antal", "2", "10"),
    ),
}
TERTIALS = ((4, 30), (8, 31), (12, 31))


class GoalsMixin:
    def build_goals(self):
        coordinator = self.person("Karin Lindqvist")
        year = self.today.year
        goals_by_year = {}
        for offset, period_year in enumerate((year - 1, year)):
            self.clock.now = min(
                self.real_now, self.days_ago(400 - 365 * offset)
            )  # planned in the autumn before
            period = Period.objects.filter(name=str(period_year)).first() or do_create_period(
                coordinator,
                name=str(period_year),
                starts_on=datetime.date(period_year, 1, 1),
                ends_on=datetime.date(period_year, 12, 31),
            )
            goals_by_year[period_year] = self.create_goal_tree(coordinator, period, offset)
        self.clock.now = self.real_now
        self.link_items(coordinator, goals_by_year[year])

    def create_goal_tree(self, coordinator, period, offset):
        goals = {}
        for reference, title, name, unit, baseline, target in COUNCIL_GOALS:
            goal = do_create_goal(
                coordinator,
                period=period,
                level="council",
                reference=reference,
                title=title,
                owner_unit=self.units["kommun"],
                description=f"Kommunfullmäktiges mål för {period.name}.",
            )
            goals[reference] = goal
            self.goal_indicator(
                coordinator, goal, f"{reference}-I", name, unit, baseline, target, offset
            )
        for key, (
            committee,
            council,
            committee_title,
            department_title,
            indicator,
        ) in DEPARTMENT_GOALS.items():
            department = self.units[key]
            parent = do_create_goal(
                coordinator,
                period=period,
                parent=goals[council],
                level="committee",
                reference=f"{key.upper()}-N1",
                title=committee_title,
                owner_unit=department,
                committee=committee,
            )
            goal = do_create_goal(
                coordinator,
                period=period,
                parent=parent,
                level="department",
                reference=f"{key.upper()}-F1",
                title=department_title,
                owner_unit=department,
                committee=committee,
            )
            name, unit, baseline, target = indicator
            self.goal_indicator(
                coordinator,
                goal,
                f"{key.upper()}-I1",
                name,
                unit,
                Decimal(baseline),
                Decimal(target),
                offset,
            )
            goals[key] = goal
            goals[f"{key}-committee"] = parent
        return goals

    def goal_indicator(self, coordinator, goal, reference, name, unit, baseline, target, offset):
        """An indicator with a value at every tertial of the goal's year that has passed."""
        direction = "decrease" if target < baseline else "increase"
        indicator = do_save_indicator(
            coordinator,
            goal,
            reference=reference,
            name=name,
            unit_of_measure=unit,
            direction=direction,
            baseline=baseline,
            target=target,
        )
        year = goal.period.starts_on.year
        step = (target - baseline) / 6
        for index, (month, day) in enumerate(TERTIALS, start=1):
            measured_on = datetime.date(year, month, day)
            if measured_on > self.today:
                break
            # Last year got halfway to the target; this year goes on from there.
            progress = index + 3 * offset
            noise = Decimal(self.rng.randint(-5, 5)) / 10
            value = (baseline + step * progress + noise).quantize(Decimal("0.1"))
            do_record_indicator_value(
                coordinator,
                indicator,
                measured_on=measured_on,
                value=value,
                note=f"Tertial {index}",
            )

    def link_items(self, coordinator, goals):
        """Challenges, ideas (with their trials) and projects to this year's goals."""

        def link(user, item, goal):
            try:
                do_link_goal(user, item, goal)
            except PermissionDenied:
                return False
            return True

        for index, challenge in enumerate(self.challenges.values()):
            department = self.department_of(challenge.owner_unit)
            key = next((k for k, u in self.units.items() if u == department), None)
            link(coordinator, challenge, goals.get(key) or goals["KF1"])
            if index >= 7:
                break

        per_department = {}
        for plan in self.plans:
            idea = plan.idea
            if idea is None or idea.stage in (Stage.DRAFT, Stage.MERGED, Stage.DECLINED):
                continue
            department = self.department_of(plan.unit)
            key = next((k for k, u in self.units.items() if u == department), None)
            if key not in DEPARTMENT_GOALS or per_department.get(key, 0) >= 4:
                continue
            if not (plan.effects or plan.trials or plan.implementation):
                continue
            linker = coordinator if idea.stage not in (Stage.STOPPED, Stage.SPREAD) else None
            if linker is None and idea.handler_id:
                linker = idea.handler
            if linker is None or not link(linker, idea, goals[key]):
                continue
            per_department[key] = per_department.get(key, 0) + 1
            for trial in Trial.objects.filter(idea=idea).select_related("idea__owner_unit"):
                link(coordinator, trial, goals[f"{key}-committee"])

        council = [reference for reference, *_rest in COUNCIL_GOALS]
        projects = Project.objects.filter(pk__in=self.projects.values()).select_related("lead_unit")
        for index, project in enumerate(projects.order_by("pk")):
            link(coordinator, project, goals[council[index % len(council)]])
