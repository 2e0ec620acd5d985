"""The next, sparser check-in cadence once reliance falls: pure, no Django.

One step at a time, so that the coach can keep tapering as the client grows: several days a
week become the first of them, one day a week becomes every two weeks, every N days becomes
every 2N days, up to every four weeks. A one-off check-in has nothing to taper.
"""

from __future__ import annotations

from dataclasses import dataclass

WEEKLY, EVERY_N_DAYS = "weekly", "every_n_days"  # as ancrage.checkins.cadence
LONGEST = 28  # days: beyond a check-in every four weeks, the coach rather closes


@dataclass(frozen=True)
class Cadence:
    cadence: str
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    every_days: int = 7


def tapered(current: Cadence) -> Cadence | None:
    """The cadence one step sparser, or None when there is none to suggest."""
    if current.cadence == WEEKLY and len(current.weekdays) > 1:
        return Cadence(WEEKLY, current.weekdays[:1], current.every_days)
    if current.cadence == WEEKLY and len(current.weekdays) == 1:
        return Cadence(EVERY_N_DAYS, (), 14)
    if current.cadence == EVERY_N_DAYS and 0 < current.every_days < LONGEST:
        return Cadence(EVERY_N_DAYS, (), min(LONGEST, current.every_days * 2))
    return None
