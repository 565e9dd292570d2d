"""Training pages: courses and sessions, signing up, attendance, calendars and coverage."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.lib import exports
from ideverket.lib.forms import is_id, querystring_without_page
from ideverket.lib.urls import safe_next
from ideverket.org.models import Unit

from . import actions
from .calendar import calendar_response, site_url
from .coverage import build_coverage
from .forms import CancelSessionForm, CompletionFilterForm, CourseForm, SessionForm
from .models import CalendarFeed, Course, Enrollment, Session
from .rules import can_manage_session, coverage_department_ids, is_coordinator


# -- access helpers ---------------------------------------------------------------------------
def get_course_for_user(request, pk):
    """The course if the user may see it (unpublished: coordinator, its organisers); else 404."""
    if not is_id(pk):
        raise Http404
    course = Course.objects.visible_to(request.user).filter(pk=pk).first()
    if course is None:
        raise Http404
    return course


def get_session_for_user(request, pk):
    """The session (with its course and organiser) if the user may see it; else 404."""
    if not is_id(pk):
        raise Http404
    session = (
        Session.objects.visible_to(request.user)
        .select_related("course", "organiser")
        .with_counts()
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404
    return session


def _require_coordinator_or_404(request):
    if not is_coordinator(request.user):
        raise Http404


def _queue_position():
    """A subquery: an enrollment's place on its session's waiting list (1 = next in line)."""
    ahead = (
        Enrollment.objects.filter(session=OuterRef("session"), status=Enrollment.Status.WAITING)
        .filter(
            Q(signed_up_at__lt=OuterRef("signed_up_at"))
            | Q(signed_up_at=OuterRef("signed_up_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(ahead)


def my_enrollments(user, sessions=None):
    """The user's active sign-ups (of `sessions`, if given) with `queue_position` (one query)."""
    rows = (
        Enrollment.objects.active().filter(person=user).annotate(queue_position=_queue_position())
    )
    if sessions is not None:
        rows = rows.filter(session__in=sessions)
    return rows


def _attach_mine(user, sessions):
    """Set `.mine` (the user's active Enrollment or None) on each session; one query."""
    mine = {e.session_id: e for e in my_enrollments(user, [s.pk for s in sessions])}
    for session in sessions:
        session.mine = mine.get(session.pk)
        session.free_seats = max(session.capacity - session.confirmed_count, 0)
    return sessions


# -- courses ----------------------------------------------------------------------------------
@require_GET
def course_list(request):
    """Upcoming sessions with free seats and waiting lists, the person's own trainings, and the
    courses.

    Queries (test_query_counts.py): the request (4); upcoming sessions with counts; the
    person's sign-ups among them; "Mina utbildningar"; completed; the courses.
    """
    user = request.user
    now = timezone.now()
    upcoming = _attach_mine(
        user,
        list(
            Session.objects.visible_to(user)
            .upcoming(now)
            .filter(is_cancelled=False)
            .select_related("course")
            .with_counts()
            .order_by("starts_at", "pk")[:50]
        ),
    )
    mine = list(
        my_enrollments(user)
        .filter(session__ends_at__gt=now)
        .select_related("session__course")
        .order_by("session__starts_at")
    )
    completed = list(
        Enrollment.objects.filter(person=user, completed=True)
        .select_related("session__course")
        .order_by("-session__starts_at")
    )
    courses = list(
        Course.objects.visible_to(user)
        .annotate(
            upcoming_count=Count(
                "sessions",
                filter=Q(sessions__ends_at__gt=now, sessions__is_cancelled=False),
                distinct=True,
            )
        )
        .order_by("title", "pk")
    )
    return render(
        request,
        "training/list.html",
        {
            "upcoming": upcoming,
            "mine": mine,
            "completed": completed,
            "courses": courses,
            "is_coordinator": is_coordinator(user),
            "may_view_coverage": coverage_department_ids(user) != set(),
            "now": now,
            "nav": "training",
        },
    )


@require_GET
def course_detail(request, pk):
    """A course, its sessions to come (with sign-up buttons) and those held.

    Queries: the request (4); the course; its sessions with counts; the person's sign-ups.
    """
    course = get_course_for_user(request, pk)
    sessions = _attach_mine(
        request.user,
        list(course.sessions.select_related("organiser").with_counts().order_by("starts_at", "pk")),
    )
    now = timezone.now()
    for session in sessions:
        session.course = course
        session.may_manage = can_manage_session(request.user, session)
    return render(
        request,
        "training/course.html",
        {
            "course": course,
            "upcoming": [s for s in sessions if s.ends_at > now],
            "past": [s for s in sessions if s.ends_at <= now][::-1],
            "is_coordinator": is_coordinator(request.user),
            "now": now,
            "nav": "training",
        },
    )


