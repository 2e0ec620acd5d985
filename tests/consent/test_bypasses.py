"""Issue 13.1: the four ways SMS reached the provider after a valid STOP, each closed.

Opt-out belongs to the phone number within the practice; only the person behind the
number opts back in, by SMS through the practice's own provider.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ancrage.coaching.models import Coachee
from ancrage.messaging.models import Message
from ancrage.messaging.services import CannotSend, queue_message
from ancrage.messaging.tasks import deliver_message
from tests.sms.providers_e2e import CASES, post_webhook

TWILIO = CASES[0]
CONFIRMATION = "Vous ne recevrez plus de SMS de alice. Pour reprendre, répondez START."


def receive(client, coachee, body):
    response = post_webhook(client, TWILIO.inbound(coachee.practice, coachee.phone, body))
    assert response.status_code == 200
    coachee.refresh_from_db()
    return coachee


def assert_nothing_can_reach(coachee, twilio, tasks):
    """The composer refuses, and a row queued behind the services' back fails at the gate."""
    coachee = Coachee.objects.get(pk=coachee.pk)
    assert not coachee.can_receive_sms()
    with pytest.raises(CannotSend):
        queue_message(coachee, "Bonjour !")
    sneaky = Message.objects.create(
        practice=coachee.practice, coachee=coachee, direction="out", status="queued",
        provider="twilio", body="en douce", kind="manual",
    )  # fmt: skip
    deliver_message.enqueue(sneaky.pk)
    tasks()
    sneaky.refresh_from_db()
    assert (sneaky.status, sneaky.error_code) == ("failed", "opted_out")
    assert "en douce" not in [sent["Body"] for sent in twilio.sent]


# (a) -----------------------------------------------------------------------------------------
def test_start_typed_on_the_simulator_does_not_opt_back_in_a_twilio_practice(
    twilio, client, alice_client, camille, tasks
):
    receive(client, camille, "STOP")
    response = alice_client.post(reverse("simulator", args=[camille.pk]), {"body": "START"})
    assert response.status_code == 200

    assert_nothing_can_reach(camille, twilio, tasks)
    assert [sent["Body"] for sent in twilio.sent] == [CONFIRMATION]


def test_start_from_the_phone_through_the_practices_provider_opts_back_in(
    twilio, client, camille, tasks
):
    receive(client, camille, "STOP")
    receive(client, camille, "START")
    assert camille.can_receive_sms()
    tasks()
    assert "vous recevrez à nouveau les SMS de alice" in twilio.sent[-1]["Body"]


def test_the_simulator_opts_back_in_when_the_practice_sends_through_it(
    alice_client, camille, tasks
):
    simulator = reverse("simulator", args=[camille.pk])
    alice_client.post(simulator, {"body": "STOP"})
    assert not Coachee.objects.get(pk=camille.pk).can_receive_sms()
    alice_client.post(simulator, {"body": "START"})
    assert Coachee.objects.get(pk=camille.pk).can_receive_sms()


def test_a_stop_typed_on_the_simulator_of_a_twilio_practice_opts_out_without_texting(
    twilio, alice_client, camille, tasks
):
    # Never ignore a STOP; but nobody's phone said it, so no confirmation goes out for real.
    alice_client.post(reverse("simulator", args=[camille.pk]), {"body": "STOP"})
    assert_nothing_can_reach(camille, twilio, tasks)
    assert twilio.sent == []


# (b) -----------------------------------------------------------------------------------------
def coachee_form(name, phone):
    return {
        "name": name,
        "phone": phone,
        "language": "fr",
        "timezone": "Europe/Paris",
        "consent_method": "written",
        "consent_obtained_on": "2026-12-01",
    }


def test_a_new_coachee_with_an_opted_out_number_cannot_be_texted(
    twilio, client, alice_client, camille, tasks
):
    old_number = camille.phone
    receive(client, camille, "STOP")
    edit = alice_client.post(
        reverse("coachee_edit", args=[camille.pk]), coachee_form("Camille", "06 99 88 77 66")
    )
    assert edit.status_code == 302
    create = alice_client.post(reverse("coachee_create"), coachee_form("Nouveau", "06 12 34 56 78"))
    assert create.status_code == 302
    newcomer = Coachee.objects.get(practice=camille.practice, phone=old_number)
    assert newcomer.pk != camille.pk

    assert newcomer.consent == Coachee.Consent.OPTED_OUT  # shown as STOP in the list
    assert_nothing_can_reach(newcomer, twilio, tasks)
    assert [sent["Body"] for sent in twilio.sent] == [CONFIRMATION]


def test_an_opt_out_in_one_practice_does_not_silence_the_number_in_another(
    twilio, client, camille, practice_b, tasks
):
    receive(client, camille, "STOP")
    elsewhere = Coachee.objects.create(practice=practice_b, name="Camille", phone=camille.phone)
    assert elsewhere.can_receive_sms()


# (c) -----------------------------------------------------------------------------------------
@pytest.fixture
def admin_client(db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw-root")
    client = Client()
    client.force_login(user)
    return client


def test_the_admin_cannot_flip_an_opted_out_coachee_back_in(
    twilio, client, admin_client, camille, tasks
):
    receive(client, camille, "STOP")
    source = camille.consent_source
    url = reverse("admin:coaching_coachee_change", args=[camille.pk])
    data = {
        "practice": camille.practice_id, "name": camille.name, "phone": camille.phone,
        "language": "fr", "timezone": "Europe/Paris", "consent": "opted_in",
        "consent_source": "admin", "_save": "Save",
    }  # fmt: skip
    response = admin_client.post(url, data)
    assert response.status_code == 302

    camille.refresh_from_db()
    assert camille.consent == Coachee.Consent.OPTED_OUT and camille.consent_source == source
    assert_nothing_can_reach(camille, twilio, tasks)
    assert [sent["Body"] for sent in twilio.sent] == [CONFIRMATION]


# (d) -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("body", ["stop svp", "STOP merci", "stop\u200b", "STOP 🛑"])
def test_a_polite_or_decorated_stop_opts_out_and_nothing_follows(
    twilio, client, camille, tasks, body
):
    receive(client, camille, body)
    assert camille.consent == Coachee.Consent.OPTED_OUT
    assert_nothing_can_reach(camille, twilio, tasks)
    assert [sent["Body"] for sent in twilio.sent] == [CONFIRMATION]
