"""The webhook's fast path (issue 14): one write for a plain SMS, checked against the
cached sender; SQLite's group commit; the middleware a webhook skips and what it keeps."""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ancrage.audit.models import AuditEntry
from ancrage.coaching.models import Coachee, Engagement
from ancrage.messaging import fastpath, inbound, webhooks
from ancrage.messaging.models import Message, WebhookEvent
from ancrage.messaging.services import webhook_url
from ancrage.privacy.erase import erase_coachee
from tests.fakes.fake_twilio import twilio_inbound_params, twilio_webhook
from tests.sms.providers_e2e import post_webhook
from tests.sms.webhook_accounts import configure_webhooks

CAMILLE = "+33612345678"
sqlite_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="SQLite's group commit"
)


@pytest.fixture
def hooks(practice_a, camille):
    return configure_webhooks(practice_a)


def sms(practice, text: str, sid: str, sender: str = CAMILLE, **extra: str):
    params = {**twilio_inbound_params(sender, text, sid=sid), **extra}
    return twilio_webhook(webhook_url(practice, "twilio", "inbound"), params)


def post(client: Client, request, **headers: str):
    return post_webhook(client, request) if not headers else post_with(client, request, headers)


def post_with(client: Client, request, headers: dict[str, str]):
    merged = {k: v for k, v in request.headers.items() if k != "content-type"} | headers
    path = request.url.split("/webhooks/", 1)[1]
    return client.generic(
        "POST", "/webhooks/" + path, request.body, content_type=request.headers["content-type"],
        headers=merged,
    )  # fmt: skip


# -- one write ---------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_a_plain_sms_from_a_known_number_is_one_write(hooks, camille, client):
    assert post(client, sms(hooks, "Bonjour", "SMwarm")).status_code == 200  # caches Camille
    with CaptureQueriesContext(connection) as queries:
        assert post(client, sms(hooks, "J'ai fini le devis", "SMone")).status_code == 200
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    if connection.vendor == "postgresql":
        assert statements == ["WITH"]  # both INSERTs, committed on their own
    else:  # a group of one
        assert statements == ["BEGIN", "INSERT", "INSERT", "COMMIT"]
    message = Message.objects.get(provider_message_id="SMone")
    assert (message.coachee, message.engagement) == (camille, camille.current_engagement())
    assert (message.direction, message.status, message.encoding, message.segments) == (
        "in", "received", "GSM-7", 1,
    )  # fmt: skip
    event = WebhookEvent.objects.get(body__contains="SMone")
    assert event.processed_at and not event.error and event.duplicates == 0


postgres_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL's plans"
)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgresql_plans_the_plain_sms_statement_once_per_connection(hooks, camille, client):
    for n in range(7):  # psycopg prepares a statement from its 5th run on a connection
        assert post(client, sms(hooks, f"Devis {n} envoyé", f"SMprep{n}")).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert [s for s in prepared if s.startswith("WITH event AS")], prepared
    assert Message.objects.filter(provider_message_id__startswith="SMprep").count() == 7


def stored_fields(message: Message) -> tuple:
    return (
        message.practice_id, message.coachee_id, message.engagement_id, message.direction,
        message.body, message.status, message.kind, message.provider, message.encoding,
        message.segments, message.handled_at, message.error_code, message.attempts,
    )  # fmt: skip


def test_the_fast_path_stores_what_the_general_path_stores(hooks, client, monkeypatch):
    text = "Séance reportée à jeudi ?"  # UCS-2, one segment
    assert post(client, sms(hooks, text, "SMfast")).status_code == 200
    monkeypatch.setattr(webhooks, "_plain_sms", lambda practice, carried: None)
    assert post(client, sms(hooks, text, "SMgeneral")).status_code == 200
    fast, general = (Message.objects.get(provider_message_id=i) for i in ("SMfast", "SMgeneral"))
    assert stored_fields(fast) == stored_fields(general)
    events = WebhookEvent.objects.order_by("id")
    assert [(e.kind, e.error, e.duplicates, bool(e.processed_at)) for e in events] == [
        ("inbound", "", 0, True), ("inbound", "", 0, True),
    ]  # fmt: skip


