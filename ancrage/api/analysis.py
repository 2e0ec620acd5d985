"""Analysis of a transcript sent as text: the analyzer's JSON report, in the same request.

Unlike the web page (a file analyzed by the worker), the API takes text within tighter
bounds (ANCRAGE_API_ANALYSIS_MAX_KB, API_LIMITS) and its own, lower rate per token."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router

from ancrage.analysis import AnalysisError, Limits, analyze
from ancrage.analysis.readers import detect_format, parse
from ancrage.analysis.report import to_dict
from ancrage.analysis.ui import message
from ancrage.api.errors import ApiError, ErrorOut
from ancrage.api.schemas import AnalysisIn, AnalysisOut
from ancrage.api.throttles import analyses_per_token, per_token

router = Router(tags=["analysis"])

# A one-hour call is about 1,000 utterances; the analyzer is linear in each of these.
API_LIMITS = Limits(
    max_utterances=5_000, max_speakers=20, max_utterance_chars=20_000, max_seconds=20
)
SOURCE = "<api>"


@router.post(
    "/analysis",
    response={200: AnalysisOut, frozenset({400, 401, 413, 422, 429}): ErrorOut},
    throttle=[per_token(), analyses_per_token()],
)
def analyze_transcript(request: HttpRequest, data: AnalysisIn):
    """Analyze a transcript (text, WebVTT, SRT, JSON, JSONL or CSV): the service score, the
    indicators behind it and feedback in the conversation's language. 413 `too_large`
    beyond the size limit; 422 `analysis_refused` when the text cannot be analyzed."""
    ui = "en" if (get_language() or "fr").startswith("en") else "fr"
    limit_kb = settings.ANCRAGE_API_ANALYSIS_MAX_KB
    size = len(data.text.encode("utf-8"))
    if size > limit_kb * 1000:
        text = _("The transcript is %(size)d KB; the API takes at most %(max)d KB.")
        raise ApiError(413, "too_large", text % {"size": size // 1000, "max": limit_kb})
    try:
        utterances = parse(data.text, data.format or detect_format("", data.text), SOURCE)
        report = analyze(utterances, focus=data.focus or None, lang=data.lang, limits=API_LIMITS)
    except AnalysisError as error:
        explained = message(ui, error.key, **{"path": SOURCE, **error.params})
        raise ApiError(422, "analysis_refused", explained, reason=error.key) from None
    return _as_api(to_dict(report, ui))


def _as_api(report: dict[str, Any]) -> dict[str, Any]:
    # `schema` would shadow pydantic's BaseModel.schema: the API names it schema_version.
    return {"schema_version": report.pop("schema"), **report}
