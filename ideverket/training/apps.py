from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "ideverket.training"
    label = "training"
    verbose_name = _("Utbildning")

    def ready(self):
        from ideverket.activity.describe import register

        from . import rules  # noqa: F401 - registers the permissions
        from .describe import (
            describe_course_event,
            describe_session_event,
            visible_courses,
            visible_sessions,
        )

        register("training.course", describe_course_event, visible_courses)
        register("training.session", describe_session_event, visible_sessions)
