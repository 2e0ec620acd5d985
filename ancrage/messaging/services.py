"""Sending and receiving SMS: the work across models and providers."""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coach, Coachee, Practice
from ancrage.consent.services import opted_out_since
from ancrage.lib.phone import InvalidPhoneNumber, pretty, to_e164
from ancrage.lib.sms_encoding import MAX_SEGMENTS, sms_cost
from ancrage.messaging import credentials
from ancrage.messaging.keywords import classify_keyword
from ancrage.messaging.models import Message, PartId, ProviderAccount
from ancrage.messaging.providers.base import InboundSms, Provider, StatusReport, WebhookMalformed
from ancrage.messaging.providers.registry import load_provider_class

log = logging.getLogger("ancrage.messaging")

SIMULATOR = "simulator"


class CannotSend(ValueError):
    """The coach's message cannot go: the text says why, in the coach's language."""


class ProviderNotConfigured(LookupError):
    """The practice has no account for this provider."""


def provider_for(practice: Practice, code: str | None = None) -> Provider:
    """The provider `code` (default: the practice's) built with the practice's credentials."""
    code = code or practice.sms_provider
    provider_class = load_provider_class(code)
    if code == SIMULATOR:
        return provider_class()
    account = ProviderAccount.objects.filter(practice=practice, provider=code).first()
    if account is None:
        raise ProviderNotConfigured(f"{practice} has no {code} account")
    return provider_class(account_config(account))


# Per-process caches for the webhook hot path (an ORM query costs more than everything
# else a webhook does). Short-lived: see docs/sms.md, "Webhook performance".
CACHE_SECONDS = 10.0
_providers: dict[tuple[str, str], tuple[float, Practice, Provider]] = {}
_senders: dict[tuple[str, str], tuple[float, int, int | None]] = {}


def clear_caches() -> None:
    _providers.clear()
    _senders.clear()


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


def account_config(account: ProviderAccount) -> dict[str, str]:
    config = credentials.decrypt(account.credentials)
    if account.sender:
        config["from_number"] = account.sender
    return config


def webhook_url(practice: Practice, provider_code: str, kind: str) -> str:
    path = reverse("webhook", args=[provider_code, practice.webhook_token, kind])
    return settings.PUBLIC_BASE_URL + path


def check_sendable(coachee: Coachee, body: str, kind: str = Message.Kind.MANUAL) -> None:
    if not body.strip():
        raise CannotSend(_("The message is empty."))
    cost = sms_cost(body)
    if cost.too_long:
        raise CannotSend(
            _("This message would take %(n)d SMS; the limit is %(max)d. Shorten it.")
            % {"n": cost.segments, "max": MAX_SEGMENTS}
        )
    if not may_text(coachee, kind):
        raise CannotSend(
            _("%(name)s has opted out of SMS: nothing can be sent.") % {"name": coachee}
        )


def may_text(coachee: Coachee, kind: str, created_at: dt.datetime | None = None) -> bool:
    """Whether this coachee's number may receive a message of this kind (the number's
    consent, one indexed query; never the copy on the coachee row). The STOP confirmation,
    created after the opt-out it confirms, is the only message an opted-out number gets."""
    opted_out_at = opted_out_since(coachee.practice_id, coachee.phone)
    if opted_out_at is None:
        return True
    if kind != Message.Kind.STOP_CONFIRMATION:
        return False
    return created_at is None or created_at >= opted_out_at


@transaction.atomic
def queue_message(
    coachee: Coachee,
    body: str,
    sent_by: Coach | None = None,
    *,
    kind: str = Message.Kind.MANUAL,
    send_after: dt.datetime | None = None,
    expires_at: dt.datetime | None = None,
) -> Message:
    """Store an outbound message and hand it to a worker once the row is committed."""
    check_sendable(coachee, body, kind)
    cost = sms_cost(body)
    message = Message.objects.create(
        practice=coachee.practice,
        coachee=coachee,
        engagement=coachee.current_engagement(),
        direction=Message.Direction.OUTBOUND,
        status=Message.Status.QUEUED,
        kind=kind,
        send_after=send_after,
        expires_at=expires_at,
        provider=coachee.practice.sms_provider,
        body=body,
        encoding=cost.encoding,
        segments=cost.segments,
        sent_by=sent_by,
    )
    from ancrage.messaging.tasks import enqueue_delivery

    # The database task backend makes this an outbox: the task row commits with the message.
    enqueue_delivery(message.pk, at=send_after)
    return message


def queue_automated(coachee: Coachee, body: str, valid_for: dt.timedelta | None = None) -> Message:
    """An automated message (check-in, reminder): waits for decent hours in the coachee's
    time zone, and is dropped if it could not go out within `valid_for`."""
    now = timezone.now()
    valid_for = valid_for or dt.timedelta(seconds=settings.SMS_AUTOMATED_VALIDITY)
    at = next_allowed(coachee, now)
    return queue_message(
        coachee,
        body,
        kind=Message.Kind.AUTOMATED,
        send_after=at if at > now else None,
        expires_at=now + valid_for,
    )


