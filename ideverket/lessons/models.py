"""Lessons: what was learned, from what, and whether it worked, searchable across the municipality.

A lesson belongs to a subject (an idea now; a trial or project later) through a content type and
an id; whoever may see the subject may see its lessons (`ideverket.lib.subjects`).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ideverket.lib.subjects import visible_ids
from ideverket.lib.text import search_key


class LessonQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Lessons whose source `user` may see, decided in the same SQL statement."""
        return self.filter(visible_ids(user))

    def for_subject(self, subject):
        return self.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        )

    def in_department(self, department):
        return self.filter(department=department)

    def for_list(self):
        """What a list shows: the unit joined in, the source loaded per kind (prefetch)."""
        return self.select_related("unit", "created_by").prefetch_related("subject")


class Lesson(models.Model):
    """Something learned from an idea, trial or project, including the ones that were stopped."""

    class Outcome(models.TextChoices):
        WORKED = "worked", _("Det fungerade")
        PARTLY = "partly", _("Det fungerade delvis")
        DID_NOT_WORK = "did_not_work", _("Det fungerade inte")

    title = models.CharField(_("rubrik"), max_length=200)
    text = models.TextField(_("lärdomen"), max_length=10000, validators=[MaxLengthValidator(10000)])
    outcome = models.CharField(
        _("hur gick det?"), max_length=20, choices=Outcome.choices, default=Outcome.PARTLY
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("enhet"), on_delete=models.PROTECT, related_name="+"
    )
    # The unit's department when the lesson was written: the department filter needs no join.
    department = models.ForeignKey(
        "org.Unit",
        verbose_name=_("förvaltning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    search_text = models.TextField(editable=False, default="")

    objects = LessonQuerySet.as_manager()

    class Meta:
        verbose_name = _("lärdom")
        verbose_name_plural = _("lärdomar")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # for_subject(): the lessons panel on an item's page.
            models.Index(fields=["subject_type", "subject_id"], name="lesson_subject"),
            # The lesson list filtered by department, newest first.
            models.Index(fields=["department", "-created_at"], name="lesson_department"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("lessons:detail", args=[self.pk])

    def refresh_search_text(self):
        self.search_text = search_key(f"{self.title} {self.text}")
