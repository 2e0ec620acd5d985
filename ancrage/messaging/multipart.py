"""Long inbound SMS that arrive as one webhook per part (Vonage concat).

Each part is stored at once, deduplicated by its provider id (unique constraint);
a worker joins the parts once they are all committed (`assemble_complete`, no task
row per part). Two workers joining at once collapse onto one message through the
same unique constraint as any inbound SMS ("concat:<first part id>"). A part that never comes
does not hold the others hostage: after PART_WAIT the sweeper joins what is there.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Count, F

from ancrage.coaching.models import Practice
from ancrage.messaging.inbound import record_inbound
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


def assemble_complete(limit: int = 100) -> int:
    """Join every long SMS whose parts are all in (one GROUP BY over unjoined parts)."""
    complete = (
        InboundPart.objects.filter(assembled=False)
        .values("practice_id", "provider", "sender", "ref", "total")
        .annotate(parts=Count("number", distinct=True))
        .filter(parts__gte=F("total"))
        .order_by()
    )
    joined = 0
    for group in complete[:limit]:
        key = (group["practice_id"], group["provider"], group["sender"], group["ref"])
        joined += assemble(*key) is not None
    return joined
