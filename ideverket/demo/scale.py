"""A large synthetic municipality for benchmarks ("Skalkommun"), written with bulk inserts.

The demo (builder.py) goes through the actions so that every event and notification exists;
this module bypasses them on purpose, for speed, but keeps the invariants the actions keep:
unit paths, depth and department; people's search_text; ideas' search_text, submitted_at,
stage_changed_at and the denormalised support_count/comment_count; one Decision per stage
move with stage_entered_at; submitters as followers; a commitment on every test, "do now" and
"implement" decision, the trial or implementation it started (handed over when completed),
effects with measurements on implemented ideas, and the timeline events the actions write.
No notifications or e-mails are written. Every generated person has an e-mail at
SCALE_DOMAIN, which is how a previous run is recognised.
"""

import contextlib
import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from ideverket.activity.models import Event
from ideverket.challenges.models import Challenge, Theme
from ideverket.effects.models import Effect, Measurement
from ideverket.ideas.models import Comment, Commitment, Decision, Follow, Idea, Support
from ideverket.ideas.process import TRANSITIONS, Outcome, Stage
from ideverket.implementation.models import Handover, Implementation
from ideverket.lib.text import normalize_text
from ideverket.org.models import RoleAssignment, Unit, User
from ideverket.trials.models import Trial

SCALE_DOMAIN = "skala.example"
ROOT_NAME = "Skalkommun"
BATCH = 2000

