"""The Twilio SDK's HTTP calls on urllib3 (providers/pooled_http.py): what requests gave us
is kept: proxies and certificate bundles from the environment, TLS verified, no retry, one
connection reused, network failures reported as such. Real SDK, real sockets on loopback."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ancrage.messaging.providers.base import OutboundSms, ProviderError
from ancrage.messaging.providers.pooled_http import _form
from ancrage.messaging.providers.twilio import TwilioProvider
from tests.fakes.fake_twilio import FakeTwilio

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def no_proxy_from_the_machine(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server:
        yield server


def an_sms() -> OutboundSms:
    return OutboundSms(message_id=7, to="+33612345678", body="Où en sont tes devis ?")


def test_a_proxy_named_in_the_environment_carries_the_call(fake, monkeypatch):
    # The "API" is a closed port: the SMS can only get through the proxy, which answers.
    with FakeTwilio() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        provider = TwilioProvider(fake.config(api_base_url="http://127.0.0.1:9"))

        result = provider.send(an_sms())

    assert result.provider_message_id.startswith("SM")
    assert [form["Body"] for form in proxy.sent] == ["Où en sont tes devis ?"]
    assert fake.sent == []


def test_no_proxy_sends_straight_to_the_api(fake, monkeypatch):
    with FakeTwilio() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        TwilioProvider(fake.config()).send(an_sms())

    assert proxy.requests == []
    assert len(fake.sent) == 1


def test_one_connection_carries_successive_sends(fake):
    provider = TwilioProvider(fake.config())
    for _ in range(5):
        provider.send(an_sms())

    assert len(fake.sent) == 5
    assert fake.connections == 1


def test_a_server_that_hangs_up_is_not_called_twice(fake):
    """No retry here: the dispatcher decides (an SMS that may have left is checked, not
    resent)."""
    fake.hang_up(times=1)
    provider = TwilioProvider(fake.config())

    with pytest.raises(ProviderError) as error:
        provider.send(an_sms())

    assert not error.value.permanent and error.value.code == "network"
    assert len(fake.requests) == 1


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: (certificate, key) in PEM."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake twilio")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_fake(certificate) -> Iterator[FakeTwilio]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    server = FakeTwilio()
    server.tls = context
    with server:
        yield server


def test_the_certificate_bundle_named_in_the_environment_is_trusted(
    tls_fake, certificate, monkeypatch
):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(certificate[0]))

    result = TwilioProvider(tls_fake.config()).send(an_sms())

    assert tls_fake.base_url.startswith("https://")
    assert result.provider_message_id.startswith("SM")


def test_a_certificate_no_bundle_vouches_for_is_refused(tls_fake, monkeypatch):
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)

    with pytest.raises(ProviderError, match="CERTIFICATE_VERIFY_FAILED") as error:
        TwilioProvider(tls_fake.config()).send(an_sms())

    assert error.value.code == "network"
    assert tls_fake.sent == []


def test_form_fields_are_encoded_as_twilio_expects():
    assert _form({"To": "+33612345678", "MediaUrl": ["a", "b"], "Skip": None}) == (
        "To=%2B33612345678&MediaUrl=a&MediaUrl=b"
    )
