"""Every error the API gives is JSON: a stable `code` for programs, a `message` for people
(in the language of Accept-Language, French or English), and `details` where they help.
A failure of ours is logged and answered as `server_error`, never as a traceback."""

from __future__ import annotations

import logging
import math
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

log = logging.getLogger("ancrage.api")


class ErrorOut(Schema):
    code: str
    message: str
    details: dict[str, Any] = {}


class ApiError(Exception):
    """Raised by an endpoint: answered as ErrorOut with this status."""

    def __init__(self, status: int, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Nothing here: unknown id, or not in your practice."))


def _answer(api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str, **details):
    body = {"code": code, "message": message, "details": details}
    return api.create_response(request, body, status=status)


def install(api: NinjaAPI) -> None:
    """Replace ninja's default handlers (plain `detail`, tracebacks in DEBUG) with ours."""

    @api.exception_handler(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return _answer(api, request, exc.status, exc.code, exc.message, **exc.details)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            {
                "location": ".".join(str(part) for part in error.get("loc", ())),
                "problem": error.get("msg", ""),
            }
            for error in exc.errors
        ]
        message = _("The request is not valid: see details.errors for each field.")
        return _answer(api, request, 422, "invalid_request", message, errors=errors)

    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = _(
            "A valid API token is needed: send the header Authorization: Bearer <token>. "
            "Tokens are created on the API page of Ancrage; a revoked token no longer works."
        )
        response = _answer(api, request, 401, "unauthorized", message)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        wait = math.ceil(exc.wait) if exc.wait is not None else 60
        message = _("Too many requests with this token: try again in %(seconds)d seconds.") % {
            "seconds": wait
        }
        return _answer(api, request, 429, "rate_limited", message, retry_after=wait)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # ninja raises 400 for a body that is not JSON.
        message = _(
            "The request body could not be read: send JSON (Content-Type: application/json)."
        )
        return _answer(api, request, exc.status_code, "bad_request", message)

    @api.exception_handler(Http404)
    def missing(request: HttpRequest, exc: Http404) -> HttpResponse:
        error = not_found()
        return _answer(api, request, error.status, error.code, error.message)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        message = _("The request is too large for this server.")
        return _answer(api, request, 413, "too_large", message)

    @api.exception_handler(Exception)
    def failure(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("API failure on %s %s", request.method, request.path)
        message = _("Something failed on our side; it is logged. Try again later.")
        return _answer(api, request, 500, "server_error", message)
