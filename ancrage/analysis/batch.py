"""Batch mode: several files or folders, all cores, a progress bar, one CSV row per file."""

from __future__ import annotations

import argparse
import csv
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from .models import AnalysisError, Report
from .readers import _EXTENSIONS
from .ui import message

SUMMARY_FIELDS = (
    "file",
    "status",
    "language",
    "focus",
    "service_score",
    "talk_share_words",
    "questions",
    "open_question_share",
    "reflection_question_ratio",
    "input_share",
    "telling_share",
    "longest_monologue_words",
    "error",
)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; folders expanded (recursively) to the transcripts they hold."""
    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _EXTENSIONS
            )
            if not found:
                raise AnalysisError("no_inputs", path=raw)
            files.extend(found)
        else:
            files.append(raw)  # a missing file is reported per file, with its name
    return files


def output_stems(files: list[str]) -> dict[str, str]:
    """A distinct output name per input: "call", then "call-2" for a second "call.*"."""
    stems: dict[str, str] = {}
    used: set[str] = set()
    for path in files:
        stem, number = Path(path).stem, 1
        candidate = stem
        while candidate in used:
            number += 1
            candidate = f"{stem}-{number}"
        used.add(candidate)
        stems[path] = candidate
    return stems


def _output_path(folder: str | None, stem: str, suffix: str) -> str | None:
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return str(Path(folder) / (stem + suffix))


def analyze_one(path: str, args: argparse.Namespace, ui: str, stem: str) -> dict[str, Any]:
    """Worker: analyse one file, write its JSON/HTML if asked, return its summary row."""
    from .cli import analyze_file

    try:
        report = analyze_file(path, args)
    except AnalysisError as exc:
        return error_row(path, exc, ui)
    return finish_one(path, report, args, ui, stem)


def error_row(path: str, exc: AnalysisError, ui: str) -> dict[str, Any]:
    return {"file": path, "status": "error", "error": message(ui, exc.key, **exc.params)}


def finish_one(
    path: str, report: Report, args: argparse.Namespace, ui: str, stem: str
) -> dict[str, Any]:
    """Write one analysed file's JSON/HTML if asked, return its summary row (the Dask
    client calls it too, with the report a worker sent back)."""
    from .cli import write_outputs

    row: dict[str, Any] = {"file": path}
    try:
        write_outputs(
            report,
            _output_path(args.json if args.json != "-" else None, stem, ".json"),
            _output_path(args.html, stem, ".html"),
            ui,
        )
    except AnalysisError as exc:
        return error_row(path, exc, ui)
    values = {ind.key: ind.value for ind in report.indicators}
    row.update(
        status="warning" if report.warnings else "ok",
        language=report.language,
        focus=report.focus,
        service_score=report.service_score,
        error="; ".join(message(ui, w) for w in report.warnings),
    )
    for key in SUMMARY_FIELDS[5:-1]:
        value = values.get(key)
        row[key] = None if value is None else round(value, 4)
    return row


def run_batch(files: list[str], args: argparse.Namespace, ui: str) -> int:
    workers = args.workers or os.cpu_count() or 1
    rows: list[dict[str, Any]] = []
    stems = output_stems(files)
    err = Console(stderr=True)
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task(message(ui, "batch_progress"), total=len(files))
        if workers == 1 or len(files) == 1:
            for path in files:
                rows.append(analyze_one(path, args, ui, stems[path]))
                progress.advance(task)
        else:
            with ProcessPoolExecutor(max_workers=min(workers, len(files))) as pool:
                futures = [pool.submit(analyze_one, path, args, ui, stems[path]) for path in files]
                for future in as_completed(futures):
                    rows.append(future.result())
                    progress.advance(task)
    rows.sort(key=lambda r: files.index(r["file"]))
    return finish_batch(rows, args, ui, err)


def finish_batch(
    rows: list[dict[str, Any]], args: argparse.Namespace, ui: str, err: Console
) -> int:
    """Summary CSV, terminal table and final count of rows in input order; the exit code."""
    if args.summary:
        _write_summary(args.summary, rows)
    if not args.quiet:
        _print_rows(rows, ui)
        if args.summary:
            Console().print(message(ui, "summary_written", path=args.summary))
    failed = sum(r["status"] == "error" for r in rows)
    err.print(message(ui, "batch_done", ok=len(rows) - failed, failed=failed))
    return 1 if failed else 0


def _write_summary(target: str, rows: list[dict[str, Any]]) -> None:
    try:
        with open(target, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=SUMMARY_FIELDS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    except OSError as exc:
        raise AnalysisError("cannot_write", path=target, reason=exc.strerror or str(exc)) from None


def _print_rows(rows: list[dict[str, Any]], ui: str) -> None:
    table = Table()
    table.add_column(message(ui, "file"))
    table.add_column(message(ui, "status"))
    table.add_column(message(ui, "focus"))
    table.add_column(message(ui, "score"), justify="right")
    for row in rows:
        score = row.get("service_score")
        status = row["status"] if row["status"] != "error" else f"[red]{escape(row['error'])}[/]"
        table.add_row(
            escape(Path(row["file"]).name),
            status,
            row.get("focus") or "",
            "" if score is None else f"{score:.0f}",
        )
    Console().print(table)
