"""Inbound webhook throughput and latency, against a bare Django view in the same server.

    PYTHONPATH=. python benchmarks/webhook_load.py [--backends sqlite,postgres] [--workers 4]

For each database it starts the real server (`ancrage serve`, gunicorn) on 127.0.0.1
with a temporary data dir, configures a practice with a Twilio account, and measures
from other processes on loopback:
  * max throughput, closed loop: `wrk` (Debian package) POSTing precomputed requests,
    each a correctly signed Twilio inbound SMS with its own MessageSid (every request
    is verified, stored raw, deduplicated and recorded: no request hits the dedupe
    shortcut);
  * latency at a fixed 200 requests/s, open loop (latency counted from the scheduled
    send time, so a stall is not hidden): a Python load generator process.
The same two measurements run against /bench/bare (ANCRAGE_BENCH_VIEWS=1), a view
that returns 200 through the same middleware, and the table gives the ratio.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PG_SERVER = os.environ.get("ANCRAGE_BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
AUTH_TOKEN = "bench-twilio-auth-token"
ACCOUNT_SID = "AC" + "b" * 32
SETUP = """
import django
django.setup()
from ancrage.coaching.models import Coachee, Practice
from ancrage.messaging.accounts import save_account
practice = Practice.objects.create(name="Bench", slug="bench")
save_account(practice, "twilio", {"account_sid": "ACCOUNT_SID", "auth_token": "AUTH_TOKEN"},
             sender="+33939000000", max_per_minute=0, use_to_send=True)
for n in range(50):
    Coachee.objects.create(practice=practice, name=f"C{n}", phone=f"+336120000{n:02d}")
print(practice.webhook_token)
""".replace("ACCOUNT_SID", ACCOUNT_SID).replace("AUTH_TOKEN", AUTH_TOKEN)


# -- server ---------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(data_dir: Path, port: int, database_url: str) -> dict[str, str]:
    from ancrage.lib.crypto import generate_key

    env = {
        **os.environ,
        "ANCRAGE_DATA_DIR": str(data_dir),
        "ANCRAGE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "ANCRAGE_BENCH_VIEWS": "1",
        "ANCRAGE_ENCRYPTION_KEY": generate_key(),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "ancrage.settings",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def start_server(env: dict[str, str], port: int, workers: int) -> tuple[subprocess.Popen, str]:
    run = {"env": env, "cwd": ROOT, "check": True, "capture_output": True, "text": True}
    subprocess.run([sys.executable, "-m", "ancrage.cli", "migrate", "-v", "0"], **run)
    token = subprocess.run([sys.executable, "-c", SETUP], **run).stdout.strip().splitlines()[-1]
    server = subprocess.Popen(
        [sys.executable, "-m", "ancrage.cli", "serve", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--no-with-worker"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return server, token
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


# -- requests -------------------------------------------------------------------------------
def signed_requests(port: int, token: str, count: int, prefix: str) -> list[tuple[str, str]]:
    """(body, X-Twilio-Signature) for `count` distinct inbound SMS."""
    from twilio.request_validator import RequestValidator

    url = f"http://127.0.0.1:{port}/webhooks/twilio/{token}/inbound"
    validator = RequestValidator(AUTH_TOKEN)
    out = []
    for n in range(count):
        sid = f"SM{prefix}{n:024d}"  # distinct for every request, across runs
        params = {
            "MessageSid": sid, "SmsSid": sid, "AccountSid": ACCOUNT_SID,
            "From": f"+336120000{n % 50:02d}", "To": "+33939000000",
            "Body": f"J'ai envoyé {n} devis cette semaine", "NumSegments": "1",
        }  # fmt: skip
        out.append((urlencode(params), validator.compute_signature(url, params)))
    return out


def wrk_script(path: Path, requests: list[tuple[str, str]], target: str) -> None:
    """A wrk Lua script: thread i sends requests i, i+T, i+2T... so ids never repeat."""

    def lua(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    bodies = ",\n".join(lua(body) for body, _ in requests)
    signatures = ",\n".join(lua(sig) for _, sig in requests)
    path.write_text(
        f"""
