from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "ancrage.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from ancrage.audit import registry

        registry.register_models()
        registry.connect_signals()
