"""Upload a transcript (analyzed by the worker), follow its job, read the report; or analyze a
coachee's SMS thread at once (a thread is short, and bounded by the same limits)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRefresh

from ancrage.analysis import AnalysisError, Report
from ancrage.analysis.ui import message
from ancrage.coaching.access import CoachRequest, coach_required, coachee_or_404
from ancrage.coaching.models import Coachee
from ancrage.conversations import services, tasks
from ancrage.conversations.forms import TranscriptForm
from ancrage.conversations.models import AnalysisJob


def _ui() -> str:
    return "en" if (get_language() or "fr").startswith("en") else "fr"


def _render_report(
    request: CoachRequest,
    report: Report,
    title: str,
    reason: str | None = None,
    coachee: Coachee | None = None,
) -> HttpResponse:
    ui = _ui()
    feedback = services.feedback_rows(report, ui)
    context = {
        "coachee": coachee,  # a thread's analysis links back to the thread
        "title": title,
        "report": report,
        "focus_reason": reason or services.focus_reason(report, ui),
        "rows": services.indicator_rows(report, ui),
        "frame": services.frame_label(report, ui),
        "from_context_help": message(ui, "from_context_help"),
        "to_work_on": [row for row in feedback if not row.strength],
        "went_well": [row for row in feedback if row.strength],
        "utterance_rows": [
            (u, services.question_label(u, ui), services.act_tags(u, ui)) for u in report.utterances
        ],
    }
    return render(request, "conversations/report.html", context)


@coach_required
def upload(request: CoachRequest) -> HttpResponse:
    limit = settings.ANCRAGE_MAX_UPLOAD_MB * 1_000_000
    if request.method == "POST" and int(request.META.get("CONTENT_LENGTH") or 0) > limit:
        # Refused before Django reads the body: a 200 MB upload costs nothing.
        error = _(
            "This file is over %(max)d MB. Split the transcript into several files (one per "
            "session) and send them one by one."
        ) % {"max": settings.ANCRAGE_MAX_UPLOAD_MB}
        return render(
            request,
            "conversations/upload.html",
            {"form": TranscriptForm(), "error": error},
            status=413,
        )
    form = TranscriptForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "conversations/upload.html", {"form": form})
    transcript = form.cleaned_data["transcript"]
    job = tasks.submit_upload(
        request.coach,
        transcript.name,
        b"".join(transcript.chunks()),
        form.cleaned_data["focus"],
        form.cleaned_data["lang"],
    )
    return redirect("analysis_job", pk=job.pk)


@coach_required
def job_detail(request: CoachRequest, pk: int) -> HttpResponse:
    """The report once done; before that a page that polls its own status (HTMX)."""
    jobs = services.jobs_of(request.coach.practice)
    if not request.coach.is_owner:  # a transcript is its uploader's (and the owner's) to read
        jobs = jobs.filter(coach=request.coach)
    job = get_object_or_404(jobs, pk=pk)
    if request.htmx and job.is_finished:
        return HttpResponseClientRefresh()  # the whole page becomes the report
    if job.status == AnalysisJob.Status.DONE:
        return _render_report(request, services.report_from_json(job.report), job.name)
    if job.status == AnalysisJob.Status.FAILED:
        context = {"form": TranscriptForm(), "error": services.job_error_text(job, _ui())}
        return render(request, "conversations/upload.html", context, status=422)
    context = {
        "job": job,
        "ahead": services.queued_before(job),
        "concurrency": settings.ANCRAGE_ANALYSIS_CONCURRENCY,
    }
    template = "conversations/_job_status.html" if request.htmx else "conversations/job.html"
    return render(request, template, context)


@coach_required
def thread_analysis(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    try:
        report = services.analyze_thread(coachee, request.coach)
    except AnalysisError as error:
        context = {"form": None, "error": services.error_text(error, _ui()), "coachee": coachee}
        return render(request, "conversations/upload.html", context, status=422)
    title = _("SMS thread with %(name)s") % {"name": coachee.name}
    return _render_report(request, report, title, _("you, the coach of this thread"), coachee)
