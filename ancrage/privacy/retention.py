"""The retention rule: clients whose coaching ended more than N months ago, and who have not
written since, are anonymised as an erasure would (reason "retention")."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ancrage.coaching.models import Coachee, Engagement
from ancrage.messaging.models import Message
from ancrage.privacy.erase import erase_coachee
from ancrage.privacy.models import Erasure, RetentionSetting

BATCH = 200  # clients per pass: a pass stays short, the next one goes on


def due_for_anonymisation(setting: RetentionSetting, today: dt.date) -> QuerySet[Coachee]:
    """Clients of the practice all of whose engagements are alumni and ended before the cutoff,
    with no SMS since then (a former client writing again is a live conversation)."""
    assert setting.alumni_months
    cutoff = today - relativedelta(months=setting.alumni_months)
    engagements = Engagement.objects.filter(coachee=OuterRef("pk"))
    recent = (
        ~Q(status=Engagement.Status.ALUMNI) | Q(ended_on__isnull=True) | Q(ended_on__gte=cutoff)
    )
    wrote = Message.objects.filter(coachee=OuterRef("pk"), created_at__gte=_start_of_day(cutoff))
    return (
        Coachee.objects.filter(practice_id=setting.practice_id, erasure__isnull=True)
        .filter(Exists(engagements))
        .exclude(Exists(engagements.filter(recent)))
        .exclude(Exists(wrote))
    )


def _start_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def apply_retention(now: dt.datetime | None = None, batch: int = BATCH) -> int:
    """One pass over every practice with a rule; how many clients were anonymised."""
    today = timezone.localdate(now or timezone.now())
    done = 0
    settings = RetentionSetting.objects.filter(alumni_months__gt=0).select_related("practice")
    for setting in settings:
        for coachee in due_for_anonymisation(setting, today)[: batch - done]:
            erase_coachee(coachee, reason=Erasure.Reason.RETENTION)
            done += 1
        if done >= batch:
            break
    return done
