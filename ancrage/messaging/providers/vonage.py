"""Vonage (ex-Nexmo) SMS API, through the official `vonage` SDK.

Config keys:
    api_key, api_secret     credentials used to send (dashboard > API settings)
    signature_secret        the "signature secret" that signs webhooks (required:
                            unsigned Vonage webhooks are rejected)
    signature_method        md5hash, md5, sha1, sha256 or sha512 (default sha256),
                            as chosen in the dashboard
    from_number             sending number (E.164) or alphanumeric sender id
    api_base_url            replaces https://rest.nexmo.com when the operator allows custom
                            URLs (tests, fakes; see urls.py)

Webhooks (GET query, POST form or POST JSON, as set in the dashboard) carry a
`sig` over every other parameter and a `timestamp`; both are checked, and a
timestamp more than five minutes away from now is refused (replays).

Long inbound messages arrive as one webhook per part (concat=true, concat-ref,
concat-total, concat-part). The adapter cannot join requests it never sees
together: each part becomes its own InboundSms whose `raw["multipart"]` says
which part it is, and the app calls `assemble_parts()` on the stored parts of a
reference once they are all in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from vonage import Auth, HttpClientOptions, Vonage
from vonage_http_client.errors import (
    AuthenticationError,
    ForbiddenError,
    HttpRequestError,
    RateLimitedError,
)
from vonage_sms import SmsMessage
from vonage_sms.errors import PartialFailureError, SmsError

from ancrage.lib.sms_encoding import UCS2, sms_cost

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
from .errors import CONFIG, NETWORK, RATE_LIMITED, SERVER_ERROR, TRANSIENT_HTTP_STATUSES
from .urls import api_base_url

TIMEOUT_SECONDS = 15
MAX_WEBHOOK_AGE_SECONDS = 5 * 60
MAX_PARTS = 255  # a concatenated SMS counts its parts in one byte
SIGNATURE_METHODS = ("md5hash", "md5", "sha1", "sha256", "sha512")
MAX_CALLBACK_URL_LENGTH = 100  # Vonage refuses longer per-message callback URLs

# SMS API statuses worth retrying: 1 throttled, 5 internal error. All others
# (2 missing params, 3 invalid params, 4 credentials, 6 unroutable, 7 barred,
# 9 quota, 15 sender, 29 non-whitelisted...) will fail the same way again.
TRANSIENT_STATUSES = frozenset({"1", "5"})

# Delivery receipt status -> ours; "unknown" is not reported.
STATUS_MAP = {
    "delivered": "delivered",
    "accepted": "sent",
    "buffered": "sent",
    "expired": "undelivered",
    "failed": "failed",
    "rejected": "failed",
}


class _PlainHttpAdapter(HTTPAdapter):
    """Sends the SDK's https:// requests over plain HTTP (local fake servers only)."""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        request.url = "http://" + (request.url or "").removeprefix("https://")
        return super().send(request, *args, **kwargs)


