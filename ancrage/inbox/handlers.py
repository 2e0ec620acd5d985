"""The inbound hook (settings.INBOUND_HANDLERS): every stored SMS is triaged."""

from __future__ import annotations

from ancrage.inbox.services import triage_message
from ancrage.messaging.models import Message


def on_inbound(message_id: int) -> str:
    message = Message.objects.select_related("coachee").filter(pk=message_id).first()
    if message is None or message.direction != Message.Direction.INBOUND:
        return "ignored"
    return triage_message(message).category
