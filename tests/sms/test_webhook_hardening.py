"""Webhook hardening: bad input never gives a 500, deduplication stays inside a practice,
replays are counted rather than stored again, and raw payloads expire."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from ancrage.messaging import inbound
from ancrage.messaging.chores import sweep_once
from ancrage.messaging.models import InboundPart, Message, WebhookEvent
from ancrage.messaging.providers.base import WebhookRequest
from ancrage.messaging.providers.simulator import signed_request
from ancrage.messaging.services import webhook_url
from tests.fakes.fake_android import android_webhook, received_payload
from tests.fakes.fake_twilio import twilio_inbound_params, twilio_status_params, twilio_webhook
from tests.fakes.fake_vonage import vonage_inbound_params, vonage_part_params, vonage_webhook
from tests.sms.providers_e2e import post_webhook
from tests.sms.webhook_accounts import configure_webhooks


@pytest.fixture
def alice_hooks(practice_a, camille):
    return configure_webhooks(practice_a)


@pytest.fixture
def charlie_hooks(practice_b):
    return configure_webhooks(practice_b)


def stored() -> tuple[int, int, int]:
    return WebhookEvent.objects.count(), Message.objects.count(), InboundPart.objects.count()


def raw(practice, provider: str, kind: str, body: bytes, content_type: str, **headers: str):
    url = webhook_url(practice, provider, kind)
    return WebhookRequest(url, "POST", {"content-type": content_type, **headers}, body)


def now() -> str:
    return str(int(time.time()))


# -- 4. malformed webhooks: 4xx (or 200 and a cleaned message), never a 500 ----------------
UNVERIFIABLE = {
    "vonage body not JSON": ("vonage", "inbound", b"not json", "application/json", {}),
    "vonage JSON list": ("vonage", "inbound", b"[]", "application/json", {}),
    "vonage infinite timestamp": (
        "vonage", "inbound", b'{"sig":"x","timestamp":1e999}', "application/json", {},
    ),
    "vonage huge timestamp": (
        "vonage", "status", b"sig=ab&timestamp=" + b"9" * 400, "application/x-www-form-urlencoded",
        {},
    ),
    "vonage non-ASCII sig": (
        "vonage", "inbound", b"sig=%C3%A9&timestamp=NOW", "application/x-www-form-urlencoded", {},
    ),
    "simulator non-ASCII signature": (
        "simulator", "inbound", b"MessageSid=S1&From=%2B33612345678&Body=x",
        "application/x-www-form-urlencoded", {"x-simulator-signature": "é"},
    ),
    "android non-ASCII signature": (
        "android", "events", b'{"event":"sms:received"}', "application/json",
        {"x-signature": "é", "x-timestamp": "NOW"},
    ),
    "android huge timestamp": (
        "android", "events", b"{}", "application/json",
        {"x-signature": "ab", "x-timestamp": "9" * 400},
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", UNVERIFIABLE.values(), ids=UNVERIFIABLE.keys())
def test_an_unverifiable_webhook_gets_a_4xx_and_nothing_is_stored(alice_hooks, client, case):
    provider, kind, body, content_type, headers = case
    body = body.replace(b"NOW", now().encode())
    headers = {name: value.replace("NOW", now()) for name, value in headers.items()}
    request = raw(alice_hooks, provider, kind, body, content_type, **headers)
    response = post_webhook(client, request)
    assert 400 <= response.status_code < 500
    assert stored() == (0, 0, 0)


def signed_inbound(provider: str, practice, text: str, provider_id: str = "ID1"):
    if provider == "twilio":
        params = twilio_inbound_params("+33612345678", text, sid=provider_id)
        return twilio_webhook(webhook_url(practice, "twilio", "inbound"), params)
    if provider == "vonage":
        params = vonage_inbound_params("33612345678", text, message_id=provider_id)
        return vonage_webhook(webhook_url(practice, "vonage", "inbound"), params, as_json=True)
    url = webhook_url(practice, "android", "events")
    payload = received_payload("+33612345678", text)
    return android_webhook(url, "sms:received", payload, event_id=provider_id)


@pytest.mark.parametrize("provider", ["twilio", "vonage", "android"])
def test_a_signed_sms_with_a_nul_byte_is_kept_without_it_and_says_so(
    alice_hooks, client, provider, caplog
):
    response = post_webhook(client, signed_inbound(provider, alice_hooks, "Bon\x00jour"))
    assert response.status_code == 200
    assert Message.objects.get().body == "Bonjour"
    assert "NUL" in WebhookEvent.objects.get().error
    assert "NUL" in caplog.text


def test_a_signed_vonage_part_out_of_range_is_a_400_with_its_payload_kept(alice_hooks, client):
    params = vonage_part_params(
        "33612345678", "abc", ref="R1", total=70000, part=1, message_id="P1"
    )
    request = vonage_webhook(webhook_url(alice_hooks, "vonage", "inbound"), params)
    response = post_webhook(client, request)
    assert response.status_code == 400 and "concat" in response.content.decode()
    event = WebhookEvent.objects.get()
    assert "70000" in event.body and event.error
    assert not InboundPart.objects.exists()


def test_a_signed_provider_id_too_long_to_store_is_a_400(alice_hooks, client):
    response = post_webhook(client, signed_inbound("twilio", alice_hooks, "Salut", "S" * 150))
    assert response.status_code == 400
    assert WebhookEvent.objects.get().error and not Message.objects.exists()


def test_a_crash_answers_a_plain_500_with_a_request_id_that_is_logged(
    alice_hooks, client, monkeypatch, caplog
):
    def crash(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("ancrage.messaging.inbound.record_inbound", crash)
    response = post_webhook(client, signed_inbound("twilio", alice_hooks, "Salut"))
    request_id = response["X-Request-ID"]
    assert response.status_code == 500 and request_id in response.content.decode()
    assert "disk on fire" not in response.content.decode()
    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert record.request_id == request_id and "disk on fire" in caplog.text
    assert WebhookEvent.objects.get().error == "RuntimeError: disk on fire"  # payload kept


@pytest.mark.django_db(transaction=True)
def test_the_retry_of_a_crashed_first_sms_from_a_new_number_is_recorded(
    practice_a, client, monkeypatch
):
    configure_webhooks(practice_a)
    real_cost = inbound.sms_cost
    monkeypatch.setattr(inbound, "sms_cost", lambda body: 1 / 0)  # after the new coachee
    request = signed_inbound("twilio", practice_a, "Premier message", "SMnew")
    assert post_webhook(client, request).status_code == 500
    monkeypatch.setattr(inbound, "sms_cost", real_cost)
    assert post_webhook(client, request).status_code == 200  # not a coachee rolled back
    assert Message.objects.get().coachee.phone == "+33612345678"


def test_unhandled_errors_go_to_stderr_with_the_request_id_when_debug_is_off(tmp_path: Path):
    script = """
