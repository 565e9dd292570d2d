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

from ideverket.lib.text import choice_label, search_key
from ideverket.org.models import RoleAssignment, Unit

from .process import AWAITING_DECISION, Outcome, Stage


def stage_limits():
    return settings.IDEVERKET.get("STAGE_LIMITS_DAYS", {})


def visibility_q(user, prefix=""):
    """The ideas `user` may see as a Q, on the idea itself or through `prefix` (e.g. "idea__"),
    so a trial or an implementation can filter by its idea's visibility in a plain join.

    Only for an active, signed-in user (`IdeaQuerySet.visible_to` checks that first).
    """

    def q(**lookups):
        return Q(**{prefix + name: value for name, value in lookups.items()})

    # IN over the user's own few rows, not a correlated EXISTS per idea: the plan then does
    # not depend on the database's statistics (without ANALYZE, SQLite walked the owner
    # index once per idea: 100,000 ideas × 300 commitments of a busy manager).
    mine = q(pk__in=Idea.submitters.through.objects.filter(user=user).values("idea_id"))
    if user.is_coordinator:
        return ~q(stage=Stage.DRAFT) | mine
    inside = q(pk__in=[])
    if user.unit_id is not None:
        # The owner unit is the user's own unit or one above it.
        inside = q(owner_unit_id__in=user.unit.ancestor_ids)
    # Unit roles only: the admin role manages the organisation, not its content.
    by_role = user.units_with_role_filter(prefix + "owner_unit", *RoleAssignment.UNIT_ROLES)
    # A receiving unit's named owner must see what they committed to carry on.
    committed = q(pk__in=Commitment.objects.filter(owner=user).values("decision__idea_id"))
    restricted_ok = inside | by_role | q(handler=user) | q(coach=user) | committed
    return (~q(stage=Stage.DRAFT) & (q(visibility=Idea.Visibility.OPEN) | restricted_ok)) | mine


class IdeaQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everything that shows ideas starts here (DESIGN.md, "Visibility")."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(visibility_q(user))

    def submitted_by(self, user):
        # A join (one row per idea and submitter), not EXISTS per idea: both databases start
        # from the user's few rows instead of reading every idea.
        return self.filter(submitters=user)

    def with_viewer_flags(self, user):
        """Annotate whether `user` supports and follows each idea (no extra query per flag)."""
        return self.annotate(
            viewer_supports=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)),
            viewer_follows=Exists(Follow.objects.filter(idea=OuterRef("pk"), user=user)),
        )

    def with_page_flags(self):
        """Annotate whether each idea has decisions, so the idea page skips the decisions query
        when there are none (most ideas have no decision yet)."""
        return self.annotate(has_decisions=Exists(Decision.objects.filter(idea=OuterRef("pk"))))

    def followed_by(self, user):
        # A join, as submitted_by() (one follow per idea and user): from the follow_user index.
        return self.filter(follows__user=user)

    def awaiting_decision_by(self, user):
        """Ideas in a deciding stage under a unit where `user` manages or leads innovation."""
        if user.is_coordinator:
            return self.filter(stage__in=AWAITING_DECISION)
        return self.filter(stage__in=AWAITING_DECISION).filter(
            user.units_with_role_filter("owner_unit", *RoleAssignment.DECIDERS)
        )

    def waiting_too_long(self, today=None):
        """Ideas past their stage's time limit or parked past their revisit date. The limit is
        the idea's department's own (departments app) or else settings STAGE_LIMITS_DAYS: one
        term per (stage, limit) in the same statement, read from at most one small query."""
        from ideverket.departments.limits import waiting_condition

        return self.filter(waiting_condition(timezone.now(), today or timezone.localdate()))

    def search(self, query):
        """Ideas matching every word of `query` (search.py: full-text on PostgreSQL)."""
        from .search import search_ideas

        return search_ideas(self, query)

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
            # The unfiltered idea list and search, newest (or oldest) first: the page is read
            # in index order and stops after 26 visible rows instead of sorting every idea.
            # Without drafts, which the list never shows and PostgreSQL would read first
            # (their submitted_at is NULL, first in descending order).
            models.Index(
                fields=["submitted_at", "id"],
                condition=~models.Q(stage="draft"),
                name="idea_submitted_not_draft",
            ),
            # The idea list's other orders (forms.SORTS: most support, most comments, longest
            # in the same stage), read in index order like the newest-first one.
            models.Index(
                fields=["support_count", "submitted_at", "id"],
                condition=~models.Q(stage="draft"),
                name="idea_support_not_draft",
            ),
            models.Index(
                fields=["comment_count", "submitted_at", "id"],
                condition=~models.Q(stage="draft"),
                name="idea_comments_not_draft",
            ),
            models.Index(
                fields=["stage_changed_at", "id"],
                condition=~models.Q(stage="draft"),
                name="idea_waiting_not_draft",
            ),
            # waiting_too_long(): each stage's ideas older than its limit.
            models.Index(fields=["stage", "stage_changed_at"], name="idea_stage_changed"),
            # Department/unit filters on the idea list and the "awaiting decision" query.
            models.Index(fields=["owner_unit", "stage"], name="idea_unit_stage"),
            # The department pages' per-viewer counts (departments.overview): a unit's restricted
            # ideas found by seeking, then stage, time limits and visibility read from the index.
            models.Index(
                fields=[
                    "owner_unit",
                    "visibility",
                    "stage",
                    "stage_changed_at",
                    "revisit_on",
                    "handler",
                    "coach",
                ],
                name="idea_department_restricted",
            ),
            # Search on PostgreSQL (search.search_ideas) uses the GIN index "idea_search" on
            # a generated tsvector column: both made by migration 0008 on PostgreSQL only,
            # since SQLite has neither (there, search reads search_text with LIKE).
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
        from ideverket.departments import limits

        now = timezone.now()
        # No limit is shorter than a day: a fresh idea needs no lookup at all.
        if self.stage_changed_at is None or self.stage_changed_at >= now - limits.SHORTEST_LIMIT:
            return False
        department_id = None
        if limits.has_overrides_for(self.stage):
            # From the owner unit's path when it is loaded (lists load it), else its column.
            if Idea.owner_unit.is_cached(self):
                department_id = self.owner_unit.department_id_of_path(self.owner_unit.path)
            else:
                department_id = (
                    Unit.objects.filter(pk=self.owner_unit_id)
                    .values_list("department_id", flat=True)
                    .first()
                )
        days = limits.limit_for(self.stage, department_id)
        if days is None:
            return False
        return self.stage_changed_at < now - datetime.timedelta(days=days)

    @property
    def card_key(self):
        """Everything ideas/_card.html shows, as one string: the card's cache key, so a card
        is rendered again as soon as anything on it changes (one lookup, not eleven)."""
        return "\x1f".join(
            str(value)
            for value in (
                self.pk,
                self.stage,
                self.visibility,
                self.is_waiting_too_long,
                self.looking_for_partners,
                self.support_count,
                self.comment_count,
                self.submitted_at,
                self.owner_unit.name,
                self.challenge.title if self.challenge_id else "",
                self.title,
            )
        )

    @property
    def stage_label(self):
        """get_stage_display() without translating every stage's label on each call."""
        return choice_label(Stage, self.stage)

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
    # When the idea entered from_stage: lead time per stage is decided_at − stage_entered_at,
    # summed by the database in the insights report.
    stage_entered_at = models.DateTimeField(null=True, blank=True, editable=False)
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
        indexes = [
            # Insights: decisions of a period, grouped by outcome or by the stage they left.
            models.Index(fields=["decided_at", "from_stage"], name="decision_period_stage"),
        ]

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
