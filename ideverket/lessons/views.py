"""Lesson pages: the searchable list, one lesson, writing one, and the panel on an idea."""

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from ideverket.lib import exports, subjects
from ideverket.lib.forms import is_id, querystring_without_page
from ideverket.lib.htmx import partial_or_page

from . import actions
from .forms import LessonFilterForm, LessonForm
from .models import Lesson
from .rules import can_write_lesson


def get_lesson_for_user(request, pk):
    """The lesson if the user may see its source; 404 both when missing and when hidden."""
    if not is_id(pk):
        raise Http404
    lesson = (
        Lesson.objects.visible_to(request.user)
        .select_related("unit", "department", "created_by")
        .filter(pk=pk)
        .first()
    )
    if lesson is None:
        raise Http404
    return lesson


# What a source kind's title reads besides the source itself ("Test: <the idea's title>").
SOURCE_TITLE_NEEDS = {"trials.trial": ("idea",)}


def with_sources(lessons):
    """`lessons` with their sources prefetched, one query per kind of source, each with what
    its title reads joined in (so a trial's title costs no query for its idea)."""
    sources = []
    for kind in subjects.kinds():
        source = kind.model._default_manager.all()
        if needs := SOURCE_TITLE_NEEDS.get(kind.label):
            source = source.select_related(*needs)  # never bare: that would join every FK
        sources.append(source)
    return lessons.prefetch_related(None).prefetch_related(GenericPrefetch("subject", sources))


def attach_sources(lessons):
    """Set `source_title` and `source_url` on each lesson from its (prefetched) subject."""
    for lesson in lessons:
        subject = lesson.subject
        kind = subjects.kind_of(subject) if subject is not None else None
        lesson.source_title = kind.title(subject) if kind else ""
        lesson.source_url = kind.url(subject) if kind else ""
    return lessons


def subject_panel(label):
    """A page panel with the "Lärdomar" section of a `label` subject and, for its editors, a
    link to add one. Queries: the lessons; the editor check shares the effects panel's."""

    def loader(request, subject):
        if getattr(subject, "stage", None) == "draft":
            return None
        may_edit = can_write_lesson(request.user, subject)
        lessons = list(Lesson.objects.for_subject(subject).select_related("unit"))
        if not lessons and not may_edit:
            return None
        return {
            "lessons": lessons,
            "may_edit": may_edit,
            "add_url": reverse("lessons:create", args=[label, subject.pk]),
        }

    return loader


idea_panel = subject_panel("ideas.idea")


def _lesson_columns(request):
    """The columns of the lesson list's download (sources attached by attach_sources)."""
    return [
        (gettext_lazy("Id"), lambda lesson: lesson.pk),
        (gettext_lazy("Rubrik"), lambda lesson: lesson.title),
        (gettext_lazy("Hur gick det?"), lambda lesson: lesson.get_outcome_display()),
        (gettext_lazy("Förvaltning"), lambda lesson: exports.name_of(lesson.department)),
        (gettext_lazy("Enhet"), lambda lesson: lesson.unit.name),
        (gettext_lazy("Från"), lambda lesson: lesson.source_title),
        (
            gettext_lazy("Länk till källan"),
            lambda lesson: (
                request.build_absolute_uri(lesson.source_url) if lesson.source_url else ""
            ),
        ),
        (gettext_lazy("Lärdomen"), lambda lesson: lesson.text),
        (gettext_lazy("Skriven av"), lambda lesson: exports.name_of(lesson.created_by)),
        (gettext_lazy("Skriven"), lambda lesson: lesson.created_at),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


@require_GET
def lesson_list(request):
    form = LessonFilterForm(request.GET or None)
    form.is_valid()  # invalid values are left out of cleaned_data, so filter() ignores them
    lessons = with_sources(form.filter(Lesson.objects.visible_to(request.user)).for_list())
    if exports.requested_format(request):
        # The download: the lessons (department joined in) and one query per kind of source.
        rows = attach_sources(list(lessons.select_related("department")))
        return exports.download(request, _("lärdomar"), _lesson_columns(request), rows)
    page = Paginator(lessons, settings.IDEVERKET["PAGE_SIZE"]).get_page(request.GET.get("page"))
    attach_sources(page.object_list)
    if request.htmx and request.htmx.history_restore_request:
        template = "lessons/list.html"
    else:
        template = partial_or_page(request, "lessons/list.html", "results")
    context = {
        "form": form,
        "page_obj": page,
        "querystring_without_page": querystring_without_page(form),
        "is_partial": template.endswith("#results"),
        "nav": "lessons",
    }
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))  # the same URL answers page or partial
    return response


@require_GET
def lesson_detail(request, pk):
    lesson = get_lesson_for_user(request, pk)
    attach_sources([lesson])
    return render(request, "lessons/detail.html", {"lesson": lesson, "nav": "lessons"})


@require_http_methods(["GET", "POST"])
def lesson_create(request, subject_label, subject_id):
    kind, subject = subjects.get_visible_or_404(request.user, subject_label, subject_id)
    if not can_write_lesson(request.user, subject):
        raise PermissionDenied
    form = LessonForm(request.POST or None, default_unit=kind.unit_of(subject))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            lesson = actions.do_record_lesson(
                request.user,
                subject=subject,
                title=data["title"],
                text=data["text"],
                unit=data["unit"],
                outcome=data["outcome"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Lärdomen är sparad. Nu kan andra i kommunen hitta den."))
            return redirect(lesson)
    return render(
        request,
        "lessons/form.html",
        {
            "form": form,
            "subject_title": kind.title(subject),
            "subject_url": kind.url(subject),
            "nav": "lessons",
        },
        status=422 if form.errors else 200,
    )