def is_quiet(coachee: Coachee, at: dt.datetime | None = None) -> bool:
    return coachee.practice.quiet_hours().is_quiet(at or timezone.now(), coachee.timezone)


def next_allowed(coachee: Coachee, at: dt.datetime | None = None) -> dt.datetime:
    return coachee.practice.quiet_hours().next_allowed(at or timezone.now(), coachee.timezone)


def sender_coachee(practice: Practice, raw_phone: str) -> Coachee:
    """The coachee behind an inbound number; an unknown number becomes a flagged coachee."""
    try:
        phone = to_e164(raw_phone)
    except InvalidPhoneNumber:
        phone = raw_phone.strip()[:20]  # keep what the carrier gave rather than drop the SMS
    known = list(Coachee.objects.filter(practice=practice, phone=phone).order_by()[:1])
    if known:
        return known[0]
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


def _sender_ids(practice: Practice, raw_phone: str) -> tuple[int, int | None]:
    """(coachee id, current engagement id) of an inbound number, cached CACHE_SECONDS."""
    key = (practice.webhook_token, raw_phone)
    cached = _senders.get(key)
    if cached and cached[0] > time.monotonic():
        return cached[1], cached[2]
    coachee = sender_coachee(practice, raw_phone)
    engagement = coachee.current_engagement()
    ids = (coachee.pk, engagement.pk if engagement else None)
    if len(_senders) > 10_000:
        _senders.clear()
    _senders[key] = (time.monotonic() + CACHE_SECONDS, *ids)
    return ids


def record_inbound(practice: Practice, provider_code: str, sms: InboundSms) -> int:
    """Store an inbound SMS exactly once, whatever the retries: the unique constraint on
    the provider id decides (no check-then-insert). A keyword is acted on the first time
    only. Returns the message id (the existing one for a duplicate)."""
    from ancrage.messaging.fastpath import insert_inbound

    if not sms.provider_message_id:
        raise WebhookMalformed("inbound SMS without a provider message id")
    coachee_id, engagement_id = _sender_ids(practice, sms.sender)
    cost = sms_cost(sms.body)
    message_id = insert_inbound(
        {
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
    )
    if message_id is None:  # a retry, or a concurrent duplicate that won the race
        existing = _existing(practice, provider_code, sms.provider_message_id)
        if existing is None:  # cannot happen: the conflict means the row exists
            raise RuntimeError(f"{provider_code} message {sms.provider_message_id} vanished")
        return existing.pk
    if classify_keyword(sms.body):
        from ancrage.messaging.optout import act_on_keyword

        act_on_keyword(Message.objects.select_related("coachee").get(pk=message_id))
    if settings.INBOUND_HANDLERS:
        from ancrage.messaging.tasks import process_inbound

        # Committed with the message (database queue): the reply is read after we answer.
        process_inbound.enqueue(message_id)
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
            from ancrage.messaging.optout import opt_out_reported_by_provider

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


def simulate_inbound(practice: Practice, phone: str, body: str) -> Message:
    """A reply typed on a simulated handset, delivered as a signed simulator webhook."""
    from ancrage.messaging.providers.simulator import new_sim_id, signed_request
    from ancrage.messaging.webhooks import handle_webhook_request

    if not body.strip():
        raise CannotSend(_("The message is empty."))
    sim_id = new_sim_id()
    url = webhook_url(practice, SIMULATOR, "inbound")
    outcome = handle_webhook_request(
        signed_request(url, {"MessageSid": sim_id, "From": phone, "Body": body})
    )
    if outcome.status_code != 200:
        raise CannotSend(outcome.text)
    return Message.objects.get(provider=SIMULATOR, provider_message_id=sim_id)


def thread_of(coachee: Coachee, *, mark_read: bool = False) -> list[Message]:
    """The whole conversation, oldest first; opening it marks replies as read."""
    if mark_read:
        coachee.messages.filter(direction=Message.Direction.INBOUND, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    return list(coachee.messages.select_related("sent_by__user").order_by("created_at", "id"))


def segments_this_month(practice: Practice, now: dt.datetime | None = None) -> dict[str, int]:
    """SMS parts handed to the provider (sent) and received this calendar month."""
    local = timezone.localtime(now or timezone.now())
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    outbound = Message.objects.filter(
        practice=practice, direction=Message.Direction.OUTBOUND, sent_at__gte=start
    ).exclude(provider=SIMULATOR)
    inbound = Message.objects.filter(
        practice=practice, direction=Message.Direction.INBOUND, created_at__gte=start
    ).exclude(provider=SIMULATOR)
    return {
        "sent": outbound.aggregate(n=Sum("segments"))["n"] or 0,
        "received": inbound.aggregate(n=Sum("segments"))["n"] or 0,
        "simulated": Message.objects.filter(
            practice=practice, provider=SIMULATOR, sent_at__gte=start
        ).aggregate(n=Sum("segments"))["n"]
        or 0,
    }
