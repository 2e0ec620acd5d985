"""Background analysis of uploaded transcripts (Django Tasks, database backend).

A job waits in `queued` while its practice already runs ANCRAGE_ANALYSIS_CONCURRENCY
analyses: its task comes back a little later rather than holding a worker.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ancrage.coaching.models import Coach
from ancrage.conversations import services
from ancrage.conversations.models import AnalysisJob

RETRY_SECONDS = 2  # how soon a job that found no free slot asks again


def submit_upload(coach: Coach, name: str, data: bytes, focus: str, lang: str) -> AnalysisJob:
    """Store the job and enqueue its task in one transaction (the task table is an outbox)."""
    with transaction.atomic():
        job = services.create_job(coach, name, data, focus, lang)
        run_analysis.enqueue(job.pk)
    return job


@task()
def run_analysis(job_id: int) -> str:
    outcome = services.claim(job_id, settings.ANCRAGE_ANALYSIS_CONCURRENCY)
    if outcome == "busy":
        later = timezone.now() + dt.timedelta(seconds=RETRY_SECONDS)
        run_analysis.using(run_after=later).enqueue(job_id)
        return "waiting"
    if outcome == "gone":
        return "skipped"
    services.run_job(job_id)
    return "analyzed"
