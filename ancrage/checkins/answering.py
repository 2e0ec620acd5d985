"""An inbound SMS read as the answer to the check-in waiting for it.

Called by messaging's inbound task for every stored SMS that is not a keyword (STOP and
HELP always win). The reply is read by the Django-free parser; what it is sure of is
stored, what it is not is asked again once with an example, then left for the coach.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ancrage.analysis.answers import Reading, Slot, read_answer, read_slots
from ancrage.checkins import sms_texts
from ancrage.checkins.models import Answer, Checkin, Metric, MetricValue, Question
from ancrage.checkins.services import ask
from ancrage.messaging.keywords import classify_keyword
from ancrage.messaging.models import Message
from ancrage.messaging.services import CannotSend, queue_automated

SENT = [Message.Status.SENT, Message.Status.DELIVERED]


def on_inbound(message_id: int) -> str:
    """Route one inbound SMS to its coachee's open check-in, if it has one."""
    message = Message.objects.select_related("coachee").filter(pk=message_id).first()
    if message is None or message.direction != Message.Direction.INBOUND:
        return "ignored"
    if classify_keyword(message.body):
        return "keyword"  # STOP, START and HELP always win over a waiting check-in
    with transaction.atomic():
        checkin = _waiting_checkin(message)
        if checkin is None or Answer.objects.filter(message=message).exists():
            return "not_an_answer"
        if _coach_wrote_since_asked(checkin, message):
            return "for_the_coach"  # a reply to the coach's own SMS, not to the check-in
        return _take_answer(checkin, message, timezone.now())


def _coach_wrote_since_asked(checkin: Checkin, message: Message) -> bool:
    asked_at = checkin.asked.sent_at if checkin.asked else None
    return Message.objects.filter(
        coachee_id=message.coachee_id,
        direction=Message.Direction.OUTBOUND,
        kind=Message.Kind.MANUAL,
        created_at__gt=asked_at,
        created_at__lt=message.created_at,
    ).exists()


def _waiting_checkin(message: Message) -> Checkin | None:
    """The coachee's open check-in whose question went out before this reply came in."""
    return (
        Checkin.objects.select_for_update(of=("self",))
        .select_related("enrolment__program", "coachee", "asked")
        .filter(
            coachee_id=message.coachee_id,
            status=Checkin.Status.OPEN,
            closes_at__gt=message.created_at,
            asked__status__in=SENT,
            asked__sent_at__lte=message.created_at,
        )
        .order_by("-opened_at")
        .first()
    )


def _take_answer(checkin: Checkin, message: Message, now: dt.datetime) -> str:
    questions = checkin.enrolment.program.ordered_questions()
    if checkin.position >= len(questions):  # the program lost questions meanwhile
        checkin.status, checkin.finished_at = Checkin.Status.ANSWERED, now
        checkin.save(update_fields=["status", "finished_at"])
        return "answered"
    question = questions[checkin.position]
    lang = checkin.coachee.language
    missing = _missing_metrics(checkin, question)
    readings = _read(question, missing, message.body, lang)
    understood = all(reading.understood for reading in readings.values())
    answer = Answer.objects.create(
        checkin=checkin, question=question, message=message, body=message.body,
        understood=understood,
    )  # fmt: skip
    _store_values(checkin, answer, missing, readings)
    if understood:
        return _next_question(checkin, questions, now)
    if not checkin.reasked:
        return _reask(checkin, question, missing, now)
    checkin.status, checkin.finished_at = Checkin.Status.NEEDS_COACH, now
    checkin.save(update_fields=["status", "finished_at"])
    return "needs_coach"


def _missing_metrics(checkin: Checkin, question: Question) -> list[Metric]:
    """The question's metrics not yet answered in this check-in (after a partial reply)."""
    done = set(
        MetricValue.objects.filter(answer__checkin=checkin, answer__question=question).values_list(
            "metric_id", flat=True
        )
    )
    return [metric for metric in question.metrics() if metric.pk not in done]


def _read(question: Question, metrics: list[Metric], body: str, lang: str) -> dict[str, Reading]:
    if question.kind == Question.Kind.TEXT or not metrics:
        kind = question.kind if question.kind != Question.Kind.SEVERAL else "text"
        return {"": read_answer(body, kind, lang)}
    if len(metrics) == 1 and question.kind != Question.Kind.SEVERAL:
        return {metrics[0].key: read_answer(body, metrics[0].kind, lang)}
    slots = [Slot(m.key, m.kind, m.keyword_list()) for m in metrics]
    return read_slots(body, slots, lang)


def _store_values(
    checkin: Checkin, answer: Answer, metrics: list[Metric], readings: dict[str, Reading]
) -> None:
    for metric in metrics:
        reading = readings.get(metric.key)
        if reading is None or not reading.understood or reading.value is None:
            continue
        MetricValue.objects.create(
            practice_id=checkin.practice_id, coachee_id=checkin.coachee_id, metric=metric,
            value=Decimal(str(float(reading.value))), measured_on=checkin.due_on, answer=answer,
        )  # fmt: skip


def _next_question(checkin: Checkin, questions: list[Question], now: dt.datetime) -> str:
    checkin.position += 1
    checkin.reasked = False
    if checkin.position < len(questions):
        try:
            ask(checkin, questions[checkin.position].text(checkin.coachee.language), now)
        except CannotSend:
            return _close(checkin, Checkin.Status.PARTIAL, now)
        return "next_question"
    _close(checkin, Checkin.Status.ANSWERED, now)
    if checkin.enrolment.program.confirm:
        _confirm(checkin)
    return "answered"


def _reask(checkin: Checkin, question: Question, missing: list[Metric], now: dt.datetime) -> str:
    lang = checkin.coachee.language
    example = sms_texts.several_example(lang, [(m.label(lang), m.kind, m.unit) for m in missing])
    kind = (
        question.kind
        if question.kind != Question.Kind.SEVERAL or len(missing) > 1
        else (missing[0].kind)
    )
    checkin.reasked = True
    try:
        ask(checkin, sms_texts.reask(lang, kind, question.text(lang), example), now)
    except CannotSend:
        return _close(checkin, Checkin.Status.PARTIAL, now)
    return "reasked"


def _close(checkin: Checkin, status: str, now: dt.datetime) -> str:
    checkin.status, checkin.finished_at = status, now
    checkin.save(update_fields=["status", "finished_at", "position", "reasked"])
    return status


def _confirm(checkin: Checkin) -> None:
    lang = checkin.coachee.language
    values = MetricValue.objects.filter(answer__checkin=checkin).select_related("metric")
    said = [
        sms_texts.said_value(lang, v.metric.label(lang), v.number, v.metric.kind, v.metric.unit)
        for v in values
    ]
    if not said:
        return
    try:
        queue_automated(checkin.coachee, sms_texts.confirmation(lang, said))
    except CannotSend:
        pass  # the numbers are stored; only the courtesy SMS is not sent (too long, opted out)
