"""Challenges (utmaningar/behov) framed as "Hur kan vi …?" and the strategic themes."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ideverket.lib.text import search_key


class Theme(models.Model):
    """A strategic theme such as Kompetensförsörjning or Digitalisering (admin-managed)."""

    name = models.CharField(_("namn"), max_length=100, unique=True)
    description = models.TextField(_("beskrivning"), blank=True, default="")
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("teman")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ChallengeQuerySet(models.QuerySet):
    def open(self):
        today = timezone.localdate()
        return self.filter(models.Q(open_until__isnull=True) | models.Q(open_until__gte=today))

    def closed(self):
        return self.filter(open_until__lt=timezone.localdate())

    def in_department(self, department):
        return self.filter(owner_unit__path__startswith=department.path)

    def with_idea_count(self, user):
        """Annotate `idea_count`: submitted ideas on each challenge that `user` may see.

        One correlated subquery in the same SQL statement, so a list costs no query per row.
        """
        from ideverket.ideas.models import Idea
        from ideverket.ideas.process import Stage

        ideas = (
            Idea.objects.visible_to(user)
            .exclude(stage=Stage.DRAFT)
            .filter(challenge=models.OuterRef("pk"))
            .order_by()
            .values("challenge")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(idea_count=Coalesce(models.Subquery(ideas), 0))

    def for_list(self):
        """What a challenge card shows: owner unit and themes loaded with the page."""
        return (
            self.select_related("owner_unit")
            .prefetch_related("themes")
            .defer("background", "needs", "search_text")
        )


class Challenge(models.Model):
    """A need or challenge a unit owns and invites ideas for."""

    class Step(models.TextChoices):
        FRAME = "frame", _("Ringa in")
        EXPLORE = "explore", _("Undersöka")
        FOCUS = "focus", _("Fokusera")
        IDEATE = "ideate", _("Ta fram idéer")
        TEST = "test", _("Testa")
        REALISE = "realise", _("Förverkliga")

    title = models.CharField(_("rubrik"), max_length=200)
    question = models.CharField(
        _("Hur kan vi …?"),
        max_length=300,
        help_text=_("Formulera utmaningen som en fråga som börjar med ”Hur kan vi”."),
    )
    background = models.TextField(_("bakgrund"), blank=True, default="")
    needs = models.TextField(_("behov"), blank=True, default="")
    owner_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("ägande enhet"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvariga"),
        blank=True,
        related_name="responsible_for_challenges",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("teman"), blank=True, related_name="challenges"
    )
    step = models.CharField(
        _("steg i Innovationsguiden"),
        max_length=20,
        choices=Step.choices,
        default=Step.FRAME,
    )
    open_until = models.DateField(_("öppen för idéer till och med"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(editable=False, default="")

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        verbose_name = _("utmaning")
        verbose_name_plural = _("utmaningar")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("challenges:detail", args=[self.pk])

    @property
    def is_open(self):
        return self.open_until is None or self.open_until >= timezone.localdate()

    def refresh_search_text(self):
        self.search_text = search_key(
            " ".join([self.title, self.question, self.background, self.needs])
        )
