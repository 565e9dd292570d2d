"""Ideas, the decisions taken on them, and what people do around them."""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.lib.text import search_key
from ideverket.org.models import RoleAssignment

from .process import AWAITING_DECISION, Outcome, Stage


def stage_limits():
    return settings.IDEVERKET.get("STAGE_LIMITS_DAYS", {})


class IdeaQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everything that shows ideas starts here (DESIGN.md, "Visibility")."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        submitted = Idea.submitters.through.objects.filter(idea=OuterRef("pk"), user=user)
        mine = Exists(submitted)
        if user.is_coordinator:
            return self.filter(~Q(stage=Stage.DRAFT) | mine)
        inside = Q(pk__in=[])
        if user.unit_id is not None:
            # The owner unit is the user's own unit or one above it.
            inside = Q(owner_unit_id__in=user.unit.ancestor_ids)
        # Unit roles only: the admin role manages the organisation, not its content.
        by_role = user.units_with_role_filter("owner_unit", *RoleAssignment.UNIT_ROLES)
        # A receiving unit's named owner must see what they committed to carry on.
        committed = Exists(Commitment.objects.filter(decision__idea=OuterRef("pk"), owner=user))
        restricted_ok = inside | by_role | Q(handler=user) | Q(coach=user) | committed
        return self.filter(
            (~Q(stage=Stage.DRAFT) & (Q(visibility=Idea.Visibility.OPEN) | restricted_ok)) | mine
        )

    def submitted_by(self, user):
        return self.filter(
            Exists(Idea.submitters.through.objects.filter(idea=OuterRef("pk"), user=user))
        )

    def with_viewer_flags(self, user):
        """Annotate whether `user` supports and follows each idea (no extra query per flag)."""
        return self.annotate(
            viewer_supports=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)),
            viewer_follows=Exists(Follow.objects.filter(idea=OuterRef("pk"), user=user)),
        )

    def followed_by(self, user):
        return self.filter(Exists(Follow.objects.filter(idea=OuterRef("pk"), user=user)))

    def awaiting_decision_by(self, user):
        """Ideas in a deciding stage under a unit where `user` manages or leads innovation."""
        if user.is_coordinator:
            return self.filter(stage__in=AWAITING_DECISION)
        return self.filter(stage__in=AWAITING_DECISION).filter(
            user.units_with_role_filter("owner_unit", *RoleAssignment.DECIDERS)
        )

    def waiting_too_long(self, today=None):
        """Ideas past their stage's time limit (settings STAGE_LIMITS_DAYS) or revisit date."""
        now = timezone.now()
        condition = Q(stage=Stage.PARKED, revisit_on__lte=today or timezone.localdate())
        for stage, days in stage_limits().items():
            condition |= Q(stage=stage, stage_changed_at__lt=now - datetime.timedelta(days=days))
        return self.filter(condition)

    def for_list(self):
        return self.select_related("owner_unit", "challenge").only(
            "revisit_on",
            "id",
            "title",
            "stage",
            "visibility",
            "created_at",
            "submitted_at",
            "stage_changed_at",
            "support_count",
            "comment_count",
            "owner_unit__name",
            "owner_unit__path",
            "challenge__title",
            "looking_for_partners",
        )


