"""STOP / START / HELP through real Twilio webhooks, and the opt-out enforced on every path."""

from __future__ import annotations

import argparse

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.coaching.models import Coachee
from ancrage.messaging.models import Message
from ancrage.messaging.services import CannotSend, queue_automated, queue_message
from ancrage.messaging.tasks import deliver_message
from tests.sms.providers_e2e import CASES, post_webhook

TWILIO = CASES[0]
STOP_VARIANTS = [
    "STOP", "stop", " Stop ", "Stop.", "STOPALL", "unsubscribe", "Cancel", "END", "quit",
    "ARRET", "arret", "ARRÊT", "arrêt", " Arrêt ! ", "STOP SMS", "stop sms", "Stop  Sms",
]  # fmt: skip


def receive(client, coachee, body):
    response = post_webhook(client, TWILIO.inbound(coachee.practice, coachee.phone, body))
    assert response.status_code == 200
    coachee.refresh_from_db()
    return coachee


@pytest.mark.parametrize("word", STOP_VARIANTS)
def test_every_stop_variant_opts_out_and_is_confirmed_once(twilio, client, camille, tasks, word):
    receive(client, camille, word)
    assert camille.consent == "opted_out" and camille.consent_changed_at
    assert word.strip() in camille.consent_source and "twilio" in camille.consent_source
    tasks()
    [confirmation] = [sent["Body"] for sent in twilio.sent]
    assert confirmation.startswith("Vous ne recevrez plus de SMS de alice")


def test_a_sentence_containing_stop_is_not_an_opt_out(twilio, client, camille, tasks):
    receive(client, camille, "On arrête pas là, STOP à la procrastination")
    assert camille.can_receive_sms()
    tasks()
    assert not twilio.sent


def test_the_confirmation_is_in_the_coachees_language(twilio, client, camille, tasks):
    Coachee.objects.filter(pk=camille.pk).update(language="en")
    receive(client, camille, "stop")
    tasks()
    assert twilio.sent[0]["Body"].startswith("You will no longer receive texts from alice")


def test_a_second_stop_sends_nothing_more(twilio, client, camille, tasks):
    receive(client, camille, "STOP")
    receive(client, camille, "ARRÊT")
    tasks()
    assert len(twilio.sent) == 1


def test_start_opts_back_in_and_help_names_the_coach(twilio, client, camille, tasks):
    receive(client, camille, "STOP")
    receive(client, camille, "Reprendre")
    assert camille.can_receive_sms() and "Reprendre" in camille.consent_source
    receive(client, camille, "aide")
    tasks()
    bodies = [sent["Body"] for sent in twilio.sent]
    assert len(bodies) == 3
    assert "vous recevrez à nouveau les SMS de alice" in bodies[1]
    assert "Cabinet Alice" in bodies[2] and "alice" in bodies[2]


def test_a_provider_reported_opt_out_opts_out(twilio, alice_client, client, camille, tasks):
    message = queue_message(camille, "Bonjour")
    tasks()
    message.refresh_from_db()
    report = TWILIO.status(camille.practice, message.provider_message_id, "undelivered", "21610")
    assert post_webhook(client, report).status_code == 200
    camille.refresh_from_db()
    assert not camille.can_receive_sms() and camille.consent_source == "twilio 21610"


def test_an_opted_out_coachee_is_never_sent_anything_whatever_the_path(
    twilio, alice_client, client, camille, tasks
):
    # Messages already on their way when the STOP arrives: one queued, one mid-retry,
    # one interrupted mid-send (needs_check).
    queued = queue_message(camille, "déjà en file")
    retrying = queue_message(camille, "en cours de nouvel essai")
    twilio.fail_with_server_error(times=1)
    from ancrage.messaging.dispatch import claim, handle_error
    from ancrage.messaging.providers.base import ProviderError

    assert claim([retrying.pk], "a-worker", 1, timezone.now()) == [retrying.pk]
    retrying.refresh_from_db()
    handle_error(retrying, ProviderError("boom", permanent=False, code="server_error"))
    stuck = queue_message(camille, "interrompu")
    Message.objects.filter(pk=stuck.pk).update(status="needs_check")
    twilio.reset()

    receive(client, camille, "STOP")

    # 1. the composer
    assert alice_client.post(reverse("send", args=[camille.pk]), {"body": "Hé"}).status_code == 422
    # 2. the CLI (ancrage sms send) goes through services.queue_message
    from ancrage.commands import sms_send

    options = argparse.Namespace(practice=None, to=camille.phone, text="Hé")
    assert sms_send(options) == 2
    # 3. automated messages (check-ins)
    with pytest.raises(CannotSend):
        queue_automated(camille, "Ton chiffre de la semaine ?")
    # 4. "send again" on the interrupted message, from the page and from the service
    response = alice_client.post(reverse("message_resolve", args=[stuck.pk]), {"action": "resend"})
    assert response.status_code == 409
    from ancrage.messaging.outbound import resolve_needs_check

    resolve_needs_check(stuck, "resend")
    # 5. a row queued behind the services' back, and duplicate tasks
    sneaky = Message.objects.create(
        practice=camille.practice, coachee=camille, direction="out", status="queued",
        provider="twilio", body="en douce", kind="manual",
    )  # fmt: skip
    deliver_message.enqueue(sneaky.pk)
    deliver_message.enqueue(queued.pk)
    # 6. a STOP confirmation forged as such cannot be a second one, sent before the STOP
    old_confirmation = Message.objects.create(
        practice=camille.practice, coachee=camille, direction="out", status="queued",
        provider="twilio", body="vieux", kind="stop_confirmation",
        created_at=camille.consent_changed_at.replace(year=2020),
    )  # fmt: skip
    deliver_message.enqueue(old_confirmation.pk)

    tasks()  # retries, queued tasks and the confirmation all run

    assert [sent["Body"] for sent in twilio.sent] == [
        "Vous ne recevrez plus de SMS de alice. Pour reprendre, répondez START."
    ]
    for message in (queued, retrying, stuck, sneaky, old_confirmation):
        message.refresh_from_db()
        assert message.status == "failed" and message.error_code == "opted_out", message.body
    # HELP from an opted-out person gets no answer either
    receive(client, camille, "HELP")
    tasks()
    assert len(twilio.sent) == 1
