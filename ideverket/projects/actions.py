"""Every change to a project goes through a function here: atomic, permission-checked, audited.

Each action writes one Event on the project's timeline (the subject is always the project, so
the project page has one timeline) and notifies the people concerned.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ideverket.activity.actions import record_event
from ideverket.activity.models import Event
from ideverket.challenges.models import Challenge
from ideverket.ideas.actions import commitment_errors
from ideverket.ideas.models import Idea
from ideverket.ideas.process import Stage
from ideverket.lib.text import normalize_text
from ideverket.org.models import RoleAssignment

from .models import (
    MAX_HOURS,
    MAX_KRONOR,
    GateDecision,
    JoinRequest,
    Project,
    ProjectMember,
    ProjectMilestone,
    ProjectUnit,
    StatusReport,
)


class StaleChange(ValidationError):
    """Someone else changed the project after the user loaded the page."""


PROJECT_TEXT_FIELDS = ("title", "purpose", "description")
PROJECT_FIELDS = (
    *PROJECT_TEXT_FIELDS,
    "lead_unit",
    "step",
    "starts_on",
    "ends_on",
    "budget_kronor",
    "budget_hours",
    "visibility",
)
COMMITMENT_FIELDS = ("receiving_unit", "owner", "hours", "kronor", "until", "success_criteria")

# What a gate decision does to the project's status; "go" at the closing gate completes it.
GATE_STATUS = {
    GateDecision.Outcome.GO: Project.Status.ACTIVE,
    GateDecision.Outcome.HOLD: Project.Status.PAUSED,
    GateDecision.Outcome.STOP: Project.Status.STOPPED,
}


def _team_ids(project):
    return list(ProjectMember.objects.filter(project=project).values_list("user_id", flat=True))


def _leader_ids(project):
    return list(
        ProjectMember.objects.filter(project=project, role=ProjectMember.Role.LEADER).values_list(
            "user_id", flat=True
        )
    )


def _unit_decider_ids(unit):
    """Active managers and innovation leads on `unit` or above it: who answers for the unit."""
    return list(
        RoleAssignment.objects.filter(
            role__in=RoleAssignment.DECIDERS,
            unit_id__in=unit.ancestor_ids,
            user__is_active=True,
        )
        .values_list("user_id", flat=True)
        .distinct()
    )


def _forget_members(project):
    project.__dict__.pop("member_roles", None)


def _check_project(fields):
    """Field errors the forms also catch; repeated here so no caller can skip them."""
    errors = {}
    for name, message in (
        ("title", _("Skriv ett namn på projektet.")),
        ("purpose", _("Beskriv projektets syfte.")),
    ):
        if name in fields and not fields[name]:
            errors[name] = message
    if "step" in fields and fields["step"] not in Challenge.Step.values:
        errors["step"] = _("Välj ett av stegen i Innovationsguiden.")
    if "visibility" in fields and fields["visibility"] not in Project.Visibility.values:
        errors["visibility"] = _("Välj vem som får se projektet.")
    starts_on, ends_on = fields.get("starts_on"), fields.get("ends_on")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("Slutdatumet kan inte ligga före startdatumet.")
    for name, limit in (("budget_kronor", MAX_KRONOR), ("budget_hours", MAX_HOURS)):
        value = fields.get(name)
        if value is not None and value < 0:
            errors[name] = _("Budgeten kan inte vara negativ.")
        elif value is not None and value > limit:
            errors[name] = _("Talet är för stort.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def do_create_project(
    user,
    *,
    title,
    purpose,
    lead_unit,
    leader=None,
    description="",
    step=Challenge.Step.FRAME,
    starts_on=None,
    ends_on=None,
    budget_kronor=None,
    budget_hours=None,
    visibility=Project.Visibility.OPEN,
    looking_for_partners=False,
    partner_note="",
    challenges=(),
):
    """Start a project led by `lead_unit`; `leader` (default: the creator) leads its team."""
    if not user.has_perm("projects.add_project", lead_unit):
        raise PermissionDenied
    fields = {
        "title": normalize_text(title),
        "purpose": normalize_text(purpose),
        "description": normalize_text(description),
        "step": step,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "budget_kronor": budget_kronor,
        "budget_hours": budget_hours,
        "visibility": visibility,
    }
    _check_project(fields)
    leader = leader or user
    if not leader.is_active:
        raise ValidationError({"leader": _("Välj en aktiv person som projektledare.")})
    now = timezone.now()
    project = Project(
        **fields,
        lead_unit=lead_unit,
        looking_for_partners=looking_for_partners,
        partner_note=normalize_text(partner_note) if looking_for_partners else "",
        created_by=user,
        status_changed_at=now,
    )
    project.refresh_search_text()
    project.save()
    ProjectMember.objects.create(
        project=project, user=leader, role=ProjectMember.Role.LEADER, added_by=user
    )
    project.challenges.set(challenges)
    record_event(user, Event.Verb.CREATED, project, notify=[leader.pk], title=project.title)
    return project


@transaction.atomic
def do_edit_project(user, project, *, seen_updated_at=None, challenges=None, **changes):
    """Change a project's text, lead unit, step, dates, budget or visibility."""
    unknown = set(changes) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"do_edit_project() got unexpected fields: {sorted(unknown)}")
    if not user.has_perm("projects.change_project", project):
        raise PermissionDenied
    new_unit = changes.get("lead_unit")
    if (
        new_unit is not None
        and new_unit.pk != project.lead_unit_id
        and not user.has_perm("projects.add_project", new_unit)
    ):
        raise ValidationError(
            {
                "lead_unit": _(
                    "Du kan bara flytta projektet till en enhet där du är chef eller innovationsledare."
                )
            }
        )
    for name in PROJECT_TEXT_FIELDS:
        if name in changes:
            changes[name] = normalize_text(changes[name])
    _check_project(
        {
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
            **changes,
        }
    )
    current = Project.objects.select_for_update().get(pk=project.pk)
    if seen_updated_at is not None and current.updated_at != seen_updated_at:
        raise StaleChange(
            _(
                "Projektet har ändrats av någon annan sedan du öppnade det. Ladda om sidan och gör om ändringen."
            )
        )
    changed = sorted(name for name, value in changes.items() if getattr(project, name) != value)
    for name, value in changes.items():
        setattr(project, name, value)
    project.refresh_search_text()
    project.save()
    if challenges is not None:
        before = set(project.challenges.values_list("pk", flat=True))
        project.challenges.set(challenges)
        if before != {c.pk for c in challenges}:
            changed.append("challenges")
    record_event(user, Event.Verb.EDITED, project, notify=_team_ids(project), fields=changed)
    return project