class Idea(models.Model):
    """An idea for doing something better, from submission through decisions to its end."""

    class Visibility(models.TextChoices):
        OPEN = "open", _("Hela kommunen")
        RESTRICTED = "restricted", _("Bara den ägande enheten")

    title = models.CharField(_("rubrik"), max_length=150)
    problem = models.TextField(_("problemet"), max_length=5000)
    proposal = models.TextField(_("förslaget"), max_length=5000)
    benefit = models.TextField(_("förväntad nytta"), max_length=5000, blank=True, default="")
    challenge = models.ForeignKey(
        "challenges.Challenge",
        verbose_name=_("utmaning"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    owner_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("berörd enhet"),
        on_delete=models.PROTECT,
        related_name="ideas",
    )
    themes = models.ManyToManyField(
        "challenges.Theme",
        verbose_name=_("teman"),
        blank=True,
        related_name="ideas",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("förslagsställare"),
        related_name="submitted_ideas",
    )
    stage = models.CharField(
        _("steg"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.DRAFT,
        db_index=True,
    )
    visibility = models.CharField(
        _("synlighet"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.OPEN,
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_ideas",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach (idéinspiratör)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_ideas",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("sammanslagen med"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_ideas",
    )
    revisit_on = models.DateField(_("titta igen"), null=True, blank=True)
    looking_for_partners = models.BooleanField(_("söker samarbetspartner"), default=False)
    # Kept by the actions that add and remove supports/comments, so lists never count rows.
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    stage_changed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(editable=False, default="")

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idé")
        verbose_name_plural = _("idéer")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            # The idea list's default order (newest first), filtered by stage.
            models.Index(fields=["stage", "-submitted_at"], name="idea_stage_submitted"),
            # waiting_too_long(): each stage's ideas older than its limit.
            models.Index(fields=["stage", "stage_changed_at"], name="idea_stage_changed"),
            # Department/unit filters on the idea list and the "awaiting decision" query.
            models.Index(fields=["owner_unit", "stage"], name="idea_unit_stage"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ideas:detail", args=[self.pk])

    def refresh_search_text(self):
        self.search_text = search_key(
            " ".join([self.title, self.problem, self.proposal, self.benefit])
        )

    @cached_property
    def submitter_ids(self):
        """Ids of the submitters, loaded once per instance (permission checks use it often)."""
        return set(self.submitters.values_list("pk", flat=True))

    @property
    def is_waiting_too_long(self):
        """The same rule as IdeaQuerySet.waiting_too_long(), for one loaded idea."""
        if self.stage == Stage.PARKED:
            return self.revisit_on is not None and self.revisit_on <= timezone.localdate()
        days = stage_limits().get(self.stage)
        if days is None or self.stage_changed_at is None:
            return False
        return self.stage_changed_at < timezone.now() - datetime.timedelta(days=days)

    @property
    def is_restricted(self):
        return self.visibility == self.Visibility.RESTRICTED


class Decision(models.Model):
    """One move of an idea from a stage to the next: who decided, when, and why."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("beslut"), max_length=20, choices=Outcome.choices)
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutsfattare"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    decided_at = models.DateTimeField(_("beslutad"), auto_now_add=True)
    reason = models.TextField(_("motivering"), blank=True, default="")
    revisit_on = models.DateField(_("titta igen"), null=True, blank=True)
    target_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("till enhet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_idea = models.ForeignKey(
        Idea,
        verbose_name=_("sammanslagen med"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.idea}: {self.get_outcome_display()}"


class Commitment(models.Model):
    """The receiving unit's promise to carry a result on: owner, resources, success criteria."""

    decision = models.OneToOneField(Decision, on_delete=models.CASCADE, related_name="commitment")
    receiving_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("mottagande enhet"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarig hos mottagaren"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    hours = models.PositiveIntegerField(
        _("timmar"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000)],
    )
    kronor = models.PositiveIntegerField(
        _("kronor"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000_000)],
    )
    until = models.DateField(_("till och med"), null=True, blank=True)
    success_criteria = models.TextField(_("framgångskriterier"), blank=True, default="")

    class Meta:
        verbose_name = _("åtagande")
        verbose_name_plural = _("åtaganden")

    def __str__(self):
        return f"{self.receiving_unit} / {self.owner}"


class Comment(models.Model):
    """A comment on an idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("kommentar"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        ordering = ["created_at", "pk"]
        # The idea page lists an idea's comments in order.
        indexes = [models.Index(fields=["idea", "created_at"], name="comment_idea_created")]

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"


class Support(models.Model):
    """One person's support for an idea (at most one each)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stöd")
        verbose_name_plural = _("stöd")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="support_once")]

    def __str__(self):
        return f"{self.user_id} → {self.idea_id}"


class Follow(models.Model):
    """A person following an idea gets its decisions and comments as notifications."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="follow_once")]
        # followed_by(): Min sida's "what I follow".
        indexes = [models.Index(fields=["user", "idea"], name="follow_user")]

    def __str__(self):
        return f"{self.user_id} → {self.idea_id}"
