"""Check-ins in the demo: two clients with eight weeks of answers, so the curves have a
shape at first start, and one check-in waiting for an answer from the simulator phone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ancrage.checkins.cadence import instant
from ancrage.checkins.models import Answer, Checkin, Enrolment, Metric, MetricValue, Program
from ancrage.checkins.services import plan_checkins
from ancrage.coaching.demo import latest_awake
from ancrage.coaching.models import Coachee, Practice
from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.models import Message, SimulatedSms

# Per client: eight weeks of (sent, accepted, price, confidence) and how they typed them.
HISTORY = {
    "+33612345678": [
        (2, 0, 1800, 4, "2 envoyés, aucun accepté, autour de 1 800 €", "4"),
        (3, 1, 1900, 4, "3 partis, 1 signé à 1 900 €", "4 sur 10"),
        (2, 0, 2000, 5, "deux envoyés, zéro accepté, 2000 €", "5"),
        (4, 1, 2200, 5, "4 envoyés 1 accepté 2 200 €", "cinq"),
        (3, 1, 2200, 6, "3 devis, 1 accepté, toujours 2 200 €", "6/10"),
        (5, 2, 2500, 6, "5 envoyés ! 2 acceptés à 2 500 €", "6"),
        (4, 2, 2600, 7, "4 envoyés, 2 signés, 2,6k", "7 sur 10"),
        (6, 3, 2800, 8, "6 envoyés, 3 acceptés, 2 800 €", "8 !"),
    ],
    "+447911123456": [
        (1, 0, 900, 5, "1 sent, none accepted, £900", "5"),
        (2, 0, 950, 5, "two sent, no luck yet, 950", "5/10"),
        (2, 1, 1000, 6, "2 sent 1 accepted at 1,000", "6"),
        (3, 1, 1000, 6, "3 out, 1 signed, 1000", "six"),
        (3, 1, 1100, 6, "3 sent, 1 won, 1,100", "6"),
        (4, 2, 1200, 7, "4 sent and 2 accepted! 1.2k", "7"),
        (3, 2, 1200, 7, "3 sent, 2 accepted, 1,200", "about 7"),
        (5, 2, 1300, 8, "5 sent, 2 accepted, 1,300", "8/10"),
    ],
}
WEEKLY_KEYS = ["quotes_sent", "quotes_accepted", "price", "confidence"]


@transaction.atomic
def ensure_demo_checkins(practice: Practice) -> None:
    """Idempotent: does nothing once the demo practice has check-ins."""
    if Checkin.objects.filter(practice=practice).exists():
        return
    program = Program.objects.filter(practice=practice, purpose=Program.Purpose.RECURRING).first()
    if program is None:
        return
    metrics = {m.key: m for m in Metric.objects.filter(practice=practice)}
    for phone, weeks in HISTORY.items():
        coachee = Coachee.objects.filter(practice=practice, phone=phone).first()
        if coachee is not None and coachee.current_engagement() is not None:
            _history(coachee, program, metrics, weeks)
    plan_checkins()  # next Monday's check-ins show on /checkins/ from the first page


def _history(coachee: Coachee, program: Program, metrics: dict[str, Metric], weeks: list) -> None:
    engagement = coachee.current_engagement()
    assert engagement is not None
    this_monday = _this_monday(coachee)
    enrolment = Enrolment.objects.create(
        practice=coachee.practice, engagement=engagement, program=program, cadence="weekly",
        weekdays="0", at_time=dt.time(9, 0), start_on=this_monday - dt.timedelta(weeks=8),
        planned_until=this_monday, skip_if_wrote_hours=12,
    )  # fmt: skip
    questions = program.ordered_questions()
    for back, (sent, accepted, price, confidence, numbers_sms, confidence_sms) in zip(
        range(len(weeks), 0, -1), weeks, strict=True
    ):
        day = this_monday - dt.timedelta(weeks=back)
        checkin = _checkin(enrolment, day, Checkin.Status.ANSWERED)
        # A Monday that is a public holiday: asked when the scheduler would, the next morning.
        at = coachee.practice.quiet_hours().next_allowed(checkin.due_at, coachee.timezone)
        values = dict(zip(WEEKLY_KEYS, (sent, accepted, price, confidence), strict=True))
        for offset, (question, reply, keys) in enumerate(
            [
                (questions[0], numbers_sms, WEEKLY_KEYS[:3]),
                (questions[1], confidence_sms, ["confidence"]),
            ]
        ):
            asked_at = at + dt.timedelta(minutes=40 * offset)
            _message(coachee, "out", question.text(coachee.language), asked_at)
            inbound = _message(coachee, "in", reply, asked_at + dt.timedelta(minutes=25))
            answer = Answer.objects.create(
                checkin=checkin, question=question, message=inbound, body=reply, understood=True
            )
            Answer.objects.filter(pk=answer.pk).update(created_at=inbound.created_at)
            for key in keys:
                MetricValue.objects.create(
                    practice=coachee.practice, coachee=coachee, metric=metrics[key],
                    value=Decimal(values[key]), measured_on=day, answer=answer,
                )  # fmt: skip
    if coachee.language == "fr":  # one check-in of this week waits for the simulator phone
        _open_checkin(enrolment, this_monday, questions[0].text("fr"))


def _open_checkin(enrolment: Enrolment, day: dt.date, question: str) -> None:
    checkin = _checkin(enrolment, day, Checkin.Status.OPEN)
    asked_at = _asked_last(checkin.coachee, checkin.due_at)
    checkin.asked = _message(checkin.coachee, "out", question, asked_at)
    checkin.opened_at = asked_at
    checkin.closes_at = timezone.now() + dt.timedelta(hours=48)
    checkin.save(update_fields=["asked", "opened_at", "closes_at"])


def _asked_last(coachee: Coachee, due_at: dt.datetime) -> dt.datetime:
    """When this week's question went out: after the coach's last SMS of the demo thread (a
    reply to a later coach SMS would be for the coach, not the check-in), in daytime."""
    latest = timezone.now() - dt.timedelta(minutes=5)
    manual = coachee.messages.filter(direction="out", kind="manual").order_by("-created_at")
    last_written = manual.values_list("created_at", flat=True).first()
    asked_at = min(due_at, latest)
    if last_written is not None:
        asked_at = min(max(asked_at, last_written + dt.timedelta(minutes=10)), latest)
    morning = coachee.practice.quiet_hours().next_allowed(asked_at, coachee.timezone)
    return morning if morning <= latest else latest_awake(coachee, asked_at)


def _this_monday(coachee: Coachee) -> dt.date:
    today = timezone.now().astimezone(ZoneInfo(coachee.timezone)).date()
    return today - dt.timedelta(days=today.weekday())


def _checkin(enrolment: Enrolment, day: dt.date, status: str) -> Checkin:
    coachee = enrolment.engagement.coachee
    due = instant(day, enrolment.at_time, coachee.timezone)
    return Checkin.objects.create(
        practice=enrolment.practice, enrolment=enrolment, coachee=coachee, due_on=day,
        due_at=due, status=status, opened_at=due, finished_at=due if status != "open" else None,
        position=2 if status == Checkin.Status.ANSWERED else 0,
    )  # fmt: skip


def _message(coachee: Coachee, direction: str, text: str, at: dt.datetime) -> Message:
    cost = sms_cost(text)
    outbound = direction == "out"
    sim_id = f"DEMO-CHECKIN-{coachee.pk}-{at.timestamp():.0f}-{direction}"
    if outbound:  # the simulated handset shows what it received
        SimulatedSms.objects.create(
            sim_id=sim_id, practice_token=coachee.practice.webhook_token, to=coachee.phone,
            body=text, created_at=at,
        )  # fmt: skip
    return Message.objects.create(
        practice=coachee.practice, coachee=coachee, engagement=coachee.current_engagement(),
        direction=direction, body=text, provider="simulator",
        provider_message_id=sim_id,
        status="delivered" if outbound else "received", kind="automated" if outbound else "manual",
        encoding=cost.encoding, segments=cost.segments, created_at=at,
        sent_at=at if outbound else None, delivered_at=at if outbound else None, read_at=at,
    )  # fmt: skip
