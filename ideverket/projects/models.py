"""Projects: larger work that may span departments, with its units, team, reports and gates."""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ideverket.challenges.models import Challenge
from ideverket.lib.text import search_key
from ideverket.org.models import RoleAssignment

MAX_HOURS = 1_000_000
MAX_KRONOR = 1_000_000_000


def report_overdue_days():
    """Days without a status report before a running project is flagged (settings.IDEVERKET)."""
    return settings.IDEVERKET.get("PROJECT_REPORT_OVERDUE_DAYS", 90)


def flag_condition():
    """Running, and its end date has passed, no active leader is left, or no status report
    has come in for `report_overdue_days()` (counted from the start when there is none)."""
    today = timezone.localdate()
    cutoff = timezone.now() - datetime.timedelta(days=report_overdue_days())
    active_leader = ProjectMember.objects.filter(
        project=OuterRef("pk"), role=ProjectMember.Role.LEADER, user__is_active=True
    )
    return Q(status__in=Project.RUNNING) & (
        Q(ends_on__lt=today)
        | ~Exists(active_leader)
        | Q(health_reported_at__lt=cutoff)
        | Q(health_reported_at__isnull=True, created_at__lt=cutoff)
    )


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everything that shows projects starts here (docs/roles.md, "Projects").

        Open projects: everyone. Restricted ones: people in the lead unit's subtree or in the
        subtree of a unit invited to or taking part in the project (partners included), deciders
        on those units or above them, the team, and the coordinator.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_coordinator:
            return self.all()
        ancestors = user.unit.ancestor_ids if user.unit_id is not None else []
        involved_units = ProjectUnit.objects.filter(
            project=OuterRef("pk"), status__in=ProjectUnit.INVOLVED
        ).filter(
            Q(unit_id__in=ancestors) | user.units_with_role_filter("unit", *RoleAssignment.DECIDERS)
        )
        restricted_ok = (
            Q(lead_unit_id__in=ancestors)
            | user.units_with_role_filter("lead_unit", *RoleAssignment.DECIDERS)
            | Exists(involved_units)
            | Exists(ProjectMember.objects.filter(project=OuterRef("pk"), user=user))
        )
        return self.filter(Q(visibility=Project.Visibility.OPEN) | restricted_ok)

    def running(self):
        return self.filter(status__in=Project.RUNNING)

    def looking_for_partners(self):
        return self.running().filter(looking_for_partners=True)

    def flagged(self):
        """Running projects that need someone to act (see flag_condition)."""
        return self.filter(flag_condition())

    def with_flag(self):
        """Annotate `is_flagged` (the same condition as flagged(), no extra query)."""
        return self.annotate(is_flagged=ExpressionWrapper(flag_condition(), BooleanField()))

    def in_department(self, unit):
        """Projects led from, or with a unit taking part in, `unit`'s subtree."""
        taking_part = ProjectUnit.objects.filter(
            project=OuterRef("pk"),
            status__in=ProjectUnit.INVOLVED,
            unit__path__startswith=unit.path,
        )
        return self.filter(Q(lead_unit__path__startswith=unit.path) | Exists(taking_part))

    def for_list(self):
        """What a project card shows: lead unit and the units involved, loaded with the page."""
        return (
            self.select_related("lead_unit")
            .with_flag()
            .prefetch_related(
                models.Prefetch(
                    "unit_links",
                    queryset=ProjectUnit.objects.filter(status__in=ProjectUnit.INVOLVED)
                    .select_related("unit")
                    .only("id", "project_id", "status", "is_partner", "unit__name"),
                )
            )
            .defer("description", "search_text")
        )


