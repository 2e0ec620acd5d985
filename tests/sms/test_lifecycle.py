"""Outbound lifecycle through Twilio's SDK: retries, permanent errors, interrupted sends, rate."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ancrage.messaging.chores import sweep_once
from ancrage.messaging.models import Message, ProviderAccount
from ancrage.messaging.services import queue_message
from tests.conftest import client_for


def send(client, coachee, body, **extra):
    return client.post(reverse("send", args=[coachee.pk]), {"body": body, **extra})


def test_server_errors_are_retried_then_the_message_goes(twilio, alice_client, camille, tasks):
    twilio.fail_with_server_error(times=2)
    send(alice_client, camille, "Où en sont tes devis ?")
    tasks()
    message = Message.objects.get(coachee=camille)
    assert message.status == "sent" and message.attempts == 3 and not message.error_code
    assert len(twilio.sent) == 1


def test_a_provider_that_keeps_failing_gives_a_visible_failure(
    twilio, alice_client, camille, tasks
):
    twilio.fail_with_server_error(times=50)
    send(alice_client, camille, "Toujours là ?")
    tasks()
    message = Message.objects.get(coachee=camille)
    assert message.status == "failed" and message.attempts == 5
    html = alice_client.get(reverse("thread", args=[camille.pk])).content.decode()
    assert "a échoué à chaque essai" in html


def test_rate_limits_are_retried(twilio, alice_client, camille, tasks):
    twilio.rate_limit(times=1)
    send(alice_client, camille, "Un point rapide ?")
    tasks()
    assert Message.objects.get(coachee=camille).status == "sent"


def test_a_permanent_error_is_never_retried_and_is_explained_in_french_and_english(
    twilio, alice_client, camille, tasks
):
    twilio.reject_with("21211")
    send(alice_client, camille, "Bonjour")
    tasks()
    message = Message.objects.get(coachee=camille)
    assert message.status == "failed" and message.attempts == 1 and message.error_code == "21211"
    assert len(twilio.requests) == 1
    html = alice_client.get(reverse("thread", args=[camille.pk])).content.decode()
    assert "Ce numéro de téléphone n&#x27;est pas valide." in html
    alice_client.cookies["django_language"] = "en"
    html = alice_client.get(reverse("thread", args=[camille.pk])).content.decode()
    assert "This phone number is not valid." in html


def test_twilio_21610_at_send_time_opts_the_coachee_out(twilio, alice_client, camille, tasks):
    twilio.reject_with("21610")
    send(alice_client, camille, "Bonjour")
    tasks()
    camille.refresh_from_db()
    assert not camille.can_receive_sms() and "21610" in camille.consent_source
    assert Message.objects.get(coachee=camille).status == "failed"
    assert len(twilio.requests) == 1  # no confirmation: Twilio would refuse it anyway


def test_a_message_stuck_in_sending_is_never_resent_blindly(twilio, alice_client, camille, tasks):
    message = queue_message(camille, "Envoyé ?")
    Message.objects.filter(pk=message.pk).update(
        status="sending", claimed_at=timezone.now() - dt.timedelta(hours=1)
    )
    tasks()  # the queued task finds it past `queued`: nothing sent
    assert sweep_once()["needs_check"] == 1
    message.refresh_from_db()
    assert message.status == "needs_check" and not twilio.sent
    html = alice_client.get(reverse("thread", args=[camille.pk])).content.decode()
    assert "Vérifiez avant de le renvoyer" in html and 'value="resend"' in html


def test_the_coach_marks_a_checked_message_as_sent(twilio, alice_client, camille):
    message = queue_message(camille, "Envoyé ?")
    Message.objects.filter(pk=message.pk).update(status="needs_check")
    alice_client.post(reverse("message_resolve", args=[message.pk]), {"action": "mark_sent"})
    message.refresh_from_db()
    assert message.status == "sent" and not twilio.sent


def test_the_coach_sends_a_checked_message_again_exactly_once(twilio, alice_client, camille, tasks):
    message = queue_message(camille, "Envoyé ?")
    Message.objects.filter(pk=message.pk).update(status="needs_check")
    for _ in range(2):  # a double click
        alice_client.post(reverse("message_resolve", args=[message.pk]), {"action": "resend"})
    tasks()
    message.refresh_from_db()
    assert message.status == "sent" and len(twilio.sent) == 1


def test_a_slow_provider_answering_after_the_sweep_still_records_the_send(twilio, camille):
    from ancrage.messaging.dispatch import mark_sent
    from ancrage.messaging.providers.base import SendResult

    message = queue_message(camille, "Lent")
    Message.objects.filter(pk=message.pk).update(status="needs_check")
    mark_sent(message, SendResult(provider_message_id="SMlate"))
    message.refresh_from_db()
    assert message.status == "sent" and message.provider_message_id == "SMlate"


def test_a_coach_of_another_practice_cannot_resolve_a_message(twilio, charlie, camille):
    message = queue_message(camille, "Envoyé ?")
    Message.objects.filter(pk=message.pk).update(status="needs_check")
    response = client_for(charlie).post(
        reverse("message_resolve", args=[message.pk]), {"action": "mark_sent"}
    )
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.status == "needs_check"


def test_the_send_rate_per_number_spaces_messages(twilio, practice_a, camille, tasks):
    ProviderAccount.objects.filter(practice=practice_a).update(max_per_minute=2)
    for n in range(3):
        queue_message(camille, f"Message {n}")
    tasks()
    assert len(twilio.sent) == 1  # the next ones wait for their slot, 30 s apart
    account = ProviderAccount.objects.get(practice=practice_a)
    ahead = account.next_send_at - timezone.now()
    assert dt.timedelta(seconds=25) < ahead <= dt.timedelta(seconds=31)
    tasks()  # the bucket is in the database: any worker sees the same clock
    assert len(twilio.sent) == 1 and Message.objects.filter(status="queued").count() == 2
    ProviderAccount.objects.filter(pk=account.pk).update(next_send_at=timezone.now())
    tasks()  # 30 s later (the clock moved by hand): one more, oldest first
    assert [sent["Body"] for sent in twilio.sent] == ["Message 0", "Message 1"]


def test_a_stale_automated_message_is_dropped(twilio, camille, tasks):
    from ancrage.messaging.services import queue_automated

    message = queue_automated(camille, "Check-in : ton chiffre de la semaine ?")
    Message.objects.filter(pk=message.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    tasks()
    message.refresh_from_db()
    assert message.status == "failed" and message.error_code == "expired" and not twilio.sent


def test_segments_sent_this_month_are_shown_on_the_settings_page(
    twilio, alice_client, camille, tasks
):
    send(alice_client, camille, "a" * 200)  # 2 parts in GSM-7
    tasks()
    html = alice_client.get(reverse("sms_settings")).content.decode()
    assert "2 SMS envoyés" in html or "2 SMS sent" in html


def test_a_queued_message_needs_no_task_row_and_the_sweep_enqueues_nothing(twilio, camille, tasks):
    from django_tasks_db.models import DBTaskResult

    message = queue_message(camille, "Perdu ?")
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    assert not DBTaskResult.objects.exists()  # the Message row is the queue
    sweep_once()
    sweep_once()  # however often it runs, the sweep adds no work to the task table
    assert not DBTaskResult.objects.exists()
    tasks()
    message.refresh_from_db()
    assert message.status == "sent" and len(twilio.sent) == 1


def test_a_group_of_results_is_recorded_whatever_reports_came_first(twilio, camille):
    """One write for a whole group (PostgreSQL) must do what one write per SMS did."""
    from ancrage.messaging.dispatch import Outcome, mark_all_sent
    from ancrage.messaging.providers.base import SendResult

    sending, reported, known = (queue_message(camille, text) for text in ("A", "B", "C"))
    Message.objects.filter(pk=sending.pk).update(status="sending", error_code="network")
    Message.objects.filter(pk=reported.pk).update(status="delivered")  # the report raced ahead
    Message.objects.filter(pk=known.pk).update(status="delivered", provider_message_id="SMold")
    with transaction.atomic():
        mark_all_sent(
            [
                Outcome(sending, SendResult("SMa", segments=2)),
                Outcome(reported, SendResult("SMb")),
                Outcome(known, SendResult("SMc")),
            ]
        )
    rows = {m.body: m for m in Message.objects.filter(pk__in=[sending.pk, reported.pk, known.pk])}
    assert (rows["A"].status, rows["A"].provider_message_id, rows["A"].segments) == (
        "sent", "SMa", 2,
    )  # fmt: skip
    assert rows["A"].error_code == "" and rows["A"].sent_at is not None
    assert (rows["B"].status, rows["B"].provider_message_id) == ("delivered", "SMb")
    assert (rows["C"].status, rows["C"].provider_message_id) == ("delivered", "SMold")
