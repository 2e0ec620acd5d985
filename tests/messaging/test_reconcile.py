"""A dead worker's interrupted send: the provider is asked before anything is shown "to
check" (reconcile.py). Never a second send: found -> sent, not found -> queued and sent
once, unknown -> to check. Twilio is the real SDK against the fake Twilio on loopback."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ancrage.messaging import reconcile
from ancrage.messaging.chores import sweep_once
from ancrage.messaging.dispatch import outbound_sms
from ancrage.messaging.models import Message, SimulatedSms
from ancrage.messaging.outbound import provider_for
from ancrage.messaging.providers import twilio as twilio_provider
from ancrage.messaging.providers.base import OutboundSms
from ancrage.messaging.services import queue_message
from tests.fakes import FakeTwilio, FakeVonage, connect

ALIVE = {"live-worker"}


@pytest.fixture
def twilio(practice_a, settings):
    with FakeTwilio() as fake:
        connect(fake, practice_a, "twilio")
        yield fake


def interrupted(message: Message, *, seconds_ago: float = 60, worker: str = "dead-worker"):
    """As a worker killed mid-call leaves it: claimed, the claim older than the lease."""
    claimed_at = timezone.now() - dt.timedelta(seconds=seconds_ago)
    Message.objects.filter(pk=message.pk).update(
        status="sending", claimed_by=worker, claimed_at=claimed_at, attempts=1
    )
    message.refresh_from_db()
    return message


def reached_provider(message: Message) -> str:
    """The dead worker's call that got through: the provider has it, we never wrote it."""
    provider = provider_for(message.practice, message.provider)
    return provider.send(outbound_sms(message)).provider_message_id


def creates(fake: FakeTwilio) -> list:
    return [r for r in fake.requests if r.method == "POST" and r.path.endswith("/Messages.json")]


def lookups(fake: FakeTwilio) -> list:
    return [r for r in fake.requests if r.method == "GET" and r.path.endswith("/Messages.json")]


def test_found_at_twilio_it_is_sent_with_its_sid_and_never_sent_again(twilio, camille, tasks):
    message = interrupted(queue_message(camille, "Ton chiffre de la semaine ?"))
    sid = reached_provider(message)

    done = sweep_once(alive=ALIVE)
    tasks()  # a worker's whole pass: nothing is left to send

    message.refresh_from_db()
    assert (done["reconciled_sent"], done["needs_check"]) == (1, 0)
    assert (message.status, message.provider_message_id, message.claimed_by) == ("sent", sid, "")
    assert message.sent_at is not None and message.segments == 1
    assert len(creates(twilio)) == 1
    assert lookups(twilio)[0].query["To"] == camille.phone
    assert lookups(twilio)[0].query["From"] == "+15005550006"


def test_not_found_at_twilio_it_is_queued_again_and_sent_once(twilio, camille, tasks):
    message = interrupted(queue_message(camille, "Jamais parti"))

    assert sweep_once(alive=ALIVE)["requeued"] == 1
    message.refresh_from_db()
    assert (message.status, message.claimed_by, message.attempts) == ("queued", "", 1)
    tasks()

    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 2  # the interrupted one counted
    assert [r.form()["Body"] for r in creates(twilio)] == ["Jamais parti"]


def test_a_twilio_error_leaves_it_to_check(twilio, camille, tasks):
    message = interrupted(queue_message(camille, "Peut-être parti"))
    twilio.fail_with_server_error()

    assert sweep_once(alive=ALIVE)["needs_check"] == 1
    tasks()
    message.refresh_from_db()
    assert (message.status, message.error_code) == ("needs_check", "needs_check")
    assert not creates(twilio)


def test_twilio_unreachable_leaves_it_to_check(twilio, camille):
    message = interrupted(queue_message(camille, "Peut-être parti"))
    twilio.stop()  # nothing listens on its port any more

    assert sweep_once(alive=ALIVE)["needs_check"] == 1
    message.refresh_from_db()
    assert message.status == "needs_check" and "Twilio lookup failed" in message.error_message


def test_a_provider_without_lookup_leaves_it_to_check(practice_a, camille):
    with FakeVonage() as vonage:
        connect(vonage, practice_a, "vonage", use_to_send=False)
        message = queue_message(camille, "Peut-être parti")
        Message.objects.filter(pk=message.pk).update(provider="vonage")
        interrupted(message)

        assert sweep_once(alive=ALIVE)["needs_check"] == 1
    message.refresh_from_db()
    assert message.status == "needs_check" and "cannot list" in message.error_message
    assert not vonage.requests


def test_the_simulators_handset_is_looked_up(camille, tasks):
    delivered = interrupted(queue_message(camille, "Arrivé sur le simulateur"))
    sim_id = reached_provider(delivered)
    never = interrupted(queue_message(camille, "Jamais arrivé"))

    done = sweep_once(alive=ALIVE)
    delivered.refresh_from_db(), never.refresh_from_db()
    assert (done["reconciled_sent"], done["requeued"]) == (1, 1)
    # The simulated carrier delivers at once: the report is applied with the id.
    assert (delivered.status, delivered.provider_message_id) == ("delivered", sim_id)
    assert never.status == "queued"
    tasks()
    assert SimulatedSms.objects.filter(body="Jamais arrivé").count() == 1
    assert SimulatedSms.objects.filter(body="Arrivé sur le simulateur").count() == 1


def test_a_status_twilio_already_knows_is_applied(twilio, camille):
    message = interrupted(queue_message(camille, "Livré entre-temps"))
    reached_provider(message)
    twilio.messages[-1]["status"] = "delivered"  # its webhook may have been given up on

    sweep_once(alive=ALIVE)
    message.refresh_from_db()
    assert message.status == "delivered" and message.delivered_at is not None


