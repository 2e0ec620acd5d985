from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "ancrage.workers"
    label = "workers"
    default_auto_field = "django.db.models.BigAutoField"
