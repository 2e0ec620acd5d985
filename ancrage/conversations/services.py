"""The analyzer (ancrage.analysis, pure Python) seen from the web app.

Layers: views call these functions and tasks.py; tasks.py calls `claim` and `run_job`;
nothing here enqueues. An uploaded transcript is analyzed by the worker, never on the
request thread, within `WEB_LIMITS`, and at most ANCRAGE_ANALYSIS_CONCURRENCY at once
per practice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.analysis import AnalysisError, Limits, Report, analyze
from ancrage.analysis.feedback import feedback_message
from ancrage.analysis.models import Annotated, FeedbackPoint, Indicator
from ancrage.analysis.readers import decode, detect_format, parse
from ancrage.analysis.report import format_value
from ancrage.analysis.ui import MESSAGES, act_label, benchmark_label, indicator_label, message
from ancrage.coaching.models import Coach, Coachee, Practice
from ancrage.conversations.models import AnalysisJob

# What one upload may cost, beside its size (ANCRAGE_MAX_UPLOAD_MB): a three-hour call is
# about 3,000 utterances and a handful of speakers; the analyzer is linear in each of these.
WEB_LIMITS = Limits(
    max_utterances=50_000, max_speakers=50, max_utterance_chars=20_000, max_seconds=120
)
# A job still `running` this long after its start lost its worker: it frees its slot.
STALE_AFTER = dt.timedelta(seconds=(WEB_LIMITS.max_seconds or 120) + 60)
PROGRESS_EVERY = 0.5  # seconds between two progress writes


@dataclass(frozen=True)
class IndicatorRow:
    label: str
    value: str
    points: float
    weight: float
    benchmark: str


def question_label(utterance: Annotated, ui: str) -> str:
    return act_label(ui, utterance.question) if utterance.question else ""


@dataclass(frozen=True)
class ActTag:
    code: str
    label: str
    why: str  # the words that weighed most for it, "" when the act is a shape (question)
    # "" unless the line alone would not carry it: the speaker's other lines decided it
    from_context: str = ""


def act_tags(utterance: Annotated, ui: str) -> list[ActTag]:
    """The acts of one utterance as the page shows them (named as in every report, in the
    coach's language), each with its explanation."""
    return [
        ActTag(
            act,
            act_label(ui, act),
            ", ".join(utterance.evidence.get(act, [])),
            message(ui, "from_context") if act in utterance.context_acts else "",
        )
        for act in utterance.acts
        if act != "question"
    ]


@dataclass(frozen=True)
class FeedbackRow:
    message: str  # in the coach's language, whatever the conversation's
    quote: str
    number: int  # the utterance's number in the list below, counted from 1
    strength: bool


def feedback_rows(report: Report, ui: str) -> list[FeedbackRow]:
    return [
        FeedbackRow(feedback_message(p, ui), p.quote, p.index + 1, p.is_strength)
        for p in report.feedback
    ]


def frame_label(report: Report, ui: str) -> str:
    return message(ui, "frame_" + report.frame)


def indicator_rows(report: Report, ui: str) -> list[IndicatorRow]:
    return [
        IndicatorRow(
            label=indicator_label(ui, ind.key),
            value=localized_value(ind),
            points=round(ind.points, 1),
            weight=ind.weight,
            benchmark=benchmark_label(ui, ind.key, ind.benchmark),
        )
        for ind in report.indicators
    ]


def localized_value(ind: Indicator) -> str:
    """The analyzer's figure written as the coach's language writes numbers: « 0,33 pour 1 »,
    « 33 % » in French (the analyzer's own `format_value` is for the CLI, in one style)."""
    value = ind.value
    if value is None:
        return format_value(ind)
    if ind.unit in ("count", "words"):
        return number_format(value, 0)
    if ind.unit == "share":
        return _("%(value)s%%") % {"value": number_format(value * 100, 0)}
    if ind.unit == "ratio":
        return _("%(value)s to 1") % {"value": number_format(value, 2)}
    if ind.unit == "s":
        return _("%(value)s s") % {"value": number_format(value, 1)}
    return number_format(value, 2)


# The web page never sends a coach to a command-line tool: these refusals say what to do here.
WEB_ERRORS = {
    "empty_thread": gettext_lazy(
        "There is no message with %(name)s yet: the analysis reads the SMS you exchanged. "
        "Come back once the conversation has started."
    ),
    "too_many_utterances": gettext_lazy(
        "This transcript has %(count)s utterances, above the limit of %(max)s per analysis. "
        "Split it into several files (one per session) and send them one by one."
    ),
    "too_slow": gettext_lazy(
        "The analysis ran over the time allowed for one file (stopped after %(done)s of "
        "%(total)s utterances). Split the transcript into several files and send them one by one."
    ),
}


def _web_error(key: str, params: dict[str, Any], ui: str) -> str:
    if key in WEB_ERRORS:
        return WEB_ERRORS[key] % {
            k: v if isinstance(v, str) else number_format(v) for k, v in params.items()
        }
    return message(ui, key, **params)


def focus_reason(report: Report, ui: str) -> str:
    return message(ui, report.focus_reason, **report.focus_params)


def error_text(error: AnalysisError, ui: str) -> str:
    return _web_error(error.key, error.params, ui)


def job_error_text(job: AnalysisJob, ui: str) -> str:
    if job.error_key in MESSAGES[ui]:
        return _web_error(job.error_key, job.error_params, ui)
    return _("The analysis was interrupted (the worker stopped). Upload the file again.")


def analyze_thread(coachee: Coachee, coach: Coach) -> Report:
    """The SMS thread as a conversation, with the coach as the assessed speaker."""
    coach_name = coach.display_name
    utterances = [
        {"speaker": coach_name if m.is_outbound else coachee.name, "text": m.body}
        for m in coachee.messages.order_by("created_at", "id")
    ]
    if not utterances:  # « <input> est vide » said nothing a coach could act on
        raise AnalysisError("empty_thread", name=coachee.name)
    # an SMS follow-up is a coaching thread: credit handed back counts, sales benchmarks do not
    return analyze(
        utterances, focus=coach_name, lang=coachee.language, limits=WEB_LIMITS, frame="coaching"
    )


# --- Uploaded transcripts, analyzed by the worker ------------------------------------------


def create_job(coach: Coach, name: str, data: bytes, focus: str, lang: str) -> AnalysisJob:
    return AnalysisJob.objects.create(
        practice=coach.practice,
        coach=coach,
        name=name[:255],
        focus=focus[:100],
        lang=lang,
        transcript=data,
        size=len(data),
    )


def jobs_of(practice: Practice):
    return AnalysisJob.objects.filter(practice=practice)


def claim(job_id: int, concurrency: int) -> str:
    """queued -> running if the practice has a free slot: "claimed", "busy" or "gone".

    The practice row is locked (PostgreSQL) and SQLite transactions are IMMEDIATE, so two
    workers never both take the last slot."""
    now = timezone.now()
    with transaction.atomic():
        job = AnalysisJob.objects.filter(pk=job_id, status=AnalysisJob.Status.QUEUED).first()
        if job is None:
            return "gone"
        Practice.objects.select_for_update().filter(pk=job.practice_id).first()
        running = jobs_of(job.practice).filter(status=AnalysisJob.Status.RUNNING)
        running.filter(started_at__lt=now - STALE_AFTER).update(
            status=AnalysisJob.Status.FAILED, error_key="interrupted", finished_at=now
        )
        if running.count() >= concurrency:
            return "busy"
        AnalysisJob.objects.filter(pk=job_id).update(
            status=AnalysisJob.Status.RUNNING, started_at=now, progress=0.0
        )
    return "claimed"


def run_job(job_id: int) -> None:
    """Analyze a claimed job's transcript and store the report, or the refusal in words."""
    job = AnalysisJob.objects.get(pk=job_id)
    try:
        report = analyze_bytes(bytes(job.transcript), job.name, job.focus, job.lang, job_id)
    except AnalysisError as error:
        _finish(job_id, AnalysisJob.Status.FAILED, error_key=error.key, error_params=error.params)
        return
    _finish(job_id, AnalysisJob.Status.DONE, report=report_to_json(report), progress=1.0)


def analyze_bytes(data: bytes, name: str, focus: str, lang: str, job_id: int) -> Report:
    limit = settings.ANCRAGE_MAX_UPLOAD_MB * 1_000_000
    if len(data) > limit:
        raise AnalysisError("too_large", path=name, size_mb=len(data) / 1e6, max_mb=limit / 1e6)
    started = time.monotonic()
    text = decode(data, name)
    utterances = parse(text, detect_format(name, text), name)
    limits = WEB_LIMITS
    if limits.max_seconds is not None:  # reading counts against the same time
        spent = time.monotonic() - started
        limits = dataclasses.replace(limits, max_seconds=max(0.0, limits.max_seconds - spent))
    report = analyze(
        utterances, focus=focus or None, lang=lang, limits=limits, progress=_reporter(job_id)
    )
    report.source = name
    return report


def _reporter(job_id: int):
    last = [time.monotonic()]

    def progress(done: int, total: int) -> None:
        if time.monotonic() - last[0] >= PROGRESS_EVERY:
            last[0] = time.monotonic()
            AnalysisJob.objects.filter(pk=job_id).update(progress=0.95 * done / total)

    return progress


def _finish(job_id: int, status: str, **fields: Any) -> None:
    AnalysisJob.objects.filter(pk=job_id).update(
        status=status, transcript=b"", finished_at=timezone.now(), **fields
    )


def queued_before(job: AnalysisJob) -> int:
    """Analyses of the practice that will start before this one."""
    return (
        jobs_of(job.practice)
        .filter(status=AnalysisJob.Status.QUEUED, created_at__lt=job.created_at)
        .count()
    )


# --- A Report stored as JSON, and back ----------------------------------------------------


def report_to_json(report: Report) -> dict[str, Any]:
    return dataclasses.asdict(report)


def report_from_json(data: dict[str, Any]) -> Report:
    return Report(
        **{
            **data,
            "indicators": [Indicator(**row) for row in data["indicators"]],
            "feedback": [FeedbackPoint(**row) for row in data["feedback"]],
            "utterances": [Annotated(**row) for row in data["utterances"]],
        }
    )