local bodies = {{{bodies}}}
local sigs = {{{signatures}}}
local threads = {{}}
local counter = 1
function setup(thread)
  thread:set("first", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
function init(args)
  n = first
  step = {{THREADS}}
end
function request()
  local i = ((n - 1) % #bodies) + 1
  n = n + step
  local headers = {{}}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["X-Twilio-Signature"] = sigs[i]
  return wrk.format("POST", {lua(target)}, headers, bodies[i])
end
"""
    )


def run_wrk(port: int, script: Path, path: str, threads: int, connections: int, seconds: int):
    text = script.read_text().replace("{THREADS}", str(threads))
    text = re.sub(r'wrk.format\("POST", "[^"]*"', f'wrk.format("POST", "{path}"', text)
    script.write_text(text)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
         "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return (
        rps,
        int(errors.group(1)) if errors else 0,
        socket_errors.group(1) if socket_errors else "",
    )


# -- open-loop generator at a fixed rate (its own process) ---------------------------------------
def _open_loop(port, path, requests, rate, seconds, results) -> None:
    jobs: queue.Queue = queue.Queue()
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while (job := jobs.get()) is not None:
            scheduled, (body, signature) = job
            try:
                conn.request("POST", path, body, {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Twilio-Signature": signature,
                })  # fmt: skip
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            with lock:
                latencies.append(time.perf_counter() - scheduled)
                failures[0] += not ok

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(64)]
    for thread in pool:
        thread.start()
    start = time.perf_counter() + 0.2
    total = int(rate * seconds)
    for n in range(total):
        scheduled = start + n / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        jobs.put((scheduled, requests[n % len(requests)]))
    for _ in pool:
        jobs.put(None)
    for thread in pool:
        thread.join()
    results.put((sorted(latencies), failures[0]))


def open_loop(port, path, requests, rate, seconds):
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(
        target=_open_loop, args=(port, path, requests, rate, seconds, results)
    )
    process.start()
    latencies, failures = results.get()
    process.join()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return {"p50": p(0.50), "p99": p(0.99), "max": latencies[-1] * 1000, "failures": failures,
            "mean": statistics.fmean(latencies) * 1000}  # fmt: skip


# -- one backend ---------------------------------------------------------------------------------
def bench_backend(name: str, args: argparse.Namespace) -> list[dict]:
    database_url = ""
    admin = None
    if name == "postgres":
        import psycopg

        db = f"ancrage_bench_{uuid.uuid4().hex[:8]}"
        admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True)
        admin.execute(f'CREATE DATABASE "{db}"')
        database_url = f"{PG_SERVER}/{db}"
    data_dir = Path(tempfile.mkdtemp(prefix=f"ancrage-bench-{name}-"))
    port = free_port()
    server, token = start_server(server_env(data_dir, port, database_url), port, args.workers)
    rows = []
    try:
        per_run = int(args.seconds * 4000)
        webhook = f"/webhooks/twilio/{token}/inbound"
        for label, path in (("bare view", "/bench/bare"), ("signed webhook", webhook)):
            prefix = uuid.uuid4().hex[:8]
            reqs = signed_requests(port, token, per_run, prefix)
            script = data_dir / f"{prefix}.lua"
            wrk_script(script, reqs, path)
            run_wrk(port, script, path, 2, 8, 2)  # warm up (ids used once, then never again)
            reqs = signed_requests(port, token, per_run, prefix + "m")
            wrk_script(script, reqs, path)
            rps, non2xx, socket_errors = run_wrk(
                port, script, path, args.threads, args.connections, args.seconds
            )
            fixed = signed_requests(port, token, args.rate * args.seconds, prefix + "f")
            lat = open_loop(port, path, fixed, args.rate, args.seconds)
            rows.append({"backend": name, "endpoint": label, "rps": rps, "non2xx": non2xx,
                         "socket_errors": socket_errors, **lat})  # fmt: skip
        rows.append({"stored": count_messages(database_url, data_dir)})
    finally:
        stop_server(server)
        if admin is not None:
            admin.execute(
                f'DROP DATABASE IF EXISTS "{database_url.rsplit("/", 1)[1]}" WITH (FORCE)'
            )
            admin.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    return rows


def count_messages(database_url: str, data_dir: Path) -> int:
    if database_url:
        import psycopg

        with psycopg.connect(database_url) as conn:
            return int(conn.execute("SELECT count(*) FROM messaging_message").fetchone()[0])
    import sqlite3

    with sqlite3.connect(data_dir / "ancrage.sqlite3") as conn:
        return int(conn.execute("SELECT count(*) FROM messaging_message").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="gunicorn processes (CPUs)"
    )
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rate", type=int, default=200, help="fixed rate for the latency run")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is missing: apt-get install -y wrk", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    print(f"ancrage serve --workers {args.workers} (gthread, 8 threads each) on 127.0.0.1; "
          f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s; "
          f"open loop {args.rate} req/s for {args.seconds}s; {os.cpu_count()} CPUs")  # fmt: skip
    header = f"{'backend':9} {'endpoint':15} {'max req/s':>10} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'errors':>6}"
    print(header)
    print("-" * len(header))
    verdict = 0
    for backend in args.backends.split(","):
        rows = bench_backend(backend, args)
        stored = rows.pop()["stored"]
        bare = rows[0]["rps"]
        for row in rows:
            ratio = row["rps"] / bare
            errors = row["non2xx"] + row["failures"]
            print(f"{row['backend']:9} {row['endpoint']:15} {row['rps']:10.0f} {ratio:6.2f} "
                  f"{row['p50']:7.1f} {row['p99']:7.1f} {row['max']:7.1f} {errors:6d}")  # fmt: skip
        hook = rows[1]
        ok = hook["rps"] >= bare / 2 and hook["p99"] < 50 and hook["non2xx"] + hook["failures"] == 0
        verdict |= not ok
        print(f"{'':9} {stored} inbound messages stored; target (>= 0.5 x bare, p99 < 50 ms "
              f"at {args.rate}/s, no error): {'met' if ok else 'NOT MET'}")  # fmt: skip
    return verdict


if __name__ == "__main__":
    sys.exit(main())
