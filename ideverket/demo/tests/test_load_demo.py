"""manage.py load_demo: a whole municipality through the real actions, and nothing twice."""

from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from ideverket.activity.models import Notification
from ideverket.challenges.models import Challenge
from ideverket.demo import data
from ideverket.demo.logins import email_for
from ideverket.ideas.models import Comment, Decision, Follow, Idea, Support
from ideverket.ideas.process import Outcome, Stage
from ideverket.org.models import RoleAssignment, Unit, User


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db(transaction=False)
def test_load_demo_builds_a_municipality_once():
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()

    # The organisation and its people, every role present.
    root = Unit.objects.get(parent__isnull=True, name=data.ROOT_NAME)
    assert Unit.objects.subtree_of(root).departments().count() == 5
    assert Unit.objects.filter(is_support_function=True).count() == 4
    assert User.objects.count() >= 45
    assert set(RoleAssignment.objects.values_list("role", flat=True)) == set(
        RoleAssignment.Role.values
    )
    assert User.objects.get(email="asa.oberg@exempelkommun.se").name == "Åsa Öberg"
    assert User.objects.get(email=email_for("Jörgen Ärlig")).check_password(data.PASSWORD)

    # Challenges, some closed and most open.
    assert 8 <= Challenge.objects.count() <= 10
    assert Challenge.objects.closed().exists() and Challenge.objects.open().count() >= 6

    # Ideas in every stage of the process, some restricted, some on challenges.
    assert Idea.objects.count() >= 90
    assert set(Idea.objects.values_list("stage", flat=True)) == set(Stage.values)
    assert Idea.objects.filter(visibility=Idea.Visibility.RESTRICTED).exists()
    assert Idea.objects.filter(challenge__isnull=False).count() >= 20
    # The gate: every test and implementation decision carries a commitment.
    gated = Decision.objects.filter(
        outcome__in=[Outcome.TEST, Outcome.TEST_AGAIN, Outcome.IMPLEMENT]
    )
    assert gated.count() >= 20
    assert not gated.filter(commitment__isnull=True).exists()
    assert (
        Decision.objects.filter(outcome=Outcome.MERGE).count()
        == Idea.objects.filter(stage=Stage.MERGED, merged_into__isnull=False).count()
    )
    assert not Idea.objects.filter(
        stage=Stage.PARKED, revisit_on__lte=timezone.localdate()
    ).exists()
    assert Comment.objects.count() >= 100
    assert Support.objects.count() >= 300 and Follow.objects.exists()
    # A backdated, consistent history: nothing decided before it was submitted.
    assert Idea.objects.filter(created_at__lt=timezone.now() - timedelta(days=365)).exists()
    assert not Decision.objects.filter(decided_at__lt=F("idea__submitted_at")).exists()
    # The persona with ideas has decisions and unread notifications waiting.
    erik = User.objects.get(email="erik.andersson@exempelkommun.se")
    assert Decision.objects.filter(idea__submitters=erik).exists()
    assert Notification.objects.filter(recipient=erik, read_at__isnull=True).exists()

    # The logins are printed.
    assert "karin.lindqvist@exempelkommun.se" in printed and data.PASSWORD in printed

    # A second run adds nothing and still prints the logins.
    before = row_counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert row_counts() == before
    assert "finns redan" in out.getvalue()
    assert "asa.oberg@exempelkommun.se" in out.getvalue()
