from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "ideverket.effects"
    label = "effects"
    verbose_name = _("Effekter")

    def ready(self):
        from ideverket.ideas import panels

        from .views import idea_panel

        panels.register(
            panels.Panel(
                name="effects", template="effects/_panel.html", loader=idea_panel, order=200
            )
        )
