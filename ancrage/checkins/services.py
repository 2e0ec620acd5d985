"""Sending check-ins, enrolling, the scheduler's pass: the work across enrolments,
coachees and messaging (planning the rows is in planning.py).

Sending opens a due row and queues its first question in the same transaction, with a
conditional UPDATE as the claim: a crash loses nothing and two schedulers never send the
same check-in twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from ancrage.checkins.models import Answer, Checkin, Enrolment, Program, Question
from ancrage.checkins.planning import ENDED, flag_problem, plan_checkins
from ancrage.coaching.models import Coach, Coachee, Engagement, Practice
from ancrage.messaging.models import Message
from ancrage.messaging.services import CannotSend, queue_automated

log = logging.getLogger("ancrage.checkins")

__all__ = ["plan_checkins"]  # re-exported: planning is part of what this module offers


# -- sending ----------------------------------------------------------------------------------
def due_checkins(now: dt.datetime, limit: int = 500) -> list[int]:
    """Scheduled check-ins whose time has come, for coachees with none open (one at a time,
    so that a reply is never read against the wrong question)."""
    open_one = Checkin.objects.filter(coachee=OuterRef("coachee"), status=Checkin.Status.OPEN)
    due = (
        Checkin.objects.filter(status=Checkin.Status.SCHEDULED, due_at__lte=now)
        .exclude(Exists(open_one))
        .order_by("due_at", "pk")
    )
    return list(due.values_list("pk", flat=True)[:limit])


def preview_due(now: dt.datetime, practice: Practice | None = None) -> list[str]:
    """One line per check-in the scheduler would send at `now` (planning included: run it in
    a transaction that is rolled back to change nothing)."""
    plan_checkins(now)
    due = Checkin.objects.filter(pk__in=due_checkins(now, limit=10_000)).select_related(
        "coachee", "enrolment__program"
    )
    if practice is not None:
        due = due.filter(practice=practice)
    lines = []
    for checkin in due.order_by("due_at", "pk"):
        coachee = checkin.coachee
        local = checkin.due_at.astimezone(ZoneInfo(coachee.timezone))
        program = checkin.enrolment.program
        late = now > checkin.due_at + dt.timedelta(hours=program.validity_hours)
        lines.append(
            f"{local:%Y-%m-%d %H:%M} {coachee.timezone}  {coachee.name} ({coachee.phone})  "
            f"{program.name(coachee.language)}"
            + ("  [too late: will expire unsent]" if late else "")
        )
    return lines


def send_due_checkins(now: dt.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    outcomes: dict[str, int] = defaultdict(int)
    for checkin_id in due_checkins(now):
        try:
            outcome = open_checkin(checkin_id, now)
        except (ZoneInfoNotFoundError, ValueError) as error:
            # The coachee's zone broke after planning: this client waits, the others do not.
            outcome = _unusable_zone(checkin_id, error, now)
        outcomes[outcome] += 1
    return dict(outcomes)


def _unusable_zone(checkin_id: int, error: Exception, now: dt.datetime) -> str:
    checkin = Checkin.objects.select_related("coachee").get(pk=checkin_id)
    flag_problem(checkin.enrolment_id, checkin.coachee.timezone, error)
    return _finish(checkin, Checkin.Status.SKIPPED, Checkin.Reason.TIMEZONE, now)


@transaction.atomic
def open_checkin(checkin_id: int, now: dt.datetime) -> str:
    """Ask the first question of a due check-in, or record why it is not sent."""
    coachee_id = Checkin.objects.filter(pk=checkin_id).values_list("coachee_id", flat=True)[0]
    # One open check-in per coachee, whatever the number of schedulers: the coachee's row
    # is the lock (PostgreSQL; SQLite's IMMEDIATE transactions already run one at a time).
    list(Coachee.objects.select_for_update().filter(pk=coachee_id))
    checkin = Checkin.objects.select_related(
        "enrolment__program", "enrolment__engagement", "coachee__practice"
    ).get(pk=checkin_id)
    if checkin.status != Checkin.Status.SCHEDULED:
        return "taken"
    if Checkin.objects.filter(coachee_id=coachee_id, status=Checkin.Status.OPEN).exists():
        return "waiting"  # asked once the open one is answered or closed
    questions = checkin.enrolment.program.ordered_questions()
    status, reason = _why_not_sent(checkin, questions, now)
    if status:
        return _finish(checkin, status, reason, now)
    program = checkin.enrolment.program
    # The claim: only one scheduler moves this row out of "scheduled".
    if not Checkin.objects.filter(pk=checkin.pk, status=Checkin.Status.SCHEDULED).update(
        status=Checkin.Status.OPEN, opened_at=now
    ):
        return "taken"
    expires = checkin.due_at + dt.timedelta(hours=program.validity_hours)
    try:
        ask(checkin, questions[0].text(checkin.coachee.language), now, expires)
    except CannotSend:
        return _finish(checkin, Checkin.Status.SKIPPED, Checkin.Reason.OPTED_OUT, now)
    return "sent"


def ask(checkin: Checkin, text: str, now: dt.datetime, expires: dt.datetime | None = None) -> None:
    """Queue one question of an open check-in; answers are accepted for the program's window
    from the moment it may go out (quiet hours may hold it until the morning)."""
    valid_for = (expires - now) if expires else None
    message = queue_automated(checkin.coachee, text, valid_for=valid_for)
    window = dt.timedelta(hours=checkin.enrolment.program.answer_window_hours)
    checkin.asked = message
    checkin.closes_at = max(now, message.send_after or now) + window
    checkin.status = Checkin.Status.OPEN
    checkin.save(update_fields=["asked", "closes_at", "status", "position", "reasked"])


def _why_not_sent(checkin: Checkin, questions: list[Question], now: dt.datetime) -> tuple[str, str]:
    enrolment, coachee = checkin.enrolment, checkin.coachee
    if not enrolment.is_active or enrolment.engagement.status in ENDED:
        return Checkin.Status.SKIPPED, Checkin.Reason.ENDED
    if not coachee.can_receive_sms():
        return Checkin.Status.SKIPPED, Checkin.Reason.OPTED_OUT
    if now > checkin.due_at + dt.timedelta(hours=enrolment.program.validity_hours):
        return Checkin.Status.EXPIRED, ""
    if not questions:
        return Checkin.Status.SKIPPED, Checkin.Reason.NO_QUESTION
    if _wrote_recently(coachee, enrolment.skip_if_wrote_hours, now):
        return Checkin.Status.SKIPPED, Checkin.Reason.WROTE_RECENTLY
    return "", ""


def _wrote_recently(coachee: Coachee, hours: int, now: dt.datetime) -> bool:
    if not hours:
        return False
    since = now - dt.timedelta(hours=hours)
    return Message.objects.filter(
        coachee=coachee, direction=Message.Direction.INBOUND, created_at__gte=since
    ).exists()


def _finish(checkin: Checkin, status: str, reason: str, now: dt.datetime) -> str:
    Checkin.objects.filter(pk=checkin.pk, status__in=[checkin.status]).update(
        status=status, reason=reason, finished_at=now
    )
    return status


def close_windows(now: dt.datetime | None = None) -> int:
    """Open check-ins past their answer window (or whose coachee opted out) are closed."""
    now = now or timezone.now()
    ending = Checkin.objects.filter(status=Checkin.Status.OPEN).filter(
        Q(closes_at__lt=now) | Q(coachee__consent=Coachee.Consent.OPTED_OUT)
    )
    some = Answer.objects.filter(checkin=OuterRef("pk"), understood=True)
    partial = ending.filter(Exists(some)).update(status=Checkin.Status.PARTIAL, finished_at=now)
    empty = ending.update(status=Checkin.Status.UNANSWERED, finished_at=now)
    return partial + empty


# -- enrolling --------------------------------------------------------------------------------
class CannotEnrol(ValueError):
    """The enrolment cannot be made: the text says why, in the coach's language."""


