"""Managing the organisation in the product: units, people and their roles (administrators only)."""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from ideverket.lib.search import search
from ideverket.lib.tables import MAX_BYTES

from .actions import (
    do_create_unit,
    do_create_user,
    do_grant_role,
    do_revoke_role,
    do_start_org_import,
    do_update_unit,
    do_update_user,
    do_upload_org_import,
)
from .forms import OrgImportForm, PeopleFilterForm, PersonForm, RoleForm, UnitForm, unit_tree
from .importer import forbidden_columns, plan_rows, read_files
from .models import OrgImport, RoleAssignment, Unit, User

ROWS_SHOWN = 300  # changed rows listed in an import's preview; the counts cover all


def _require_manager(request):
    """Only administrators manage the organisation; to everyone else these pages do not exist."""
    if not request.user.has_perm("org.manage"):
        raise Http404


def _managers_only(view):
    """Check access before anything else, so others get 404 for any method, never a 405."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        _require_manager(request)
        return view(request, *args, **kwargs)

    return checked


def _querystring_without_page(request):
    """The current GET parameters minus `page`, ready to prefix "page=N" ("q=abc&" or "")."""
    params = request.GET.copy()
    params.pop("page", None)
    return f"{params.urlencode()}&" if params else ""


# -- units ------------------------------------------------------------------------------------


@_managers_only
@require_http_methods(["GET"])
def units(request):
    # One query: every unit with its count of active members; the tree is built in Python.
    all_units = list(
        Unit.objects.annotate(
            member_count=Count("members", filter=Q(members__is_active=True))
        ).order_by("path")
    )
    return render(
        request,
        "org/units.html",
        {"nav": "org", "tree": unit_tree(all_units), "unit_count": len(all_units)},
    )


@_managers_only
@require_http_methods(["GET", "POST"])
def unit_create(request):
    if request.method == "POST":
        form = UnitForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                unit = do_create_unit(
                    request.user,
                    name=data["name"],
                    parent=data["parent"],
                    is_support_function=data["is_support_function"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Enheten %(name)s lades till.") % {"name": unit.name})
                return redirect("org:units")
    else:
        parent = request.GET.get("parent", "")
        form = UnitForm(initial={"parent": int(parent)} if parent.isdigit() else {})
    return render(request, "org/unit_form.html", {"nav": "org", "form": form, "unit": None})


@_managers_only
@require_http_methods(["GET", "POST"])
def unit_edit(request, pk):
    unit = get_object_or_404(Unit, pk=pk)
    if request.method == "POST":
        form = UnitForm(request.POST, unit=unit)
        if form.is_valid():
            data = form.cleaned_data
            try:
                do_update_unit(
                    request.user,
                    unit,
                    name=data["name"],
                    parent=data["parent"],
                    is_support_function=data["is_support_function"],
                    is_active=data["is_active"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Enheten %(name)s sparades.") % {"name": unit.name})
                return redirect("org:units")
        unit.refresh_from_db()  # the heading shows the saved unit, not what was typed
    else:
        form = UnitForm(
            unit=unit,
            initial={
                "name": unit.name,
                "parent": unit.parent_id,
                "is_support_function": unit.is_support_function,
                "is_active": unit.is_active,
            },
        )
    return render(request, "org/unit_form.html", {"nav": "org", "form": form, "unit": unit})


# -- people -----------------------------------------------------------------------------------


@_managers_only
@require_http_methods(["GET"])
def people(request):
    form = PeopleFilterForm(request.GET)
    people = User.objects.select_related("unit").prefetch_related(
        Prefetch("roles", queryset=RoleAssignment.objects.select_related("unit"))
    )
    filtered = False
    if form.is_valid():
        people = search(people, form.cleaned_data["q"])
        department = form.cleaned_data["department"]
        if department is not None:
            people = people.filter(unit__path__startswith=department.path)
        filtered = bool(form.cleaned_data["q"] or department)
    paginator = Paginator(people.order_by("name", "pk"), settings.IDEVERKET["PAGE_SIZE"])
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "org/people.html",
        {
            "nav": "org",
            "form": form,
            "filtered": filtered,
            "page_obj": page_obj,
            "querystring_without_page": _querystring_without_page(request),
        },
    )


@_managers_only
@require_http_methods(["GET", "POST"])
def person_create(request):
    form = PersonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = do_create_user(
                request.user,
                email=data["email"],
                name=data["name"],
                unit=data["unit"],
                title=data["title"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s lades till. Ge personen roller nedan vid behov.")
                % {"name": person.name},
            )
            return redirect("org:person_edit", pk=person.pk)
    return render(request, "org/person_create.html", {"nav": "org", "form": form})


def _person_roles_url(person):
    return reverse("org:person_edit", args=[person.pk]) + "#roller"


def _render_person_edit(request, person, form=None, role_form=None):
    """The person page: details form and roles section; either form may come back with errors."""
    units = list(Unit.objects.all())  # shared by both unit selects: one query for the options
    if form is None:
        form = PersonForm(
            person=person,
            units=units,
            initial={
                "name": person.name,
                "email": person.email,
                "title": person.title,
                "unit": person.unit_id,
                "is_active": person.is_active,
            },
        )
    if role_form is None:
        role_form = RoleForm(person=person, units=units, prefix="role")
    return render(
        request,
        "org/person_edit.html",
        {
            "nav": "org",
            "person": person,
            "form": form,
            "role_form": role_form,
            "assignments": person.roles.select_related("unit"),
        },
    )


@_managers_only
@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    person = get_object_or_404(User, pk=pk)
    if request.method == "GET":
        return _render_person_edit(request, person)
    form = PersonForm(request.POST, person=person)
    if form.is_valid():
        data = form.cleaned_data
        try:
            do_update_user(
                request.user,
                person,
                name=data["name"],
                email=data["email"],
                unit=data["unit"],
                title=data["title"],
                is_active=data["is_active"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Uppgifterna om %(name)s sparades.") % {"name": person.name}
            )
            return redirect("org:people")
        person.refresh_from_db()  # the action may have set fields before it refused
    return _render_person_edit(request, person, form=form)


@_managers_only
@require_http_methods(["POST"])
def role_grant(request, pk):
    person = get_object_or_404(User, pk=pk)
    role_form = RoleForm(request.POST, person=person, prefix="role")
    if role_form.is_valid():
        role, unit = role_form.cleaned_data["role"], role_form.cleaned_data["unit"]
        try:
            assignment = do_grant_role(request.user, person, unit, role)
        except ValidationError as exc:
            role_form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s har nu rollen %(role)s på %(unit)s.")
                % {"name": person.name, "role": assignment.get_role_display(), "unit": unit.name},
            )
            return redirect(_person_roles_url(person))
    return _render_person_edit(request, person, role_form=role_form)


@_managers_only
@require_http_methods(["POST"])
def role_revoke(request, pk, role_pk):
    assignment = get_object_or_404(
        RoleAssignment.objects.select_related("user", "unit"), pk=role_pk, user_id=pk
    )
    person = assignment.user
    try:
        do_revoke_role(request.user, assignment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Rollen %(role)s på %(unit)s togs bort från %(name)s.")
            % {
                "role": assignment.get_role_display(),
                "unit": assignment.unit.name,
                "name": person.name,
            },
        )
    return redirect(_person_roles_url(person))


# -- import from the HR system (docs/org-import.md) -------------------------------------------


def _import_context(org_import):
    return {"nav": "org", "org_import": org_import}


@_managers_only
@require_http_methods(["GET", "POST"])
def import_upload(request):
    posted = request.method == "POST"
    form = OrgImportForm(request.POST if posted else None, request.FILES if posted else None)
    errors, forbidden = [], []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sources, too_big = {}, False
        for field in ("units_file", "people_file"):
            upload = data.get(field)
            if upload is None:
                continue
            if upload.size > MAX_BYTES:
                form.add_error(
                    field,
                    _("Filen är för stor. Största tillåtna storlek är %(mb)s MB.")
                    % {"mb": MAX_BYTES // (1024 * 1024)},
                )
                too_big = True
            else:
                sources[field] = (upload.name, upload.read())
        if not too_big:
            rows, ignored, file_errors = read_files(
                sources.get("units_file"), sources.get("people_file")
            )
            for kind, message in file_errors.items():
                form.add_error("units_file" if kind == "units" else "people_file", message)
            forbidden = forbidden_columns(ignored)
            if not file_errors:
                plan = plan_rows(rows, full=data["full"], actor=request.user, ignored=ignored)
                if plan.errors:
                    errors = plan.errors
                else:
                    digest = hashlib.sha256()
                    for field in ("units_file", "people_file"):
                        digest.update(sources.get(field, ("", b""))[1] + b"\0")
                    org_import = do_upload_org_import(
                        request.user,
                        units_filename=sources.get("units_file", ("", b""))[0],
                        people_filename=sources.get("people_file", ("", b""))[0],
                        sha256=digest.hexdigest(),
                        rows=rows,
                        full=data["full"],
                        plan=plan,
                    )
                    return redirect(org_import)
    status = 422 if (form.errors or errors) else 200
    return render(
        request,
        "org/import.html",
        {
            "nav": "org",
            "form": form,
            "errors": errors,
            "forbidden": forbidden,
            "recent": OrgImport.objects.select_related("uploaded_by").defer("rows")[:10],
        },
        status=status,
    )


@_managers_only
@require_http_methods(["GET"])
def import_detail(request, pk):
    org_import = get_object_or_404(OrgImport.objects.select_related("uploaded_by"), pk=pk)
    context = _import_context(org_import)
    if org_import.status == OrgImport.Status.PREVIEWED:
        plan = plan_rows(
            org_import.rows,
            full=org_import.full,
            actor=request.user,
            ignored=org_import.ignored_columns,
        )
        changed = plan.changed_rows()
        context.update(
            {
                "plan": plan,
                "summary": plan.summary(),
                "changed_rows": changed[:ROWS_SHOWN],
                "rows_hidden": max(0, len(changed) - ROWS_SHOWN),
                "forbidden": plan.forbidden_columns,
            }
        )
    else:
        context.update(
            {
                "summary": org_import.summary,
                "forbidden": forbidden_columns(org_import.ignored_columns),
            }
        )
    return render(request, "org/import_detail.html", context)


@_managers_only
@require_http_methods(["GET"])
def import_progress(request, pk):
    """The progress block alone, polled every second by htmx while the import runs."""
    org_import = get_object_or_404(OrgImport.objects.defer("rows"), pk=pk)
    return render(request, "org/_import_progress.html", _import_context(org_import))


@_managers_only
@require_http_methods(["POST"])
def import_apply(request, pk):
    org_import = get_object_or_404(OrgImport, pk=pk)
    try:
        do_start_org_import(request.user, org_import)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(org_import)
