"""Practices (tenants), coaches, coachees, engagements and notes."""

from __future__ import annotations

import datetime as dt
import secrets
import zoneinfo
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.consent.models import ConsentEvent, PhoneConsent

if TYPE_CHECKING:
    from ancrage.messaging.quiet_hours import QuietHours


def _webhook_token() -> str:
    return secrets.token_urlsafe(18)


class Practice(models.Model):
    """A coaching practice: one account, its coaches and clients, never mixed with another."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), unique=True)
    # Secret part of the practice's webhook URLs, so providers' callbacks find their tenant.
    webhook_token = models.CharField(
        _("webhook token"), max_length=32, unique=True, default=_webhook_token
    )
    sms_provider = models.CharField(_("SMS provider"), max_length=20, default="simulator")
    # Quiet hours, evaluated in each coachee's own time zone (messaging.quiet_hours).
    quiet_start = models.TimeField(_("quiet from"), default=dt.time(20, 30))
    quiet_end = models.TimeField(_("quiet until"), default=dt.time(8, 0))
    quiet_sundays = models.BooleanField(_("quiet on Sundays"), default=True)
    quiet_holidays_country = models.CharField(
        _("public holidays of"),
        max_length=2,
        blank=True,
        default="FR",
        help_text=_(
            "Country code (FR, BE, CH, CA...) whose public holidays are quiet; empty for none."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def __str__(self) -> str:
        return self.name

    def quiet_hours(self) -> QuietHours:
        from ancrage.messaging.quiet_hours import QuietHours

        return QuietHours(
            start=self.quiet_start,
            end=self.quiet_end,
            sundays=self.quiet_sundays,
            public_holidays=self.quiet_holidays_country or None,
        )


class Coach(models.Model):
    """A login (Django user) member of exactly one practice."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        COACH = "coach", _("Coach")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("login")
    )
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="coaches", verbose_name=_("practice")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.COACH)

    class Meta:
        verbose_name = _("coach")
        verbose_name_plural = _("coaches")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def is_owner(self) -> bool:
        return self.role == self.Role.OWNER


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("Unknown time zone %(value)s: use an IANA name such as Europe/Paris."),
            params={"value": value},
        )


class Coachee(models.Model):
    """A client, reached only by SMS. Never logs in."""

    class Language(models.TextChoices):
        FR = "fr", _("French")
        EN = "en", _("English")

    class Consent(models.TextChoices):
        OPTED_IN = "opted_in", _("Opted in")
        OPTED_OUT = "opted_out", _("Opted out")

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="coachees", verbose_name=_("practice")
    )
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(
        _("phone"), max_length=20, help_text=_("Stored in E.164 (+33612345678).")
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.FR
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_timezone], default="Europe/Paris"
    )
    # A copy of the number's consent (ancrage.consent, the truth every send checks) for
    # lists and filters; only ancrage.consent.services and save() write it.
    consent = models.CharField(
        _("consent"), max_length=10, choices=Consent.choices, default=Consent.OPTED_IN
    )
    consent_changed_at = models.DateTimeField(_("consent changed at"), null=True, blank=True)
    consent_source = models.CharField(_("consent changed by"), max_length=60, blank=True)
    # Who sees this client (ancrage.coaching.access): the coach in charge, the coaches it is
    # shared with, the owners. Nobody in charge (an unknown sender): every coach, until assigned.
    coach = models.ForeignKey(
        Coach,
        on_delete=models.PROTECT,  # a coach who leaves is deactivated; their clients stay theirs
        null=True,
        blank=True,
        related_name="coachees_in_charge",
        verbose_name=_("coach in charge"),
    )
    shared_with = models.ManyToManyField(
        Coach, blank=True, related_name="coachees_shared", verbose_name=_("shared with")
    )
    # Created from an inbound SMS whose number no coachee had: shown flagged in the list.
    is_unknown = models.BooleanField(_("unknown sender"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    CONSENT_COPY = ("consent", "consent_changed_at", "consent_source")

    class Meta:
        verbose_name = _("coachee")
        verbose_name_plural = _("coachees")
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(fields=["practice", "phone"], name="coachee_phone_per_practice")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "phone" in update_fields:
            self._copy_consent_of_number()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *self.CONSENT_COPY}
        super().save(*args, **kwargs)

    def can_receive_sms(self) -> bool:
        """Asks the number's consent (one indexed query), never the copy on this row."""
        return not PhoneConsent.objects.is_opted_out(self.practice_id, self.phone)

    def consent_history(self) -> list[ConsentEvent]:
        """Every consent change of this number in this practice, latest first."""
        events = ConsentEvent.objects.filter(practice_id=self.practice_id, phone=self.phone)
        return list(events.select_related("actor"))

    def _copy_consent_of_number(self) -> None:
        """A new coachee, or a new number, takes that number's consent: a number that said
        STOP stays out whoever it is given to. (The latest event is written with the state.)"""
        latest = ConsentEvent.objects.filter(practice_id=self.practice_id, phone=self.phone)
        event = latest.first() if self.practice_id else None
        opted_out = event is not None and event.opted_out
        self.consent = self.Consent.OPTED_OUT if opted_out else self.Consent.OPTED_IN
        self.consent_changed_at = event.created_at if event else None
        self.consent_source = event.detail[:60] if event else ""

    def current_engagement(self) -> Engagement | None:
        return self.engagements.order_by("-started_on", "-id").first()


class Engagement(models.Model):
    """A coaching relationship, from intake to alumni."""

    class Status(models.TextChoices):
        INTAKE = "intake", _("Intake")
        ACTIVE = "active", _("Active")
        CLOSING = "closing", _("Closing")
        ALUMNI = "alumni", _("Alumni")

    # Each stage may only move forward to the next one (or back one step, to undo a click).
    FLOW = [Status.INTAKE, Status.ACTIVE, Status.CLOSING, Status.ALUMNI]

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="engagements", verbose_name=_("practice")
    )
    coach = models.ForeignKey(
        Coach, on_delete=models.PROTECT, related_name="engagements", verbose_name=_("coach")
    )
    coachee = models.ForeignKey(
        Coachee, on_delete=models.CASCADE, related_name="engagements", verbose_name=_("client")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INTAKE
    )
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    intentions = models.TextField(
        _("intentions"), blank=True, help_text=_("What the client wants from the coaching.")
    )

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")

    def __str__(self) -> str:
        return f"{self.coachee} ({self.get_status_display()})"

    def allowed_next_statuses(self) -> list[str]:
        index = self.FLOW.index(self.Status(self.status))
        return [self.FLOW[i] for i in (index - 1, index + 1) if 0 <= i < len(self.FLOW)]

    def move_to(self, status: str) -> None:
        if status not in self.allowed_next_statuses():
            raise ValueError(f"cannot move from {self.status} to {status}")
        self.status = status
        self.ended_on = timezone.localdate() if status == self.Status.ALUMNI else None
        self.save(update_fields=["status", "ended_on"])


class Note(models.Model):
    """A coach's private note on an engagement."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="notes", verbose_name=_("practice")
    )
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="notes", verbose_name=_("engagement")
    )
    author = models.ForeignKey(
        Coach, on_delete=models.SET_NULL, null=True, related_name="notes", verbose_name=_("author")
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.body[:60]
