"""`ancrage worker`: one loop that runs Django Tasks from the database queue, dispatches
SMS, runs inbound handlers, and (one worker at a time, under a lease) sweeps and heals.

A heartbeat thread keeps this worker's WorkerProcess row fresh even while a long task
runs; SIGKILL stops it with the rest, and the next sweep takes back what we held.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from types import FrameType

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker as TaskRunner
from django_tasks_db.models import DBTaskResult

from ancrage.messaging import chores, dispatch
from ancrage.workers import heal

log = logging.getLogger("ancrage.workers")

SWEEP_LEASE = "sweep"
SCHEDULER_TASK_PATH = "ancrage.checkins.tasks.run_checkins"


def new_worker_id() -> str:
    return uuid.uuid4().hex


class WorkerLoop:
    def __init__(self, *, batch: bool = False, interval: float = 0.2) -> None:
        self.worker_id = new_worker_id()
        self.batch = batch
        self.interval = interval
        self.running = True
        self.pool = ThreadPoolExecutor(settings.DISPATCH_CONCURRENCY, "sms-send")
        self.tasks = TaskRunner(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=1,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )
        self._stopped = threading.Event()
        self._next_chores = 0.0

    # -- one step of everything --------------------------------------------------------------
    def run_one_task(self) -> int:
        self.tasks._run_tasks = 0
        self.tasks.run()  # batch + max_tasks=1: at most one task, then back to us
        return self.tasks._run_tasks

    def step(self) -> int:
        done = self.run_one_task()
        done += dispatch.dispatch_once(self.worker_id, self.pool)
        done += chores.follow_up(self.worker_id)
        return done

    def chores(self, now: dt.datetime | None = None) -> dict[str, int] | None:
        """The sweep, by whichever worker takes the lease for SMS_SWEEP_INTERVAL."""
        now = now or timezone.now()
        if not heal.take_lease(SWEEP_LEASE, self.worker_id, settings.SMS_SWEEP_INTERVAL, now):
            return None
        living = heal.alive(now) | {self.worker_id}
        done = chores.sweep_once(now, living)
        done.update(heal.recover_tasks(now, living))
        done["tasks_pruned"] = heal.prune_tasks(now)
        done["workers_forgotten"] = heal.forget_dead(now)
        ensure_scheduler()
        ensure_retention_pass()
        return done

    # -- the process ---------------------------------------------------------------------------
    def run(self) -> int:
        heal.register(self.worker_id)
        if not self.batch:
            self._install_signals()
            threading.Thread(target=self._heartbeat, daemon=True, name="heartbeat").start()
            ensure_scheduler()
            ensure_retention_pass()
        try:
            while self.running:
                if not self.batch and time.monotonic() >= self._next_chores:
                    # Trying the lease is a write: once a second, not every step.
                    self._next_chores = time.monotonic() + 1.0
                    close_old_connections()
                    self.chores()
                done = self.step()
                if self.batch and not done:
                    break
                if not done:
                    time.sleep(self.interval)
        finally:
            self._stopped.set()
            self.pool.shutdown(wait=True)
            heal.unregister(self.worker_id)
        return 0

    def _heartbeat(self) -> None:
        period = max(0.2, settings.WORKER_LEASE_SECONDS / 5)
        while not self._stopped.wait(period):
            try:
                heal.beat(self.worker_id)
            except Exception:  # the database is away: the next beat tries again
                log.exception("heartbeat failed")
            finally:
                connection.close()

    def _install_signals(self) -> None:
        def stop(signum: int, frame: FrameType | None) -> None:
            log.warning("%s: finishing the current step", signal.strsignal(signum))
            self.running = False

        for name in ("SIGINT", "SIGTERM", "SIGQUIT"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), stop)


def ensure_scheduler() -> None:
    """Keep the check-in scheduler's chain alive, never adding a second pass beside one
    that is waiting or running."""
    from ancrage.checkins.tasks import ensure_scheduler as enqueue_if_missing

    pending = DBTaskResult.objects.filter(
        task_path=SCHEDULER_TASK_PATH,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )
    if not pending.exists():
        enqueue_if_missing()


def ensure_retention_pass() -> None:
    """Keep the retention pass queued while some practice has a retention rule (a pass lost
    with its worker is queued again here)."""
    from ancrage.privacy.models import RetentionSetting
    from ancrage.privacy.tasks import ensure_retention

    if RetentionSetting.objects.filter(alumni_months__gt=0).exists():
        ensure_retention()


def drain() -> None:
    """Run everything due now, then return: tests, benchmarks and `worker --batch`."""
    WorkerLoop(batch=True).run()
