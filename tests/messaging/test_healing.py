"""A queue that heals: what a worker killed with SIGKILL held is taken back, the sweep
adds no work, finished task rows are pruned.

The first test runs real `ancrage worker` processes on a database of their own (SQLite,
and PostgreSQL when reachable) and kills one with SIGKILL in the middle of a task.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ancrage.messaging.chores import sweep_once
from ancrage.messaging.models import Message
from ancrage.messaging.services import queue_message, simulate_inbound
from ancrage.workers import heal
from ancrage.workers.models import WorkerProcess

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = os.environ.get("ANCRAGE_TEST_PG_SERVER", "postgres://postgres@127.0.0.1:5432")

ENQUEUE = """
import django, sys; django.setup()
from tests.messaging.slow_tasks import nap
from ancrage.messaging.tasks import sweep_messages
print(nap.enqueue(60).id)
"""
STATUS = """
import django, sys; django.setup()
from django_tasks_db.models import DBTaskResult
from ancrage.workers.models import WorkerProcess
row = DBTaskResult.objects.get(pk=sys.argv[1])
running = DBTaskResult.objects.filter(status="RUNNING").count()
print(row.status, row.exception_class_path or "-", running, WorkerProcess.objects.count())
"""


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request):
    if request.param == "sqlite":
        yield ""
        return
    psycopg = pytest.importorskip("psycopg")
    name = f"ancrage_heal_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is mandatory under CI=true: {error}")
        pytest.skip(f"PostgreSQL unreachable at {PG_SERVER} ({error})")
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "ANCRAGE_DATA_DIR": str(data_dir),
        "ANCRAGE_WORKER_LEASE_SECONDS": "2",
        "ANCRAGE_SMS_SWEEP_INTERVAL": "1",
        "DJANGO_SETTINGS_MODULE": "ancrage.settings",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _python(env: dict[str, str], code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ancrage.cli", "worker"],
        env=env,
        cwd=ROOT,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def _until(check, seconds: float, what: str) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_task_running_on_a_worker_killed_with_sigkill_is_failed_by_the_next_worker(
    database_url, tmp_path
):
    env = _env(database_url, tmp_path)
    subprocess.run(
        [sys.executable, "-m", "ancrage.cli", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True
    )
    task_id = _python(env, ENQUEUE)
    status = lambda: _python(env, STATUS, task_id).split()  # noqa: E731

    doomed = _worker(env, tmp_path / "worker.log")
    try:
        _until(lambda: status()[0] == "RUNNING", 60, "the task to start")
    finally:
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=10)
    assert status()[0] == "RUNNING"  # what SIGKILL leaves behind, before any healing

    healer = _worker(env, tmp_path / "worker.log")
    try:
        _until(lambda: status()[0] == "FAILED", 60, "the healer to take the task back")
    finally:
        healer.send_signal(signal.SIGTERM)
        healer.wait(timeout=20)
    final, exception, running, workers = status()
    log = (tmp_path / "worker.log").read_text()[-2000:]
    assert (final, exception, running) == ("FAILED", heal.WORKER_DIED, "0"), log
    assert workers == "1", log  # the killed worker's row; the healer removed its own


def test_an_idempotent_task_of_a_dead_worker_runs_again(db):
    started = timezone.now() - dt.timedelta(minutes=5)
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path="ancrage.messaging.tasks.sweep_messages",
        backend_name="default", run_after=started, status=TaskResultStatus.RUNNING,
        started_at=started, worker_ids=["dead-worker"],
    )  # fmt: skip
    assert heal.recover_tasks(timezone.now(), {"live-worker"})["tasks_requeued"] == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY


def test_a_live_workers_long_task_is_left_alone(db):
    started = timezone.now() - dt.timedelta(hours=1)
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path="tests.messaging.slow_tasks.nap",
        backend_name="default", run_after=started, status=TaskResultStatus.RUNNING,
        started_at=started, worker_ids=["live-worker"],
    )  # fmt: skip
    assert heal.recover_tasks(timezone.now(), {"live-worker"}) == {
        "tasks_requeued": 0,
        "tasks_failed": 0,
    }


def test_finished_tasks_are_pruned_after_their_retention_and_others_kept(db, settings):
    settings.WORKER_TASK_RETENTION_HOURS = 24
    now = timezone.now()
    for status, age in (("SUCCESSFUL", 48), ("FAILED", 48), ("SUCCESSFUL", 1), ("READY", 48)):
        DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}}, task_path="x.y", backend_name="default",
            run_after=now, status=status, finished_at=now - dt.timedelta(hours=age),
        )  # fmt: skip
    assert heal.prune_tasks(now) == 2
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == [
        "READY",
        "SUCCESSFUL",
    ]


def test_a_dead_workers_message_is_settled_without_waiting_for_the_timeout(camille, settings):
    settings.WORKER_LEASE_SECONDS = 2
    dead, live = queue_message(camille, "mort"), queue_message(camille, "vivant")
    claimed_at = timezone.now() - dt.timedelta(seconds=10)  # well inside SMS_SENDING_TIMEOUT
    Message.objects.filter(pk=dead.pk).update(
        status="sending", claimed_by="dead-worker", claimed_at=claimed_at
    )
    Message.objects.filter(pk=live.pk).update(
        status="sending", claimed_by="live-worker", claimed_at=claimed_at
    )
    done = sweep_once(alive={"live-worker"})
    dead.refresh_from_db(), live.refresh_from_db()
    # The provider (the simulator's handset) never got it: queued again (reconcile.py).
    assert (done["requeued"], done["needs_check"]) == (1, 0)
    assert (dead.status, live.status) == ("queued", "sending")


def test_only_one_worker_holds_the_sweep_lease_at_a_time(db):
    now = timezone.now()
    assert heal.take_lease("sweep", "w1", 60, now)
    assert not heal.take_lease("sweep", "w2", 60, now)
    assert heal.take_lease("sweep", "w2", 60, now + dt.timedelta(seconds=61))


def test_an_inbound_sms_writes_no_task_row_and_its_handlers_run_in_the_worker(
    practice_a, camille, tasks
):
    message = simulate_inbound(practice_a, camille.phone, "J'ai signé deux devis !")
    assert not DBTaskResult.objects.exists()
    tasks()
    message.refresh_from_db()
    assert message.handled_at is not None and message.claimed_by == ""
    assert not WorkerProcess.objects.exists()  # the drain unregistered itself
