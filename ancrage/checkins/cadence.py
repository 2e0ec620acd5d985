"""Which local dates a check-in rule falls on, and when each one is in UTC.

Pure date arithmetic (no database): the rule is read in the coachee's own IANA time
zone, so "Mondays at 09:00" stays 09:00 for them across DST changes. A wall time that
DST skips (02:30 on the spring-forward night) is sent when the clock jumps (03:00);
one that autumn repeats is sent at its first reading, once: a check-in is one per
local date, whatever the clock does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ancrage.lib.localtime import first_instant_at, zone

WEEKLY, EVERY_N_DAYS, ONCE = "weekly", "every_n_days", "once"


@dataclass(frozen=True)
class Rule:
    cadence: str
    at: dt.time
    start_on: dt.date
    weekdays: tuple[int, ...] = ()  # 0 = Monday, as date.weekday()
    every_days: int = 7
    delay_days: int = 0

    def dates_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The local dates in [first, last] on which this rule asks, oldest first."""
        first = max(first, self.start_on)
        if first > last:
            return []
        if self.cadence == ONCE:
            day = self.start_on + dt.timedelta(days=self.delay_days)
            return [day] if first <= day <= last else []
        if self.cadence == EVERY_N_DAYS:
            step = max(1, self.every_days)
            skip = -(-(first - self.start_on).days // step)  # ceil: the first step >= first
            day = self.start_on + dt.timedelta(days=skip * step)
            return _stepping(day, last, step)
        if self.cadence == WEEKLY:
            days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
            return [day for day in days if day.weekday() in self.weekdays]
        raise ValueError(f"unknown cadence {self.cadence!r}")


def _stepping(day: dt.date, last: dt.date, step: int) -> list[dt.date]:
    found = []
    while day <= last:
        found.append(day)
        day += dt.timedelta(days=step)
    return found


def instant(day: dt.date, at: dt.time, tz_name: str) -> dt.datetime:
    """The UTC instant of `at` on the local date `day` in `tz_name` (DST-safe)."""
    return first_instant_at(day, at, zone(tz_name))


def local_today(now: dt.datetime, tz_name: str) -> dt.date:
    return now.astimezone(zone(tz_name)).date()
