"""Rate limits per token, with ninja's cache-based throttle (Django's cache)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    """`setting` names the rate ("120/min"); it is read at each request, so a changed
    setting applies without a restart of the class (and tests can lower it)."""

    def __init__(self, scope: str, setting: str) -> None:
        self.scope, self.setting = scope, setting
        super().__init__(rate=getattr(settings, setting))

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = getattr(settings, self.setting)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        token = getattr(request, "auth", None)
        if token is None:
            return None  # refused by authentication anyway
        return f"ancrage_api_{self.scope}_{token.pk}"


def per_token() -> TokenRateThrottle:
    return TokenRateThrottle("all", "ANCRAGE_API_RATE")


def analyses_per_token() -> TokenRateThrottle:
    return TokenRateThrottle("analysis", "ANCRAGE_API_ANALYSIS_RATE")
