import re

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

RATE = re.compile(r"^\d+/(s|sec|m|min|h|hour|d|day)$")


class ApiConfig(AppConfig):
    name = "ancrage.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        # A mistyped rate would otherwise fail on the first API call, not at start.
        for name in ("ANCRAGE_API_RATE", "ANCRAGE_API_ANALYSIS_RATE"):
            value = getattr(settings, name)
            if not RATE.match(value):
                raise ImproperlyConfigured(
                    f"{name}={value!r}: use a count per period, e.g. 120/min (s, min, h, day)"
                )
