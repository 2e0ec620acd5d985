"""A thread whose reliance falls by construction: eight weeks with Léa, written by hand.

Weeks 0-3: the coach opens every exchange, gives advice, reminds Léa of the Monday check-in
(weeks 0-1) or gets no answer (weeks 2-3); Léa rates her confidence 4, 4, 5, 5.
Weeks 4-7: Léa opens two exchanges in three, answers the check-in alone within half an hour,
the coach mostly asks; confidence 7, 7, 8, 8.

Week 0 starts eight Mondays before the current week, so the eight weeks are over whatever
the day the tests run; `END` (the Sunday evening of week 7) is the `now` that leaves out the
current, empty week for the hand-computed figures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from ancrage.checkins.models import Answer, Checkin, Enrolment, Metric, MetricValue, Program
from ancrage.coaching.models import Coachee, Engagement
from ancrage.messaging.models import Message

PARIS = ZoneInfo("Europe/Paris")
COACH, CLIENT = "out", "in"
REMINDER = (0, "10:30", COACH, "As-tu vu le point du lundi ?")  # 7 words, a question
THEN_WEEK = [  # (weekday, time, who, text): 2 exchanges, both the coach's
    (1, "09:00", COACH, "Ce qu'il faut faire maintenant, c'est relancer tes devis."),  # 9, advice
    (1, "09:30", CLIENT, "D'accord, je le fais."),  # 4
    (3, "09:00", COACH, "Tu dois appeler tes clients demain matin."),  # 7, advice
    (3, "09:20", CLIENT, "Ok merci."),  # 2
    (3, "09:40", COACH, "Comment as-tu présenté ton prix ?"),  # 6, a question
    (3, "10:00", CLIENT, "Sans m'excuser cette fois."),  # 4
]
NOW_WEEK = [  # 3 exchanges: Léa's on Monday and Wednesday, the coach's on Friday
    (0, "18:00", CLIENT, "J'ai signé un nouveau devis aujourd'hui !"),  # 7
    (0, "18:30", COACH, "Qu'est-ce qui a fait la différence ?"),  # 7, a question
    (0, "19:00", CLIENT, "J'ai osé annoncer mon prix sans détour."),  # 7
    (2, "12:00", CLIENT, "Deux rendez-vous calés pour la semaine prochaine."),  # 7
    (2, "12:30", COACH, "Comment veux-tu les préparer ?"),  # 5, a question
    (2, "13:00", CLIENT, "Avec mes questions, comme d'habitude."),  # 5
    (4, "09:00", COACH, "Tu dois garder ce rythme chaque semaine."),  # 7, advice
    (4, "09:30", CLIENT, "Oui !"),  # 2
]
CONFIDENCE = [4, 4, 5, 5, 7, 7, 8, 8]
# The acts a careful reader gives the coach's SMS above (the analyzer's own reading of them is
# tested apart: its learned model may change, the arithmetic must not).
ADVICE = {THEN_WEEK[0][3], THEN_WEEK[2][3], NOW_WEEK[6][3]}
QUESTIONS = {REMINDER[3], THEN_WEEK[4][3], NOW_WEEK[1][3], NOW_WEEK[4][3]}


@dataclass
class Story:
    coachee: Coachee
    engagement: Engagement
    enrolment: Enrolment
    week0: dt.date
    end: dt.datetime  # Sunday 20:00 of week 7


def first_monday() -> dt.date:
    today = timezone.now().astimezone(PARIS).date()
    return today - dt.timedelta(days=today.weekday(), weeks=8)


def at(week0: dt.date, week: int, weekday: int, hhmm: str) -> dt.datetime:
    day = week0 + dt.timedelta(weeks=week, days=weekday)
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=PARIS)


def sms(coachee: Coachee, direction: str, body: str, when: dt.datetime, kind="manual") -> Message:
    return Message.objects.create(
        practice=coachee.practice, coachee=coachee, engagement=coachee.current_engagement(),
        direction=direction, body=body, kind=kind, provider="simulator", created_at=when,
        status="delivered" if direction == COACH else "received",
    )  # fmt: skip


def write_story(practice, coach, name="Léa Martin", phone="+33699887766") -> Story:
    week0 = first_monday()
    coachee = Coachee.objects.create(practice=practice, name=name, phone=phone)
    engagement = Engagement.objects.create(
        practice=practice, coach=coach, coachee=coachee, status="active", started_on=week0,
        intentions="Oser annoncer mes prix sans m'excuser.",
    )  # fmt: skip
    program = Program.objects.get(practice=practice, name_fr="Point du lundi")
    enrolment = Enrolment.objects.create(
        practice=practice, engagement=engagement, program=program, cadence="weekly",
        weekdays="0", at_time=dt.time(9, 0), start_on=week0, planned_until=week0,
    )  # fmt: skip
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=at(week0, 0, 0, "08:00"))
    confidence = Metric.objects.get(practice=practice, key="confidence")
    question = program.ordered_questions()[0]
    for week in range(8):
        lines = THEN_WEEK if week < 4 else NOW_WEEK
        if week < 2:
            lines = [REMINDER, *lines]
        for weekday, hhmm, who, text in lines:
            sms(coachee, who, text, at(week0, week, weekday, hhmm))
        _checkin(coachee, enrolment, question, week0, week)
        MetricValue.objects.create(
            practice=practice, coachee=coachee, metric=confidence,
            value=Decimal(CONFIDENCE[week]), measured_on=week0 + dt.timedelta(weeks=week),
        )  # fmt: skip
    return Story(coachee, engagement, enrolment, week0, at(week0, 7, 6, "20:00"))


def _checkin(coachee, enrolment, question, week0, week) -> None:
    """Weeks 0-1: answered at 11:00 after the reminder; 2-3: unanswered; 4-7: answered at 09:30."""
    opened = at(week0, week, 0, "09:00")
    sms(coachee, COACH, question.text_fr, opened, kind="automated")
    status = "unanswered" if week in (2, 3) else "answered"
    checkin = Checkin.objects.create(
        practice=coachee.practice, enrolment=enrolment, coachee=coachee,
        due_on=opened.date(), due_at=opened, status=status, opened_at=opened,
    )  # fmt: skip
    if status == "answered":
        when = at(week0, week, 0, "11:00" if week < 2 else "09:30")
        reply = sms(coachee, CLIENT, "3 devis envoyés, 1 accepté, 2 000 €", when)
        answer = Answer.objects.create(
            checkin=checkin, question=question, message=reply, body=reply.body, understood=True
        )
        Answer.objects.filter(pk=answer.pk).update(created_at=when)


@pytest.fixture
def story(practice_a, alice) -> Story:
    return write_story(practice_a, alice)


def hand_acts(thread, lang):
    labelled = [
        dataclasses.replace(m, acts=frozenset({"input"} if m.text in ADVICE else
                                              {"question"} if m.text in QUESTIONS else set()))
        for m in thread
    ]  # fmt: skip
    return labelled, True


@pytest.fixture
def acts_by_hand(monkeypatch):
    monkeypatch.setattr("ancrage.autonomy.services.with_acts", hand_acts)
