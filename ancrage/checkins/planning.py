"""Planning: one `Checkin` row per occurrence, a week ahead, exactly once.

Rows are inserted with ON CONFLICT DO NOTHING on the unique (enrolment, local date), so
any number of planners, re-runs and crashes end with one row per occurrence. Written for
100,000 enrolments (benchmarks/checkin_scheduling.py): the enrolments are read as plain
tuples, every value shared by many clients (a zone's today, a slot's instant, its move
out of quiet hours, a rule's dates) is computed once, enrolments already planned far
enough are skipped, and the rows go in with one SQL statement per chunk.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from ancrage.checkins.cadence import Rule, instant, local_today
from ancrage.checkins.models import Checkin, Enrolment
from ancrage.coaching.models import Engagement, Practice
from ancrage.messaging.quiet_hours import QuietHours

log = logging.getLogger("ancrage.checkins")

PLAN_DAYS = 7  # occurrences exist as rows this many local days ahead
CHUNK = 2000
ENDED = [Engagement.Status.ALUMNI]
_FIELDS = (
    "pk", "practice_id", "engagement__coachee_id", "engagement__coachee__timezone", "cadence",
    "weekdays", "at_time", "every_days", "start_on", "delay_days", "planned_until", "created_at",
)  # fmt: skip
Row = tuple[int, int, int, dt.date, dt.datetime]  # practice, enrolment, coachee, day, due_at


@dataclass
class _Planner:
    now: dt.datetime
    horizon: int
    quiet: dict[int, QuietHours]
    _today: dict[str, dt.date] = field(default_factory=dict)
    _instants: dict[tuple[dt.date, dt.time, str], dt.datetime] = field(default_factory=dict)
    _shifted: dict[tuple[int, str, dt.datetime], dt.datetime] = field(default_factory=dict)
    _dates: dict[tuple[Any, ...], list[dt.date]] = field(default_factory=dict)

    def today(self, tz_name: str) -> dt.date:
        if tz_name not in self._today:
            self._today[tz_name] = local_today(self.now, tz_name)
        return self._today[tz_name]

    def due_at(self, practice_id: int, tz_name: str, day: dt.date, at: dt.time) -> dt.datetime:
        """The slot's UTC instant moved out of quiet hours (postponed, never dropped)."""
        key = (day, at, tz_name)
        if key not in self._instants:
            self._instants[key] = instant(day, at, tz_name)
        nominal = self._instants[key]
        shift_key = (practice_id, tz_name, nominal)
        if shift_key not in self._shifted:
            self._shifted[shift_key] = self.quiet[practice_id].next_allowed(nominal, tz_name)
        return self._shifted[shift_key]

    def dates(self, rule: Rule, first: dt.date, last: dt.date) -> list[dt.date]:
        key = (rule, first, last)
        if key not in self._dates:
            self._dates[key] = rule.dates_between(first, last)
        return self._dates[key]

    def rows_for(self, row: tuple[Any, ...]) -> tuple[list[Row], dt.date | None]:
        """The rows still missing for one enrolment, and the date planned up to (None when
        nothing was missing)."""
        pk, practice_id, coachee_id, tz_name, cadence, weekdays, at, every, start, delay = row[:10]
        planned_until, created_at = row[10:]
        last = self.today(tz_name) + dt.timedelta(days=self.horizon)
        if planned_until is not None and planned_until >= last:
            return [], None
        first = self.today(tz_name)
        if planned_until is not None:
            first = max(first, planned_until + dt.timedelta(days=1))
        rule = Rule(cadence, at, start, _weekdays(weekdays), every, delay)
        rows = []
        for day in self.dates(rule, first, last):
            due = self.due_at(practice_id, tz_name, day, at)
            if self._instants[(day, at, tz_name)] >= created_at:  # not slots before enrolling
                rows.append((practice_id, pk, coachee_id, day, due))
        return rows, last


