"""What the inbox keeps beside the messages: their triage, the journal, e-mail preferences."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Coachee, Engagement, Practice


class Category(models.TextChoices):
    GRATITUDE = "gratitude", _("Gratitude")
    WIN = "win", _("Win")
    STRUGGLE = "struggle", _("Struggle")
    QUESTION = "question", _("Question")
    SCHEDULING = "scheduling", _("Scheduling")
    OPT_OUT = "opt_out", _("Opt-out")
    OTHER = "other", _("Other")


class Triage(models.Model):
    """The categories of one inbound SMS (model scores kept to explain the badge)."""

    message = models.OneToOneField(
        "messaging.Message", on_delete=models.CASCADE, related_name="triage"
    )
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")
    coachee = models.ForeignKey(Coachee, on_delete=models.CASCADE, related_name="triages")
    category = models.CharField(max_length=12, choices=Category.choices)
    categories = models.JSONField(default=list)  # every category that applies, primary first
    scores = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["coachee", "category"])]

    def __str__(self) -> str:
        return f"{self.category}: {self.message_id}"


class JournalEntry(models.Model):
    """A win or a thank-you of the coachee, kept for the closing of the engagement."""

    class Kind(models.TextChoices):
        WIN = "win", _("Win")
        GRATITUDE = "gratitude", _("Thanks")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")
    coachee = models.ForeignKey(Coachee, on_delete=models.CASCADE, related_name="journal")
    engagement = models.ForeignKey(
        Engagement, on_delete=models.SET_NULL, null=True, blank=True, related_name="journal"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("what happened"))
    message = models.ForeignKey(
        "messaging.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    occurred_at = models.DateTimeField(_("when"))
    created_by = models.ForeignKey(Coach, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-occurred_at", "-id"]
        constraints = [
            # one entry per SMS and kind, however often its triage runs
            models.UniqueConstraint(
                fields=["message", "kind"],
                condition=models.Q(message__isnull=False),
                name="journal_once_per_message",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class SunshineSetting(models.Model):
    """Whether a coach gets an e-mail when a win or a thank-you arrives."""

    class When(models.TextChoices):
        OFF = "off", _("Never")
        IMMEDIATE = "immediate", _("At once (outside my quiet hours)")
        DIGEST = "digest", _("A daily digest")

    coach = models.OneToOneField(Coach, on_delete=models.CASCADE, related_name="sunshine")
    when = models.CharField(
        _("e-mail me wins and thanks"), max_length=10, choices=When.choices, default=When.OFF
    )
    language = models.CharField(
        _("language of the e-mails"), max_length=2, choices=Coachee.Language.choices, default="fr"
    )

    def __str__(self) -> str:
        return f"{self.coach}: {self.when}"


class SunshineNotice(models.Model):
    """A win or thank-you waiting to be e-mailed to a coach (sent_at set once it went)."""

    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coach", "entry"], name="sunshine_once_per_entry")
        ]
        indexes = [models.Index(fields=["sent_at", "coach"])]

    def __str__(self) -> str:
        return f"{self.coach} <- {self.entry}"
