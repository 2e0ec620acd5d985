"""Long inbound SMS that arrive as one webhook per part (Vonage concat).

Each part is stored at once, deduplicated by its provider id (unique constraint),
then a task joins the parts. The task of the last part to commit sees them all;
two tasks joining at once collapse onto one message through the same unique
constraint as any inbound SMS ("concat:<sender>:<ref>"). A part that never comes
does not hold the others hostage: after PART_WAIT the sweeper joins what is there.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction

from ancrage.coaching.models import Practice
from ancrage.messaging.models import InboundPart, Message
from ancrage.messaging.providers.base import InboundSms

PART_WAIT = dt.timedelta(minutes=10)
MISSING = "[…]"


def store_part(practice: Practice, provider: str, sms: InboundSms) -> bool:
    """Keep one part; False when it is a duplicate (a provider retry)."""
    info = sms.raw["multipart"]
    try:
        with transaction.atomic():
            InboundPart.objects.create(
                practice=practice,
                provider=provider,
                provider_message_id=sms.provider_message_id,
                sender=sms.sender[:20],
                ref=str(info["ref"])[:40],
                total=int(info["total"]),
                number=int(info["part"]),
                raw={**sms.raw, "text": sms.body},
                **({"received_at": sms.received_at} if sms.received_at else {}),
            )
    except IntegrityError:
        return False
    from ancrage.messaging.tasks import assemble_inbound

    assemble_inbound.enqueue(practice.pk, provider, sms.sender[:20], str(info["ref"])[:40])
    return True


def assemble(
    practice_id: int, provider: str, sender: str, ref: str, *, force: bool = False
) -> Message | None:
    """The whole message once every part is in (or, with `force`, with gaps marked)."""
    same = InboundPart.objects.filter(
        practice_id=practice_id, provider=provider, sender=sender, ref=ref, assembled=False
    )
    parts = list(same.order_by("id"))
    if not parts:
        return None
    texts = {part.number: str(part.raw.get("text", "")) for part in parts}
    total = parts[0].total
    if len(texts) < total and not force:
        return None
    body = "".join(texts.get(number, MISSING) for number in range(1, total + 1))
    from ancrage.messaging.services import record_inbound

    # Named after the first part stored: every task joining these parts agrees on it.
    whole = InboundSms(
        provider_message_id=f"concat:{parts[0].provider_message_id}",
        sender=sender,
        body=body,
        received_at=min(part.received_at for part in parts),
    )
    message_id = record_inbound(Practice.objects.get(pk=practice_id), provider, whole)
    same.filter(pk__in=[part.pk for part in parts]).update(assembled=True)
    return Message.objects.get(pk=message_id)


def assemble_stale_parts(now: dt.datetime) -> int:
    """Join the parts of messages still incomplete after PART_WAIT, gaps marked."""
    stale = (
        InboundPart.objects.filter(assembled=False, received_at__lt=now - PART_WAIT)
        .values_list("practice_id", "provider", "sender", "ref")
        .distinct()
    )
    joined = 0
    for practice_id, provider, sender, ref in stale[:100]:
        message = assemble(practice_id, provider, sender, ref, force=True)
        joined += message is not None
    return joined
