"""Outbound SMS: what may be sent, and queuing it. The dispatcher (dispatch.py) sends.

A queued Message row is the whole hand-off: no task is enqueued per message, the
dispatcher claims due rows straight from the table (docs/dispatch.md).
"""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coach, Coachee, Practice
from ancrage.consent.services import opted_out_since
from ancrage.lib.sms_encoding import MAX_SEGMENTS, sms_cost
from ancrage.messaging import credentials
from ancrage.messaging.models import Message, ProviderAccount
from ancrage.messaging.providers.base import Provider
from ancrage.messaging.providers.registry import load_provider_class

SIMULATOR = "simulator"


class CannotSend(ValueError):
    """The coach's message cannot go: the text says why, in the coach's language."""


class ProviderNotConfigured(LookupError):
    """The practice has no account for this provider."""


def provider_for(practice: Practice, code: str | None = None) -> Provider:
    """The provider `code` (default: the practice's) built with the practice's credentials."""
    code = code or practice.sms_provider
    provider_class = load_provider_class(code)
    if code == SIMULATOR:
        return provider_class()
    account = ProviderAccount.objects.filter(practice=practice, provider=code).first()
    if account is None:
        raise ProviderNotConfigured(f"{practice} has no {code} account")
    return provider_class(account_config(account))


PROVIDER_CACHE_SECONDS = 10.0
_sending: dict[tuple[int, str], tuple[float, Provider]] = {}


def cached_provider(practice: Practice, code: str) -> Provider:
    """provider_for, built once per PROVIDER_CACHE_SECONDS for the dispatcher: credentials
    decrypted and HTTP connections pooled once, not per SMS."""
    key = (practice.pk, code)
    cached = _sending.get(key)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    provider = provider_for(practice, code)
    _sending[key] = (time.monotonic() + PROVIDER_CACHE_SECONDS, provider)
    return provider


def clear_sending_cache() -> None:
    _sending.clear()


def account_config(account: ProviderAccount) -> dict[str, str]:
    config = credentials.decrypt(account.credentials)
    if account.sender:
        config["from_number"] = account.sender
    return config


def webhook_url(practice: Practice, provider_code: str, kind: str) -> str:
    path = reverse("webhook", args=[provider_code, practice.webhook_token, kind])
    return settings.PUBLIC_BASE_URL + path


def check_sendable(coachee: Coachee, body: str, kind: str = Message.Kind.MANUAL) -> None:
    if not body.strip():
        raise CannotSend(_("The message is empty."))
    cost = sms_cost(body)
    if cost.too_long:
        raise CannotSend(
            _("This message would take %(n)d SMS; the limit is %(max)d. Shorten it.")
            % {"n": cost.segments, "max": MAX_SEGMENTS}
        )
    if not may_text(coachee, kind):
        raise CannotSend(
            _("%(name)s has opted out of SMS: nothing can be sent.") % {"name": coachee}
        )


def may_text(coachee: Coachee, kind: str, created_at: dt.datetime | None = None) -> bool:
    """Whether this coachee's number may receive a message of this kind (the number's
    consent, one indexed query; never the copy on the coachee row). The STOP confirmation,
    created after the opt-out it confirms, is the only message an opted-out number gets."""
    opted_out_at = opted_out_since(coachee.practice_id, coachee.phone)
    if opted_out_at is None:
        return True
    if kind != Message.Kind.STOP_CONFIRMATION:
        return False
    return created_at is None or created_at >= opted_out_at


@transaction.atomic
def queue_message(
    coachee: Coachee,
    body: str,
    sent_by: Coach | None = None,
    *,
    kind: str = Message.Kind.MANUAL,
    send_after: dt.datetime | None = None,
    expires_at: dt.datetime | None = None,
) -> Message:
    """Store an outbound message and hand it to a worker once the row is committed."""
    check_sendable(coachee, body, kind)
    cost = sms_cost(body)
    message = Message.objects.create(
        practice=coachee.practice,
        coachee=coachee,
        engagement=coachee.current_engagement(),
        direction=Message.Direction.OUTBOUND,
        status=Message.Status.QUEUED,
        kind=kind,
        send_after=send_after,
        expires_at=expires_at,
        provider=coachee.practice.sms_provider,
        body=body,
        encoding=cost.encoding,
        segments=cost.segments,
        sent_by=sent_by,
    )
    # No task: the committed row is what the dispatcher claims (at `send_after` at the earliest).
    return message


def queue_automated(coachee: Coachee, body: str, valid_for: dt.timedelta | None = None) -> Message:
    """An automated message (check-in, reminder): waits for decent hours in the coachee's
    time zone, and is dropped if it could not go out within `valid_for`."""
    now = timezone.now()
    valid_for = valid_for or dt.timedelta(seconds=settings.SMS_AUTOMATED_VALIDITY)
    at = next_allowed(coachee, now)
    return queue_message(
        coachee,
        body,
        kind=Message.Kind.AUTOMATED,
        send_after=at if at > now else None,
        expires_at=now + valid_for,
    )


def is_quiet(coachee: Coachee, at: dt.datetime | None = None) -> bool:
    return coachee.practice.quiet_hours().is_quiet(at or timezone.now(), coachee.timezone)


def next_allowed(coachee: Coachee, at: dt.datetime | None = None) -> dt.datetime:
    return coachee.practice.quiet_hours().next_allowed(at or timezone.now(), coachee.timezone)


def resolve_needs_check(message: Message, action: str) -> bool:
    """The coach's answer for a message interrupted mid-send: it was sent, or send again."""
    stuck = Message.objects.filter(pk=message.pk, status=Message.Status.NEEDS_CHECK)
    if action == "mark_sent":
        return bool(
            stuck.update(
                status=Message.Status.SENT, sent_at=timezone.now(), error_code="", error_message=""
            )
        )
    if action == "resend":  # queued again: the dispatcher takes it
        return bool(
            stuck.update(
                status=Message.Status.QUEUED, send_after=None, error_code="", error_message=""
            )
        )
    raise ValueError(f"unknown action {action!r}")
