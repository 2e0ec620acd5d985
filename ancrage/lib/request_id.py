"""Every request gets an id; an unhandled error is logged with it and answered with it.

With DEBUG off Django logs server errors nowhere useful: this middleware logs them at
ERROR (to stderr, see settings.LOGGING) and answers a plain 500 page showing the id, so a
coach's "it said 3f9c…" finds the traceback. `RequestIdFilter` puts the id on every log
record made during the request (Django's own "Internal Server Error" lines included).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError

log = logging.getLogger("ancrage.requests")

_current: ContextVar[str] = ContextVar("request_id", default="-")
# What django.core.handlers.exception.response_for_exception turns into a 4xx.
CLIENT_ERRORS = (Http404, PermissionDenied, BadRequest, SuspiciousOperation, MultiPartParserError)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _current.get()
        return True


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = secrets.token_hex(6)  # ours, never the client's: it goes into the logs
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response["X-Request-ID"] = request_id
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, CLIENT_ERRORS):
            return None  # Django answers these with a 4xx
        request_id = _current.get()
        log.error(
            "unhandled %s on %s %s (request %s)",
            type(exception).__name__,
            request.method,
            request.path,
            request_id,
            exc_info=exception,
            extra={"request_id": request_id},
        )
        if settings.DEBUG:
            return None  # Django's debug page, logged all the same
        text = f"Erreur du serveur / Server error. Request id: {request_id}\n"
        response = HttpResponse(text, status=500, content_type="text/plain; charset=utf-8")
        response._has_been_logged = True  # type: ignore[attr-defined]  # Django: not twice
        return response