DEPARTMENTS = [
    "Barn- och utbildningsförvaltningen",
    "Socialförvaltningen",
    "Vård- och omsorgsförvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Kommunledningsförvaltningen",
    "Miljö- och hälsoskyddsförvaltningen",
    "Tekniska förvaltningen",
]
UNIT_KINDS = [
    "Skolan",
    "Förskolan",
    "Boendet",
    "Hemtjänsten",
    "Enheten",
    "Avdelningen",
    "Mottagningen",
    "Biblioteket",
    "Fritidsgården",
    "Kontoret",
    "Verkstaden",
    "Centrumet",
    "Stödet",
    "Gruppen",
    "Servicen",
]
PLACES = [
    "Ekbacken",
    "Björkdal",
    "Solhem",
    "Tallåsen",
    "Sjöviken",
    "Ängby",
    "Lindgården",
    "Granhöjden",
    "Älvsbacka",
    "Norrmalm",
    "Söderåsen",
    "Hagaberg",
    "Strandvik",
    "Furulund",
    "Rosendal",
    "Källbacken",
]
FIRST = [
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Eva",
    "Anders",
    "Sara",
    "Per",
    "Lena",
    "Mikael",
    "Emma",
    "Fredrik",
    "Sofia",
    "Jonas",
    "Ingrid",
    "Magnus",
    "Elin",
    "Åsa",
    "Björn",
    "Linnéa",
    "Örjan",
    "Malin",
    "Henrik",
    "Ida",
    "Nils",
    "Kerstin",
    "Ali",
    "Fatima",
]
LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Lindqvist",
    "Björk",
    "Öberg",
    "Lindström",
    "Axelsson",
    "Berg",
    "Sandberg",
    "Hassan",
    "Åberg",
    "Holm",
]
TITLES = [
    "Lärare",
    "Undersköterska",
    "Socialsekreterare",
    "Handläggare",
    "Enhetschef",
    "Bibliotekarie",
    "Fritidsledare",
    "Ingenjör",
    "Förskollärare",
    "Sjuksköterska",
]
THINGS = [
    "schemaläggningen",
    "matsvinnet i köket",
    "introduktionen av nyanställda",
    "bokningen av lokaler",
    "överlämningen mellan skift",
    "dokumentationen",
    "informationen till vårdnadshavare",
    "inköpen av förbrukningsmaterial",
    "felanmälan av fastigheter",
    "samordningen av hembesök",
    "lånet av utrustning",
    "kontakten med medborgarna",
    "sorteringen av avfall",
    "ärendehanteringen",
    "uppföljningen av avvikelser",
    "resorna mellan enheterna",
]
ACTIONS = [
    "Digital",
    "Gemensam",
    "Enklare",
    "Snabbare",
    "Tydligare",
    "Samlad",
    "Hållbarare",
    "Tryggare",
]
PROBLEMS = [
    "I dag tar {thing} för mycket tid och sker på olika sätt på varje enhet.",
    "Vi lägger flera timmar i veckan på {thing}, och mycket blir dubbelarbete.",
    "Medarbetare och brukare upplever att {thing} är krånglig och svår att följa.",
    "Det saknas en gemensam rutin för {thing}, så misstag upprepas.",
]
PROPOSALS = [
    "Vi föreslår en gemensam digital lista för {thing} som alla kan uppdatera.",
    "Testa en enkel checklista för {thing} under en termin och utvärdera den.",
    "Samla {thing} hos en person per enhet och dela erfarenheterna varje månad.",
    "Använd den befintliga appen för {thing} i stället för papper och e-post.",
]
BENEFITS = [
    "Mindre dubbelarbete och mer tid för kärnuppdraget.",
    "Färre fel och nöjdare brukare.",
    "Lägre kostnader och mindre miljöpåverkan.",
    "",
]
COMMENTS = [
    "Bra idé! Vi har samma problem hos oss.",
    "Har ni tänkt på hur det fungerar under semesterperioden?",
    "Vi testade något liknande förra året, hör gärna av dig.",
    "Det här skulle spara mycket tid för oss i hemtjänsten.",
    "Jag kan hjälpa till om ni vill testa det.",
    "Hur påverkar det här dokumentationskraven?",
]
REASONS = {
    Outcome.PARK: "Vi saknar resurser just nu och tittar på idén igen senare.",
    Outcome.DECLINE: "Idén ryms inte i budgeten och liknande arbete pågår redan.",
    Outcome.DO_NOW: "Enkel att genomföra direkt inom enheten.",
    Outcome.TEST: "Vi testar på en enhet under en termin innan vi bestämmer oss.",
    Outcome.EVALUATE: "Testet är genomfört och utvärderat mot framgångskriterierna.",
    Outcome.IMPLEMENT: "Testet föll väl ut; vi inför arbetssättet på enheten.",
    Outcome.STOP: "Testet gav inte den effekt vi hoppades på; vi avslutar här.",
    Outcome.COMPLETE: "Rutinen är överlämnad till linjen och används på enheten.",
}
# (stage, weight): most ideas wait, are assessed, parked or declined; some are tested and
# about one in six is implemented or being implemented.
STAGES = [
    (Stage.DRAFT, 3),
    (Stage.SUBMITTED, 24),
    (Stage.IN_ASSESSMENT, 16),
    (Stage.PARKED, 9),
    (Stage.DECLINED, 20),
    (Stage.TRIAL, 5),
    (Stage.EVALUATED, 2),
    (Stage.STOPPED, 4),
    (Stage.IMPLEMENTING, 6),
    (Stage.IMPLEMENTED, 11),
]
TESTED = [Outcome.TAKE, Outcome.TEST, Outcome.EVALUATE]
# The decisions that lead to each stage: one or more alternative sequences of outcomes, each
# step taken from process.TRANSITIONS (so from/to stages are always a legal move).
PATHS = {
    Stage.IN_ASSESSMENT: [[Outcome.TAKE]],
    Stage.PARKED: [[Outcome.TAKE, Outcome.PARK]],
    Stage.DECLINED: [[Outcome.TAKE, Outcome.DECLINE]],
    Stage.TRIAL: [[Outcome.TAKE, Outcome.TEST]],
    Stage.EVALUATED: [TESTED],
    Stage.STOPPED: [[*TESTED, Outcome.STOP]],
    Stage.IMPLEMENTING: [[Outcome.TAKE, Outcome.DO_NOW], [*TESTED, Outcome.IMPLEMENT]],
    Stage.IMPLEMENTED: [
        [Outcome.TAKE, Outcome.DO_NOW, Outcome.COMPLETE],
        [*TESTED, Outcome.IMPLEMENT, Outcome.COMPLETE],
    ],
}
# Decisions that carry a commitment (the resource gate) and start a trial or implementation.
COMMITTED = {Outcome.TEST, Outcome.DO_NOW, Outcome.IMPLEMENT}
THEMES = [
    "Digitalisering",
    "Hållbarhet",
    "Arbetsmiljö",
    "Kompetensförsörjning",
    "Bemötande och service",
    "Trygghet",
    "Folkhälsa",
    "Effektivare administration",
    "Delaktighet",
    "Klimat och energi",
]
CHALLENGES = [
    ("Hur minskar vi tiden för {thing}?", "Vi vill halvera tiden som läggs på {thing}."),
    ("Hur blir {thing} enklare för invånarna?", "Invånarna upplever {thing} som krångligt."),
    ("Hur kan {thing} bli mer hållbar?", "Vi behöver minska resursåtgången i {thing}."),
    ("Hur gör vi {thing} likadan på alla enheter?", "Arbetssätten skiljer sig mycket åt."),
    ("Hur frigör vi tid från {thing}?", "Kompetensförsörjningen kräver att tid frigörs."),
]
CHALLENGE_SHARE = 0.25
# Effects on implemented ideas: (kind, indicator, target range).
EFFECTS = [
    (Effect.Kind.HOURS_PER_YEAR, "", (20, 800)),
    (Effect.Kind.KRONOR_PER_YEAR, "", (5_000, 400_000)),
    (Effect.Kind.FTE_FREED, "", (1, 3)),
    (Effect.Kind.QUALITY, "Andel nöjda brukare (%)", (60, 95)),
]
RESTRICTED_SHARE = 0.08


