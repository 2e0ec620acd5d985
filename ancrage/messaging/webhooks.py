"""Every provider's webhook goes through here: verify, keep the raw payload, record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import math
import re
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from ancrage.coaching.models import Practice
from ancrage.messaging import inbound
from ancrage.messaging.fastpath import SenderChanged, insert_event, webhook_write
from ancrage.messaging.keywords import classify_keyword
from ancrage.messaging.models import Message, WebhookEvent
from ancrage.messaging.multipart import store_part
from ancrage.messaging.outbound import ProviderNotConfigured
from ancrage.messaging.providers.base import (
    InboundSms,
    Provider,
    StatusReport,
    WebhookMalformed,
    WebhookRejected,
    WebhookRequest,
)
from ancrage.messaging.providers.registry import UnknownProvider

log = logging.getLogger("ancrage.webhooks")

KINDS = ("inbound", "status", "events")
ORPHAN_RETRIES = 5
# What the column holds, less the "concat:" prefix of a joined long message (multipart.py).
MAX_ID_LENGTH = (Message._meta.get_field("provider_message_id").max_length or 100) - 10
# Neither database stores these in text: NUL (PostgreSQL) and lone surrogates (both).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
CLEANED_NOTE = (
    "cleaned before storing: NUL characters removed, lone surrogates replaced by U+FFFD,"
    " NaN/Infinity written as text"
)
Parsed = TypeVar("Parsed", InboundSms, StatusReport)


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
    except (UnknownProvider, ProviderNotConfigured) as exc:
        log.warning("%s webhook for token %s...: %s", provider_code, token[:4], exc)
        return WebhookOutcome(404, "unknown webhook")
    except (WebhookRejected, WebhookMalformed) as exc:  # unreadable is unverifiable: unsigned
        log.warning("rejected %s webhook for token %s...: %s", provider_code, token[:4], exc)
        return WebhookOutcome(403, "invalid signature")
    raw = stored_payload(practice, provider_code, kind, request)
    now = timezone.now()
    try:
        carried = _parsed(provider, kind, request)  # before the write: no lock held meanwhile
        plain = _plain_sms(practice, carried)
        if plain is not None:  # most webhooks: one statement (PostgreSQL) or a group commit
            try:
                inbound.record_inbound(practice, provider_code, plain, payload=(raw, now))
            except SenderChanged:  # the number's coachee changed since it was cached
                plain = None
        if plain is None:
            with webhook_write(), transaction.atomic():  # the raw payload and what it carries
                event = WebhookEvent(**raw, received_at=now, processed_at=now)
                event.pk = insert_event(raw, processed_at=now, now=now)
                _apply(event, carried)
    except Exception as exc:
        inbound.clear_caches()  # they may hold a coachee created by the rolled-back write
        error = str(exc) if isinstance(exc, WebhookMalformed) else f"{type(exc).__name__}: {exc}"
        with webhook_write():
            insert_event(raw, None, now, error=_storable(error)[:2000])  # for a human to read
        if isinstance(exc, WebhookMalformed):
            return WebhookOutcome(400, f"malformed webhook: {exc}")
        raise  # a 500 (logged with its request id): the provider retries, the payload is kept
    return WebhookOutcome(200, "ok")


def _plain_sms(practice: Practice, carried: Carried) -> InboundSms | None:
    """The SMS when the webhook is one plain SMS from a number the practice knows: stored
    with its raw payload at once (fastpath.record_plain_inbound). None for anything
    else (a keyword to act on, a part of a long SMS, a new number, status reports, text that
    had to be cleaned...), which takes the general path, in a transaction."""
    received, reports, cleaned = carried
    if cleaned or reports or len(received) != 1:
        return None
    sms = received[0]
    if not sms.provider_message_id or sms.raw.get("multipart") or classify_keyword(sms.body):
        return None
    return sms if inbound.cached_sender(practice, sms.sender) is not None else None


def stored_payload(
    practice: Practice, provider_code: str, kind: str, request: WebhookRequest
) -> dict[str, Any]:
    """The raw request as both databases can store it (see `_storable`)."""
    url, method = _storable(request.url), request.method.upper()[:8]
    return {
        "practice": practice,
        "provider": provider_code,
        "url": url,
        "method": method,
        "kind": kind,
        "headers": {_storable(k): _storable(v) for k, v in request.headers.items()},
        "body": request.body.decode("utf-8", "replace").replace("\x00", "\ufffd"),
        "digest": payload_digest(method, url, request.body),
    }


def payload_digest(method: str, url: str, body: bytes) -> str:
    """Identical requests (a provider's retry, a replay) share one raw row."""
    return hashlib.sha256(f"{method} {url}\n".encode() + body).hexdigest()


def _storable(text: str) -> str:
    return _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)


