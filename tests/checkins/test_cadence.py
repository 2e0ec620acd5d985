"""Which local dates a rule falls on and their UTC instants, across DST changes (no database)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from ancrage.checkins.cadence import EVERY_N_DAYS, ONCE, WEEKLY, Rule, instant

UTC = dt.UTC
NINE, HALF_PAST_TWO = dt.time(9, 0), dt.time(2, 30)


def local(moment: dt.datetime, tz: str) -> dt.datetime:
    return moment.astimezone(ZoneInfo(tz))


def daily(start: dt.date, at: dt.time) -> Rule:
    return Rule(EVERY_N_DAYS, at, start, every_days=1)


@pytest.mark.parametrize(
    ("first", "last", "utc_hours"),
    [
        # The March change (2027-03-28): 09:00 was 08:00 UTC, becomes 07:00 UTC.
        (dt.date(2027, 3, 15), dt.date(2027, 4, 5), [8, 8, 7, 7]),
        # The October change (2026-10-25): back from 07:00 to 08:00 UTC.
        (dt.date(2026, 10, 12), dt.date(2026, 11, 2), [7, 7, 8, 8]),
    ],
)
def test_weekly_mondays_at_nine_stay_at_nine_in_paris_across_dst(first, last, utc_hours):
    rule = Rule(WEEKLY, NINE, dt.date(2026, 1, 1), weekdays=(0,))
    days = rule.dates_between(first, last)
    assert [day.weekday() for day in days] == [0, 0, 0, 0]
    instants = [instant(day, NINE, "Europe/Paris") for day in days]
    assert [local(i, "Europe/Paris").time() for i in instants] == [NINE] * 4
    assert [i.astimezone(UTC).hour for i in instants] == utc_hours


@pytest.mark.parametrize(
    ("tz", "day", "jump_utc"),
    [
        ("Europe/Paris", dt.date(2027, 3, 28), dt.datetime(2027, 3, 28, 1, 0, tzinfo=UTC)),
        ("America/Montreal", dt.date(2027, 3, 14), dt.datetime(2027, 3, 14, 7, 0, tzinfo=UTC)),
        ("Pacific/Auckland", dt.date(2026, 9, 27), dt.datetime(2026, 9, 26, 14, 0, tzinfo=UTC)),
    ],
)
def test_half_past_two_on_the_spring_forward_night_goes_out_when_the_clock_jumps(tz, day, jump_utc):
    moment = instant(day, HALF_PAST_TWO, tz)
    assert moment == jump_utc
    assert local(moment, tz).replace(tzinfo=None) == dt.datetime.combine(day, dt.time(3, 0))


@pytest.mark.parametrize(
    ("tz", "day"),
    [
        ("Europe/Paris", dt.date(2027, 3, 28)),
        ("America/Montreal", dt.date(2027, 3, 14)),
        ("Pacific/Auckland", dt.date(2026, 9, 27)),
        ("Europe/Paris", dt.date(2026, 10, 25)),
        ("Pacific/Auckland", dt.date(2027, 4, 4)),
    ],
)
def test_a_daily_half_past_two_appears_once_on_the_night_the_clock_changes(tz, day):
    rule = daily(day - dt.timedelta(days=3), HALF_PAST_TWO)
    days = rule.dates_between(day - dt.timedelta(days=1), day + dt.timedelta(days=1))
    assert days == [day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)]
    instants = [instant(d, HALF_PAST_TWO, tz) for d in days]
    assert instants == sorted(set(instants))  # one each, in order
    gaps = [later - earlier for earlier, later in zip(instants, instants[1:], strict=False)]
    assert all(dt.timedelta(hours=22) <= gap <= dt.timedelta(hours=26) for gap in gaps)
    assert [local(i, tz).date() for i in instants] == days


@pytest.mark.parametrize(
    ("tz", "day", "first_reading_utc"),
    [
        # Paris, 2026-10-25: 02:30 happens at 00:30 UTC (summer time) and again at 01:30 UTC.
        ("Europe/Paris", dt.date(2026, 10, 25), dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        # Auckland, 2027-04-04: 02:30 at 13:30 UTC the day before (NZDT), then 14:30 UTC.
        ("Pacific/Auckland", dt.date(2027, 4, 4), dt.datetime(2027, 4, 3, 13, 30, tzinfo=UTC)),
    ],
)
def test_the_autumn_repeated_half_past_two_is_its_first_reading(tz, day, first_reading_utc):
    moment = instant(day, HALF_PAST_TWO, tz)
    assert moment == first_reading_utc
    assert local(moment, tz).time() == HALF_PAST_TWO
    assert local(moment + dt.timedelta(hours=1), tz).time() == HALF_PAST_TWO  # the repeat


def test_every_three_days_keeps_its_rhythm_from_the_start_date_whatever_the_window():
    rule = Rule(EVERY_N_DAYS, NINE, dt.date(2026, 1, 1), every_days=3)
    assert rule.dates_between(dt.date(2026, 1, 5), dt.date(2026, 1, 15)) == [
        dt.date(2026, 1, 7),
        dt.date(2026, 1, 10),
        dt.date(2026, 1, 13),
    ]
    assert rule.dates_between(dt.date(2026, 1, 7), dt.date(2026, 1, 7)) == [dt.date(2026, 1, 7)]
    assert rule.dates_between(dt.date(2026, 1, 8), dt.date(2026, 1, 9)) == []


def test_every_n_days_never_asks_before_its_start_date():
    rule = Rule(EVERY_N_DAYS, NINE, dt.date(2026, 3, 10), every_days=2)
    assert rule.dates_between(dt.date(2026, 3, 1), dt.date(2026, 3, 14)) == [
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 12),
        dt.date(2026, 3, 14),
    ]


def test_every_zero_days_is_read_as_every_day_rather_than_looping_forever():
    rule = Rule(EVERY_N_DAYS, NINE, dt.date(2026, 3, 1), every_days=0)
    assert len(rule.dates_between(dt.date(2026, 3, 1), dt.date(2026, 3, 7))) == 7


def test_once_n_days_after_a_date_asks_that_one_day_only():
    rule = Rule(ONCE, NINE, dt.date(2026, 5, 4), delay_days=10)
    assert rule.dates_between(dt.date(2026, 5, 1), dt.date(2026, 5, 31)) == [dt.date(2026, 5, 14)]
    assert rule.dates_between(dt.date(2026, 5, 1), dt.date(2026, 5, 13)) == []
    assert rule.dates_between(dt.date(2026, 5, 15), dt.date(2026, 5, 31)) == []


def test_once_with_no_delay_asks_on_the_start_date():
    rule = Rule(ONCE, NINE, dt.date(2026, 5, 4))
    assert rule.dates_between(dt.date(2026, 5, 4), dt.date(2026, 5, 4)) == [dt.date(2026, 5, 4)]


def test_weekly_on_several_days_asks_on_each_of_them():
    rule = Rule(WEEKLY, NINE, dt.date(2026, 6, 1), weekdays=(0, 3))  # Mondays and Thursdays
    days = rule.dates_between(dt.date(2026, 6, 1), dt.date(2026, 6, 14))
    assert [(d.day, d.weekday()) for d in days] == [(1, 0), (4, 3), (8, 0), (11, 3)]


def test_an_unknown_cadence_is_an_error_not_silence():
    with pytest.raises(ValueError, match="fortnightly"):
        Rule("fortnightly", NINE, dt.date(2026, 1, 1)).dates_between(
            dt.date(2026, 1, 1), dt.date(2026, 2, 1)
        )
