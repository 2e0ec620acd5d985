"""A practice's retention rule, and the record that a client's personal data was erased.

Both live here rather than on the coaching models: privacy owns its own tables, one-to-one
with what they are about."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionSetting(models.Model):
    """How long a practice keeps the personal data of clients whose coaching has ended."""

    practice = models.OneToOneField(
        "coaching.Practice",
        on_delete=models.CASCADE,
        related_name="retention",
        verbose_name=_("practice"),
    )
    alumni_months = models.PositiveSmallIntegerField(
        _("anonymise alumni after (months)"),
        null=True,
        blank=True,
        help_text=_(
            "Clients whose last engagement ended more than this many months ago are "
            "anonymised automatically. Empty: kept until you erase them."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("retention setting")
        verbose_name_plural = _("retention settings")

    def __str__(self) -> str:
        return f"{self.practice}: {self.alumni_months or '-'}"


class Erasure(models.Model):
    """That a client's personal data was erased, when, by whom and why: never what it was.
    The coachee row stays (anonymised) so counts and numbers of the practice still add up."""

    class Reason(models.TextChoices):
        REQUEST = "request", _("Erased on request")
        RETENTION = "retention", _("Anonymised by the retention rule")

    practice = models.ForeignKey(
        "coaching.Practice",
        on_delete=models.CASCADE,
        related_name="erasures",
        verbose_name=_("practice"),
    )
    coachee = models.OneToOneField(
        "coaching.Coachee",
        on_delete=models.CASCADE,
        related_name="erasure",
        verbose_name=_("coachee"),
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erased by"),
    )
    erased_at = models.DateTimeField(_("erased at"))
    counts = models.JSONField(_("rows anonymised"), default=dict)  # {"messages": 12, ...}

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self) -> str:
        return f"coachee #{self.coachee_id} ({self.reason})"
