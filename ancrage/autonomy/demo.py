"""Autonomy in the demo: Camille's reliance falls over her eight weeks of check-ins.

Her engagement is moved back to the first of those weeks. In the first four the coach opens
every exchange with advice and reminds her of the Monday check-in (the first three weeks);
in the last four Camille writes first with her wins and the coach mostly asks. Her
confidence (from the check-in demo) rises from 4 to 8, so the page suggests spacing out the
Monday check-in.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ancrage.checkins.models import Checkin, Enrolment
from ancrage.coaching.models import Coachee, Engagement, Practice
from ancrage.inbox.models import JournalEntry
from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.models import Message

PHONE = "+33612345678"  # Camille Durand
MARK = "DEMO-AUTONOMY-"
WEEKS = 8
REMINDED_WEEKS = 3
REMINDER = "Camille, tu as vu le point du lundi ? J'attends tes chiffres."
# (weekday, "HH:MM", "out"/"in", text, journal kind or "")
THEN = [
    (1, "08:30", "out", "Bonjour Camille ! Cette semaine, je te conseille de relancer chaque "
     "devis à J+3 et de fixer ton prix avant l'appel, pas pendant.", ""),
    (1, "12:10", "in", "D'accord, je vais essayer.", ""),
    (3, "18:00", "out", "Tu devrais aussi préparer trois phrases pour annoncer ton tarif sans "
     "te justifier. Envoie-les-moi, je te dirai ce que j'en pense.", ""),
    (3, "21:00", "in", "Ok, je t'envoie ça.", ""),
]  # fmt: skip
NOW = [
    [
        (0, "19:00", "in", "J'ai relancé deux devis sans attendre ton message, et un client "
         "a signé !", "win"),
        (0, "19:30", "out", "Qu'est-ce qui t'a décidée à relancer ?", ""),
        (0, "20:00", "in", "J'ai vu que j'attendais pour rien. Maintenant je relance le jeudi, "
         "c'est devenu une habitude.", ""),
    ],
    [
        (3, "12:00", "in", "Un prospect a trouvé mon prix élevé. J'ai tenu bon et expliqué ce "
         "qu'il y gagnait.", ""),
        (3, "12:40", "out", "Comment t'es-tu sentie en tenant ton prix ?", ""),
        (3, "13:00", "in", "Fière. Et il a accepté le devis à 2 600 €.", "win"),
    ],
    [
        (1, "17:45", "in", "J'ai préparé mes questions avant le rendez-vous de demain, comme on "
         "l'avait vu.", ""),
        (1, "18:05", "out", "Laquelle te semble la plus utile pour ce client ?", ""),
        (1, "18:30", "in", "Celle sur ce qu'il attend vraiment de la rénovation.", ""),
        (4, "11:00", "in", "Trois devis envoyés cette semaine, sans stress. Merci pour tout !",
         "gratitude"),
    ],
    [
        (2, "09:15", "in", "Je monte mes tarifs de 10 % en janvier, j'ai préparé mon annonce.",
         "win"),
        (2, "09:40", "out", "Qu'est-ce qui te rend sûre de ce choix ?", ""),
        (2, "10:10", "in", "Mes clients acceptent mes devis sans négocier depuis un mois.", ""),
    ],
]  # fmt: skip


@transaction.atomic
def ensure_demo_autonomy(practice: Practice) -> None:
    """Idempotent: does nothing once the demo thread is written (or without Camille)."""
    coachee = Coachee.objects.filter(practice=practice, phone=PHONE).first()
    engagement = coachee.current_engagement() if coachee else None
    if coachee is None or engagement is None:
        return
    if Message.objects.filter(practice=practice, provider_message_id__startswith=MARK).exists():
        return
    zone = ZoneInfo(coachee.timezone)
    today = timezone.now().astimezone(zone).date()
    first = today - dt.timedelta(days=today.weekday(), weeks=WEEKS)
    engagement.started_on = first
    engagement.save(update_fields=["started_on"])
    # The check-in demo's enrolment runs since the first week, not since `ancrage demo` ran.
    start = dt.datetime.combine(first, dt.time(8, 0), tzinfo=zone)
    Enrolment.objects.filter(engagement=engagement).update(created_at=start)
    for week in range(WEEKS):
        lines = THEN if week < WEEKS // 2 else NOW[week - WEEKS // 2]
        for weekday, hhmm, direction, text, kind in lines:
            at = _at(first, week, weekday, hhmm, zone)
            message = _message(engagement, direction, text, at)
            if kind:
                JournalEntry.objects.create(
                    practice=practice, coachee=coachee, engagement=engagement, kind=kind,
                    text=text, message=message, occurred_at=at,
                )  # fmt: skip
        if week < REMINDED_WEEKS:
            _remind(engagement, first + dt.timedelta(weeks=week))


def _at(first: dt.date, week: int, weekday: int, hhmm: str, zone: ZoneInfo) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    day = first + dt.timedelta(weeks=week, days=weekday)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def _remind(engagement: Engagement, monday: dt.date) -> None:
    """A nudge between the check-in's question and Camille's answer (25 minutes later)."""
    checkin = Checkin.objects.filter(coachee=engagement.coachee, due_on=monday).first()
    if checkin is not None and checkin.opened_at is not None:
        _message(engagement, "out", REMINDER, checkin.opened_at + dt.timedelta(minutes=10))


def _message(engagement: Engagement, direction: str, text: str, at: dt.datetime) -> Message:
    cost = sms_cost(text)
    outbound = direction == "out"
    coachee = engagement.coachee
    return Message.objects.create(
        practice=coachee.practice, coachee=coachee, engagement=engagement,
        direction=direction, body=text, provider="simulator",
        provider_message_id=f"{MARK}{coachee.pk}-{at.timestamp():.0f}-{direction}",
        status="delivered" if outbound else "received", encoding=cost.encoding,
        segments=cost.segments, created_at=at, sent_at=at if outbound else None,
        delivered_at=at if outbound else None, read_at=at,
        sent_by=engagement.coach if outbound else None,
    )  # fmt: skip
