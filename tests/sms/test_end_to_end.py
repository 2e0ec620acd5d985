"""Each real provider end to end: configured from the settings page, real SDK, real HTTP to a
local fake, signed webhooks through the real URL. Nothing is mocked inside the app."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from ancrage.coaching.models import Coachee
from ancrage.messaging.models import Message, ProviderAccount, WebhookEvent
from tests.sms.providers_e2e import CASES, post_webhook


@pytest.fixture(params=CASES, ids=lambda case: case.code)
def case(request):
    return request.param


@pytest.fixture
def fake(case):
    server = case.start()
    yield server
    server.stop()


@pytest.fixture
def configured(case, fake, alice_client, camille):
    response = case.configure(alice_client, fake)
    assert response.status_code == 302, response.content.decode().split("<main>")[1][:3000]
    return case


def test_the_owner_connects_an_account_and_the_credentials_are_encrypted(
    configured, fake, alice_client, practice_a
):
    account = ProviderAccount.objects.get(practice=practice_a, provider=configured.code)
    practice_a.refresh_from_db()
    assert practice_a.sms_provider == configured.code and account.is_active
    secret = next(
        v for k, v in fake.config().items() if "secret" in k or k in {"auth_token", "password"}
    )
    assert secret not in account.credentials  # encrypted at rest
    page = alice_client.get(reverse("sms_settings")).content.decode()
    assert secret not in page  # never shown back
    assert f"/webhooks/{configured.code}/{practice_a.webhook_token}/" in page


def test_test_connection_calls_the_provider_and_shows_the_result(configured, fake, alice_client):
    response = alice_client.post(reverse("sms_account_test", args=[configured.code]), follow=True)
    account = ProviderAccount.objects.get(provider=configured.code)
    assert account.last_check_ok is True
    assert (
        "Connexion OK" in response.content.decode() or "Connection OK" in response.content.decode()
    )
    assert fake.requests  # a real HTTP call reached the fake


def test_wrong_credentials_fail_the_connection_test_in_plain_words(
    case, fake, alice_client, camille
):
    wrong = {"twilio": "auth_token", "vonage": "api_secret", "android": "password"}[case.code]
    case.configure(alice_client, fake, **{wrong: "not-the-right-one"})
    alice_client.post(reverse("sms_account_test", args=[case.code]))
    account = ProviderAccount.objects.get(provider=case.code)
    assert account.last_check_ok is False and "identifiants" in account.last_check_message.lower()


def test_a_coach_message_goes_out_through_the_sdk_and_comes_back_delivered(
    configured, fake, alice_client, camille, tasks, client
):
    alice_client.post(reverse("send", args=[camille.pk]), {"body": "Qu'attends-tu de jeudi ?"})
    tasks()
    assert configured.sent_bodies(fake) == ["Qu'attends-tu de jeudi ?"]
    message = Message.objects.get(coachee=camille, direction="out")
    assert message.status == "sent" and message.provider == configured.code
    report = configured.status(camille.practice, message.provider_message_id, "delivered")
    assert post_webhook(client, report).status_code == 200
    message.refresh_from_db()
    assert message.status == "delivered" and message.delivered_at


def test_a_late_sent_report_never_overwrites_delivered(
    configured, fake, alice_client, camille, tasks, client
):
    alice_client.post(reverse("send", args=[camille.pk]), {"body": "Bravo pour ce devis"})
    tasks()
    message = Message.objects.get(coachee=camille, direction="out")
    for status in ("delivered", "sent"):
        report = configured.status(camille.practice, message.provider_message_id, status)
        assert post_webhook(client, report).status_code == 200
    message.refresh_from_db()
    assert message.status == "delivered"


def test_a_reply_lands_in_the_thread(configured, alice_client, camille, client):
    request = configured.inbound(camille.practice, camille.phone, "J'ai envoyé 3 devis !")
    assert post_webhook(client, request).status_code == 200
    html = alice_client.get(reverse("coachee_detail", args=[camille.pk])).content.decode()
    assert "J&#x27;ai envoyé 3 devis !" in html


def test_an_unknown_sender_becomes_an_unknown_coachee(configured, practice_a, client):
    request = configured.inbound(practice_a, "+33745678901", "Bonjour, c'est Paul")
    assert post_webhook(client, request).status_code == 200
    coachee = Coachee.objects.get(practice=practice_a, phone="+33745678901")
    assert coachee.is_unknown and coachee.messages.get().body == "Bonjour, c'est Paul"


def test_a_webhook_replayed_ten_times_gives_one_message(configured, camille, client):
    request = configured.inbound(camille.practice, camille.phone, "Merci")
    for _ in range(10):
        assert post_webhook(client, request).status_code == 200
    assert Message.objects.filter(body="Merci").count() == 1
    assert WebhookEvent.objects.get(provider=configured.code).duplicates == 9


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_from_several_threads_give_one_message(configured, camille):
    request = configured.inbound(camille.practice, camille.phone, "En même temps")

    def deliver(_):
        try:
            return post_webhook(Client(), request).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        codes = list(pool.map(deliver, range(12)))
    assert codes == [200] * 12
    assert Message.objects.filter(body="En même temps").count() == 1


@pytest.mark.parametrize("signature", ["", "forged0123456789abcdef"])
def test_a_forged_or_unsigned_webhook_is_refused_and_nothing_is_stored(
    configured, camille, client, signature, caplog
):
    request = configured.inbound(camille.practice, camille.phone, "Faux", signature=signature)
    assert post_webhook(client, request).status_code == 403
    assert not WebhookEvent.objects.exists() and not Message.objects.exists()
    assert "rejected" in caplog.text


def test_a_webhook_for_a_provider_the_practice_never_configured_is_404(case, camille, client):
    fake = case.start()
    try:
        request = case.inbound(camille.practice, camille.phone, "x")
    finally:
        fake.stop()
    assert post_webhook(client, request).status_code == 404
    assert not Message.objects.exists()


def test_a_provider_answering_500_is_retried_then_the_failure_is_visible(
    configured, fake, alice_client, camille, tasks, settings
):
    settings.SMS_RETRY_BASE_SECONDS = 0  # retries due at once: one worker batch runs them all
    fake.fail_with_server_error(times=100)
    alice_client.post(reverse("send", args=[camille.pk]), {"body": "Tu es là ?"})
    tasks()
    message = Message.objects.get(coachee=camille, direction="out")
    assert message.status == "failed" and message.attempts == 5
    assert len(fake.requests) == 5
    html = alice_client.get(reverse("thread", args=[camille.pk])).content.decode()
    assert "a échoué à chaque essai" in html


def test_a_provider_recovering_after_500s_sends_once(
    configured, fake, alice_client, camille, tasks, settings
):
    settings.SMS_RETRY_BASE_SECONDS = 0
    fake.fail_with_server_error(times=2)
    alice_client.post(reverse("send", args=[camille.pk]), {"body": "Et maintenant ?"})
    tasks()
    assert configured.sent_bodies(fake) == ["Et maintenant ?"]
    assert Message.objects.get(coachee=camille, direction="out").status == "sent"
