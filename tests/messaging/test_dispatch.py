"""The dispatcher: fair across practices, one message per person in flight, exclusive claims."""

from __future__ import annotations

import json
import os
import time

import pytest
from django.db import connection
from django.utils import timezone

from ancrage.coaching.models import Coachee, Practice
from ancrage.messaging.claiming import _NEXT_SQL, candidates, claim
from ancrage.messaging.dispatch import claim_due, dispatch_once
from ancrage.messaging.models import Message
from ancrage.messaging.services import queue_message
from tests.conftest import NO_QUIET_HOURS


def crowd(practice: Practice, people: int) -> list[Coachee]:
    return [
        Coachee.objects.create(practice=practice, name=f"C{n}", phone=f"+336100{n:05d}")
        for n in range(people)
    ]


def test_a_single_reply_goes_in_the_first_batch_behind_another_practices_big_batch(
    practice_a, practice_b
):
    for coachee in crowd(practice_a, 60):
        queue_message(coachee, "Check-in : ton chiffre de la semaine ?")
    lone = Coachee.objects.create(practice=practice_b, name="Lou", phone="+33699999999")
    reply = queue_message(lone, "Bravo, c'est ton travail !")  # queued last of all

    claimed, ready = claim_due("worker-1", 8, busy=set())

    assert claimed == 8 and reply in ready  # the first batch: 7 of the 60, and the reply
    assert Message.objects.filter(practice=practice_a, status="queued").count() == 60 - 7


def test_practices_take_turns_in_the_claim_order(practice_a, practice_b):
    third = Practice.objects.create(name="Trois", slug="trois", **NO_QUIET_HOURS)
    for practice, people in ((practice_a, 5), (practice_b, 3), (third, 1)):
        for coachee in crowd(practice, people):
            queue_message(coachee, "Bonjour")
    order = [practice for _, practice, _ in candidates(timezone.now(), 100)]
    assert set(order[:3]) == {practice_a.pk, practice_b.pk, third.pk}  # one each first
    assert order.count(practice_a.pk) == 5 and len(order) == 9


def test_one_person_has_one_message_in_flight_and_gets_them_in_order(practice_a, camille, tasks):
    for n in range(3):
        queue_message(camille, f"Message {n}")
    assert len(candidates(timezone.now(), 100)) == 1  # the next waits for this one
    tasks()
    sent = Message.objects.filter(coachee=camille).order_by("sent_at", "id")
    assert [m.body for m in sent] == ["Message 0", "Message 1", "Message 2"]
    assert {m.status for m in sent} == {"delivered"}


def test_another_workers_message_in_flight_holds_back_the_persons_next(camille):
    """Worker 1 is sending Camille's first message; worker 2, which does not know it, must
    not send her second meanwhile: she would read them out of order."""
    first, second = queue_message(camille, "Premier"), queue_message(camille, "Second")
    now = timezone.now()
    assert claim([first.pk], "worker-1", 10, now) == [first.pk]
    assert candidates(now, 10) == []  # worker 2's view: Camille is being sent to
    # ... and had worker 2 read the candidates just before worker 1's claim:
    assert claim([second.pk], "worker-2", 10, now) == []

    Message.objects.filter(pk=first.pk).update(status="sent")
    assert [row[0] for row in candidates(now, 10)] == [second.pk]
    assert claim([second.pk], "worker-2", 10, now) == [second.pk]


def test_a_claim_goes_to_one_worker_only(camille):
    message = queue_message(camille, "Une seule fois")
    now = timezone.now()
    assert claim([message.pk], "worker-1", 10, now) == [message.pk]
    assert claim([message.pk], "worker-2", 10, now) == []
    message.refresh_from_db()
    assert (message.status, message.claimed_by, message.attempts) == ("sending", "worker-1", 1)


def test_a_message_scheduled_later_is_not_claimed_before_its_time(camille):
    later = timezone.now() + timezone.timedelta(hours=1)
    queue_message(camille, "Demain", send_after=later)
    assert candidates(timezone.now(), 10) == []


def test_a_pass_whose_claims_are_all_lost_ends_with_its_slice(camille, monkeypatch):
    """Candidates another worker always claims first: the pass gives its turn back to the
    sweep and the tasks when its slice is over instead of trying forever."""
    from ancrage.messaging import dispatch

    message = queue_message(camille, "Déjà pris")
    claim([message.pk], "worker-1", 10, timezone.now())
    seen = [(message.pk, camille.practice_id, message.provider)]
    monkeypatch.setattr(dispatch, "candidates", lambda now, limit, busy=(): seen)
    started = time.monotonic()
    assert dispatch_once("worker-2", limit=4, seconds=0.3) == 0
    assert time.monotonic() - started < 5


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL's plans"
)
def test_the_in_flight_check_reads_only_the_persons_own_rows(practice_a):
    """Every candidate of every claim asks "is a message to this person being sent?". With
    thousands of messages gone through `sending` (dead index entries until a vacuum), that
    must stay one probe of the person's own rows: reading every in-flight entry made the
    claim 0.9 ms a candidate and 16,000 SMS drain at half speed (docs/dispatch.md)."""
    people = Coachee.objects.bulk_create(
        Coachee(practice=practice_a, name=f"C{n}", phone=f"+33620{n:06d}") for n in range(3000)
    )
    Message.objects.bulk_create(
        Message(practice=practice_a, coachee=c, direction="out", body="Check-in", status="queued")
        for c in people
    )
    Message.objects.filter(coachee__in=people[:2500]).update(status="sending")
    Message.objects.filter(coachee__in=people[:2490]).update(status="sent")
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + _NEXT_SQL.format(n=0),
            [practice_a.pk, timezone.now(), 200],
        )
        plan = json.dumps(cursor.fetchone()[0])
    assert "message_sending_by_coachee" in plan
    assert "message_in_flight" not in plan


@pytest.mark.django_db
def test_a_claim_over_many_practices_asks_the_database_as_often_as_over_one():
    """Claims span practices (they take turns): the send-rate lookup must not cost a query per
    practice, or a Monday with hundreds of practices slows every claim."""
    from django.test.utils import CaptureQueriesContext

    def queries_to_claim(practices: int, tag: str) -> int:
        for n in range(practices):
            practice = Practice.objects.create(
                name=f"{tag}{n}", slug=f"{tag}-{n}", **NO_QUIET_HOURS
            )
            queue_message(crowd(practice, 1)[0], "Check-in")
        with CaptureQueriesContext(connection) as captured:
            claimed, ready = claim_due(f"worker-{tag}", 64, busy=set())
        assert claimed == len(ready) == practices
        return len(captured.captured_queries)

    assert queries_to_claim(2, "few") == queries_to_claim(12, "many")