def test_a_retry_of_a_plain_sms_is_counted_never_stored_twice(hooks, client):
    request = sms(hooks, "Merci !", "SMretry")
    for _ in range(3):
        assert post(client, request).status_code == 200
    resent = sms(hooks, "Merci !", "SMretry", ApiVersion="2010-04-02")  # another payload
    assert post(client, resent).status_code == 200
    assert Message.objects.filter(provider_message_id="SMretry").count() == 1
    assert sorted(WebhookEvent.objects.values_list("duplicates", flat=True)) == [0, 2]


def test_a_keyword_still_takes_the_general_path(hooks, camille, client):
    assert post(client, sms(hooks, "Bonjour", "SMwarm")).status_code == 200
    assert post(client, sms(hooks, "STOP", "SMstop")).status_code == 200
    camille.refresh_from_db()
    assert not camille.can_receive_sms()


# -- the cache never routes an SMS to the wrong person -----------------------------------------
def test_a_number_given_to_another_client_reaches_the_new_one_at_once(
    hooks, camille, alice, client
):
    assert post(client, sms(hooks, "Bonjour", "SM1")).status_code == 200  # Camille, cached
    Coachee.objects.filter(pk=camille.pk).update(phone="+33699999999")
    dominique = Coachee.objects.create(practice=hooks, name="Dominique", phone=CAMILLE)
    assert post(client, sms(hooks, "C'est Dominique", "SM2")).status_code == 200
    assert Message.objects.get(provider_message_id="SM2").coachee == dominique


def test_a_new_engagement_gets_the_next_sms_at_once(hooks, camille, alice, client):
    assert post(client, sms(hooks, "Bonjour", "SM1")).status_code == 200
    later = Engagement.objects.create(
        practice=hooks, coach=alice, coachee=camille, status="intake",
        started_on=timezone.localdate() + dt.timedelta(days=1),
    )  # fmt: skip
    assert post(client, sms(hooks, "On recommence", "SM2")).status_code == 200
    assert Message.objects.get(provider_message_id="SM2").engagement == later


def test_an_erased_client_never_receives_the_next_sms_of_their_old_number(hooks, camille, client):
    assert post(client, sms(hooks, "Bonjour", "SM1")).status_code == 200  # Camille, cached
    erase_coachee(camille)
    assert post(client, sms(hooks, "Toujours là ?", "SM2")).status_code == 200
    message = Message.objects.get(provider_message_id="SM2")
    assert message.coachee != camille and message.coachee.is_unknown
    assert message.coachee.phone == CAMILLE


