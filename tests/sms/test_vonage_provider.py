"""VonageProvider: real vonage SDK -> real HTTP -> FakeVonage on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest

from ancrage.messaging.providers.base import (
    OutboundSms,
    ProviderError,
    WebhookMalformed,
    WebhookRejected,
)
from ancrage.messaging.providers.vonage import VonageProvider, assemble_parts
from tests.fakes.fake_vonage import (
    SIGNATURE_SECRET,
    FakeVonage,
    vonage_inbound_params,
    vonage_part_params,
    vonage_receipt_params,
    vonage_webhook,
)

INBOUND_URL = "https://ancrage.example/webhooks/vonage/tok123/inbound"
STATUS_URL = "https://ancrage.example/webhooks/vonage/tok123/status"


@pytest.fixture
def fake() -> Iterator[FakeVonage]:
    with FakeVonage() as server:
        yield server


@pytest.fixture
def provider(fake: FakeVonage) -> VonageProvider:
    return VonageProvider(fake.config())


def an_sms(**overrides: object) -> OutboundSms:
    fields: dict = {"message_id": 42, "to": "+33612345678", "body": "Hello Lea, how did it go?"}
    fields.update(overrides)
    return OutboundSms(**fields)


def test_it_sends_through_the_sdk_and_returns_the_message_id(fake, provider):
    result = provider.send(an_sms(status_callback_url=STATUS_URL))

    assert result.provider_message_id == "0B00000000000001"
    assert result.segments == 1 and result.provider_part_ids == ()
    [sent] = fake.sent
    assert (sent["to"], sent["from"], sent["text"]) == (
        "33612345678",
        "33939000000",
        "Hello Lea, how did it go?",
    )
    assert (sent["type"], sent["client-ref"], sent["callback"]) == ("text", "42", STATUS_URL)


def test_it_authenticates_with_the_api_key_and_secret(fake, provider):
    provider.send(an_sms())

    assert fake.requests[0].basic_auth() == (fake.api_key, fake.api_secret)


def test_accented_french_goes_out_as_unicode(fake, provider):
    provider.send(an_sms(body="Très bien, ça avance !"))

    assert fake.sent[0]["type"] == "unicode"
    assert fake.sent[0]["text"] == "Très bien, ça avance !"


def test_a_long_message_returns_every_part_id(fake, provider):
    result = provider.send(an_sms(body="x" * 200))

    assert result.segments == 2
    assert result.provider_part_ids == ("0B00000000000001", "0B00000000000002")
    assert result.provider_message_id == "0B00000000000001"


def test_a_callback_url_too_long_for_vonage_is_left_to_the_dashboard(fake, provider):
    provider.send(an_sms(status_callback_url="https://ancrage.example/" + "x" * 100))

    assert "callback" not in fake.sent[0]


def test_a_server_error_is_transient(fake, provider):
    fake.fail_with_server_error()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent


def test_an_http_429_is_transient(fake, provider):
    fake.rate_limit()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent and error.value.code == "rate_limited"


def test_a_throttled_status_is_transient(fake, provider):
    fake.reject_with("1")

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent and error.value.code == "1"


@pytest.mark.parametrize("status", ["2", "3", "4", "6", "7", "9", "15", "29"])
def test_refusals_are_permanent(fake, provider, status):
    fake.reject_with(status)

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert error.value.permanent and error.value.code == status


def test_wrong_credentials_are_permanent(fake):
    with pytest.raises(ProviderError) as error:
        VonageProvider(fake.config(api_secret="wrong")).send(an_sms())

    assert error.value.permanent and error.value.code == "4"


def test_an_unreachable_api_is_a_transient_network_error(fake):
    provider = VonageProvider(fake.config())
    fake.stop()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent and error.value.code == "network"


def test_it_checks_the_connection_with_the_balance(provider):
    assert provider.check_connection() == "Vonage: balance 12.50 EUR"


@pytest.mark.parametrize("method", ["md5hash", "md5", "sha1", "sha256", "sha512"])
def test_it_accepts_a_webhook_signed_with_each_method(fake, method):
    provider = VonageProvider(fake.config(signature_method=method))
    request = vonage_webhook(INBOUND_URL, vonage_inbound_params("33612345678", "hi"), method=method)

    provider.verify_webhook(request)


@pytest.mark.parametrize(
    "shape", [{"http_method": "GET"}, {"as_json": True}, {"http_method": "POST"}]
)
def test_it_accepts_signed_webhooks_as_query_form_or_json(provider, shape):
    request = vonage_webhook(INBOUND_URL, vonage_inbound_params("33612345678", "a&b=c"), **shape)

    provider.verify_webhook(request)


def test_it_rejects_a_forged_vonage_signature(provider):
    request = vonage_webhook(
        INBOUND_URL, vonage_inbound_params("33612345678", "hi"), signature="0" * 64
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_webhook_signed_with_another_secret(provider):
    request = vonage_webhook(INBOUND_URL, vonage_inbound_params("336", "hi"), "not-the-secret")

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_vonage_webhook_without_sig(provider):
    request = vonage_webhook(INBOUND_URL, vonage_inbound_params("336", "hi"), signature="")

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_stale_vonage_webhook_even_correctly_signed(provider):
    ten_minutes_ago = int(time.time()) - 600
    request = vonage_webhook(
        INBOUND_URL, vonage_inbound_params("336", "hi"), timestamp=ten_minutes_ago
    )

    with pytest.raises(WebhookRejected, match="stale"):
        provider.verify_webhook(request)


def test_it_accepts_a_webhook_signed_four_minutes_ago(provider):
    request = vonage_webhook(
        INBOUND_URL, vonage_inbound_params("336", "hi"), timestamp=int(time.time()) - 240
    )

    provider.verify_webhook(request)


def test_it_rejects_every_webhook_when_no_signature_secret_is_configured(fake):
    provider = VonageProvider(fake.config(signature_secret=""))

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(vonage_webhook(INBOUND_URL, vonage_inbound_params("336", "hi")))


def test_it_rejects_a_tampered_text(provider):
    signed = vonage_webhook(INBOUND_URL, vonage_inbound_params("33612345678", "hi"))
    sig = signed.form()["sig"]
    timestamp = int(signed.form()["timestamp"])
    tampered = vonage_webhook(
        INBOUND_URL,
        vonage_inbound_params("33612345678", "STOP"),
        timestamp=timestamp,
        signature=sig,
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(tampered)


def test_it_parses_an_inbound_sms_with_international_numbers(provider):
    request = vonage_webhook(INBOUND_URL, vonage_inbound_params("33612345678", "Devis signé"))

    [sms] = provider.parse_inbound(request)

    assert sms.provider_message_id == "0A0000000123ABCD"
    assert (sms.sender, sms.recipient, sms.body) == ("+33612345678", "+33939000000", "Devis signé")
    assert sms.received_at == dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)
    assert "multipart" not in sms.raw


def test_it_exposes_the_part_of_a_multipart_message(provider):
    params = vonage_part_params(
        "33612345678", "Bonjour", ref="0A1", total=2, part=1, message_id="M1"
    )

    [sms] = provider.parse_inbound(vonage_webhook(INBOUND_URL, params))

    assert sms.raw["multipart"] == {"ref": "0A1", "total": 2, "part": 1}


def test_it_assembles_multipart_parts_in_order_once_all_arrived(provider):
    first = vonage_part_params("336", "Bonjour, ", ref="0A1", total=3, part=1, message_id="M1")
    second = vonage_part_params("336", "tout va ", ref="0A1", total=3, part=2, message_id="M2")
    third = vonage_part_params("336", "bien.", ref="0A1", total=3, part=3, message_id="M3")
    raws = [
        provider.parse_inbound(vonage_webhook(INBOUND_URL, params))[0].raw
        for params in (third, first, second, first)  # out of order, with a retried duplicate
    ]

    assert assemble_parts(raws[:2]) is None
    assert assemble_parts(raws) == "Bonjour, tout va bien."


def test_assembling_parts_of_different_messages_is_an_error():
    one = vonage_part_params("336", "a", ref="R1", total=2, part=1, message_id="M1")
    other = vonage_part_params("336", "b", ref="R2", total=2, part=2, message_id="M2")

    with pytest.raises(ValueError):
        assemble_parts([one, other])


def test_an_inbound_webhook_without_msisdn_is_malformed(provider):
    with pytest.raises(WebhookMalformed):
        provider.parse_inbound(vonage_webhook(INBOUND_URL, {"text": "hi"}))


@pytest.mark.parametrize(
    ("vonage_status", "ours"),
    [
        ("delivered", "delivered"),
        ("accepted", "sent"),
        ("buffered", "sent"),
        ("expired", "undelivered"),
        ("failed", "failed"),
        ("rejected", "failed"),
    ],
)
def test_it_maps_delivery_receipts_to_our_statuses(provider, vonage_status, ours):
    request = vonage_webhook(STATUS_URL, vonage_receipt_params("0B01", vonage_status))

    [report] = provider.parse_status(request)

    assert (report.provider_message_id, report.status, report.error_code) == ("0B01", ours, "")
    assert report.occurred_at == dt.datetime(2026, 3, 14, 9, 31, tzinfo=dt.UTC)


def test_a_failed_receipt_keeps_its_error_code(provider):
    request = vonage_webhook(STATUS_URL, vonage_receipt_params("0B01", "failed", "6"))

    [report] = provider.parse_status(request)

    assert (report.status, report.error_code) == ("failed", "6")


def test_an_unknown_receipt_status_is_not_reported(provider):
    assert (
        provider.parse_status(vonage_webhook(STATUS_URL, vonage_receipt_params("B", "unknown")))
        == []
    )


def test_receipts_and_inbound_messages_are_not_confused(provider):
    receipt = vonage_webhook(STATUS_URL, vonage_receipt_params("0B01", "delivered"))
    inbound = vonage_webhook(INBOUND_URL, vonage_inbound_params("336", "hi"))

    assert provider.parse_inbound(receipt) == []
    assert provider.parse_status(inbound) == []


def test_the_signature_secret_of_the_fake_is_not_the_api_secret(fake):
    assert fake.config()["signature_secret"] == SIGNATURE_SECRET != fake.api_secret
