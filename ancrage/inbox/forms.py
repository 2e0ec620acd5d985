"""Forms of the inbox: a journal entry, the coach's e-mail preference."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.inbox.models import JournalEntry, SunshineSetting


class JournalForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=JournalEntry.Kind.choices)
    text = forms.CharField(
        label=_("What happened"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    occurred_on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class SunshineForm(forms.ModelForm):
    class Meta:
        model = SunshineSetting
        fields = ["when", "language"]
