"""Twilio, through the official `twilio` SDK.

Config keys:
    account_sid, auth_token       credentials from the Twilio console
    from_number                   E.164 sending number, or
    messaging_service_sid         a Messaging Service (MG...) that picks the sender
    api_base_url                  replaces https://api.twilio.com when the operator allows
                                  custom URLs (tests, fakes; see urls.py)

Webhooks are form-encoded POSTs signed with X-Twilio-Signature (HMAC-SHA1 of the
public URL plus the sorted POST parameters, keyed with the auth token); the SDK's
RequestValidator checks it against `WebhookRequest.url`, which must be the exact
URL Twilio called (scheme, host and query included, as configured in Twilio).
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
import threading
import unicodedata
from typing import Any
from urllib.parse import urlparse

from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from .base import (
    InboundSms,
    OutboundSms,
    Provider,
    ProviderError,
    SendResult,
    SentCopy,
    SentLookup,
    StatusReport,
    WebhookMalformed,
    WebhookRejected,
    WebhookRequest,
)
from .errors import CONFIG, NETWORK, RATE_LIMITED, SERVER_ERROR, TRANSIENT_HTTP_STATUSES
from .pooled_http import NETWORK_ERRORS, PooledHttpClient
from .urls import api_base_url

TIMEOUT_SECONDS = 15.0
OPTED_OUT_CODE = "21610"  # "Attempt to send to unsubscribed recipient"
# Looking for an interrupted send (find_sent): pages of the Messages list, most recent
# first; past LOOKUP_PAGES pages without reaching the window's start, the answer is unknown.
LOOKUP_PAGE_SIZE = 20
LOOKUP_PAGES = 5
TRIAL_PREFIX = "Sent from your Twilio trial account - "  # what Twilio adds on trial accounts

# Twilio codes that mean "later", even when the HTTP status looks permanent.
TRANSIENT_CODES = frozenset(
    {
        "20429",  # too many requests
        "14107",  # SMS send rate limit exceeded
        "30001",  # queue overflow
        "30022",  # US A2P 10DLC throughput exceeded
        "20500",  # internal server error
        "20503",  # service unavailable
    }
)

# Twilio MessageStatus -> our status. Statuses not listed (queued, accepted,
# scheduled, sending, receiving, received) are steps we do not report.
STATUS_MAP = {
    "sent": "sent",
    "delivered": "delivered",
    "read": "delivered",
    "undelivered": "undelivered",
    "failed": "failed",
    "canceled": "failed",
}


class _Params(dict[str, str]):
    """POST parameters that keep repeated keys, as RequestValidator expects (getlist)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        super().__init__(pairs)
        self._pairs = pairs

    def getlist(self, key: str) -> list[str]:
        return [value for name, value in self._pairs if name == key]