def plan_checkins(
    now: dt.datetime | None = None, horizon: int = PLAN_DAYS, only: list[int] | None = None
) -> int:
    """Create the check-in rows of the next `horizon` local days (for the enrolments `only`,
    or all); safe to run anywhere, any number of times at once. Returns how many rows were
    offered for insertion (duplicates are then dropped by the database)."""
    now = now or timezone.now()
    planner = _Planner(now, horizon, _quiet_hours_by_practice())
    offered = 0
    for chunk in _chunks(_enrolments_to_plan(now, horizon, only), CHUNK):
        rows: list[Row] = []
        planned: dict[dt.date, list[int]] = defaultdict(list)
        for enrolment in chunk:
            try:
                found, last = planner.rows_for(enrolment)
            except (ZoneInfoNotFoundError, ValueError) as error:
                flag_problem(enrolment[0], enrolment[3], error)
                continue
            rows += found
            if last is not None:
                planned[last].append(enrolment[0])
        with transaction.atomic():
            insert_checkins(rows)
            for last, ids in planned.items():
                Enrolment.objects.filter(pk__in=ids).update(planned_until=last)
        offered += len(rows)
    return offered


def _enrolments_to_plan(
    now: dt.datetime, horizon: int, only: list[int] | None
) -> Iterable[tuple[Any, ...]]:
    # Local dates run at most a day ahead of UTC: this keeps every enrolment that may
    # lack a day, and rows_for() plans only what is missing.
    horizon_end = now.date() + dt.timedelta(days=horizon + 1)
    enrolments = Enrolment.objects.filter(is_active=True, problem="")
    if only is not None:
        enrolments = enrolments.filter(pk__in=only)
    return (
        enrolments.exclude(engagement__status__in=ENDED)
        .filter(Q(planned_until__isnull=True) | Q(planned_until__lt=horizon_end))
        .order_by("pk")
        .values_list(*_FIELDS)
        .iterator(chunk_size=CHUNK)
    )


# Columns Django fills from the model's defaults: named here since the SQL bypasses it
# (a test compares a planned row with Checkin()'s defaults).
_DEFAULTS: tuple[str, str, int] = (
    Checkin.Status.SCHEDULED.value,
    "",
    0,
)  # status, reason, position
_COLUMNS = (
    "practice_id, enrolment_id, coachee_id, due_on, due_at, status, reason, position, reasked"
)
_CONFLICT = "ON CONFLICT (enrolment_id, due_on) DO NOTHING"


def insert_checkins(rows: list[Row]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING: the unique constraint keeps the first row."""
    if not rows:
        return
    table = Checkin._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # one statement for the whole chunk
            columns = [list(column) for column in zip(*rows, strict=True)]
            cursor.execute(
                f"INSERT INTO {table} ({_COLUMNS}) SELECT p, e, c, d, a, %s, %s, %s, false "
                "FROM unnest(%s::bigint[], %s::bigint[], %s::bigint[], %s::date[], "
                f"%s::timestamptz[]) AS t(p, e, c, d, a) {_CONFLICT}",
                [*_DEFAULTS, *columns],
            )
            return
        adapt = connection.ops.adapt_datetimefield_value
        cursor.executemany(
            f"INSERT INTO {table} ({_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
            + _CONFLICT,
            [(p, e, c, d.isoformat(), adapt(a), *_DEFAULTS, False) for p, e, c, d, a in rows],
        )


def _quiet_hours_by_practice() -> dict[int, QuietHours]:
    return {practice.pk: practice.quiet_hours() for practice in Practice.objects.all()}


def flag_problem(enrolment_id: int, tz_name: str, error: Exception) -> None:
    """Stop planning one enrolment and say why (shown to the coach)."""
    if isinstance(error, ZoneInfoNotFoundError):
        problem = f"timezone:{tz_name}"
    else:
        problem = "quiet_hours"
    log.warning("enrolment %s not planned: %s (%s)", enrolment_id, problem, error)
    Enrolment.objects.filter(pk=enrolment_id).update(problem=problem[:200])


def _weekdays(text: str) -> tuple[int, ...]:
    return tuple(int(d) for d in text.split(",") if d.strip().isdigit())


def _chunks(rows: Iterable[tuple[Any, ...]], size: int) -> Iterable[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