@transaction.atomic
def do_invite_unit(user, project, unit, *, as_partner=False, message=""):
    """Ask a unit into the project, as a participant or (a support function) as a partner."""
    if not user.has_perm("projects.invite_unit", project):
        raise PermissionDenied
    errors = {}
    if unit.pk == project.lead_unit_id:
        errors["unit"] = _("Enheten leder redan projektet.")
    elif not unit.is_active:
        errors["unit"] = _("Enheten är inte längre aktiv.")
    if as_partner and not unit.is_support_function:
        errors["as_partner"] = _(
            "Bara stödfunktioner (HR, IT, kommunikation, ekonomi …) kan bjudas in som partner. Bjud in enheten som deltagare i stället."
        )
    if errors:
        raise ValidationError(errors)
    message = normalize_text(message)
    link = ProjectUnit.objects.select_for_update().filter(project=project, unit=unit).first()
    if link is not None and link.status in ProjectUnit.INVOLVED:
        raise ValidationError({"unit": _("Enheten är redan inbjuden till projektet.")})
    if link is None:
        try:
            with transaction.atomic():
                link = ProjectUnit.objects.create(
                    project=project,
                    unit=unit,
                    is_partner=as_partner,
                    message=message,
                    invited_by=user,
                )
        except IntegrityError:  # invited by someone else a moment ago
            raise ValidationError(
                {"unit": _("Enheten är redan inbjuden till projektet.")}
            ) from None
    else:  # a unit that declined earlier is asked again
        link.status = ProjectUnit.Status.INVITED
        link.is_partner = as_partner
        link.message = message
        link.invited_by = user
        link.invited_at = timezone.now()
        link.responded_by = None
        link.responded_at = None
        link.save()
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=_unit_decider_ids(unit),
        change="unit_invited",
        unit=unit.name,
        partner=as_partner,
    )
    return link


