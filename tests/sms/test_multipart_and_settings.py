"""Long Vonage messages in parts, and who may see or change the SMS settings."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ancrage.messaging.models import InboundPart, Message, ProviderAccount
from ancrage.messaging.services import webhook_url
from tests.conftest import client_for
from tests.fakes import FakeVonage
from tests.fakes.fake_vonage import vonage_part_params, vonage_webhook
from tests.sms.providers_e2e import CASES, post_webhook

VONAGE = CASES[1]


@pytest.fixture
def vonage(alice_client, camille):
    with FakeVonage() as fake:
        assert VONAGE.configure(alice_client, fake).status_code == 302
        yield fake


def part(practice, number, text, *, http_method="POST"):
    params = vonage_part_params(
        "33612345678", text, ref="A7", total=3, part=number, message_id=f"0A00000000000{number}"
    )
    url = webhook_url(practice, "vonage", "inbound")
    return vonage_webhook(url, params, http_method=http_method)


def test_a_long_inbound_message_is_joined_whatever_the_order_and_retries(
    vonage, client, camille, tasks
):
    texts = {1: "J'ai envoyé trois devis ", 2: "et deux sont acceptés, ", 3: "merci pour tout !"}
    for number in (3, 1, 3, 2, 1):  # out of order, with provider retries
        assert (
            post_webhook(client, part(camille.practice, number, texts[number])).status_code == 200
        )
    assert not Message.objects.exists()  # nothing half-joined in the thread
    tasks()
    [message] = Message.objects.filter(coachee=camille)
    assert message.body == texts[1] + texts[2] + texts[3]
    assert InboundPart.objects.count() == 3


def test_vonage_get_webhooks_are_accepted(vonage, client, camille, tasks):
    for number, text in ((1, "a"), (2, "b"), (3, "c")):
        response = post_webhook(client, part(camille.practice, number, text, http_method="GET"))
        assert response.status_code == 200
    tasks()
    assert Message.objects.get().body == "abc"


def test_a_missing_part_does_not_hold_the_others_forever(vonage, client, camille):
    import datetime as dt

    from django.utils import timezone

    from ancrage.messaging.chores import sweep_once

    post_webhook(client, part(camille.practice, 1, "début "))
    post_webhook(client, part(camille.practice, 3, " fin"))
    sweep_once(timezone.now() + dt.timedelta(minutes=11))
    assert Message.objects.get().body == "début […] fin"


def test_a_coach_sees_the_settings_but_only_the_owner_changes_them(bob, alice, practice_a):
    page = client_for(bob).get(reverse("sms_settings"))
    html = page.content.decode()
    assert (
        page.status_code == 200 and practice_a.webhook_token in html and "<form method" not in html
    )
    response = client_for(bob).post(
        reverse("sms_account_save", args=["twilio"]), {"twilio-account_sid": "AC1"}
    )
    assert response.status_code == 403 and not ProviderAccount.objects.exists()
    assert client_for(bob).post(reverse("sms_quiet_hours"), {}).status_code == 403
    assert client_for(bob).post(reverse("sms_account_test", args=["twilio"])).status_code == 403


def test_another_practice_never_sees_or_changes_these_settings(
    vonage, charlie_client, practice_a, practice_b
):
    html = charlie_client.get(reverse("sms_settings")).content.decode()
    assert practice_a.webhook_token not in html and practice_b.webhook_token in html
    assert "fakekey1" not in html
    charlie_client.post(reverse("sms_account_test", args=["vonage"]))  # charlie has none: 404
    account = ProviderAccount.objects.get(practice=practice_a)
    assert account.last_check_at is None
    assert charlie_client.post(reverse("sms_account_test", args=["vonage"])).status_code == 404


def test_an_unknown_provider_in_the_url_is_404(alice_client):
    assert alice_client.post(reverse("sms_account_save", args=["pigeon"])).status_code == 404


def test_a_secret_left_blank_keeps_the_stored_one(vonage, alice_client, practice_a):
    data = VONAGE.form_data(vonage, api_secret="", signature_secret="", max_per_minute="30")
    assert alice_client.post(reverse("sms_account_save", args=["vonage"]), data).status_code == 302
    from ancrage.messaging.accounts import stored_config

    account = ProviderAccount.objects.get(practice=practice_a)
    assert account.max_per_minute == 30
    assert stored_config(account)["api_secret"] == vonage.config()["api_secret"]


def test_switching_off_a_provider_goes_back_to_the_simulator(vonage, alice_client, practice_a):
    data = VONAGE.form_data(vonage)
    del data["vonage-use_to_send"]
    alice_client.post(reverse("sms_account_save", args=["vonage"]), data)
    practice_a.refresh_from_db()
    assert practice_a.sms_provider == "simulator"


def test_the_admin_stores_credentials_encrypted_and_never_shows_them(
    admin_client, practice_a, camille
):
    response = admin_client.post(
        reverse("admin:messaging_provideraccount_add"),
        {
            "practice": practice_a.pk, "provider": "twilio", "sender": "+33939000000",
            "max_per_minute": "60", "is_active": "on",
            "new_credentials": '{"account_sid": "AC9", "auth_token": "tres-secret"}',
        },
    )  # fmt: skip
    assert response.status_code == 302
    account = ProviderAccount.objects.get(practice=practice_a)
    assert "tres-secret" not in account.credentials
    from ancrage.messaging.services import provider_for

    assert provider_for(practice_a, "twilio").config["auth_token"] == "tres-secret"
    page = admin_client.get(reverse("admin:messaging_provideraccount_change", args=[account.pk]))
    assert "tres-secret" not in page.content.decode()


def test_the_benchmark_view_exists_only_when_asked_for(client, db):
    from django.conf import settings

    assert not settings.BENCH_VIEWS
    assert client.post("/bench/bare").status_code == 404


def test_a_receipt_for_any_part_of_a_long_outbound_message_finds_it(
    vonage, alice_client, client, camille, tasks
):
    alice_client.post(reverse("send", args=[camille.pk]), {"body": "a" * 200})  # 2 parts
    tasks()
    message = Message.objects.get(coachee=camille, direction="out")
    assert message.status == "sent" and message.segments == 2
    second = message.part_ids.get().provider_message_id
    report = VONAGE.status(camille.practice, second, "delivered")
    assert post_webhook(client, report).status_code == 200
    message.refresh_from_db()
    assert message.status == "delivered"
