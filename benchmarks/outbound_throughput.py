"""Outbound messages per second through real workers, on SQLite and on PostgreSQL.

Each message goes the whole way: queued by the coach's service function, claimed
by a worker, sent to the provider, its delivery report received and applied.
Baseline, same run and same workers: as many no-op tasks through the same
database queue (the floor that the queue itself costs).

With --provider twilio the messages go through the real Twilio SDK to the local
fake Twilio (tests/fakes) on loopback, and count once the provider accepted them
(`sent`: the fake sends no delivery reports).

Usage: python benchmarks/outbound_throughput.py [--messages 1000] [--workers 1,2,4]
       [--db sqlite,postgres] [--provider simulator|twilio]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time

from _harness import ROOT, ancrage, env_for, fresh_postgres, temp_dir

ENQUEUE = """
import django, json, sys; django.setup()
from ancrage.coaching.models import Coachee
kind, count = sys.argv[1], int(sys.argv[2])
if len(sys.argv) > 3:  # a real provider account, pointed at the local fake
    from ancrage.messaging.accounts import save_account
    config = json.loads(sys.argv[3])
    practice = Coachee.objects.get(phone="+33612345678").practice
    sender = config.pop("from_number")
    save_account(practice, "twilio", config, sender=sender, max_per_minute=0, use_to_send=True)
if kind == "noop":
    from bench_tasks import noop
    for i in range(count):
        noop.enqueue(i)
else:
    from ancrage.messaging.services import queue_message
    coachee = Coachee.objects.get(phone="+33612345678")
    for i in range(count):
        queue_message(coachee, f"Message {i}: combien de devis envoyés cette semaine ?")
"""

COUNT_DONE = """
import django, sys; django.setup()
from ancrage.messaging.models import Message
print(Message.objects.filter(body__startswith="Message ", status=sys.argv[1]).count())
"""


def run_workers(env: dict[str, str], workers: int) -> float:
    start = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "ancrage.cli",
        "worker",
        "--batch",
        "--processes",
        str(workers),
    ]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def python(env: dict[str, str], code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"setup step failed:\n{result.stderr[-2000:]}")
    return result.stdout.strip()


def measure(db: str, workers: int, count: int, twilio_config: str) -> tuple[float, float] | None:
    url = fresh_postgres() if db == "postgres" else None
    if db == "postgres" and url is None:
        print("SKIPPED postgres: no server at BENCH_PG_URL")
        return None
    env = env_for(temp_dir("outbound"), url)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "benchmarks")])
    ancrage("demo", "--no-serve", env=env)
    python(env, ENQUEUE, "noop", str(count))
    noop_seconds = run_workers(env, workers)
    python(env, ENQUEUE, "sms", str(count), *([twilio_config] if twilio_config else []))
    sms_seconds = run_workers(env, workers)
    final = "sent" if twilio_config else "delivered"
    done = int(python(env, COUNT_DONE, final))
    if done != count:
        raise SystemExit(f"only {done} of {count} messages {final}")
    return count / sms_seconds, count / noop_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--workers", default="1")
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--provider", choices=["simulator", "twilio"], default="simulator")
    options = parser.parse_args()
    with contextlib.ExitStack() as stack:
        twilio_config = ""
        if options.provider == "twilio":
            sys.path.insert(0, str(ROOT))
            from tests.fakes import FakeTwilio

            fake = stack.enter_context(FakeTwilio())
            twilio_config = json.dumps(fake.config())
            print(
                f"{options.messages} outbound SMS, Twilio SDK -> local fake Twilio, queued -> sent"
            )
        else:
            print(f"{options.messages} outbound SMS through the simulator, queued -> delivered")
        report(options, twilio_config)


def report(options: argparse.Namespace, twilio_config: str) -> None:
    print(f"{'database':<10}{'workers':>8}{'msg/s':>10}{'no-op tasks/s':>15}{'ratio':>8}")
    for db in options.db.split(","):
        for workers in (int(w) for w in options.workers.split(",")):
            figures = measure(db, workers, options.messages, twilio_config)
            if figures:
                sms, noop = figures
                print(f"{db:<10}{workers:>8}{sms:>10.0f}{noop:>15.0f}{sms / noop:>8.2f}")


if __name__ == "__main__":
    main()
