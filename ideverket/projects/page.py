"""The project page's short lists, carried by the project's own row.

The team, the units, the pending join requests, the milestones, the latest status reports, the
gate decisions, the linked challenges, the latest timeline events and the departments' own time
limits (which the linked ideas' cards ask about) come as JSON arrays built by the database
(ideverket.lib.json_lists, as on the department overview), so the page reads the project and
all of them in one query whatever their length. The rows become unsaved model instances
with just the fields the page shows, so the template and the rules read them as before.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Subquery, Value

from ideverket.activity.models import Event
from ideverket.challenges.models import Challenge
from ideverket.departments import limits
from ideverket.departments.models import LIMITED_STAGES, DepartmentSettings, limit_field
from ideverket.lib.json_lists import date, json_list, moment, rows
from ideverket.org.models import RoleAssignment, Unit, User

from .models import (
    GateDecision,
    JoinRequest,
    Project,
    ProjectMember,
    ProjectMilestone,
    ProjectUnit,
    StatusReport,
)

REPORT_HISTORY_LIMIT = 20
TIMELINE_LIMIT = 50


def _person(pk, name, email="", unit_name=None, is_active=True):
    """A user as the page names them, or None for a deleted one."""
    if pk is None:
        return None
    person = User(pk=pk, name=name or "", email=email or "", is_active=bool(is_active))
    person.unit = Unit(name=unit_name) if unit_name is not None else None
    return person


def _unit(pk, name, path=""):
    return Unit(pk=pk, name=name, path=path or "") if pk is not None else None


def _may_manage(user):
    """A Q on join requests whose project the user may manage the team of (the rules'
    can_manage & is_running): it keeps others' requests out of the row; the rules still decide
    what is shown."""
    running = Q(project__status__in=Project.RUNNING)
    if user.is_coordinator:
        return running
    leader = ProjectMember.objects.filter(
        project=OuterRef("project"), user=user, role=ProjectMember.Role.LEADER
    )
    return running & (
        Q(Exists(leader))
        | user.units_with_role_filter("project__lead_unit", *RoleAssignment.DECIDERS)
    )


def _lists(user):
    """Annotations for a project row: its short lists as JSON arrays, as `user` may see them."""
    own = {"project": OuterRef("pk")}
    subject_type = ContentType.objects.get_for_model(Project)
    # The latest reports and events: picked by an ordered, limited subquery one level further in.
    latest_reports = (
        StatusReport.objects.filter(project=OuterRef(OuterRef("pk")))
        .order_by("-reported_at", "-pk")
        .values("pk")[:REPORT_HISTORY_LIMIT]
    )
    latest_events = (
        Event.objects.filter(subject_type=subject_type, subject_id=OuterRef(OuterRef("pk")))
        .order_by("-created_at", "-pk")
        .values("pk")[:TIMELINE_LIMIT]
    )
    join_requests = JoinRequest.objects.filter(status=JoinRequest.Status.PENDING, **own).filter(
        Q(user=user) | _may_manage(user)
    )
    limit_fields = [limit_field(stage) for stage in LIMITED_STAGES]
    limited = Q.create([(f"{name}__isnull", False) for name in limit_fields], connector=Q.OR)
    return {
        # The departments' own time limits, which the linked ideas' cards ask about (the rows
        # departments.limits reads once per request; kept for the request by load_project).
        "limit_list": json_list(
            DepartmentSettings.objects.filter(limited).annotate(one=Value(1)),
            "one",
            department_id="department_id",
            **{name: name for name in limit_fields},
        ),
        "member_list": json_list(
            ProjectMember.objects.filter(**own),
            "project",
            pk="pk",
            role="role",
            user_id="user_id",
            name="user__name",
            email="user__email",
            is_active="user__is_active",
            unit_name="user__unit__name",
        ),
        "unit_list": json_list(
            ProjectUnit.objects.filter(**own),
            "project",
            pk="pk",
            unit_id="unit_id",
            unit_name="unit__name",
            unit_path="unit__path",
            status="status",
            is_partner="is_partner",
            message="message",
            invited_by_id="invited_by_id",
            invited_by_name="invited_by__name",
            invited_at="invited_at",
            responded_by_id="responded_by_id",
            responded_by_name="responded_by__name",
            responded_at="responded_at",
        ),
        "join_request_list": json_list(
            join_requests,
            "project",
            pk="pk",
            user_id="user_id",
            name="user__name",
            unit_name="user__unit__name",
            message="message",
            created_at="created_at",
        ),
        "milestone_list": json_list(
            ProjectMilestone.objects.filter(**own),
            "project",
            pk="pk",
            title="title",
            due_on="due_on",
            progress="progress",
            done_on="done_on",
        ),
        "report_list": json_list(
            StatusReport.objects.filter(pk__in=Subquery(latest_reports), **own),
            "project",
            pk="pk",
            health="health",
            text="text",
            reported_by_id="reported_by_id",
            reported_by_name="reported_by__name",
            reported_at="reported_at",
        ),
        "gate_list": json_list(
            GateDecision.objects.filter(**own),
            "project",
            pk="pk",
            gate="gate",
            outcome="outcome",
            reason="reason",
            from_status="from_status",
            to_status="to_status",
            decided_by_id="decided_by_id",
            decided_by_name="decided_by__name",
            decided_at="decided_at",
            receiving_unit_id="receiving_unit_id",
            receiving_unit_name="receiving_unit__name",
            owner_id="owner_id",
            owner_name="owner__name",
            hours="hours",
            kronor="kronor",
            until="until",
            success_criteria="success_criteria",
        ),
        "challenge_list": json_list(
            Project.challenges.through.objects.filter(**own),
            "project",
            pk="challenge_id",
            title="challenge__title",
        ),
        "event_list": json_list(
            Event.objects.filter(
                pk__in=Subquery(latest_events), subject_type=subject_type, subject_id=OuterRef("pk")
            ),
            "subject_id",
            pk="pk",
            verb="verb",
            data="data",
            created_at="created_at",
            actor_id="actor_id",
            actor_name="actor__name",
            actor_email="actor__email",
        ),
    }


def load_project(user, queryset, pk):
    """The project `pk` from `queryset` (the user's visible projects) with its page's lists set
    as `page_<list>` attributes, or None: one query."""
    project = queryset.filter(pk=pk).annotate(**_lists(user)).first()
    if project is None:
        return None
    limits.remember(
        limits.overrides_of(DepartmentSettings(**item) for item in rows(project.limit_list))
    )
    members = [
        ProjectMember(
            pk=item["pk"],
            project=project,
            role=item["role"],
            user=_person(
                item["user_id"],
                item["name"],
                item["email"],
                item["unit_name"],
                item["is_active"],
            ),
        )
        for item in rows(project.member_list)
    ]
    project.page_members = sorted(members, key=lambda m: (m.role, m.user.name, m.pk))
    project.__dict__["member_roles"] = {m.user_id: m.role for m in members}
    project.page_unit_links = sorted(
        (
            ProjectUnit(
                pk=item["pk"],
                project=project,
                unit=_unit(item["unit_id"], item["unit_name"], item["unit_path"]),
                status=item["status"],
                is_partner=bool(item["is_partner"]),
                message=item["message"],
                invited_by=_person(item["invited_by_id"], item["invited_by_name"]),
                invited_at=moment(item["invited_at"]),
                responded_by=_person(item["responded_by_id"], item["responded_by_name"]),
                responded_at=moment(item["responded_at"]),
            )
            for item in rows(project.unit_list)
        ),
        key=lambda link: (link.invited_at, link.pk),
    )
    project.page_join_requests = sorted(
        (
            JoinRequest(
                pk=item["pk"],
                project=project,
                user=_person(item["user_id"], item["name"], unit_name=item["unit_name"]),
                message=item["message"],
                status=JoinRequest.Status.PENDING,
                created_at=moment(item["created_at"]),
            )
            for item in rows(project.join_request_list)
        ),
        key=lambda request: (request.created_at, request.pk),
    )
    project.page_milestones = sorted(
        (
            ProjectMilestone(
                pk=item["pk"],
                project=project,
                title=item["title"],
                due_on=date(item["due_on"]),
                progress=item["progress"],
                done_on=date(item["done_on"]),
            )
            for item in rows(project.milestone_list)
        ),
        key=lambda m: (m.due_on is None, m.due_on, m.pk),
    )
    project.page_reports = sorted(
        (
            StatusReport(
                pk=item["pk"],
                project=project,
                health=item["health"],
                text=item["text"],
                reported_by=_person(item["reported_by_id"], item["reported_by_name"]),
                reported_at=moment(item["reported_at"]),
            )
            for item in rows(project.report_list)
        ),
        key=lambda report: (report.reported_at, report.pk),
        reverse=True,
    )
    project.page_gates = sorted(
        (
            GateDecision(
                pk=item["pk"],
                project=project,
                gate=item["gate"],
                outcome=item["outcome"],
                reason=item["reason"],
                from_status=item["from_status"],
                to_status=item["to_status"],
                decided_by=_person(item["decided_by_id"], item["decided_by_name"]),
                decided_at=moment(item["decided_at"]),
                receiving_unit=_unit(item["receiving_unit_id"], item["receiving_unit_name"]),
                owner=_person(item["owner_id"], item["owner_name"]),
                hours=item["hours"],
                kronor=item["kronor"],
                until=date(item["until"]),
                success_criteria=item["success_criteria"],
            )
            for item in rows(project.gate_list)
        ),
        key=lambda gate: (gate.decided_at, gate.pk),
        reverse=True,
    )
    project.page_challenges = sorted(
        (Challenge(pk=item["pk"], title=item["title"]) for item in rows(project.challenge_list)),
        key=lambda challenge: (challenge.title, challenge.pk),
    )
    subject_type = ContentType.objects.get_for_model(Project)
    project.page_timeline = sorted(
        (
            Event(
                pk=item["pk"],
                verb=item["verb"],
                # SQLite hands a JSON column over as its text, PostgreSQL as JSON.
                data=json.loads(item["data"]) if isinstance(item["data"], str) else item["data"],
                created_at=moment(item["created_at"]),
                actor=_person(item["actor_id"], item["actor_name"], item["actor_email"]),
                subject_type=subject_type,
                subject_id=project.pk,
            )
            for item in rows(project.event_list)
        ),
        key=lambda event: (event.created_at, event.pk),
    )
    return project
