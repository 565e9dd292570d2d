"""Project pages: the list (with what looks for partners), the partner page, detail, and one
page or POST endpoint per action. Each view: access helper → permission → form → action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ideverket.challenges.models import Challenge
from ideverket.ideas.models import Idea
from ideverket.ideas.process import FINAL_STAGES, Stage
from ideverket.lib import exports
from ideverket.lib.forms import is_id, parse_seen, querystring_without_page
from ideverket.lib.htmx import partial_or_page

from . import actions, page, panels
from .forms import (
    GateForm,
    InviteForm,
    JoinForm,
    LinkChallengeForm,
    LinkIdeaForm,
    MemberForm,
    MilestoneForm,
    PartnersForm,
    ProjectFilterForm,
    ProjectForm,
    StatusReportForm,
)
from .models import (
    GateDecision,
    JoinRequest,
    Project,
    ProjectMember,
    ProjectMilestone,
    ProjectUnit,
)

PAGE_SIZE = 20
PARTNER_SECTION_LIMIT = 6


# --- Access ----------------------------------------------------------------------------------


def get_project_for_user(request, pk, *related):
    """The project if the user may see it; 404 both when it is missing and when it is hidden."""
    queryset = Project.objects.visible_to(request.user).select_related("lead_unit", *related)
    return get_object_or_404(queryset, pk=pk)


def require_perm(request, perm, obj):
    """403 for what the user can see but may not do."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _form_errors_from(form, exc):
    """Attach an action's ValidationError to the form: per field when it names fields."""
    form.add_error(None, exc)


# --- List and partner pages ------------------------------------------------------------------


def _involved_units(project):
    """The units taking part, as the card lists them: "HR (partner), Skola Norr (inbjuden)"."""
    names = []
    for link in project.unit_links.all():
        name = link.unit.name
        if link.is_partner:
            name += " (" + _("partner") + ")"
        if link.status == ProjectUnit.Status.INVITED:
            name += " (" + _("inbjuden") + ")"
        names.append(name)
    return ", ".join(names)


def _project_columns(request):
    """The columns of the project list's download."""
    return [
        (gettext_lazy("Id"), lambda project: project.pk),
        (gettext_lazy("Namn"), lambda project: project.title),
        (gettext_lazy("Status"), lambda project: project.get_status_display()),
        (gettext_lazy("Steg"), lambda project: project.get_step_display()),
        (
            gettext_lazy("Förvaltning"),
            lambda project: exports.name_of(project.lead_unit.department),
        ),
        (gettext_lazy("Leds av"), lambda project: project.lead_unit.name),
        (gettext_lazy("Deltagande enheter"), _involved_units),
        (gettext_lazy("Läge"), lambda project: project.get_health_display()),
        (gettext_lazy("Startdatum"), lambda project: project.starts_on),
        (gettext_lazy("Slutdatum"), lambda project: project.ends_on),
        (gettext_lazy("Budget (kronor)"), lambda project: project.budget_kronor),
        (gettext_lazy("Budget (timmar)"), lambda project: project.budget_hours),
        (gettext_lazy("Söker samarbetspartner"), lambda project: project.looking_for_partners),
        (gettext_lazy("Synlighet"), lambda project: project.get_visibility_display()),
        (gettext_lazy("Behöver åtgärd"), lambda project: project.is_flagged),
        exports.link_column(request, gettext_lazy("Länk")),
    ]


