"""Check-in definitions (metrics, programs, questions) kept apart from their state
(enrolments, check-ins, answers, metric values), as flow definitions are kept apart
from runs: editing a program never rewrites what a coachee already answered."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Coachee, Engagement, Practice


class ValueKind(models.TextChoices):
    """What a metric holds, and so how an answer feeding it is read."""

    NUMBER = "number", _("Number")
    SCALE = "scale", _("Scale 1-10")
    YESNO = "yesno", _("Yes / no")
    MONEY = "money", _("Amount of money")


class Metric(models.Model):
    """A number the practice follows over time (quotes sent, price asked, confidence...)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="metrics")
    key = models.SlugField(_("key"), max_length=40)
    label_fr = models.CharField(_("label (French)"), max_length=60)
    label_en = models.CharField(_("label (English)"), max_length=60)
    kind = models.CharField(_("kind"), max_length=10, choices=ValueKind.choices)
    unit = models.CharField(_("unit"), max_length=10, blank=True)
    # Words that name this metric in a reply with several numbers ("1 signé sur 3 envoyés").
    keywords = models.CharField(
        _("words in replies"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated words or word starts, French and English: envoy, sent"),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "key"], name="metric_key_per_practice")
        ]

    def __str__(self) -> str:
        return self.label_fr

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr

    def keyword_list(self) -> tuple[str, ...]:
        return tuple(w.strip().lower() for w in self.keywords.split(",") if w.strip())


class Program(models.Model):
    """An ordered list of questions sent together, one after the other, on a cadence."""

    class Purpose(models.TextChoices):
        INTAKE = "intake", _("Intake (once, at the start)")
        RECURRING = "recurring", _("Recurring check-in")
        CLOSING = "closing", _("Closing")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="programs")
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    purpose = models.CharField(
        _("purpose"), max_length=10, choices=Purpose.choices, default=Purpose.RECURRING
    )
    confirm = models.BooleanField(
        _("confirm the numbers by SMS"),
        default=True,
        help_text=_(
            "A short SMS once the last answer is in: « Noté : 3 devis envoyés, 1 accepté »"
        ),
    )
    answer_window_hours = models.PositiveSmallIntegerField(
        _("answers accepted for (hours)"), default=48
    )
    validity_hours = models.PositiveSmallIntegerField(
        _("dropped if not sent within (hours)"), default=24
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name_fr

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_fr

    def ordered_questions(self) -> list[Question]:
        return list(self.questions.prefetch_related("slots__metric").order_by("position", "id"))


class Question(models.Model):
    """One SMS question; what its answer feeds is in its slots (none for free text)."""

    class Kind(models.TextChoices):
        NUMBER = "number", _("Number")
        SCALE = "scale", _("Scale 1-10")
        YESNO = "yesno", _("Yes / no")
        MONEY = "money", _("Amount of money")
        TEXT = "text", _("Free text")
        SEVERAL = "several", _("Several numbers in one reply")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    text_fr = models.CharField(_("question (French)"), max_length=480)
    text_en = models.CharField(_("question (English)"), max_length=480)
    kind = models.CharField(_("answer"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text_fr

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_fr

    def metrics(self) -> list[Metric]:
        return [slot.metric for slot in sorted(self.slots.all(), key=lambda s: s.position)]


class QuestionSlot(models.Model):
    """A metric a question's answer feeds; a question with several asks several numbers."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="slots")
    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="slots")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "metric"], name="slot_metric_once")
        ]

    def __str__(self) -> str:
        return f"{self.question} -> {self.metric}"


class Enrolment(models.Model):
    """An engagement following a program on a cadence, in the coachee's local time."""

    class Cadence(models.TextChoices):
        WEEKLY = "weekly", _("Every week, on given days")
        EVERY_N_DAYS = "every_n_days", _("Every N days")
        ONCE = "once", _("Once, N days after a date")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="enrolments")
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="enrolments")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="enrolments")
    cadence = models.CharField(_("cadence"), max_length=12, choices=Cadence.choices)
    weekdays = models.CharField(_("days of the week"), max_length=20, blank=True)  # "0,3": Mon, Thu
    at_time = models.TimeField(_("at (coachee's local time)"), default=dt.time(9, 0))
    every_days = models.PositiveSmallIntegerField(_("every N days"), default=7)
    start_on = models.DateField(_("from"))
    delay_days = models.PositiveSmallIntegerField(_("N days after"), default=0)
    skip_if_wrote_hours = models.PositiveSmallIntegerField(
        _("skip if the client wrote in the last (hours)"), default=12
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Check-ins exist as rows up to this local date; planning resumes the day after.
    planned_until = models.DateField(null=True, blank=True)
    # Why planning stopped for this enrolment (e.g. a time zone that no longer exists).
    problem = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(Coach, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        indexes = [models.Index(fields=["is_active", "planned_until"])]

    def __str__(self) -> str:
        return f"{self.engagement} — {self.program}"

    def weekday_numbers(self) -> tuple[int, ...]:
        return tuple(sorted({int(d) for d in self.weekdays.split(",") if d.strip().isdigit()}))

    def problem_for_coach(self) -> str:
        """Why planning stopped, in the coach's language ("" when it did not)."""
        if not self.problem:
            return ""
        if self.problem.startswith("timezone:"):
            return gettext(
                "Paused: the time zone « %(tz)s » cannot be used. Choose another one for the client."
            ) % {"tz": self.problem.removeprefix("timezone:")}
        return gettext("Paused: the quiet hours leave no moment to send. Check the SMS settings.")

    def weekday_names(self) -> list[str]:
        return [str(WEEKDAYS[d]) for d in self.weekday_numbers() if d in WEEKDAYS]


class Checkin(models.Model):
    """One occurrence of an enrolment: at most one per local date (the unique constraint is
    what makes planning exactly-once, whatever the number of schedulers and crashes).

    Status lifecycle:
      scheduled    planned; sent once due_at passes (due_at is already out of quiet hours)
      open         its questions are being asked; inbound SMS are read as answers
      answered     every question answered (final)
      partial      the answer window closed with some answers in (final)
      unanswered   the answer window closed with no answer (final)
      needs_coach  an answer stayed unclear after one re-ask: the coach reads it (final)
      skipped      not sent: opted out, wrote recently, no question, engagement over (final)
      expired      could not be sent within the program's validity (final)
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        OPEN = "open", _("Waiting for answers")
        ANSWERED = "answered", _("Answered")
        PARTIAL = "partial", _("Partly answered")
        UNANSWERED = "unanswered", _("No answer")
        NEEDS_COACH = "needs_coach", _("Unclear answer: for the coach")
        SKIPPED = "skipped", _("Skipped")
        EXPIRED = "expired", _("Expired")

    class Reason(models.TextChoices):
        NONE = "", ""
        OPTED_OUT = "opted_out", _("the client opted out of SMS")
        WROTE_RECENTLY = "wrote_recently", _("the client wrote recently")
        NO_QUESTION = "no_question", _("the program has no question")
        ENDED = "ended", _("the enrolment or engagement ended")
        TIMEZONE = "timezone", _("the client's time zone cannot be used")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="checkins")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="checkins")
    coachee = models.ForeignKey(Coachee, on_delete=models.CASCADE, related_name="checkins")
    due_on = models.DateField()  # the coachee's local date of the occurrence
    due_at = models.DateTimeField()  # UTC, already moved out of quiet hours
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    reason = models.CharField(max_length=16, choices=Reason.choices, blank=True)
    position = models.PositiveSmallIntegerField(default=0)  # the question being asked
    reasked = models.BooleanField(default=False)  # the current question was asked again
    opened_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)  # answers accepted until then
    # The SMS that asked the current question: a reply counts only once it has gone out.
    asked = models.ForeignKey(
        "messaging.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "due_on"], name="checkin_once_per_day")
        ]
        indexes = [
            models.Index(
                fields=["due_at"], condition=Q(status="scheduled"), name="checkin_to_send"
            ),
            models.Index(fields=["coachee", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} {self.due_on}"

    @property
    def is_final(self) -> bool:
        return self.status not in {self.Status.SCHEDULED, self.Status.OPEN}


class Answer(models.Model):
    """A reply read as the answer to one question (kept raw, understood or not)."""

    checkin = models.ForeignKey(Checkin, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.SET_NULL, null=True)
    message = models.OneToOneField(
        "messaging.Message", on_delete=models.SET_NULL, null=True, related_name="checkin_answer"
    )
    body = models.TextField()
    understood = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class MetricValue(models.Model):
    """One measure of a metric for a coachee on a local date, from an SMS or from the coach."""

    class Source(models.TextChoices):
        SMS = "sms", _("SMS")
        COACH = "coach", _("Entered by the coach")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="metric_values")
    coachee = models.ForeignKey(Coachee, on_delete=models.CASCADE, related_name="metric_values")
    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    measured_on = models.DateField(_("date"))
    source = models.CharField(max_length=6, choices=Source.choices, default=Source.SMS)
    answer = models.ForeignKey(Answer, on_delete=models.SET_NULL, null=True, blank=True)
    # What the SMS said before a coach corrected it, and who did (kept for trust).
    original_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    changed_by = models.ForeignKey(Coach, on_delete=models.SET_NULL, null=True, blank=True)
    changed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("metric value")
        verbose_name_plural = _("metric values")
        ordering = ["measured_on", "id"]
        indexes = [models.Index(fields=["coachee", "metric", "measured_on"])]

    def __str__(self) -> str:
        return f"{self.metric}: {self.value}"

    @property
    def number(self) -> float:
        return float(self.value)

    def correct(self, value: Decimal, coach: Coach, when: dt.datetime) -> None:
        if self.original_value is None and self.source == self.Source.SMS:
            self.original_value = self.value
        self.value, self.changed_by, self.changed_at = value, coach, when
        self.save(update_fields=["value", "original_value", "changed_by", "changed_at"])
