"""An analysis of an uploaded transcript, run by the worker (see tasks.py).

Lifecycle: `queued` (waiting for a worker, or for one of the practice's
ANCRAGE_ANALYSIS_CONCURRENCY slots) -> `running` (a worker claimed it; `progress` moves
from 0 to 1) -> `done` (the report is stored, the transcript dropped) or `failed` (a
refusal in words: `error_key` and `error_params` name an analyzer message, shown in the
reader's language).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Practice


class AnalysisJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="analysis_jobs")
    coach = models.ForeignKey(Coach, null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=255)  # the uploaded file's name, shown as the title
    focus = models.CharField(max_length=100, blank=True)
    lang = models.CharField(max_length=8, default="auto")
    transcript = models.BinaryField(default=b"")  # dropped once analyzed
    size = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0)
    report = models.JSONField(null=True, blank=True)
    error_key = models.CharField(max_length=40, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["practice", "status"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return round(100 * self.progress)