def enrol(engagement: Engagement, program: Program, **rule: Any) -> Enrolment:
    """Follow a program on a cadence; the first occurrences are planned at once."""
    from django.utils.translation import gettext as _

    if not program.questions.exists():
        raise CannotEnrol(_("This program has no question yet: add one before enrolling."))
    if engagement.status in ENDED:
        raise CannotEnrol(_("This engagement is over: start a new one to send check-ins."))
    enrolment = Enrolment.objects.create(
        practice=engagement.practice, engagement=engagement, program=program, **rule
    )
    plan_checkins(only=[enrolment.pk])
    return enrolment


def enrol_in_intake(engagement: Engagement, coach: Coach | None) -> list[Enrolment]:
    """A new engagement opens with the practice's intake programs, sent at once (quiet
    hours permitting), even if the client has just written."""
    # Two minutes ahead, whole minutes: the slot stays after the enrolment's creation.
    soon = (timezone.now() + dt.timedelta(minutes=2)).astimezone(
        ZoneInfo(engagement.coachee.timezone)
    )
    programs = Program.objects.filter(
        practice=engagement.practice, purpose=Program.Purpose.INTAKE
    ).filter(Exists(Question.objects.filter(program=OuterRef("pk"))))
    return [
        enrol(
            engagement,
            program,
            cadence=Enrolment.Cadence.ONCE,
            start_on=soon.date(),
            at_time=soon.time().replace(second=0, microsecond=0),
            skip_if_wrote_hours=0,
            created_by=coach,
        )  # fmt: skip
        for program in programs
    ]


def run_scheduler(now: dt.datetime | None = None) -> dict[str, int]:
    """One pass of the scheduler: plan ahead, send what is due, close finished windows."""
    now = now or timezone.now()
    planned = plan_checkins(now)
    sent = send_due_checkins(now)
    return {"planned": planned, **sent, "closed": close_windows(now)}


def stop_enrolment(enrolment: Enrolment) -> None:
    """No more check-ins from this enrolment; those planned are skipped, answers kept."""
    with transaction.atomic():
        Enrolment.objects.filter(pk=enrolment.pk).update(is_active=False)
        enrolment.checkins.filter(status=Checkin.Status.SCHEDULED).update(
            status=Checkin.Status.SKIPPED, reason=Checkin.Reason.ENDED, finished_at=timezone.now()
        )
