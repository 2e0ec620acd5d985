"""The messaging services other apps call: a facade over outbound.py and inbound.py,
plus the thread and the monthly count. Importing from here keeps callers unaware of the
layering inside the package (see __init__.py)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coachee, Practice
from ancrage.messaging.inbound import (
    apply_status,
    clear_caches,
    record_inbound,
    sender_coachee,
    webhook_provider,
)
from ancrage.messaging.models import Message
from ancrage.messaging.outbound import (
    SIMULATOR,
    CannotSend,
    ProviderNotConfigured,
    account_config,
    check_sendable,
    is_quiet,
    may_text,
    next_allowed,
    provider_for,
    queue_automated,
    queue_message,
    webhook_url,
)
from ancrage.messaging.providers.simulator import new_sim_id, signed_request
from ancrage.messaging.webhooks import handle_webhook_request

__all__ = [
    "SIMULATOR", "CannotSend", "ProviderNotConfigured", "account_config", "apply_status",
    "check_sendable", "clear_caches", "is_quiet", "may_text", "next_allowed", "provider_for",
    "queue_automated", "queue_message", "record_inbound", "segments_this_month",
    "sender_coachee", "simulate_inbound", "thread_of", "webhook_provider", "webhook_url",
]  # fmt: skip


def simulate_inbound(practice: Practice, phone: str, body: str) -> Message:
    """A reply typed on a simulated handset, delivered as a signed simulator webhook."""
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
