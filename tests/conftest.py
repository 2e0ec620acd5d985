"""Shared fixtures: alice (owner) and bob (coach) share a practice; charlie runs another."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from ancrage.coaching.models import Coach, Coachee, Engagement, Practice


def make_coach(username: str, practice: Practice, role: str = "coach") -> Coach:
    user = get_user_model().objects.create_user(username=username, password="pw-" + username)
    return Coach.objects.create(user=user, practice=practice, role=role)


# Tests run at any hour: quiet hours stay out of the way unless a test sets them.
NO_QUIET_HOURS = {
    "quiet_start": dt.time(0, 0),
    "quiet_end": dt.time(0, 0),
    "quiet_sundays": False,
    "quiet_holidays_country": "",
}


@pytest.fixture
def practice_a(db) -> Practice:
    return Practice.objects.create(name="Cabinet Alice", slug="alice", **NO_QUIET_HOURS)


@pytest.fixture
def practice_b(db) -> Practice:
    return Practice.objects.create(name="Cabinet Charlie", slug="charlie", **NO_QUIET_HOURS)


@pytest.fixture
def alice(practice_a) -> Coach:
    return make_coach("alice", practice_a, "owner")


@pytest.fixture
def bob(practice_a) -> Coach:
    return make_coach("bob", practice_a)


@pytest.fixture
def charlie(practice_b) -> Coach:
    return make_coach("charlie", practice_b, "owner")


@pytest.fixture
def camille(practice_a, alice) -> Coachee:
    coachee = Coachee.objects.create(practice=practice_a, name="Camille", phone="+33612345678")
    Engagement.objects.create(practice=practice_a, coach=alice, coachee=coachee, status="active")
    return coachee


def client_for(coach: Coach) -> Client:
    client = Client()
    client.force_login(coach.user)
    return client


@pytest.fixture
def alice_client(alice) -> Client:
    return client_for(alice)


@pytest.fixture
def charlie_client(charlie) -> Client:
    return client_for(charlie)


def run_tasks() -> None:
    """Run everything due now as `ancrage worker` would: tasks from the real database
    queue, the SMS dispatcher, inbound handlers (ancrage.workers.loop.drain)."""
    from ancrage.workers.loop import drain

    drain()


@pytest.fixture
def tasks(monkeypatch):
    # The worker closes "old" connections between tasks, which would close the test's
    # own transaction; everything else about the queue stays real.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return run_tasks


@pytest.fixture(autouse=True)
def _encryption_key(settings):
    # Django's settings may load before the root conftest sets the variable (PostgreSQL runs).
    if not settings.ENCRYPTION_KEY:
        settings.ENCRYPTION_KEY = os.environ["ANCRAGE_ENCRYPTION_KEY"]


@pytest.fixture(autouse=True)
def _fake_providers_on_loopback(settings):
    # Settings may load before the root conftest sets the variables (see above). Security
    # tests (tests/security/) put the production values back.
    settings.SMS_CUSTOM_API_URLS = True
    settings.SMS_PRIVATE_NETWORKS = ["127.0.0.0/8"]


@pytest.fixture(autouse=True)
def _fresh_webhook_caches():
    from ancrage.messaging.services import clear_caches

    clear_caches()  # ids are reused after each test's rollback
    yield
    clear_caches()
