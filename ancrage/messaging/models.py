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
      queued     created by the coach, waiting for a worker (and for `send_after`)
      sending    a worker claimed it and is calling the provider
      needs_check  stuck in `sending` longer than SENDING_TIMEOUT: the worker died
                 between the provider call and recording its result. Never re-sent
                 blindly: the coach checks and chooses "mark as sent" or "send again"
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
        NEEDS_CHECK = "needs_check", _("To check")

    class Kind(models.TextChoices):
        MANUAL = "manual", _("Written by the coach")
        AUTOMATED = "automated", _("Automated")  # waits for quiet hours, may expire
        SYSTEM = "system", _("Automatic reply")  # START / HELP replies
        # The one message an opted-out coachee may still receive (deliver_message checks it).
        STOP_CONFIRMATION = "stop_confirmation", _("STOP confirmation")

    RANK = {
        Status.QUEUED: 0,
        Status.SENDING: 1,
        Status.NEEDS_CHECK: 1,  # a late "sent"/"delivered" report resolves it
        Status.SENT: 2,
        Status.DELIVERED: 3,
        Status.FAILED: 3,
        Status.UNDELIVERED: 3,
        Status.RECEIVED: 3,
    }

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="messages", verbose_name=_("practice")
    )
    # No index of its own: (coachee, created_at) below serves every lookup by coachee, and one
    # index fewer is one write fewer for every SMS in and out.
    coachee = models.ForeignKey(
        Coachee,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("client"),
        db_index=False,
    )
    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("engagement"),
    )
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    body = models.TextField(_("message"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MANUAL)
    # Quiet hours, scheduling
    send_after = models.DateTimeField(_("send after"), null=True, blank=True)
    # Automated: dropped when stale
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    provider = models.CharField(_("provider"), max_length=20)
    provider_message_id = models.CharField(_("provider's message id"), max_length=100, blank=True)
    encoding = models.CharField(_("encoding"), max_length=6, blank=True)  # GSM-7 or UCS-2
    segments = models.PositiveSmallIntegerField(_("SMS parts"), default=0)
    error_code = models.CharField(_("error code"), max_length=40, blank=True)
    error_message = models.TextField(_("error message"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_by = models.ForeignKey(
        Coach,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_messages",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Last queued -> sending
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    # The worker (ancrage.workers) holding the row: outbound while `sending`, inbound while
    # its handlers run. A dead worker's claims are found by its missed heartbeats.
    claimed_by = models.CharField(_("claimed by"), max_length=64, blank=True, default="")
    # Inbound: handlers have run
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)
    # Inbound: when the coach saw it
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        constraints = [
            # Provider retries and concurrent duplicates collapse onto one row. Per practice:
            # an id signed by another practice must never swallow this one's message.
            models.UniqueConstraint(
                fields=["practice", "provider", "provider_message_id"],
                condition=~Q(provider_message_id=""),
                name="message_unique_practice_provider_id",
            )
        ]
        indexes = [
            models.Index(fields=["coachee", "created_at"]),
            # For the sweeper; partial, so inbound inserts (the webhook hot path) skip it.
            models.Index(
                fields=["status", "claimed_at"],
                condition=Q(status__in=["queued", "sending"]),
                name="message_in_flight",
            ),
            # "Is a message to this person in flight?", asked for every candidate of every
            # claim: without it PostgreSQL ANDed the coachee index with message_in_flight and
            # read that one whole, dead entries too (0.9 ms a candidate, 8,000 queued).
            models.Index(
                fields=["coachee"],
                condition=Q(status="sending"),
                name="message_sending_by_coachee",
            ),
            # The dispatcher's claim: due outbound rows, round-robin by practice.
            models.Index(
                fields=["practice", "created_at", "id"],
                condition=Q(status="queued"),
                name="message_queued_by_practice",
            ),
            # Inbound rows whose handlers have not run yet (read by the worker, no task each).
            models.Index(
                fields=["id"],
                condition=Q(direction="in", handled_at__isnull=True),
                name="message_inbound_unhandled",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.direction} {self.status}: {self.body[:40]}"

    @property
    def is_outbound(self) -> bool:
        return self.direction == self.Direction.OUTBOUND

    def can_move_to(self, status: str) -> bool:
        return self.RANK[self.Status(status)] > self.RANK[self.Status(self.status)]

    @property
    def is_final(self) -> bool:
        return self.RANK[self.Status(self.status)] == 3

    def error_for_coach(self, lang: str) -> str:
        """The provider's error in a sentence the coach understands (empty when none)."""
        from ancrage.messaging.errors import describe

        if not self.error_code and not self.error_message:
            return ""
        return (
            describe(self.error_code, lang, self.provider)
            if self.error_code
            else self.error_message
        )


class ProviderAccount(models.Model):
    """A practice's account at an SMS provider; the credentials are encrypted at rest."""

    practice = models.ForeignKey(
        Practice,
        on_delete=models.CASCADE,
        related_name="provider_accounts",
        verbose_name=_("practice"),
    )
    provider = models.CharField(_("provider"), max_length=20)
    # lib.crypto.encrypt_json(config) with the key from ANCRAGE_ENCRYPTION_KEY.
    credentials = models.TextField(_("credentials"), editable=False)
    sender = models.CharField(_("sending number or sender id"), max_length=20, blank=True)
    is_active = models.BooleanField(_("used to send"), default=False)
    max_per_minute = models.PositiveIntegerField(
        _("SMS per minute at most"),
        default=60,
        help_text=_("Per sending number; 0 for no limit. Twilio long codes: 60, your phone: 20."),
    )
    # The send-rate bucket
    next_send_at = models.DateTimeField(_("next send at"), null=True, blank=True)
    last_check_at = models.DateTimeField(_("last check at"), null=True, blank=True)
    last_check_ok = models.BooleanField(_("last check OK"), null=True)
    last_check_message = models.TextField(_("last check message"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("provider account")
        verbose_name_plural = _("provider accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "provider"], name="provider_account_per_practice"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider} ({self.practice})"


class PartId(models.Model):
    """The extra ids a provider gave the parts of one long outbound message (Vonage):
    their delivery receipts then find the message."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="part_ids")
    provider = models.CharField(max_length=20)
    provider_message_id = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "provider_message_id"], name="part_id_unique_provider_id"
            )
        ]

    def __str__(self) -> str:
        return self.provider_message_id


class InboundPart(models.Model):
    """One part of a long inbound SMS sent as separate webhooks (Vonage concat)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")
    provider = models.CharField(max_length=20)
    provider_message_id = models.CharField(max_length=100)
    sender = models.CharField(max_length=20)
    ref = models.CharField(max_length=40)
    total = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField()
    raw = models.JSONField(default=dict)
    received_at = models.DateTimeField(default=timezone.now)
    assembled = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "provider", "provider_message_id"],
                name="inbound_part_unique_practice_provider_id",
            )
        ]
        indexes = [models.Index(fields=["practice", "provider", "sender", "ref"])]

    def __str__(self) -> str:
        return f"{self.sender} {self.ref} {self.number}/{self.total}"


class WebhookEvent(models.Model):
    """The raw payload of every verified webhook, kept before anything is parsed.

    A replay (the same payload again: provider retries, a captured request) is counted in
    `duplicates` of the first row rather than stored again; the sweeper deletes rows older
    than WEBHOOK_RETENTION_DAYS (the messages they carried stay)."""

    practice = models.ForeignKey(
        Practice,
        on_delete=models.CASCADE,
        related_name="webhook_events",
        verbose_name=_("practice"),
    )
    provider = models.CharField(_("provider"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20)  # inbound, status, events
    url = models.TextField(_("URL"), blank=True)
    method = models.CharField(_("method"), max_length=8, default="POST")  # Vonage may send GET
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    headers = models.JSONField(_("headers"), default=dict)
    body = models.TextField(_("body"))
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    # The last error, or what was cleaned (NUL bytes)
    error = models.TextField(_("error"), blank=True)
    # sha256 of method, URL and body (webhooks.payload_digest): identical payloads share a row.
    digest = models.CharField(_("digest"), max_length=64, blank=True, editable=False)
    # Replays counted on this row
    duplicates = models.PositiveIntegerField(_("duplicates"), default=0)
    # A status report that arrived before its message's send was recorded: applied again
    # by a worker at this time (no task row each; see dispatch.reprocess_due_events).
    retry_at = models.DateTimeField(_("retry at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook received")
        verbose_name_plural = _("webhooks received")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "digest"],
                condition=~Q(digest=""),  # rows stored before digests existed
                name="webhook_event_unique_digest",
            )
        ]
        indexes = [
            models.Index(fields=["received_at"], name="webhook_event_received_at"),
            models.Index(
                fields=["retry_at"], condition=Q(retry_at__isnull=False), name="webhook_event_retry"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.kind} at {self.received_at:%Y-%m-%d %H:%M:%S}"


class SimulatedSms(models.Model):
    """The local simulator's network: what each simulated handset has received."""

    sim_id = models.CharField(_("simulator id"), max_length=40, unique=True)
    practice_token = models.CharField(_("practice token"), max_length=32)
    to = models.CharField(_("to"), max_length=20)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("simulated SMS")
        verbose_name_plural = _("simulated SMS")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"to {self.to}: {self.body[:40]}"