@require_GET
def project_list(request):
    user = request.user
    form = ProjectFilterForm(request.GET or None)
    form.is_valid()  # invalid values are left out of cleaned_data, so filter() ignores them
    visible = Project.objects.visible_to(user)
    projects = form.filter(visible.for_list())
    # The download: the projects (department joined in) and their units, two queries.
    rows = projects.select_related("lead_unit__department")
    if response := exports.download(request, _("projekt"), _project_columns(request), rows):
        return response
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    if request.htmx and request.htmx.history_restore_request:
        template = "projects/list.html"
    else:
        template = partial_or_page(request, "projects/list.html", "results")
    is_partial = template.endswith("#results")
    context = {
        "form": form,
        "page_obj": page,
        "querystring_without_page": querystring_without_page(form),
        "is_partial": is_partial,
        "may_create": user.has_perm("projects.add_project"),
        "nav": "projects",
    }
    if not is_partial:
        # "Söker samarbetspartner": projects and ideas from anywhere, newest first.
        context["partner_projects"] = list(
            visible.looking_for_partners()
            .select_related("lead_unit")
            .only("id", "title", "partner_note", "lead_unit__name", "status")
            .order_by("-created_at", "-pk")[:PARTNER_SECTION_LIMIT]
        )
        context["partner_ideas"] = list(
            Idea.objects.visible_to(user)
            .filter(looking_for_partners=True)
            .exclude(stage__in={Stage.DRAFT, *FINAL_STAGES})
            .select_related("owner_unit")
            .only("id", "title", "stage", "owner_unit__name")
            .order_by("-submitted_at", "-pk")[:PARTNER_SECTION_LIMIT]
        )
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))  # the same URL answers page or partial
    return response


def _invitation_columns(request):
    """The columns of the partner page's download: one row per invitation or participation."""
    return [
        (gettext_lazy("Projekt"), lambda link: link.project.title),
        (gettext_lazy("Leds av"), lambda link: link.project.lead_unit.name),
        (gettext_lazy("Enhet"), lambda link: link.unit.name),
        (gettext_lazy("Som partner"), lambda link: link.is_partner),
        (gettext_lazy("Svar"), lambda link: link.get_status_display()),
        (gettext_lazy("Projektets status"), lambda link: link.project.get_status_display()),
        (gettext_lazy("Inbjuden av"), lambda link: exports.name_of(link.invited_by)),
        (gettext_lazy("Inbjuden"), lambda link: link.invited_at),
        (gettext_lazy("Meddelande"), lambda link: link.message),
        (
            gettext_lazy("Länk"),
            lambda link: request.build_absolute_uri(link.project.get_absolute_url()),
        ),
    ]


@require_GET
def partner_page(request):
    """What the user's unit (or a unit they decide for) is asked into, as partner or participant."""
    user = request.user
    links = (
        ProjectUnit.objects.involving(user)
        .filter(project__in=Project.objects.visible_to(user))
        .select_related("project", "project__lead_unit", "unit", "invited_by")
        .order_by("-status", "-invited_at", "-pk")  # "invited" sorts before "accepted"
    )
    # The download: one query, every invitation (project, units and inviter joined in).
    if response := exports.download(
        request,
        _("inbjudningar"),
        _invitation_columns(request),
        links.iterator(exports.CHUNK_SIZE),
    ):
        return response
    page = Paginator(links, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(link, user.has_perm("projects.respond_invitation", link)) for link in page.object_list]
    context = {
        "page_obj": page,
        "rows": rows,
        "querystring_without_page": "",
        "nav": "projects",
    }
    return render(request, "projects/partner.html", context)


