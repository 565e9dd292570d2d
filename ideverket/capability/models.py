"""The yearly innovation-capability self-assessment (självskattning av innovationsförmåga).

A question set of statements grouped by dimension (ledarskap, kultur, …) is kept current by the
coordinator. A yearly Round copies the active statements into RoundQuestion rows when it opens,
so editing the question set later never changes what a past round asked or its results. Each
person answers once per round (their department at that moment is stored with the response);
results are only ever shown as averages per department and dimension, and only for groups of at
least `MIN_RESPONDENTS` people (see results.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Fewer respondents than this in a group and its figures are not shown: anonymity.
MIN_RESPONDENTS = 3
SCALE = (1, 2, 3, 4, 5)


class Dimension(models.Model):
    """One area of innovation capability the statements measure (ledarskap, kultur, …)."""

    key = models.SlugField(_("nyckel"), max_length=40, unique=True)
    name = models.CharField(_("namn"), max_length=100, unique=True)
    description = models.CharField(_("beskrivning"), max_length=300, blank=True, default="")
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensioner")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class QuestionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_order(self):
        return self.select_related("dimension").order_by("dimension__order", "order", "pk")


class Question(models.Model):
    """A statement of the current question set, answered on a scale from 1 to 5."""

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="questions"
    )
    text = models.CharField(_("påstående"), max_length=300)
    order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    is_active = models.BooleanField(_("används"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("påstående")
        verbose_name_plural = _("påståenden")
        ordering = ["dimension__order", "order", "pk"]

    def __str__(self):
        return self.text


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Draft rounds are the coordinator's; open and closed ones everybody's."""
        if user.is_authenticated and user.is_coordinator:
            return self
        return self.exclude(status=Round.Status.DRAFT)

    def open(self):
        return self.filter(status=Round.Status.OPEN)

    def closed(self):
        return self.filter(status=Round.Status.CLOSED)


class Round(models.Model):
    """One year's self-assessment: announced dates, a status, and the statements it asked."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Förberedelse")
        OPEN = "open", _("Öppen")
        CLOSED = "closed", _("Stängd")

    year = models.PositiveSmallIntegerField(_("år"), unique=True)
    period = models.ForeignKey(
        "goals.Period",
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="capability_rounds",
    )
    opens_on = models.DateField(_("öppnar"))
    closes_on = models.DateField(_("stänger"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("omgång")
        verbose_name_plural = _("omgångar")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="capability_round_closes_after_opening",
            ),
            # At most one round takes answers at a time: "Svara" always means one round.
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status="open"),
                name="capability_one_open_round",
            ),
        ]

    def __str__(self):
        return str(self.year)

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED

    def accepts_answers(self, today=None):
        """Open, and the announced closing day has not passed."""
        today = today or timezone.localdate()
        return self.is_open and today <= self.closes_on


class RoundQuestion(models.Model):
    """A statement as it was asked in one round: a copy taken when the round opened."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="questions")
    # The question it was copied from; the copy's own text and dimension are what count.
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    text = models.CharField(_("påstående"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("påstående i en omgång")
        verbose_name_plural = _("påståenden i en omgång")
        ordering = ["round", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "question"], name="capability_question_once_per_round"
            ),
        ]

    def __str__(self):
        return self.text


class Response(models.Model):
    """One person's answers in one round; the department they belonged to then is kept."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capability_responses"
    )
    department = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="capability_responses"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent"], name="capability_one_response_per_person"
            ),
        ]
        indexes = [
            # results: responses counted per round and department.
            models.Index(fields=["round", "department"], name="capability_response_group"),
        ]

    def __str__(self):
        return f"{self.round_id}:{self.respondent_id}"


class Answer(models.Model):
    """The answer to one statement: 1–5, or None for "vet inte"."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    round_question = models.ForeignKey(
        RoundQuestion, on_delete=models.PROTECT, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("svar på påstående")
        verbose_name_plural = _("svar på påståenden")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "round_question"], name="capability_answer_once"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=1, value__lte=5),
                name="capability_answer_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.round_question_id}={self.value}"
