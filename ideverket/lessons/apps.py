from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "ideverket.lessons"
    label = "lessons"
    verbose_name = _("Lärdomar")

    def ready(self):
        from ideverket.ideas import panels

        from .views import idea_panel

        panels.register(
            panels.Panel(
                name="lessons", template="lessons/_panel.html", loader=idea_panel, order=210
            )
        )
