"""Planning a week of check-ins for 100,000 coachees in 20 time zones, exactly once.

Measures `ancrage.checkins.services.plan_checkins(now)` (horizon 7 local days) on a fresh
database: one practice, one coach, N coachees spread over 20 IANA zones, one active
engagement and one weekly enrolment each (its "Point du lundi" program, 09:00 local,
one weekday per coachee spread over the week, starting today). Then plans again: that
second pass must create no row. The rows created are checked against a count made here
independently (zoneinfo, the same rule) and for duplicates per (enrolment, local date).

Baseline, same run and same database: the same rows (read back from the table, which is
then emptied) inserted again by a bare `Checkin.objects.bulk_create(rows, batch_size=1000)`,
so the ratio is what planning costs on top of writing its rows. Seeding is timed but is
not the figure.

Usage: python benchmarks/checkin_scheduling.py [--coachees 100000] [--db sqlite|postgres|both]
       [--profile]   (cProfile of the first planning pass, top functions printed)
PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/ancrage_bench), a
scratch database created for the run and dropped afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time

from _harness import PG_URL, ROOT, drop_postgres, env_for, fresh_postgres, temp_dir

AIM_SECONDS = 10.0  # the aim, on PostgreSQL, for 100,000 coachees
ZONES = [
    "Europe/Paris", "Europe/London", "Europe/Brussels", "Europe/Zurich", "Europe/Lisbon",
    "America/Montreal", "America/New_York", "America/Chicago", "America/Denver",
    "America/Los_Angeles", "America/Sao_Paulo", "America/Martinique", "Africa/Casablanca",
    "Africa/Dakar", "Indian/Reunion", "Asia/Dubai", "Asia/Kolkata", "Asia/Tokyo",
    "Australia/Sydney", "Pacific/Auckland",
]  # fmt: skip


# -- the measuring process (one per database: Django's settings are read once) ---------------
def run_worker(coachees: int, profile: bool) -> dict[str, object]:
    import django

    django.setup()
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrate_seconds = time.perf_counter() - start

    start = time.perf_counter()
    seed(coachees)
    seed_seconds = time.perf_counter() - start

    from django.utils import timezone

    from ancrage.checkins.models import Checkin
    from ancrage.checkins.services import plan_checkins

    now = timezone.now()
    expected = expected_rows(now)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    offered = plan_checkins(now)
    plan_seconds = time.perf_counter() - start
    if profiler:
        profiler.disable()
    rows = Checkin.objects.count()

    start = time.perf_counter()
    offered_again = plan_checkins(now)
    replan_seconds = time.perf_counter() - start
    rows_after_replan = Checkin.objects.count()
    duplicates = duplicate_groups()
    in_quiet_hours = quiet_due_times()

    bare_seconds = bare_insert()
    if Checkin.objects.count() != rows:
        raise SystemExit("the baseline did not insert the same number of rows")

    if profiler:
        import pstats

        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)
    return {
        "coachees": coachees,
        "migrate_seconds": migrate_seconds,
        "seed_seconds": seed_seconds,
        "expected": expected,
        "offered": offered,
        "rows": rows,
        "plan_seconds": plan_seconds,
        "offered_again": offered_again,
        "new_on_replan": rows_after_replan - rows,
        "replan_seconds": replan_seconds,
        "duplicates": duplicates,
        "in_quiet_hours": in_quiet_hours,
        "bare_seconds": bare_seconds,
    }


def seed(count: int) -> None:
    """One practice (its starter kit comes through the post_save signal), one coach,
    `count` coachees with an active engagement and a weekly enrolment each."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from ancrage.checkins.models import Enrolment, Program
    from ancrage.coaching.models import Coach, Coachee, Engagement, Practice

    practice = Practice.objects.create(name="Bench", slug="bench")
    program = Program.objects.get(practice=practice, name_fr="Point du lundi")
    user = get_user_model().objects.create(username="bench-coach")
    coach = Coach.objects.create(user=user, practice=practice, role=Coach.Role.OWNER)
    today = timezone.now().date()
    batch = 5000
    for first in range(0, count, batch):
        numbers = range(first, min(first + batch, count))
        people = Coachee.objects.bulk_create(
            Coachee(
                practice=practice,
                name=f"Client {i}",
                phone=f"+336{i:08d}",
                timezone=ZONES[i % len(ZONES)],
            )
            for i in numbers
        )
        engagements = Engagement.objects.bulk_create(
            Engagement(
                practice=practice, coach=coach, coachee=person, status=Engagement.Status.ACTIVE
            )
            for person in people
        )
        Enrolment.objects.bulk_create(
            Enrolment(
                practice=practice,
                engagement=engagement,
                program=program,
                cadence=Enrolment.Cadence.WEEKLY,
                weekdays=str(i % 7),  # a spread of weekdays; Sundays are moved by quiet hours
                at_time=dt.time(9, 0),
                start_on=today,
                created_by=coach,
            )
            for i, engagement in zip(numbers, engagements, strict=True)
        )


def expected_rows(now: dt.datetime) -> int:
    """How many occurrences a week holds, counted without the planner: each enrolment's
    weekday in its local [today, today + 7], 09:00 local, not before its creation."""
    from zoneinfo import ZoneInfo

    from ancrage.checkins.models import Enrolment

    total = 0
    for tz_name, weekdays, start_on, created_at in Enrolment.objects.values_list(
        "engagement__coachee__timezone", "weekdays", "start_on", "created_at"
    ).iterator(chunk_size=5000):
        zone = ZoneInfo(tz_name)
        today = now.astimezone(zone).date()
        wanted = {int(d) for d in weekdays.split(",")}
        for offset in range(8):
            day = today + dt.timedelta(days=offset)
            if day < start_on or day.weekday() not in wanted:
                continue
            if dt.datetime.combine(day, dt.time(9, 0), zone) >= created_at:
                total += 1
    return total


