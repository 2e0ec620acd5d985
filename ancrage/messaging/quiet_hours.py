"""Quiet hours: when a coachee must not receive an automatic SMS, in THEIR local time.

    rules = QuietHours()  # 20:30-08:00, Sundays and French public holidays
    rules.is_quiet(now_utc, "Europe/Paris")
    rules.next_allowed(now_utc, "America/New_York")  # a UTC datetime

Everything is computed in the coachee's IANA time zone with zoneinfo, so DST
changes and midnight are handled by the calendar, not by hour arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from ancrage.lib.localtime import first_instant_at, zone

# Enough to jump over any run of Sundays and holidays (and a misconfiguration that
# makes every moment quiet, which then raises instead of looping forever).
MAX_DAYS_AHEAD = 14


@dataclass(frozen=True)
class QuietHours:
    start: dt.time = dt.time(20, 30)  # quiet from this local time...
    end: dt.time = dt.time(8, 0)  # ...until this one (the next morning when start > end)
    sundays: bool = True  # Sundays are quiet all day
    public_holidays: str | None = "FR"  # ISO country code for `holidays`, None for none

    def is_quiet(self, at_utc: dt.datetime, tz_name: str) -> bool:
        """Whether `at_utc` (timezone-aware) falls in quiet hours where the coachee lives."""
        return self._is_quiet_local(_to_zone(at_utc, tz_name))

    def next_allowed(self, at_utc: dt.datetime, tz_name: str) -> dt.datetime:
        """The first moment at or after `at_utc` outside quiet hours, in UTC."""
        at_utc = _require_aware(at_utc).astimezone(dt.UTC)
        if not self.is_quiet(at_utc, tz_name):
            return at_utc
        local_zone = zone(tz_name)
        first_day = at_utc.astimezone(local_zone).date()
        for offset in range(MAX_DAYS_AHEAD + 1):
            for candidate in self._openings(first_day + dt.timedelta(days=offset), local_zone):
                if candidate > at_utc and not self.is_quiet(candidate, tz_name):
                    return candidate
        raise ValueError(f"no allowed time within {MAX_DAYS_AHEAD} days: check the quiet hours")

    def _openings(self, day: dt.date, zone: ZoneInfo) -> list[dt.datetime]:
        """The moments of `day` when sending may become allowed again, in UTC."""
        return [first_instant_at(day, t, zone) for t in sorted({dt.time(0, 0), self.end})]

    def _is_quiet_local(self, local: dt.datetime) -> bool:
        if self.sundays and local.weekday() == 6:
            return True
        if self.public_holidays and local.date() in _holiday_calendar(self.public_holidays):
            return True
        return self._in_night(local.time())

    def _in_night(self, moment: dt.time) -> bool:
        if self.start == self.end:
            return False  # no nightly window
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end  # spans midnight


@lru_cache(maxsize=32)
def _holiday_calendar(country: str) -> holidays.HolidayBase:
    # Years are filled in lazily by `holidays` as dates are looked up.
    return holidays.country_holidays(country)


def _require_aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("quiet hours need a timezone-aware datetime (UTC)")
    return moment


def _to_zone(at_utc: dt.datetime, tz_name: str) -> dt.datetime:
    return _require_aware(at_utc).astimezone(zone(tz_name))
