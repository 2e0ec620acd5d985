"""The SMS dispatcher (issue 14), each figure beside its baseline from the same run.

    python benchmarks/dispatch.py throughput [--db sqlite --workers 1] [--messages 2000]
    python benchmarks/dispatch.py throughput --db postgres --workers 4
    python benchmarks/dispatch.py fairness [--db postgres] [--messages 20000] [--workers 2]
    python benchmarks/dispatch.py crash [--db postgres] [--messages 2000] [--kills 20]

Every run gets its own data dir and database; the fake Twilio (tests/fakes) runs in this
process on loopback, and the SMS go through the real Twilio SDK to it.
  throughput  queued -> sent by `ancrage worker --batch --processes N`, rate taken from
              the rows' own timestamps (first claim to last send, process start-up
              excluded); baseline: the same number of bare HTTP POSTs to the same fake
              from N processes x DISPATCH_CONCURRENCY threads (requests sessions).
  fairness    one practice's batch drains while another practice's coach sends a single
              reply every half second: the replies' wait (queued -> sent), p50/p99;
              baseline: the same replies with nothing else queued.
  crash       workers killed with SIGKILL at random, restarted; then: sent, lost,
              duplicated, to check, task rows left RUNNING, and what the sweep's
              lookups at the fake Twilio settled (messaging/reconcile.py).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from _harness import ROOT, drop_postgres, env_for, fresh_postgres, percentile, temp_dir

sys.path.insert(0, str(ROOT))

SETUP = """
import django, json, sys; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from ancrage.coaching.models import Practice
from ancrage.messaging.accounts import save_account
config, practices = json.loads(sys.argv[1]), int(sys.argv[2])
quiet = dict(quiet_start="00:00", quiet_end="00:00", quiet_sundays=False,
             quiet_holidays_country="")
for p in range(practices):
    practice = Practice.objects.create(name=f"P{p}", slug=f"p{p}", **quiet)
    cfg = dict(config)
    sender = cfg.pop("from_number")
    save_account(practice, "twilio", cfg, sender=sender, max_per_minute=0, use_to_send=True)
"""
# The big batch in practice p0: one message per coachee, as weekly check-ins are.
BATCH = """
import django, sys; django.setup()
from ancrage.coaching.models import Coachee, Practice
from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.models import Message
count = int(sys.argv[1])
practice = Practice.objects.get(slug="p0")
people = Coachee.objects.bulk_create(
    Coachee(practice=practice, name=f"C{n}", phone=f"+3361{n:07d}") for n in range(count))
cost = sms_cost("Check-in 00000 : ton chiffre de la semaine ?")
Message.objects.bulk_create(
    Message(practice=practice, coachee=c, direction="out", status="queued", provider="twilio",
            body=f"Check-in {n:05d} : ton chiffre de la semaine ?", encoding=cost.encoding,
            segments=cost.segments)
    for n, c in enumerate(people))
"""
STATS = """
import django, json; django.setup()
from django.db.models import Count, Max, Min
from django_tasks_db.models import DBTaskResult
from ancrage.messaging.models import Message
out = Message.objects.filter(direction="out")
span = out.filter(status="sent").aggregate(first=Min("claimed_at"), last=Max("sent_at"))
seconds = (span["last"] - span["first"]).total_seconds() if span["first"] else 0
print(json.dumps({
    "statuses": {r["status"]: r["n"] for r in out.values("status").annotate(n=Count("id"))},
    "seconds": seconds,
    "running_tasks": DBTaskResult.objects.filter(status="RUNNING").count(),
    "task_rows": DBTaskResult.objects.count(),
    "rows": list(out.values_list("body", "status", "coachee__phone", "attempts")),
}))
"""
REPLIES = """
import django, json, sys, time; django.setup()
from django.utils import timezone
from ancrage.coaching.models import Coachee, Practice
from ancrage.messaging.models import Message
from ancrage.messaging.services import queue_message
count, every = int(sys.argv[1]), float(sys.argv[2])
practice = Practice.objects.get(slug="p1")
lone, _ = Coachee.objects.get_or_create(practice=practice, phone="+33699999999", defaults={"name": "Lou"})
waits = []
for n in range(count):
    message = queue_message(lone, f"Reply {n}: bravo, c'est ton travail !")
    while True:
        message.refresh_from_db()
        if message.status not in ("queued", "sending"):
            break
        time.sleep(0.02)
    waits.append((message.sent_at - message.created_at).total_seconds())
    time.sleep(every)
