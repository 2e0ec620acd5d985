"""TwilioProvider: real twilio SDK -> real HTTP -> FakeTwilio on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ancrage.messaging.providers.base import (
    OutboundSms,
    ProviderError,
    WebhookMalformed,
    WebhookRejected,
)
from ancrage.messaging.providers.errors import describe_error
from ancrage.messaging.providers.twilio import TwilioProvider
from tests.fakes.fake_twilio import (
    FakeTwilio,
    twilio_inbound_params,
    twilio_status_params,
    twilio_webhook,
)

INBOUND_URL = "https://ancrage.example/webhooks/twilio/tok123/inbound"
STATUS_URL = "https://ancrage.example/webhooks/twilio/tok123/status"


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server:
        yield server


@pytest.fixture
def provider(fake: FakeTwilio) -> TwilioProvider:
    return TwilioProvider(fake.config())


def an_sms(**overrides: object) -> OutboundSms:
    fields: dict = {"message_id": 42, "to": "+33612345678", "body": "Bonjour Léa, où en es-tu ?"}
    fields.update(overrides)
    return OutboundSms(**fields)


def test_it_sends_through_the_sdk_and_returns_the_message_sid(fake, provider):
    result = provider.send(an_sms(status_callback_url=STATUS_URL))

    assert result.provider_message_id.startswith("SM")
    assert result.segments == 1
    assert fake.sent == [
        {
            "To": "+33612345678",
            "From": "+15005550006",
            "Body": "Bonjour Léa, où en es-tu ?",
            "StatusCallback": STATUS_URL,
        }
    ]


def test_it_authenticates_with_the_account_sid_and_auth_token(fake, provider):
    provider.send(an_sms())

    assert fake.requests[0].basic_auth() == (fake.account_sid, fake.auth_token)


def test_it_prefers_the_messaging_service_when_no_sender_is_given(fake):
    provider = TwilioProvider(fake.config(from_number="", messaging_service_sid="MG" + "1" * 32))

    provider.send(an_sms())

    assert fake.sent[0]["MessagingServiceSid"] == "MG" + "1" * 32
    assert "From" not in fake.sent[0]


def test_an_explicit_sender_wins_over_the_configured_number(fake, provider):
    provider.send(an_sms(sender="+33939000000"))

    assert fake.sent[0]["From"] == "+33939000000"


def test_a_missing_sender_is_a_permanent_configuration_error(fake):
    provider = TwilioProvider(fake.config(from_number=""))

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert error.value.permanent and error.value.code == "config"
    assert fake.requests == []


def test_a_server_error_is_transient(fake, provider):
    fake.fail_with_server_error()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent


def test_it_succeeds_once_the_server_recovers(fake, provider):
    fake.fail_with_server_error(times=2)

    for _ in range(2):
        with pytest.raises(ProviderError):
            provider.send(an_sms())
    assert provider.send(an_sms()).provider_message_id.startswith("SM")
    assert len(fake.requests) == 3


def test_a_rate_limit_is_transient(fake, provider):
    fake.rate_limit()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent
    assert error.value.code == "20429"


@pytest.mark.parametrize("code", ["14107", "30001"])
def test_throttling_codes_are_transient_even_on_a_400(fake, provider, code):
    fake.reject_with(code)

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent


@pytest.mark.parametrize("code", ["21211", "21610", "21614", "20003"])
def test_recipient_and_credential_errors_are_permanent(fake, provider, code):
    fake.reject_with(code)

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert error.value.permanent
    assert error.value.code == code


def test_wrong_credentials_are_a_permanent_20003(fake):
    provider = TwilioProvider(fake.config(auth_token="wrong"))

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert error.value.permanent and error.value.code == "20003"


def test_an_unreachable_api_is_a_transient_network_error(fake):
    provider = TwilioProvider(fake.config())
    fake.stop()

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent and error.value.code == "network"


def test_it_checks_the_connection_by_fetching_the_account(provider):
    assert provider.check_connection() == "Twilio"  # nothing from the answer is echoed


def test_it_explains_errors_to_the_coach_in_french_and_english():
    assert "STOP" in describe_error("21610", "fr")
    assert describe_error("21211", "en") == "This phone number is not valid."
    assert "12345" in describe_error("12345", "fr")


def test_it_accepts_a_correctly_signed_twilio_webhook(provider, fake):
    request = twilio_webhook(INBOUND_URL, twilio_inbound_params("+33612345678", "Merci !"))

    provider.verify_webhook(request)


def test_it_accepts_a_signature_computed_on_the_url_with_its_port(provider):
    params = twilio_inbound_params("+33612345678", "Merci !")
    signed = twilio_webhook(INBOUND_URL.replace(".example/", ".example:443/"), params)
    request = twilio_webhook(INBOUND_URL, params, signature=signed.header("x-twilio-signature"))

    provider.verify_webhook(request)


def test_it_rejects_a_forged_twilio_signature(provider):
    request = twilio_webhook(
        INBOUND_URL, twilio_inbound_params("+33612345678", "hi"), signature="Zm9yZ2Vk"
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_webhook_signed_with_another_auth_token(provider):
    request = twilio_webhook(INBOUND_URL, twilio_inbound_params("+336", "hi"), "other-token")

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_twilio_webhook_without_signature(provider):
    request = twilio_webhook(INBOUND_URL, twilio_inbound_params("+336", "hi"), signature="")

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(request)


def test_it_rejects_a_signed_body_replayed_on_another_url(provider):
    params = twilio_inbound_params("+33612345678", "hi")
    signed = twilio_webhook(INBOUND_URL, params)
    replayed = twilio_webhook(
        INBOUND_URL.replace("tok123", "other"),
        params,
        signature=signed.header("x-twilio-signature"),
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(replayed)


def test_it_rejects_a_tampered_body(provider):
    signed = twilio_webhook(INBOUND_URL, twilio_inbound_params("+33612345678", "hi"))
    tampered = twilio_webhook(
        INBOUND_URL,
        twilio_inbound_params("+33612345678", "STOP"),
        signature=signed.header("x-twilio-signature"),
    )

    with pytest.raises(WebhookRejected):
        provider.verify_webhook(tampered)


def test_it_parses_an_inbound_sms(provider):
    request = twilio_webhook(
        INBOUND_URL, twilio_inbound_params("+33612345678", "Devis accepté !", sid="SM" + "b" * 32)
    )

    [sms] = provider.parse_inbound(request)

    assert sms.provider_message_id == "SM" + "b" * 32
    assert sms.sender == "+33612345678"
    assert sms.recipient == "+15005550006"
    assert sms.body == "Devis accepté !"
    assert sms.raw["segments"] == 1


def test_an_inbound_webhook_without_sender_is_malformed(provider):
    with pytest.raises(WebhookMalformed):
        provider.parse_inbound(twilio_webhook(INBOUND_URL, {"Body": "x"}))


@pytest.mark.parametrize(
    ("twilio_status", "ours"),
    [
        ("sent", "sent"),
        ("delivered", "delivered"),
        ("undelivered", "undelivered"),
        ("failed", "failed"),
    ],
)
def test_it_maps_twilio_statuses_to_ours(provider, twilio_status, ours):
    request = twilio_webhook(STATUS_URL, twilio_status_params("SM1", twilio_status))

    [report] = provider.parse_status(request)

    assert (report.provider_message_id, report.status) == ("SM1", ours)
    assert not report.opted_out


@pytest.mark.parametrize("step", ["queued", "accepted", "sending"])
def test_it_ignores_intermediate_twilio_steps(provider, step):
    assert (
        provider.parse_status(twilio_webhook(STATUS_URL, twilio_status_params("SM1", step))) == []
    )


def test_a_21610_status_marks_the_recipient_as_opted_out(provider):
    request = twilio_webhook(STATUS_URL, twilio_status_params("SM1", "failed", "21610"))

    [report] = provider.parse_status(request)

    assert report.status == "failed"
    assert report.error_code == "21610"
    assert report.opted_out


def test_an_undelivered_report_keeps_its_error_code(provider):
    request = twilio_webhook(STATUS_URL, twilio_status_params("SM1", "undelivered", "30003"))

    [report] = provider.parse_status(request)

    assert (report.status, report.error_code, report.opted_out) == ("undelivered", "30003", False)
