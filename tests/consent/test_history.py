"""Every consent change is recorded (who, when, how) and shown on the coachee's page,
in French and English, and read-only in the admin; existing opt-outs are carried over."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ancrage.coaching.models import Coachee
from ancrage.consent.models import ConsentEvent, PhoneConsent
from ancrage.consent.services import Source, is_opted_out, record_opt_out
from tests.sms.providers_e2e import CASES, post_webhook

TWILIO = CASES[0]
EN = {"accept-language": "en"}


def receive(client, coachee, body):
    assert post_webhook(client, TWILIO.inbound(coachee.practice, coachee.phone, body)).status_code
    coachee.refresh_from_db()


def page(client, coachee, **headers):
    return client.get(reverse("coachee_detail", args=[coachee.pk]), headers=headers)


def test_stop_then_start_are_both_recorded_with_how_and_through_what(twilio, client, camille):
    receive(client, camille, "Stop svp")
    receive(client, camille, "START")
    start, stop = ConsentEvent.objects.all()
    assert (stop.opted_out, stop.source, stop.provider) == (True, "sms_keyword", "twilio")
    assert stop.detail == 'SMS "Stop svp" (twilio)' and stop.coachee == camille
    assert stop.message.body == "Stop svp"
    assert (start.opted_out, start.source, start.message.body) == (False, "sms_keyword", "START")


def test_a_second_stop_records_no_second_change(twilio, client, camille):
    receive(client, camille, "STOP")
    receive(client, camille, "ARRÊT")
    assert ConsentEvent.objects.count() == 1


def test_a_provider_report_is_recorded_as_such(camille):
    from ancrage.messaging.optout import opt_out_reported_by_provider

    opt_out_reported_by_provider(camille, "twilio", "21610")
    [event] = ConsentEvent.objects.all()
    assert (event.source, event.provider, event.detail) == (
        "provider_report",
        "twilio",
        "twilio 21610",
    )
    camille.refresh_from_db()
    assert camille.consent_source == "twilio 21610"


def test_the_history_is_on_the_coachee_page_in_french_and_english(
    twilio, client, alice_client, camille
):
    receive(client, camille, "STOP merci")
    receive(client, camille, "START")
    french = page(alice_client, camille).content.decode()
    assert "Consentement SMS" in french
    assert "Désinscrit (STOP)" in french and "Réinscrit (START)" in french
    assert "Mot-clé SMS" in french and "STOP merci" in french
    english = page(alice_client, camille, **EN).content.decode()
    assert "SMS consent" in english
    assert "Opted out (STOP)" in english and "Opted back in (START)" in english
    assert "SMS keyword" in english


def test_a_number_that_never_opted_out_says_so(alice_client, camille):
    assert "Ce numéro ne s'est jamais désinscrit." in page(alice_client, camille).content.decode()
    english = page(alice_client, camille, **EN).content.decode()
    assert "This number has never opted out." in english


def test_the_page_of_a_new_coachee_shows_the_numbers_past(twilio, client, alice_client, camille):
    receive(client, camille, "STOP")
    Coachee.objects.filter(pk=camille.pk).delete()
    newcomer = Coachee.objects.create(
        practice=camille.practice, name="Nouveau", phone=camille.phone
    )
    content = page(alice_client, newcomer).content.decode()
    assert "Désinscrit (STOP)" in content and "désinscrit (STOP)" in content


def test_another_practice_never_sees_nor_inherits_the_history(
    twilio, client, charlie_client, camille, practice_b
):
    receive(client, camille, "STOP")
    same_number = Coachee.objects.create(practice=practice_b, name="Camille", phone=camille.phone)
    assert same_number.can_receive_sms() and same_number.consent_history() == []
    assert "jamais désinscrit" in page(charlie_client, same_number).content.decode()
    assert page(charlie_client, camille).status_code == 404


@pytest.fixture
def root(db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw-root")
    client = Client()
    client.force_login(user)
    return client


def test_an_admin_opt_out_is_signed_by_whoever_did_it(root, camille):
    response = root.post(
        reverse("admin:coaching_coachee_changelist"),
        {"action": "record_opt_out", "_selected_action": [camille.pk]},
    )
    assert response.status_code == 302
    [event] = ConsentEvent.objects.all()
    assert (event.source, event.actor.username, event.opted_out) == ("admin", "root", True)
    assert not Coachee.objects.get(pk=camille.pk).can_receive_sms()


def test_consent_is_read_only_in_the_admin(root, camille):
    record_opt_out(camille.practice, camille.phone, Source.COACH, detail="asked by phone")
    change = root.get(reverse("admin:coaching_coachee_change", args=[camille.pk]))
    assert change.status_code == 200
    assert 'name="consent"' not in change.content.decode()
    assert "asked by phone" in change.content.decode()
    event = ConsentEvent.objects.get()
    for name in ("consentevent", "phoneconsent"):
        assert root.get(reverse(f"admin:consent_{name}_add")).status_code == 403
    delete = reverse("admin:consent_consentevent_delete", args=[event.pk])
    assert root.post(delete, {"post": "yes"}).status_code == 403
    assert ConsentEvent.objects.count() == 1


def test_existing_opt_outs_are_carried_over_to_their_number(camille):
    Coachee.objects.filter(pk=camille.pk).update(
        consent="opted_out", consent_source='SMS "Stop." (twilio)'
    )
    migration = importlib.import_module("ancrage.consent.migrations.0002_carry_over_opt_outs")
    migration.carry_over(apps, None)
    migration.carry_over(apps, None)  # run twice: nothing doubled
    assert is_opted_out(camille.practice, camille.phone)
    assert PhoneConsent.objects.count() == 1
    [event] = ConsentEvent.objects.all()
    assert (event.source, event.detail) == ("import", 'SMS "Stop." (twilio)')
