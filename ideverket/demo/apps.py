from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ideverket.demo"
    label = "demo"
    verbose_name = "Demo"
