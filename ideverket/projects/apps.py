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
