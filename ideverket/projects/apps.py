from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "ideverket.projects"
    label = "projects"
    verbose_name = _("Projekt")

    def ready(self):
        from ideverket.activity.describe import register

        from .describe import describe_project_event, visible_projects

        register("projects.project", describe_project_event, visible_projects)
        self._register_subject_kind()
        self._register_panels()

    def _register_panels(self):
        """Effects (expected and realised) and lessons on the project page."""
        from ideverket.effects.views import subject_panel as effects_panel
        from ideverket.lessons.views import subject_panel as lessons_panel

        from . import panels

        for name, template, loader, order in (
            ("effects", "effects/_panel.html", effects_panel("projects.project"), 200),
            ("lessons", "lessons/_panel.html", lessons_panel("projects.project"), 210),
        ):
            panels.register(panels.Panel(name=name, template=template, loader=loader, order=order))

    def _register_subject_kind(self):
        """Let effects and lessons attach to projects (ideverket.lib.subjects)."""
        from ideverket.lib import subjects

        from .models import Project, ProjectMember
        from .rules import can_contribute

        subjects.register(
            subjects.SubjectKind(
                label="projects.project",
                model=Project,
                # The lead unit comes along: can_edit and unit_of read it.
                visible=lambda user: Project.objects.visible_to(user).select_related("lead_unit"),
                # The team and those who manage the project; after it ends too, since realised
                # effects are measured at follow-up.
                can_edit=lambda user, project: (
                    user.is_authenticated and can_contribute(user, project)
                ),
                unit_of=lambda project: project.lead_unit,
                title=lambda project: project.title,
                followers=lambda project: list(
                    ProjectMember.objects.filter(project=project).values_list("user_id", flat=True)
                ),
            )
        )
