"""Latency of the coach's inbox page (GET /) for a practice with a year of SMS.

One practice, one coach (signed in), C coachees (100) with an engagement and a weekly
check-in enrolment each, M messages (50,000) spread over the last 365 days: inbound and
outbound (hand-written replies and automated check-in questions) mixed, a Triage row for
every inbound SMS, the inbound SMS that answered a check-in question recorded as understood
Answers. One coachee in three ends with 1-3 inbound SMS nobody answered (they wait for the
coach); the others end with a reply from the coach. Rows are written with bulk_create.

Each database gets a fresh one (SQLite in a temporary ANCRAGE_DATA_DIR, PostgreSQL in a
scratch database) migrated from scratch, in its own process (Django reads settings once).
Requests go through Django's test Client (the whole middleware, view, ORM and template stack
in process, no socket or WSGI server), round-robin so a noisy neighbour slows each alike:
  GET /           the inbox (ancrage.inbox.views.inbox), the figure
  GET /clients/   baseline: the old client list (one annotated query, no ordering work)
  GET /healthz    baseline: SELECT 1 through the Django stack
Wall-clock milliseconds are the figure; the CPU milliseconds of this process (Python side:
Django, template, SQLite itself; not the PostgreSQL server's) are printed beside them, as
a busy machine inflates wall-clock tails. The SQL queries of one request of each are counted (CaptureQueriesContext). The page is
checked: 200, C rows, as many "waiting" rows as coachees seeded to wait.
Target: p95 < 150 ms for GET / on both databases.

Usage: python benchmarks/inbox_latency.py [--requests 200] [--coachees 100]
       [--messages 50000] [--db sqlite|postgres|both] [--explain] [--profile]
  --explain  prints the inbox query and its plan (EXPLAIN ANALYZE on PostgreSQL,
             EXPLAIN QUERY PLAN on SQLite)
  --profile  cProfile of 20 GET / requests, top functions printed
PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/ancrage_bench), the
database name replaced by ancrage_inbox_bench, created for the run and dropped afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import time

from _harness import (
    PG_URL,
    ROOT,
    drop_postgres,
    env_for,
    fresh_postgres,
    median,
    percentile,
    temp_dir,
)

AIM_MS = 150.0
PAGES = {"inbox": "/", "clients": "/clients/", "healthz": "/healthz"}
CATEGORIES = ["gratitude", "win", "struggle", "question", "scheduling", "other"]
INBOUND = ["Merci pour hier !", "J'ai signé le contrat 🎉", "Semaine difficile, je suis épuisée",
           "On peut décaler à jeudi ?", "Tu as un conseil pour négocier ?", "ok", "3 devis",
           "Thanks for yesterday!", "I got the job", "Can we move to Thursday?", "8/10"]  # fmt: skip
OUTBOUND = ["Bravo, c'est une belle étape !", "Je t'appelle demain 10h ?", "Courage, on en parle",
            "Well done!", "Talk tomorrow at 10?", "Combien de devis envoyés cette semaine ?",
            "Sur 10, comment s'est passée ta semaine ?"]  # fmt: skip


# -- the measuring process (one per database) -------------------------------------------------
def run_worker(options: argparse.Namespace) -> dict[str, object]:
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_seconds = time.perf_counter() - started
    started = time.perf_counter()
    user, waiting = seed(options.coachees, options.messages)
    seed_seconds = time.perf_counter() - started
    analyze()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    body = check_page(client, options.coachees, waiting)
    queries: dict[str, int] = {}
    for name, path in PAGES.items():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        queries[name] = len(captured.captured_queries)
    for _ in range(5):  # warm up: templates compiled, connection open
        for path in PAGES.values():
            client.get(path)
    timings: dict[str, list[float]] = {name: [] for name in PAGES}
    cpu: dict[str, list[float]] = {name: [] for name in PAGES}
    for _ in range(options.requests):
        for name, path in PAGES.items():
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(path)
            timings[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.process_time() - cpu_started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
    if options.explain:
        explain(sys.stderr)
    if options.profile:
        profile(client)
    return {
        "vendor": connection.vendor,
        "coachees": options.coachees,
        "messages": options.messages,
        "waiting": waiting,
        "page_bytes": len(body),
        "migrate_seconds": migrate_seconds,
        "seed_seconds": seed_seconds,
        "queries": queries,
        "timings": timings,
        "cpu": cpu,
    }


def seed(coachees: int, total: int):
    """The practice described above; returns the coach's user and how many coachees wait."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from ancrage.checkins.models import Answer, Checkin, Enrolment, Program
    from ancrage.coaching.models import Coach, Coachee, Engagement, Practice
    from ancrage.inbox.models import Triage
    from ancrage.messaging.models import Message

    rng = random.Random(20240501)
    now = timezone.now()
    practice = Practice.objects.create(name="Bench", slug="bench")
    program = Program.objects.get(practice=practice, name_fr="Point du lundi")
    user = get_user_model().objects.create(username="bench-coach")
    coach = Coach.objects.create(user=user, practice=practice, role=Coach.Role.OWNER)
    people = Coachee.objects.bulk_create(
        Coachee(practice=practice, name=f"Client {i}", phone=f"+336{i:08d}",
                language="fr" if i % 3 else "en")
        for i in range(coachees)
    )  # fmt: skip
    engagements = Engagement.objects.bulk_create(
        Engagement(practice=practice, coach=coach, coachee=person,
                   status=["intake", "active", "active", "active", "alumni"][i % 5],
                   started_on=(now - dt.timedelta(days=400)).date())
        for i, person in enumerate(people)
    )  # fmt: skip
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(practice=practice, engagement=engagement, program=program,
                  cadence=Enrolment.Cadence.WEEKLY, weekdays="0", at_time=dt.time(9, 0),
                  start_on=(now - dt.timedelta(days=366)).date(), created_by=coach)
        for engagement in engagements
    )  # fmt: skip
    rows: list[Message] = []
    answered: list[tuple[int, int]] = []  # (index in rows, coachee index) of check-in answers
    waiting = 0
    for i, person in enumerate(people):
        count = total // coachees + (i < total % coachees)
        stamps = sorted(
            now - dt.timedelta(seconds=rng.uniform(600, 365 * 86400)) for _ in range(count)
        )
        waits = i % 3 == 0 and count > 3
        waiting += waits
        tail = rng.randint(1, 3) if waits else 0
        previous_kind = None
        for n, at in enumerate(stamps):
            if n >= count - tail:
                direction, kind = "in", "manual"  # unanswered, at the end
            elif n == count - tail - 1:
                direction, kind = "out", "manual"  # the coach's last reply
            elif rng.random() < 0.5:
                direction, kind = "in", "manual"
            else:
                direction = "out"
                kind = "manual" if rng.random() < 0.6 else "automated"
            inbound = direction == "in"
            if inbound and previous_kind == "automated" and n < count - tail:
                answered.append((len(rows), i))
            previous_kind = None if inbound else kind
            rows.append(
                Message(practice=practice, coachee=person, engagement=engagements[i],
                        direction=direction, kind=kind, provider="simulator",
                        body=rng.choice(INBOUND if inbound else OUTBOUND),
                        status="received" if inbound else "delivered", created_at=at,
                        read_at=None if inbound and n >= count - tail else at)
            )  # fmt: skip
    Message.objects.bulk_create(rows, batch_size=2000)
    Triage.objects.bulk_create(
        (Triage(message=m, practice=practice, coachee_id=m.coachee_id,
                category=(c := rng.choice(CATEGORIES)), categories=[c], scores={c: 0.9})
         for m in rows if m.direction == "in"),
        batch_size=2000,
    )  # fmt: skip
    checkins: dict[tuple[int, dt.date], Checkin] = {}
    for index, i in answered:
        day = rows[index].created_at.date()
        checkins.setdefault(
            (i, day),
            Checkin(practice=practice, enrolment=enrolments[i], coachee=people[i], due_on=day,
                    due_at=rows[index].created_at, status="done"),
        )  # fmt: skip
    Checkin.objects.bulk_create(checkins.values(), batch_size=2000)
    Answer.objects.bulk_create(
        (Answer(checkin=checkins[(i, rows[index].created_at.date())], message=rows[index],
                body=rows[index].body, understood=rng.random() < 0.8)
         for index, i in answered),
        batch_size=2000,
    )  # fmt: skip
    return user, waiting


