"""The closing view's data: intentions beside the numbers then and now, the wins and thanks
journal, the client's own words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from ancrage.autonomy import loading, readings
from ancrage.autonomy.services import autonomy_of
from ancrage.checkins.models import Answer, Metric, MetricValue, Question
from ancrage.checkins.progress import weekly_series
from ancrage.coaching.models import Engagement
from ancrage.inbox.models import JournalEntry
from ancrage.messaging.models import Message


@dataclass(frozen=True)
class MetricRow:
    label: str
    unit: str
    then: float
    then_week: dt.date
    now: float
    now_week: dt.date

    @property
    def suffix(self) -> str:
        """ "4/10" but "1 800 €": a unit that starts with a slash sticks to the number."""
        if not self.unit:
            return ""
        return self.unit if self.unit.startswith("/") else f"\u00a0{self.unit}"


def closing_of(engagement: Engagement, lang: str, now: dt.datetime | None = None) -> dict[str, Any]:
    """What the closing view shows: intentions beside the numbers then and now, the journal,
    the client's own words."""
    autonomy = autonomy_of(engagement, now)
    span = loading.span_of(engagement, now)
    entries = journal(engagement, span)
    # Confidence is already a check-in metric of the table, first week against latest.
    changes = {k: v for k, v in autonomy.changes.items() if k != "confidence"}
    return {
        "engagement": engagement,
        "coachee": engagement.coachee,
        "change_rows": readings.change_rows(changes),
        "readings": [text for key, text in autonomy.readings.items() if key != "confidence"],
        "metric_rows": metric_rows(engagement, span, lang),
        "journal": entries,
        "quotes": own_words(engagement, span, {e.message_id for e in entries if e.message_id}),
    }


def metric_rows(engagement: Engagement, span: loading.Span, lang: str) -> list[MetricRow]:
    """Each check-in metric's first week and latest week within the engagement."""
    metrics = list(Metric.objects.filter(practice_id=engagement.practice_id))
    values = list(
        MetricValue.objects.filter(
            coachee_id=engagement.coachee_id, measured_on__range=(span.first, span.last)
        )
    )
    return [
        MetricRow(s.label, s.unit, s.points[0][1], s.points[0][0], s.points[-1][1], s.points[-1][0])
        for s in weekly_series(metrics, values, lang)
        if s.points
    ]


def journal(engagement: Engagement, span: loading.Span) -> list[JournalEntry]:
    """Wins and thanks of this engagement, and those that came after it ended (a former
    client's thanks belong to the engagement they are about)."""
    return list(
        JournalEntry.objects.filter(coachee_id=engagement.coachee_id)
        .filter(
            Q(engagement=engagement) | Q(engagement__isnull=True, occurred_at__gte=span.starts_at)
        )
        .order_by("occurred_at", "id")
    )


QUOTE_WORDS = 6  # shorter SMS ("ok", "3 devis") say little in the client's own words
QUOTES = 8


def own_words(engagement: Engagement, span: loading.Span, shown: set[int]) -> list[Message]:
    """The client's own words: free-text check-in answers (what they expect, what they will
    keep doing alone) and their longer SMS, latest first; those in the journal (`shown`) are
    already on the page."""
    free_text = Answer.objects.filter(
        checkin__coachee_id=engagement.coachee_id, question__kind=Question.Kind.TEXT
    ).values("message_id")
    inbound = (
        Message.objects.filter(
            coachee_id=engagement.coachee_id,
            direction=Message.Direction.INBOUND,
            created_at__gte=span.starts_at,
            created_at__lt=span.ends_at,
        )
        .filter(Q(pk__in=free_text) | Q(checkin_answer__isnull=True))
        .order_by("-created_at", "-id")
    )
    found = []
    for message in inbound.iterator(chunk_size=200):
        if message.pk not in shown and len(message.body.split()) >= QUOTE_WORDS:
            found.append(message)
            if len(found) == QUOTES:
                break
    return found