@transaction.atomic
def do_respond_to_invitation(user, invitation, *, accept):
    """A decider of the invited unit accepts or declines on the unit's behalf."""
    if not user.has_perm("projects.respond_invitation", invitation):
        raise PermissionDenied
    now = timezone.now()
    status = ProjectUnit.Status.ACCEPTED if accept else ProjectUnit.Status.DECLINED
    updated = ProjectUnit.objects.filter(
        pk=invitation.pk, status=ProjectUnit.Status.INVITED
    ).update(status=status, responded_by=user, responded_at=now)
    if not updated:
        raise StaleChange(_("Inbjudan är redan besvarad."))
    invitation.status, invitation.responded_by, invitation.responded_at = status, user, now
    project = invitation.project
    notify = {
        *_leader_ids(project),
        *([invitation.invited_by_id] if invitation.invited_by_id else []),
    }
    record_event(
        user,
        Event.Verb.DECIDED,
        project,
        notify=notify,
        change="invitation_answered",
        unit=invitation.unit.name,
        accepted=bool(accept),
        partner=invitation.is_partner,
    )
    return invitation


@transaction.atomic
def do_ask_to_join(user, project, message=""):
    """An employee asks to join the team; the project's leaders are told."""
    if not user.has_perm("projects.ask_to_join", project):
        raise PermissionDenied
    already = _("Du har redan frågat om att få vara med. Projektledaren svarar så snart hen kan.")
    if JoinRequest.objects.filter(
        project=project, user=user, status=JoinRequest.Status.PENDING
    ).exists():
        raise ValidationError(already)
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(
                project=project, user=user, message=normalize_text(message)
            )
    except IntegrityError:  # the same person asking twice at the same moment
        raise ValidationError(already) from None
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=_leader_ids(project),
        change="join_requested",
        name=user.name,
    )
    return request


def _add_member(project, person, role, added_by):
    member, created = ProjectMember.objects.get_or_create(
        project=project, user=person, defaults={"role": role, "added_by": added_by}
    )
    _forget_members(project)
    return member, created


@transaction.atomic
def do_decide_join_request(user, join_request, *, accept):
    """Accept (the person joins the team as a member) or decline a request to join."""
    project = join_request.project
    if not user.has_perm("projects.manage_team", project):
        raise PermissionDenied
    status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.DECLINED
    now = timezone.now()
    updated = JoinRequest.objects.filter(
        pk=join_request.pk, status=JoinRequest.Status.PENDING
    ).update(status=status, decided_by=user, decided_at=now)
    if not updated:
        raise StaleChange(_("Förfrågan är redan besvarad."))
    join_request.status, join_request.decided_by, join_request.decided_at = status, user, now
    if accept:
        _add_member(project, join_request.user, ProjectMember.Role.MEMBER, user)
    record_event(
        user,
        Event.Verb.DECIDED,
        project,
        notify=[join_request.user_id],
        change="join_answered",
        name=join_request.user.name,
        accepted=bool(accept),
    )
    return join_request


@transaction.atomic
def do_add_member(user, project, person, role=ProjectMember.Role.MEMBER):
    """Put a person on the team; a request to join they had waiting is answered by this."""
    if not user.has_perm("projects.manage_team", project):
        raise PermissionDenied
    if role not in ProjectMember.Role.values:
        raise ValidationError({"role": _("Välj en roll i teamet.")})
    if not person.is_active:
        raise ValidationError({"person": _("Personen är inte längre aktiv.")})
    member, created = _add_member(project, person, role, user)
    if not created:
        raise ValidationError(
            {"person": _("%(name)s är redan med i teamet.") % {"name": person.name}}
        )
    JoinRequest.objects.filter(
        project=project, user=person, status=JoinRequest.Status.PENDING
    ).update(status=JoinRequest.Status.ACCEPTED, decided_by=user, decided_at=timezone.now())
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=[person.pk],
        change="member_added",
        name=person.name,
        role=role,
    )
    return member


@transaction.atomic
def do_remove_member(user, project, member):
    """Take a person off the team; the last project leader stays until another is added."""
    if not user.has_perm("projects.manage_team", project):
        raise PermissionDenied
    if member.project_id != project.pk:
        raise PermissionDenied
    if (
        member.role == ProjectMember.Role.LEADER
        and not ProjectMember.objects.filter(project=project, role=ProjectMember.Role.LEADER)
        .exclude(pk=member.pk)
        .exists()
    ):
        raise ValidationError(
            _("Projektet måste ha minst en projektledare. Lägg till en ny projektledare först.")
        )
    deleted, _rows = ProjectMember.objects.filter(pk=member.pk).delete()
    _forget_members(project)
    if not deleted:
        raise StaleChange(_("Personen är redan borttagen ur teamet."))
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=[member.user_id],
        change="member_removed",
        name=member.user.name,
    )


