"""Batch mode on a Dask cluster: `ancrage analyze FOLDER --dask tcp://host:8786`.

The same per-file analysis as batch.py, with the same rows, order, reports and errors. The
client reads each file (size cap, decoding) and sends its text, never its path: the workers
may be other machines without the folder. Each worker parses and analyses the text and sends
the Report back; the client writes the JSON/HTML reports and the summary, as the local batch
does. A lexicon file is read once, here, and sent as lists of names.

Needs the extra `pip install 'ancrage[dask]'` here and on every worker, with the same
ancrage version (checked before anything is sent). Dask is imported only when --dask is used.
`analyze_text` is the public per-text function (also what a Spark job maps, docs/analysis.md).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import queue
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from .batch import error_row, finish_batch, finish_one, output_stems
from .engine import analyze, load_lexicon
from .models import AnalysisError, Report
from .readers import decode, detect_format, parse
from .ui import message

DISTRIBUTION = "ancrage"  # the installed distribution whose version workers must share
CONNECT_SECONDS = 5.0  # to reach the scheduler, then to see a first worker
IN_FLIGHT_PER_THREAD = 2  # texts sent ahead per worker thread: memory stays bounded


def analyze_text(
    text: str,
    source: str = "<input>",
    *,
    fmt: str | None = None,
    focus: str | None = None,
    lang: str = "auto",
    lexicon: Mapping[str, Any] | None = None,
    frame: str = "auto",
) -> Report:
    """Analyse a transcript given as text, exactly as `analyze(path)` would analyse the file
    `source` holding it (its format is detected from the name `source`, then the text)."""
    utterances = parse(text, fmt or detect_format(source, text), source)
    report = analyze(utterances, focus=focus, lang=lang, lexicon=lexicon, frame=frame)
    report.source = source
    return report


def _on_worker(text: str, source: str, options: dict[str, Any]) -> tuple[Any, ...]:
    """Runs on a worker: ("ok", report) or ("error", key, params), never an AnalysisError
    (whose pickled form would lose its key)."""
    try:
        return ("ok", analyze_text(text, source, **options))
    except AnalysisError as exc:
        return ("error", exc.key, exc.params)


def read_text(path: str, max_bytes: int) -> str:
    """The file's text, with read_transcript's checks and messages (on the client)."""
    file = Path(path)
    if not file.exists():
        raise AnalysisError("missing_file", path=str(file))
    if file.is_dir():
        raise AnalysisError("is_directory", path=str(file))
    size = file.stat().st_size
    if size > max_bytes:
        raise AnalysisError("too_large", path=str(file), size_mb=size / 1e6, max_mb=max_bytes / 1e6)
    return decode(file.read_bytes(), str(file))


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise AnalysisError("dask_missing") from None
    return distributed


def _local_version() -> str:
    return importlib.metadata.version(DISTRIBUTION)


@contextmanager
def connect(address: str, seconds: float | None = None) -> Iterator[Any]:
    """A Dask client of the scheduler at `address`, or a clear AnalysisError within about
    `seconds` (the whole connection runs under that deadline: Dask's own timeout does not
    cover a host name that never resolves)."""
    distributed = _import_distributed()
    seconds = CONNECT_SECONDS if seconds is None else seconds
    try:  # checked before a Client exists: a half-built one stalls the interpreter's exit
        distributed.comm.get_address_host_port(address)
    except (ValueError, TypeError) as exc:
        raise AnalysisError("dask_bad_address", address=address, reason=str(exc)) from None
    box: queue.Queue[tuple[bool, Any]] = queue.Queue()
    abandoned = threading.Event()

    def attempt() -> None:
        try:
            client = distributed.Client(address, timeout=seconds, set_as_default=False)
        except Exception as exc:
            box.put((False, exc))
            return
        if abandoned.is_set():  # answered after we gave up
            client.close()
        else:
            box.put((True, client))

    threading.Thread(target=attempt, name="ancrage-dask-connect", daemon=True).start()
    try:
        ok, value = box.get(timeout=seconds + 2)
    except queue.Empty:
        abandoned.set()
        raise AnalysisError("dask_unreachable", address=address, seconds=seconds) from None
    if not ok:
        if isinstance(value, ValueError | TypeError):
            raise AnalysisError("dask_bad_address", address=address, reason=str(value)) from None
        if isinstance(value, OSError | TimeoutError):
            raise AnalysisError("dask_unreachable", address=address, seconds=seconds) from None
        raise value
    client = value
    try:
        check_workers(client, address, seconds)
        yield client
    finally:
        client.close()


def check_workers(client: Any, address: str, seconds: float) -> None:
    """At least one worker, and every worker with this machine's version of ancrage."""
    try:
        client.wait_for_workers(1, timeout=seconds)
    except TimeoutError:
        raise AnalysisError("dask_no_workers", address=address, seconds=seconds) from None
    # a stdlib function, so that a worker without ancrage can still run it and say so
    found = client.run(importlib.metadata.version, DISTRIBUTION, on_error="return")
    ours = _local_version()
    missing = sorted(worker for worker, v in found.items() if not isinstance(v, str))
    if missing:
        raise AnalysisError(
            "dask_worker_missing", count=len(missing), workers=", ".join(missing), version=ours
        )
    other = sorted({v for v in found.values() if v != ours})
    if other:
        raise AnalysisError("dask_worker_version", found=", ".join(other), version=ours)


def run_dask(files: list[str], args: argparse.Namespace, ui: str) -> int:
    """The batch of batch.run_batch, analysed on the cluster at args.dask."""
    from .cli import max_bytes

    err = Console(stderr=True)
    try:
        products, competitors = load_lexicon(args.lexicon)
    except AnalysisError as exc:  # the local batch reports it on every file
        return finish_batch([error_row(path, exc, ui) for path in files], args, ui, err)
    options = {
        "fmt": args.fmt,
        "focus": args.focus,
        "lang": args.lang,
        "lexicon": {"products": list(products), "competitors": list(competitors)},
        "frame": getattr(args, "frame", "auto"),
    }
    limit = max_bytes(args)
    stems = output_stems(files)
    rows: list[dict[str, Any]] = [{} for _ in files]
    with connect(args.dask) as client:
        distributed = _import_distributed()
        window = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        # rich draws nothing when stderr is not a terminal
        with Progress(console=err, transient=True, disable=args.quiet) as progress:
            bar = progress.add_task(message(ui, "batch_progress"), total=len(files))
            running = distributed.as_completed(loop=client.loop)
            index_of: dict[str, int] = {}
            todo = enumerate(files)

            def send_next() -> None:
                for index, path in todo:
                    try:
                        text = read_text(path, limit)
                    except AnalysisError as exc:
                        rows[index] = error_row(path, exc, ui)
                        progress.advance(bar)
                        continue
                    future = client.submit(_on_worker, text, path, options, pure=False)
                    index_of[future.key] = index
                    running.add(future)
                    return

            for _ in range(window):
                send_next()
            for future in running:
                index = index_of.pop(future.key)
                path = files[index]
                outcome = future.result()
                future.release()
                if outcome[0] == "ok":
                    rows[index] = finish_one(path, outcome[1], args, ui, stems[path])
                else:
                    rows[index] = error_row(path, AnalysisError(outcome[1], **outcome[2]), ui)
                progress.advance(bar)
                send_next()
    return finish_batch(rows, args, ui, err)
