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
