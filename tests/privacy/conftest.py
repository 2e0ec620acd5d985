"""Two clients of one practice who share words (a first name, « devis », « merci »), each with
a bit of everything Ancrage stores, and a client of another practice."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest
from django.contrib.admin.models import CHANGE
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_tasks import task

from ancrage.checkins.models import (
    Answer,
    Checkin,
    Enrolment,
    Metric,
    MetricValue,
    Program,
    Question,
    QuestionSlot,
)
from ancrage.coaching.models import Coach, Coachee, Engagement, Note, Practice
from ancrage.consent.models import ConsentEvent, PhoneConsent
from ancrage.conversations.models import AnalysisJob
from ancrage.inbox.models import JournalEntry, Triage
from ancrage.messaging.models import InboundPart, Message, SimulatedSms, WebhookEvent


@task()
def remember_sender(sender: str) -> str:
    """Stands for any task whose arguments carry a number (long SMS being assembled)."""
    return sender


def _id() -> str:
    """A provider's id: never made of the number."""
    return uuid.uuid4().hex[:20]


@dataclass
class Person:
    coachee: Coachee
    name: str
    raw_phone: str
    e164: str
    secret: str  # a phrase only this person ever wrote


def _metric(practice: Practice) -> Metric:
    return Metric.objects.get_or_create(
        practice=practice,
        key="devis_envoyes",
        defaults={"label_fr": "Devis envoyés", "label_en": "Quotes sent", "kind": "number"},
    )[0]


def _program(practice: Practice) -> tuple[Program, Question]:
    program = Program.objects.create(practice=practice, name_fr="Point", name_en="Check-in")
    question = Question.objects.create(
        program=program, text_fr="Combien de devis ?", text_en="How many quotes?", kind="number"
    )
    QuestionSlot.objects.create(question=question, metric=_metric(practice))
    return program, question


def make_person(practice: Practice, coach: Coach, name: str, raw: str, e164: str, secret: str):
    coachee = Coachee.objects.create(practice=practice, name=name, phone=e164)
    engagement = Engagement.objects.create(
        practice=practice,
        coach=coach,
        coachee=coachee,
        status="active",
        intentions=f"{name} veut envoyer plus de devis ({secret})",
    )
    now = timezone.now()
    inbound = Message.objects.create(
        practice=practice,
        coachee=coachee,
        engagement=engagement,
        direction="in",
        status="received",
        provider="simulator",
        provider_message_id=_id(),
        body=f"Merci ! 3 devis envoyés, {secret}",
        created_at=now - dt.timedelta(days=2),
    )
    Message.objects.create(
        practice=practice,
        coachee=coachee,
        engagement=engagement,
        direction="out",
        status="delivered",
        provider="simulator",
        body=f"Bravo {name.split()[0]} : vos devis, votre audace !",
        sent_by=coach,
        segments=1,
        error_message=f"earlier: {e164} was unreachable",
    )
    Triage.objects.create(
        message=inbound,
        practice=practice,
        coachee=coachee,
        category="gratitude",
        categories=["gratitude", "win"],
        scores={"gratitude": 0.9},
    )
    JournalEntry.objects.create(
        practice=practice,
        coachee=coachee,
        engagement=engagement,
        kind="gratitude",
        text=f"Merci, {secret}",
        message=inbound,
        occurred_at=inbound.created_at,
    )
    Note.objects.create(
        practice=practice, engagement=engagement, author=coach, body=f"Note: {name} — {secret}"
    )
    program, question = _program(practice)
    enrolment = Enrolment.objects.create(
        practice=practice,
        engagement=engagement,
        program=program,
        cadence="once",
        start_on=timezone.localdate(),
    )
    checkin = Checkin.objects.create(
        practice=practice,
        enrolment=enrolment,
        coachee=coachee,
        due_on=timezone.localdate(),
        due_at=now,
        status="answered",
    )
    answer = Answer.objects.create(
        checkin=checkin, question=question, message=inbound, body=inbound.body, understood=True
    )
    MetricValue.objects.create(
        practice=practice,
        coachee=coachee,
        metric=_metric(practice),
        value=3,
        measured_on=timezone.localdate(),
        answer=answer,
    )
    ConsentEvent.objects.create(
        practice=practice,
        phone=e164,
        coachee=coachee,
        opted_out=True,
        source="sms_keyword",
        detail=f'SMS "STOP {secret}" from {e164}',
    )
    PhoneConsent.objects.create(practice=practice, phone=e164, opted_out=True)
    # What only repeats the number: raw webhooks, the simulator's handset, parts, tasks.
    digits = e164.lstrip("+")
    WebhookEvent.objects.create(
        practice=practice,
        provider="twilio",
        kind="inbound",
        url="https://x/webhooks/twilio",
        body=f"From=%2B{digits}&Body=Merci+{secret.replace(' ', '+')}",
        digest=_id(),
    )
    WebhookEvent.objects.create(
        practice=practice,
        provider="vonage",
        kind="inbound",
        method="GET",
        url=f"https://x/webhooks/vonage?msisdn={digits}&text=devis",
        body="",
        digest=_id(),
    )
    SimulatedSms.objects.create(
        sim_id=_id(), practice_token=practice.webhook_token, to=e164, body="Bravo"
    )
    InboundPart.objects.create(
        practice=practice,
        provider="vonage",
        provider_message_id=_id(),
        sender=digits,
        ref="r1",
        total=2,
        number=1,
        raw={"msisdn": digits, "text": secret},
    )
    remember_sender.enqueue(digits)
    AnalysisJob.objects.create(
        practice=practice,
        coach=coach,
        name=f"Appel avec {name}.vtt",
        focus=name,
        status="done",
        report={
            "speakers": [name, "Coach"],
            "utterances": [
                {"index": 0, "speaker": name, "text": f"Je suis {name}, {secret}"},
                {"index": 1, "speaker": "Coach", "text": "Et vos devis ?"},
            ],
            "service_score": 71,
        },
    )
    transcript = f"{name}: Bonjour, je suis {name}, mon numéro est le {raw}.\nCoach: Et vos devis ?"
    AnalysisJob.objects.create(  # uploaded, not analyzed yet: the transcript is still there
        practice=practice, coach=coach, name="appel-du-lundi.txt", transcript=transcript.encode()
    )
    AdminLogEntry.objects.create(
        user=coach.user,
        content_type=ContentType.objects.get_for_model(Coachee),
        object_id=str(coachee.pk),
        object_repr=name,
        action_flag=CHANGE,
        change_message=f"Changed phone to {e164}",
    )
    return Person(coachee=coachee, name=name, raw_phone=raw, e164=e164, secret=secret)


@pytest.fixture
def zoe(practice_a, alice) -> Person:
    return make_person(
        practice_a, alice, "Zoé Martin", "06 11 22 33 44", "+33611223344", "le salon de Lyon"
    )


@pytest.fixture
def other_zoe(practice_a, bob) -> Person:
    """Same practice, same first name, same words; a different person."""
    return make_person(
        practice_a, bob, "Zoé Marchand", "07 55 66 77 88", "+33755667788", "la foire de Nantes"
    )


@pytest.fixture
def outsider(practice_b, charlie) -> Person:
    return make_person(
        practice_b, charlie, "Yann Kervella", "06 99 88 77 66", "+33699887766", "le port de Brest"
    )
