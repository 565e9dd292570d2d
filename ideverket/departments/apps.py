from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepartmentsConfig(AppConfig):
    name = "ideverket.departments"
    label = "departments"
    verbose_name = _("Förvaltningarnas innovationsarbete")

    def ready(self):
        from django.core.signals import request_finished, request_started

        from . import limits

        # The departments' time limits are read at most once per request (limits.py).
        request_started.connect(limits.request_started, dispatch_uid="department_limits_start")
        request_finished.connect(limits.request_finished, dispatch_uid="department_limits_end")
