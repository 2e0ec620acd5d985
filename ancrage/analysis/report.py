"""Terminal (rich) and JSON renderings of a Report. HTML lives in html_report.py."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from .models import Indicator, Report
from .ui import benchmark_label, indicator_label, message

SCHEMA_VERSION = 1


def format_value(ind: Indicator) -> str:
    value = ind.value
    if value is None:
        return "—"
    if ind.unit == "share":
        return f"{value * 100:.0f}%"
    if ind.unit == "ratio":
        return f"{value:.2f}:1"
    if ind.unit in ("count", "words"):
        return f"{value:.0f}"
    if ind.unit == "s":
        return f"{value:.1f} s"
    return f"{value:.2f}"


def to_dict(report: Report, ui: str = "en") -> dict[str, Any]:
    """The versioned JSON schema (see docs/analysis.md)."""
    return {
        "schema": SCHEMA_VERSION,
        "source": report.source,
        "language": report.language,
        "frame": report.frame,
        "focus": report.focus,
        "focus_reason": message(ui, report.focus_reason, **report.focus_params),
        "focus_reason_key": report.focus_reason,
        "service_score": report.service_score,
        "speakers": report.speakers,
        "indicators": [ind.as_dict() for ind in report.indicators],
        "feedback": [point.as_dict() for point in report.feedback],
        "warnings": [message(ui, key) for key in report.warnings],
        "utterances": [u.as_dict() for u in report.utterances],
    }


def to_json(report: Report, ui: str = "en") -> str:
    return json.dumps(to_dict(report, ui), ensure_ascii=False, indent=2)


def score_style(score: float) -> str:
    return "green" if score >= 70 else ("yellow" if score >= 45 else "red")


def print_report(report: Report, ui: str, console: Console | None = None) -> None:
    console = console or Console()
    title = escape(message(ui, "title") + (f" — {report.source}" if report.source else ""))
    colon = " :" if ui == "fr" else ":"  # French typography: a space before the colon
    speakers = ", ".join(
        f"{escape(name)} ({row['talk_share'] * 100:.0f}%)" for name, row in report.speakers.items()
    )
    header = (
        f"[bold]{message(ui, 'score')}{colon} [{score_style(report.service_score)}]"
        f"{report.service_score:.0f}/100[/][/]\n"
        f"{message(ui, 'focus')}{colon} "
        f"{escape(message(ui, report.focus_reason, **report.focus_params))}\n"
        f"{message(ui, 'language')}{colon} {report.language}    "
        f"{message(ui, 'speakers')}{colon} {speakers}\n"
        f"{message(ui, 'frame')}{colon} {message(ui, 'frame_' + report.frame)}"
    )
    console.print(Panel(header, title=title, expand=False))
    for key in report.warnings:
        console.print(f"[yellow]{message(ui, 'warning')}{colon} {escape(message(ui, key))}[/]")
    console.print(indicator_table(report, ui))
    console.print(f"[bold]{message(ui, 'feedback')}[/]")
    for number, point in enumerate(report.feedback, start=1):
        quote = f"« {point.quote} »" if report.language == "fr" else f"“{point.quote}”"
        console.print(f"{number}. {escape(point.message)}")
        # numbered from 1 as a person counts turns (the JSON's "index" counts from 0)
        console.print(f"   [dim]#{point.index + 1} {escape(quote)}[/]", highlight=False)


def indicator_table(report: Report, ui: str) -> Table:
    table = Table(show_lines=False)
    table.add_column(message(ui, "indicator"))
    table.add_column(message(ui, "value"), justify="right")
    table.add_column(message(ui, "points"), justify="right")
    table.add_column(message(ui, "benchmark"))
    for ind in report.indicators:
        if ind.weight == 0 and ind.value is None:
            continue  # not measurable here (e.g. no timestamps): keep the table short
        points = f"{ind.points:.1f}/{ind.weight:.0f}" if ind.weight else ""
        table.add_row(
            indicator_label(ui, ind.key),
            format_value(ind),
            points,
            benchmark_label(ui, ind.key, ind.benchmark),
        )
    return table
