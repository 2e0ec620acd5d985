from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutonomyConfig(AppConfig):
    name = "ancrage.autonomy"
    verbose_name = _("Autonomy")
