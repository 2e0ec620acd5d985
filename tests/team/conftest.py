"""Alice owns practice A; bob and dora coach there; charlie owns practice B.
Basile is bob's client and Delphine dora's, each with a thread, a check-in, a value and a
journal entry: what one coach must never see of the other's unless it is shared."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from ancrage.checkins.models import Checkin, Enrolment, Metric, MetricValue, Program
from ancrage.coaching.models import Coach, Coachee, Engagement, Practice
from ancrage.inbox.models import JournalEntry
from ancrage.messaging.models import Message
from tests.conftest import client_for, make_coach


@pytest.fixture
def dora(practice_a) -> Coach:
    return make_coach("dora", practice_a)


def client_of(practice: Practice, coach: Coach, name: str, phone: str) -> Coachee:
    """A client in `coach`'s charge with everything a coach's pages show about them."""
    coachee = Coachee.objects.create(practice=practice, name=name, phone=phone, coach=coach)
    engagement = Engagement.objects.create(
        practice=practice, coach=coach, coachee=coachee, status="active"
    )
    # Written directly, not through the webhook path: these tests are about who reads it.
    Message.objects.create(
        practice=practice, coachee=coachee, engagement=engagement, direction="in",
        body=f"Message secret de {name}", status="received", provider="simulator",
        provider_message_id=f"SIM-{phone}",
    )  # fmt: skip
    metric = Metric.objects.filter(practice=practice).first()
    MetricValue.objects.create(
        practice=practice, coachee=coachee, metric=metric, value=7,
        measured_on=dt.date.today(), source="coach",
    )  # fmt: skip
    program = Program.objects.filter(practice=practice).first()
    enrolment = Enrolment.objects.create(
        practice=practice, engagement=engagement, program=program, cadence="once",
        start_on=dt.date.today(), problem="quiet hours leave no slot",
    )  # fmt: skip
    Checkin.objects.create(
        practice=practice, enrolment=enrolment, coachee=coachee, due_on=dt.date.today(),
        due_at=timezone.now(), status="needs_coach",
    )  # fmt: skip
    JournalEntry.objects.create(
        practice=practice, coachee=coachee, engagement=engagement, kind="win",
        text=f"Victoire de {name}", occurred_at=timezone.now(),
    )  # fmt: skip
    return coachee


@pytest.fixture
def basile(practice_a, bob) -> Coachee:
    return client_of(practice_a, bob, "Basile", "+33611000001")


@pytest.fixture
def delphine(practice_a, dora) -> Coachee:
    return client_of(practice_a, dora, "Delphine", "+33611000002")


def english(client: Client) -> Client:
    """These tests read the English pages; test_french.py reads the French ones."""
    client.cookies["django_language"] = "en"
    return client


def visitor() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def alice_client(alice) -> Client:
    return english(client_for(alice))


@pytest.fixture
def bob_client(bob) -> Client:
    return english(client_for(bob))


@pytest.fixture
def dora_client(dora) -> Client:
    return english(client_for(dora))


@pytest.fixture
def charlie_client(charlie) -> Client:
    return english(client_for(charlie))


def inbound_of(coachee: Coachee) -> Message:
    return coachee.messages.filter(direction="in").first()
