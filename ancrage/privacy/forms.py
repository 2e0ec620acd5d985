from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coachee
from ancrage.privacy.models import RetentionSetting


class EraseForm(forms.Form):
    """Erasing cannot be undone: the coach types the client's name to confirm."""

    confirm_name = forms.CharField(label=_("Type the client's name to confirm"), max_length=120)

    def __init__(self, *args: Any, coachee: Coachee, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.coachee = coachee

    def clean_confirm_name(self) -> str:
        typed = " ".join(self.cleaned_data["confirm_name"].split())
        if typed.casefold() != " ".join(self.coachee.name.split()).casefold():
            raise forms.ValidationError(
                _("That is not the client's name: type « %(name)s » exactly as shown."),
                params={"name": self.coachee.name},
            )
        return typed


class RetentionForm(forms.ModelForm):
    class Meta:
        model = RetentionSetting
        fields = ["alumni_months"]
        widgets = {"alumni_months": forms.NumberInput(attrs={"min": 1, "max": 240})}

    def clean_alumni_months(self) -> int | None:
        months = self.cleaned_data["alumni_months"]
        if months is not None and not 1 <= months <= 240:
            raise forms.ValidationError(
                _("Choose between 1 and 240 months, or leave it empty to keep data until erased.")
            )
        return months
