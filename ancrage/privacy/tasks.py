"""The retention rule as a self-renewing task, like the check-in scheduler: each pass queues
the next while a practice has a rule, and an owner saving a rule queues one if none waits.
A worker can also keep it alive by calling `ensure_retention()` beside `ensure_scheduler()`."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django_tasks import task

RETENTION_TASK_PATH = "ancrage.privacy.tasks.run_retention"


def ensure_retention(*, from_the_task: bool = False) -> None:
    """Keep one retention pass queued, never a second beside one waiting or running (the
    pass itself, renewing, only looks for a waiting one)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    statuses = [TaskResultStatus.READY]
    if not from_the_task:
        statuses.append(TaskResultStatus.RUNNING)
    pending = DBTaskResult.objects.filter(task_path=RETENTION_TASK_PATH, status__in=statuses)
    if not pending.exists():
        run_retention.using(
            run_after=timezone.now() + dt.timedelta(seconds=settings.PRIVACY_RETENTION_INTERVAL)
        ).enqueue()


@task()
def run_retention() -> dict[str, int]:
    """Anonymise the alumni past their practice's retention; safe to repeat."""
    from ancrage.privacy.models import RetentionSetting
    from ancrage.privacy.retention import apply_retention

    done = apply_retention()
    if RetentionSetting.objects.filter(alumni_months__gt=0).exists():
        ensure_retention(from_the_task=True)
    return {"anonymised": done}
