"""Autonomy of one engagement, the taper suggestion and its action (closing.py builds on it).

Layers: figures.py, taper.py and acts.py are pure; loading.py reads the database; this
module puts them together and calls ancrage.checkins.services to change a cadence;
closing.py, the views and the template tag call it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.autonomy import figures, loading, readings
from ancrage.autonomy.acts import with_acts
from ancrage.autonomy.taper import Cadence, tapered
from ancrage.checkins import services as checkins
from ancrage.checkins.cadence import Rule, local_today
from ancrage.checkins.models import Enrolment, Program
from ancrage.coaching.models import Coach, Engagement


@dataclass
class Suggestion:
    enrolment: Enrolment
    proposal: Cadence
    text: str


@dataclass
class Autonomy:
    engagement: Engagement
    weeks: list[figures.Week]
    changes: dict[str, figures.Change]
    acts_read: bool  # False: the analyzer could not read the thread
    readings: dict[str, str] = field(default_factory=dict)
    suggestion: Suggestion | None = None

    @property
    def falls(self) -> bool:
        return figures.reliance_falls(self.changes)

    @property
    def headline(self) -> str:
        return next(iter(self.readings.values()), "")

    @property
    def charts(self) -> list[dict[str, Any]]:
        return readings.charts(self.weeks)

    @property
    def panels(self) -> list[dict[str, Any]]:
        return readings.panels(self.weeks, self.readings)


def autonomy_of(engagement: Engagement, now: dt.datetime | None = None) -> Autonomy:
    """Week-by-week figures, their reading in the active language, and a taper suggestion
    when reliance falls (four queries)."""
    data = loading.load(engagement, now)
    thread, acts_read = with_acts(data.thread, engagement.coachee.language)
    weeks = figures.weekly(
        thread, data.checkins, data.confidence, data.span.first, data.span.last, data.span.zone
    )
    found = figures.changes(weeks)
    autonomy = Autonomy(engagement, weeks, found, acts_read)
    autonomy.readings = readings.sentences(found, first_name(engagement.coachee.name))
    if autonomy.falls:
        autonomy.suggestion = suggestion_for(engagement, now or timezone.now())
    return autonomy


def first_name(name: str) -> str:
    return (name.split() or [name])[0]


def suggestion_for(engagement: Engagement, now: dt.datetime) -> Suggestion | None:
    """The first recurring enrolment that can be spaced out, unless it changed lately (the
    figures need a few weeks to show the effect of the last taper)."""
    recent = now - dt.timedelta(weeks=figures.WINDOW_WEEKS)
    enrolments = (
        Enrolment.objects.filter(
            engagement=engagement, is_active=True, program__purpose=Program.Purpose.RECURRING
        )
        .select_related("program")
        .order_by("pk")
    )
    for enrolment in enrolments:
        proposal = tapered(cadence_of(enrolment))
        if proposal is not None and enrolment.created_at <= recent:
            return Suggestion(enrolment, proposal, readings.suggestion(enrolment, proposal))
    return None


def cadence_of(enrolment: Enrolment) -> Cadence:
    return Cadence(enrolment.cadence, enrolment.weekday_numbers(), enrolment.every_days)


class CannotTaper(ValueError):
    """The cadence cannot be spaced out: the text says why, in the coach's language."""


def taper_enrolment(enrolment_id: int, coach: Coach, now: dt.datetime | None = None) -> Enrolment:
    """Replace an enrolment by the same program one step sparser: the old one stops (its
    planned check-ins are skipped, its answers kept) and the new one starts on the day the
    next check-in was due, at the same time. Twice the same click changes it once."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update()
            .select_related("engagement__coachee", "program")
            .filter(pk=enrolment_id, practice_id=coach.practice_id)
            .first()
        )
        if enrolment is None or not enrolment.is_active:
            raise CannotTaper(_("These check-ins were already changed or stopped."))
        proposal = tapered(cadence_of(enrolment))
        if proposal is None:
            raise CannotTaper(_("These check-ins cannot be spaced out further."))
        start = next_date(enrolment, now)
        checkins.stop_enrolment(enrolment)
        try:
            return checkins.enrol(
                enrolment.engagement, enrolment.program, cadence=proposal.cadence,
                weekdays=",".join(map(str, proposal.weekdays)), every_days=proposal.every_days,
                at_time=enrolment.at_time, start_on=start,
                skip_if_wrote_hours=enrolment.skip_if_wrote_hours, created_by=coach,
            )  # fmt: skip
        except checkins.CannotEnrol as error:
            transaction.set_rollback(True)  # the old enrolment keeps going
            raise CannotTaper(str(error)) from error


def next_date(enrolment: Enrolment, now: dt.datetime) -> dt.date:
    """The client's local date of the enrolment's next occurrence from today on."""
    today = local_today(now, enrolment.engagement.coachee.timezone)
    rule = Rule(
        enrolment.cadence, enrolment.at_time, enrolment.start_on, enrolment.weekday_numbers(),
        enrolment.every_days, enrolment.delay_days,
    )  # fmt: skip
    upcoming = rule.dates_between(today, today + dt.timedelta(days=60))
    return upcoming[0] if upcoming else today
