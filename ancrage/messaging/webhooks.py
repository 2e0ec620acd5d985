"""Every provider's webhook goes through here: verify, keep the raw payload, record."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from ancrage.coaching.models import Practice
from ancrage.messaging import services
from ancrage.messaging.fastpath import insert_event
from ancrage.messaging.inbound import store_part
from ancrage.messaging.models import WebhookEvent
from ancrage.messaging.providers.base import (
    Provider,
    WebhookMalformed,
    WebhookRejected,
    WebhookRequest,
)
from ancrage.messaging.providers.registry import UnknownProvider

log = logging.getLogger("ancrage.webhooks")

KINDS = ("inbound", "status", "events")
ORPHAN_RETRIES = 5


@dataclass(frozen=True)
class WebhookOutcome:
    status_code: int
    text: str


def handle_webhook(
    provider_code: str, token: str, kind: str, request: WebhookRequest
) -> WebhookOutcome:
    if kind not in KINDS:
        return WebhookOutcome(404, "unknown webhook")
    try:
        practice, provider = _verified(token, provider_code, request)
    except (UnknownProvider, services.ProviderNotConfigured) as exc:
        log.warning("%s webhook for token %s...: %s", provider_code, token[:4], exc)
        return WebhookOutcome(404, "unknown webhook")
    except WebhookRejected as exc:
        log.warning("rejected %s webhook for token %s...: %s", provider_code, token[:4], exc)
        return WebhookOutcome(403, "invalid signature")
    raw = {
        "practice": practice,
        "provider": provider_code,
        "url": request.url,
        "method": request.method.upper()[:8],
        "kind": kind,
        "headers": request.headers,
        "body": request.body.decode("utf-8", "replace"),
    }
    try:
        with transaction.atomic():  # the raw payload and what it carries: one write
            now = timezone.now()
            event = WebhookEvent(**raw, received_at=now, processed_at=now)
            event.pk = insert_event(raw, processed_at=now, now=now)
            process_event(event, provider, request)
    except WebhookMalformed as exc:
        WebhookEvent.objects.create(**raw, error=str(exc))  # kept, for a human to look at
        return WebhookOutcome(400, f"malformed webhook: {exc}")
    except Exception as exc:
        WebhookEvent.objects.create(**raw, error=f"{type(exc).__name__}: {exc}"[:2000])
        raise  # a 500: the provider retries, and the payload is kept meanwhile
    return WebhookOutcome(200, "ok")


def _verified(token: str, code: str, request: WebhookRequest) -> tuple[Practice, Provider]:
    """Verify with the (briefly cached) credentials; a failure retries with fresh ones, so
    a secret changed on the settings page is honoured at once."""
    practice, provider = services.webhook_provider(token, code)
    try:
        provider.verify_webhook(request)
    except WebhookRejected:
        practice, provider = services.webhook_provider(token, code, fresh=True)
        provider.verify_webhook(request)
    return practice, provider


def process_event(event: WebhookEvent, provider: Provider, request: WebhookRequest) -> None:
    """Record what a verified webhook carries. A report for a message whose send is not
    recorded yet (the provider called back faster than we wrote its id) is retried later."""
    practice, code = event.practice, event.provider
    for sms in provider.parse_inbound(request) if event.kind != "status" else []:
        if sms.raw.get("multipart"):
            store_part(practice, code, sms)  # joined by a task once all parts are in
        else:
            services.record_inbound(practice, code, sms)
    orphans = 0
    for report in provider.parse_status(request) if event.kind != "inbound" else []:
        orphans += services.apply_status(practice, code, report) is None
    if orphans and event.attempts < ORPHAN_RETRIES:
        from ancrage.messaging.tasks import reprocess_webhook_event

        WebhookEvent.objects.filter(pk=event.pk).update(
            attempts=event.attempts + 1, processed_at=None
        )
        retry_at = timezone.now() + dt.timedelta(seconds=2 ** (event.attempts + 1))
        reprocess_webhook_event.using(run_after=retry_at).enqueue(event.pk)
        return
    if event.processed_at is None:  # a retried orphan, now applied
        WebhookEvent.objects.filter(pk=event.pk).update(processed_at=timezone.now())


def handle_webhook_request(request: WebhookRequest) -> WebhookOutcome:
    """Route an in-process webhook (the simulator's) by its URL, like the HTTP view does."""
    try:
        match = resolve(urlsplit(request.url).path)
    except Resolver404:
        return WebhookOutcome(404, "unknown webhook")
    return handle_webhook(
        match.kwargs["provider"], match.kwargs["token"], match.kwargs["kind"], request
    )
