"""Thread, composer, simulator page and provider webhooks."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from auditlog import get_logentry_model
from django.conf import settings
from django.db.models.signals import pre_save
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, get_resolver
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ancrage.coaching.access import (
    CoachRequest,
    about_visible_coachees,
    coach_required,
    coachee_or_404,
)
from ancrage.lib.client_ip import client_ip
from ancrage.lib.request_id import RequestIdMiddleware
from ancrage.lib.sms_encoding import MAX_SEGMENTS, fix_typography, sms_cost
from ancrage.messaging import services
from ancrage.messaging.forms import MessageForm, SimulatedReplyForm
from ancrage.messaging.models import Message, SimulatedSms
from ancrage.messaging.outbound import resolve_needs_check
from ancrage.messaging.providers.base import WebhookRequest
from ancrage.messaging.webhooks import handle_webhook


@coach_required
@require_GET
def thread(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    context = {"coachee": coachee, "thread": services.thread_of(coachee, mark_read=True)}
    return render(request, "messaging/_thread.html", context)


@coach_required
@require_POST
def send(request: CoachRequest, pk: int) -> HttpResponse:
    """Queue the coach's SMS. In the coachee's quiet hours, ask first: now, or next morning."""
    coachee = coachee_or_404(request, pk)
    form = MessageForm(request.POST, coachee=coachee)
    context: dict = {"coachee": coachee}
    when = request.POST.get("when", "")
    if form.is_valid():
        if not when and services.is_quiet(coachee):
            context["quiet_until"] = services.next_allowed(coachee)
        else:
            send_after = services.next_allowed(coachee) if when == "later" else None
            body = form.cleaned_data["body"]
            services.queue_message(coachee, body, sent_by=request.coach, send_after=send_after)
            form = MessageForm(coachee=coachee)
    context.update(form=form, thread=services.thread_of(coachee))
    status = 200 if not form.errors else 422
    return render(request, "messaging/_composer_and_thread.html", context, status=status)


@coach_required
@require_POST
def resolve_message(request: CoachRequest, pk: int) -> HttpResponse:
    """The coach's decision on a message interrupted mid-send: "it was sent" / "send again"."""
    message = get_object_or_404(about_visible_coachees(request, Message.objects.all()), pk=pk)
    action = request.POST.get("action", "")
    if action not in {"mark_sent", "resend"}:
        return HttpResponse(_("Unknown action."), status=400)
    if action == "resend" and not message.coachee.can_receive_sms():
        return HttpResponse(_("This person opted out of SMS: nothing can be sent."), status=409)
    resolve_needs_check(message, action)
    context = {"coachee": message.coachee, "thread": services.thread_of(message.coachee)}
    return render(request, "messaging/_thread.html", context)


@csrf_exempt
def bench_bare(request: HttpRequest) -> HttpResponse:
    """ANCRAGE_BENCH_VIEWS=1 only: the floor the webhook benchmark compares against."""
    return HttpResponse("ok", content_type="text/plain")


@coach_required
def cost(request: CoachRequest) -> HttpResponse:
    """Live segment count for the composer (HTMX), with the one-click typography fix."""
    # Any SMS text field can ask (check-in questions too): `field` names it, default "body".
    field = request.GET.get("field", "body")
    field = field if field.replace("-", "").replace("_", "").isalnum() else "body"
    body = request.GET.get(field, "") or request.POST.get(field, "")
    context = {
        "cost": sms_cost(body),
        "max_segments": MAX_SEGMENTS,
        "fixed": fix_typography(body),
        "target": f"id_{field}",
    }
    return render(request, "messaging/_cost.html", context)


@coach_required
def simulator_phone(request: CoachRequest, pk: int) -> HttpResponse:
    """A phone-like view of the coachee's handset in the local simulator."""
    coachee = coachee_or_404(request, pk)
    form = SimulatedReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.simulate_inbound(coachee.practice, coachee.phone, form.cleaned_data["body"])
        form = SimulatedReplyForm()
    received = SimulatedSms.objects.filter(
        practice_token=coachee.practice.webhook_token, to=coachee.phone
    )
    sent = coachee.messages.filter(provider="simulator", direction="in")
    # On the handset, what the coach sent is "received" and the replies are "mine".
    screen = sorted(
        [{"mine": False, "body": sms.body, "at": sms.created_at} for sms in received]
        + [{"mine": True, "body": msg.body, "at": msg.created_at} for msg in sent],
        key=lambda bubble: bubble["at"],  # type: ignore[arg-type,return-value]
    )
    # Sending through a real provider, this page is not the client's phone: a STOP typed
    # here opts the number out, a START or HELP is ignored (messaging.optout).
    sends_with = coachee.practice.sms_provider
    real_provider = "" if sends_with == services.SIMULATOR else sends_with
    context = {"coachee": coachee, "form": form, "screen": screen, "real_provider": real_provider}
    template = "messaging/_phone_screen.html" if request.htmx else "messaging/simulator.html"
    return render(request, template, context)