class TwilioProvider(Provider):
    code = "twilio"
    label = "Twilio"
    config_keys = (
        "account_sid",
        "auth_token",
        "from_number",
        "messaging_service_sid",
        "api_base_url",
    )

    def _client(self) -> Client:
        """One SDK client per provider instance and thread: its HTTP session keeps
        connections open across sends, and the SDK's client is not thread-safe (it returns
        the response it last stored on itself)."""
        local = self.__dict__.setdefault("_local", threading.local())
        client: Client | None = getattr(local, "client", None)
        if client is None:
            client = local.client = self._new_client()
        return client

    def _new_client(self) -> Client:
        client = Client(
            self.config.get("account_sid"),
            self.config.get("auth_token"),
            http_client=PooledHttpClient(timeout=TIMEOUT_SECONDS),
            environment={},  # never pick up TWILIO_* from the process environment
        )
        base_url = api_base_url(self.config, "")  # "": the SDK's own https://api.twilio.com
        if base_url:
            # Domain.base_url is the SDK's own attribute for the API host.
            client.api.base_url = base_url.rstrip("/")
        return client

    def _sender_kwargs(self, sms: OutboundSms) -> dict[str, str]:
        if sms.sender:
            return {"from_": sms.sender}
        if self.config.get("messaging_service_sid"):
            return {"messaging_service_sid": self.config["messaging_service_sid"]}
        if self.config.get("from_number"):
            return {"from_": self.config["from_number"]}
        raise ProviderError(
            "Twilio needs from_number or messaging_service_sid", permanent=True, code=CONFIG
        )

    def send(self, sms: OutboundSms) -> SendResult:
        kwargs: dict[str, Any] = {"to": sms.to, "body": sms.body, **self._sender_kwargs(sms)}
        if sms.status_callback_url:
            kwargs["status_callback"] = sms.status_callback_url
        try:
            message = self._client().messages.create(**kwargs)
        except (TwilioRestException, TwilioServiceException) as exc:
            raise classify_twilio_error(exc.status, exc.code, str(getattr(exc, "msg", ""))) from exc
        except NETWORK_ERRORS as exc:
            raise ProviderError(
                f"Twilio unreachable: {exc}", permanent=False, code=NETWORK
            ) from exc
        segments = int(message.num_segments) if message.num_segments else None
        return SendResult(provider_message_id=str(message.sid), segments=segments or None)

    def verify_webhook(self, request: WebhookRequest) -> None:
        signature = request.header("X-Twilio-Signature")
        if not signature:
            raise WebhookRejected("missing X-Twilio-Signature")
        validator = RequestValidator(self.config.get("auth_token", ""))
        params = _signed_params(request)
        # validate() signs the URL both with and without its port, one of which is the URL as
        # called: that one alone first, so that a valid request costs one HMAC, not two.
        if isinstance(params, _Params):
            as_called = validator.compute_signature(urlparse(request.url).geturl(), params)
            if hmac.compare_digest(as_called.encode(), signature.encode("utf-8", "replace")):
                return
        if not validator.validate(request.url, params, signature):
            raise WebhookRejected("X-Twilio-Signature does not match")

    def parse_inbound(self, request: WebhookRequest) -> list[InboundSms]:
        form = request.form()
        sid = form.get("MessageSid") or form.get("SmsSid")
        if not sid or "From" not in form:
            raise WebhookMalformed("inbound Twilio webhook without MessageSid or From")
        return [
            InboundSms(
                provider_message_id=sid,
                sender=form["From"],
                body=form.get("Body", ""),
                recipient=form.get("To", ""),
                raw={**form, "segments": _int_or_none(form.get("NumSegments"))},
            )
        ]

    def parse_status(self, request: WebhookRequest) -> list[StatusReport]:
        form = request.form()
        sid = form.get("MessageSid") or form.get("SmsSid")
        twilio_status = form.get("MessageStatus") or form.get("SmsStatus")
        if not sid or not twilio_status:
            raise WebhookMalformed("Twilio status callback without MessageSid or MessageStatus")
        status = STATUS_MAP.get(twilio_status)
        if status is None:
            return []
        error_code = form.get("ErrorCode", "")
        return [
            StatusReport(
                provider_message_id=sid,
                status=status,
                error_code=error_code,
                error_message=form.get("ErrorMessage", ""),
                opted_out=error_code == OPTED_OUT_CODE,
            )
        ]

    def find_sent(self, sms: OutboundSms, not_before: dt.datetime) -> SentLookup:
        """Twilio's Messages list filtered by To (and From, unless a Messaging Service picks
        the sender), most recent first, page by page until a page reaches back before
        `not_before`. Not DateSent: it is day-granular and leaves out messages not sent yet
        (queued at Twilio), exactly the ones we look for; date_created is compared here."""
        try:
            sender = self._sender_kwargs(sms)
        except ProviderError as exc:
            return SentLookup.unknown(str(exc))
        service = sender.get("messaging_service_sid", "")
        copies: list[SentCopy] = []
        try:
            page = self._client().messages.page(
                to=sms.to, page_size=LOOKUP_PAGE_SIZE, **_only_from(sender)
            )
            for _ in range(LOOKUP_PAGES):
                reached = False
                for listed in page:
                    created = listed.date_created
                    if isinstance(created, dt.datetime) and created < not_before:
                        reached = True  # the rest of the page is checked all the same
                    elif _ours(listed, service):
                        copies.append(_copy(listed))
                if reached or not page.next_page_url:
                    return SentLookup(tuple(copies))
                page = page.next_page()
        except (TwilioException, *NETWORK_ERRORS) as exc:
            return SentLookup.unknown(f"Twilio lookup failed: {type(exc).__name__}: {exc}")
        return SentLookup.unknown(
            f"more than {LOOKUP_PAGE_SIZE * LOOKUP_PAGES} messages to this number since then"
        )

    def same_text(self, ours: str, listed: str) -> bool:
        """The body as Twilio lists it: as sent, behind the trial accounts' prefix, or with
        Smart Encoding's look-alike characters (curly quotes made straight...)."""
        listed = listed.removeprefix(TRIAL_PREFIX)
        return listed == ours or _plain(listed) == _plain(ours)

    def check_connection(self) -> str:
        try:
            self._client().api.v2010.account.fetch()
        except (TwilioRestException, TwilioServiceException) as exc:
            raise classify_twilio_error(exc.status, exc.code, "") from exc
        except NETWORK_ERRORS as exc:
            raise ProviderError(
                f"Twilio unreachable: {exc}", permanent=False, code=NETWORK
            ) from exc
        # Nothing from the answer is shown back (the account's name included).
        return "Twilio"


def classify_twilio_error(status: int, code: int | str | None, message: str = "") -> ProviderError:
    """Turn a Twilio API error into a ProviderError that says whether to retry."""
    code_text = str(code) if code else ""
    if code_text in TRANSIENT_CODES or status == 429:
        return ProviderError(
            message or "Twilio rate limit", permanent=False, code=code_text or RATE_LIMITED
        )
    if status in TRANSIENT_HTTP_STATUSES or status >= 500:
        return ProviderError(
            message or f"Twilio HTTP {status}", permanent=False, code=code_text or SERVER_ERROR
        )
    return ProviderError(
        message or f"Twilio error {code_text}", permanent=True, code=code_text or str(status)
    )


def _signed_params(request: WebhookRequest) -> Any:
    """What Twilio signed: the form params, or the raw body for JSON webhooks (bodySHA256)."""
    if "bodySHA256" in request.query():
        return request.body.decode("utf-8", "replace")
    return _Params(request.form_pairs())


def _only_from(sender: dict[str, str]) -> dict[str, str]:
    return {"from_": sender["from_"]} if "from_" in sender else {}


def _ours(listed: Any, service: str) -> bool:
    """An outbound message from our sender (To is filtered by Twilio already)."""
    if not str(listed.direction or "").startswith("outbound"):
        return False
    return not service or listed.messaging_service_sid in (None, "", service)


def _copy(listed: Any) -> SentCopy:
    created = listed.date_created
    return SentCopy(
        provider_message_id=str(listed.sid),
        body=str(listed.body or ""),
        created_at=created if isinstance(created, dt.datetime) else None,
        status=STATUS_MAP.get(str(listed.status or ""), ""),
        segments=_int_or_none(listed.num_segments),
        error_code=str(listed.error_code or ""),
        error_message=str(listed.error_message or ""),
    )


_SMART = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " "})  # fmt: skip


def _plain(text: str) -> str:
    """Text compared without accents, typographic quotes and dashes, or spacing."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SMART))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", bare).strip().casefold()


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None
