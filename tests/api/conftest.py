"""Tokens and data for the API tests: alice's practice A has Camille with a thread, an
answered check-in, a metric value and a journal entry; charlie runs practice B."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from ancrage.api import tokens
from ancrage.checkins.models import (
    Answer,
    Checkin,
    Enrolment,
    Metric,
    MetricValue,
    Program,
    Question,
)
from ancrage.inbox.models import JournalEntry
from ancrage.messaging.models import Message
from ancrage.messaging.services import queue_message


class ApiClient:
    """Django's test client with a bearer token on every call."""

    def __init__(self, token: str, language: str = "en") -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}", "Accept-Language": language}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, body: dict):
        return self.client.post(path, body, content_type="application/json", headers=self.headers)


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    # The throttle counts live in the cache, keyed by token id; ids come back after a rollback.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice_token(alice) -> str:
    return tokens.issue(alice, "Agenda")[1]


@pytest.fixture
def charlie_token(charlie) -> str:
    return tokens.issue(charlie, "Intruder's notebook")[1]


@pytest.fixture
def alice_api(alice_token) -> ApiClient:
    return ApiClient(alice_token)


@pytest.fixture
def charlie_api(charlie_token) -> ApiClient:
    return ApiClient(charlie_token)


@pytest.fixture
def camille_data(camille, alice):
    """Everything the API exposes about Camille, one row of each kind."""
    practice = camille.practice
    engagement = camille.current_engagement()
    queue_message(camille, "Combien de devis cette semaine ?", sent_by=alice)
    reply = Message.objects.create(  # stored as a webhook would, without the webhook
        practice=practice,
        coachee=camille,
        engagement=engagement,
        direction="in",
        status="received",
        provider="simulator",
        provider_message_id="SM-camille-1",
        body="3 devis envoyés, super contente",
        encoding="UCS-2",
        segments=1,
    )
    metric, _created = Metric.objects.get_or_create(  # new practices start with it
        practice=practice,
        key="quotes_sent",
        defaults={"label_fr": "Devis envoyés", "label_en": "Quotes sent", "kind": "number"},
    )
    program = Program.objects.create(practice=practice, name_fr="Hebdo", name_en="Weekly")
    question = Question.objects.create(
        program=program, text_fr="Combien de devis ?", text_en="How many quotes?", kind="number"
    )
    enrolment = Enrolment.objects.create(
        practice=practice,
        engagement=engagement,
        program=program,
        cadence="weekly",
        start_on=dt.date(2026, 11, 2),
    )
    checkin = Checkin.objects.create(
        practice=practice,
        enrolment=enrolment,
        coachee=camille,
        due_on=dt.date(2026, 11, 30),
        due_at=timezone.now(),
        status="answered",
    )
    answer = Answer.objects.create(
        checkin=checkin, question=question, message=reply, body=reply.body, understood=True
    )
    MetricValue.objects.create(
        practice=practice,
        coachee=camille,
        metric=metric,
        value=Decimal("3"),
        measured_on=dt.date(2026, 11, 30),
        answer=answer,
    )
    JournalEntry.objects.create(
        practice=practice,
        coachee=camille,
        engagement=engagement,
        kind="win",
        text="3 devis envoyés",
        message=reply,
        occurred_at=timezone.now(),
    )
    return camille
