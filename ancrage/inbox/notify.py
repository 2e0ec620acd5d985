"""A ray of sunshine: an e-mail to the coach when a win or a thank-you arrives, at once or
as a daily digest, never inside the coach's own quiet hours (the practice's hours, in the
coach's time zone). Notices are rows: a task claims them before sending, so two tasks never
send one twice, and nothing is lost when a worker dies."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ancrage.coaching.models import Coach
from ancrage.inbox.models import JournalEntry, SunshineNotice, SunshineSetting
from ancrage.lib.localtime import first_instant_at, zone

log = logging.getLogger("ancrage.inbox")
DIGEST_AT = dt.time(18, 0)  # the coach's local time


def coach_for(entry: JournalEntry) -> Coach | None:
    if entry.engagement_id:
        return entry.engagement.coach if entry.engagement else None
    return Coach.objects.filter(practice_id=entry.practice_id, role=Coach.Role.OWNER).first()


def queue_sunshine(entry: JournalEntry) -> None:
    """Note the entry for its coach if they asked for e-mails, and schedule the sending."""
    coach = coach_for(entry)
    setting = SunshineSetting.objects.filter(coach=coach).first() if coach else None
    if coach is None or setting is None or setting.when == SunshineSetting.When.OFF:
        return
    if not coach.user.is_active:  # deactivated (docs/team.md): clients' news no longer leave
        return
    SunshineNotice.objects.get_or_create(coach=coach, entry=entry)
    from ancrage.inbox.tasks import send_sunshine

    at = send_time(coach, setting.when, timezone.now())
    send_sunshine.using(run_after=at).enqueue(coach.pk)


def send_time(coach: Coach, when: str, now: dt.datetime) -> dt.datetime:
    """Now or the next digest time, moved out of the coach's quiet hours."""
    tz_name = settings.TIME_ZONE
    if when == SunshineSetting.When.DIGEST:
        local = now.astimezone(zone(tz_name))
        day = local.date() + dt.timedelta(days=local.time() >= DIGEST_AT)
        now = first_instant_at(day, DIGEST_AT, zone(tz_name))
    return coach.practice.quiet_hours().next_allowed(now, tz_name)


def send_pending(coach: Coach, now: dt.datetime) -> int:
    """E-mail the coach's pending notices in one message; returns how many went."""
    setting = SunshineSetting.objects.filter(coach=coach).first()
    if setting is None or setting.when == SunshineSetting.When.OFF or not coach.user.email:
        return 0
    if not coach.user.is_active:  # deactivated after the notice was queued
        return 0
    if coach.practice.quiet_hours().is_quiet(now, settings.TIME_ZONE):
        return 0  # the task is re-queued for the next allowed moment
    pending = list(
        SunshineNotice.objects.filter(coach=coach, sent_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    claimed = SunshineNotice.objects.filter(pk__in=pending, sent_at__isnull=True).update(
        sent_at=now
    )
    if not claimed:
        return 0
    notices = SunshineNotice.objects.filter(pk__in=pending, sent_at=now).select_related(
        "entry__coachee"
    )
    entries = [n.entry for n in notices]
    with translation.override(setting.language):
        subject = _("A ray of sunshine: %(count)d win(s) and thanks from your clients") % {
            "count": len(entries)
        }
        body = render_to_string("inbox/sunshine_email.txt", {"entries": entries, "coach": coach})
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [coach.user.email])
    except Exception:
        # not sent: the notices wait for the next attempt (the task's retry), nothing lost
        SunshineNotice.objects.filter(pk__in=pending, sent_at=now).update(sent_at=None)
        raise
    log.info("sunshine e-mail to coach %s: %d entries", coach.pk, len(entries))
    return len(entries)
