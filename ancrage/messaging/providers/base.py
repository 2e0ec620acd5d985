"""What every SMS provider implements.

Providers never touch the database nor Django's request objects: they turn our
outbound message into an API call, and a provider's webhook (a plain
`WebhookRequest`) into inbound messages or delivery reports. The messaging
services do the rest, identically for every provider.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import parse_qsl


class ProviderError(Exception):
    """A provider call failed. `permanent` errors are never retried."""

    def __init__(self, message: str, *, permanent: bool, code: str = "") -> None:
        super().__init__(message)
        self.permanent = permanent
        self.code = code


class WebhookRejected(Exception):
    """A webhook failed verification (bad or missing signature): answer 403."""


class WebhookMalformed(Exception):
    """A webhook is signed correctly but cannot be understood: answer 400."""


@dataclass(frozen=True)
class WebhookRequest:
    """A framework-free view of an incoming HTTP request."""

    url: str  # the public URL the provider called, query string included
    method: str
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)

    def form(self) -> dict[str, str]:
        """The urlencoded body as a dict (last value wins)."""
        return dict(parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True))

    def query(self) -> dict[str, str]:
        _, _, query = self.url.partition("?")
        return dict(parse_qsl(query, keep_blank_values=True))


@dataclass(frozen=True)
class OutboundSms:
    message_id: int  # our Message primary key, useful as a client reference
    to: str  # E.164
    body: str
    sender: str = ""  # provider number or sender id; empty lets the provider choose
    status_callback_url: str = ""


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str
    segments: int | None = None  # as billed by the provider, when it says
    # Every id the provider gave when it split a long message into separately
    # tracked parts (Vonage returns one id per part, and one delivery report per
    # part): status reports may carry any of them. Empty when there is only one.
    provider_part_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class InboundSms:
    provider_message_id: str
    sender: str  # as the provider gave it; normalised to E.164 by the services
    body: str
    recipient: str = ""
    received_at: dt.datetime | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StatusReport:
    provider_message_id: str
    status: str  # one of Message.Status values: sent, delivered, failed, undelivered
    error_code: str = ""
    error_message: str = ""
    occurred_at: dt.datetime | None = None
    opted_out: bool = False  # the provider says the recipient blocked us (e.g. Twilio 21610)


class Provider:
    """Base class: concrete providers are mostly data plus these hooks."""

    code: ClassVar[str]
    label: ClassVar[str]
    config_keys: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: dict[str, str] | None = None) -> None:
        self.config = config or {}

    def send(self, sms: OutboundSms) -> SendResult:
        raise NotImplementedError

    def verify_webhook(self, request: WebhookRequest) -> None:
        """Raise WebhookRejected unless the request is authentically from the provider."""
        raise NotImplementedError

    def parse_inbound(self, request: WebhookRequest) -> list[InboundSms]:
        """Inbound messages carried by a verified webhook (may be empty)."""
        return []

    def parse_status(self, request: WebhookRequest) -> list[StatusReport]:
        """Delivery reports carried by a verified webhook (may be empty)."""
        return []

    def check_connection(self) -> str:
        """Check the credentials against the provider; return a short description."""
        return self.label
