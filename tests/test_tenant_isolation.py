"""A coach never sees another practice's data: every page and action answers 404."""

import pytest
from django.urls import reverse

from ancrage.coaching.models import Note
from ancrage.messaging.models import Message
from ancrage.messaging.services import simulate_inbound


@pytest.fixture
def alices_thread(camille):
    simulate_inbound(camille.practice, camille.phone, "Secret d'Alice")
    return camille


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "coachee_detail"),
        ("get", "coachee_edit"),
        ("post", "coachee_edit"),
        ("get", "thread"),
        ("post", "send"),
        ("get", "simulator"),
        ("post", "simulator"),
        ("post", "engagement_start"),
    ],
)
def test_a_coach_of_another_practice_gets_404_on_a_coachee(
    charlie_client, alices_thread, method, name
):
    url = reverse(name, args=[alices_thread.pk])
    response = getattr(charlie_client, method)(
        url, {"body": "intrusion", "name": "x", "phone": "0611223344"}
    )
    assert response.status_code == 404
    assert Message.objects.filter(body="intrusion").count() == 0


@pytest.mark.parametrize("name", ["engagement_move", "engagement_update", "note_add"])
def test_a_coach_of_another_practice_gets_404_on_an_engagement(charlie_client, alices_thread, name):
    engagement = alices_thread.current_engagement()
    response = charlie_client.post(
        reverse(name, args=[engagement.pk]), {"status": "closing", "body": "x", "intentions": "x"}
    )
    assert response.status_code == 404
    engagement.refresh_from_db()
    assert engagement.status == "active" and not Note.objects.exists()


def test_the_client_list_shows_only_the_coachs_own_practice(
    charlie_client, alice_client, alices_thread
):
    assert "Camille" not in charlie_client.get(reverse("coachee_list")).content.decode()
    assert "Camille" in alice_client.get(reverse("coachee_list")).content.decode()


def test_a_colleague_in_the_same_practice_sees_the_thread(bob, alices_thread):
    from tests.conftest import client_for

    response = client_for(bob).get(reverse("coachee_detail", args=[alices_thread.pk]))
    assert "Secret d&#x27;Alice" in response.content.decode()


def test_a_user_without_a_practice_sees_no_practice_data(db, alices_thread, django_user_model):
    from django.test import Client

    user = django_user_model.objects.create_user("eve", password="pw")
    client = Client()
    client.force_login(user)
    response = client.get(reverse("coachee_list"))
    assert response.status_code == 403 and "Camille" not in response.content.decode()


def test_pages_require_login(client, camille):
    response = client.get(reverse("coachee_detail", args=[camille.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_coach_of_another_practice_gets_404_on_a_message(charlie_client, alices_thread):
    message = Message.objects.get(coachee=alices_thread)
    Message.objects.filter(pk=message.pk).update(status="needs_check")
    response = charlie_client.post(
        reverse("message_resolve", args=[message.pk]), {"action": "resend"}
    )
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.status == "needs_check"


@pytest.mark.parametrize("provider", ["twilio", "vonage", "android"])
def test_sms_settings_only_ever_touch_the_coachs_own_practice(
    charlie_client, alices_thread, provider
):
    from ancrage.messaging.models import ProviderAccount

    alice_practice = alices_thread.practice
    page = charlie_client.get(reverse("sms_settings")).content.decode()
    assert alice_practice.webhook_token not in page
    assert charlie_client.post(reverse("sms_account_test", args=[provider])).status_code == 404
    charlie_client.post(
        reverse("sms_account_save", args=[provider]),
        {f"{provider}-account_sid": "AC1", f"{provider}-auth_token": "t", f"{provider}-sender": "+33939000000",
         f"{provider}-api_key": "k", f"{provider}-api_secret": "s", f"{provider}-signature_secret": "s",
         f"{provider}-signature_method": "sha256", f"{provider}-username": "u", f"{provider}-password": "p",
         f"{provider}-webhook_signing_key": "k", f"{provider}-max_per_minute": "60"},
    )  # fmt: skip
    assert not ProviderAccount.objects.filter(practice=alice_practice).exists()
    alice_practice.refresh_from_db()
    assert alice_practice.sms_provider == "simulator"
