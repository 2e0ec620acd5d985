"""The NinjaAPI instance mounted at /api/ (ancrage/urls.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, re_path
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger
from ninja.operation import Operation

from ancrage.api import analysis, checkins, coachees, errors, journal, messages
from ancrage.api.auth import BearerToken
from ancrage.api.throttles import per_token


class AncrageApi(NinjaAPI):
    def get_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__  # list_coachees, send_message... (all unique)


api = AncrageApi(
    title="Ancrage API",
    version="1",
    description=(
        "Your practice's clients, engagements, SMS threads, check-in answers, metrics and "
        "journal, and the conversation analyzer. Authenticate with "
        "`Authorization: Bearer <token>` (tokens: the API page of Ancrage). Errors are JSON "
        "with a stable `code` and a `message` in the language of Accept-Language (fr, en)."
    ),
    auth=BearerToken(),
    throttle=[per_token()],
    # Swagger UI from ninja's own static files ("ninja" in INSTALLED_APPS): no CDN, and no
    # call to the public validator, so the strict Content-Security-Policy holds.
    docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
    urls_namespace="api",
)
errors.install(api)
for module in (coachees, messages, checkins, journal, analysis):
    api.add_router("", module.router)


@csrf_exempt
def _unknown(request: HttpRequest, rest: str = "") -> HttpResponse:
    message = gettext("No such API endpoint: the list is at /api/docs.")
    body = {"code": "unknown_endpoint", "message": message, "details": {}}
    return JsonResponse(body, status=404)


def _method_not_allowed_as_json(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ninja answers a wrong method with a plain-text 405: ours is JSON like every error."""

    @wraps(view)  # keeps csrf_exempt
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        message = gettext("Method %(method)s is not allowed here; allowed: %(allowed)s.") % {
            "method": request.method,
            "allowed": response["Allow"],
        }
        body = {"code": "method_not_allowed", "message": message, "details": {}}
        answer = JsonResponse(body, status=405)
        answer["Allow"] = response["Allow"]
        return answer

    return wrapper


def urls() -> tuple[list, str, str]:
    """ninja's routes, then a JSON 404 for any other path under /api/."""
    patterns, app_name, namespace = api.urls
    routes = [
        URLPattern(p.pattern, _method_not_allowed_as_json(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]
    return [*routes, re_path(r"^(?P<rest>.*)$", _unknown)], app_name, namespace
