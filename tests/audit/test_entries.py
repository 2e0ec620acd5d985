"""Every action the issue lists leaves an entry: who, what, when, on which object."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.context import set_actor
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from ancrage.audit.events import record
from ancrage.audit.models import AuditEntry, Event
from ancrage.checkins.models import Program
from ancrage.coaching.models import Coachee, Engagement
from ancrage.consent.models import ConsentEvent
from ancrage.messaging.models import Message, ProviderAccount


def entries(event: str, **filters) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(event=event, **filters))


def test_a_coachs_sms_is_logged_as_sent_by_them_from_the_request(alice_client, alice, camille):
    response = alice_client.post(
        reverse("send", args=[camille.pk]), {"body": "Bravo pour ce devis"}
    )
    assert response.status_code == 200
    message = Message.objects.get(body="Bravo pour ce devis")
    [entry] = entries(Event.SMS_SENT)
    assert entry.actor == alice.user and entry.object_id == message.pk
    assert entry.practice_id == camille.practice_id
    assert "Bravo" not in str(entry.changes)  # the text itself is never copied


def test_delivery_moves_of_a_message_add_no_entry(alice, camille):
    message = Message.objects.create(
        practice=camille.practice,
        coachee=camille,
        direction="out",
        status="queued",
        provider="simulator",
        body="Bonjour",
        sent_by=alice,
    )
    message.status = "sent"
    message.save()
    assert len(entries(Event.SMS_SENT)) == 1
    assert not entries(Event.UPDATED, content_type__model="message")


def test_an_inbound_sms_is_logged_as_received_by_nobody(camille):
    Message.objects.create(
        practice=camille.practice,
        coachee=camille,
        direction="in",
        status="received",
        provider="simulator",
        body="Merci !",
    )
    [entry] = entries(Event.SMS_RECEIVED)
    assert entry.actor is None and entry.practice_id == camille.practice_id


def test_a_change_of_engagement_stage_names_the_coach(alice_client, alice, camille):
    engagement = camille.current_engagement()
    alice_client.post(reverse("engagement_move", args=[engagement.pk]), {"status": "closing"})
    [entry] = entries(Event.UPDATED, content_type__model="engagement")
    assert entry.actor == alice.user
    assert entry.changes_dict["status"] == ["active", "closing"]


def test_a_clients_new_name_and_number_are_logged_masked(alice, camille):
    with set_actor(alice.user):
        camille.name, camille.phone = "Camille Roux", "+33699999999"
        camille.save()
    [entry] = entries(Event.UPDATED, content_type__model="coachee")
    assert entry.actor == alice.user
    assert entry.changes_dict["name"] == ["•••", "•••"]
    assert entry.changes_dict["phone"] == ["•••", "•••"]
    assert entry.object_repr == f"coachee #{camille.pk}"
    assert "Camille" not in str(entry.changes) + entry.object_repr


def test_a_consent_change_is_logged_without_the_number(alice, camille):
    with set_actor(alice.user):
        ConsentEvent.objects.create(
            practice=camille.practice,
            phone=camille.phone,
            coachee=camille,
            opted_out=True,
            source="coach",
            detail="Asked by phone",
            actor=alice.user,
        )
    [entry] = entries(Event.CONSENT_CHANGED)
    assert entry.actor == alice.user and entry.changes_dict["opted_out"][1] in (True, "True")
    assert camille.phone not in str(entry.changes)


def test_practice_settings_are_logged(alice, practice_a):
    with set_actor(alice.user):
        practice_a.quiet_start = dt.time(21, 0)
        practice_a.save()
    [entry] = entries(Event.UPDATED, content_type__model="practice")
    assert entry.practice_id == practice_a.pk and entry.actor == alice.user
    assert "quiet_start" in entry.changes_dict


def test_provider_accounts_are_logged_without_credentials_nor_send_bookkeeping(alice, practice_a):
    with set_actor(alice.user):
        account = ProviderAccount.objects.create(
            practice=practice_a, provider="twilio", credentials="secret-blob", sender="+33700000000"
        )
    account.next_send_at = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    account.save(update_fields=["next_send_at"])  # every send does this: not an act of anyone
    [entry] = entries(Event.CREATED, content_type__model="provideraccount")
    assert "credentials" not in entry.changes_dict
    assert not entries(Event.UPDATED, content_type__model="provideraccount")


def test_programs_are_logged(alice, practice_a):
    with set_actor(alice.user):
        program = Program.objects.create(practice=practice_a, name_fr="Point", name_en="Check-in")
    [entry] = entries(Event.CREATED, content_type__model="program", object_id=program.pk)
    assert entry.actor == alice.user and entry.practice_id == practice_a.pk


def test_a_new_client_is_logged_with_the_practice(alice, practice_a):
    with set_actor(alice.user):
        coachee = Coachee.objects.create(practice=practice_a, name="Léa", phone="+33612121212")
        Engagement.objects.create(practice=practice_a, coach=alice, coachee=coachee)
    [created] = entries(Event.CREATED, content_type__model="coachee", practice=practice_a)
    assert created.changes_dict["name"] == ["", "•••"] or created.changes_dict["name"][1] == "•••"
    assert "journal" not in created.changes_dict  # a reverse relation is not a field
    assert entries(Event.CREATED, content_type__model="engagement", practice=practice_a)


def test_signing_in_is_logged(alice, client):
    response = client.post(reverse("login"), {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 302
    [entry] = entries(Event.SIGNED_IN)
    assert entry.actor == alice.user and entry.practice_id == alice.practice_id


def test_entries_cannot_be_edited_nor_deleted_from_the_app(alice, camille):
    entry = AuditEntry.objects.filter(practice=camille.practice).first()
    assert entry is not None
    entry.object_repr = "forged"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_the_admin_is_read_only(admin_user):
    model_admin = admin.site._registry[AuditEntry]
    request = RequestFactory().get("/admin/audit/auditentry/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)


def test_work_done_after_a_request_is_not_put_on_that_requests_user(alice_client, camille):
    # django-auditlog's context variable outlives the request in the same thread: an entry
    # written later by Ancrage itself (the retention task) must not name the last visitor.
    alice_client.get(reverse("coachee_list"))
    entry = record(Event.ANONYMISED, practice=camille.practice, target=camille)
    assert entry.actor is None


def test_an_entry_carries_the_request_id_of_the_log_lines(alice_client, camille):
    response = alice_client.post(reverse("send", args=[camille.pk]), {"body": "Bonjour"})
    [entry] = entries(Event.SMS_SENT)
    assert entry.cid and entry.cid == response.headers["X-Request-ID"]


def test_api_tokens_created_and_revoked_are_logged_without_the_token(alice_client, alice):
    from ancrage.api.models import ApiToken

    response = alice_client.post(reverse("api_tokens"), {"name": "Agenda"})
    assert response.status_code == 201
    token = ApiToken.objects.get(name="Agenda")
    alice_client.post(reverse("api_token_revoke", args=[token.pk]))
    [created] = entries(Event.CREATED, content_type__model="apitoken", object_id=token.pk)
    assert created.actor == alice.user and created.practice_id == alice.practice_id
    assert "digest" not in created.changes_dict and token.digest not in str(created.changes)
    [revoked] = entries(Event.UPDATED, content_type__model="apitoken", object_id=token.pk)
    assert "revoked_at" in revoked.changes_dict


def test_a_coachs_new_role_is_logged(alice, practice_a):
    from ancrage.coaching.models import Coach

    with set_actor(alice.user):
        alice.role = Coach.Role.OWNER if alice.role != Coach.Role.OWNER else Coach.Role.COACH
        alice.save()
    [entry] = entries(Event.UPDATED, content_type__model="coach", object_id=alice.pk)
    assert "role" in entry.changes_dict and entry.practice_id == practice_a.pk
