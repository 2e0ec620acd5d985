"""A fake SMS Gateway for Android API (local or cloud server) and a webhook forger."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

from ancrage.messaging.providers.android import android_signature
from ancrage.messaging.providers.base import WebhookRequest

from .server import CannedResponse, FakeProviderServer, RecordedRequest

USERNAME = "fakeuser"
PASSWORD = "fake-gateway-password"
SIGNING_KEY = "fake-gateway-signing-key"
DEVICE_ID = "ffffffffceb0b1db0000018e937c815b"


class FakeAndroidGateway(FakeProviderServer):
    """Emulates POST <base>/messages and GET <base>/health, under any base path.

    `base_url` mimics the local server mode (http://phone:8080); use
    `cloud_base_url` for the cloud layout (/3rdparty/v1). `sent` holds the JSON
    of every accepted message (phoneNumbers, textMessage, withDeliveryReport...).
    `reject_with("400")` answers that HTTP status; `fail_with_state("Failed")`
    accepts the request but reports the message failed on the phone.
    """

    def __init__(self, username: str = USERNAME, password: str = PASSWORD) -> None:
        super().__init__()
        self.username = username
        self.password = password
        self.sent: list[dict[str, Any]] = []
        self.next_state = "Pending"
        self._ids = (f"msg{n:018d}" for n in itertools.count(1))

    @property
    def cloud_base_url(self) -> str:
        return f"{self.base_url}/3rdparty/v1"

    def config(self, **overrides: str) -> dict[str, str]:
        return {
            "username": self.username,
            "password": self.password,
            "api_base_url": self.base_url,
            "webhook_signing_key": SIGNING_KEY,
            **overrides,
        }

    def answer(self, request: RecordedRequest) -> CannedResponse:
        if request.basic_auth() != (self.username, self.password):
            return self.error_response("401")
        if request.method == "POST" and request.path.endswith("/messages"):
            return self._send(request.json())
        if request.method == "GET" and request.path.endswith("/health"):
            return CannedResponse.json(200, {"status": "pass", "version": "1.40.0"})
        return self.error_response("404")

    def _send(self, message: dict[str, Any]) -> CannedResponse:
        if not message.get("phoneNumbers") or "textMessage" not in message:
            return self.error_response("400")
        with self._lock:
            self.sent.append(message)
            message_id = message.get("id") or next(self._ids)
        recipients = [
            {"phoneNumber": number, "state": self.next_state, "error": None}
            for number in message["phoneNumbers"]
        ]
        if self.next_state == "Failed":
            recipients[0]["error"] = "RESULT_ERROR_GENERIC_FAILURE"
        state = {
            "id": message_id,
            "deviceId": DEVICE_ID,
            "state": self.next_state,
            "recipients": recipients,
            "isHashed": False,
            "isEncrypted": False,
        }
        return CannedResponse.json(202, state)

    def error_response(self, code: str) -> CannedResponse:
        return CannedResponse.json(int(code), {"message": f"fake gateway error {code}"})


def android_webhook(
    url: str,
    event: str,
    payload: dict[str, Any],
    signing_key: str = SIGNING_KEY,
    *,
    event_id: str = "Ey6ECgOkVVFjz3CL48B8C",
    timestamp: int | None = None,
    signature: str | None = None,
) -> WebhookRequest:
    """A webhook the phone would post, signed with X-Signature / X-Timestamp.

    Pass `signature=""` to leave the signature header out, or any string to forge it.
    """
    body = json.dumps(
        {
            "deviceId": DEVICE_ID,
            "event": event,
            "id": event_id,
            "payload": payload,
            "webhookId": "wh-1",
        }
    ).encode()
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    if signature is None:
        signature = android_signature(body, stamp, signing_key)
    headers = {"content-type": "application/json", "x-timestamp": stamp}
    if signature:
        headers["x-signature"] = signature
    return WebhookRequest(url=url, method="POST", headers=headers, body=body)


def received_payload(sender: str, message: str) -> dict[str, Any]:
    return {
        "messageId": "abc123",
        "message": message,
        "phoneNumber": sender,
        "sender": sender,
        "recipient": "+33611111111",
        "simNumber": 1,
        "receivedAt": "2026-07-14T21:05:00.000+02:00",
    }


def status_payload(message_id: str, event: str, reason: str = "") -> dict[str, Any]:
    time_field = {"sms:sent": "sentAt", "sms:delivered": "deliveredAt"}.get(event, "failedAt")
    payload: dict[str, Any] = {
        "messageId": message_id,
        "phoneNumber": "+33612345678",
        "simNumber": None,
        time_field: "2026-07-14T21:06:00.000+02:00",
    }
    if event == "sms:failed":
        payload["reason"] = reason or "RESULT_ERROR_GENERIC_FAILURE"
    return payload
