"""E-mails to coaches, off the request and webhook paths."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django_tasks import task


@task()
def send_sunshine(coach_id: int) -> int:
    """Send the coach's pending wins and thanks; inside their quiet hours, try again later."""
    from ancrage.coaching.models import Coach
    from ancrage.inbox.notify import send_pending

    coach = Coach.objects.select_related("practice", "user").filter(pk=coach_id).first()
    if coach is None:
        return 0
    now = timezone.now()
    if coach.practice.quiet_hours().is_quiet(now, settings.TIME_ZONE):
        at = coach.practice.quiet_hours().next_allowed(now, settings.TIME_ZONE)
        send_sunshine.using(run_after=at).enqueue(coach_id)
        return 0
    return send_pending(coach, now)
