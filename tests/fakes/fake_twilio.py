"""A fake Twilio REST API (2010-04-01 Messages) and a Twilio webhook forger."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.providers.base import WebhookRequest

from .server import CannedResponse, FakeProviderServer, RecordedRequest

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "fake-twilio-auth-token"

_MESSAGES = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)/Messages\.json$")
_ACCOUNT = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)\.json$")

# HTTP status Twilio answers with for some error codes; other codes answer 400.
_ERROR_STATUS = {"20003": 401, "20404": 404, "20429": 429, "20500": 500, "20503": 503}


class FakeTwilio(FakeProviderServer):
    """Emulates POST .../Accounts/{sid}/Messages.json (create), GET of the same (the
    list: To, From, PageSize, Page; most recent first) and GET .../Accounts/{sid}.json.

    `sent` holds the form of every accepted message (To, From or
    MessagingServiceSid, Body, StatusCallback...); `messages` the resources as Twilio
    would list them (a test may change their status).
    """

    def __init__(self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> None:
        super().__init__()
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.sent: list[dict[str, str]] = []
        self.messages: list[dict[str, Any]] = []
        self._sids = (f"SM{n:032x}" for n in itertools.count(1))

    def config(self, **overrides: str) -> dict[str, str]:
        """Provider config pointing at this fake."""
        return {
            "account_sid": self.account_sid,
            "auth_token": self.auth_token,
            "from_number": "+15005550006",
            "api_base_url": self.base_url,
            **overrides,
        }

    def answer(self, request: RecordedRequest) -> CannedResponse:
        if request.basic_auth() != (self.account_sid, self.auth_token):
            return self.error_response("20003")
        if request.method == "POST" and _MESSAGES.match(request.path):
            return self._create_message(request.form())
        if request.method == "GET" and _MESSAGES.match(request.path):
            return self._list_messages(request)
        if request.method == "GET" and _ACCOUNT.match(request.path):
            return CannedResponse.json(
                200, {"sid": self.account_sid, "friendly_name": "Fake account", "status": "active"}
            )
        return self.error_response("20404")

    def _create_message(self, form: dict[str, str]) -> CannedResponse:
        if not form.get("To") or not (form.get("From") or form.get("MessagingServiceSid")):
            return self.error_response("21604")
        with self._lock:
            self.sent.append(form)
            sid = next(self._sids)
            resource = _message_resource(sid, self.account_sid, form, dt.datetime.now(dt.UTC))
            self.messages.append(resource)
        return CannedResponse.json(201, resource)

    def _list_messages(self, request: RecordedRequest) -> CannedResponse:
        """Twilio's list format: the page's records under "messages", and the paging
        fields the SDK reads (next_page_uri null on the last page)."""
        query = request.query
        size = min(int(query.get("PageSize") or 50), 1000)
        number = int(query.get("Page") or 0)
        with self._lock:  # appended in creation order: newest first is the reverse
            matching = [
                m
                for m in reversed(self.messages)
                if query.get("To", m["to"]) == m["to"] and query.get("From", m["from"]) == m["from"]
            ]
        records = matching[number * size : (number + 1) * size]
        filters = {key: query[key] for key in ("To", "From") if key in query}

        def uri(page: int) -> str:
            return request.path + "?" + urlencode({**filters, "PageSize": size, "Page": page})

        more = (number + 1) * size < len(matching)
        return CannedResponse.json(
            200,
            {
                "messages": records,
                "start": number * size,
                "end": number * size + max(0, len(records) - 1),
                "page": number,
                "page_size": size,
                "uri": uri(number),
                "first_page_uri": uri(0),
                "previous_page_uri": uri(number - 1) if number else None,
                "next_page_uri": uri(number + 1) + "&PageToken=PASM" if more else None,
            },
        )

    def error_response(self, code: str) -> CannedResponse:
        status = _ERROR_STATUS.get(code, 400)
        return CannedResponse.json(
            status,
            {
                "code": int(code),
                "message": f"Fake Twilio error {code}",
                "more_info": f"https://www.twilio.com/docs/errors/{code}",
                "status": status,
            },
        )

    def server_error_response(self) -> CannedResponse:
        return self.error_response("20500")

    def rate_limited_response(self) -> CannedResponse:
        return self.error_response("20429")


def _message_resource(
    sid: str, account_sid: str, form: dict[str, str], created: dt.datetime
) -> dict[str, Any]:
    # Twilio's dates: RFC 2822, in UTC, to the second.
    stamp = created.strftime("%a, %d %b %Y %H:%M:%S +0000")
    return {
        "sid": sid,
        "account_sid": account_sid,
        "to": form["To"],
        "from": form.get("From"),
        "messaging_service_sid": form.get("MessagingServiceSid"),
        "body": form.get("Body", ""),
        "status": "queued",
        "num_segments": str(sms_cost(form.get("Body", "")).segments or 1),
        "direction": "outbound-api",
        "api_version": "2010-04-01",
        "date_created": stamp,
        "date_updated": stamp,
        "date_sent": None,  # Twilio has not sent it yet: still queued
        "error_code": None,
        "error_message": None,
        "price": None,
        "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}.json",
    }


def twilio_webhook(
    url: str,
    params: dict[str, str],
    auth_token: str = AUTH_TOKEN,
    *,
    signature: str | None = None,
) -> WebhookRequest:
    """A form-encoded Twilio webhook POST signed like Twilio does.

    Pass `signature=""` to leave the header out, or any string to forge one.
    """
    if signature is None:
        signature = RequestValidator(auth_token).compute_signature(url, params)
    headers = {"content-type": "application/x-www-form-urlencoded"}
    if signature:
        headers["x-twilio-signature"] = signature
    return WebhookRequest(url=url, method="POST", headers=headers, body=urlencode(params).encode())


def twilio_inbound_params(
    sender: str, body: str, to: str = "+15005550006", sid: str = "SM" + "a" * 32
) -> dict[str, str]:
    """The fields Twilio posts to the inbound-message webhook."""
    return {
        "MessageSid": sid,
        "SmsSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": sender,
        "To": to,
        "Body": body,
        "NumSegments": str(sms_cost(body).segments or 1),
        "NumMedia": "0",
        "ApiVersion": "2010-04-01",
    }


def twilio_status_params(sid: str, status: str, error_code: str = "") -> dict[str, str]:
    """The fields Twilio posts to a status callback."""
    params = {
        "MessageSid": sid,
        "SmsSid": sid,
        "AccountSid": ACCOUNT_SID,
        "MessageStatus": status,
        "SmsStatus": status,
        "To": "+33612345678",
        "From": "+15005550006",
        "ApiVersion": "2010-04-01",
    }
    if error_code:
        params["ErrorCode"] = error_code
    return params