@transaction.atomic
def do_report_status(user, project, *, health, text):
    """A status report (green/yellow/red with a text); the project shows its latest health."""
    if not user.has_perm("projects.report_status", project):
        raise PermissionDenied
    text = normalize_text(text)
    errors = {}
    if health not in Project.Health.values:
        errors["health"] = _("Välj hur projektet går: grönt, gult eller rött.")
    if not text:
        errors["text"] = _("Skriv några rader om hur projektet går.")
    if errors:
        raise ValidationError(errors)
    report = StatusReport.objects.create(
        project=project, health=health, text=text, reported_by=user
    )
    Project.objects.filter(pk=project.pk).update(
        health=health, health_reported_at=report.reported_at
    )
    project.health, project.health_reported_at = health, report.reported_at
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=_team_ids(project),
        change="status_reported",
        health=health,
    )
    return report


def _check_milestone(title, progress, due_on=None, done_on=None):
    errors = {}
    if not title:
        errors["title"] = _("Skriv vad milstolpen är.")
    if progress is None or not 0 <= progress <= 100:
        errors["progress"] = _("Ange framsteget som en siffra mellan 0 och 100.")
    elif done_on is not None and progress < 100:
        errors["done_on"] = _(
            "En klar milstolpe har framsteget 100 %. Ändra framsteget eller ta bort datumet."
        )
    if done_on is not None and done_on > timezone.localdate():
        errors["done_on"] = _("Datumet då milstolpen blev klar kan inte ligga i framtiden.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def do_add_milestone(user, project, *, title, due_on=None, progress=0):
    if not user.has_perm("projects.manage_milestones", project):
        raise PermissionDenied
    title = normalize_text(title)
    _check_milestone(title, progress, due_on)
    milestone = ProjectMilestone.objects.create(
        project=project,
        title=title,
        due_on=due_on,
        progress=progress,
        done_on=timezone.localdate() if progress == 100 else None,
    )
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=_team_ids(project),
        change="milestone_added",
        title=title,
    )
    return milestone


@transaction.atomic
def do_update_milestone(user, milestone, *, title, due_on, progress, done_on=None):
    """Change a milestone; reaching 100 % without a date marks it done today."""
    project = milestone.project
    if not user.has_perm("projects.manage_milestones", project):
        raise PermissionDenied
    title = normalize_text(title)
    _check_milestone(title, progress, due_on, done_on)
    if progress == 100 and done_on is None:
        done_on = milestone.done_on or timezone.localdate()
    milestone.title, milestone.due_on = title, due_on
    milestone.progress, milestone.done_on = progress, done_on
    milestone.save(update_fields=["title", "due_on", "progress", "done_on", "updated_at"])
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=_team_ids(project),
        change="milestone_updated",
        title=title,
        progress=progress,
    )
    return milestone


def gate_stale_message(project):
    """Tell a decider who took a gate decision first, and when."""
    latest = project.gate_decisions.select_related("decided_by").first()
    if latest is None:
        return _("Projektet har ändrats sedan du öppnade sidan. Ladda om sidan.")
    return _("%(who)s har redan beslutat ”%(what)s” %(when)s. Ladda om sidan.") % {
        "who": latest.decided_by,
        "what": f"{latest.get_gate_display()}: {latest.get_outcome_display()}",
        "when": formats.date_format(timezone.localtime(latest.decided_at), "DATETIME_FORMAT"),
    }


