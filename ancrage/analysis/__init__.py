"""Ancrage conversation analysis: did the assessed speaker serve the other, or try to please?

Pure Python (rich, PyYAML, and text2num for check-in answers), never imports Django. Public API:

    analyze(utterances_or_path, focus=None, lang="auto", lexicon=None, frame="auto") -> Report
    read_transcript(path, fmt=None) -> list[Utterance]

The question type and greetings come from hand-written rules (acts.py); every other act from
linear models trained on the team's own labelled conversations (learned_acts.py, a weight
table in weights/acts.json, no training library at run time).
"""

from ._compiled import prefer_fresh_sources

prefer_fresh_sources()  # before engine imports acts: never a compiled module older than its source

from .engine import analyze  # noqa: E402
from .models import (  # noqa: E402
    AnalysisError,
    Annotated,
    FeedbackPoint,
    Indicator,
    Limits,
    Report,
    Utterance,
)
from .readers import read_transcript  # noqa: E402

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "AnalysisError",
    "Annotated",
    "FeedbackPoint",
    "Indicator",
    "Limits",
    "Report",
    "Utterance",
    "analyze",
    "read_transcript",
]
