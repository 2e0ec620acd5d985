"""Recording consent changes. Every change goes through here: the per-number state moves
with one conditional UPDATE (so two STOPs at once make one change), an event records who,
when and how, and `Coachee.consent` (the copy lists and filters read) follows."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from ancrage.coaching.models import Coachee, Practice
from ancrage.consent.models import ConsentEvent, PhoneConsent

log = logging.getLogger("ancrage.consent")

Source = ConsentEvent.Source


class OptInRefused(PermissionError):
    """Only the person behind the number opts back in, by SMS through the practice's provider."""


def is_opted_out(practice: Practice | int, phone: str) -> bool:
    return PhoneConsent.objects.is_opted_out(_pk(practice), phone)


def opted_out_since(practice: Practice | int, phone: str) -> dt.datetime | None:
    return PhoneConsent.objects.opted_out_since(_pk(practice), phone)


def record_opt_out(
    practice: Practice, phone: str, source: str, *, detail: str = "", **who: Any
) -> bool:
    """Opt this number out of the practice's SMS. True when it changed (False: already out).
    `who`: coachee, provider, actor (a user), message, as known."""
    return _change(practice, phone, True, source, detail, who)


def record_opt_in(message: Any) -> bool:
    """A START received in `message` (an inbound Message) opts its number back in, only if
    it came through the provider the practice sends with: a START typed on the simulator
    page of a practice that sends through Twilio is not the person's phone."""
    practice, coachee = message.practice, message.coachee
    if message.provider != practice.sms_provider:
        raise OptInRefused(
            f"START through {message.provider}, practice sends through {practice.sms_provider}"
        )
    detail = f'SMS "{message.body.strip()[:30]}" ({message.provider})'
    who = {"coachee": coachee, "provider": message.provider, "message": message}
    return _change(practice, coachee.phone, False, Source.SMS_KEYWORD, detail, who)


def record_consent_obtained(
    coachee: Coachee, method: str, obtained_on: dt.date, actor: Any
) -> ConsentEvent | None:
    """The coach's statement, when adding a client, of how and when they agreed to SMS.
    Nothing is recorded for a number that said STOP: only its owner opts back in (START),
    a coach's word does not (returns None, the coach is told)."""
    if is_opted_out(coachee.practice, coachee.phone):
        return None
    label = ConsentEvent.Method(method).label
    event = ConsentEvent.objects.create(
        practice=coachee.practice, phone=coachee.phone, coachee=coachee, opted_out=False,
        source=Source.OBTAINED, method=method, obtained_on=obtained_on, actor=actor,
        detail=f"{method} {obtained_on.isoformat()}",
    )  # fmt: skip
    log.info("%s: consent obtained %s on %s", coachee.phone, label, obtained_on)
    return event


@transaction.atomic
def _change(
    practice: Practice, phone: str, opted_out: bool, source: str, detail: str, who: dict
) -> bool:
    now = timezone.now()
    row, _created = PhoneConsent.objects.get_or_create(practice=practice, phone=phone)
    # Compare-and-set: of two concurrent identical changes, one wins, one records nothing.
    changed = PhoneConsent.objects.filter(pk=row.pk, opted_out=not opted_out).update(
        opted_out=opted_out, changed_at=now
    )
    if not changed:
        return False
    ConsentEvent.objects.create(
        practice=practice, phone=phone, opted_out=opted_out, source=source,
        detail=detail[:200], created_at=now, **who,
    )  # fmt: skip
    _mirror(practice, phone, opted_out, now, detail)
    log.info("%s %s: %s (%s)", phone, "opted out" if opted_out else "opted in", source, detail)
    return True


def _mirror(practice: Practice, phone: str, opted_out: bool, at: dt.datetime, how: str) -> None:
    consent = Coachee.Consent.OPTED_OUT if opted_out else Coachee.Consent.OPTED_IN
    Coachee.objects.filter(practice=practice, phone=phone).update(
        consent=consent, consent_changed_at=at, consent_source=how[:60]
    )


def _pk(practice: Practice | int) -> int:
    return practice if isinstance(practice, int) else practice.pk
