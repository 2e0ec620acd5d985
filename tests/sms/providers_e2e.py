"""Per-provider glue for end-to-end tests: configure through the UI, forge webhooks, post them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.test import Client
from django.urls import reverse

from ancrage.messaging.providers.base import WebhookRequest
from ancrage.messaging.services import webhook_url
from tests.fakes import FakeAndroidGateway, FakeTwilio, FakeVonage
from tests.fakes.fake_android import android_webhook, received_payload, status_payload
from tests.fakes.fake_twilio import twilio_inbound_params, twilio_status_params, twilio_webhook
from tests.fakes.fake_vonage import vonage_inbound_params, vonage_receipt_params, vonage_webhook

_ids = itertools.count(1)
SENDERS = {"twilio": "+15005550006", "vonage": "33939000000", "android": ""}


@dataclass
class ProviderCase:
    code: str
    fake_class: type

    def start(self) -> Any:
        return self.fake_class().start()

    def form_data(self, fake: Any, **overrides: Any) -> dict[str, Any]:
        config = fake.config()
        data = {
            f"{self.code}-{key}": value for key, value in config.items() if key != "from_number"
        }
        data[f"{self.code}-sender"] = SENDERS[self.code]
        data[f"{self.code}-max_per_minute"] = "0"
        data[f"{self.code}-use_to_send"] = "on"
        data.update({f"{self.code}-{key}": value for key, value in overrides.items()})
        return data

    def configure(self, client: Client, fake: Any, **overrides: Any):
        return client.post(
            reverse("sms_account_save", args=[self.code]), self.form_data(fake, **overrides)
        )

    def sent_bodies(self, fake: Any) -> list[str]:
        if self.code == "twilio":
            return [sent["Body"] for sent in fake.sent]
        if self.code == "vonage":
            return [sent["text"] for sent in fake.sent]
        return [sent["textMessage"]["text"] for sent in fake.sent]

    def inbound(self, practice, sender: str, body: str, provider_id: str = "", **kw: Any):
        provider_id = provider_id or f"IN{next(_ids):08d}"
        if self.code == "twilio":
            url = webhook_url(practice, "twilio", "inbound")
            params = twilio_inbound_params(sender, body, sid="SM" + provider_id.rjust(32, "0"))
            return twilio_webhook(url, params, **kw)
        if self.code == "vonage":
            url = webhook_url(practice, "vonage", "inbound")
            params = vonage_inbound_params(sender.lstrip("+"), body, message_id=provider_id)
            return vonage_webhook(url, params, **kw)
        url = webhook_url(practice, "android", "events")
        payload = received_payload(sender, body)
        return android_webhook(url, "sms:received", payload, event_id=provider_id, **kw)

    def status(self, practice, provider_id: str, status: str, error_code: str = "", **kw: Any):
        if self.code == "twilio":
            url = webhook_url(practice, "twilio", "status")
            return twilio_webhook(url, twilio_status_params(provider_id, status, error_code), **kw)
        if self.code == "vonage":
            url = webhook_url(practice, "vonage", "status")
            vonage_status = {"sent": "accepted"}.get(status, status)
            params = vonage_receipt_params(provider_id, vonage_status, error_code or "0")
            return vonage_webhook(url, params, **kw)
        url = webhook_url(practice, "android", "events")
        event = f"sms:{status}"
        return android_webhook(
            url, event, status_payload(provider_id, event), event_id=f"EV{next(_ids)}", **kw
        )


CASES = [
    ProviderCase("twilio", FakeTwilio),
    ProviderCase("vonage", FakeVonage),
    ProviderCase("android", FakeAndroidGateway),
]


def post_webhook(client: Client, request: WebhookRequest):
    """Send a forged/signed provider webhook through the real URL, view and middleware."""
    path = request.url.removeprefix(settings.PUBLIC_BASE_URL)
    headers = {k: v for k, v in request.headers.items() if k != "content-type"}
    return client.generic(
        request.method,
        path,
        request.body,
        content_type=request.headers.get("content-type", ""),
        headers=headers,
    )
