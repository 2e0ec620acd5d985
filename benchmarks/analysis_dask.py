"""`ancrage analyze FOLDER` on the local process pool, then on a two-worker Dask cluster.

    python benchmarks/analysis_dask.py [--files 200] [--kb 20] [--rounds 3]

Writes --files transcripts of about --kb KB (French and English in turn, the sentences of
analysis_speed.py, one seed per file) and times the whole command (read, analyse, summary
CSV) in wall-clock seconds, best of --rounds: `--workers 2` (ProcessPoolExecutor), then
`--dask` on a LocalCluster of two worker processes, one thread each, on loopback. The cluster
is started once, outside the timing (its start-up is printed apart), and warmed by one small
batch so that the workers have imported ancrage. Both runs must give the same summary.

On one machine the cluster can only add costs (each text and report crosses a socket, the
client writes every report); the figure is that overhead, not a speed-up: Dask pays off when
workers are other machines.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis_speed import ENGLISH, FRENCH, SHORT_EN, SHORT_FR, _utterance  # noqa: E402

from ancrage.analysis._compiled import is_compiled  # noqa: E402
from ancrage.analysis.cli import main as analyze_main  # noqa: E402


def transcript(number: int, size: int) -> str:
    """About `size` bytes of a two-speaker dialogue, French for even numbers."""
    rng = random.Random(number)
    long, short = (FRENCH, SHORT_FR) if number % 2 == 0 else (ENGLISH, SHORT_EN)
    lines, total = [], 0
    while total < size:
        line = f"{('Coach', 'Client')[len(lines) % 2]}: {_utterance(rng, long, short)}\n"
        lines.append(line)
        total += len(line.encode())
    return "".join(lines)


def write_folder(root: Path, files: int, kb: int) -> Path:
    folder = root / "calls"
    folder.mkdir()
    for number in range(files):
        (folder / f"call-{number:04d}.txt").write_text(
            transcript(number, kb * 1000), encoding="utf-8"
        )
    return folder


def timed(folder: Path, summary: Path, *options: str) -> float:
    start = time.perf_counter()
    code = analyze_main([str(folder), "--summary", str(summary), "-q", "--ui-lang", "en", *options])
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"analyze exited with {code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--kb", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    from distributed import LocalCluster

    with tempfile.TemporaryDirectory(prefix="ancrage-dask-bench-") as tmp:
        root = Path(tmp)
        folder = write_folder(root, options.files, options.kb)
        warm = root / "warm"
        warm.mkdir()
        (warm / "w.txt").write_text(transcript(1, 2000), encoding="utf-8")
        started = time.perf_counter()
        cluster = LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        )
        startup = time.perf_counter() - started
        try:
            address = cluster.scheduler_address
            timed(warm, root / "warm.csv", "--dask", address)
            local = min(
                timed(folder, root / "local.csv", "--workers", "2") for _ in range(options.rounds)
            )
            dask = min(
                timed(folder, root / "dask.csv", "--dask", address) for _ in range(options.rounds)
            )
        finally:
            cluster.close()
        same = (root / "local.csv").read_bytes() == (root / "dask.csv").read_bytes()

    build = "compiled" if is_compiled() else "Python sources"
    print(
        f"{options.files} transcripts of ~{options.kb} KB, analyzer {build}, "
        f"wall-clock seconds, best of {options.rounds}"
    )
    print(f"{'local process pool (--workers 2)':<40}{local:>8.2f} s")
    print(f"{'Dask LocalCluster, 2 workers x 1 thread':<40}{dask:>8.2f} s")
    print(f"{'ratio Dask / local':<40}{dask / local:>8.2f}")
    print(f"cluster start-up (not in the figures): {startup:.1f} s; same summary CSV: {same}")


if __name__ == "__main__":
    main()
