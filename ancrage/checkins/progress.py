"""Numbers over time: a coachee's curves week by week, and the practice's overview."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, QuerySet

from ancrage.checkins.models import Checkin, Metric, MetricValue
from ancrage.coaching.models import Coachee, Engagement, Practice

SENT, ACCEPTED = "quotes_sent", "quotes_accepted"
RATE_KEY = "acceptance_rate"
LABELS_RATE = {"fr": "Taux d'acceptation", "en": "Acceptance rate"}


def week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())  # the Monday starting its week


@dataclass
class Series:
    key: str
    label: str
    unit: str
    kind: str
    points: list[tuple[dt.date, float]] = field(default_factory=list)  # (week's Monday, value)

    @property
    def latest(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def trend(self) -> int:
        """+1 up, -1 down, 0 flat or unknown: the last week against the one before."""
        if len(self.points) < 2:
            return 0
        last, before = self.points[-1][1], self.points[-2][1]
        return (last > before) - (last < before)

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key, "label": self.label, "unit": self.unit, "kind": self.kind,
            "weeks": [week.isoformat() for week, _ in self.points],
            "values": [value for _, value in self.points],
        }  # fmt: skip


def weekly_series(metrics: list[Metric], values: list[MetricValue], lang: str) -> list[Series]:
    """One series per metric (the week's last value: a correction wins), plus the
    acceptance rate derived from quotes sent and accepted in the same week."""
    by_metric: dict[int, dict[dt.date, float]] = defaultdict(dict)
    for value in sorted(values, key=lambda v: (v.measured_on, v.pk)):
        by_metric[value.metric_id][week_of(value.measured_on)] = value.number
    series = [
        Series(m.key, m.label(lang), m.unit, m.kind, sorted(by_metric[m.pk].items()))
        for m in metrics
    ]
    rate = acceptance_rate(series, lang)
    return series + ([rate] if rate else [])


def acceptance_rate(series: list[Series], lang: str) -> Series | None:
    found = {s.key: dict(s.points) for s in series}
    if SENT not in found or ACCEPTED not in found:
        return None
    sent, accepted = found[SENT], found[ACCEPTED]
    points = [
        (week, round(100 * min(accepted[week], sent[week]) / sent[week], 1))
        for week in sorted(sent.keys() & accepted.keys())
        if sent[week] > 0
    ]
    return Series(RATE_KEY, LABELS_RATE.get(lang, LABELS_RATE["fr"]), "%", "rate", points)


def coachee_series(coachee: Coachee, lang: str) -> list[Series]:
    metrics = list(Metric.objects.filter(practice_id=coachee.practice_id))
    values = list(MetricValue.objects.filter(coachee=coachee))
    return weekly_series(metrics, values, lang)


@dataclass
class OverviewRow:
    coachee: Coachee
    engagement: Engagement
    series: list[Series]
    last_checkin: Checkin | None
    last_answer_on: dt.date | None

    @property
    def waiting_for_answer(self) -> bool:
        return self.last_checkin is not None and self.last_checkin.status in {
            Checkin.Status.UNANSWERED, Checkin.Status.OPEN, Checkin.Status.NEEDS_COACH,
        }  # fmt: skip


def practice_overview(
    practice: Practice, lang: str, coachees: QuerySet[Coachee] | None = None
) -> tuple[list[Metric], list[OverviewRow]]:
    """Every coachee in an active engagement with their latest numbers, in four queries;
    only those of `coachees` when given (the ones the signed-in coach may see)."""
    metrics = list(Metric.objects.filter(practice=practice))
    among = {} if coachees is None else {"coachee__in": coachees.values("pk")}
    engagements = list(
        Engagement.objects.filter(
            practice=practice, **among, status__in=[Engagement.Status.INTAKE, Engagement.Status.ACTIVE,
                                           Engagement.Status.CLOSING]
        ).select_related("coachee").order_by("coachee__name")
    )  # fmt: skip
    coachee_ids = [e.coachee_id for e in engagements]
    since = dt.date.today() - dt.timedelta(weeks=26)
    values: dict[int, list[MetricValue]] = defaultdict(list)
    for value in MetricValue.objects.filter(coachee_id__in=coachee_ids, measured_on__gte=since):
        values[value.coachee_id].append(value)
    latest = _latest_checkins(coachee_ids)
    rows = [
        OverviewRow(
            e.coachee,
            e,
            weekly_series(metrics, values[e.coachee_id], lang),
            latest.get(e.coachee_id),
            max((v.measured_on for v in values[e.coachee_id]), default=None),
        )  # fmt: skip
        for e in engagements
    ]
    return metrics, rows


def _latest_checkins(coachee_ids: list[int]) -> dict[int, Checkin]:
    started = Checkin.objects.filter(coachee_id__in=coachee_ids).exclude(
        status=Checkin.Status.SCHEDULED
    )
    last_ids = started.values("coachee_id").annotate(last=Max("pk")).values_list("last", flat=True)
    return {c.coachee_id: c for c in Checkin.objects.filter(pk__in=list(last_ids))}


def coachee_panel(coachee: Coachee, lang: str) -> dict[str, Any]:
    """What the coachee page shows of check-ins: curves, enrolments, latest answers."""
    from ancrage.checkins.models import Answer, Enrolment

    series = coachee_series(coachee, lang)
    return {
        "series": [s for s in series if s.points],
        "series_json": [s.as_json() for s in series if s.points],
        "enrolments": Enrolment.objects.filter(engagement__coachee=coachee, is_active=True)
        .select_related("program")
        .order_by("pk"),
        "next_checkin": coachee.checkins.filter(status=Checkin.Status.SCHEDULED)
        .order_by("due_at")
        .first(),
        "answers": Answer.objects.filter(checkin__coachee=coachee)
        .select_related("question", "message")
        .prefetch_related("metricvalue_set__metric", "metricvalue_set__changed_by__user")
        .order_by("-created_at")[:12],
        "hand_values": MetricValue.objects.filter(coachee=coachee, answer__isnull=True)
        .select_related("metric")
        .order_by("-measured_on")[:12],
    }
