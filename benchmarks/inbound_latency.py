"""Inbound SMS latency: from the simulator's webhook POST to the stored message row.

A real server (`ancrage serve`, gunicorn) receives signed simulator webhooks over
loopback; each request returns once the Message row is committed, so its round
trip is the latency a coachee's reply takes to reach the thread. Baseline, same
server and run: GET /healthz (one SELECT 1 through the whole Django stack).

Usage: python benchmarks/inbound_latency.py [--requests 500] [--db sqlite,postgres]
"""

from __future__ import annotations

import argparse
import time
import urllib.request

from _harness import (
    ancrage,
    env_for,
    fresh_postgres,
    median,
    percentile,
    server,
    temp_dir,
    wait_for,
)

SIGN = """
import django, sys, json; django.setup()
from ancrage.coaching.models import Practice
from ancrage.messaging.providers.simulator import signed_request
from ancrage.messaging.services import webhook_url
practice = Practice.objects.get(slug="demo")
url = webhook_url(practice, "simulator", "inbound")
out = []
for i in range(int(sys.argv[1])):
    r = signed_request(url, {"MessageSid": f"BENCH{i}", "From": "+33612345678", "Body": f"Réponse {i}"})
    out.append([r.url, r.body.decode(), r.header("x-simulator-signature")])
print(json.dumps(out))
"""


def timed(request: urllib.request.Request) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        assert response.status == 200
    return (time.perf_counter() - start) * 1000


def measure(db: str, count: int) -> tuple[list[float], list[float]] | None:
    import json
    import subprocess
    import sys

    url = fresh_postgres() if db == "postgres" else None
    if db == "postgres" and url is None:
        print("SKIPPED postgres: no server at BENCH_PG_URL")
        return None
    env = env_for(temp_dir("inbound"), url, ANCRAGE_PUBLIC_URL="http://bench.invalid")
    ancrage("demo", "--no-serve", env=env)
    signed = json.loads(
        subprocess.run(
            [sys.executable, "-c", SIGN, str(count)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    with server(env, "--workers", "2", "--no-with-worker") as (base, process):
        wait_for(base + "/healthz", process)
        health = [timed(urllib.request.Request(base + "/healthz")) for _ in range(count)]
        inbound = []
        for public_url, body, signature in signed:
            path = public_url.removeprefix("http://bench.invalid")
            request = urllib.request.Request(
                base + path,
                data=body.encode(),
                method="POST",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Simulator-Signature": signature,
                },
            )
            inbound.append(timed(request))
    return inbound, health


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--db", default="sqlite,postgres")
    options = parser.parse_args()
    print(f"{options.requests} sequential requests over loopback (milliseconds)")
    print(f"{'database':<10}{'what':<30}{'p50':>8}{'p99':>8}{'p50 x baseline':>16}")
    for db in options.db.split(","):
        figures = measure(db, options.requests)
        if figures:
            inbound, health = figures
            ratio = median(inbound) / median(health)
            print(
                f"{db:<10}{'baseline: GET /healthz':<30}{median(health):>8.2f}{percentile(health, 99):>8.2f}{1:>16.1f}"
            )
            print(
                f"{db:<10}{'inbound webhook -> row':<30}{median(inbound):>8.2f}{percentile(inbound, 99):>8.2f}{ratio:>16.1f}"
            )


if __name__ == "__main__":
    main()
