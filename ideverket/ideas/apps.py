from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideverket.ideas"
    label = "ideas"
    verbose_name = _("Idéer")

    def ready(self):
        from ideverket.activity.describe import register

        from .describe import describe_idea_event, visible_ideas

        register("ideas.idea", describe_idea_event, visible_ideas)
