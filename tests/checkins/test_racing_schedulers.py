"""Two schedulers on two connections, planning and sending the same rows at the same moment:
each day is planned once and each question goes out once (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from ancrage.checkins.models import Checkin, Enrolment
from ancrage.checkins.services import plan_checkins, send_due_checkins
from ancrage.messaging.models import Message
from tests.checkins.conftest import monday_checkin, new_coachee

COACHEES = 6
SCHEDULERS = 2
PASSES = 3


def every_day_at_midnight(coachee) -> Enrolment:
    """Today's occurrence is already due (and valid for 24 hours) whenever the test runs."""
    enrolment = Enrolment.objects.create(
        practice=coachee.practice, engagement=coachee.current_engagement(),
        program=monday_checkin(coachee.practice), cadence="every_n_days", every_days=1,
        at_time=dt.time(0, 0), start_on=dt.date(2026, 1, 1), skip_if_wrote_hours=0,
    )  # fmt: skip
    Enrolment.objects.filter(pk=enrolment.pk).update(
        created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    return enrolment


def race(work, threads: int) -> list[BaseException]:
    """Run `work` in `threads` threads released together; each has its own connection."""
    start, errors = threading.Barrier(threads), []

    def run():
        try:
            start.wait()
            work()
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    return errors


@pytest.fixture
def enrolments(practice_a, alice):
    return [
        every_day_at_midnight(
            new_coachee(
                practice_a,
                alice,
                f"Client {i}",
                f"+3361234560{i}",
                timezone="Europe/Paris" if i % 2 else "America/Montreal",
            )
        )  # fmt: skip
        for i in range(COACHEES)
    ]


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_once_plan_each_day_once_and_send_each_question_once(enrolments):
    now = timezone.now()

    def scheduler():
        for _ in range(PASSES):
            plan_checkins(now)
            send_due_checkins(now)

    assert race(scheduler, SCHEDULERS) == []
    per_day = Counter(Checkin.objects.values_list("enrolment_id", "due_on"))
    assert set(per_day.values()) == {1}
    assert {e for e, _ in per_day} == {e.pk for e in enrolments}
    assert len(per_day) == 8 * COACHEES  # today and the 7 local days after it
    opened = Checkin.objects.filter(status="open")
    assert opened.count() == COACHEES  # today's, one per client
    questions = Counter(
        Message.objects.filter(kind=Message.Kind.AUTOMATED).values_list("coachee_id", flat=True)
    )
    assert questions == Counter({e.engagement.coachee_id: 1 for e in enrolments})
    assert set(opened.values_list("asked_id", flat=True)) == set(
        Message.objects.values_list("pk", flat=True)
    )


@pytest.mark.django_db(transaction=True)
def test_schedulers_racing_on_the_same_check_in_send_it_once(enrolments):
    now = timezone.now()
    plan_checkins(now)
    results = []

    def one_pass():
        results.append(send_due_checkins(now))

    assert race(one_pass, 4) == []
    sent = sum(outcome.get("sent", 0) for outcome in results)
    assert sent == COACHEES
    assert Message.objects.filter(kind=Message.Kind.AUTOMATED).count() == COACHEES


def test_the_race_runs_on_postgresql_when_asked_to():
    """The races above must not be skipped on PostgreSQL: this fails if DATABASE_URL
    points to PostgreSQL and the backend in use is not it."""
    url = os.environ.get("DATABASE_URL", "")
    engine = settings.DATABASES["default"]["ENGINE"]
    assert ("postgresql" in engine) == url.startswith("postgres")
