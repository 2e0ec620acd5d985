"""Messages, the raw webhooks they came from, and the simulator's phone."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Coachee, Engagement, Practice


class Message(models.Model):
    """One SMS, in or out. The row is the source of truth; tasks only move it forward.

    Outbound status lifecycle:
      queued     created by the coach, waiting for a worker
      sending    a worker claimed it and is calling the provider (a row stuck
                 here means the worker died mid-call: it is never re-sent blindly)
      sent       the provider accepted it and gave its id
      delivered  the provider reports the handset received it (final)
      failed     refused by us or the provider before reaching the network (final)
      undelivered  the network could not deliver it (final)
    Inbound messages are created as `received`.
    A status only moves forward: a late "sent" report never overwrites "delivered".
    """

    class Direction(models.TextChoices):
        INBOUND = "in", _("Received")
        OUTBOUND = "out", _("Sent")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        UNDELIVERED = "undelivered", _("Undelivered")
        RECEIVED = "received", _("Received")

    RANK = {
        Status.QUEUED: 0,
        Status.SENDING: 1,
        Status.SENT: 2,
        Status.DELIVERED: 3,
        Status.FAILED: 3,
        Status.UNDELIVERED: 3,
        Status.RECEIVED: 3,
    }

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="messages")
    coachee = models.ForeignKey(Coachee, on_delete=models.CASCADE, related_name="messages")
    engagement = models.ForeignKey(
        Engagement, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    body = models.TextField(_("message"))
    status = models.CharField(max_length=12, choices=Status.choices)
    provider = models.CharField(max_length=20)
    provider_message_id = models.CharField(max_length=100, blank=True)
    encoding = models.CharField(max_length=6, blank=True)  # GSM-7 or UCS-2
    segments = models.PositiveSmallIntegerField(default=0)
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_by = models.ForeignKey(
        Coach, on_delete=models.SET_NULL, null=True, blank=True, related_name="sent_messages"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)  # inbound: when the coach saw it

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # Provider retries and concurrent duplicates collapse onto one row.
            models.UniqueConstraint(
                fields=["provider", "provider_message_id"],
                condition=~Q(provider_message_id=""),
                name="message_unique_provider_id",
            )
        ]
        indexes = [models.Index(fields=["coachee", "created_at"])]

    def __str__(self) -> str:
        return f"{self.direction} {self.status}: {self.body[:40]}"

    @property
    def is_outbound(self) -> bool:
        return self.direction == self.Direction.OUTBOUND

    def can_move_to(self, status: str) -> bool:
        return self.RANK[self.Status(status)] > self.RANK[self.Status(self.status)]


class WebhookEvent(models.Model):
    """The raw payload of every verified webhook, kept before anything is parsed."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="webhook_events")
    provider = models.CharField(max_length=20)
    kind = models.CharField(max_length=20)  # inbound, status, events
    url = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    headers = models.JSONField(default=dict)
    body = models.TextField()
    received_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.provider} {self.kind} at {self.received_at:%Y-%m-%d %H:%M:%S}"


class SimulatedSms(models.Model):
    """The local simulator's network: what each simulated handset has received."""

    sim_id = models.CharField(max_length=40, unique=True)
    practice_token = models.CharField(max_length=32)
    to = models.CharField(max_length=20)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"to {self.to}: {self.body[:40]}"
