"""SMS Gateway for Android (sms-gate.app): the coach's own phone sends the SMS.

Config keys:
    username, password     shown on the app's Home tab (local or cloud server)
    api_base_url           local server mode: http://<phone-ip>:8080 (a private address:
                           only in ANCRAGE_SMS_PRIVATE_NETWORKS, see urls.py)
                           cloud: https://api.sms-gate.app/3rdparty/v1 (the default)
    webhook_signing_key    Settings > Webhooks > Signing Key in the app (required)

Sending goes through the official `android-sms-gateway` client. The phone posts
every event (sms:received, sms:sent, sms:delivered, sms:failed...) to ONE webhook
URL as JSON {"event", "payload", "id", "deviceId", "webhookId"}, signed with
X-Signature = hex HMAC-SHA256(signing key, raw body + X-Timestamp) and
X-Timestamp = Unix seconds; timestamps more than five minutes away are refused.
The app calls both parse_inbound() and parse_status() on each event: each
returns what concerns it and [] otherwise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import time
from typing import Any

import requests
from android_sms_gateway import APIClient, Message, TextMessage
from android_sms_gateway.constants import DEFAULT_URL
from android_sms_gateway.enums import ProcessState
from android_sms_gateway.errors import APIError
from android_sms_gateway.http import RequestsHttpClient

from .base import (
    InboundSms,
    OutboundSms,
    Provider,
    ProviderError,
    SendResult,
    StatusReport,
    WebhookMalformed,
    WebhookRejected,
    WebhookRequest,
)
from .errors import NETWORK, SERVER_ERROR, TRANSIENT_HTTP_STATUSES
from .urls import api_base_url

TIMEOUT_SECONDS = 20.0  # a phone on a mobile network answers slower than a data centre
MAX_WEBHOOK_AGE_SECONDS = 5 * 60
FAILED = "failed"

# event -> (our status, payload field holding the time it happened)
STATUS_EVENTS = {
    "sms:sent": ("sent", "sentAt"),
    "sms:delivered": ("delivered", "deliveredAt"),
    "sms:failed": ("failed", "failedAt"),
}


class _TimeoutSession(requests.Session):
    """The client library sets no timeout: a phone gone offline must not hang a worker."""

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("timeout", TIMEOUT_SECONDS)
        kwargs["allow_redirects"] = False  # a redirect could lead past the URL check (urls.py)
        return super().request(*args, **kwargs)


class AndroidGatewayProvider(Provider):
    code = "android"
    label = "SMS Gateway for Android"
    config_keys = ("username", "password", "api_base_url", "webhook_signing_key")

    def _api_client(self, http: RequestsHttpClient) -> APIClient:
        return APIClient(
            self.config.get("username") or None,
            self.config.get("password", ""),
            base_url=api_base_url(self.config, DEFAULT_URL, settable=True),
            http=http,
        )

    def send(self, sms: OutboundSms) -> SendResult:
        message = Message(
            phone_numbers=[sms.to],
            text_message=TextMessage(text=sms.body),
            with_delivery_report=True,
        )
        with _TimeoutSession() as session:
            try:
                state = self._api_client(RequestsHttpClient(session)).send(message)
            except (APIError, requests.RequestException) as exc:
                raise classify_android_error(exc) from exc
        if state.state == ProcessState.Failed:
            reason = next((r.error for r in state.recipients if r.error), "") or "failed"
            raise ProviderError(
                f"the phone refused the message: {reason}", permanent=True, code=FAILED
            )
        return SendResult(provider_message_id=state.id)

    def check_connection(self) -> str:
        with _TimeoutSession() as session:
            try:
                health = self._api_client(RequestsHttpClient(session)).health_check()
            except (APIError, requests.RequestException) as exc:
                raise classify_android_error(exc) from exc
        return f"SMS Gateway for Android: {health.status.value}"

    # -- webhooks ----------------------------------------------------------------------
    def verify_webhook(self, request: WebhookRequest) -> None:
        key = self.config.get("webhook_signing_key", "")
        if not key:
            raise WebhookRejected("webhook_signing_key is not configured")
        signature = request.header("X-Signature")
        timestamp = request.header("X-Timestamp")
        if not signature or not timestamp:
            raise WebhookRejected("missing X-Signature or X-Timestamp")
        _check_fresh(timestamp)
        expected = android_signature(request.body, timestamp, key)
        given = signature.lower().encode("utf-8", "surrogatepass")
        if not hmac.compare_digest(expected.encode(), given):  # bytes: any header compares
            raise WebhookRejected("X-Signature does not match")

    def parse_inbound(self, request: WebhookRequest) -> list[InboundSms]:
        event = _event(request)
        if event.get("event") != "sms:received":
            return []
        payload = _payload(event)
        sender = payload.get("sender") or payload.get("phoneNumber")
        if not sender or "message" not in payload:
            raise WebhookMalformed("sms:received without sender or message")
        if not (event.get("id") or payload.get("messageId")):
            raise WebhookMalformed("sms:received without id or messageId")  # never "None"
        return [
            InboundSms(
                # The payload's messageId is a hash of the content (two "Oui" would
                # collide): the event id is unique and stays the same across retries.
                provider_message_id=str(event.get("id") or payload.get("messageId")),
                sender=str(sender),
                body=str(payload["message"]),
                recipient=str(payload.get("recipient") or ""),
                received_at=_parse_time(payload.get("receivedAt")),
                raw=event,
            )
        ]

    def parse_status(self, request: WebhookRequest) -> list[StatusReport]:
        event = _event(request)
        known = STATUS_EVENTS.get(str(event.get("event")))
        if known is None:
            return []
        status, time_field = known
        payload = _payload(event)
        if not payload.get("messageId"):
            raise WebhookMalformed(f"{event['event']} without messageId")
        failed = status == "failed"
        return [
            StatusReport(
                provider_message_id=str(payload["messageId"]),
                status=status,
                error_code=FAILED if failed else "",
                error_message=str(payload.get("reason") or "") if failed else "",
                occurred_at=_parse_time(payload.get(time_field)),
            )
        ]


def android_signature(body: bytes, timestamp: str, signing_key: str) -> str:
    """Hex HMAC-SHA256 of the raw body followed by the X-Timestamp value."""
    return hmac.new(signing_key.encode(), body + timestamp.encode(), hashlib.sha256).hexdigest()


def classify_android_error(exc: Exception) -> ProviderError:
    """Turn a client or network exception into a ProviderError that says whether to retry."""
    if isinstance(exc, APIError):
        status = exc.status_code or 0
        if status in TRANSIENT_HTTP_STATUSES or status >= 500:
            return ProviderError(f"gateway HTTP {status}", permanent=False, code=SERVER_ERROR)
        return ProviderError(f"gateway refused: HTTP {status}", permanent=True, code=str(status))
    return ProviderError(f"the phone cannot be reached: {exc}", permanent=False, code=NETWORK)


def _check_fresh(timestamp: str) -> None:
    try:
        age = abs(time.time() - int(timestamp))
    except (ValueError, OverflowError) as exc:  # OverflowError: 9999… seconds
        raise WebhookRejected("X-Timestamp is not a Unix time") from exc
    if age > MAX_WEBHOOK_AGE_SECONDS:
        raise WebhookRejected("X-Timestamp is stale")


def _event(request: WebhookRequest) -> dict[str, Any]:
    try:
        event = json.loads(request.body)
    except (ValueError, RecursionError) as exc:  # RecursionError: [[[[… nested too deep
        raise WebhookMalformed("gateway webhook body is not JSON") from exc
    if not isinstance(event, dict) or "event" not in event:
        raise WebhookMalformed("gateway webhook without an event")
    return event


def _payload(event: dict[str, Any]) -> dict[str, Any]:
    payload = event.get("payload")
    if not isinstance(payload, dict):
        raise WebhookMalformed(f"{event.get('event')} without a payload")
    return payload


def _parse_time(value: Any) -> dt.datetime | None:
    """ISO 8601 in the phone's local offset, returned in UTC."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return None  # an offset-less time from a phone cannot be placed reliably
    try:
        return parsed.astimezone(dt.UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 has no UTC time
        return None
