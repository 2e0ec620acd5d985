"""Quiet hours in the coachee's own time zone, with concrete dates."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ancrage.messaging.quiet_hours import QuietHours

PARIS, NEW_YORK = "Europe/Paris", "America/New_York"
DEFAULT = QuietHours()


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_a_tuesday_afternoon_in_paris_is_allowed():
    assert not DEFAULT.is_quiet(utc(2026, 3, 10, 13, 30), PARIS)  # 14:30 CET


def test_21h_in_paris_is_quiet_while_it_is_16h_in_new_york():
    at = utc(2026, 3, 10, 20, 0)  # Paris 21:00 CET; New York 16:00 EDT (US DST began 8 March)

    assert DEFAULT.is_quiet(at, PARIS)
    assert not DEFAULT.is_quiet(at, NEW_YORK)


def test_21h_in_new_york_waits_until_8h_new_york_time():
    at = utc(2026, 3, 11, 1, 0)  # Tuesday 21:00 EDT

    assert DEFAULT.is_quiet(at, NEW_YORK)
    assert DEFAULT.next_allowed(at, NEW_YORK) == utc(2026, 3, 11, 12, 0)  # Wednesday 08:00 EDT


def test_the_window_starts_at_20h30_sharp():
    assert not DEFAULT.is_quiet(utc(2026, 3, 10, 19, 29), PARIS)  # 20:29
    assert DEFAULT.is_quiet(utc(2026, 3, 10, 19, 30), PARIS)  # 20:30


def test_just_after_midnight_is_still_quiet_and_opens_at_8h():
    at = utc(2026, 3, 10, 23, 30)  # Wednesday 00:30 CET

    assert DEFAULT.is_quiet(at, PARIS)
    assert DEFAULT.next_allowed(at, PARIS) == utc(2026, 3, 11, 7, 0)


def test_an_allowed_moment_is_its_own_next_allowed_moment():
    at = utc(2026, 3, 10, 13, 30)

    assert DEFAULT.next_allowed(at, PARIS) == at


def test_bastille_day_is_quiet_all_day_in_france():
    assert DEFAULT.is_quiet(utc(2026, 7, 14, 10, 0), PARIS)  # a Tuesday, 12:00 CEST
    assert DEFAULT.next_allowed(utc(2026, 7, 14, 10, 0), PARIS) == utc(2026, 7, 15, 6, 0)


def test_christmas_is_quiet_and_so_is_the_sunday_after():
    assert DEFAULT.is_quiet(utc(2027, 12, 24, 23, 30), PARIS)  # already Christmas in Paris
    # Sat 25 Dec 2027 (holiday), Sun 26 (Sunday) -> Monday 27 at 08:00 CET
    assert DEFAULT.next_allowed(utc(2027, 12, 25, 12, 0), PARIS) == utc(2027, 12, 27, 7, 0)


def test_a_sunday_is_quiet_until_monday_morning():
    sunday_noon = utc(2026, 3, 15, 11, 0)

    assert DEFAULT.is_quiet(sunday_noon, PARIS)
    assert DEFAULT.next_allowed(sunday_noon, PARIS) == utc(2026, 3, 16, 7, 0)


def test_sundays_can_be_allowed():
    rules = QuietHours(sundays=False)

    assert not rules.is_quiet(utc(2026, 3, 15, 11, 0), PARIS)


def test_holidays_follow_the_configured_country():
    fourth_of_july = utc(2025, 7, 4, 15, 0)  # a Friday, 11:00 in New York

    assert not DEFAULT.is_quiet(fourth_of_july, NEW_YORK)
    assert QuietHours(public_holidays="US").is_quiet(fourth_of_july, NEW_YORK)
    assert not QuietHours(public_holidays=None).is_quiet(utc(2026, 7, 14, 10, 0), PARIS)


def test_the_dst_night_in_march_opens_at_8h_summer_time():
    rules = QuietHours(sundays=False)
    saturday_night = utc(2026, 3, 28, 21, 0)  # 22:00 CET; clocks go 02:00 -> 03:00

    assert rules.next_allowed(saturday_night, PARIS) == utc(2026, 3, 29, 6, 0)  # 08:00 CEST


def test_a_window_ending_inside_the_skipped_hour_opens_when_the_clock_jumps():
    rules = QuietHours(start=dt.time(1, 0), end=dt.time(2, 30), sundays=False, public_holidays=None)

    assert rules.next_allowed(utc(2026, 3, 29, 0, 30), PARIS) == utc(
        2026, 3, 29, 1, 0
    )  # 03:00 CEST


def test_the_dst_night_in_october_opens_at_8h_winter_time():
    rules = QuietHours(sundays=False)

    assert rules.next_allowed(utc(2026, 10, 24, 20, 0), PARIS) == utc(2026, 10, 25, 7, 0)


def test_a_daytime_window_is_supported():
    lunch = QuietHours(
        start=dt.time(12, 0), end=dt.time(14, 0), sundays=False, public_holidays=None
    )

    assert lunch.is_quiet(utc(2026, 3, 10, 11, 30), PARIS)  # 12:30
    assert not lunch.is_quiet(utc(2026, 3, 10, 21, 0), PARIS)
    assert lunch.next_allowed(utc(2026, 3, 10, 11, 30), PARIS) == utc(2026, 3, 10, 13, 0)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        DEFAULT.is_quiet(dt.datetime(2026, 3, 10, 12, 0), PARIS)


@given(
    at=st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2030, 12, 31)),
    tz_name=st.sampled_from([PARIS, NEW_YORK, "Pacific/Noumea", "America/Montreal", "UTC"]),
)
def test_next_allowed_is_never_earlier_never_quiet_and_the_first_such_minute(at, tz_name):
    at_utc = at.replace(tzinfo=dt.UTC)

    allowed = DEFAULT.next_allowed(at_utc, tz_name)

    assert allowed >= at_utc
    assert not DEFAULT.is_quiet(allowed, tz_name)
    if allowed > at_utc:
        assert DEFAULT.is_quiet(allowed - dt.timedelta(seconds=1), tz_name)
