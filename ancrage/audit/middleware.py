"""django-auditlog's middleware (the request's user becomes the actor of every entry),
reading the client's address as the login lockout does: X-Forwarded-For is only trusted
behind our proxy, otherwise anyone could write any address into the log."""

from __future__ import annotations

from typing import Any

from auditlog.middleware import AuditlogMiddleware

from ancrage.lib.client_ip import client_ip


class AuditActorMiddleware(AuditlogMiddleware):
    @staticmethod
    def _get_remote_addr(request: Any) -> str | None:
        return client_ip(request) or None

    @staticmethod
    def _get_remote_port(request: Any) -> int | None:
        return None


def request_id() -> str | None:
    """The correlation id of an entry: the request id that every log line of the same
    request carries (lib/request_id.py), rather than a header any client could set."""
    from ancrage.lib.request_id import _current

    value = _current.get()
    return None if value == "-" else value
