"""Invitations of coaches into a practice. The link sent by e-mail carries a signed token
(ancrage.team.invitations): it expires, works once, and re-sending replaces it."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Practice


def _nonce() -> str:
    return secrets.token_urlsafe(16)


class Invitation(models.Model):
    """pending → accepted (a coach joined) or revoked (the owner took it back). A pending
    invitation whose link is older than TEAM_INVITATION_DAYS is expired: re-send it."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("practice")
    )
    email = models.EmailField(_("e-mail"), max_length=150)  # becomes the login: 150 at most
    role = models.CharField(
        _("role"), max_length=10, choices=Coach.Role.choices, default=Coach.Role.COACH
    )
    invited_by = models.ForeignKey(
        Coach, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    # Part of the signed token: a new one on every sending, so only the latest link works.
    nonce = models.CharField(_("link nonce"), max_length=32, default=_nonce)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    coach = models.OneToOneField(
        Coach,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
        verbose_name=_("coach"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "practice",
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_pending_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.practice})"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None

    def expires_at(self) -> dt.datetime:
        return self.sent_at + dt.timedelta(days=settings.TEAM_INVITATION_DAYS)

    def is_expired(self, now: dt.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at()