queued = Message.objects.filter(practice__slug="p0", status="queued").count()
print(json.dumps({"waits": waits, "big_batch_left": queued}))
"""


def python(env: dict[str, str], code: str, *args: str, prefix: tuple[str, ...] = ()) -> str:
    done = subprocess.run(
        [*prefix, sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"step failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip()


def environment(db: str, **extra: str) -> dict[str, str]:
    url = None
    if db == "postgres":
        url = fresh_postgres(os.environ.get("BENCH_PG_URL", "") or _scratch_pg_url())
        if url is None:
            raise SystemExit("PostgreSQL unreachable: set BENCH_PG_URL")
        atexit.register(drop_postgres, url)
    env = env_for(temp_dir("dispatch"), url, **extra)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "benchmarks")])
    return env


def _scratch_pg_url() -> str:
    return f"postgres://postgres@127.0.0.1:5432/ancrage_dispatch_{os.getpid()}"


def workers(
    env: dict[str, str], count: int, *, batch: bool, prefix: tuple[str, ...] = ()
) -> list[subprocess.Popen]:
    command = [*prefix, sys.executable, "-m", "ancrage.cli", "worker"]
    command += ["--batch"] if batch else []
    return [
        subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]


def stats(env: dict[str, str]) -> dict:
    return json.loads(python(env, STATS))


# -- throughput ----------------------------------------------------------------------------------
def bare_posts(url: str, auth: tuple[str, str], count: int, threads: int) -> float:
    """One process's share of the baseline: `count` form POSTs like the SDK's, on a pool."""
    import requests

    sessions = [requests.Session() for _ in range(threads)]
    form = {"To": "+33612345678", "From": "+15005550006", "Body": "Check-in : ton chiffre ?"}

    def post(n: int) -> None:
        sessions[n % threads].post(url, data=form, auth=auth, timeout=15).raise_for_status()

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(post, range(count)))
    return time.perf_counter() - start


def baseline(fake, processes: int, count: int, threads: int) -> float:
    url = f"{fake.base_url}/2010-04-01/Accounts/{fake.account_sid}/Messages.json"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from dispatch import bare_posts;"
        "print(bare_posts(sys.argv[2], (sys.argv[3], sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])))"
    )
    share = count // processes
    args = [str(ROOT / "benchmarks"), url, fake.account_sid, fake.auth_token, str(share)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args, str(threads)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(processes)
    ]
    seconds = max(float(p.communicate()[0]) for p in procs)
    return share * processes / seconds


def throughput(options: argparse.Namespace, fake) -> None:
    concurrency = int(os.environ.get("ANCRAGE_DISPATCH_CONCURRENCY", "16"))
    env = environment(options.db)
    python(env, SETUP, json.dumps(fake.config()), "1")
    python(env, BATCH, str(options.messages))
    start = time.perf_counter()
    for worker in workers(env, options.workers, batch=True):
        worker.wait()
    wall = time.perf_counter() - start
    figures = stats(env)
    sent = figures["statuses"].get("sent", 0)
    received = len(fake.sent)
    bare = baseline(fake, options.workers, options.messages, concurrency)
    rate = sent / figures["seconds"]
    print(f"{options.db} {options.workers} worker(s), {options.messages} SMS, Twilio SDK -> fake")
    print(f"  sent {sent}, statuses {figures['statuses']}, fake received {received}")
    print(f"  dispatch: {rate:.0f} SMS/s (first claim to last send); wall clock incl. start-up "
          f"{sent / wall:.0f} SMS/s")  # fmt: skip
    print(f"  bare POSTs, {options.workers} process(es) x {concurrency} threads: {bare:.0f}/s; "
          f"ratio {rate / bare:.2f}")  # fmt: skip


# -- fairness ------------------------------------------------------------------------------------
def fairness(options: argparse.Namespace, fake) -> None:
    env = environment(options.db)
    python(env, SETUP, json.dumps(fake.config()), "2")
    running = workers(env, options.workers, batch=False)
    try:
        alone = json.loads(python(env, REPLIES, str(options.replies), "0.2"))["waits"]
        python(env, BATCH, str(options.messages))
        crowded = json.loads(python(env, REPLIES, str(options.replies), "0.5"))
    finally:
        for worker in running:
            worker.send_signal(signal.SIGTERM)
        for worker in running:
            worker.wait(timeout=60)
    waits = crowded["waits"]
    print(f"{options.db}, {options.workers} worker(s): {options.replies} single replies while "
          f"practice p0's {options.messages} SMS drain ({crowded['big_batch_left']} still "
          "queued when the last reply went)")  # fmt: skip
    print(f"  reply wait p50 {percentile(waits, 50):.2f} s, p99 {percentile(waits, 99):.2f} s, "
          f"max {max(waits):.2f} s")  # fmt: skip
    print(f"  baseline, nothing else queued: p50 {percentile(alone, 50):.2f} s, "
          f"p99 {percentile(alone, 99):.2f} s")  # fmt: skip


# -- crash ---------------------------------------------------------------------------------------
def crash(
    options: argparse.Namespace,
    fake,
    env: dict[str, str] | None = None,
    web: tuple[str, ...] = (),
    worker_host: tuple[str, ...] = (),
    web_env: dict[str, str] | None = None,
) -> dict:
    """`web`, `worker_host`: command prefixes putting those processes on another host
    (benchmarks/dispatch_netns.py: `ip netns exec ...`); the kills are the same."""
    # A killed worker is known dead after 3 s; the sweep (which asks the provider about
    # its interrupted sends) runs every 2 s, not every minute, so the run settles soon.
    env = env or environment(
        options.db, ANCRAGE_WORKER_LEASE_SECONDS="3", ANCRAGE_SMS_SWEEP_INTERVAL="2"
    )
    setup_env = web_env or env
    python(setup_env, SETUP, json.dumps(fake.config(**options.fake_config)), "1", prefix=web)
    python(setup_env, BATCH, str(options.messages), prefix=web)
    fake.delay_seconds = options.delay
    start = time.perf_counter()
    running = workers(env, options.workers, batch=False, prefix=worker_host)
    born = [time.monotonic()] * len(running)
    kills = 0
    rng = random.Random(14)
    while kills < options.kills:
        time.sleep(rng.uniform(0.3, 1.0))
        # Only a worker past its start-up (about 2 s to boot Django here) is sending.
        grown = [n for n, at in enumerate(born) if time.monotonic() - at > 3]
        if not grown:
            continue
        victim = rng.choice(grown)
        running[victim].send_signal(signal.SIGKILL)
        running[victim].wait()
        kills += 1
        running[victim] = workers(env, 1, batch=False, prefix=worker_host)[0]
        born[victim] = time.monotonic()
    figures = wait_until_settled(env, options.messages, timeout=900)
    seconds = time.perf_counter() - start
    for worker in running:
        worker.send_signal(signal.SIGTERM)
    for worker in running:
        worker.wait(timeout=60)
    return report_crash(options, fake, figures, kills, seconds)


def wait_until_settled(env: dict[str, str], count: int, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        figures = stats(env)
        moving = sum(figures["statuses"].get(s, 0) for s in ("queued", "sending"))
        if not moving and figures["running_tasks"] == 0 or time.monotonic() > deadline:
            return figures
        time.sleep(1)


def report_crash(options, fake, figures: dict, kills: int, seconds: float) -> dict:
    received = Counter(form["Body"] for form in fake.sent)
    statuses = Counter(row[1] for row in figures["rows"])
    # The sweep's lookups (GET of the Messages list, one per interrupted message; BATCH
    # gives every coachee one message): found -> sent at the first attempt; not found ->
    # queued, sent at a later attempt; unknown -> to check.
    asked = {r.query.get("To") for r in fake.requests if r.method == "GET"}
    looked_up = [(st, attempts) for _, st, phone, attempts in figures["rows"] if phone in asked]
    settled = {"needs_check", "failed"}  # left for the coach, or refused with a reason
    result = {
        "kills": kills,
        "sent": statuses["sent"],
        "to_check": statuses["needs_check"],
        "failed": statuses["failed"],
        "duplicated": sum(n - 1 for n in received.values() if n > 1),
        "lost": sum(
            1 for body, st, *_ in figures["rows"] if body not in received and st not in settled
        ),
        "looked_up": len(looked_up),
        "found": sum(st != "needs_check" and attempts == 1 for st, attempts in looked_up),
        "resent_once": sum(st != "needs_check" and attempts > 1 for st, attempts in looked_up),
        "running_tasks": figures["running_tasks"],
        "task_rows": figures["task_rows"],
        "seconds": seconds,
        "sent_per_s": statuses["sent"] / seconds,
    }
    print(f"{options.messages} SMS, {options.workers} workers, {kills} kill -9: " + ", ".join(
        f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in result.items()))  # fmt: skip
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["throughput", "fairness", "crash"])
    parser.add_argument("--db", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--replies", type=int, default=20, help="fairness: single replies")
    parser.add_argument("--kills", type=int, default=20, help="crash: SIGKILLs")
    parser.add_argument("--delay", type=float, default=0.0, help="fake Twilio answer delay (s)")
    options = parser.parse_args()
    options.fake_config = {}
    from tests.fakes import FakeTwilio, server

    # The fake's default listen backlog (5) resets connections beyond a few clients.
    server._Server.request_queue_size = 512
    with FakeTwilio() as fake:
        {"throughput": throughput, "fairness": fairness, "crash": crash}[options.what](
            options, fake
        )


if __name__ == "__main__":
    main()
