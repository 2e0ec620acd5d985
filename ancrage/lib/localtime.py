"""Wall-clock times in a given IANA zone turned into UTC instants, DST gaps included."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo


def first_instant_at(day: dt.date, wall_time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The first UTC instant when the local clock shows `wall_time` or later on `day`.

    Usually that wall time itself (its first reading when autumn repeats it); when DST
    skips it (spring-forward gap), the moment the clock jumps, found by bisection
    between the two readings of the gap.
    """
    naive = dt.datetime.combine(day, wall_time)
    after_gap = naive.replace(tzinfo=zone, fold=0).astimezone(dt.UTC)
    before_gap = naive.replace(tzinfo=zone, fold=1).astimezone(dt.UTC)
    if before_gap >= after_gap:
        return min(before_gap, after_gap)  # the time exists (once, or twice in autumn)
    while after_gap - before_gap > dt.timedelta(seconds=1):
        middle = before_gap + (after_gap - before_gap) / 2
        if middle.astimezone(zone).replace(tzinfo=None) >= naive:
            after_gap = middle
        else:
            before_gap = middle
    return after_gap.replace(microsecond=0)  # DST changes happen on whole seconds


@cache
def zone(name: str) -> ZoneInfo:
    """ZoneInfo keeps only a few zones in its own cache; planning a week for 100,000 clients
    in 20 zones would read zone files from disk for almost every row. Unknown names raise
    ZoneInfoNotFoundError every time (errors are not cached)."""
    return ZoneInfo(name)