# -- failures ----------------------------------------------------------------------------------
def test_a_crash_in_the_fast_write_is_a_500_with_the_payload_kept(hooks, client, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(inbound, "record_plain_inbound", crash)
    response = post(client, sms(hooks, "Bonjour", "SMcrash"))
    assert response.status_code == 500 and response["X-Request-ID"] in response.content.decode()
    assert WebhookEvent.objects.get().error == "RuntimeError: disk on fire"
    assert not Message.objects.exists()


# -- SQLite: group commit ----------------------------------------------------------------------
def pending(practice, coachee, sid: str, body: str | None = "Salut") -> fastpath._Pending:
    now = timezone.now()
    raw = {
        "practice": practice, "provider": "twilio", "kind": "inbound", "url": "u",
        "method": "POST", "headers": {}, "body": sid, "digest": sid,
    }  # fmt: skip
    fields = {
        "practice_id": practice.pk, "coachee_id": coachee.pk, "engagement_id": None,
        "body": body, "provider": "twilio", "provider_message_id": sid, "encoding": "GSM-7",
        "segments": 1, "created_at": now, "phone": coachee.phone,
    }  # fmt: skip
    return fastpath._Pending(*fastpath._plain_values(raw, fields, now))


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_row_that_fails_in_a_group_fails_alone(practice_a, camille):
    stranger = Coachee(pk=camille.pk, practice=practice_a, phone="+33600000000")
    group = [
        pending(practice_a, camille, "SMa"),
        pending(practice_a, camille, "SMbad", body=None),  # NOT NULL: fails
        pending(practice_a, stranger, "SMgone"),  # not this coachee's number: not written
        pending(practice_a, camille, "SMb"),
    ]
    fastpath._write_group(group)
    assert all(item.done for item in group)
    assert isinstance(group[1].error, IntegrityError)
    assert group[2].error is None and group[2].written is None
    assert sorted(Message.objects.values_list("provider_message_id", flat=True)) == ["SMa", "SMb"]
    assert WebhookEvent.objects.count() == 2


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_webhooks_from_many_threads_are_each_stored_once(hooks):
    requests = [sms(hooks, f"Message {n}", f"SM{n:03d}") for n in range(60)]
    failures: list[int] = []

    def send(batch: list) -> None:
        client = Client()
        try:
            for request in batch:
                for _ in range(2):  # each one twice: the provider's retry
                    if post(client, request).status_code != 200:
                        failures.append(1)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=send, args=(requests[n::6],)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert Message.objects.count() == 60
    assert WebhookEvent.objects.count() == 60
    assert set(WebhookEvent.objects.values_list("duplicates", flat=True)) == {1}


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_the_turn_file_is_private_and_beside_the_database(hooks, client):
    assert post(client, sms(hooks, "Bonjour", "SM1")).status_code == 200
    path = fastpath.turn_file_path()
    assert path and os.path.dirname(path) == os.path.dirname(connection.settings_dict["NAME"])
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


# -- the middleware a webhook skips, and what it keeps ------------------------------------------
def test_a_webhook_answers_without_the_middleware_made_for_people(hooks, client):
    response = post(client, sms(hooks, "Bonjour", "SM1"))
    assert response.status_code == 200 and response.content == b"ok"
    assert response["X-Request-ID"] and response["Content-Length"] == "2"
    assert response["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware: kept
    for header in ("Content-Security-Policy", "Set-Cookie", "Vary", "X-Frame-Options"):
        assert header not in response
    assert "Content-Security-Policy" in client.get("/login/")


def test_a_path_under_webhooks_that_is_no_webhook_goes_through_everything(hooks, client):
    url = webhook_url(hooks, "twilio", "inbound").split("/webhooks/", 1)[1]
    response = client.post(f"/webhooks/{url}/extra")
    assert response.status_code == 404 and "Content-Security-Policy" in response


@pytest.mark.parametrize(("accept", "name"), [("", "Inconnu"), ("en", "Unknown")])
def test_a_new_number_is_named_in_the_language_the_locale_middleware_picked(
    hooks, client, accept, name
):
    headers = {"Accept-Language": accept} if accept else {}
    request = sms(hooks, "Bonjour", "SMnew", sender="+33611111111")
    assert post(client, request, **headers).status_code == 200
    assert Coachee.objects.get(phone="+33611111111").name.startswith(name)


def test_audit_entries_written_by_a_webhook_carry_its_address_and_request_id(hooks, client):
    response = post(client, sms(hooks, "Bonjour", "SMnew", sender="+33611111111"))
    entry = creation_of(Coachee.objects.get(phone="+33611111111"))
    assert entry.remote_addr == "127.0.0.1" and entry.actor is None
    assert entry.cid == response["X-Request-ID"]
    later = Coachee.objects.create(practice=hooks, name="Hors requête", phone="+33622222222")
    assert creation_of(later).remote_addr is None


def creation_of(coachee: Coachee) -> AuditEntry:
    return AuditEntry.objects.get(
        object_pk=str(coachee.pk), content_type__model="coachee", action=0
    )