class VonageProvider(Provider):
    code = "vonage"
    label = "Vonage"
    config_keys = (
        "api_key",
        "api_secret",
        "signature_secret",
        "signature_method",
        "from_number",
        "api_base_url",
    )

    # -- sending -----------------------------------------------------------------------
    def _client(self) -> Vonage:
        # Only the API secret here: given a signature secret too, the SDK would sign
        # outbound requests, which the md5hash method cannot do.
        auth = Auth(api_key=self.config.get("api_key"), api_secret=self.config.get("api_secret"))
        base_url = urlsplit(api_base_url(self.config, "https://rest.nexmo.com"))
        options = HttpClientOptions(
            rest_host=base_url.netloc, api_host=base_url.netloc, timeout=TIMEOUT_SECONDS
        )
        client = Vonage(auth, options)
        if base_url.scheme == "http":
            _allow_plain_http(client, base_url.netloc)
        return client

    def send(self, sms: OutboundSms) -> SendResult:
        sender = sms.sender or self.config.get("from_number", "")
        if not sender:
            raise ProviderError("Vonage needs from_number", permanent=True, code=CONFIG)
        try:
            response = self._client().sms.send(self._message(sms, sender))
        except (SmsError, HttpRequestError, requests.RequestException) as exc:
            raise classify_vonage_error(exc) from exc
        ids = tuple(m.message_id for m in response.messages if m.message_id)
        return SendResult(
            provider_message_id=ids[0],
            segments=len(ids),
            provider_part_ids=ids if len(ids) > 1 else (),
        )

    def _message(self, sms: OutboundSms, sender: str) -> SmsMessage:
        callback = sms.status_callback_url
        if len(callback) > MAX_CALLBACK_URL_LENGTH:
            callback = ""  # the dashboard's default receipt URL applies
        return SmsMessage(
            to=_without_plus(sms.to),
            from_=_without_plus(sender),
            text=sms.body,
            # Without type=unicode, Vonage mangles é, ê, ç, emoji...
            type="unicode" if sms_cost(sms.body).encoding == UCS2 else "text",
            client_ref=str(sms.message_id),
            callback=callback or None,
            status_report_req=True if callback else None,
        )

    def check_connection(self) -> str:
        try:
            balance = self._client().account.get_balance()
        except (HttpRequestError, requests.RequestException) as exc:
            raise classify_vonage_error(exc) from exc
        return f"Vonage: balance {balance.value:.2f} EUR"

    # -- webhooks ----------------------------------------------------------------------
    def verify_webhook(self, request: WebhookRequest) -> None:
        secret = self.config.get("signature_secret", "")
        if not secret:
            raise WebhookRejected("Vonage signature_secret is not configured")
        try:
            params = webhook_params(request)
        except WebhookMalformed as exc:  # what cannot be read cannot be verified
            raise WebhookRejected(str(exc)) from exc
        if not params.get("sig"):
            raise WebhookRejected("missing Vonage sig")
        _check_fresh(params.get("timestamp"))
        method = self.config.get("signature_method") or "sha256"
        try:
            expected = vonage_signature(params, secret, method, api_key=self.config.get("api_key"))
        except UnicodeEncodeError as exc:  # a lone surrogate from JSON: nothing Vonage signs
            raise WebhookRejected("Vonage webhook with invalid characters") from exc
        given = str(params["sig"]).lower().encode("utf-8", "surrogatepass")
        if not hmac.compare_digest(expected.lower().encode(), given):  # bytes: any sig compares
            raise WebhookRejected("Vonage sig does not match")

    def parse_inbound(self, request: WebhookRequest) -> list[InboundSms]:
        params = webhook_params(request)
        if "status" in params and "text" not in params:
            return []  # a delivery receipt on the inbound URL
        if not params.get("msisdn") or not params.get("messageId"):
            raise WebhookMalformed("Vonage inbound webhook without msisdn or messageId")
        raw = dict(params)
        part = multipart_info(params)
        if part is not None:
            raw["multipart"] = {"ref": part.ref, "total": part.total, "part": part.part}
        return [
            InboundSms(
                provider_message_id=str(params["messageId"]),
                sender=_with_plus(str(params["msisdn"])),
                body=str(params.get("text", "")),
                recipient=_with_plus(str(params.get("to", ""))),
                received_at=_parse_vonage_time(params.get("message-timestamp")),
                raw=raw,
            )
        ]

    def parse_status(self, request: WebhookRequest) -> list[StatusReport]:
        params = webhook_params(request)
        if "text" in params:
            return []  # an inbound message on the status URL
        if not params.get("messageId") or not params.get("status"):
            raise WebhookMalformed("Vonage delivery receipt without messageId or status")
        status = STATUS_MAP.get(str(params["status"]))
        if status is None:
            return []
        error_code = str(params.get("err-code", "0"))
        return [
            StatusReport(
                provider_message_id=str(params["messageId"]),
                status=status,
                error_code="" if error_code == "0" else error_code,
                occurred_at=_parse_vonage_time(params.get("message-timestamp")),
            )
        ]


# -- multipart inbound ------------------------------------------------------------------
@dataclass(frozen=True)
class MultipartInfo:
    ref: str  # concat-ref: the same for every part of one long message (per sender)
    total: int
    part: int  # 1-based


def multipart_info(params: Mapping[str, Any]) -> MultipartInfo | None:
    """Which part of a long message this inbound webhook (or its `raw`) carries, if any."""
    if str(params.get("concat", "")).lower() != "true":
        return None
    try:
        info = MultipartInfo(
            ref=str(params["concat-ref"]),
            total=int(params["concat-total"]),
            part=int(params["concat-part"]),
        )
    except (KeyError, ValueError, TypeError, OverflowError) as exc:
        raise WebhookMalformed(f"incomplete Vonage concat fields: {exc}") from exc
    if not 1 <= info.part <= info.total <= MAX_PARTS:
        raise WebhookMalformed(
            f"Vonage concat-part {info.part} of concat-total {info.total} is out of range"
        )
    return info


def assemble_parts(parts: Iterable[Mapping[str, Any]]) -> str | None:
    """The full text of a multipart message, or None while a part is still missing.

    `parts` are the `InboundSms.raw` dicts stored for one sender and one
    concat-ref, in any order, possibly with duplicates (Vonage retries webhooks).
    """
    texts: dict[int, str] = {}
    total, refs = 0, set()
    for raw in parts:
        info = multipart_info(raw)
        if info is None:
            raise ValueError("assemble_parts() got a message that is not multipart")
        refs.add(info.ref)
        total = info.total
        texts[info.part] = str(raw.get("text", ""))
    if len(refs) > 1:
        raise ValueError(f"parts of different messages: concat-ref {sorted(refs)}")
    if total == 0 or set(texts) != set(range(1, total + 1)):
        return None
    return "".join(texts[number] for number in range(1, total + 1))


