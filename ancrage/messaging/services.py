"""Sending and receiving SMS: the work across models and providers."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coach, Coachee, Practice
from ancrage.lib.phone import InvalidPhoneNumber, pretty, to_e164
from ancrage.lib.sms_encoding import MAX_SEGMENTS, sms_cost
from ancrage.messaging.models import Message
from ancrage.messaging.providers.base import InboundSms, Provider, StatusReport
from ancrage.messaging.providers.registry import load_provider_class

log = logging.getLogger("ancrage.messaging")


class CannotSend(ValueError):
    """The coach's message cannot go: the text says why, in the coach's language."""


def provider_for(practice: Practice, code: str | None = None) -> Provider:
    return load_provider_class(code or practice.sms_provider)()


def webhook_url(practice: Practice, provider_code: str, kind: str) -> str:
    path = reverse("webhook", args=[provider_code, practice.webhook_token, kind])
    return settings.PUBLIC_BASE_URL + path


def check_sendable(coachee: Coachee, body: str) -> None:
    if not body.strip():
        raise CannotSend(_("The message is empty."))
    cost = sms_cost(body)
    if cost.too_long:
        raise CannotSend(
            _("This message would take %(n)d SMS; the limit is %(max)d. Shorten it.")
            % {"n": cost.segments, "max": MAX_SEGMENTS}
        )
    if not coachee.can_receive_sms():
        raise CannotSend(
            _("%(name)s has opted out of SMS: nothing can be sent.") % {"name": coachee}
        )


@transaction.atomic
def queue_message(coachee: Coachee, body: str, sent_by: Coach | None = None) -> Message:
    """Store an outbound message and hand it to a worker once the row is committed."""
    check_sendable(coachee, body)
    cost = sms_cost(body)
    message = Message.objects.create(
        practice=coachee.practice,
        coachee=coachee,
        engagement=coachee.current_engagement(),
        direction=Message.Direction.OUTBOUND,
        status=Message.Status.QUEUED,
        provider=coachee.practice.sms_provider,
        body=body,
        encoding=cost.encoding,
        segments=cost.segments,
        sent_by=sent_by,
    )
    from ancrage.messaging.tasks import deliver_message

    # The database task backend makes this an outbox: the task row commits with the message.
    deliver_message.enqueue(message.pk)
    return message


def sender_coachee(practice: Practice, raw_phone: str) -> Coachee:
    """The coachee behind an inbound number; an unknown number becomes a flagged coachee."""
    try:
        phone = to_e164(raw_phone)
    except InvalidPhoneNumber:
        phone = raw_phone.strip()[:20]  # keep what the carrier gave rather than drop the SMS
    coachee, _created = Coachee.objects.get_or_create(
        practice=practice,
        phone=phone,
        defaults={"name": _("Unknown %(phone)s") % {"phone": pretty(phone)}, "is_unknown": True},
    )
    return coachee


def record_inbound(practice: Practice, provider_code: str, sms: InboundSms) -> Message:
    """Store an inbound SMS exactly once, whatever the retries (unique provider id)."""
    existing = _existing(provider_code, sms.provider_message_id)
    if existing:
        return existing
    coachee = sender_coachee(practice, sms.sender)
    cost = sms_cost(sms.body)
    try:
        with transaction.atomic():
            return Message.objects.create(
                practice=practice,
                coachee=coachee,
                engagement=coachee.current_engagement(),
                direction=Message.Direction.INBOUND,
                status=Message.Status.RECEIVED,
                provider=provider_code,
                provider_message_id=sms.provider_message_id,
                body=sms.body,
                encoding=cost.encoding,
                segments=cost.segments,
                created_at=sms.received_at or timezone.now(),
            )
    except IntegrityError:  # a concurrent duplicate won the race: it is the same SMS
        found = _existing(provider_code, sms.provider_message_id)
        if found is None:
            raise
        return found


def _existing(provider_code: str, provider_message_id: str) -> Message | None:
    if not provider_message_id:
        return None
    return Message.objects.filter(
        provider=provider_code, provider_message_id=provider_message_id
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
        message = (
            Message.objects.select_for_update()
            .filter(
                practice=practice,
                provider=provider_code,
                provider_message_id=report.provider_message_id,
            )
            .first()
        )
        if message is None:
            log.warning(
                "status for unknown %s message %s", provider_code, report.provider_message_id
            )
            return None
        if report.status not in Message.Status.values or not message.can_move_to(report.status):
            return message
        message.status = report.status
        fields = ["status"]
        if stamp := _TIMESTAMP_FOR.get(Message.Status(report.status)):
            setattr(message, stamp, report.occurred_at or timezone.now())
            fields.append(stamp)
        if report.error_code or report.error_message:
            message.error_code, message.error_message = report.error_code, report.error_message
            fields += ["error_code", "error_message"]
        message.save(update_fields=fields)
        return message


def simulate_inbound(practice: Practice, phone: str, body: str) -> Message:
    """A reply typed on a simulated handset, delivered as a signed simulator webhook."""
    from ancrage.messaging.providers.simulator import new_sim_id, signed_request
    from ancrage.messaging.webhooks import handle_webhook_request

    if not body.strip():
        raise CannotSend(_("The message is empty."))
    sim_id = new_sim_id()
    url = webhook_url(practice, "simulator", "inbound")
    outcome = handle_webhook_request(
        signed_request(url, {"MessageSid": sim_id, "From": phone, "Body": body})
    )
    if outcome.status_code != 200:
        raise CannotSend(outcome.text)
    return Message.objects.get(provider="simulator", provider_message_id=sim_id)


def thread_of(coachee: Coachee, *, mark_read: bool = False) -> list[Message]:
    """The whole conversation, oldest first; opening it marks replies as read."""
    if mark_read:
        coachee.messages.filter(direction=Message.Direction.INBOUND, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    return list(coachee.messages.select_related("sent_by__user").order_by("created_at", "id"))