class Project(models.Model):
    """Larger work led by one unit, with others taking part, a team and gate decisions."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Pågår")
        PAUSED = "paused", _("Pausat")
        COMPLETED = "completed", _("Avslutat")
        STOPPED = "stopped", _("Stoppat")

    class Visibility(models.TextChoices):
        OPEN = "open", _("Hela kommunen")
        RESTRICTED = "restricted", _("Bara berörda enheter och teamet")

    class Health(models.TextChoices):
        GREEN = "green", _("Grön")
        YELLOW = "yellow", _("Gul")
        RED = "red", _("Röd")

    # Statuses in which the project is worked on; the others are final.
    RUNNING = (Status.ACTIVE, Status.PAUSED)

    title = models.CharField(_("namn"), max_length=200)
    purpose = models.TextField(_("syfte"), max_length=5000)
    description = models.TextField(_("beskrivning"), max_length=10000, blank=True, default="")
    lead_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("ledande enhet"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    units = models.ManyToManyField(
        "org.Unit",
        through="ProjectUnit",
        through_fields=("project", "unit"),
        verbose_name=_("deltagande enheter"),
        related_name="projects",
        blank=True,
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ProjectMember",
        through_fields=("project", "user"),
        verbose_name=_("team"),
        related_name="projects",
        blank=True,
    )
    challenges = models.ManyToManyField(
        "challenges.Challenge",
        verbose_name=_("utmaningar"),
        blank=True,
        related_name="projects",
    )
    ideas = models.ManyToManyField(
        "ideas.Idea", verbose_name=_("idéer"), blank=True, related_name="projects"
    )
    step = models.CharField(
        _("steg i Innovationsguiden"),
        max_length=20,
        choices=Challenge.Step.choices,
        default=Challenge.Step.FRAME,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    starts_on = models.DateField(_("startdatum"), null=True, blank=True)
    ends_on = models.DateField(_("slutdatum"), null=True, blank=True)
    budget_kronor = models.PositiveIntegerField(
        _("budget i kronor"), null=True, blank=True, validators=[MaxValueValidator(MAX_KRONOR)]
    )
    budget_hours = models.PositiveIntegerField(
        _("budget i timmar"), null=True, blank=True, validators=[MaxValueValidator(MAX_HOURS)]
    )
    looking_for_partners = models.BooleanField(_("söker samarbetspartner"), default=False)
    partner_note = models.CharField(
        _("vilken samarbetspartner söks"), max_length=500, blank=True, default=""
    )
    visibility = models.CharField(
        _("synlighet"), max_length=20, choices=Visibility.choices, default=Visibility.OPEN
    )
    # The latest status report's health, kept by do_report_status so lists never join reports.
    health = models.CharField(
        _("läge"), max_length=10, choices=Health.choices, blank=True, default=""
    )
    health_reported_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekt")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The project list's default order, filtered by status.
            models.Index(fields=["status", "-created_at"], name="project_status_created"),
            # The "Söker samarbetspartner" section at the top of the list.
            models.Index(fields=["looking_for_partners", "status"], name="project_partners"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="project_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.pk])

    def refresh_search_text(self):
        self.search_text = search_key(
            " ".join([self.title, self.purpose, self.description, self.partner_note])
        )

    @property
    def is_restricted(self):
        return self.visibility == self.Visibility.RESTRICTED

    @property
    def is_running(self):
        return self.status in self.RUNNING

    def flags(self, members):
        """Why a running project needs attention, in words; `members` is its team, loaded."""
        if not self.is_running:
            return []
        reasons = []
        if self.ends_on and self.ends_on < timezone.localdate():
            reasons.append(gettext("Slutdatumet har passerat men projektet pågår fortfarande."))
        if not any(m.role == ProjectMember.Role.LEADER and m.user.is_active for m in members):
            reasons.append(gettext("Projektet har ingen aktiv projektledare."))
        last = self.health_reported_at or self.created_at
        days = report_overdue_days()
        if last < timezone.now() - datetime.timedelta(days=days):
            reasons.append(
                ngettext(
                    "Ingen statusrapport på mer än %(days)s dag.",
                    "Ingen statusrapport på mer än %(days)s dagar.",
                    days,
                )
                % {"days": days}
            )
        return reasons

    @cached_property
    def member_roles(self):
        """{user id: team role}, loaded once per instance (permission checks use it often)."""
        return dict(ProjectMember.objects.filter(project=self).values_list("user_id", "role"))


class ProjectUnitQuerySet(models.QuerySet):
    def involving(self, user):
        """Invitations and participations of the user's unit (or above it), or of a unit the
        user holds a deciding role over: what the partner page lists."""
        ancestors = user.unit.ancestor_ids if user.unit_id is not None else []
        return self.filter(status__in=ProjectUnit.INVOLVED).filter(
            Q(unit_id__in=ancestors) | user.units_with_role_filter("unit", *RoleAssignment.DECIDERS)
        )


class ProjectUnit(models.Model):
    """A unit invited into a project, as a participant or (support functions) as a partner."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Inbjuden")
        ACCEPTED = "accepted", _("Deltar")
        DECLINED = "declined", _("Har tackat nej")

    # Units that see a restricted project and appear on it: asked in, or taking part.
    INVOLVED = (Status.INVITED, Status.ACCEPTED)

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="unit_links")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("enhet"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("svar"), max_length=20, choices=Status.choices, default=Status.INVITED
    )
    is_partner = models.BooleanField(
        _("som partner"),
        default=False,
        help_text=_("En stödfunktion (HR, IT …) som bjuds in som partner."),
    )
    message = models.TextField(_("meddelande"), max_length=2000, blank=True, default="")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    objects = ProjectUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("deltagande enhet")
        verbose_name_plural = _("deltagande enheter")
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "unit"], name="project_unit_once"),
        ]
        # involving(): the partner page and visible_to() look invitations up by unit.
        indexes = [models.Index(fields=["unit", "status"], name="project_unit_by_unit")]

    def __str__(self):
        return f"{self.project} – {self.unit}"


