from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementationConfig(AppConfig):
    name = "ideverket.implementation"
    label = "implementation"
    verbose_name = _("Införande")

    def ready(self):
        from ideverket.activity.describe import register as register_describer
        from ideverket.ideas.panels import Panel
        from ideverket.ideas.panels import register as register_panel

        from .describe import describe_implementation_event, visible_implementations
        from .panels import load_implementation_panel

        register_describer(
            "implementation.implementation",
            describe_implementation_event,
            visible_implementations,
        )
        register_panel(
            Panel(
                name="implementation",
                template="implementation/_idea_panel.html",
                loader=load_implementation_panel,
                order=20,
                column="main",
            )
        )