def _cleaned_value(value: Any) -> Any:
    if isinstance(value, str):
        return _storable(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # JSON's NaN and Infinity: PostgreSQL's jsonb refuses them
    if isinstance(value, dict):
        return {_cleaned_value(k): _cleaned_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned_value(item) for item in value]
    return value


def _is_storable(value: Any) -> bool:
    """Whether `_cleaned_value` would leave `value` as it is (checked without copying)."""
    if isinstance(value, str):
        return _UNSTORABLE.search(value) is None
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_is_storable(k) and _is_storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_is_storable(item) for item in value)
    return True


def _cleaned(items: list[Parsed]) -> tuple[list[Parsed], bool]:
    """What a webhook carries, storable: NUL removed, lone surrogates replaced; and whether
    anything had to be. An id too long to store is a malformed webhook."""
    cleaned = []
    for item in items:
        if len(item.provider_message_id) > MAX_ID_LENGTH:
            raise WebhookMalformed(f"provider message id longer than {MAX_ID_LENGTH} characters")
        fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
        if _is_storable(fields):  # nearly always: no copy
            cleaned.append(item)
        else:
            cleaned.append(dataclasses.replace(item, **_cleaned_value(fields)))
    return cleaned, any(new is not old for new, old in zip(cleaned, items, strict=True))


def _verified(token: str, code: str, request: WebhookRequest) -> tuple[Practice, Provider]:
    """Verify with the (briefly cached) credentials; a failure retries with fresh ones, so
    a secret changed on the settings page is honoured at once."""
    practice, provider = inbound.webhook_provider(token, code)
    try:
        provider.verify_webhook(request)
    except WebhookRejected:
        practice, provider = inbound.webhook_provider(token, code, fresh=True)
        provider.verify_webhook(request)
    return practice, provider


# What a verified webhook carries: inbound SMS, status reports, and whether either had to be
# cleaned to be stored.
Carried = tuple[list[InboundSms], list[StatusReport], bool]


def _parsed(provider: Provider, kind: str, request: WebhookRequest) -> Carried:
    received, nul_in = _cleaned(provider.parse_inbound(request) if kind != "status" else [])
    reports, nul_st = _cleaned(provider.parse_status(request) if kind != "inbound" else [])
    return received, reports, nul_in or nul_st


def process_event(event: WebhookEvent, provider: Provider, request: WebhookRequest) -> None:
    """Record what a verified webhook carries. A report for a message whose send is not
    recorded yet (the provider called back faster than we wrote its id) is retried later."""
    _apply(event, _parsed(provider, event.kind, request))


def _apply(event: WebhookEvent, carried: Carried) -> None:
    practice, code = event.practice, event.provider
    received, reports, cleaned = carried
    if cleaned:  # rare: said on the raw row, which keeps the payload as it came
        log.warning("%s webhook event %s: %s", code, event.pk, CLEANED_NOTE)
        WebhookEvent.objects.filter(pk=event.pk).update(error=CLEANED_NOTE)
    for sms in received:
        if sms.raw.get("multipart"):
            store_part(practice, code, sms)  # joined by a worker once all parts are in
        else:
            inbound.record_inbound(practice, code, sms)
    orphans = 0
    for report in reports:
        orphans += inbound.apply_status(practice, code, report) is None
    if orphans and event.attempts < ORPHAN_RETRIES:
        # Applied again by a worker at retry_at (dispatch.reprocess_due_events): no task row.
        retry_at = timezone.now() + dt.timedelta(seconds=2 ** (event.attempts + 1))
        WebhookEvent.objects.filter(pk=event.pk).update(
            attempts=event.attempts + 1, processed_at=None, retry_at=retry_at
        )
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
