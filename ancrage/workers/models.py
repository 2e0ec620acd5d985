"""Who is working: one row per live worker process, and named leases for periodic chores."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class WorkerProcess(models.Model):
    """A running `ancrage worker` process. Its heartbeat thread moves `seen_at` forward;
    a row not seen for settings.WORKER_LEASE_SECONDS is a dead worker, whose claims
    (task rows, messages) the healer takes back."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"


class Lease(models.Model):
    """A chore only one worker does at a time (the sweep): taken with one conditional
    UPDATE, so the winner is decided by the database, on every machine."""

    name = models.CharField(max_length=40, primary_key=True)
    holder = models.CharField(max_length=64, blank=True)
    until = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} held by {self.holder} until {self.until:%H:%M:%S}"