@csrf_exempt
@require_http_methods(["GET", "POST"])  # Vonage can be set to send GET webhooks
def webhook(request: HttpRequest, provider: str, token: str, kind: str) -> HttpResponse:
    """Providers call this; the signature is checked against our public URL."""
    incoming = WebhookRequest(
        url=settings.PUBLIC_BASE_URL + request.get_full_path(),
        method=request.method or "POST",
        headers={name.lower(): value for name, value in request.headers.items()},
        body=request.body,
    )
    outcome = handle_webhook(provider, token, kind, incoming)
    return HttpResponse(outcome.text, status=outcome.status_code, content_type="text/plain")


# -- webhooks without the middleware made for people ------------------------------------------
WEBHOOK_PREFIX = "/webhooks/"
WEBHOOK_URL_NAME = "webhook"

# The address a webhook came from, for the audit entries written while it is handled.
_client_address: ContextVar[str | None] = ContextVar("ancrage_webhook_client", default=None)


def _stamp_audit_entry(sender: Any, instance: Any, **kwargs: Any) -> None:
    address = _client_address.get()
    if address is not None:
        instance.remote_addr = address or None


@lru_cache(maxsize=8)
def webhook_route(urlconf: str) -> URLPattern | None:
    """The webhook's URL pattern among the root patterns of `urlconf`."""
    for pattern in get_resolver(urlconf).url_patterns:
        if isinstance(pattern, URLPattern) and pattern.name == WEBHOOK_URL_NAME:
            return pattern
    return None


class WebhookMiddleware:
    """Provider webhooks skip the middleware made for people (settings.MIDDLEWARE).

    A webhook (`/webhooks/<provider>/<token>/<kind>`) carries no cookie, no session and no
    user, is exempt from CSRF and answers a line of plain text: sessions, sign-in, CSRF, the
    CSP, the clickjacking header, messages, htmx, the current practice and the login lockout
    have nothing to do with it, and going through them cost about as much as the bare view
    (benchmarks/webhook_load.py). `WebhookMiddleware`, placed after the request id and the
    security headers, calls the webhook view itself and answers; every other path goes on
    through the whole chain. What the skipped middleware gave a webhook is kept here:

    * the language LocaleMiddleware would pick (the name "Unknown +33 6..." given to a new
      number is written in it);
    * the client's address on audit entries written during the webhook (the coachee created
      for a new number, the consent event of a STOP), as AuditActorMiddleware records it;
      the request id that ties entries to log lines is the one RequestIdMiddleware sets;
    * an unhandled error is logged with its request id and answered with a plain 500, as
      RequestIdMiddleware.process_exception does for every view;
    * a Content-Length, as CommonMiddleware sets.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.on_error = RequestIdMiddleware(get_response).process_exception
        pre_save.connect(
            _stamp_audit_entry,
            sender=get_logentry_model(),
            dispatch_uid="ancrage.messaging.webhook_audit_address",
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(WEBHOOK_PREFIX):
            return self.get_response(request)
        route = webhook_route(str(getattr(request, "urlconf", None) or settings.ROOT_URLCONF))
        match = route.resolve(request.path_info[1:]) if route is not None else None
        if match is None:  # not a webhook after all: the usual 404, through everything
            return self.get_response(request)
        request.resolver_match = match
        language = translation.get_language_from_request(request)
        address = _client_address.set(client_ip(request))
        try:
            with translation.override(language):
                response = match.func(request, *match.args, **match.kwargs)
        except Exception as exc:
            handled = self.on_error(request, exc)
            if handled is None:
                raise  # Django answers it (a 4xx, or the debug page)
            response = handled
        finally:
            _client_address.reset(address)
        if not response.streaming and not response.has_header("Content-Length"):
            response.headers["Content-Length"] = str(len(response.content))
        return response