# --- Create, detail, edit --------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def project_create(request):
    if not request.user.has_perm("projects.add_project"):
        raise PermissionDenied
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            project = actions.do_create_project(request.user, **data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        except PermissionDenied:
            form.add_error("lead_unit", _("Du får inte starta projekt för den enheten."))
        else:
            messages.success(request, _("Projektet är skapat."))
            return redirect(project)
    return render(
        request, "projects/form.html", {"form": form, "creating": True, "nav": "projects"}
    )


def _detail_context(request, project):
    """The page's context for `project` as load_project() returns it (its lists attached)."""
    user = request.user
    members = project.page_members
    may_manage_team = user.has_perm("projects.manage_team", project)
    join_requests = project.page_join_requests
    if not may_manage_team:
        join_requests = [r for r in join_requests if r.user_id == user.pk]
    milestones = project.page_milestones
    reports = project.page_reports
    current = Challenge.Step.values.index(project.step)
    steps = [
        {"label": label, "current": index == current, "done": index < current}
        for index, label in enumerate(Challenge.Step.labels)
    ]
    return {
        "project": project,
        "members": members,
        "is_member": user.pk in project.member_roles,
        "unit_links": [
            (link, user.has_perm("projects.respond_invitation", link))
            for link in project.page_unit_links
        ],
        "challenges": project.page_challenges,
        "ideas": list(
            Idea.objects.visible_to(user)
            .filter(projects=project)
            .exclude(stage=Stage.DRAFT)
            .for_list()
            .order_by("title", "pk")
        ),
        "milestones": milestones,
        "flags": project.flags(members),
        "overall_progress": (
            round(sum(m.progress for m in milestones) / len(milestones)) if milestones else None
        ),
        "latest_report": reports[0] if reports else None,
        "older_reports": reports[1:],
        "gates": project.page_gates,
        "timeline": project.page_timeline,
        "steps": steps,
        "join_requests": join_requests if may_manage_team else [],
        "my_pending_request": next((r for r in join_requests if r.user_id == user.pk), None),
        "may_edit": user.has_perm("projects.change_project", project),
        "may_invite": user.has_perm("projects.invite_unit", project),
        "may_manage_team": may_manage_team,
        "may_report": user.has_perm("projects.report_status", project),
        "may_milestones": user.has_perm("projects.manage_milestones", project),
        "may_link": user.has_perm("projects.link_items", project),
        "may_decide_gate": user.has_perm("projects.decide_gate", project),
        "may_join": user.has_perm("projects.ask_to_join", project),
        "may_set_partners": user.has_perm("projects.set_partners", project),
        "partners_form": PartnersForm(initial={"partner_note": project.partner_note}),
        "panels": panels.render_context(request, project),
        "nav": "projects",
    }


def get_project_page_for_user(request, pk):
    """The project with everything its page lists (page.load_project), or 404 as
    get_project_for_user."""
    visible = Project.objects.visible_to(request.user).select_related("lead_unit", "created_by")
    project = page.load_project(request.user, visible, pk)
    if project is None:
        raise Http404
    return project


@require_GET
def project_detail(request, pk):
    project = get_project_page_for_user(request, pk)
    return render(request, "projects/detail.html", _detail_context(request, project))


@require_http_methods(["GET", "POST"])
def project_edit(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.change_project", project)
    form = ProjectForm(request.POST or None, user=request.user, project=project)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        seen = parse_seen(data.pop("seen_updated_at", ""))
        try:
            actions.do_edit_project(request.user, project, seen_updated_at=seen, **data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("Ändringarna är sparade."))
            return redirect(project)
    return render(
        request,
        "projects/form.html",
        {"form": form, "project": project, "creating": False, "nav": "projects"},
    )


# --- Units -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def project_invite(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.invite_unit", project)
    form = InviteForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            link = actions.do_invite_unit(
                request.user,
                project,
                data["unit"],
                as_partner=data["as_partner"],
                message=data["message"],
            )
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            if link.is_partner:
                text = _("%(unit)s är inbjuden som partner.")
            else:
                text = _("%(unit)s är inbjuden att delta.")
            messages.success(request, text % {"unit": link.unit.name})
            return redirect(project)
    return render(
        request, "projects/invite.html", {"form": form, "project": project, "nav": "projects"}
    )


@require_POST
def invitation_respond(request, pk, link_pk):
    project = get_project_for_user(request, pk)
    invitation = get_object_or_404(
        ProjectUnit.objects.select_related("unit"), pk=link_pk, project=project
    )
    invitation.project = project
    require_perm(request, "projects.respond_invitation", invitation)
    accept = request.POST.get("answer") == "accept"
    try:
        actions.do_respond_to_invitation(request.user, invitation, accept=accept)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        if accept:
            text = _("Du har tackat ja för %(unit)s.")
        else:
            text = _("Du har tackat nej för %(unit)s.")
        messages.success(request, text % {"unit": invitation.unit.name})
    if request.POST.get("from") == "partner":
        return redirect("projects:partner")
    return redirect(project)


# --- Team ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def project_join(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.ask_to_join", project)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_ask_to_join(request.user, project, form.cleaned_data["message"])
        except ValidationError as exc:
            messages.info(request, exc.messages[0])
            return redirect(project)
        messages.success(
            request, _("Din förfrågan är skickad. Du får en notis när projektledaren har svarat.")
        )
        return redirect(project)
    return render(
        request, "projects/join.html", {"form": form, "project": project, "nav": "projects"}
    )


@require_POST
def join_request_decide(request, pk, request_pk):
    project = get_project_for_user(request, pk)
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("user"), pk=request_pk, project=project
    )
    join_request.project = project
    require_perm(request, "projects.manage_team", project)
    accept = request.POST.get("answer") == "accept"
    try:
        actions.do_decide_join_request(request.user, join_request, accept=accept)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        if accept:
            text = _("%(name)s är nu med i teamet.")
        else:
            text = _("Förfrågan från %(name)s är avböjd.")
        messages.success(request, text % {"name": join_request.user.name})
    return redirect(project)


@require_http_methods(["GET", "POST"])
def project_team(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.manage_team", project)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            actions.do_add_member(request.user, project, person, form.cleaned_data["role"])
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("%(name)s är tillagd i teamet.") % {"name": person.name})
            return redirect("projects:team", pk=project.pk)
    members = list(
        ProjectMember.objects.filter(project=project)
        .select_related("user", "user__unit")
        .order_by("role", "user__name", "pk")
    )
    return render(
        request,
        "projects/team.html",
        {"form": form, "project": project, "members": members, "nav": "projects"},
    )


@require_POST
def member_remove(request, pk, member_pk):
    project = get_project_for_user(request, pk)
    member = get_object_or_404(
        ProjectMember.objects.select_related("user"), pk=member_pk, project=project
    )
    require_perm(request, "projects.manage_team", project)
    try:
        actions.do_remove_member(request.user, project, member)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request, _("%(name)s är borttagen ur teamet.") % {"name": member.user.name}
        )
    return redirect("projects:team", pk=project.pk)


