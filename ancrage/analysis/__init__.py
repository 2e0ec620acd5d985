"""Ancrage conversation analysis: did the assessed speaker serve the other, or try to please?

Pure Python (rich and PyYAML only), never imports Django. Public API:

    analyze(utterances_or_path, focus=None, lang="auto", lexicon=None) -> Report
    read_transcript(path, fmt=None) -> list[Utterance]
"""

from .engine import analyze
from .models import AnalysisError, Annotated, FeedbackPoint, Indicator, Report, Utterance
from .readers import read_transcript

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "AnalysisError",
    "Annotated",
    "FeedbackPoint",
    "Indicator",
    "Report",
    "Utterance",
    "analyze",
    "read_transcript",
]
