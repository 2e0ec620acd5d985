"""The local SMS simulator, the embedded default provider.

It behaves like a real carrier: an outbound SMS lands on the simulated handset
(a SimulatedSms row; the one provider that writes to the database, so the dispatcher
calls it in its own thread) and the dispatcher sends its delivery report back, signed,
through the same webhook code path as Twilio's or Vonage's. Replies typed on the simulator page
or with `ancrage sms receive` are signed webhooks too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from urllib.parse import urlencode

from django.conf import settings

from ancrage.messaging.providers.base import (
    InboundSms,
    OutboundSms,
    Provider,
    SendResult,
    SentCopy,
    SentLookup,
    StatusReport,
    WebhookMalformed,
    WebhookRejected,
    WebhookRequest,
)

SIGNATURE_HEADER = "X-Simulator-Signature"


def _key() -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), b"ancrage-sms-simulator", "sha256").digest()


def sign(url: str, body: bytes) -> str:
    return hmac.new(_key(), url.encode() + body, hashlib.sha256).hexdigest()


def signed_request(url: str, params: dict[str, str]) -> WebhookRequest:
    """A webhook exactly as the simulator would POST it to `url`."""
    body = urlencode(params).encode()
    headers = {
        "content-type": "application/x-www-form-urlencoded",
        SIGNATURE_HEADER.lower(): sign(url, body),
    }
    return WebhookRequest(url=url, method="POST", headers=headers, body=body)


def new_sim_id() -> str:
    return "SM" + secrets.token_hex(16)


class SimulatorProvider(Provider):
    code = "simulator"
    label = "Simulateur SMS local / Local SMS simulator"

    def send(self, sms: OutboundSms) -> SendResult:
        from ancrage.messaging.models import SimulatedSms

        sim_id = new_sim_id()
        SimulatedSms.objects.create(
            sim_id=sim_id,
            practice_token=_token_from(sms.status_callback_url),
            to=sms.to,
            body=sms.body,
        )
        return SendResult(provider_message_id=sim_id)

    def find_sent(self, sms: OutboundSms, not_before: dt.datetime) -> SentLookup:
        """The handset is a table: what it received since `not_before`, all of it."""
        from ancrage.messaging.models import SimulatedSms

        received = SimulatedSms.objects.filter(
            practice_token=_token_from(sms.status_callback_url),
            to=sms.to,
            created_at__gte=not_before,
        ).order_by("-created_at", "-id")
        # The simulated carrier delivers at once (see dispatch.report_simulated_delivery).
        return SentLookup(
            tuple(
                SentCopy(sim.sim_id, sim.body, created_at=sim.created_at, status="delivered")
                for sim in received
            )
        )

    def verify_webhook(self, request: WebhookRequest) -> None:
        given = request.header(SIGNATURE_HEADER).encode("utf-8", "surrogatepass")
        expected = sign(request.url, request.body).encode()
        if not given or not hmac.compare_digest(given, expected):  # bytes: any header compares
            raise WebhookRejected("bad or missing simulator signature")

    def parse_inbound(self, request: WebhookRequest) -> list[InboundSms]:
        form = _require(request, "MessageSid", "From", "Body")
        return [
            InboundSms(
                provider_message_id=form["MessageSid"],
                sender=form["From"],
                body=form["Body"],
                recipient=form.get("To", ""),
                raw=form,
            )
        ]

    def parse_status(self, request: WebhookRequest) -> list[StatusReport]:
        form = _require(request, "MessageSid", "MessageStatus")
        return [StatusReport(provider_message_id=form["MessageSid"], status=form["MessageStatus"])]


def _require(request: WebhookRequest, *names: str) -> dict[str, str]:
    form = request.form()
    missing = [name for name in names if not form.get(name)]
    if missing:
        raise WebhookMalformed("missing field(s): " + ", ".join(missing))
    return form


def _token_from(url: str) -> str:
    # /webhooks/simulator/<token>/status
    parts = [p for p in url.split("?")[0].split("/") if p]
    return parts[-2] if len(parts) >= 2 else ""
