"""Inbox helpers: SMS that arrive through the simulator webhook, read by the task queue."""

from __future__ import annotations

import pytest

from ancrage.coaching.models import Coach, Coachee, Engagement, Practice
from ancrage.messaging.models import Message
from ancrage.messaging.services import simulate_inbound


def new_coachee(
    practice: Practice, coach: Coach, name: str, phone: str, status: str = "active", **fields
) -> Coachee:
    coachee = Coachee.objects.create(practice=practice, name=name, phone=phone, **fields)
    Engagement.objects.create(practice=practice, coach=coach, coachee=coachee, status=status)
    return coachee


@pytest.fixture
def receive(tasks):
    """An SMS typed on the coachee's phone, delivered by webhook and handled by the worker."""

    def receive(coachee: Coachee, body: str) -> Message:
        message = simulate_inbound(coachee.practice, coachee.phone, body)
        tasks()
        return message

    return receive


@pytest.fixture
def john(practice_a, alice) -> Coachee:
    """An English-speaking client of alice."""
    return new_coachee(practice_a, alice, "John Smith", "+447911123456", language="en")


def received(coachee: Coachee, body: str, hours_ago: float) -> Message:
    """An SMS the coachee sent some hours ago, stored and triaged as the worker would."""
    import datetime as dt

    from django.utils import timezone

    from ancrage.inbox.services import triage_message

    message = Message.objects.create(
        practice=coachee.practice, coachee=coachee, engagement=coachee.current_engagement(),
        direction=Message.Direction.INBOUND, body=body, provider="simulator",
        status=Message.Status.RECEIVED, provider_message_id=f"T-{coachee.pk}-{body[:20]}",
        created_at=timezone.now() - dt.timedelta(hours=hours_ago),
    )  # fmt: skip
    triage_message(message)
    return message
