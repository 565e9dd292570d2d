"""Guidance pages (how the process works, the methods, whom to contact), the "Hjälpte
informationen på sidan dig?" feedback on each of them, and reports of accessibility defects.

Pages are public: anyone may read a published page without logging in. The coordinator writes
them; each names a responsible contact person (informationsansvarig). Feedback is anonymous
unless a logged-in person chooses to put their name to it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Longest comment kept with a feedback answer, and with a defect report's description.
MAX_COMMENT = 1000
MAX_DESCRIPTION = 3000
# Path segments the app's own pages use; a page's slug may not be one of them.
RESERVED_SLUGS = frozenset({"ny", "aterkoppling", "tillganglighet"})


class GuidePageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Published pages for everyone, also anonymous visitors; drafts for the coordinator."""
        if user.is_authenticated and user.is_coordinator:
            return self
        return self.published()

    def in_order(self):
        return self.order_by("order", "title", "pk")

    def with_feedback_counts(self, since=None):
        """Annotate `yes` and `no`: the answers given since `since` (all when None)."""
        when = Q(feedback__created_at__gte=since) if since is not None else Q()
        return self.annotate(
            yes=Count("feedback", filter=when & Q(feedback__helpful=True)),
            no=Count("feedback", filter=when & Q(feedback__helpful=False)),
        )


class GuidePage(models.Model):
    """A guidance page written in Markdown, with a responsible contact person."""

    title = models.CharField(_("rubrik"), max_length=200)
    slug = models.SlugField(_("adress"), max_length=80, unique=True, allow_unicode=False)
    summary = models.CharField(_("ingress"), max_length=300, blank=True, default="")
    body = models.TextField(_("text"), max_length=30_000)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("överordnad sida"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    is_published = models.BooleanField(_("publicerad"), default=False)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("informationsansvarig"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="guide_pages",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = GuidePageQuerySet.as_manager()

    class Meta:
        verbose_name = _("vägledningssida")
        verbose_name_plural = _("vägledningssidor")
        ordering = ["order", "title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guidance:page", args=[self.slug])


class PageFeedback(models.Model):
    """One answer to "Hjälpte informationen på sidan dig?": yes or no, and an optional comment.

    `user` is kept only when a logged-in person chose not to answer anonymously."""

    page = models.ForeignKey(GuidePage, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("hjälpte"))
    comment = models.TextField(_("kommentar"), max_length=MAX_COMMENT, blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("återkoppling")
        verbose_name_plural = _("återkoppling")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The feedback overview and a page's monthly table: answers per page since a date.
            models.Index(fields=["page", "created_at"], name="guidance_feedback_page_time"),
        ]

    def __str__(self):
        return f"{self.page_id}:{'ja' if self.helpful else 'nej'}"


class DefectReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=DefectReport.Status.NEW)


class DefectReport(models.Model):
    """A report of an accessibility defect (brist i tillgängligheten), sent from the statement."""

    class Status(models.TextChoices):
        NEW = "new", _("Ny")
        FIXED = "fixed", _("Åtgärdad")

    page_url = models.CharField(_("sida eller adress"), max_length=500)
    description = models.TextField(_("vad är problemet"), max_length=MAX_DESCRIPTION)
    name = models.CharField(_("namn"), max_length=200, blank=True, default="")
    email = models.EmailField(_("e-post"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    reply = models.TextField(_("svar och åtgärd"), max_length=MAX_DESCRIPTION, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DefectReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("rapporterad brist i tillgängligheten")
        verbose_name_plural = _("rapporterade brister i tillgängligheten")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.page_url[:60]

    def get_absolute_url(self):
        return reverse("guidance:defect", args=[self.pk])

    @property
    def title(self):
        """How the report is named in lists and notifications."""
        return _("Brist på %(page)s") % {"page": self.page_url[:80]}
