"""Inbound SMS and delivery reports: stored exactly once, keywords acted on at once.

The inbox and check-in handlers (settings.INBOUND_HANDLERS) run later in a worker,
which picks up rows with `handled_at` unset (dispatch.handle_pending_inbound): the
webhook writes no task row.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coachee, Practice
from ancrage.lib.phone import InvalidPhoneNumber, pretty, to_e164
from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.fastpath import SenderChanged, insert_inbound, record_plain_inbound
from ancrage.messaging.keywords import classify_keyword
from ancrage.messaging.models import Message, PartId, ProviderAccount
from ancrage.messaging.optout import act_on_keyword, opt_out_reported_by_provider
from ancrage.messaging.outbound import (
    SIMULATOR,
    ProviderNotConfigured,
    account_config,
    clear_sending_cache,
)
from ancrage.messaging.providers.base import InboundSms, Provider, StatusReport, WebhookMalformed
from ancrage.messaging.providers.registry import load_provider_class

log = logging.getLogger("ancrage.messaging")

# Per-process caches for the webhook hot path (an ORM query costs more than everything
# else a webhook does). Short-lived: see docs/sms.md, "Webhook performance".
CACHE_SECONDS = 10.0
_providers: dict[tuple[str, str], tuple[float, Practice, Provider]] = {}
# (practice token, number as the provider gave it) -> (expiry, coachee id, number as stored)
_senders: dict[tuple[str, str], tuple[float, int, str]] = {}


def clear_caches() -> None:
    _providers.clear()
    _senders.clear()
    clear_sending_cache()


def webhook_provider(token: str, code: str, *, fresh: bool = False) -> tuple[Practice, Provider]:
    """The practice behind a webhook URL and its provider (cached for CACHE_SECONDS)."""
    key = (token, code)
    cached = _providers.get(key)
    if cached and not fresh and cached[0] > time.monotonic():
        return cached[1], cached[2]
    practice, provider = _load_webhook_provider(token, code)
    if len(_providers) > 10_000:
        _providers.clear()
    _providers[key] = (time.monotonic() + CACHE_SECONDS, practice, provider)
    return practice, provider


def _load_webhook_provider(token: str, code: str) -> tuple[Practice, Provider]:
    provider_class = load_provider_class(code)
    if code == SIMULATOR:
        practice = Practice.objects.filter(webhook_token=token).first()
        if practice is None:
            raise ProviderNotConfigured("unknown practice token")
        return practice, provider_class()
    account: Any = (
        ProviderAccount.objects.select_related("practice")
        .filter(practice__webhook_token=token, provider=code)
        .order_by()[:1]
    )
    account = account[0] if account else None
    if account is None:
        raise ProviderNotConfigured(f"no {code} account for this token")
    return account.practice, provider_class(account_config(account))


def _sender_phone(raw_phone: str) -> str:
    try:
        return to_e164(raw_phone)
    except InvalidPhoneNumber:
        return raw_phone.strip()[:20]  # keep what the carrier gave rather than drop the SMS


def _known_coachee(practice: Practice, phone: str) -> Coachee | None:
    known = list(Coachee.objects.filter(practice=practice, phone=phone).order_by()[:1])
    return known[0] if known else None


def sender_coachee(practice: Practice, raw_phone: str) -> Coachee:
    """The coachee behind an inbound number; an unknown number becomes a flagged coachee."""
    phone = _sender_phone(raw_phone)
    known = _known_coachee(practice, phone)
    if known is not None:
        return known
    try:
        with transaction.atomic():
            coachee, _created = Coachee.objects.get_or_create(
                practice=practice,
                phone=phone,
                defaults={
                    "name": _("Unknown %(phone)s") % {"phone": pretty(phone)},
                    "is_unknown": True,
                },
            )
    except IntegrityError:  # two first messages from the same new number at once
        coachee = Coachee.objects.get(practice=practice, phone=phone)
    return coachee


def cached_sender(practice: Practice, raw_phone: str) -> tuple[int, str] | None:
    """(coachee id, number as stored) behind an inbound number, kept CACHE_SECONDS in this
    process, looked up on a miss; None for a number no coachee of the practice has (nothing
    is created). An entry may be out of date: what writes with it checks that the coachee
    still has the number (fastpath.record_plain_inbound)."""
    cached = _senders.get((practice.webhook_token, raw_phone))
    if cached and cached[0] > time.monotonic():
        return cached[1], cached[2]
    coachee = _known_coachee(practice, _sender_phone(raw_phone))
    if coachee is None:
        return None
    _remember_sender(practice, raw_phone, coachee)
    return coachee.pk, coachee.phone


def _remember_sender(practice: Practice, raw_phone: str, coachee: Coachee) -> None:
    if len(_senders) > 10_000:
        _senders.clear()
    expiry = time.monotonic() + CACHE_SECONDS
    _senders[(practice.webhook_token, raw_phone)] = (expiry, coachee.pk, coachee.phone)


def inbound_row(
    practice: Practice,
    provider_code: str,
    sms: InboundSms,
    coachee_id: int,
    engagement_id: int | None,
) -> dict[str, Any]:
    """The columns of a new inbound message (fastpath.insert_inbound)."""
    cost = sms_cost(sms.body)
    return {
        "practice_id": practice.pk,
        "coachee_id": coachee_id,
        "engagement_id": engagement_id,
        "body": sms.body,
        "provider": provider_code,
        "provider_message_id": sms.provider_message_id,
        "encoding": cost.encoding,
        "segments": cost.segments,
        "created_at": sms.received_at or timezone.now(),
    }


def record_inbound(
    practice: Practice,
    provider_code: str,
    sms: InboundSms,
    *,
    payload: tuple[dict[str, Any], dt.datetime] | None = None,
) -> int:
    """Store an inbound SMS exactly once, whatever the retries: the unique constraint on
    the provider id decides (no check-then-insert). A keyword is acted on the first time
    only. Returns the message id (the existing one for a duplicate).

    `payload`: the webhook's raw payload and its time, written together with the message
    (fastpath.record_plain_inbound) when the caller knows the SMS is plain: from a number
    already known (nothing to create), no keyword. SenderChanged: that number's coachee
    changed since it was cached, nothing was written (the caller goes the general way)."""
    if not sms.provider_message_id:
        raise WebhookMalformed("inbound SMS without a provider message id")
    if payload is None:  # looked up afresh: a keyword, a new number, a long SMS joined...
        coachee = sender_coachee(practice, sms.sender)
        _remember_sender(practice, sms.sender, coachee)
        engagement = coachee.current_engagement()
        engagement_id = engagement.pk if engagement else None
        message_id = insert_inbound(
            inbound_row(practice, provider_code, sms, coachee.pk, engagement_id)
        )
    else:  # the cached coachee, checked by the INSERTs, which pick the current engagement
        sender = cached_sender(practice, sms.sender)
        if sender is None:
            raise SenderChanged(sms.sender)
        row = {**inbound_row(practice, provider_code, sms, sender[0], None), "phone": sender[1]}
        message_id = record_plain_inbound(payload[0], row, payload[1])
    if message_id is None:  # a retry, or a concurrent duplicate that won the race
        existing = _existing(practice, provider_code, sms.provider_message_id)
        if existing is None:  # cannot happen: the conflict means the row exists
            raise RuntimeError(f"{provider_code} message {sms.provider_message_id} vanished")
        return existing.pk
    if payload is None and classify_keyword(sms.body):  # with a payload: checked already
        act_on_keyword(Message.objects.select_related("coachee").get(pk=message_id))
    # The handlers run in a worker: the row itself (handled_at unset) is the hand-off.
    return message_id


def _existing(practice: Practice, provider_code: str, provider_message_id: str) -> Message | None:
    if not provider_message_id:
        return None
    return Message.objects.filter(
        practice=practice, provider=provider_code, provider_message_id=provider_message_id
    ).first()


_TIMESTAMP_FOR = {
    Message.Status.SENT: "sent_at",
    Message.Status.DELIVERED: "delivered_at",
    Message.Status.FAILED: "failed_at",
    Message.Status.UNDELIVERED: "failed_at",
}


def apply_status(practice: Practice, provider_code: str, report: StatusReport) -> Message | None:
    """Move an outbound message forward; late or unknown reports change nothing."""
    with transaction.atomic():
        message = _reported_message(practice, provider_code, report.provider_message_id)
        if message is None:
            log.warning(
                "status for unknown %s message %s", provider_code, report.provider_message_id
            )
            return None
        if report.opted_out:
            opt_out_reported_by_provider(message.coachee, provider_code, report.error_code)
        if report.status not in Message.Status.values or not message.can_move_to(report.status):
            return message
        message.status = report.status
        fields = ["status"]
        if stamp := _TIMESTAMP_FOR.get(Message.Status(report.status)):
            setattr(message, stamp, report.occurred_at or timezone.now())
            fields.append(stamp)
        if report.error_code or report.error_message:
            # A provider's code is free text in its webhook: cut to the column's length.
            message.error_code, message.error_message = report.error_code[:40], report.error_message
            fields += ["error_code", "error_message"]
        message.save(update_fields=fields)
        return message


def _reported_message(practice: Practice, provider_code: str, provider_id: str) -> Message | None:
    messages = Message.objects.select_for_update().filter(practice=practice, provider=provider_code)
    message = messages.filter(provider_message_id=provider_id).first()
    if message is None:  # one part of a long message with its own id (Vonage)
        part = PartId.objects.filter(provider=provider_code, provider_message_id=provider_id)
        message = messages.filter(pk__in=part.values("message_id")).first()
    return message
