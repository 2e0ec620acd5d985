"""STOP / START / HELP: consent follows the words of the person behind the number.

The consent itself is per number within the practice (ancrage.consent); this module
decides what an inbound keyword or a provider's report means, and answers.
"""

from __future__ import annotations

import logging

from ancrage.coaching.models import Coachee
from ancrage.consent.services import OptInRefused, Source, record_opt_in, record_opt_out
from ancrage.messaging.keywords import (
    classify_keyword,
    help_text,
    start_confirmation,
    stop_confirmation,
)
from ancrage.messaging.models import Message
from ancrage.messaging.outbound import queue_message

log = logging.getLogger("ancrage.messaging")


def coach_name(coachee: Coachee) -> str:
    engagement = coachee.current_engagement()
    return engagement.coach.display_name if engagement else coachee.practice.name


def act_on_keyword(message: Message) -> str | None:
    """Apply a keyword carried by a newly stored inbound message (called once per SMS).

    Only an SMS through the practice's own provider is the person's phone: one typed on
    the simulator page of a practice that sends through Twilio, or reaching a former
    provider's webhook, still opts out (a STOP is never ignored) but gets no reply, and
    its START or HELP is ignored."""
    keyword = classify_keyword(message.body)
    if keyword is None:
        return None
    coachee = message.coachee
    from_the_phone = message.provider == coachee.practice.sms_provider
    if keyword == "stop":
        opt_out(coachee, message, confirm=from_the_phone)
    elif keyword == "start" and from_the_phone and not coachee.can_receive_sms():
        _opt_in(coachee, message)
    elif keyword == "help" and from_the_phone and coachee.can_receive_sms():
        text = help_text(coachee.language, coach_name(coachee), coachee.practice.name)
        _reply(coachee, text)
    return keyword


def opt_out(coachee: Coachee, message: Message, *, confirm: bool = True) -> bool:
    """Opt the number out and confirm once; a second STOP changes nothing."""
    how = f'SMS "{message.body.strip()[:30]}" ({message.provider})'
    changed = record_opt_out(
        coachee.practice, coachee.phone, Source.SMS_KEYWORD, detail=how,
        coachee=coachee, provider=message.provider, message=message,
    )  # fmt: skip
    if changed and confirm:
        _reply(
            coachee,
            stop_confirmation(coachee.language, coach_name(coachee)),
            Message.Kind.STOP_CONFIRMATION,
        )
    return changed


def _opt_in(coachee: Coachee, message: Message) -> None:
    try:
        changed = record_opt_in(message)
    except OptInRefused as refused:
        log.warning("START from %s not applied: %s", coachee.pk, refused)
        return
    if changed:
        _reply(coachee, start_confirmation(coachee.language, coach_name(coachee)))


def opt_out_reported_by_provider(coachee: Coachee, provider: str, code: str) -> None:
    """The provider blocks this number (e.g. Twilio 21610): they said STOP there.
    No confirmation: the provider would refuse it, and it already sent its own."""
    record_opt_out(
        coachee.practice, coachee.phone, Source.PROVIDER_REPORT,
        detail=f"{provider} {code}".strip(), coachee=coachee, provider=provider,
    )  # fmt: skip


def _reply(coachee: Coachee, body: str, kind: str = Message.Kind.SYSTEM) -> Message:
    return queue_message(coachee, body, kind=kind)
