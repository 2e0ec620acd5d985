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

    def form_pairs(self) -> list[tuple[str, str]]:
        """The urlencoded body's (name, value) pairs, in order, repeated names kept; parsed
        once per request (verifying and parsing both read it). Do not modify the list."""
        pairs: list[tuple[str, str]] | None = self.__dict__.get("_form_pairs")
        if pairs is None:
            pairs = parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True)
            object.__setattr__(self, "_form_pairs", pairs)  # a cache, not a field
        return pairs

    def form(self) -> dict[str, str]:
        """The urlencoded body as a dict (last value wins)."""
        return dict(self.form_pairs())

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


@dataclass(frozen=True)
class SentCopy:
    """An outbound SMS as the provider lists it (Provider.find_sent)."""

    provider_message_id: str
    body: str
    created_at: dt.datetime | None = None
    status: str = ""  # as a StatusReport would give it; "" for steps we do not report
    segments: int | None = None
    error_code: str = ""
    error_message: str = ""


@dataclass(frozen=True)
class SentLookup:
    """What a provider holds of an outbound SMS whose send was interrupted: every message
    it lists to that number from our sender since `not_before` (`copies`, most recent
    first; empty: it has none), or None when it cannot tell (`reason` says why)."""

    copies: tuple[SentCopy, ...] | None
    reason: str = ""

    @classmethod
    def unknown(cls, reason: str) -> SentLookup:
        return cls(None, reason)

    @property
    def known(self) -> bool:
        return self.copies is not None


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

    def find_sent(self, sms: OutboundSms, not_before: dt.datetime) -> SentLookup:
        """The messages the provider has to `sms.to` from the sender `send(sms)` would use,
        created at or after `not_before`, for a send a dead worker interrupted
        (messaging/reconcile.py matches them). Complete for that window or unknown: an
        empty list must mean "none", never "I looked at the first page only".

        A provider that sends a long SMS as several calls would list a copy only once
        every part is there, and answer unknown when only some are: those providers here
        send one call per message (Twilio splits it itself and lists it whole; Vonage
        answers one id per part but has no lookup). Default: unknown (the message stays
        "to check", as without a lookup)."""
        return SentLookup.unknown(f"{self.label} cannot list sent messages")

    def same_text(self, ours: str, listed: str) -> bool:
        """Whether `listed` (a body as the provider lists it) is the text we sent."""
        return listed == ours
