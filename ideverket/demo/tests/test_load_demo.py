"""manage.py load_demo: a whole municipality through the real actions, and nothing twice."""

from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from ideverket.activity.models import Event, Notification
from ideverket.challenges.models import Challenge
from ideverket.demo import data
from ideverket.demo.logins import email_for
from ideverket.effects.models import Effect, Measurement
from ideverket.ideas.models import Comment, Decision, Follow, Idea, Support
from ideverket.ideas.process import Outcome, Stage
from ideverket.implementation.models import FollowUp, Handover, Implementation, Milestone
from ideverket.lessons.models import Lesson
from ideverket.org.models import RoleAssignment, Unit, User
from ideverket.projects.models import (
    GateDecision,
    JoinRequest,
    Project,
    ProjectMilestone,
    ProjectUnit,
    StatusReport,
)
from ideverket.trials.models import Criterion, Trial, TrialUpdate


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

    # Trials: in every status, each with a plan, updates of every health, results per criterion.
    assert set(Trial.objects.values_list("status", flat=True)) == set(Trial.Status.values)
    assert Trial.objects.count() >= 30
    assert not Trial.objects.filter(hypothesis="").exists()
    assert not Trial.objects.filter(plan="").exists()
    assert not Trial.objects.filter(participants="").exists()
    assert set(TrialUpdate.objects.values_list("health", flat=True)) == set(
        TrialUpdate.Health.values
    )
    assert Trial.objects.filter(status=Trial.Status.RUNNING, updates__isnull=False).exists()
    evaluated = Criterion.objects.filter(trial__status=Trial.Status.EVALUATED)
    assert evaluated.count() >= 40 and not evaluated.filter(result="").exists()
    assert {Criterion.Result.MET, Criterion.Result.PARTLY, Criterion.Result.NOT_MET} <= set(
        evaluated.values_list("result", flat=True)
    )
    assert not Trial.objects.filter(status=Trial.Status.EVALUATED, lessons="").exists()
    # Every idea that was tested has its trial; every stopped one kept its lessons.
    tested = Decision.objects.filter(outcome__in=[Outcome.TEST, Outcome.TEST_AGAIN])
    assert Trial.objects.count() == tested.count()
    for idea in Idea.objects.filter(stage=Stage.STOPPED):
        assert Lesson.objects.for_subject(idea).filter(outcome=Lesson.Outcome.DID_NOT_WORK).exists()

    # Implementations: every one with 2–4 milestones, some under way, some handed over.
    implementations = Implementation.objects.with_progress()
    assert implementations.count() >= 25
    assert not implementations.filter(milestone_count__lt=2).exists()
    assert not implementations.filter(milestone_count__gt=4).exists()
    progress = set(Milestone.objects.values_list("progress", flat=True))
    assert 0 in progress and 100 in progress and any(0 < p < 100 for p in progress)
    assert Implementation.objects.filter(status=Implementation.Status.ACTIVE).count() >= 5
    # Handovers to the line, each with its follow-up dates, some already followed up.
    assert Handover.objects.count() >= 3
    assert not Handover.objects.filter(follow_ups__isnull=True).exists()
    assert FollowUp.objects.filter(done_on__isnull=False).count() >= 5
    assert FollowUp.objects.filter(done_on__isnull=True, due_on__gt=timezone.localdate()).exists()

    # Effects of every kind, expected and realised, on ideas, trials and projects.
    assert set(Effect.objects.values_list("kind", flat=True)) == set(Effect.Kind.values)
    assert {"idea", "trial", "project"} <= set(
        Effect.objects.values_list("subject_type__model", flat=True)
    )
    assert Measurement.objects.count() >= 30
    realised = Effect.objects.with_latest().filter(latest_on__isnull=False)
    implemented = Idea.objects.filter(stage__in=[Stage.IMPLEMENTED, Stage.SPREAD])
    assert realised.filter(subject_id__in=implemented, subject_type__model="idea").count() >= 15
    # The sums per department have something to show in every department.
    departments = {
        row["department"]
        for row in Effect.objects.sums_by("department", "kind")
        if row["realised"] is not None
    }
    assert len(departments) == 5

    # Lessons across the municipality, some that worked, some from stopped trials.
    assert Lesson.objects.count() >= 10
    assert set(Lesson.objects.values_list("outcome", flat=True)) == set(Lesson.Outcome.values)
    assert Lesson.objects.order_by().values("department").distinct().count() == 5
    assert Lesson.objects.filter(search_text__contains="schema").exists()

    # Two cross-department projects with support functions as partners.
    assert Project.objects.count() == 2
    for project in Project.objects.all():
        partners = ProjectUnit.objects.filter(
            project=project,
            is_partner=True,
            status=ProjectUnit.Status.ACCEPTED,
            unit__is_support_function=True,
        )
        assert partners.exists(), project
        assert ProjectUnit.objects.filter(
            project=project, is_partner=False, status=ProjectUnit.Status.ACCEPTED
        ).exists()
        assert project.memberships.count() >= 4
        assert project.ideas.exists() and project.challenges.exists()
        assert ProjectMilestone.objects.filter(project=project).count() >= 3
        reports = StatusReport.objects.filter(project=project)
        assert {"green", "yellow"} <= set(reports.values_list("health", flat=True))
        go = GateDecision.objects.filter(project=project, outcome=GateDecision.Outcome.GO)
        assert go.exists() and not go.filter(receiving_unit__isnull=True).exists()
    assert Project.objects.looking_for_partners().exists()
    assert JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).exists()
    assert not Project.objects.flagged().exists()

    # Nothing forgotten: an ownerless trial and items whose committed period has run out.
    assert Trial.objects.flagged().filter(owner__is_active=False).exists()
    assert Trial.objects.flagged().filter(ends_on__lt=timezone.localdate()).exists()
    assert Implementation.objects.flagged().exists()
    assert User.objects.filter(is_active=False).count() == 1
    # Nothing is dated after the moment the demo was loaded.
    assert not Event.objects.filter(created_at__gt=timezone.now()).exists()

    # The logins are printed.
    assert "karin.lindqvist@exempelkommun.se" in printed and data.PASSWORD in printed

    # A second run adds nothing and still prints the logins.
    before = row_counts()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert row_counts() == before
    assert "finns redan" in out.getvalue()
    assert "asa.oberg@exempelkommun.se" in out.getvalue()


