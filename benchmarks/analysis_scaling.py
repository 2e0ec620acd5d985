"""The analyzer's cost per MB from 100 KB to 50 MB (flat = linear), and /healthz while
uploaded transcripts are analyzed.

    python benchmarks/analysis_scaling.py [--sizes 0.1,1,5,10,50] [--jobs 8] [--job-kb 480]

1. Seconds per MB of `analyze()` on generated two-speaker transcripts (text format, the
   sentences of analysis_speed.py), one process, and on the shapes that used to be quadratic
   (one long utterance of « quoi? », one utterance per speaker, continuation lines).
2. A real server (`ancrage serve --workers 2`, embedded SQLite, its worker plus one more):
   /healthz p50 / p99 alone (the baseline, same run), then while --jobs uploads of --job-kb
   KB are analyzed (ANCRAGE_ANALYSIS_CONCURRENCY=2: two run, the others wait).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _harness import ROOT, ancrage, env_for, median, percentile, server, temp_dir, wait_for

sys.path.insert(0, str(ROOT))

from analysis_speed import FRENCH, SHORT_FR, _utterance

from ancrage.analysis import analyze
from ancrage.analysis._compiled import is_compiled


def dialogue(size: int, seed: int = 5) -> str:
    rng, lines, total = random.Random(seed), [], 0
    while total < size:
        line = f"{('Coach', 'Client')[len(lines) % 2]}: {_utterance(rng, FRENCH, SHORT_FR)}\n"
        lines.append(line)
        total += len(line.encode())
    return "".join(lines)


def quoi(size: int) -> str:
    return "A: " + "quoi? " * (size // 6) + "\nB: ok\n"


def speakers(size: int) -> str:
    lines, total = [], 0
    while total < size:
        lines.append(f"S{len(lines)}: bonjour\n")
        total += len(lines[-1])
    return "".join(lines)


def continuation(size: int) -> str:
    line = "et puis encore une ligne qui continue\n"
    return "A: bonjour\n" + line * (size // len(line))


SHAPES = {"dialogue": dialogue, "quoi": quoi, "speakers": speakers, "continuation": continuation}


def seconds_per_mb(shape: str, mb: float) -> tuple[float, int]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as handle:
        handle.write(SHAPES[shape](int(mb * 1_000_000)))
        handle.flush()
        start = time.process_time()
        report = analyze(handle.name, lang="fr", max_bytes=10**10)
        return (time.process_time() - start) / mb, len(report.utterances)


def scaling(sizes: list[float]) -> None:
    analyze([("A", "Bonjour ?"), ("B", "Oui.")], lang="fr")  # rules built before timing
    build = "compiled" if is_compiled() else "Python sources"
    print(f"analyze(), CPU seconds per MB, one process, analyzer {build}")
    print(f"{'shape':<14}" + "".join(f"{f'{mb:g} MB':>12}" for mb in sizes))
    for shape in SHAPES:
        cells = []
        for mb in sizes if shape == "dialogue" else [mb for mb in sizes if mb <= 10]:
            per_mb, _count = seconds_per_mb(shape, mb)
            cells.append(f"{per_mb:>10.2f} s")
        print(f"{shape:<14}" + "".join(f"{c:>12}" for c in cells), flush=True)


SUBMIT = """
import django, sys; django.setup()
from ancrage.coaching.models import Coach
from ancrage.conversations.tasks import submit_upload
coach = Coach.objects.filter(practice__slug="demo").first()
data = open(sys.argv[1], "rb").read()
for i in range(int(sys.argv[2])):
    print(submit_upload(coach, f"bench{i}.txt", data, "", "auto").pk)
"""


def unfinished(data_dir: str) -> tuple[int, int]:
    """(jobs not finished, jobs failed), read straight from the embedded SQLite file."""
    with sqlite3.connect(Path(data_dir) / "ancrage.sqlite3", timeout=30) as db:
        rows = dict(db.execute("SELECT status, COUNT(*) FROM conversations_analysisjob GROUP BY 1"))
    return sum(n for k, n in rows.items() if k not in ("done", "failed")), rows.get("failed", 0)


def health_ms(base: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(base + "/healthz", timeout=30) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def under_load(jobs: int, job_kb: int) -> None:
    data_dir = temp_dir("scaling")
    env = env_for(data_dir, None, ANCRAGE_ANALYSIS_CONCURRENCY="2")
    ancrage("demo", "--no-serve", env=env)
    transcript = Path(temp_dir("scaling-upload")) / "call.txt"
    transcript.write_text(dialogue(job_kb * 1000), encoding="utf-8")
    extra = subprocess.Popen(
        [sys.executable, "-m", "ancrage.cli", "worker"], env=env, stdout=subprocess.DEVNULL
    )
    try:
        with server(env, "--workers", "2") as (base, process):
            wait_for(base + "/healthz", process)
            for _ in range(50):
                health_ms(base)  # warm up
            alone = [health_ms(base) for _ in range(500)]
            start = time.perf_counter()
            ancrage(
                "shell",
                "-c",
                SUBMIT.replace("sys.argv[1]", repr(str(transcript))).replace(
                    "int(sys.argv[2])", str(jobs)
                ),
                env=env,
            )
            loaded: list[float] = []
            pending, failed, checked = jobs, 0, 0.0
            while pending:
                loaded.append(health_ms(base))
                time.sleep(0.02)  # ~40 req/s: a load balancer and a few coaches' pages polling
                if time.perf_counter() - checked > 0.5:
                    pending, failed = unfinished(data_dir)
                    checked = time.perf_counter()
            elapsed = time.perf_counter() - start
    finally:
        extra.terminate()
        extra.wait(timeout=30)
    print(f"\n/healthz over loopback, ms ({jobs} uploads of {job_kb} KB, 2 at a time per practice)")
    print(f"{'':<34}{'p50':>8}{'p99':>8}{'max':>8}{'requests':>10}")
    print(
        f"{'baseline: /healthz alone':<34}{median(alone):>8.1f}{percentile(alone, 99):>8.1f}{max(alone):>8.1f}{len(alone):>10}"
    )
    print(
        f"{'while the analyses run':<34}{median(loaded):>8.1f}{percentile(loaded, 99):>8.1f}{max(loaded):>8.1f}{len(loaded):>10}"
    )
    print(f"all {jobs} analyses done in {elapsed:.1f} s; failed: {failed}; target p99 < 200 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.1,1,5,10,50")
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--job-kb", type=int, default=480)
    parser.add_argument("--skip-server", action="store_true")
    options = parser.parse_args()
    scaling([float(mb) for mb in options.sizes.split(",")])
    if not options.skip_server:
        under_load(options.jobs, options.job_kb)


if __name__ == "__main__":
    main()