# -- signatures -------------------------------------------------------------------------
def webhook_params(request: WebhookRequest) -> dict[str, Any]:
    """A Vonage webhook's parameters, whether sent as GET query, POST form or POST JSON."""
    if request.method.upper() == "GET":
        return dict(request.query())
    if "json" in request.header("content-type"):
        try:
            data = json.loads(request.body or b"{}")
        except (ValueError, RecursionError) as exc:  # RecursionError: [[[[… nested too deep
            raise WebhookMalformed("Vonage webhook body is not JSON") from exc
        if not isinstance(data, dict):
            raise WebhookMalformed("Vonage webhook JSON is not an object")
        return data
    return {**request.query(), **request.form()}


def vonage_signature(
    params: Mapping[str, Any], secret: str, method: str = "sha256", *, api_key: str | None = None
) -> str:
    """The `sig` Vonage computes over `params` (any `sig` in them is ignored)."""
    unsigned = {key: value for key, value in params.items() if key != "sig"}
    if method == "md5hash":
        return _md5hash_signature(unsigned, secret)
    if method not in SIGNATURE_METHODS:
        raise ValueError(f"unknown Vonage signature method {method!r}")
    # The SDK's own HMAC implementation (Auth wants an api_key beside the secret).
    auth = Auth(api_key=api_key or "unused", signature_secret=secret, signature_method=method)
    return auth.sign_params(unsigned)


def _md5hash_signature(params: Mapping[str, Any], secret: str) -> str:
    """Vonage's legacy "MD5 hash": md5 of the sorted &key=value string, then the secret."""
    return hashlib.md5(_signing_string(params) + secret.encode()).hexdigest()


def _signing_string(params: Mapping[str, Any]) -> bytes:
    pairs = []
    for key in sorted(params):
        value = params[key]
        if isinstance(value, str):
            value = value.replace("&", "_").replace("=", "_")  # as Vonage does
        pairs.append(f"&{key}={value}")
    return "".join(pairs).encode()


def _check_fresh(timestamp: Any, now: float | None = None) -> None:
    try:
        age = abs((now or time.time()) - int(timestamp))
    except (TypeError, ValueError, OverflowError) as exc:  # OverflowError: 1e999, 9999…
        raise WebhookRejected("Vonage webhook without a valid timestamp") from exc
    if age > MAX_WEBHOOK_AGE_SECONDS:
        raise WebhookRejected("Vonage webhook timestamp is stale")


# -- errors -----------------------------------------------------------------------------
_STATUS_IN_MESSAGE = re.compile(r"error code (\d+)")


def classify_vonage_error(exc: Exception) -> ProviderError:
    """Turn an SDK or network exception into a ProviderError that says whether to retry."""
    if isinstance(exc, PartialFailureError):
        failed = [m for m in exc.response["messages"] if str(m.get("status")) != "0"]
        status = str(failed[0].get("status")) if failed else "5"
        return _status_error(status, "some parts of the message were refused")
    if isinstance(exc, SmsError):
        match = _STATUS_IN_MESSAGE.search(str(exc))
        return _status_error(match.group(1) if match else "5", str(exc))
    if isinstance(exc, RateLimitedError):
        return ProviderError("Vonage rate limit", permanent=False, code=RATE_LIMITED)
    if isinstance(exc, AuthenticationError | ForbiddenError):
        return ProviderError("Vonage rejected the credentials", permanent=True, code="4")
    if isinstance(exc, HttpRequestError):
        status = exc.response.status_code
        transient = status in TRANSIENT_HTTP_STATUSES or status >= 500
        return ProviderError(
            f"Vonage HTTP {status}",
            permanent=not transient,
            code=SERVER_ERROR if transient else str(status),
        )
    return ProviderError(f"Vonage unreachable: {exc}", permanent=False, code=NETWORK)


def _status_error(status: str, message: str) -> ProviderError:
    return ProviderError(message, permanent=status not in TRANSIENT_STATUSES, code=status)


# -- small helpers ----------------------------------------------------------------------
def _allow_plain_http(client: Vonage, host: str) -> None:
    """Let the SDK, which always builds https:// URLs, talk to an http:// fake server.

    This reaches the SDK's requests session (a private attribute): it is used only
    when api_base_url is http://, i.e. against local fakes, never in production.
    """
    session = getattr(client.http_client, "_session", None)
    if not isinstance(session, requests.Session):
        raise ProviderError(
            "this vonage SDK version cannot be pointed at an http:// URL",
            permanent=True,
            code=CONFIG,
        )
    session.mount(f"https://{host}", _PlainHttpAdapter(max_retries=0))


def _without_plus(number: str) -> str:
    return number.removeprefix("+")


def _with_plus(number: str) -> str:
    """Vonage numbers are international without '+'; add it so FR defaults never apply."""
    return f"+{number}" if number.isdigit() else number


def _parse_vonage_time(value: Any) -> dt.datetime | None:
    """Vonage timestamps look like '2026-03-14 09:30:00' and are UTC."""
    try:
        parsed = dt.datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return parsed.replace(tzinfo=dt.UTC)