@pytest.mark.django_db(transaction=False)
def test_load_demo_training():
    """Courses with held and coming sessions: coverage is non-trivial, one coming session is
    full with a waiting list of two, and Erik Andersson is signed up to a coming session."""
    from ideverket.training.coverage import build_coverage
    from ideverket.training.models import Course, Enrollment, Session

    call_command("load_demo", stdout=StringIO())
    assert Course.objects.count() == 4
    assert Course.objects.filter(is_published=False).count() == 1
    now = timezone.now()
    sessions = list(Session.objects.with_counts())
    held = [s for s in sessions if s.ends_at < now]
    coming = [s for s in sessions if s.starts_at > now]
    assert len(held) >= 3 and len(coming) >= 3
    assert Enrollment.objects.filter(session__in=held, completed=True).exists()
    full = [s for s in coming if s.confirmed_count == s.capacity]
    assert len(full) == 1 and full[0].waiting_count == 2
    erik = User.objects.get(email="erik.andersson@exempelkommun.se")
    assert (
        Enrollment.objects.filter(
            person=erik, status="confirmed", session__starts_at__gt=now
        ).count()
        == 1
    )
    # About half of the managers have completed the management course.
    _departments, rows = build_coverage()
    leadership = next(r for r in rows if r.course.title == "Innovationsledning för chefer")
    assert 0.35 <= leadership.total.completed / leadership.total.total <= 0.65
    assert len({c.share for c in leadership.cells if c.total}) > 1  # departments differ
    # Everything was built through the actions: sign-ups and attendance are on the timeline.
    assert Event.objects.filter(data__change="attendance_marked").count() == len(held)


