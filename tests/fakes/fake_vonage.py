"""A fake Vonage SMS API (POST /sms/json, GET /account/get-balance) and a webhook forger."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.providers.base import WebhookRequest
from ancrage.messaging.providers.vonage import vonage_signature

from .server import CannedResponse, FakeProviderServer, RecordedRequest

API_KEY = "fakekey1"
API_SECRET = "fake-vonage-secret"
SIGNATURE_SECRET = "fake-vonage-signature-secret"

_ERROR_TEXT = {
    "1": "Throttled",
    "2": "Missing from param",
    "3": "Invalid to param",
    "4": "Bad Credentials",
    "5": "Internal Error",
    "6": "Invalid Message",
    "7": "Number barred.",
    "9": "Partner quota exceeded",
    "15": "Illegal Sender Address - rejected",
    "29": "Non White-listed Destination - rejected",
}


class FakeVonage(FakeProviderServer):
    """Emulates Vonage's SMS API the way the SDK calls it.

    Answers one message entry per SMS part (as Vonage does for long messages),
    each with its own message-id. `sent` holds the form of every accepted send
    (from, to, text, type, client-ref, callback...). Permanent and throttling
    errors are HTTP 200 with a non-zero `status`, as the real API does:
    `reject_with("1")` throttles, `reject_with("3")` refuses the number.
    """

    def __init__(self, api_key: str = API_KEY, api_secret: str = API_SECRET) -> None:
        super().__init__()
        self.api_key = api_key
        self.api_secret = api_secret
        self.sent: list[dict[str, str]] = []
        self._ids = (f"{n:016X}" for n in itertools.count(0x0B00000000000001))

    def config(self, **overrides: str) -> dict[str, str]:
        return {
            "api_key": self.api_key,
            "api_secret": self.api_secret,
            "signature_secret": SIGNATURE_SECRET,
            "signature_method": "sha256",
            "from_number": "33939000000",
            "api_base_url": self.base_url,
            **overrides,
        }

    def answer(self, request: RecordedRequest) -> CannedResponse:
        if not self._authenticated(request):
            if request.path.startswith("/account/"):  # the account API answers HTTP 401
                return CannedResponse.json(401, {"type": "unauthorized", "title": "Unauthorized"})
            return self.error_response("4")
        if request.method == "POST" and request.path == "/sms/json":
            return self._send(request.form())
        if request.method == "GET" and request.path == "/account/get-balance":
            return CannedResponse.json(200, {"value": 12.5, "autoReload": False})
        return CannedResponse.json(404, {"error": "not found"})

    def _authenticated(self, request: RecordedRequest) -> bool:
        form = {**request.query, **request.form()}
        from_body = (form.get("api_key"), form.get("api_secret"))
        return (self.api_key, self.api_secret) in (request.basic_auth(), from_body)

    def _send(self, form: dict[str, str]) -> CannedResponse:
        if not form.get("from"):
            return self.error_response("2")
        parts = max(sms_cost(form.get("text", "")).segments, 1)
        with self._lock:
            self.sent.append(form)
            ids = [next(self._ids) for _ in range(parts)]
        messages = [_accepted(form, message_id) for message_id in ids]
        return CannedResponse.json(200, {"message-count": str(parts), "messages": messages})

    def error_response(self, code: str) -> CannedResponse:
        entry = {"status": code, "error-text": _ERROR_TEXT.get(code, f"Error {code}")}
        return CannedResponse.json(200, {"message-count": "1", "messages": [entry]})


def _accepted(form: dict[str, str], message_id: str) -> dict[str, str]:
    entry = {
        "to": form.get("to", ""),
        "message-id": message_id,
        "status": "0",
        "remaining-balance": "12.34",
        "message-price": "0.0735",
        "network": "20801",
    }
    if "client-ref" in form:
        entry["client-ref"] = form["client-ref"]
    return entry


def vonage_webhook(
    url: str,
    params: dict[str, Any],
    signature_secret: str = SIGNATURE_SECRET,
    method: str = "sha256",
    *,
    timestamp: int | None = None,
    http_method: str = "POST",
    as_json: bool = False,
    signature: str | None = None,
) -> WebhookRequest:
    """A Vonage webhook signed like Vonage does (`sig` and `timestamp` parameters).

    `http_method="GET"` puts the parameters in the query string; `as_json=True`
    sends a JSON body. Pass `signature=""` to leave `sig` out, or any string to forge it.
    """
    signed = {**params, "timestamp": str(int(time.time()) if timestamp is None else timestamp)}
    if signature is None:
        signature = vonage_signature(signed, signature_secret, method)
    if signature:
        signed["sig"] = signature
    if http_method.upper() == "GET":
        return WebhookRequest(url=f"{url}?{urlencode(signed)}", method="GET", headers={}, body=b"")
    if as_json:
        headers = {"content-type": "application/json"}
        return WebhookRequest(
            url=url, method="POST", headers=headers, body=json.dumps(signed).encode()
        )
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return WebhookRequest(url=url, method="POST", headers=headers, body=urlencode(signed).encode())


def vonage_inbound_params(
    msisdn: str, text: str, *, message_id: str = "0A0000000123ABCD", to: str = "33939000000"
) -> dict[str, str]:
    return {
        "msisdn": msisdn,
        "to": to,
        "messageId": message_id,
        "text": text,
        "type": "unicode" if sms_cost(text).encoding == "UCS-2" else "text",
        "keyword": text.split(" ")[0].upper() if text else "",
        "api-key": API_KEY,
        "message-timestamp": "2026-03-14 09:30:00",
    }


def vonage_part_params(
    msisdn: str, text: str, *, ref: str, total: int, part: int, message_id: str
) -> dict[str, str]:
    """One part of a long inbound message."""
    return {
        **vonage_inbound_params(msisdn, text, message_id=message_id),
        "concat": "true",
        "concat-ref": ref,
        "concat-total": str(total),
        "concat-part": str(part),
    }


def vonage_receipt_params(message_id: str, status: str, err_code: str = "0") -> dict[str, str]:
    """A delivery receipt (DLR) as Vonage posts it."""
    return {
        "msisdn": "33612345678",
        "to": "33939000000",
        "network-code": "20801",
        "messageId": message_id,
        "price": "0.07350000",
        "status": status,
        "scts": "2603140931",
        "err-code": err_code,
        "api-key": API_KEY,
        "client-ref": "42",
        "message-timestamp": "2026-03-14 09:31:00",
    }