def duplicate_groups() -> list[tuple[int, str, int]]:
    from django.db import connection

    from ancrage.checkins.models import Checkin

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT enrolment_id, due_on, count(*) FROM {Checkin._meta.db_table} "
            "GROUP BY enrolment_id, due_on HAVING count(*) > 1"
        )
        return [(e, str(d), n) for e, d, n in cursor.fetchall()]


def quiet_due_times() -> int:
    """Planned (zone, due_at) pairs that fall in the practice's quiet hours: none expected
    (Sunday occurrences are moved to Monday morning)."""
    from ancrage.checkins.models import Checkin
    from ancrage.coaching.models import Practice

    quiet = Practice.objects.get().quiet_hours()
    pairs = Checkin.objects.values_list("coachee__timezone", "due_at").distinct()
    return sum(quiet.is_quiet(due_at, tz_name) for tz_name, due_at in pairs)


def bare_insert() -> float:
    """Seconds to insert the planned rows again, precomputed, with a plain bulk_create."""
    from django.db import connection

    from ancrage.checkins.models import Checkin

    fields = ("practice_id", "enrolment_id", "coachee_id", "due_on", "due_at")
    rows = [
        Checkin(**dict(zip(fields, values, strict=True)))
        for values in Checkin.objects.order_by("pk").values_list(*fields).iterator(5000)
    ]
    table = Checkin._meta.db_table
    with connection.cursor() as cursor:  # empty storage, as the planner found it
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {table} CASCADE")
        else:
            cursor.execute(f"DELETE FROM {table}")
    start = time.perf_counter()
    Checkin.objects.bulk_create(rows, batch_size=1000)
    return time.perf_counter() - start


# -- the driver -------------------------------------------------------------------------------
def measure(db: str, coachees: int, profile: bool) -> dict[str, object] | None:
    url = fresh_postgres() if db == "postgres" else None
    if db == "postgres" and url is None:
        print(f"SKIPPED postgres: no server at {PG_URL}")
        return None
    data_dir = temp_dir("checkins")
    env = env_for(data_dir, url)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "benchmarks")])
    env["LOG_LEVEL"] = "ERROR"
    try:
        command = [sys.executable, __file__, "--worker", "--coachees", str(coachees)]
        if profile:
            command.append("--profile")
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if profile:
            print(f"--- cProfile, {db}, first planning pass ---\n{result.stderr}")
        if result.returncode:
            raise SystemExit(f"{db}: the measuring process failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if url:
            drop_postgres(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--coachees", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(json.dumps(run_worker(options.coachees, options.profile)))
        return
    databases = ["sqlite", "postgres"] if options.db == "both" else [options.db]
    results = {db: measure(db, options.coachees, options.profile) for db in databases}
    report(results)


def report(results: dict[str, dict[str, object] | None]) -> None:
    print(
        "Planning one week of weekly check-ins (plan_checkins, horizon 7), "
        f"{len(ZONES)} time zones; seconds"
    )
    header = (
        f"{'db':<10}{'coachees':>9}{'rows':>8}{'plan s':>8}{'replan s':>9}"
        f"{'bare insert s':>14}{'plan/bare':>10}{'seed s':>8}"
    )
    print(header)
    failures = []
    for db, r in results.items():
        if r is None:
            continue
        ratio = r["plan_seconds"] / r["bare_seconds"]
        print(
            f"{db:<10}{r['coachees']:>9}{r['rows']:>8}{r['plan_seconds']:>8.2f}"
            f"{r['replan_seconds']:>9.2f}{r['bare_seconds']:>14.2f}{ratio:>10.1f}"
            f"{r['seed_seconds']:>8.1f}"
        )
        if r["rows"] != r["expected"]:
            failures.append(f"{db}: {r['rows']} rows planned, {r['expected']} expected")
        if r["in_quiet_hours"]:
            failures.append(f"{db}: {r['in_quiet_hours']} (zone, due_at) in quiet hours")
        if r["new_on_replan"] or r["duplicates"]:
            failures.append(
                f"{db}: not exactly once: {r['new_on_replan']} new rows on the second pass, "
                f"duplicates {r['duplicates'][:5]}"
            )
    for db, r in results.items():
        if r is not None:
            print(
                f"{db}: exactly once: second pass created {r['new_on_replan']} rows "
                f"(offered {r['offered_again']}), {len(r['duplicates'])} duplicate "
                f"(enrolment, due_on) groups; rows = independent count ({r['expected']}): "
                f"{r['rows'] == r['expected']}; due times in quiet hours: {r['in_quiet_hours']}"
            )
    pg = results.get("postgres")
    if pg is not None:
        met = pg["plan_seconds"] < AIM_SECONDS
        scale = "" if pg["coachees"] == 100_000 else f" (at {pg['coachees']} coachees)"
        print(
            f"aim < {AIM_SECONDS:.0f} s on PostgreSQL{scale}: "
            f"{'met' if met else 'NOT met'} ({pg['plan_seconds']:.2f} s)"
        )
    if failures:
        raise SystemExit("\n".join(failures))


if __name__ == "__main__":
    main()