def _course_form(request, course):
    _require_coordinator_or_404(request)
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        data = {
            k: form.cleaned_data[k] for k in ("title", "description", "audience", "is_published")
        }
        try:
            if course is None:
                course = actions.do_create_course(request.user, **data)
                messages.success(request, _("Utbildningen är skapad. Lägg till tillfällen."))
            else:
                course = actions.do_edit_course(request.user, course, **data)
                messages.success(request, _("Utbildningen är sparad."))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(course)
    return render(
        request,
        "training/course_form.html",
        {"form": form, "course": course, "nav": "training"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def course_create(request):
    return _course_form(request, None)


@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    _require_coordinator_or_404(request)
    return _course_form(request, get_course_for_user(request, pk))


# -- sessions ---------------------------------------------------------------------------------
def _apply_errors(form, exc):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@require_http_methods(["GET", "POST"])
def session_create(request, pk):
    _require_coordinator_or_404(request)
    course = get_course_for_user(request, pk)
    form = SessionForm(request.POST or None)
    if not form.is_bound:
        form.initial["organiser"] = request.user.email
    if request.method == "POST" and form.is_valid():
        try:
            session = actions.do_create_session(request.user, course, **form.action_kwargs())
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Tillfället är skapat."))
            return redirect(session)
    return render(
        request,
        "training/session_form.html",
        {"form": form, "course": course, "session": None, "nav": "training"},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def session_edit(request, pk):
    session = get_session_for_user(request, pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    form = SessionForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_session(request.user, session, **form.action_kwargs())
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Tillfället är sparat."))
            return redirect(session)
    return render(
        request,
        "training/session_form.html",
        {"form": form, "course": session.course, "session": session, "nav": "training"},
        status=422 if form.errors else 200,
    )


@require_GET
def session_detail(request, pk):
    """A session: when, where, seats; sign up or cancel; participants for those who manage it.

    Queries: the request (4); the session with course, organiser and counts; the person's
    sign-up; for those who manage it, the participants with their units.
    """
    session = get_session_for_user(request, pk)
    _attach_mine(request.user, [session])
    may_manage = can_manage_session(request.user, session)
    participants = waiting = []
    if may_manage:
        rows = list(
            session.enrollments.active()
            .select_related("person__unit")
            .order_by("signed_up_at", "pk")
        )
        participants = [e for e in rows if e.is_confirmed]
        waiting = [e for e in rows if e.is_waiting]
    return render(
        request,
        "training/session.html",
        {
            "session": session,
            "course": session.course,
            "may_manage": may_manage,
            "participants": participants,
            "waiting": waiting,
            "cancel_form": CancelSessionForm() if may_manage else None,
            "now": timezone.now(),
            "nav": "training",
        },
    )


@require_POST
def session_cancel(request, pk):
    session = get_session_for_user(request, pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    form = CancelSessionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(session)
    try:
        actions.do_cancel_session(request.user, session, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Tillfället är inställt. De anmälda har fått en notis."))
    return redirect(session)


@require_POST
def sign_up(request, pk):
    session = get_session_for_user(request, pk)
    try:
        enrollment = actions.do_sign_up(request.user, session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if enrollment.is_confirmed:
            messages.success(request, _("Du är anmäld. Välkommen!"))
        else:
            messages.success(
                request,
                _(
                    "Tillfället är fullt. Du står på väntelistan och får en notis om du får "
                    "en plats."
                ),
            )
    return redirect(safe_next(request, session.get_absolute_url()))


@require_POST
def cancel_sign_up(request, pk):
    session = get_session_for_user(request, pk)
    try:
        enrollment = actions.do_cancel_sign_up(request.user, session)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Din anmälan är avbokad.")
            if enrollment.confirmed_at
            else _("Du har lämnat väntelistan."),
        )
    return redirect(safe_next(request, session.get_absolute_url()))


@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    """Tick who attended and who completed, for the confirmed participants (no JavaScript).

    Queries: the request (4); the session; the confirmed participants with their units.
    """
    session = get_session_for_user(request, pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    participants = list(
        session.enrollments.confirmed().select_related("person__unit").order_by("person__name")
    )
    error = None
    status = 200
    if session.is_cancelled:
        error = _("Tillfället är inställt.")
    elif not session.has_started():
        error = _("Närvaro kan markeras först när tillfället har börjat.")
    if request.method == "POST":
        attended = {int(v) for v in request.POST.getlist("attended") if is_id(v)}
        completed = {int(v) for v in request.POST.getlist("completed") if is_id(v)}
        if error is None:
            try:
                actions.do_mark_attendance(
                    request.user, session, attended_ids=attended, completed_ids=completed
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(request, _("Närvaron är sparad."))
                return redirect(session)
        status = 422 if error else 200
        for enrollment in participants:  # show what was ticked
            enrollment.completed = enrollment.pk in completed
            enrollment.attended = enrollment.pk in attended or enrollment.completed
    return render(
        request,
        "training/attendance.html",
        {
            "session": session,
            "course": session.course,
            "participants": participants,
            "error": error,
            "may_mark": not session.is_cancelled and session.has_started(),
            "nav": "training",
        },
        status=status,
    )


# -- calendars --------------------------------------------------------------------------------
@require_GET
def session_ics(request, pk):
    session = get_session_for_user(request, pk)
    day = timezone.localtime(session.starts_at).date().isoformat()
    return calendar_response(
        session.course.title, [session], filename=f"utbildning-{session.pk}-{day}.ics"
    )


@require_GET
def calendar(request):
    """The person's calendar address to subscribe to, and a way to renew it."""
    feed = actions.calendar_feed_for(request.user)
    return render(
        request,
        "training/calendar.html",
        {
            "feed_url": site_url(reverse("training:feed", args=[feed.token])),
            "nav": "training",
        },
    )


@require_POST
def calendar_renew(request):
    actions.do_renew_calendar_token(request.user)
    messages.success(
        request,
        _("Du har fått en ny kalenderadress. Den gamla fungerar inte längre."),
    )
    return redirect("training:calendar")


@login_not_required
@require_GET
def feed(request, token):
    """The sessions the token's owner is confirmed for, as a subscribable calendar.

    Public on purpose: calendar apps cannot log in. The token is the secret (renewable);
    an unknown token is 404. Queries: the feed with its person; their sessions.
    """
    feed = CalendarFeed.objects.select_related("person").filter(token=token).first()
    if feed is None or not feed.person.is_active:
        raise Http404
    sessions = (
        Session.objects.filter(
            enrollments__person=feed.person,
            enrollments__status=Enrollment.Status.CONFIRMED,
        )
        .select_related("course")
        .order_by("starts_at", "pk")
        .distinct()
    )
    response = calendar_response(_("Mina utbildningar i Idéverket"), sessions)
    response["Cache-Control"] = "private, max-age=900"
    return response


# -- coverage ---------------------------------------------------------------------------------
def _coverage_scope(request):
    scope = coverage_department_ids(request.user)
    if scope is not None and not scope:
        raise Http404
    return scope


@require_GET
def coverage(request):
    """Per department, the share of each course's target group who completed it.

    Queries: the request (4); departments; courses; the four grouped counts.
    """
    scope = _coverage_scope(request)
    departments, rows = build_coverage(scope)
    return render(
        request,
        "training/coverage.html",
        {
            "departments": departments,
            "rows": rows,
            "everywhere": scope is None,
            "nav": "training",
        },
    )


def _completion_columns(request):
    return [
        (gettext_lazy("Namn"), lambda e: e.person.name),
        (gettext_lazy("E-post"), lambda e: e.person.email),
        (
            gettext_lazy("Förvaltning"),
            lambda e: exports.name_of(e.person.unit and e.person.unit.department),
        ),
        (gettext_lazy("Enhet"), lambda e: exports.name_of(e.person.unit)),
        (gettext_lazy("Utbildning"), lambda e: e.session.course.title),
        (gettext_lazy("Målgrupp"), lambda e: e.session.course.get_audience_display()),
        (gettext_lazy("Tillfälle"), lambda e: e.session.starts_at),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


@require_GET
def completions(request):
    """Who completed what: filterable by department and course, downloadable.

    Queries: the request (4); the department and course choices (rendered once each; a chosen
    one is looked up once more); the count; the page of completions with person, unit,
    department, session and course joined.
    """
    scope = _coverage_scope(request)
    departments = Unit.objects.departments().order_by("name").only("id", "name")
    if scope is not None:
        departments = departments.filter(pk__in=scope)
    courses = Course.objects.order_by("title", "pk").only("id", "title")
    form = CompletionFilterForm(request.GET or None, departments=departments, courses=courses)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    rows = Enrollment.objects.filter(completed=True).select_related(
        "person__unit__department", "session__course"
    )
    if scope is not None:
        rows = rows.filter(person__unit__department_id__in=scope)
    if data.get("department"):
        rows = rows.filter(person__unit__department=data["department"])
    if data.get("course"):
        rows = rows.filter(session__course=data["course"])
    rows = rows.order_by(
        "person__unit__department__name", "person__name", "session__starts_at", "pk"
    )
    if response := exports.download(
        request,
        _("genomforda-utbildningar"),
        _completion_columns(request),
        rows.iterator(exports.CHUNK_SIZE),
    ):
        return response
    page = Paginator(rows, settings.IDEVERKET["PAGE_SIZE"]).get_page(request.GET.get("page"))
    return render(
        request,
        "training/completions.html",
        {
            "form": form,
            "page_obj": page,
            "querystring_without_page": querystring_without_page(form),
            "nav": "training",
        },
        status=200,
    )
