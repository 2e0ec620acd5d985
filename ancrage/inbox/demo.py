"""The inbox in the demo: a thank-you that came on a weekend, a win and a struggle waiting
for the coach, every demo SMS triaged, the journal filled from them."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ancrage.coaching.models import Coach, Coachee, Practice
from ancrage.inbox.models import SunshineSetting, Triage
from ancrage.inbox.services import triage_message
from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.models import Message

# phone, text, hours ago
WAITING = [
    ("+447911123456", "Sent 3 referral requests and one just became a new client!! 🎉", 20),
    (
        "+33611223344",
        "Deux refus cette semaine... je commence à douter de mes prix, je me sens nul.",
        5,
    ),
]
GRATITUDE_PHONE = "+33687654321"  # Marc, alumni: his thank-you moves to last Saturday morning


@transaction.atomic
def ensure_demo_inbox(practice: Practice) -> None:
    """Idempotent: does nothing once the demo practice has triaged messages."""
    if Triage.objects.filter(practice=practice).exists():
        return
    now = timezone.now()
    for phone, text, hours in WAITING:
        coachee = Coachee.objects.filter(practice=practice, phone=phone).first()
        if coachee is not None:
            _received(coachee, text, now - dt.timedelta(hours=hours))
    _thanks_on_saturday(practice, now)
    inbound = Message.objects.filter(practice=practice, direction=Message.Direction.INBOUND)
    for message in inbound.select_related("coachee").order_by("created_at"):
        triage_message(message)
    owner = Coach.objects.filter(practice=practice, role=Coach.Role.OWNER).first()
    if owner is not None:
        SunshineSetting.objects.get_or_create(coach=owner, defaults={"when": "immediate"})


def _received(coachee: Coachee, text: str, at: dt.datetime) -> None:
    cost = sms_cost(text)
    Message.objects.create(
        practice=coachee.practice, coachee=coachee, engagement=coachee.current_engagement(),
        direction=Message.Direction.INBOUND, body=text, provider="simulator",
        provider_message_id=f"DEMO-INBOX-{coachee.pk}-{at.timestamp():.0f}",
        status=Message.Status.RECEIVED, encoding=cost.encoding, segments=cost.segments,
        created_at=at,
    )  # fmt: skip


def _thanks_on_saturday(practice: Practice, now: dt.datetime) -> None:
    local = timezone.localtime(now)
    saturday = local - dt.timedelta(days=(local.weekday() - 5) % 7 or 7)
    at = saturday.replace(hour=10, minute=12, second=0, microsecond=0)
    thanks = Message.objects.filter(
        practice=practice, coachee__phone=GRATITUDE_PHONE, direction=Message.Direction.INBOUND
    ).order_by("-created_at")
    latest = thanks.first()
    if latest is not None:
        Message.objects.filter(pk=latest.pk).update(created_at=at, read_at=None)
