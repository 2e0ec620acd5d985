"""The check-in scheduler as a self-renewing task: every worker keeps one pass queued."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django_tasks import task

SCHEDULER_TASK_PATH = "ancrage.checkins.tasks.run_checkins"


def ensure_scheduler() -> None:
    """Keep one scheduler pass queued (a worker killed mid-pass breaks the chain)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    pending = DBTaskResult.objects.filter(
        task_path=SCHEDULER_TASK_PATH, status=TaskResultStatus.READY
    ).exists()
    if not pending:
        run_checkins.using(
            run_after=timezone.now() + dt.timedelta(seconds=settings.CHECKIN_INTERVAL)
        ).enqueue()


@task()
def run_checkins() -> dict[str, int]:
    """Plan, send what is due, close finished windows; every step is safe to repeat."""
    from ancrage.checkins.services import run_scheduler

    done = run_scheduler()
    ensure_scheduler()
    return done
