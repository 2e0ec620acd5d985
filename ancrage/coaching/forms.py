"""Forms for coachees and engagements, with errors a coach can act on."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coachee, Engagement, Note, Practice
from ancrage.lib.phone import InvalidPhoneNumber, to_e164


class CoacheeForm(forms.ModelForm):
    phone = forms.CharField(
        label=_("Mobile phone"),
        help_text=_(
            "French numbers as you write them (06 12 34 56 78), others with +country code."
        ),
    )

    class Meta:
        model = Coachee
        fields = ["name", "phone", "language", "timezone"]

    def __init__(self, *args, practice: Practice, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice

    def clean_phone(self) -> str:
        raw = self.cleaned_data["phone"]
        try:
            phone = to_e164(raw)
        except InvalidPhoneNumber:
            raise forms.ValidationError(
                _(
                    "“%(value)s” is not a valid phone number. Example: 06 12 34 56 78 or +44 7700 900123."
                ),
                params={"value": raw},
            ) from None
        clash = Coachee.objects.filter(practice=self.practice, phone=phone).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise forms.ValidationError(
                _("%(name)s already has this number in your practice."),
                params={"name": clash.get().name},
            )
        return phone

    def save(self, commit: bool = True) -> Coachee:
        self.instance.practice = self.practice
        self.instance.is_unknown = False  # naming an unknown sender makes them known
        return super().save(commit)


class EngagementForm(forms.ModelForm):
    class Meta:
        model = Engagement
        fields = ["intentions"]
        widgets = {"intentions": forms.Textarea(attrs={"rows": 3})}


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 2})}