def scale_run_exists():
    return User.objects.filter(email__endswith="@" + SCALE_DOMAIN).exists()


@contextlib.contextmanager
def explicit_timestamps(*models):
    """Let bulk_create keep the invented dates instead of auto_now(_add)'s "now"."""
    saved = []
    for model in models:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                saved.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class ScaleGenerator:
    def __init__(self, *, ideas, people=None, seed=0, out=print):
        self.n_ideas = ideas
        self.n_people = people or max(500, ideas // 7)
        self.rng = random.Random(seed)
        self.out = out
        self.now = timezone.now()
        self.counts = {}

    # -- units ------------------------------------------------------------------------------
    def build_units(self):
        existing = Unit.objects.filter(parent=None, name=ROOT_NAME).first()
        if existing:
            return list(Unit.objects.subtree_of(existing).filter(kind=Unit.Kind.UNIT))
        with transaction.atomic():
            root = Unit.objects.create(name=ROOT_NAME, kind=Unit.Kind.MUNICIPALITY)
            root.rebuild_path()
            departments = Unit.objects.bulk_create(
                Unit(name=name, kind=Unit.Kind.DEPARTMENT, parent=root) for name in DEPARTMENTS
            )
            for department in departments:
                department._place(f"{root.path}{department.pk}/")
            Unit.objects.bulk_update(departments, ["path", "depth", "department"])
            units = []
            for d_index, department in enumerate(departments):
                for u_index in range(15):
                    place = PLACES[(u_index + d_index) % len(PLACES)]
                    kind = UNIT_KINDS[(u_index + 3 * d_index) % len(UNIT_KINDS)]
                    units.append(Unit(name=f"{kind} {place} {u_index + 1}", parent=department))
            units = Unit.objects.bulk_create(units)
            by_id = {d.pk: d for d in departments}
            for unit in units:
                unit._place(f"{by_id[unit.parent_id].path}{unit.pk}/")
            Unit.objects.bulk_update(units, ["path", "depth", "department"])
        self.counts["enheter"] = 1 + len(departments) + len(units)
        self.out(f"enheter {self.counts['enheter']}")
        return units

    # -- people -----------------------------------------------------------------------------
    def build_people(self, units):
        start = User.objects.filter(email__endswith="@" + SCALE_DOMAIN).count()
        password = make_password(None)  # unusable: benchmark people never log in by password
        made = 0
        while made < self.n_people:
            size = min(BATCH, self.n_people - made)
            batch = []
            for i in range(start + made, start + made + size):
                name = normalize_text(f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}")
                email = f"person{i + 1}@{SCALE_DOMAIN}"
                batch.append(
                    User(
                        email=email,
                        name=name,
                        title=self.rng.choice(TITLES),
                        unit=units[i % len(units)],
                        password=password,
                        search_text=f"{name} {email}".casefold(),
                    )
                )
            with transaction.atomic():
                User.objects.bulk_create(batch)
            made += size
            self.out(progress("personer", made, self.n_people))
        people = list(
            User.objects.filter(email__endswith="@" + SCALE_DOMAIN).select_related("unit")
        )
        # One manager per unit that has none yet: the first person placed there.
        managed = set(
            RoleAssignment.objects.filter(
                unit__in=units, role=RoleAssignment.Role.MANAGER
            ).values_list("unit_id", flat=True)
        )
        roles = {}
        for person in people:
            if person.unit_id not in managed and person.unit_id not in roles:
                roles[person.unit_id] = RoleAssignment(
                    user=person, unit_id=person.unit_id, role=RoleAssignment.Role.MANAGER
                )
        RoleAssignment.objects.bulk_create(roles.values())
        self.counts["personer"] = self.n_people
        return people

    # -- ideas and what hangs on them -------------------------------------------------------
    def _idea(self, unit, author, stage):
        thing = self.rng.choice(THINGS)
        title = f"{self.rng.choice(ACTIONS)} hantering av {thing}"[:150]
        problem = self.rng.choice(PROBLEMS).format(thing=thing)
        proposal = self.rng.choice(PROPOSALS).format(thing=thing)
        benefit = self.rng.choice(BENEFITS)
        created = self.now - timedelta(days=self.rng.uniform(1, 1100))
        idea = Idea(
            title=title,
            problem=problem,
            proposal=proposal,
            benefit=benefit,
            owner_unit=unit,
            created_by=author,
            stage=stage,
            visibility=(
                Idea.Visibility.RESTRICTED
                if self.rng.random() < RESTRICTED_SHARE
                else Idea.Visibility.OPEN
            ),
            created_at=created,
            updated_at=created,
            submitted_at=None if stage == Stage.DRAFT else created,
            stage_changed_at=created,
        )
        idea.refresh_search_text()
        return idea

    def _decisions(self, idea, deciders):
        """The idea's decisions in order; moves stage_changed_at to the last one."""
        decisions = []
        at = idea.submitted_at
        stage = Stage.SUBMITTED
        for outcome in self.rng.choice(PATHS.get(idea.stage, [[]])):
            to_stage = TRANSITIONS[stage][outcome]
            entered = at
            # A trial runs for months; other steps take days to weeks.
            days = (
                self.rng.uniform(60, 200)
                if outcome == Outcome.EVALUATE
                else self.rng.uniform(3, 90)
            )
            at = min(self.now, at + timedelta(days=days))
            decisions.append(
                Decision(
                    idea=idea,
                    outcome=outcome,
                    from_stage=stage,
                    to_stage=to_stage,
                    decided_by=deciders.get(idea.owner_unit_id),
                    decided_at=at,
                    stage_entered_at=entered,
                    reason=REASONS.get(outcome, ""),
                    revisit_on=(
                        (at + timedelta(days=180)).date() if outcome == Outcome.PARK else None
                    ),
                )
            )
            stage = to_stage
        if decisions:
            idea.stage_changed_at = idea.updated_at = at
            if idea.stage == Stage.PARKED:
                idea.revisit_on = decisions[-1].revisit_on
        return decisions

    # -- themes, challenges and central roles ----------------------------------------------
    def build_catalogue(self, units, people):
        """Themes, five challenges per department, a coordinator and an innovation lead each.

        Idempotent for --append: existing themes, challenges and roles are reused.
        """
        themes = []
        for name in THEMES:
            theme, _ = Theme.objects.get_or_create(name=name)
            themes.append(theme)
        departments = sorted({unit.department_id for unit in units})
        challenges = {}
        for department_id in departments:
            mine = list(Challenge.objects.filter(owner_unit_id=department_id))
            if not mine:
                for index, (question, needs) in enumerate(CHALLENGES):
                    thing = THINGS[(index * 3 + department_id) % len(THINGS)]
                    challenge = Challenge(
                        title=question.format(thing=thing).rstrip("?"),
                        question=question.format(thing=thing),
                        needs=needs.format(thing=thing),
                        owner_unit_id=department_id,
                        step=self.rng.choice(Challenge.Step.values),
                        open_until=(
                            self.now + timedelta(days=self.rng.choice([-30, 60, 180]))
                        ).date(),
                    )
                    challenge.refresh_search_text()
                    mine.append(challenge)
                Challenge.objects.bulk_create(mine)
                Challenge.themes.through.objects.bulk_create(
                    Challenge.themes.through(challenge_id=c.pk, theme_id=self.rng.choice(themes).pk)
                    for c in mine
                )
            challenges[department_id] = mine
        # Central and department roles, given to people who hold no role yet.
        holders = set(RoleAssignment.objects.values_list("user_id", flat=True))
        free = [p for p in people if p.pk not in holders]
        roles = []
        root = Unit.objects.get(parent=None, name=ROOT_NAME)
        if (
            free
            and not RoleAssignment.objects.filter(
                unit=root, role=RoleAssignment.Role.COORDINATOR
            ).exists()
        ):
            roles.append(
                RoleAssignment(user=free.pop(0), unit=root, role=RoleAssignment.Role.COORDINATOR)
            )
        led = set(
            RoleAssignment.objects.filter(role=RoleAssignment.Role.INNOVATION_LEAD).values_list(
                "unit_id", flat=True
            )
        )
        for department_id in departments:
            if department_id in led:
                continue
            lead = next((p for p in free if p.unit.department_id == department_id), None)
            if lead is not None:
                free.remove(lead)
                roles.append(
                    RoleAssignment(
                        user=lead, unit_id=department_id, role=RoleAssignment.Role.INNOVATION_LEAD
                    )
                )
        RoleAssignment.objects.bulk_create(roles)
        self.counts["teman"] = len(themes)
        self.counts["utmaningar"] = sum(len(c) for c in challenges.values())
        return themes, challenges

    # -- trials, implementations, effects and the timeline ----------------------------------
    def _consequences(self, idea, decisions, owner, rows):
        """What the idea's decisions started, appended to `rows` (lists per model).

        A test decision starts a trial, "do now" and "implement" an implementation, each with
        the commitment the resource gate asks for; "complete" hands the implementation over.
        Implemented ideas (and ideas being implemented) carry effects, measured once done.
        """
        outcomes = [d.outcome for d in decisions]
        implementation = None
        for index, decision in enumerate(decisions):
            later = outcomes[index + 1 :]
            day = decision.decided_at.date()
            if decision.outcome in COMMITTED:
                until = day + timedelta(days=self.rng.choice([90, 120, 180]))
                rows["commitments"].append(
                    Commitment(
                        decision=decision,
                        receiving_unit_id=idea.owner_unit_id,
                        owner=owner,
                        hours=self.rng.choice([None, 20, 40, 80, 160]),
                        kronor=self.rng.choice([None, 10_000, 50_000, 120_000]),
                        until=until,
                        success_criteria="Tiden minskar med minst en fjärdedel.\n"
                        "Medarbetarna vill fortsätta arbeta så.",
                    )
                )
            if decision.outcome == Outcome.TEST:
                evaluation = next(
                    (d for d in decisions[index + 1 :] if d.outcome == Outcome.EVALUATE), None
                )
                rows["trials"].append(
                    Trial(
                        idea=idea,
                        decision=decision,
                        owner=owner,
                        status=Trial.Status.EVALUATED if evaluation else Trial.Status.RUNNING,
                        hypothesis=f"Om vi ändrar {idea.title.lower()} sparar vi tid varje vecka.",
                        plan="Testa på en enhet under en termin och mät tiden före och efter.",
                        starts_on=day,
                        ends_on=until,
                        summary=evaluation.reason if evaluation else "",
                        lessons=(
                            "Förankra tidigt hos alla som berörs; mät från första veckan."
                            if evaluation
                            else ""
                        ),
                        evaluated_at=evaluation.decided_at if evaluation else None,
                        evaluated_by=evaluation.decided_by if evaluation else None,
                        created_at=decision.decided_at,
                        updated_at=evaluation.decided_at if evaluation else decision.decided_at,
                    )
                )
            if decision.outcome in (Outcome.DO_NOW, Outcome.IMPLEMENT):
                done = Outcome.COMPLETE in later
                implementation = Implementation(
                    idea=idea,
                    decision=decision,
                    owner=owner,
                    receiving_unit_id=idea.owner_unit_id,
                    plan=decision.reason,
                    starts_on=day,
                    ends_on=until,
                    status=(
                        Implementation.Status.HANDED_OVER if done else Implementation.Status.ACTIVE
                    ),
                    created_at=decision.decided_at,
                    updated_at=decision.decided_at,
                )
                rows["implementations"].append(implementation)
            if decision.outcome == Outcome.COMPLETE and implementation is not None:
                rows["handovers"].append(
                    Handover(
                        implementation=implementation,
                        line_owner=owner,
                        line_unit_id=idea.owner_unit_id,
                        runs_from=day,
                        note=decision.reason,
                        created_by=decision.decided_by,
                        created_at=decision.decided_at,
                    )
                )
        if idea.stage in (Stage.IMPLEMENTING, Stage.IMPLEMENTED):
            for kind, indicator, (low, high) in self.rng.sample(
                EFFECTS, self.rng.choice([1, 1, 2])
            ):
                effect = Effect(
                    subject_type=self.idea_type,
                    subject_id=idea.pk,
                    unit_id=idea.owner_unit_id,
                    department_id=idea.owner_unit.department_id,
                    kind=kind,
                    description=f"Förväntad nytta av {idea.title.lower()}.",
                    indicator=indicator,
                    baseline=0 if kind != Effect.Kind.QUALITY else low,
                    target=self.rng.randint(low, high),
                    created_by=owner,
                    created_at=idea.stage_changed_at,
                )
                rows["effects"].append(effect)
                if idea.stage == Stage.IMPLEMENTED:
                    rows["measured"].append(effect)

    def _measurements(self, effects):
        measurements = []
        for effect in effects:
            for step in range(self.rng.choice([1, 2])):
                measured = effect.created_at + timedelta(days=60 * (step + 1))
                if measured > self.now:
                    break
                share = self.rng.uniform(0.4, 1.2)
                value = effect.baseline + (effect.target - effect.baseline) * share
                measurements.append(
                    Measurement(
                        effect=effect,
                        value=round(value, 1),
                        measured_on=measured.date(),
                        note="Mätt av enheten.",
                        recorded_by=effect.created_by,
                        created_at=measured,
                    )
                )
        return measurements

    def _events(self, idea, author, decisions, comments, supports, rows):
        """The timeline the actions would have written (no notifications)."""
        idea_type = self.idea_type
        events = rows["events"]

        def add(actor, verb, at, subject_type=idea_type, subject_id=idea.pk, **data):
            events.append(
                Event(
                    actor=actor,
                    verb=verb,
                    subject_type=subject_type,
                    subject_id=subject_id,
                    data=data,
                    created_at=at,
                )
            )

        add(author, Event.Verb.CREATED, idea.created_at, title=idea.title)
        if idea.submitted_at:
            add(author, Event.Verb.SUBMITTED, idea.submitted_at)
        for decision in decisions:
            add(
                decision.decided_by,
                Event.Verb.DECIDED,
                decision.decided_at,
                decision_id=decision.pk,
                outcome=str(decision.outcome),
                from_stage=str(decision.from_stage),
                to_stage=str(decision.to_stage),
                reason=decision.reason,
            )
        for comment in comments:
            add(comment.author, Event.Verb.COMMENTED, comment.created_at, comment_id=comment.pk)
        for support in supports:
            add(support.user, Event.Verb.SUPPORTED, support.created_at)

    def build_ideas(self, units, people, themes, challenges):
        self.idea_type = ContentType.objects.get_for_model(Idea)
        trial_type = ContentType.objects.get_for_model(Trial)
        implementation_type = ContentType.objects.get_for_model(Implementation)
        deciders = dict(
            RoleAssignment.objects.filter(
                unit__in=units, role=RoleAssignment.Role.MANAGER
            ).values_list("unit_id", "user_id")
        )
        deciders = {unit_id: User(pk=user_id) for unit_id, user_id in deciders.items()}
        by_unit = {}
        for person in people:
            by_unit.setdefault(person.unit_id, []).append(person)
        stages = [s for s, _ in STAGES]
        weights = [w for _, w in STAGES]
        Submitter = Idea.submitters.through
        IdeaTheme = Idea.themes.through
        totals = dict.fromkeys(
            [
                "idéer",
                "beslut",
                "kommentarer",
                "stöd",
                "tester",
                "införanden",
                "effekter",
                "mätningar",
                "händelser",
            ],
            0,
        )
        made = 0
        while made < self.n_ideas:
            size = min(BATCH, self.n_ideas - made)
            ideas, plans = [], []
            for _ in range(size):
                unit = self.rng.choice(units)
                local = by_unit.get(unit.pk) or people
                author = self.rng.choice(local)
                stage = self.rng.choices(stages, weights)[0]
                idea = self._idea(unit, author, stage)
                if self.rng.random() < CHALLENGE_SHARE:
                    idea.challenge = self.rng.choice(challenges[unit.department_id])
                decisions = self._decisions(idea, deciders)
                if stage == Stage.DRAFT:
                    supporters, commenters = [], []
                else:
                    # Supporters mostly from the same unit, some from anywhere.
                    pool = local + self.rng.sample(people, min(10, len(people)))
                    supporters = self.rng.sample(
                        pool, min(len(pool), int(self.rng.expovariate(1 / 4)))
                    )
                    commenters = [
                        self.rng.choice(pool) for _ in range(int(self.rng.expovariate(1 / 2.5)))
                    ]
                supporters = list({p.pk: p for p in supporters}.values())
                idea.support_count = len(supporters)
                idea.comment_count = len(commenters)
                ideas.append(idea)
                idea_themes = self.rng.sample(themes, self.rng.choice([0, 1, 1, 2]))
                plans.append((author, decisions, supporters, commenters, idea_themes))
            rows = {
                key: []
                for key in [
                    "submitters",
                    "follows",
                    "decisions",
                    "comments",
                    "supports",
                    "themes",
                    "commitments",
                    "trials",
                    "implementations",
                    "handovers",
                    "effects",
                    "measured",
                    "events",
                ]
            }
            with (
                transaction.atomic(),
                explicit_timestamps(
                    Idea,
                    Decision,
                    Comment,
                    Support,
                    Follow,
                    Trial,
                    Implementation,
                    Handover,
                    Effect,
                    Measurement,
                    Event,
                ),
            ):
                Idea.objects.bulk_create(ideas)
                per_idea = []
                for idea, (author, idea_decisions, supporters, commenters, idea_themes) in zip(
                    ideas, plans, strict=True
                ):
                    rows["submitters"].append(Submitter(idea_id=idea.pk, user_id=author.pk))
                    rows["follows"].append(
                        Follow(idea=idea, user=author, created_at=idea.created_at)
                    )
                    rows["themes"].extend(
                        IdeaTheme(idea_id=idea.pk, theme_id=theme.pk) for theme in idea_themes
                    )
                    for decision in idea_decisions:
                        decision.idea = idea
                        rows["decisions"].append(decision)
                    start = idea.submitted_at or idea.created_at
                    span = max(1.0, (self.now - start).total_seconds())
                    supports = [
                        Support(
                            idea=idea,
                            user=person,
                            created_at=start + timedelta(seconds=self.rng.uniform(0, span)),
                        )
                        for person in supporters
                    ]
                    comments = [
                        Comment(
                            idea=idea,
                            author=person,
                            body=self.rng.choice(COMMENTS),
                            created_at=start + timedelta(seconds=self.rng.uniform(0, span)),
                        )
                        for person in commenters
                    ]
                    rows["supports"].extend(supports)
                    rows["comments"].extend(comments)
                    per_idea.append((idea, author, idea_decisions, comments, supports))
                Submitter.objects.bulk_create(rows["submitters"])
                Follow.objects.bulk_create(rows["follows"])
                IdeaTheme.objects.bulk_create(rows["themes"])
                Decision.objects.bulk_create(rows["decisions"])
                Comment.objects.bulk_create(rows["comments"])
                Support.objects.bulk_create(rows["supports"])
                for idea, author, idea_decisions, comments, supports in per_idea:
                    owner = deciders.get(idea.owner_unit_id) or author
                    self._consequences(idea, idea_decisions, owner, rows)
                    self._events(idea, author, idea_decisions, comments, supports, rows)
                Commitment.objects.bulk_create(rows["commitments"])
                Trial.objects.bulk_create(rows["trials"])
                Implementation.objects.bulk_create(rows["implementations"])
                for handover in rows["handovers"]:
                    handover.implementation_id = handover.implementation.pk
                Handover.objects.bulk_create(rows["handovers"])
                Effect.objects.bulk_create(rows["effects"])
                measurements = self._measurements(rows["measured"])
                Measurement.objects.bulk_create(measurements)
                for kind, items in (
                    (trial_type, rows["trials"]),
                    (implementation_type, rows["implementations"]),
                ):
                    for item in items:
                        rows["events"].append(
                            Event(
                                actor=item.owner,
                                verb=Event.Verb.CREATED,
                                subject_type=kind,
                                subject_id=item.pk,
                                data={"change": "started", "owner": "", "unit": ""},
                                created_at=item.created_at,
                            )
                        )
                Event.objects.bulk_create(rows["events"], batch_size=BATCH)
            made += size
            for key, name in [
                ("decisions", "beslut"),
                ("comments", "kommentarer"),
                ("supports", "stöd"),
                ("trials", "tester"),
                ("implementations", "införanden"),
                ("effects", "effekter"),
                ("events", "händelser"),
            ]:
                totals[name] += len(rows[key])
            totals["idéer"] += size
            totals["mätningar"] += len(measurements)
            self.out(progress("idéer", made, self.n_ideas))
        self.counts.update(totals)

    def build(self):
        units = self.build_units()
        people = self.build_people(units)
        themes, challenges = self.build_catalogue(units, people)
        self.build_ideas(units, people, themes, challenges)
        return self.counts


def progress(what, done, total, width=30):
    """A one-line progress bar: "idéer  [#########.....]  30 %  30000/100000"."""
    filled = round(width * done / total) if total else width
    percent = round(100 * done / total) if total else 100
    return f"{what} [{'#' * filled}{'.' * (width - filled)}] {percent:3d} % {done}/{total}"
