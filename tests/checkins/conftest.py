"""Check-in helpers: the starter kit's programs, enrolments due in a minute, replies by SMS."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from ancrage.checkins import services
from ancrage.checkins.models import Checkin, Enrolment, Program
from ancrage.coaching.models import Coachee, Engagement
from ancrage.messaging.models import Message


def program(practice, name_fr: str) -> Program:
    """One of the starter kit's programs (every practice gets them)."""
    return Program.objects.get(practice=practice, name_fr=name_fr)


def monday_checkin(practice) -> Program:
    """Two questions: quotes sent / accepted / price in one reply, then confidence out of 10."""
    return program(practice, "Point du lundi")


def enrol_soon(coachee: Coachee, prog: Program, **rule) -> Enrolment:
    """Enrol the coachee's engagement in `prog`, once, two minutes from now (their time)."""
    soon = (timezone.now() + dt.timedelta(minutes=2)).astimezone(ZoneInfo(coachee.timezone))
    rule = {
        "cadence": Enrolment.Cadence.ONCE,
        "start_on": soon.date(),
        "at_time": soon.time().replace(second=0, microsecond=0),
        "skip_if_wrote_hours": 0,
        **rule,
    }
    return services.enrol(coachee.current_engagement(), prog, **rule)


def send_due() -> dict[str, int]:
    """One sending pass a few minutes from now, when the check-ins planned by enrol_soon are due."""
    return services.send_due_checkins(timezone.now() + dt.timedelta(minutes=5))


def questions_to(coachee: Coachee) -> list[str]:
    """The automated SMS bodies queued for the coachee, oldest first."""
    return list(
        Message.objects.filter(coachee=coachee, kind=Message.Kind.AUTOMATED)
        .order_by("created_at", "id")
        .values_list("body", flat=True)
    )


def new_coachee(practice, coach, name: str, phone: str, **fields) -> Coachee:
    coachee = Coachee.objects.create(practice=practice, name=name, phone=phone, **fields)
    Engagement.objects.create(practice=practice, coach=coach, coachee=coachee, status="active")
    return coachee


def only_checkin(coachee: Coachee) -> Checkin:
    return Checkin.objects.get(coachee=coachee)


@pytest.fixture
def asked(camille, tasks) -> Checkin:
    """Camille's Monday check-in, its first question delivered to her phone."""
    enrol_soon(camille, monday_checkin(camille.practice))
    assert send_due() == {"sent": 1}
    tasks()
    return only_checkin(camille)
