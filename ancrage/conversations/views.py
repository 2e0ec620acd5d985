"""Upload a transcript, or analyze a coachee's SMS thread, and read the report."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ancrage.analysis import AnalysisError, Report
from ancrage.coaching.access import CoachRequest, coach_required, coachee_or_404
from ancrage.conversations import services
from ancrage.conversations.forms import TranscriptForm


def _ui() -> str:
    return "en" if (get_language() or "fr").startswith("en") else "fr"


def _render_report(
    request: CoachRequest, report: Report, title: str, reason: str | None = None
) -> HttpResponse:
    ui = _ui()
    context = {
        "title": title,
        "report": report,
        "focus_reason": reason or services.focus_reason(report, ui),
        "rows": services.indicator_rows(report, ui),
    }
    return render(request, "conversations/report.html", context)


@coach_required
def upload(request: CoachRequest) -> HttpResponse:
    limit = settings.ANCRAGE_MAX_UPLOAD_MB * 1_000_000
    if request.method == "POST" and int(request.META.get("CONTENT_LENGTH") or 0) > limit:
        # Refused before Django reads the body: a 200 MB upload costs nothing.
        error = _(
            "This file is over %(max)d MB. Split the transcript, or use `ancrage analyze`."
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
    upload = form.cleaned_data["transcript"]
    suffix = Path(upload.name).suffix.lower()[:8]
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            report = services.analyze_upload(
                Path(handle.name), form.cleaned_data["focus"], form.cleaned_data["lang"], limit
            )
        except AnalysisError as error:
            message = services.error_text(error, _ui()).replace(handle.name, upload.name)
            return render(
                request, "conversations/upload.html", {"form": form, "error": message}, status=422
            )
    return _render_report(request, report, upload.name)


@coach_required
def thread_analysis(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    try:
        report = services.analyze_thread(coachee, request.coach)
    except AnalysisError as error:
        context = {"form": None, "error": services.error_text(error, _ui()), "coachee": coachee}
        return render(request, "conversations/upload.html", context, status=422)
    title = _("SMS thread with %(name)s") % {"name": coachee.name}
    return _render_report(request, report, title, _("you, the coach of this thread"))
