"""What the figures are computed from, read for one engagement in three queries.

The engagement's span is its local dates, from `started_on` to `ended_on` (or today), in
the client's time zone: a client followed twice has two engagements that never mix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone

from ancrage.autonomy.figures import CLIENT, COACH, CheckinRun, Sms
from ancrage.checkins.models import Answer, Checkin, MetricValue
from ancrage.coaching.models import Engagement
from ancrage.lib.localtime import first_instant_at
from ancrage.messaging.keywords import classify_keyword
from ancrage.messaging.models import Message

CONFIDENCE = "confidence"  # the starter kit's metric (checkins/starter.py)
NOT_OUT = [Message.Status.QUEUED, Message.Status.FAILED, Message.Status.UNDELIVERED]
# Not sent, or still open (its answer may yet come unprompted): not counted either way.
NOT_SENT = [
    Checkin.Status.SCHEDULED, Checkin.Status.SKIPPED, Checkin.Status.EXPIRED, Checkin.Status.OPEN,
]  # fmt: skip


@dataclass(frozen=True)
class Span:
    first: dt.date
    last: dt.date
    zone: ZoneInfo

    @property
    def starts_at(self) -> dt.datetime:
        return first_instant_at(self.first, dt.time(0), self.zone)

    @property
    def ends_at(self) -> dt.datetime:
        day_after = self.last + dt.timedelta(days=1)
        return first_instant_at(day_after, dt.time(0), self.zone)


@dataclass(frozen=True)
class EngagementData:
    span: Span
    thread: list[Sms]
    checkins: list[CheckinRun]
    confidence: list[tuple[dt.date, float]]


def span_of(engagement: Engagement, now: dt.datetime | None = None) -> Span:
    try:
        zone = ZoneInfo(engagement.coachee.timezone)
    except (ZoneInfoNotFoundError, ValueError):  # shown in the server's zone, not an error
        zone = ZoneInfo(timezone.get_default_timezone_name())
    today = (now or timezone.now()).astimezone(zone).date()
    last = min(engagement.ended_on or today, today)
    return Span(engagement.started_on, max(last, engagement.started_on), zone)


def load(engagement: Engagement, now: dt.datetime | None = None) -> EngagementData:
    span = span_of(engagement, now)
    return EngagementData(
        span, _thread(engagement, span), _checkins(engagement, span), _confidence(engagement, span)
    )


def _thread(engagement: Engagement, span: Span) -> list[Sms]:
    """What the coach and the client wrote to each other: the coach's own SMS that went out,
    the client's SMS except answers read by a check-in and STOP/START/HELP."""
    answer = Answer.objects.filter(message=OuterRef("pk"))
    rows = (
        Message.objects.filter(
            coachee_id=engagement.coachee_id,
            created_at__gte=span.starts_at,
            created_at__lt=span.ends_at,
        )
        .filter(
            Q(direction=Message.Direction.INBOUND)
            | Q(direction=Message.Direction.OUTBOUND, kind=Message.Kind.MANUAL)
        )
        .exclude(status__in=NOT_OUT)
        .annotate(is_answer=Exists(answer))
        .order_by("created_at", "id")
        .values_list("created_at", "direction", "body", "is_answer")
    )
    return [
        Sms(at, COACH if direction == Message.Direction.OUTBOUND else CLIENT, body)
        for at, direction, body, is_answer in rows
        if not is_answer
        and (direction == Message.Direction.OUTBOUND or classify_keyword(body) is None)
    ]


def _checkins(engagement: Engagement, span: Span) -> list[CheckinRun]:
    rows = (
        Checkin.objects.filter(
            coachee_id=engagement.coachee_id,
            opened_at__gte=span.starts_at,
            opened_at__lt=span.ends_at,
        )
        .exclude(status__in=NOT_SENT)
        .annotate(answered_at=Min("answers__created_at"))
        .order_by("opened_at")
        .values_list("opened_at", "answered_at")
    )
    return [CheckinRun(opened, answered) for opened, answered in rows if opened is not None]


def _confidence(engagement: Engagement, span: Span) -> list[tuple[dt.date, float]]:
    rows = (
        MetricValue.objects.filter(
            coachee_id=engagement.coachee_id,
            metric__practice_id=engagement.practice_id,
            metric__key=CONFIDENCE,
            measured_on__gte=span.first,
            measured_on__lte=span.last,
        )
        .order_by("measured_on", "id")
        .values_list("measured_on", "value")
    )
    return [(day, float(value)) for day, value in rows]