@pytest.mark.django_db(transaction=False)
def test_load_demo_network():
    """Every inspirer has a profile; several coach ideas; five activities over the last year
    with attendance and one coming with sign-ups; the overview has figures everywhere."""
    from ideverket.network.models import (
        COACHED_STAGES,
        InspirerProfile,
        NetworkActivity,
        Participation,
    )
    from ideverket.network.overview import build_overview

    call_command("load_demo", stdout=StringIO())
    inspirers = User.objects.filter(
        is_active=True, roles__role=RoleAssignment.Role.INSPIRER
    ).distinct()
    assert inspirers.count() >= 10
    assert InspirerProfile.objects.filter(user__in=inspirers).count() == inspirers.count()
    assert InspirerProfile.objects.filter(is_available=False).exists()
    coaches = set(
        Idea.objects.filter(stage__in=COACHED_STAGES, coach__in=inspirers).values_list(
            "coach", flat=True
        )
    )
    assert len(coaches) >= 5
    now = timezone.now()
    past = NetworkActivity.objects.filter(starts_at__lt=now, starts_at__gte=now - timedelta(365))
    assert 4 <= past.count() <= 6
    assert NetworkActivity.objects.filter(starts_at__gt=now).count() == 1
    assert NetworkActivity.objects.exclude(department=None).exists()
    for activity in past:
        assert Participation.objects.filter(activity=activity, attended=True).count() >= 3
    coming = NetworkActivity.objects.get(starts_at__gt=now)
    assert Participation.objects.filter(activity=coming, registered=True).count() >= 3
    assert not Participation.objects.filter(activity=coming, attended=True).exists()
    coordinator = User.objects.get(email="karin.lindqvist@exempelkommun.se")
    rows, total = build_overview(coordinator)
    assert len(rows) == 5 and all(row.inspirers for row in rows)
    assert total.coached > 0 and total.attended > 0


@pytest.mark.django_db(transaction=False)
def test_load_demo_guidance():
    """Seven published guidance pages and a draft, each with an active contact person; feedback
    over the last months, mostly yes, some no with comments; one handled and one new defect
    report; every page change on the timeline."""
    from ideverket.guidance.models import DefectReport, GuidePage, PageFeedback

    call_command("load_demo", stdout=StringIO())
    pages = list(GuidePage.objects.with_feedback_counts().select_related("contact"))
    assert len(pages) == 8
    assert sum(p.is_published for p in pages) == 7
    assert all(p.contact is not None and p.contact.is_active for p in pages)
    assert GuidePage.objects.filter(parent__slug="ideprocessen").count() == 4
    yes = sum(p.yes for p in pages)
    no = sum(p.no for p in pages)
    assert 0.7 <= yes / (yes + no) <= 0.9
    assert PageFeedback.objects.filter(helpful=False).exclude(comment="").count() >= 7
    now = timezone.now()
    assert PageFeedback.objects.filter(created_at__gte=now - timedelta(days=31)).exists()
    assert PageFeedback.objects.filter(created_at__lt=now - timedelta(days=120)).exists()
    assert not PageFeedback.objects.filter(created_at__gt=now).exists()
    assert sorted(DefectReport.objects.values_list("status", flat=True)) == ["fixed", "new"]
    assert Event.objects.filter(subject_type__app_label="guidance").count() == 8 + 2 + 3


@pytest.mark.django_db(transaction=False)
def test_load_demo_email_preferences(mailoutbox):
    """Three deciders get e-mail at once, some quiet colleagues none, the rest the daily digest;
    the demo's history sends nothing by itself, and a digest run after loading reaches only
    digest people, once."""
    from ideverket.activity.email import send_digests
    from ideverket.activity.models import EmailPreference

    call_command("load_demo", stdout=StringIO())
    assert mailoutbox == []
    choices = dict(EmailPreference.objects.values_list("user__email", "frequency"))
    assert {e for e, f in choices.items() if f == "immediate"} == {
        email_for(n) for n in ("Åsa Öberg", "Peter Nilsson", "Johanna Björk")
    }
    assert 3 <= sum(f == "none" for f in choices.values()) <= 10
    assert Event.objects.filter(data__change="email_frequency").count() == len(choices)
    assert send_digests() > 0
    received = {m.to[0] for m in mailoutbox}
    assert not received & set(choices)  # everyone with a choice made chose otherwise
    assert send_digests() == 0
