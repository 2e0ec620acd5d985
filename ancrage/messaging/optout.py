"""STOP / START / HELP: consent follows the coachee's own words, in their language."""

from __future__ import annotations

import logging

from ancrage.coaching.models import Coachee
from ancrage.messaging.keywords import (
    classify_keyword,
    help_text,
    start_confirmation,
    stop_confirmation,
)
from ancrage.messaging.models import Message

log = logging.getLogger("ancrage.messaging")


def coach_name(coachee: Coachee) -> str:
    engagement = coachee.current_engagement()
    return engagement.coach.display_name if engagement else coachee.practice.name


def act_on_keyword(message: Message) -> str | None:
    """Apply a keyword carried by a newly stored inbound message (called once per SMS)."""
    keyword = classify_keyword(message.body)
    if keyword is None:
        return None
    coachee = message.coachee
    how = f'SMS "{message.body.strip()[:30]}" ({message.provider})'
    if keyword == "stop":
        opt_out(coachee, how)
    elif keyword == "start" and not coachee.can_receive_sms():
        coachee.set_consent(Coachee.Consent.OPTED_IN, how)
        _reply(coachee, start_confirmation(coachee.language, coach_name(coachee)))
    elif keyword == "help" and coachee.can_receive_sms():
        text = help_text(coachee.language, coach_name(coachee), coachee.practice.name)
        _reply(coachee, text)
    return keyword


def opt_out(coachee: Coachee, how: str) -> bool:
    """Opt out and confirm once; a second STOP from someone already out changes nothing."""
    if not coachee.can_receive_sms():
        return False
    coachee.set_consent(Coachee.Consent.OPTED_OUT, how[:60])
    _reply(
        coachee,
        stop_confirmation(coachee.language, coach_name(coachee)),
        Message.Kind.STOP_CONFIRMATION,
    )
    log.info("coachee %s opted out: %s", coachee.pk, how)
    return True


def opt_out_reported_by_provider(coachee: Coachee, provider: str, code: str) -> None:
    """The provider blocks this number (e.g. Twilio 21610): they said STOP there.
    No confirmation: the provider would refuse it, and it already sent its own."""
    if coachee.can_receive_sms():
        coachee.set_consent(Coachee.Consent.OPTED_OUT, f"{provider} {code}".strip()[:60])
        log.info("coachee %s opted out at %s (%s)", coachee.pk, provider, code)


def _reply(coachee: Coachee, body: str, kind: str = Message.Kind.SYSTEM) -> Message:
    from ancrage.messaging.services import queue_message

    return queue_message(coachee, body, kind=kind)
