"""Guidance pages: the public pages and their feedback, the accessibility statement and its
defect form, and the coordinator's editing, feedback overview and defect list."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.activity.models import Event
from ideverket.lib import exports
from ideverket.lib.forms import is_id
from ideverket.lib.markdown import render as render_markdown
from ideverket.org.models import Unit

from . import actions, statement
from .forms import (
    PERIODS,
    DefectHandleForm,
    DefectReportForm,
    FeedbackForm,
    GuidePageForm,
    PeriodForm,
)
from .models import DefectReport, GuidePage, PageFeedback
from .rules import is_coordinator

# The session remembers which pages this browser has answered: one answer per page and session.
ANSWERED_KEY = "guidance_answered"
# Defect reports one session may send; enough for real use, a brake on a flood.
REPORTS_PER_SESSION = 5
REPORTS_KEY = "guidance_reports"


def get_page_for_user(request, slug):
    """The page if the user may read it (drafts: the coordinator only); 404 otherwise."""
    page = (
        GuidePage.objects.visible_to(request.user)
        .select_related("contact__unit", "parent")
        .filter(slug=slug)
        .first()
    )
    if page is None:
        raise Http404
    return page


def _require_coordinator_or_404(request):
    # The management pages do not exist for anyone else.
    if not is_coordinator(request.user):
        raise Http404


def _answered(request, page):
    return page.pk in request.session.get(ANSWERED_KEY, [])


def _toc(pages):
    """[(page, [(child, […]), …]), …]: the tree of `pages`; a page whose parent is not among
    them (an unpublished parent) is shown at the top."""
    ids = {p.pk for p in pages}
    children = {}
    for p in pages:
        children.setdefault(p.parent_id if p.parent_id in ids else None, []).append(p)

    def branch(parent_id, depth):
        if depth > 5:  # a cycle cannot be saved, but a tree is never drawn deeper than this
            return []
        return [(p, branch(p.pk, depth + 1)) for p in children.get(parent_id, [])]

    return branch(None, 0)


# -- public pages -----------------------------------------------------------------------------
@login_not_required
@require_GET
def index(request):
    pages = list(
        GuidePage.objects.visible_to(request.user)
        .in_order()
        .only("id", "title", "slug", "summary", "parent_id", "order", "is_published")
    )
    return render(
        request,
        "guidance/index.html",
        {
            "toc": _toc(pages),
            "is_coordinator": is_coordinator(request.user),
            "nav": "guidance",
        },
    )


def _page_context(request, page, form):
    children = list(
        GuidePage.objects.visible_to(request.user)
        .filter(parent=page)
        .in_order()
        .only("id", "title", "slug", "summary")
    )
    return {
        "page": page,
        "body": render_markdown(page.body),
        "children": children,
        "form": form,
        "answered": _answered(request, page),
        "is_coordinator": is_coordinator(request.user),
        "nav": "guidance",
    }


@login_not_required
@require_GET
def page(request, slug):
    page = get_page_for_user(request, slug)
    form = FeedbackForm(user=request.user)
    return render(request, "guidance/page.html", _page_context(request, page, form))


@login_not_required
@require_POST
def feedback(request, slug):
    """Save an answer; the page (no JS) or the thank-you partial (htmx) comes back."""
    page = get_page_for_user(request, slug)
    if not page.is_published:
        raise Http404
    form = FeedbackForm(request.POST, user=request.user)
    already = _answered(request, page)
    if not already and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_give_feedback(
                request.user,
                page,
                helpful=data["helpful"],
                comment=data["comment"],
                anonymous=data.get("anonymous", True),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            request.session[ANSWERED_KEY] = [*request.session.get(ANSWERED_KEY, []), page.pk][-200:]
            already = True
    if already and not request.htmx:
        return redirect(f"{page.get_absolute_url()}#aterkoppling")
    context = _page_context(request, page, form)
    if request.htmx:
        return render(request, "guidance/page.html#feedback", context)
    return render(request, "guidance/page.html", context, status=422)


def _municipality_name():
    root = Unit.objects.filter(kind=Unit.Kind.MUNICIPALITY).only("name").first()
    return root.name if root else _("Kommunen")


@login_not_required
@require_http_methods(["GET", "POST"])
def accessibility(request):
    """The accessibility statement (DIGG's structure) and the form to report a defect."""
    form = DefectReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        sent = request.session.get(REPORTS_KEY, 0)
        if sent >= REPORTS_PER_SESSION:
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Du har redan skickat flera rapporter. Vänta en stund, eller kontakta oss "
                    "på annat sätt."
                ),
            )
        elif form.is_valid():
            data = form.cleaned_data
            try:
                actions.do_report_defect(
                    request.user,
                    page_url=data["page_url"],
                    description=data["description"],
                    name=data["name"],
                    email=data["email"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                request.session[REPORTS_KEY] = sent + 1
                messages.success(
                    request,
                    _("Tack för att du hjälper oss! Vi har tagit emot din rapport."),
                )
                return redirect("guidance:accessibility")
        status = 422
    return render(
        request,
        "guidance/accessibility.html",
        {
            "form": form,
            "municipality": _municipality_name(),
            "statement": statement,
            "nav": "accessibility",
        },
        status=status,
    )


# -- the coordinator: pages -------------------------------------------------------------------
def _edit_response(request, form, page, status):
    preview = None
    if request.method == "POST" and "preview" in request.POST and form.is_valid():
        preview = render_markdown(form.cleaned_data["body"])
    timeline = list(Event.objects.for_subject(page).timeline()) if page else []
    return render(
        request,
        "guidance/page_form.html",
        {"form": form, "page": page, "preview": preview, "timeline": timeline, "nav": "guidance"},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def page_create(request):
    _require_coordinator_or_404(request)
    form = GuidePageForm(request.POST or None)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            page = actions.do_create_guide_page(request.user, **form.page_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Sidan är skapad."))
            return redirect("guidance:edit", slug=page.slug)
    return _edit_response(request, form, None, 422 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def page_edit(request, slug):
    _require_coordinator_or_404(request)
    page = get_page_for_user(request, slug)
    form = GuidePageForm(request.POST or None, page=page)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            page = actions.do_edit_guide_page(request.user, page, **form.page_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Sidan är sparad."))
            return redirect("guidance:edit", slug=page.slug)
    return _edit_response(request, form, page, 422 if form.errors else 200)


# -- the coordinator: feedback ----------------------------------------------------------------
def _month_start(day, months_back=0):
    month = day.month - 1 - months_back
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def _period(request):
    """(form, key, label, start as an aware datetime or None) from ?period=, default 3 months."""
    form = PeriodForm(request.GET or None)
    key = "3m"
    if form.is_bound and form.is_valid() and form.cleaned_data["period"]:
        key = form.cleaned_data["period"]
    today = timezone.localdate()
    back = {"month": 0, "3m": 2, "12m": 11}.get(key)
    start = None
    if back is not None:
        start = timezone.make_aware(
            datetime.datetime.combine(_month_start(today, back), datetime.time())
        )
    return form, key, dict(PERIODS)[key], start


def share(yes, no):
    """Percent of the answers that were yes, or None without answers."""
    return round(100 * yes / (yes + no)) if yes + no else None


def _overview_columns():
    return [
        (gettext_lazy("Sida"), lambda p: p.title),
        (gettext_lazy("Publicerad"), lambda p: p.is_published),
        (gettext_lazy("Ja"), lambda p: p.yes),
        (gettext_lazy("Nej"), lambda p: p.no),
        (gettext_lazy("Andel ja (%)"), lambda p: share(p.yes, p.no)),
    ]


@require_GET
def feedback_overview(request):
    _require_coordinator_or_404(request)
    form, key, label, start = _period(request)
    pages = list(
        GuidePage.objects.in_order()
        .with_feedback_counts(start)
        .only("id", "title", "slug", "is_published")
    )
    for p in pages:
        p.share = share(p.yes, p.no)
    if response := exports.download(
        request, _("återkoppling vägledning"), _overview_columns(), pages
    ):
        return response
    yes = sum(p.yes for p in pages)
    no = sum(p.no for p in pages)
    return render(
        request,
        "guidance/feedback_overview.html",
        {
            "form": form,
            "period_label": label,
            "pages": pages,
            "total": {"yes": yes, "no": no, "share": share(yes, no)},
            "export_query": f"period={key}&",
            "period_key": key,
            "nav": "guidance",
        },
    )


def _answer_columns():
    return [
        (gettext_lazy("Tid"), lambda f: f.created_at),
        (gettext_lazy("Hjälpte"), lambda f: f.helpful),
        (gettext_lazy("Kommentar"), lambda f: f.comment),
        (gettext_lazy("Person"), lambda f: f.user.name if f.user else _("anonym")),
    ]


@require_GET
def page_feedback(request, slug):
    _require_coordinator_or_404(request)
    page = get_page_for_user(request, slug)
    form, key, label, start = _period(request)
    answers = PageFeedback.objects.filter(page=page)
    if start is not None:
        answers = answers.filter(created_at__gte=start)
    rows = answers.select_related("user").order_by("-created_at", "-pk")
    if response := exports.download(
        request,
        _("återkoppling %(page)s") % {"page": page.slug},
        _answer_columns(),
        rows.iterator(exports.CHUNK_SIZE),
    ):
        return response
    months = list(
        answers.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
        .order_by("-month")
    )
    for row in months:
        row["share"] = share(row["yes"], row["no"])
    yes = sum(r["yes"] for r in months)
    no = sum(r["no"] for r in months)
    comments = Paginator(rows.exclude(comment=""), settings.IDEVERKET["PAGE_SIZE"]).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "guidance/page_feedback.html",
        {
            "page": page,
            "form": form,
            "period_label": label,
            "months": months,
            "total": {"yes": yes, "no": no, "share": share(yes, no)},
            "page_obj": comments,
            "querystring_without_page": f"period={key}&",
            "export_query": f"period={key}&",
            "nav": "guidance",
        },
    )


# -- the coordinator: accessibility reports ---------------------------------------------------
STATUS_FILTERS = {"": None, "new": DefectReport.Status.NEW, "fixed": DefectReport.Status.FIXED}


def _defect_columns(request):
    return [
        (gettext_lazy("Inkom"), lambda r: r.created_at),
        (gettext_lazy("Sida"), lambda r: r.page_url),
        (gettext_lazy("Problem"), lambda r: r.description),
        (gettext_lazy("Namn"), lambda r: r.name),
        (gettext_lazy("E-post"), lambda r: r.email),
        (gettext_lazy("Status"), lambda r: r.get_status_display()),
        (gettext_lazy("Svar och åtgärd"), lambda r: r.reply),
        (gettext_lazy("Hanterad"), lambda r: r.handled_at),
        (gettext_lazy("Hanterad av"), lambda r: exports.name_of(r.handled_by)),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


@require_GET
def defects(request):
    _require_coordinator_or_404(request)
    status = request.GET.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    reports = DefectReport.objects.select_related("handled_by").order_by("-created_at", "-pk")
    if STATUS_FILTERS[status]:
        reports = reports.filter(status=STATUS_FILTERS[status])
    if response := exports.download(
        request,
        _("tillgänglighetsbrister"),
        _defect_columns(request),
        reports.iterator(exports.CHUNK_SIZE),
    ):
        return response
    page_obj = Paginator(reports, settings.IDEVERKET["PAGE_SIZE"]).get_page(request.GET.get("page"))
    query = f"status={status}&" if status else ""
    return render(
        request,
        "guidance/defects.html",
        {
            "page_obj": page_obj,
            "status": status,
            "open_count": DefectReport.objects.open().count(),
            "querystring_without_page": query,
            "export_query": query,
            "nav": "guidance",
        },
    )


@require_http_methods(["GET", "POST"])
def defect(request, pk):
    _require_coordinator_or_404(request)
    if not is_id(pk):
        raise Http404
    report = DefectReport.objects.select_related("handled_by").filter(pk=pk).first()
    if report is None:
        raise Http404
    form = DefectHandleForm(
        request.POST or None, initial={"status": report.status, "reply": report.reply}
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_handle_defect_report(
                request.user,
                report,
                status=form.cleaned_data["status"],
                reply=form.cleaned_data["reply"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("Rapporten är uppdaterad."))
            return redirect("guidance:defects")
    return render(
        request,
        "guidance/defect.html",
        {
            "report": report,
            "form": form,
            "timeline": list(Event.objects.for_subject(report).timeline()),
            "nav": "guidance",
        },
        status=422 if form.errors else 200,
    )
