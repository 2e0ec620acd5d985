"""AndroidGatewayProvider: android-sms-gateway client -> real HTTP -> FakeAndroidGateway."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest

from ancrage.messaging.providers.android import AndroidGatewayProvider
from ancrage.messaging.providers.base import (
    OutboundSms,
    ProviderError,
    WebhookMalformed,
    WebhookRejected,
)
from tests.fakes.fake_android import (
    FakeAndroidGateway,
    android_webhook,
    received_payload,
    status_payload,
)

EVENTS_URL = "https://ancrage.example/webhooks/android/tok123/events"


@pytest.fixture
def fake() -> Iterator[FakeAndroidGateway]:
    with FakeAndroidGateway() as server:
        yield server


@pytest.fixture
def provider(fake: FakeAndroidGateway) -> AndroidGatewayProvider:
    return AndroidGatewayProvider(fake.config())


def an_sms(**overrides: object) -> OutboundSms:
    fields: dict = {"message_id": 7, "to": "+33612345678", "body": "Bravo pour le devis signé !"}
    fields.update(overrides)
    return OutboundSms(**fields)


def test_it_sends_through_the_phone_and_returns_the_gateway_id(fake, provider):
    result = provider.send(an_sms())

    assert result.provider_message_id == "msg000000000000000001"
    [sent] = fake.sent
    assert sent["phoneNumbers"] == ["+33612345678"]
    assert sent["textMessage"] == {"text": "Bravo pour le devis signé !"}
    assert sent["withDeliveryReport"] is True
    assert fake.requests[0].path == "/messages"
    assert fake.requests[0].basic_auth() == (fake.username, fake.password)


def test_it_also_works_with_the_cloud_server_layout(fake):
    provider = AndroidGatewayProvider(fake.config(api_base_url=fake.cloud_base_url))

    provider.send(an_sms())

    assert fake.requests[0].path == "/3rdparty/v1/messages"


def test_a_server_error_is_transient(fake, provider):
    fake.fail_with_server_error()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent


def test_a_rate_limit_is_transient(fake, provider):
    fake.rate_limit()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent


def test_a_bad_request_is_permanent(fake, provider):
    fake.reject_with("400")

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert error.value.permanent and error.value.code == "400"


def test_wrong_credentials_are_permanent(fake):
    with pytest.raises(ProviderError) as error:
        AndroidGatewayProvider(fake.config(password="wrong")).send(an_sms())

    assert error.value.permanent and error.value.code == "401"


def test_a_message_the_phone_reports_failed_at_once_is_permanent(fake, provider):
    fake.next_state = "Failed"

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert error.value.permanent and "GENERIC_FAILURE" in str(error.value)


def test_a_phone_that_is_offline_is_a_transient_network_error(fake):
    provider = AndroidGatewayProvider(fake.config())
    fake.stop()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent and error.value.code == "network"


def test_it_checks_the_connection_with_the_health_endpoint(provider):
    assert provider.check_connection() == "SMS Gateway for Android: pass"


def test_it_accepts_a_correctly_signed_gateway_webhook(provider):
    provider.verify_webhook(
        android_webhook(EVENTS_URL, "sms:received", received_payload("+336", "hi"))
    )


def test_it_rejects_a_forged_gateway_signature(provider):
    request = android_webhook(
        EVENTS_URL, "sms:received", received_payload("+336", "hi"), signature="ab" * 32
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_webhook_signed_with_another_key(provider):
    request = android_webhook(EVENTS_URL, "sms:received", received_payload("+336", "hi"), "other")

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_gateway_webhook_without_signature(provider):
    request = android_webhook(
        EVENTS_URL, "sms:received", received_payload("+336", "hi"), signature=""
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_stale_gateway_webhook_even_correctly_signed(provider):
    request = android_webhook(
        EVENTS_URL,
        "sms:received",
        received_payload("+336", "hi"),
        timestamp=int(time.time()) - 301,
    )

    with pytest.raises(WebhookRejected, match="stale"):
        provider.verify_webhook(request)


def test_it_rejects_a_signature_replayed_with_a_new_timestamp(provider):
    old = android_webhook(
        EVENTS_URL, "sms:received", received_payload("+336", "hi"), timestamp=1_700_000_000
    )
    replayed = android_webhook(
        EVENTS_URL,
        "sms:received",
        received_payload("+336", "hi"),
        signature=old.header("x-signature"),
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(replayed)


def test_it_rejects_everything_when_no_signing_key_is_configured(fake):
    provider = AndroidGatewayProvider(fake.config(webhook_signing_key=""))

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(
            android_webhook(EVENTS_URL, "sms:received", received_payload("+336", "hi"))
        )


def test_it_parses_a_received_sms_with_the_event_id_as_message_id(provider):
    request = android_webhook(
        EVENTS_URL, "sms:received", received_payload("+33612345678", "Oui"), event_id="evt-1"
    )

    [sms] = provider.parse_inbound(request)

    assert (sms.provider_message_id, sms.sender, sms.body) == ("evt-1", "+33612345678", "Oui")
    assert sms.recipient == "+33611111111"
    assert sms.received_at == dt.datetime(2026, 7, 14, 19, 5, tzinfo=dt.UTC)
    assert provider.parse_status(request) == []


@pytest.mark.parametrize(
    ("event", "ours"),
    [("sms:sent", "sent"), ("sms:delivered", "delivered"), ("sms:failed", "failed")],
)
def test_it_maps_gateway_events_to_our_statuses(provider, event, ours):
    request = android_webhook(EVENTS_URL, event, status_payload("msg1", event))

    [report] = provider.parse_status(request)

    assert (report.provider_message_id, report.status) == ("msg1", ours)
    assert report.occurred_at == dt.datetime(2026, 7, 14, 19, 6, tzinfo=dt.UTC)
    assert provider.parse_inbound(request) == []


def test_a_failed_event_carries_its_reason(provider):
    request = android_webhook(
        EVENTS_URL, "sms:failed", status_payload("msg1", "sms:failed", "RESULT_ERROR_NO_SERVICE")
    )

    [report] = provider.parse_status(request)

    assert (report.error_code, report.error_message) == ("failed", "RESULT_ERROR_NO_SERVICE")


def test_other_events_are_ignored(provider):
    request = android_webhook(EVENTS_URL, "system:ping", {"health": {"status": "pass"}})

    assert provider.parse_inbound(request) == [] and provider.parse_status(request) == []


def test_a_body_that_is_not_json_is_malformed(provider):
    request = android_webhook(EVENTS_URL, "sms:received", {})
    broken = type(request)(url=request.url, method="POST", headers=request.headers, body=b"{oops")

    with pytest.raises(WebhookMalformed):
        provider.parse_inbound(broken)
