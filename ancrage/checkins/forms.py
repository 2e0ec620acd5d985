"""Forms for programs, questions, metrics, enrolments and values, with errors a coach can act on."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.checkins.models import Enrolment, Metric, Program, Question, ValueKind
from ancrage.coaching.models import Practice

WEEKDAYS = [
    ("0", _("Monday")), ("1", _("Tuesday")), ("2", _("Wednesday")), ("3", _("Thursday")),
    ("4", _("Friday")), ("5", _("Saturday")), ("6", _("Sunday")),
]  # fmt: skip


class ProgramForm(forms.ModelForm):
    class Meta:
        model = Program
        fields = [
            "name_fr", "name_en", "purpose", "confirm", "answer_window_hours", "validity_hours",
        ]  # fmt: skip


class QuestionForm(forms.ModelForm):
    metrics = forms.ModelMultipleChoiceField(
        label=_("Feeds the metrics"),
        queryset=Metric.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Question
        fields = ["text_fr", "text_en", "kind"]
        widgets = {
            "text_fr": forms.Textarea(attrs={"rows": 2}),
            "text_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["metrics"].queryset = Metric.objects.filter(practice=practice)  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["metrics"] = [m.pk for m in self.instance.metrics()]

    def clean(self) -> dict[str, Any]:  # type: ignore[override]
        data = super().clean() or {}
        kind, metrics = data.get("kind"), list(data.get("metrics") or [])
        if kind == Question.Kind.TEXT and metrics:
            raise forms.ValidationError(_("A free-text answer cannot feed a metric."))
        if kind == Question.Kind.SEVERAL and len(metrics) < 2:
            raise forms.ValidationError(
                _("A question asking several numbers feeds at least two metrics.")
            )
        if kind not in {Question.Kind.TEXT, Question.Kind.SEVERAL}:
            if len(metrics) > 1:
                raise forms.ValidationError(
                    _("One answer feeds one metric: choose “Several numbers in one reply”.")
                )
            if metrics and metrics[0].kind != kind:
                raise forms.ValidationError(
                    _("The metric %(metric)s holds a different kind of value than this answer."),
                    params={"metric": metrics[0].label_fr},
                )
        return data


class MetricForm(forms.ModelForm):
    class Meta:
        model = Metric
        fields = ["label_fr", "label_en", "key", "kind", "unit", "keywords"]

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        clash = Metric.objects.filter(practice=self.practice, key=key).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another metric already uses this key."))
        return key

    def save(self, commit: bool = True) -> Metric:
        self.instance.practice = self.practice
        return super().save(commit)


class EnrolmentForm(forms.ModelForm):
    weekdays = forms.MultipleChoiceField(
        label=_("Days of the week"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        initial=["0"],
    )

    class Meta:
        model = Enrolment
        fields = [
            "program", "cadence", "weekdays", "at_time", "every_days", "start_on",
            "delay_days", "skip_if_wrote_hours",
        ]  # fmt: skip
        widgets = {
            "at_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "start_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.filter(practice=practice)  # type: ignore[attr-defined]
        # The model field has no translated name (that needs a checkins migration).
        self.fields["program"].label = _("Program")
        self.fields["at_time"].error_messages["invalid"] = _(
            "Enter a time as HH:MM, for example 09:00."
        )

    def clean_weekdays(self) -> str:
        return ",".join(sorted(self.cleaned_data.get("weekdays") or []))

    def clean(self) -> dict[str, Any]:  # type: ignore[override]
        data = super().clean() or {}
        cadence = data.get("cadence")
        if cadence == Enrolment.Cadence.WEEKLY and not data.get("weekdays"):
            self.add_error("weekdays", _("Choose at least one day of the week."))
        if cadence == Enrolment.Cadence.EVERY_N_DAYS and not data.get("every_days"):
            self.add_error("every_days", _("Enter a number of days, 1 or more."))
        program = data.get("program")
        if program is not None and not program.questions.exists():
            self.add_error("program", _("This program has no question yet: add one first."))
        return data


class ValueForm(forms.Form):
    """A value the coach adds or corrects by hand."""

    metric = forms.ModelChoiceField(label=_("Metric"), queryset=Metric.objects.none())
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2, min_value=0)
    measured_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["metric"].queryset = Metric.objects.filter(practice=practice)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:  # type: ignore[override]
        data = super().clean() or {}
        metric, value = data.get("metric"), data.get("value")
        if metric is None or value is None:
            return data
        if metric.kind == ValueKind.SCALE and not 1 <= value <= 10:
            self.add_error("value", _("A scale value is between 1 and 10."))
        if metric.kind == ValueKind.YESNO and value not in (0, 1):
            self.add_error("value", _("Yes / no: enter 1 for yes, 0 for no."))
        return data
