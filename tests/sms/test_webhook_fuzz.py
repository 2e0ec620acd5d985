"""Fuzzing every webhook endpoint through the real URL, view and middleware.

Whatever arrives, the answer is never a 500. An unsigned, forged or unreadable request is
refused with a 4xx and stores nothing; a correctly signed one is answered 200 (recorded,
cleaned if need be) or 400 (malformed) and its raw payload is kept. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL (NUL bytes, lengths and ranges are only enforced there).
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from ancrage.coaching.models import Coachee
from ancrage.messaging.models import InboundPart, Message, WebhookEvent
from ancrage.messaging.providers.android import android_signature
from ancrage.messaging.providers.base import WebhookRequest
from ancrage.messaging.providers.simulator import SIGNATURE_HEADER, sign
from ancrage.messaging.providers.vonage import vonage_signature
from ancrage.messaging.services import webhook_url
from ancrage.messaging.webhooks import payload_digest
from tests.fakes import fake_android, fake_twilio, fake_vonage
from tests.sms.providers_e2e import post_webhook
from tests.sms.webhook_accounts import configure_webhooks

EXAMPLES = 60  # per endpoint: 7 endpoints, 420 requests, a few seconds
FIELDS = {
    "twilio": ["MessageSid", "SmsSid", "From", "To", "Body", "MessageStatus", "SmsStatus",
               "ErrorCode", "ErrorMessage", "NumSegments"],
    "vonage": ["msisdn", "to", "messageId", "text", "type", "status", "err-code",
               "message-timestamp", "concat", "concat-ref", "concat-total", "concat-part"],
    "android": ["message", "sender", "phoneNumber", "messageId", "receivedAt", "sentAt",
                "deliveredAt", "failedAt", "reason", "recipient"],
    "simulator": ["MessageSid", "From", "To", "Body", "MessageStatus"],
}  # fmt: skip
ENDPOINTS = [
    ("twilio", "inbound"), ("twilio", "status"), ("vonage", "inbound"), ("vonage", "status"),
    ("android", "events"), ("simulator", "inbound"), ("simulator", "status"),
]  # fmt: skip
TRICKY = [
    "", "\x00", "a\x00b", "é", "Arrêt", "STOP", "1e999", "9" * 400, "-1", "0", "1", "3",
    "70000", "true", "NaN", "+33612345678", "06 12 34 56 78", "33612345678", "x" * 150,
    "delivered", "failed", "accepted", "sent", "undelivered", "21610", "2026-03-14 09:30:00",
    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "%00", "&=&", "\u202e", "😀",
]  # fmt: skip

text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=40))
json_value = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), text, st.sampled_from(["\ud800"])
    ),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(text, children, max_size=3),
    max_leaves=6,
)


# The fields each endpoint needs: most requests have them (with fuzzed values), so that
# signed ones reach the parsing and the database, not only the 400 for a missing field.
REQUIRED = {
    ("twilio", "inbound"): ["MessageSid", "From", "Body"],
    ("twilio", "status"): ["MessageSid", "MessageStatus"],
    ("vonage", "inbound"): ["msisdn", "messageId", "text"],
    ("vonage", "status"): ["messageId", "status"],
    ("android", "events"): ["message", "sender", "messageId"],
    ("simulator", "inbound"): ["MessageSid", "From", "Body"],
    ("simulator", "status"): ["MessageSid", "MessageStatus"],
}
fresh = st.integers(-30, 30).map(lambda skew: str(int(time.time()) + skew))
timestamp = st.one_of(fresh, fresh, fresh, fresh, st.sampled_from(TRICKY))


def params_for(provider: str, kind: str, values: st.SearchStrategy) -> st.SearchStrategy:
    names = st.one_of(st.sampled_from(FIELDS[provider]), st.text(max_size=10))
    extra = st.dictionaries(names, values, max_size=6)
    required = st.fixed_dictionaries({name: values for name in REQUIRED[(provider, kind)]})
    return st.one_of(extra, st.tuples(required, extra).map(lambda pair: pair[1] | pair[0]))


@st.composite
def webhooks(draw: st.DrawFn, provider: str, kind: str, url: str) -> tuple[WebhookRequest, bool]:
    """A request for the endpoint, and whether it is correctly signed."""
    mode = draw(st.sampled_from(["signed", "signed", "signed", "unsigned", "forged", "raw"]))
    if mode == "raw":
        body = draw(st.binary(max_size=300) | text.map(lambda t: t.encode()))
        headers = draw(st.dictionaries(st.sampled_from(HEADERS), text, max_size=4))
        headers["content-type"] = draw(st.sampled_from(CONTENT_TYPES))
        method = draw(st.sampled_from(["POST", "GET"]))
        return WebhookRequest(url, method, headers, body), False
    request = draw(BUILDERS[provider](url, kind))
    if mode == "signed":
        return request, True
    forged = "" if mode == "unsigned" else draw(text | st.sampled_from(["é", "ab" * 20]))
    return _forge(provider, request, forged), False


HEADERS = ["x-twilio-signature", "x-signature", "x-timestamp", SIGNATURE_HEADER.lower()]
CONTENT_TYPES = ["application/json", "application/x-www-form-urlencoded", "text/plain", ""]


@st.composite
def twilio_request(draw: st.DrawFn, url: str, kind: str) -> WebhookRequest:
    params = draw(params_for("twilio", kind, text))
    signature = RequestValidator(fake_twilio.AUTH_TOKEN).compute_signature(url, params)
    headers = {"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature}
    return WebhookRequest(url, "POST", headers, urlencode(params).encode())


@st.composite
def vonage_request(draw: st.DrawFn, url: str, kind: str) -> WebhookRequest:
    how = draw(st.sampled_from(["form", "json", "get"]))
    params: dict[str, Any] = draw(params_for("vonage", kind, json_value if how == "json" else text))
    params.pop("sig", None)
    params["timestamp"] = draw(timestamp)
    try:
        params["sig"] = vonage_signature(params, fake_vonage.SIGNATURE_SECRET, "sha256")
    except UnicodeEncodeError:  # a lone surrogate: Vonage could not have signed it either
        params["sig"] = "unsignable"
    if how == "get":
        return WebhookRequest(f"{url}?{urlencode(params)}", "GET", {}, b"")
    if how == "json":
        body = json.dumps(params).encode()
        return WebhookRequest(url, "POST", {"content-type": "application/json"}, body)
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return WebhookRequest(url, "POST", headers, urlencode(params).encode())


@st.composite
def android_request(draw: st.DrawFn, url: str, kind: str) -> WebhookRequest:
    payload = draw(params_for("android", kind, json_value) | json_value)
    event = {
        "event": draw(st.sampled_from(["sms:received", "sms:sent", "sms:delivered", "sms:failed"]) | text),
        "id": draw(json_value),
        "payload": payload,
    }  # fmt: skip
    if draw(st.booleans()):
        del event[draw(st.sampled_from(list(event)))]
    body = json.dumps(event).encode()
    stamp = draw(timestamp)
    headers = {
        "content-type": "application/json",
        "x-timestamp": stamp,
        "x-signature": android_signature(body, stamp, fake_android.SIGNING_KEY),
    }
    return WebhookRequest(url, "POST", headers, body)


@st.composite
def simulator_request(draw: st.DrawFn, url: str, kind: str) -> WebhookRequest:
    body = urlencode(draw(params_for("simulator", kind, text))).encode()
    headers = {
        "content-type": "application/x-www-form-urlencoded",
        SIGNATURE_HEADER.lower(): sign(url, body),
    }
    return WebhookRequest(url, "POST", headers, body)


BUILDERS = {
    "twilio": twilio_request,
    "vonage": vonage_request,
    "android": android_request,
    "simulator": simulator_request,
}


def _forge(provider: str, request: WebhookRequest, signature: str) -> WebhookRequest:
    """The same request with its signature removed or replaced."""
    if provider == "vonage":  # the signature is a parameter
        swap = {"sig": signature} if signature else {}
        if request.method == "GET":
            base, _, query = request.url.partition("?")
            params = {k: v for k, v in _pairs(query) if k != "sig"} | swap
            return WebhookRequest(f"{base}?{urlencode(params)}", "GET", {}, b"")
        if "json" in request.headers.get("content-type", ""):
            params = {k: v for k, v in json.loads(request.body).items() if k != "sig"} | swap
            return WebhookRequest(request.url, "POST", request.headers, json.dumps(params).encode())
        params = {k: v for k, v in _pairs(request.body.decode()) if k != "sig"} | swap
        return WebhookRequest(request.url, "POST", request.headers, urlencode(params).encode())
    name = {"twilio": "x-twilio-signature", "android": "x-signature"}.get(
        provider, SIGNATURE_HEADER.lower()
    )
    headers = {k: v for k, v in request.headers.items() if k != name}
    if signature:
        headers[name] = signature
    return WebhookRequest(request.url, request.method, headers, request.body)


def _pairs(query: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(query, keep_blank_values=True)


def stored_rows() -> tuple[int, ...]:
    models = (WebhookEvent, Message, InboundPart, Coachee)
    return tuple(model.objects.count() for model in models)


@pytest.fixture
def practice(practice_a):
    return configure_webhooks(practice_a)


@pytest.mark.parametrize(("provider", "kind"), ENDPOINTS, ids=[f"{p}-{k}" for p, k in ENDPOINTS])
def test_no_webhook_ever_gets_a_500_and_unsigned_ones_store_nothing(
    practice, client, provider, kind
):
    url = webhook_url(practice, provider, kind)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # the same requests on every run and both databases
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(webhooks(provider, kind, url))
    def check(drawn: tuple[WebhookRequest, bool]) -> None:
        request, signed = drawn
        before = stored_rows()
        response = post_webhook(client, request)
        assert response.status_code < 500, response.content.decode()
        if not signed:
            assert 400 <= response.status_code < 500
            assert stored_rows() == before, "an unsigned request stored something"
            return
        if response.status_code == 403:  # signed, but stale or unreadable before the check
            assert stored_rows() == before
            return
        assert response.status_code in (200, 400), response.content.decode()
        kept = payload_digest(request.method, request.url, request.body)
        assert WebhookEvent.objects.filter(practice=practice, digest=kept).exists()

    check()
