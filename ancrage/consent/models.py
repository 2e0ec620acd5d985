"""Per-number consent (the state every send checks) and its history (who, when, how)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PhoneConsentManager(models.Manager["PhoneConsent"]):
    def opted_out_since(self, practice_id: int, phone: str) -> dt.datetime | None:
        """When this number opted out of this practice's SMS; None if it may be texted.
        One query on the (practice, phone) unique index: the sending hot path calls it."""
        found = self.filter(practice_id=practice_id, phone=phone, opted_out=True).values_list(
            "changed_at", flat=True
        )
        return next(iter(found[:1]), None)

    def is_opted_out(self, practice_id: int, phone: str) -> bool:
        return self.filter(practice_id=practice_id, phone=phone, opted_out=True).exists()


class PhoneConsent(models.Model):
    """Whether a number said STOP to a practice. No row: never opted out."""

    practice = models.ForeignKey(
        "coaching.Practice",
        on_delete=models.CASCADE,
        related_name="phone_consents",
        verbose_name=_("practice"),
    )
    phone = models.CharField(_("phone"), max_length=20)
    opted_out = models.BooleanField(_("opted out"), default=False)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    objects = PhoneConsentManager()

    class Meta:
        verbose_name = _("number consent")
        verbose_name_plural = _("number consents")
        constraints = [
            models.UniqueConstraint(fields=["practice", "phone"], name="consent_phone_per_practice")
        ]

    def __str__(self) -> str:
        return f"{self.phone}: {'opted out' if self.opted_out else 'opted in'}"


class ConsentEvent(models.Model):
    """One change of a number's consent. Never edited, never deleted (except with the
    practice): the proof of who opted out or back in, when and how."""

    class Source(models.TextChoices):
        SMS_KEYWORD = "sms_keyword", _("SMS keyword")
        PROVIDER_REPORT = "provider_report", _("Reported by the SMS provider")
        COACH = "coach", _("Recorded by a coach")
        ADMIN = "admin", _("Recorded in the administration")
        IMPORT = "import", _("Carried over from the previous consent field")
        OBTAINED = "obtained", _("Consent obtained by the coach")

    class Method(models.TextChoices):
        """How a coach obtained a client's agreement to receive SMS (recorded when adding them)."""

        ORALLY = "orally", _("Orally, in a session or on the phone")
        WRITTEN = "written", _("In writing (contract, signed form)")
        EMAIL = "email", _("By e-mail")
        SMS = "sms", _("By SMS")
        ONLINE_FORM = "online_form", _("Through an online form")

    practice = models.ForeignKey(
        "coaching.Practice",
        on_delete=models.CASCADE,
        related_name="consent_events",
        verbose_name=_("practice"),
    )
    phone = models.CharField(_("phone"), max_length=20)
    coachee = models.ForeignKey(
        "coaching.Coachee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consent_events",
        verbose_name=_("client"),
    )
    opted_out = models.BooleanField(_("opted out"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    provider = models.CharField(_("provider"), max_length=20, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    message = models.ForeignKey(
        "messaging.Message",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("message"),
    )
    # Source "obtained" only: how and on which day the client agreed (the coach's word).
    method = models.CharField(_("how"), max_length=20, choices=Method.choices, blank=True)
    obtained_on = models.DateField(_("obtained on"), null=True, blank=True)
    # What was received or done, as it was: 'SMS "Stop svp" (twilio)', "twilio 21610".
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("consent change")
        verbose_name_plural = _("consent changes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["practice", "phone", "created_at"])]

    def __str__(self) -> str:
        return f"{self.phone} {'STOP' if self.opted_out else 'START'} ({self.detail})"