def test_a_copy_taken_by_another_message_is_not_ours(twilio, camille, tasks):
    first = queue_message(camille, "Même texte")
    tasks()  # sent and recorded with its sid
    again = interrupted(queue_message(camille, "Même texte"))

    assert sweep_once(alive=ALIVE)["requeued"] == 1  # the listed copy is `first`'s
    tasks()
    first.refresh_from_db(), again.refresh_from_db()
    assert first.provider_message_id != again.provider_message_id
    assert (again.status, len(creates(twilio))) == ("sent", 2)


def test_two_interrupted_copies_of_one_text_get_one_sid_each(twilio, camille):
    first = interrupted(queue_message(camille, "Même texte"), seconds_ago=61)
    second = interrupted(queue_message(camille, "Même texte"), seconds_ago=60)
    sids = [reached_provider(first), reached_provider(second)]

    assert sweep_once(alive=ALIVE)["reconciled_sent"] == 2
    first.refresh_from_db(), second.refresh_from_db()
    assert [first.provider_message_id, second.provider_message_id] == sids  # oldest first


def test_a_message_to_that_number_we_cannot_explain_leaves_it_to_check(twilio, camille):
    message = interrupted(queue_message(camille, "Notre texte"))
    provider = provider_for(camille.practice, "twilio")
    provider.send(OutboundSms(0, camille.phone, "Écrit ailleurs"))  # from the same number

    assert sweep_once(alive=ALIVE)["needs_check"] == 1
    message.refresh_from_db()
    assert message.status == "needs_check" and "other message" in message.error_message


def test_the_same_text_in_a_live_workers_hands_leaves_it_to_check(twilio, camille):
    message = interrupted(queue_message(camille, "Même texte"))
    rival = interrupted(queue_message(camille, "Même texte"), worker="live-worker")
    reached_provider(rival)  # its result not recorded yet: the listed copy may be the rival's

    assert sweep_once(alive=ALIVE)["needs_check"] == 1
    message.refresh_from_db()
    assert message.status == "needs_check" and message.provider_message_id == ""


def test_a_live_workers_claim_is_never_looked_up(twilio, camille):
    message = interrupted(queue_message(camille, "En cours"), worker="live-worker")
    done = sweep_once(alive=ALIVE)
    message.refresh_from_db()
    assert message.status == "sending" and done["needs_check"] == 0 and not twilio.requests


def test_a_claim_younger_than_the_lease_waits(twilio, camille, settings):
    settings.WORKER_LEASE_SECONDS = 30
    message = interrupted(queue_message(camille, "Tout juste"), seconds_ago=5)
    sweep_once(alive=ALIVE)
    message.refresh_from_db()
    assert message.status == "sending" and not twilio.requests


def test_a_slow_provider_never_holds_the_sweep_and_the_next_sweep_finishes(
    twilio, camille, monkeypatch
):
    message = interrupted(queue_message(camille, "Lent"))
    reached_provider(message)
    twilio.delay_seconds = 1.0
    monkeypatch.setattr(reconcile, "SECONDS", 0.2)
    started = timezone.now()

    assert sweep_once(alive=ALIVE)["reconcile_left"] == 1
    assert (timezone.now() - started).total_seconds() < 0.9
    message.refresh_from_db()
    assert message.status == "sending"  # for the next sweep

    twilio.delay_seconds = 0
    monkeypatch.setattr(reconcile, "SECONDS", 10.0)
    assert sweep_once(alive=ALIVE)["reconciled_sent"] == 1


def test_at_most_a_batch_per_sweep(camille, monkeypatch):
    monkeypatch.setattr(reconcile, "BATCH", 2)
    for n in range(3):
        interrupted(queue_message(camille, f"Message {n}"), seconds_ago=60 - n)
    done = sweep_once(alive=ALIVE)
    assert (done["requeued"], done["reconcile_left"]) == (2, 1)
    assert sweep_once(alive=ALIVE)["requeued"] == 1


def test_twilio_pages_back_to_the_claim(twilio, camille, monkeypatch):
    monkeypatch.setattr(twilio_provider, "LOOKUP_PAGE_SIZE", 2)
    message = interrupted(queue_message(camille, "Le premier"))
    reached_provider(message)
    provider = provider_for(camille.practice, "twilio")
    for n in range(4):  # newer messages to the same person, recorded as ours
        later = queue_message(camille, f"Plus tard {n}")
        sid = provider.send(outbound_sms(later)).provider_message_id
        Message.objects.filter(pk=later.pk).update(status="sent", provider_message_id=sid)

    assert sweep_once(alive=ALIVE)["reconciled_sent"] == 1
    assert len(lookups(twilio)) == 3  # 5 listed, 2 a page


def test_too_many_messages_since_the_claim_is_unknown(twilio, camille, monkeypatch):
    monkeypatch.setattr(twilio_provider, "LOOKUP_PAGE_SIZE", 1)
    monkeypatch.setattr(twilio_provider, "LOOKUP_PAGES", 2)
    message = interrupted(queue_message(camille, "Noyé"))
    provider = provider_for(camille.practice, "twilio")
    for n in range(3):
        later = queue_message(camille, f"Plus tard {n}")
        provider.send(outbound_sms(later))
    assert sweep_once(alive=ALIVE)["needs_check"] == 1
    message.refresh_from_db()
    assert "more than 2 messages" in message.error_message


def test_twilio_matches_its_trial_prefix_and_smart_encoding():
    same = twilio_provider.TwilioProvider().same_text
    assert same("Bonjour", twilio_provider.TRIAL_PREFIX + "Bonjour")
    assert same("C\u2019est l\u00e0 \u2014 bravo", "C'est la - bravo")
    assert not same("Bonjour", "Bonsoir")
