"""The address a request came from, for the login lockout (django-axes).

Behind a reverse proxy (BEHIND_PROXY) every request comes from the proxy, so the
client is the last address the proxy appended to X-Forwarded-For; anything before
it was written by the client and could be forged. Without a proxy, the header is
ignored: a client could put any address in it.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")
