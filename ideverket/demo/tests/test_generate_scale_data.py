"""manage.py generate_scale_data: a large municipality by bulk inserts, invariants kept."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.urls import reverse

from ideverket.activity.models import Event
from ideverket.challenges.models import Challenge
from ideverket.demo.scale import ROOT_NAME, SCALE_DOMAIN
from ideverket.effects.models import Effect, Measurement
from ideverket.ideas.models import Comment, Decision, Idea, Support
from ideverket.ideas.process import TRANSITIONS, Outcome, Stage
from ideverket.implementation.models import Handover, Implementation
from ideverket.lib.text import search_key
from ideverket.org.models import RoleAssignment, Unit, User
from ideverket.trials.models import Trial

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    out = StringIO()
    call_command("generate_scale_data", "--ideas", "300", "--seed", "7", stdout=out)
    return out.getvalue()


def test_counts_and_progress(generated):
    assert "idéer [" + "#" * 30 + "] 100 % 300/300" in generated
    root = Unit.objects.get(name=ROOT_NAME, parent=None)
    assert Unit.objects.subtree_of(root).departments().count() == 8
    assert Unit.objects.subtree_of(root).count() == 1 + 8 + 8 * 15
    assert User.objects.filter(email__endswith="@" + SCALE_DOMAIN).count() == 500
    assert Idea.objects.filter(owner_unit__path__startswith=root.path).count() == 300
    stages = set(Idea.objects.values_list("stage", flat=True))
    assert {
        Stage.SUBMITTED,
        Stage.IN_ASSESSMENT,
        Stage.DECLINED,
        Stage.TRIAL,
        Stage.IMPLEMENTING,
        Stage.IMPLEMENTED,
    } <= stages
    assert Idea.objects.filter(visibility=Idea.Visibility.RESTRICTED).exists()
    assert Comment.objects.exists() and Support.objects.exists()


def test_units_have_paths_and_departments(generated):
    for unit in Unit.objects.filter(path__startswith=Unit.objects.get(name=ROOT_NAME).path):
        parent_path = unit.parent.path if unit.parent_id else "/"
        assert unit.path == f"{parent_path}{unit.pk}/"
        assert unit.department_id == Unit.department_id_of_path(unit.path)


def test_counters_and_search_text_match(generated):
    ideas = Idea.objects.annotate(
        real_supports=Count("supports", distinct=True),
        real_comments=Count("comments", distinct=True),
    )
    for idea in ideas:
        assert idea.support_count == idea.real_supports
        assert idea.comment_count == idea.real_comments
        assert idea.search_text
        expected = search_key(" ".join([idea.title, idea.problem, idea.proposal, idea.benefit]))
        assert idea.search_text == expected
        assert idea.submitters.count() == 1


def test_decisions_follow_the_process(generated):
    decisions = Decision.objects.select_related("idea")
    assert decisions.exists()
    for decision in decisions:
        assert TRANSITIONS[decision.from_stage][decision.outcome] == decision.to_stage
        assert decision.stage_entered_at is not None
        assert decision.stage_entered_at <= decision.decided_at
    last = Decision.objects.filter(idea__stage=Stage.PARKED).order_by("idea", "-decided_at")
    for decision in last[:20]:
        assert decision.idea.stage_changed_at >= decision.decided_at


def test_generated_employee_sees_ideas_and_the_list(generated, client):
    person = User.objects.filter(email__endswith="@" + SCALE_DOMAIN, roles=None).first()
    visible = Idea.objects.visible_to(person)
    assert visible.exists()
    restricted_elsewhere = Idea.objects.filter(visibility=Idea.Visibility.RESTRICTED).exclude(
        owner_unit__path__startswith=person.unit.path
    )
    assert not visible.filter(pk__in=restricted_elsewhere).exclude(submitters=person).exists()
    client.force_login(person)
    response = client.get(reverse("ideas:list"))
    assert response.status_code == 200


def test_refuses_a_second_run_unless_appending(generated):
    with pytest.raises(CommandError):
        call_command("generate_scale_data", "--ideas", "10", stdout=StringIO())
    call_command(
        "generate_scale_data", "--ideas", "10", "--people", "5", "--append", stdout=StringIO()
    )
    assert Idea.objects.count() == 310
    assert User.objects.filter(email__endswith="@" + SCALE_DOMAIN).count() == 505
    assert Unit.objects.filter(name=ROOT_NAME).count() == 1


def test_trials_implementations_and_effects_follow_the_decisions(generated):
    for trial in Trial.objects.select_related("decision", "idea"):
        assert trial.decision.outcome == Outcome.TEST
        assert trial.decision.commitment.owner_id == trial.owner_id
        evaluated = trial.idea.decisions.filter(outcome=Outcome.EVALUATE).exists()
        assert (trial.status == Trial.Status.EVALUATED) == evaluated
    assert Trial.objects.filter(status=Trial.Status.RUNNING).exists()
    for implementation in Implementation.objects.select_related("decision", "idea"):
        assert implementation.decision.outcome in (Outcome.DO_NOW, Outcome.IMPLEMENT)
        handed_over = implementation.status == Implementation.Status.HANDED_OVER
        assert handed_over == (implementation.idea.stage == Stage.IMPLEMENTED)
        assert handed_over == Handover.objects.filter(implementation=implementation).exists()
    running = Idea.objects.filter(stage__in=[Stage.TRIAL, Stage.IMPLEMENTING])
    assert running.exists()
    assert not running.filter(trials=None, implementations=None).exists()
    idea_type = ContentType.objects.get_for_model(Idea)
    effects = Effect.objects.filter(subject_type=idea_type)
    assert effects.exists() and Measurement.objects.exists()
    effect_ideas = Idea.objects.filter(pk__in=effects.values("subject_id"))
    assert set(effect_ideas.values_list("stage", flat=True)) <= {
        Stage.IMPLEMENTING,
        Stage.IMPLEMENTED,
    }
    for effect in effects.select_related("unit")[:50]:
        assert effect.department_id == effect.unit.department_id


def test_timeline_matches_what_happened(generated):
    idea_type = ContentType.objects.get_for_model(Idea)
    for idea in Idea.objects.annotate(decision_count=Count("decisions"))[:60]:
        verbs = list(
            Event.objects.filter(subject_type=idea_type, subject_id=idea.pk).values_list(
                "verb", flat=True
            )
        )
        assert verbs.count(Event.Verb.CREATED) == 1
        assert verbs.count(Event.Verb.SUBMITTED) == (0 if idea.stage == Stage.DRAFT else 1)
        assert verbs.count(Event.Verb.DECIDED) == idea.decision_count
        assert verbs.count(Event.Verb.COMMENTED) == idea.comment_count
        assert verbs.count(Event.Verb.SUPPORTED) == idea.support_count


def test_roles_themes_and_challenges(generated):
    root = Unit.objects.get(name=ROOT_NAME, parent=None)
    assert (
        RoleAssignment.objects.filter(unit=root, role=RoleAssignment.Role.COORDINATOR).count() == 1
    )
    leads = RoleAssignment.objects.filter(role=RoleAssignment.Role.INNOVATION_LEAD)
    assert leads.count() == 8
    assert Challenge.objects.count() == 40
    assert Idea.objects.exclude(challenge=None).exists()
    assert Idea.objects.exclude(themes=None).exists()
    for idea in Idea.objects.exclude(challenge=None).select_related("challenge", "owner_unit")[:30]:
        assert idea.challenge.owner_unit_id == idea.owner_unit.department_id
