"""A small municipality's innovation history for the insights tests, built through the actions.

Education (Utbildningsförvaltningen) has an open idea in every stage, trials that ended in
"implement" and "test again", a themed idea with effects linked to a goal, and an idea from
last year. Social (Socialförvaltningen) has a *restricted* idea that went through a trial to
implementation, with an effect and comments of its own: the education lead may not see it,
the coordinator may.
"""

import datetime
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from ideverket.challenges.models import Theme
from ideverket.effects.tests.builders import hours_effect, measure
from ideverket.goals.actions import do_create_goal, do_link_goal
from ideverket.goals.models import Goal, Period
from ideverket.ideas import actions
from ideverket.ideas.models import Decision, Idea
from ideverket.ideas.process import Outcome, Stage
from ideverket.ideas.tests.builders import decision_kwargs, ideas_in_every_stage, new_idea


def current_year():
    """This year, read when the test runs (not when this module is imported)."""
    return timezone.localdate().year


def last_year_moment():
    """Mid-June last year: inside last year's period whatever the time zone."""
    return timezone.make_aware(datetime.datetime(current_year() - 1, 6, 15, 12))


def walk(cast, idea, outcomes, deciders):
    """Decide `outcomes` on `idea` in turn, the `deciders` (cast keys) taking turns."""
    for step, outcome in enumerate(outcomes):
        decider = cast.fresh(deciders[step % len(deciders)])
        actions.do_decide(
            decider, idea, outcome, seen_stage=idea.stage, **decision_kwargs(cast, idea, outcome)
        )
        idea.refresh_from_db()
    return idea


def theme(name="Digitalisering"):
    return Theme.objects.get_or_create(name=name)[0]


def goals(cast):
    """This year's period with a council goal and a committee goal below it."""
    year = current_year()
    period = Period.for_year(year)
    Period.for_year(year - 1)
    council = Goal.objects.filter(period=period, reference="KF1").first()
    if council is None:
        coordinator = cast.fresh("coordinator")
        council = do_create_goal(
            coordinator,
            period=period,
            level=Goal.Level.COUNCIL,
            reference="KF1",
            title="En effektiv kommun",
            owner_unit=cast.kommun,
        )
        do_create_goal(
            coordinator,
            period=period,
            parent=council,
            level=Goal.Level.COMMITTEE,
            reference="UN1",
            title="Mer tid för undervisning",
            owner_unit=cast.education,
        )
    return period, council, Goal.objects.get(period=period, reference="UN1")


def build(cast, rounds=1):
    """The data set, `rounds` times over (the query-count tests grow it)."""
    digital = theme()
    _period, _council, committee_goal = goals(cast)
    for _round in range(rounds):
        stages = ideas_in_every_stage(cast)
        themed = stages[Stage.TRIAL]
        themed.themes.add(digital)

        implemented = walk(
            cast,
            new_idea(cast, title="Schemat i appen"),
            [Outcome.TAKE, Outcome.TEST, Outcome.EVALUATE, Outcome.IMPLEMENT],
            ("lead", "coordinator"),
        )
        walk(
            cast,
            new_idea(cast, title="Läxhjälp på nätet"),
            [Outcome.TAKE, Outcome.TEST, Outcome.EVALUATE, Outcome.TEST_AGAIN],
            ("lead", "coordinator"),
        )
        hidden = walk(
            cast,
            new_idea(
                cast,
                user=cast.outsider,
                title="Nyckelfri hemtjänst",
                owner_unit=cast.homecare,
                visibility=Idea.Visibility.RESTRICTED,
            ),
            [Outcome.TAKE, Outcome.TEST, Outcome.EVALUATE, Outcome.IMPLEMENT],
            ("social_lead", "coordinator"),
        )
        old = walk(
            cast,
            new_idea(cast, title="Gammal idé"),
            [Outcome.TAKE, Outcome.TEST],
            ("lead", "coordinator"),
        )
        last_year = last_year_moment()
        Idea.objects.filter(pk=old.pk).update(submitted_at=last_year)
        Decision.objects.filter(idea=old).update(decided_at=last_year, stage_entered_at=last_year)
        # Lead times of whole days: each decision came 3 days (restricted idea: 40) after entry.
        Decision.objects.filter(idea__in=[implemented, themed]).update(
            stage_entered_at=F("decided_at") - datetime.timedelta(days=3)
        )
        Decision.objects.filter(idea=hidden).update(
            stage_entered_at=F("decided_at") - datetime.timedelta(days=40)
        )

        actions.do_comment(cast.fresh("colleague"), themed, "Bra idé!")
        actions.do_support(cast.fresh("hr_person"), themed)
        actions.do_comment(cast.fresh("outsider"), hidden, "Vi testar gärna.")

        effect = hours_effect(cast, themed)
        measure(cast, effect, "1300")
        hours_effect(
            cast,
            implemented,
            kind="kronor_per_year",
            baseline=None,
            target=Decimal("50000"),
        )
        hidden_effect = hours_effect(cast, hidden, user=cast.fresh("social_lead"))
        measure(cast, hidden_effect, "1100", user=cast.fresh("social_lead"))
        do_link_goal(cast.fresh("lead"), themed, committee_goal)
    return digital