# --- Status, milestones, gates -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def status_report(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.report_status", project)
    form = StatusReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_report_status(request.user, project, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("Statusrapporten är sparad."))
            return redirect(f"{project.get_absolute_url()}#status")
    return render(
        request,
        "projects/status_report.html",
        {"form": form, "project": project, "nav": "projects"},
    )


@require_http_methods(["GET", "POST"])
def milestone_create(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.manage_milestones", project)
    form = MilestoneForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_add_milestone(request.user, project, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("Milstolpen är tillagd."))
            return redirect(f"{project.get_absolute_url()}#milstolpar")
    return render(
        request,
        "projects/milestone_form.html",
        {"form": form, "project": project, "creating": True, "nav": "projects"},
    )


@require_http_methods(["GET", "POST"])
def milestone_edit(request, pk, milestone_pk):
    project = get_project_for_user(request, pk)
    milestone = get_object_or_404(ProjectMilestone, pk=milestone_pk, project=project)
    milestone.project = project
    require_perm(request, "projects.manage_milestones", project)
    initial = {
        "title": milestone.title,
        "due_on": milestone.due_on,
        "progress": milestone.progress,
        "done_on": milestone.done_on,
    }
    form = MilestoneForm(request.POST or None, initial=initial, creating=False)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_milestone(request.user, milestone, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("Milstolpen är uppdaterad."))
            return redirect(f"{project.get_absolute_url()}#milstolpar")
    return render(
        request,
        "projects/milestone_form.html",
        {
            "form": form,
            "project": project,
            "milestone": milestone,
            "creating": False,
            "nav": "projects",
        },
    )


@require_http_methods(["GET", "POST"])
def gate_decide(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.decide_gate", project)
    latest = GateDecision.objects.filter(project=project).order_by("-pk").first()
    form = GateForm(request.POST or None, initial={"seen_gate": latest.pk if latest else 0})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = actions.do_decide_gate(
                request.user,
                project,
                gate=data["gate"],
                outcome=data["outcome"],
                reason=data["reason"],
                seen_gate_id=data["seen_gate"] or 0,
                commitment=form.commitment(),
            )
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(
                request,
                _("Beslutet är registrerat: %(gate)s – %(outcome)s.")
                % {
                    "gate": decision.get_gate_display(),
                    "outcome": decision.get_outcome_display(),
                },
            )
            return redirect(f"{project.get_absolute_url()}#grindar")
    return render(
        request,
        "projects/gate.html",
        {"form": form, "project": project, "latest": latest, "nav": "projects"},
    )


# --- Links and partners ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def project_links(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.link_items", project)
    kind = request.POST.get("kind")
    idea_form = LinkIdeaForm(request.POST if kind == "idea" else None, prefix="idea")
    challenge_form = LinkChallengeForm(
        request.POST if kind == "challenge" else None, project=project, prefix="challenge"
    )
    if request.method == "POST" and kind == "idea" and idea_form.is_valid():
        idea = (
            Idea.objects.visible_to(request.user)
            .exclude(stage=Stage.DRAFT)
            .filter(pk=idea_form.cleaned_data["idea"])
            .first()
        )
        if idea is None:
            idea_form.add_error("idea", _("Det finns ingen idé med det numret som du kan se."))
        else:
            try:
                actions.do_link_idea(request.user, project, idea)
            except ValidationError as exc:
                _form_errors_from(idea_form, exc)
            else:
                messages.success(request, _("Idén ”%(title)s” är kopplad.") % {"title": idea.title})
                return redirect("projects:links", pk=project.pk)
    if request.method == "POST" and kind == "challenge" and challenge_form.is_valid():
        challenge = challenge_form.cleaned_data["challenge"]
        try:
            actions.do_link_challenge(request.user, project, challenge)
        except ValidationError as exc:
            _form_errors_from(challenge_form, exc)
        else:
            messages.success(
                request, _("Utmaningen ”%(title)s” är kopplad.") % {"title": challenge.title}
            )
            return redirect("projects:links", pk=project.pk)
    context = {
        "project": project,
        "idea_form": idea_form,
        "challenge_form": challenge_form,
        "ideas": list(
            Idea.objects.visible_to(request.user)
            .filter(projects=project)
            .only("id", "title")
            .order_by("title", "pk")
        ),
        "challenges": list(project.challenges.only("id", "title").order_by("title", "pk")),
        "nav": "projects",
    }
    return render(request, "projects/links.html", context)


@require_POST
def project_unlink(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.link_items", project)
    kind, item_id = request.POST.get("kind"), request.POST.get("id", "")
    if not is_id(item_id):
        return redirect("projects:links", pk=project.pk)
    if kind == "idea":
        # Only links the user can see can be removed: a hidden idea is not even named.
        idea = Idea.objects.visible_to(request.user).filter(projects=project, pk=item_id).first()
        if idea is not None:
            actions.do_unlink_idea(request.user, project, idea)
            messages.success(request, _("Kopplingen till idén är borttagen."))
    elif kind == "challenge":
        challenge = project.challenges.filter(pk=item_id).first()
        if challenge is not None:
            actions.do_unlink_challenge(request.user, project, challenge)
            messages.success(request, _("Kopplingen till utmaningen är borttagen."))
    return redirect("projects:links", pk=project.pk)


@require_POST
def project_partners(request, pk):
    project = get_project_for_user(request, pk)
    require_perm(request, "projects.set_partners", project)
    looking = request.POST.get("looking") == "1"
    form = PartnersForm(request.POST)
    if form.is_valid():
        try:
            actions.do_set_looking_for_partners(
                request.user, project, looking=looking, note=form.cleaned_data["partner_note"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
    if form.errors:
        context = _detail_context(request, get_project_page_for_user(request, pk))
        context["partners_form"] = form
        return render(request, "projects/detail.html", context, status=422)
    if looking:
        messages.success(request, _("Projektet visas nu bland dem som söker samarbetspartner."))
    else:
        messages.success(request, _("Projektet söker inte längre samarbetspartner."))
    return redirect(project)