def analyze() -> None:
    """Fresh statistics, as a database in service would have them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def check_page(client, coachees: int, waiting: int) -> str:
    response = client.get("/")
    assert response.status_code == 200, response.status_code
    body = response.content.decode()
    rows = body.count('<span class="name">')
    shown_waiting = body.count('<li class="waiting">')
    if rows != coachees or shown_waiting != waiting:
        raise SystemExit(f"inbox shows {rows} rows, {shown_waiting} waiting; "
                         f"expected {coachees} and {waiting}")  # fmt: skip
    return body


def explain(out) -> None:
    from django.db import connection

    from ancrage.coaching.models import Practice
    from ancrage.inbox.services import Filters, _annotated

    query = _annotated(Practice.objects.get(slug="bench"), Filters())
    sql, params = query.query.sql_with_params()
    print(f"--- inbox query ({connection.vendor}) ---\n{sql}\n{params}", file=out)
    prefix = (
        "EXPLAIN (ANALYZE, BUFFERS) "
        if connection.vendor == "postgresql"
        else "EXPLAIN QUERY PLAN "
    )
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(sql, params)
        cursor.fetchall()
        took = (time.perf_counter() - started) * 1000
        cursor.execute(prefix + sql, params)
        plan = cursor.fetchall()
    print(f"--- plan ({connection.vendor}; the query alone: {took:.1f} ms) ---", file=out)
    for row in plan:
        print(" | ".join(str(cell) for cell in row), file=out)


def profile(client) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        client.get("/")
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(15)


# -- the driver -------------------------------------------------------------------------------
def measure(db: str, options: argparse.Namespace) -> dict[str, object] | None:
    url = None
    if db == "postgres":
        url = fresh_postgres(PG_URL.rpartition("/")[0] + "/ancrage_inbox_bench")
        if url is None:
            print(f"SKIPPED postgres: no server at {PG_URL}")
            return None
    data_dir = temp_dir("inbox")
    env = env_for(data_dir, url, ALLOWED_HOSTS="testserver", LOG_LEVEL="ERROR")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "benchmarks")])
    command = [sys.executable, __file__, "--worker", "--requests", str(options.requests),
               "--coachees", str(options.coachees), "--messages", str(options.messages)]  # fmt: skip
    command += ["--explain"] * options.explain + ["--profile"] * options.profile
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if options.explain or options.profile:
            print(result.stderr)
        if result.returncode:
            raise SystemExit(f"{db}: the measuring process failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if url:
            drop_postgres(url)


def report(results: dict[str, dict | None], requests: int) -> bool:
    print(f"{requests} requests per page, round-robin, Django test Client in process (ms)")
    print(
        f"{'db':<10}{'page':<16}{'p50':>8}{'p95':>8}{'max':>8}{'cpu p50':>9}{'cpu p95':>9}{'queries':>9}{'p50 x healthz':>15}"
    )
    met = True
    for db, r in results.items():
        if r is None:
            continue
        health = median(r["timings"]["healthz"])
        for name, path in PAGES.items():
            values, spent = r["timings"][name], r["cpu"][name]
            print(
                f"{db:<10}{'GET ' + path:<16}{median(values):>8.1f}{percentile(values, 95):>8.1f}"
                f"{max(values):>8.1f}{median(spent):>9.1f}{percentile(spent, 95):>9.1f}"
                f"{r['queries'][name]:>9}{median(values) / health:>15.1f}"
            )
        p95 = percentile(r["timings"]["inbox"], 95)
        met &= p95 < AIM_MS
        print(
            f"{db}: {r['coachees']} coachees, {r['messages']:,} messages, {r['waiting']} waiting, "
            f"page {r['page_bytes'] / 1024:.0f} KiB; seeded in {r['seed_seconds']:.1f} s; "
            f"inbox p95 < {AIM_MS:.0f} ms: {'met' if p95 < AIM_MS else 'NOT met'} ({p95:.1f} ms)"
        )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--coachees", type=int, default=100)
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(run_worker(options)))
        return 0
    databases = ["sqlite", "postgres"] if options.db == "both" else [options.db]
    results = {db: measure(db, options) for db in databases}
    return 0 if report(results, options.requests) else 1


if __name__ == "__main__":
    raise SystemExit(main())