@transaction.atomic
def do_decide_gate(user, project, *, gate, outcome, reason, seen_gate_id=0, commitment=None):
    """A gate decision. "Go" needs the receiving unit's commitment with resources, the same
    resource gate as an idea's test (ideverket.ideas.actions.commitment_errors).

    `seen_gate_id` is the latest gate decision the decider saw (0 for none): of two people
    deciding at the same moment exactly one succeeds; the other is told who was first.
    """
    if not user.has_perm("projects.decide_gate", project):
        raise PermissionDenied
    reason = normalize_text(reason)
    errors = {}
    if gate not in GateDecision.Gate.values:
        errors["gate"] = _("Välj vilken grind beslutet gäller.")
    if outcome not in GateDecision.Outcome.values:
        errors["outcome"] = _("Välj ett beslut: gå vidare, vänta eller stoppa.")
    if not reason:
        errors["reason"] = _("Skriv en motivering.")
    if outcome == GateDecision.Outcome.GO:
        errors.update(commitment_errors(commitment, with_resources=True))
    if errors:
        raise ValidationError(errors)

    current = Project.objects.select_for_update().get(pk=project.pk)
    latest_id = (
        GateDecision.objects.filter(project=project)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    ) or 0
    if latest_id != (seen_gate_id or 0) or current.status not in Project.RUNNING:
        raise StaleChange(gate_stale_message(project))

    to_status = GATE_STATUS[outcome]
    if outcome == GateDecision.Outcome.GO and gate == GateDecision.Gate.CLOSE:
        to_status = Project.Status.COMPLETED
    now = timezone.now()
    fields = {}
    if outcome == GateDecision.Outcome.GO:
        fields = {name: commitment.get(name) for name in COMMITMENT_FIELDS}
        fields["success_criteria"] = normalize_text(fields["success_criteria"] or "")
    decision = GateDecision.objects.create(
        project=project,
        gate=gate,
        outcome=outcome,
        reason=reason,
        from_status=current.status,
        to_status=to_status,
        decided_by=user,
        **fields,
    )
    Project.objects.filter(pk=project.pk).update(
        status=to_status,
        status_changed_at=now if to_status != current.status else current.status_changed_at,
        updated_at=now,
    )
    project.status = to_status
    notify = set(_team_ids(project))
    if decision.owner_id:
        notify.add(decision.owner_id)
    record_event(
        user,
        Event.Verb.DECIDED,
        project,
        notify=notify,
        change="gate",
        decision_id=decision.pk,
        gate=gate,
        outcome=outcome,
        from_status=str(current.status),
        to_status=str(to_status),
    )
    return decision


@transaction.atomic
def do_link_idea(user, project, idea):
    """Link an idea the user may see (never a draft) to the project."""
    if not user.has_perm("projects.link_items", project):
        raise PermissionDenied
    visible = Idea.objects.visible_to(user).exclude(stage=Stage.DRAFT).filter(pk=idea.pk)
    if not visible.exists():
        raise ValidationError({"idea": _("Det finns ingen idé med det numret som du kan se.")})
    if project.ideas.filter(pk=idea.pk).exists():
        raise ValidationError({"idea": _("Idén är redan kopplad till projektet.")})
    project.ideas.add(idea)
    # No title: the idea may be restricted while the project is open.
    record_event(user, Event.Verb.EDITED, project, change="idea_linked", idea_id=idea.pk)


@transaction.atomic
def do_unlink_idea(user, project, idea):
    if not user.has_perm("projects.link_items", project):
        raise PermissionDenied
    project.ideas.remove(idea)
    record_event(user, Event.Verb.EDITED, project, change="idea_unlinked", idea_id=idea.pk)


@transaction.atomic
def do_link_challenge(user, project, challenge):
    if not user.has_perm("projects.link_items", project):
        raise PermissionDenied
    if project.challenges.filter(pk=challenge.pk).exists():
        raise ValidationError({"challenge": _("Utmaningen är redan kopplad till projektet.")})
    project.challenges.add(challenge)
    record_event(user, Event.Verb.EDITED, project, change="challenge_linked", title=challenge.title)


@transaction.atomic
def do_unlink_challenge(user, project, challenge):
    if not user.has_perm("projects.link_items", project):
        raise PermissionDenied
    project.challenges.remove(challenge)
    record_event(
        user, Event.Verb.EDITED, project, change="challenge_unlinked", title=challenge.title
    )


@transaction.atomic
def do_set_looking_for_partners(user, project, *, looking, note=""):
    """Mark the project as looking for partners (with what kind), or stop looking."""
    if not user.has_perm("projects.set_partners", project):
        raise PermissionDenied
    note = normalize_text(note) if looking else ""
    if len(note) > 500:
        raise ValidationError({"partner_note": _("Skriv högst 500 tecken.")})
    project.looking_for_partners, project.partner_note = bool(looking), note
    project.refresh_search_text()
    project.save(
        update_fields=["looking_for_partners", "partner_note", "search_text", "updated_at"]
    )
    record_event(
        user,
        Event.Verb.EDITED,
        project,
        notify=_team_ids(project),
        change="partners",
        looking=bool(looking),
    )
    return project
