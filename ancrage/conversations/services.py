"""The analyzer (ancrage.analysis, pure Python) seen from the web app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ancrage.analysis import AnalysisError, Report, analyze
from ancrage.analysis.report import format_value
from ancrage.analysis.ui import benchmark_label, indicator_label, message
from ancrage.coaching.models import Coach, Coachee


@dataclass(frozen=True)
class IndicatorRow:
    label: str
    value: str
    points: float
    weight: float
    benchmark: str


def indicator_rows(report: Report, ui: str) -> list[IndicatorRow]:
    return [
        IndicatorRow(
            label=indicator_label(ui, ind.key),
            value=format_value(ind),
            points=round(ind.points, 1),
            weight=ind.weight,
            benchmark=benchmark_label(ui, ind.key, ind.benchmark),
        )
        for ind in report.indicators
    ]


def focus_reason(report: Report, ui: str) -> str:
    return message(ui, report.focus_reason, **report.focus_params)


def error_text(error: AnalysisError, ui: str) -> str:
    return message(ui, error.key, **error.params)


def analyze_thread(coachee: Coachee, coach: Coach) -> Report:
    """The SMS thread as a conversation, with the coach as the assessed speaker."""
    coach_name = coach.display_name
    utterances = [
        {"speaker": coach_name if m.is_outbound else coachee.name, "text": m.body}
        for m in coachee.messages.order_by("created_at", "id")
    ]
    return analyze(utterances, focus=coach_name, lang=coachee.language)


def analyze_upload(path: Path, focus: str | None, lang: str, max_bytes: int) -> Report:
    return analyze(path, focus=focus or None, lang=lang, max_bytes=max_bytes)