class ProjectMember(models.Model):
    """A person on a project's team, with their role in it."""

    class Role(models.TextChoices):
        LEADER = "leader", _("Projektledare")
        MEMBER = "member", _("Medlem")
        PARTNER_CONTACT = "partner_contact", _("Kontaktperson för partner")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="project_memberships",
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("teammedlem")
        verbose_name_plural = _("team")
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="project_member_once"),
        ]
        # visible_to(): "is the user on the team" for every listed project.
        indexes = [models.Index(fields=["user", "project"], name="project_member_by_user")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}"


class JoinRequest(models.Model):
    """An employee asking to join a project's team; the project's leaders answer."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på svar")
        ACCEPTED = "accepted", _("Godkänd")
        DECLINED = "declined", _("Avböjd")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_join_requests"
    )
    message = models.TextField(_("meddelande"), max_length=2000, blank=True, default="")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("förfrågan att gå med")
        verbose_name_plural = _("förfrågningar att gå med")
        ordering = ["created_at", "pk"]
        constraints = [
            # Asking twice while the first request waits leaves one request.
            models.UniqueConstraint(
                fields=["project", "user"],
                condition=Q(status="pending"),
                name="join_request_one_pending",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.project}"


class StatusReport(models.Model):
    """A status report: how the project is doing (green/yellow/red) and why."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_reports")
    health = models.CharField(_("läge"), max_length=10, choices=Project.Health.choices)
    text = models.TextField(_("rapport"), max_length=5000)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")
        ordering = ["-reported_at", "-pk"]
        # The project page's report history, newest first.
        indexes = [models.Index(fields=["project", "-reported_at"], name="status_report_project")]

    def __str__(self):
        return f"{self.project}: {self.get_health_display()}"


class ProjectMilestone(models.Model):
    """A milestone on the way, with its progress in percent."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milstolpe"), max_length=200)
    due_on = models.DateField(_("klar senast"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(_("framsteg i procent"), default=0)
    done_on = models.DateField(_("klar den"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("milstolpe")
        verbose_name_plural = _("milstolpar")
        ordering = [models.F("due_on").asc(nulls_last=True), "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="project_milestone_progress_0_100",
            ),
        ]

    def __str__(self):
        return self.title


class GateDecision(models.Model):
    """A decision at one of the project's gates; "go" carries the receiving unit's commitment."""

    class Gate(models.TextChoices):
        START = "start", _("Start")
        CONTINUE = "continue", _("Fortsätt")
        CLOSE = "close", _("Avsluta")

    class Outcome(models.TextChoices):
        GO = "go", _("Gå vidare")
        HOLD = "hold", _("Vänta")
        STOP = "stop", _("Stoppa")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="gate_decisions")
    gate = models.CharField(_("grind"), max_length=20, choices=Gate.choices)
    outcome = models.CharField(_("beslut"), max_length=10, choices=Outcome.choices)
    reason = models.TextField(_("motivering"), max_length=5000)
    from_status = models.CharField(max_length=20, choices=Project.Status.choices)
    to_status = models.CharField(max_length=20, choices=Project.Status.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutsfattare"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslutad"), auto_now_add=True)
    # The commitment (only on "go"): the same fields and rules as an idea's Commitment.
    receiving_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("mottagande enhet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig hos mottagaren"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_commitments",
    )
    hours = models.PositiveIntegerField(
        _("timmar"), null=True, blank=True, validators=[MaxValueValidator(MAX_HOURS)]
    )
    kronor = models.PositiveIntegerField(
        _("kronor"), null=True, blank=True, validators=[MaxValueValidator(MAX_KRONOR)]
    )
    until = models.DateField(_("till och med"), null=True, blank=True)
    success_criteria = models.TextField(_("framgångskriterier"), blank=True, default="")

    class Meta:
        verbose_name = _("grindbeslut")
        verbose_name_plural = _("grindbeslut")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            # A "go" is never stored without its receiving unit and owner.
            models.CheckConstraint(
                condition=~Q(outcome="go")
                | (Q(receiving_unit__isnull=False) & Q(owner__isnull=False)),
                name="gate_go_has_commitment",
            ),
        ]

    def __str__(self):
        return f"{self.project}: {self.get_gate_display()} – {self.get_outcome_display()}"

    @property
    def has_commitment(self):
        return self.receiving_unit_id is not None
