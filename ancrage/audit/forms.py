"""The owner's filters on the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ancrage.audit.models import Event
from ancrage.coaching.models import Practice


class CoachChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


class AuditFilterForm(forms.Form):
    actor = CoachChoiceField(
        label=_("Who"), queryset=get_user_model().objects.none(), required=False
    )
    event = forms.ChoiceField(label=_("What"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only this practice's coaches: an owner can never pick (or guess) another's user.
        users = get_user_model().objects.filter(coach__practice=practice).order_by("username")
        actor = self.fields["actor"]
        assert isinstance(actor, forms.ModelChoiceField)
        actor.queryset = users
        actor.empty_label = _("Everyone")
        event = self.fields["event"]
        assert isinstance(event, forms.ChoiceField)
        event.choices = [("", _("Everything")), *Event.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if isinstance(since, dt.date) and isinstance(until, dt.date) and since > until:
            raise forms.ValidationError(
                _("The start date (%(since)s) is after the end date (%(until)s): swap them."),
                params={"since": since, "until": until},
            )
        return data