import django
django.setup()
from django.test import Client
from django.test.utils import override_settings
from django.urls import path

def boom(request):
    raise ValueError("boom in a view")

urlpatterns = [path("boom", boom)]
with override_settings(ROOT_URLCONF="__main__"):
    response = Client(raise_request_exception=False).get("/boom", HTTP_HOST="localhost")
print(response.status_code, response["X-Request-ID"], response.content.decode())
"""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ancrage.settings",
        "ANCRAGE_DATA_DIR": str(tmp_path),
        "DEBUG": "false",
    }
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    status, request_id, page = done.stdout.split(maxsplit=2)
    assert status == "500" and request_id in page and "boom" not in page
    assert "ERROR" in done.stderr and request_id in done.stderr
    assert "boom in a view" in done.stderr and "Traceback" in done.stderr


# -- 7. deduplication stays inside a practice ----------------------------------------------
def test_another_practice_cannot_swallow_a_message_by_reusing_its_provider_id(
    alice_hooks, charlie_hooks, client
):
    forged = signed_inbound("twilio", charlie_hooks, "Je passe devant", "SMshared")
    assert post_webhook(client, forged).status_code == 200
    real = signed_inbound("twilio", alice_hooks, "Mon vrai message", "SMshared")
    assert post_webhook(client, real).status_code == 200
    assert Message.objects.get(practice=alice_hooks).body == "Mon vrai message"
    assert Message.objects.get(practice=charlie_hooks).body == "Je passe devant"


def test_another_practice_cannot_swallow_a_part_of_a_long_message(
    alice_hooks, charlie_hooks, client
):
    for practice in (charlie_hooks, alice_hooks):
        params = vonage_part_params(
            "33612345678", "début", ref="R1", total=2, part=1, message_id="Pshared"
        )
        request = vonage_webhook(webhook_url(practice, "vonage", "inbound"), params)
        assert post_webhook(client, request).status_code == 200
    assert InboundPart.objects.filter(practice=alice_hooks).count() == 1


def test_a_status_report_from_another_practice_never_touches_this_ones_message(
    alice_hooks, charlie_hooks, client, camille
):
    mine = Message.objects.create(
        practice=alice_hooks, coachee=camille, direction="out", status="sent",
        provider="twilio", provider_message_id="SMmine", body="Bonjour",
    )  # fmt: skip
    url = webhook_url(charlie_hooks, "twilio", "status")
    report = twilio_webhook(url, twilio_status_params("SMmine", "failed", "21610"))
    assert post_webhook(client, report).status_code == 200
    mine.refresh_from_db()
    camille.refresh_from_db()
    assert mine.status == "sent" and camille.can_receive_sms()


# -- 8. replays are counted, raw payloads expire --------------------------------------------
@pytest.mark.parametrize("provider", ["twilio", "vonage", "android"])
def test_a_replayed_webhook_is_counted_not_stored_again(alice_hooks, client, provider):
    request = signed_inbound(provider, alice_hooks, "Merci", "DUP1")
    for _ in range(10):
        assert post_webhook(client, request).status_code == 200
    event = WebhookEvent.objects.get()
    assert event.duplicates == 9 and Message.objects.count() == 1


def test_a_replayed_malformed_webhook_is_counted_too(alice_hooks, client):
    request = signed_request(webhook_url(alice_hooks, "simulator", "inbound"), {"From": "+336"})
    for _ in range(3):
        assert post_webhook(client, request).status_code == 400
    event = WebhookEvent.objects.get()
    assert event.duplicates == 2 and "MessageSid" in event.error


def test_the_sweeper_deletes_raw_webhooks_past_the_retention_period(alice_hooks, client):
    assert settings.WEBHOOK_RETENTION_DAYS == 90
    for number in range(3):
        post_webhook(client, signed_inbound("twilio", alice_hooks, "x", f"SM{number}"))
    old, recent, _ = WebhookEvent.objects.order_by("id")
    WebhookEvent.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - dt.timedelta(days=91)
    )
    WebhookEvent.objects.filter(pk=recent.pk).update(
        received_at=timezone.now() - dt.timedelta(days=89)
    )
    done = sweep_once()
    assert done["webhooks_deleted"] == 1
    assert not WebhookEvent.objects.filter(pk=old.pk).exists()
    assert WebhookEvent.objects.count() == 2 and Message.objects.count() == 3  # messages stay


def test_the_retention_period_is_a_setting(alice_hooks, client, settings):
    settings.WEBHOOK_RETENTION_DAYS = 1
    post_webhook(client, signed_inbound("twilio", alice_hooks, "x"))
    WebhookEvent.objects.update(received_at=timezone.now() - dt.timedelta(days=2))
    assert sweep_once()["webhooks_deleted"] == 1
