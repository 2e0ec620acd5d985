"""Heartbeats, and taking back what dead workers left: their RUNNING task rows, their
claimed messages (chores.sweep_once), and finished task rows past their retention."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ancrage.workers.models import Lease, WorkerProcess

log = logging.getLogger("ancrage.workers")

# Tasks safe to run a second time after their worker died mid-way (idempotent by design);
# any other task is failed, said in its row, rather than risk doing it twice.
REQUEUE_PREFIXES = ("ancrage.messaging.tasks.", "ancrage.checkins.tasks.", "ancrage.privacy.tasks.")
MAX_RUNS = 3  # a task that killed its worker this often is failed, not run again
WORKER_DIED = "ancrage.workers.heal.WorkerDied"


class WorkerDied(Exception):
    """Recorded on a task whose worker stopped without finishing it."""


def lease() -> dt.timedelta:
    return dt.timedelta(seconds=settings.WORKER_LEASE_SECONDS)


def register(worker_id: str) -> None:
    WorkerProcess.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname()[:255], "pid": os.getpid()},
    )


def beat(worker_id: str) -> None:
    if not WorkerProcess.objects.filter(worker_id=worker_id).update(seen_at=timezone.now()):
        register(worker_id)  # the healer forgot us after a long stall: we are back


def unregister(worker_id: str) -> None:
    WorkerProcess.objects.filter(worker_id=worker_id).delete()


def alive(now: dt.datetime) -> set[str]:
    fresh = WorkerProcess.objects.filter(seen_at__gte=now - lease())
    return set(fresh.values_list("worker_id", flat=True))


def take_lease(name: str, holder: str, seconds: float, now: dt.datetime | None = None) -> bool:
    """True for the one worker that gets the chore until `seconds` from now."""
    now = now or timezone.now()
    until = now + dt.timedelta(seconds=seconds)
    if Lease.objects.filter(name=name, until__lte=now).update(holder=holder, until=until):
        return True
    try:
        with transaction.atomic():
            Lease.objects.create(name=name, holder=holder, until=until)
    except IntegrityError:  # it exists and is held
        return False
    return True


def recover_tasks(now: dt.datetime, living: set[str]) -> dict[str, int]:
    """RUNNING rows whose worker is dead: run again when safe, else failed with the reason."""
    counts = {"tasks_requeued": 0, "tasks_failed": 0}
    running = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - lease()
    )
    for row in running.only("id", "task_path", "worker_ids", "started_at"):
        worker = row.worker_ids[-1] if row.worker_ids else ""
        if worker in living:
            continue
        same = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        if row.task_path.startswith(REQUEUE_PREFIXES) and len(row.worker_ids) < MAX_RUNS:
            counts["tasks_requeued"] += same.update(status=TaskResultStatus.READY)
        else:
            counts["tasks_failed"] += same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_DIED,
                traceback=f"WorkerDied: worker {worker or '?'} stopped while running this task",
            )
    return counts


def prune_tasks(now: dt.datetime, batch: int = 5000) -> int:
    """Finished task rows older than WORKER_TASK_RETENTION_HOURS, a batch per sweep."""
    cutoff = now - dt.timedelta(hours=settings.WORKER_TASK_RETENTION_HOURS)
    finished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=cutoff
    )
    pks = list(finished.order_by().values_list("pk", flat=True)[:batch])
    return DBTaskResult.objects.filter(pk__in=pks).delete()[0] if pks else 0


def forget_dead(now: dt.datetime) -> int:
    """Worker rows silent for ten leases: everything they held has been taken back."""
    return WorkerProcess.objects.filter(seen_at__lt=now - 10 * lease()).delete()[0]
