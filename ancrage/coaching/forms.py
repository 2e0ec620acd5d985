"""Forms for coachees and engagements, with errors a coach can act on."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import cache

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Coachee, Engagement, Note, Practice, validate_timezone
from ancrage.consent.models import ConsentEvent
from ancrage.lib.phone import InvalidPhoneNumber, can_receive_sms, default_timezone, to_e164
from ancrage.lib.phone import timezones_of as number_timezones


@cache
def all_timezones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones() - {"localtime", "Factory"}))


def suggest_timezone(raw_phone: str, current: str, auto: str | None) -> str | None:
    """The zone to put in the field for this number, or None to leave the field alone: a
    zone the coach typed (not the one filled in last time, `auto`) is theirs to keep."""
    try:
        zone = default_timezone(to_e164(raw_phone))
    except InvalidPhoneNumber:
        return None
    if zone is None or (current and current != auto):
        return None
    return zone


class TimezoneInput(forms.TextInput):
    """A text field with the IANA zones as suggestions: the browser filters them as you type."""

    def __init__(self) -> None:
        super().__init__(attrs={"list": "timezones", "autocomplete": "off", "spellcheck": "false"})

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:  # type: ignore[no-untyped-def]
        options = format_html_join("", '<option value="{}">', ((z,) for z in all_timezones()))
        field = super().render(name, value, attrs, renderer)
        return format_html('{}<datalist id="timezones">{}</datalist>', field, options)


class CoacheeForm(forms.ModelForm):
    phone = forms.CharField(
        label=_("Mobile phone"),
        help_text=_(
            "French numbers as you write them (06 12 34 56 78), others with +country code."
        ),
    )
    timezone = forms.CharField(
        label=_("Time zone"),
        required=False,  # empty: the zone of the number's country
        widget=TimezoneInput(),
        help_text=_("Type a city to search. Empty: the time zone of the number's country."),
    )
    consent_method = forms.ChoiceField(
        label=_("How did the client agree to receive SMS from you?"),
        choices=ConsentEvent.Method.choices,
        widget=forms.RadioSelect,
    )
    consent_obtained_on = forms.DateField(
        label=_("When?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Kept in the client's consent history, the proof that they agreed."),
    )

    class Meta:
        model = Coachee
        fields = ["name", "phone", "language", "timezone"]

    def __init__(self, *args, practice: Practice, coach: Coach | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice
        self.coach = coach  # who fills the form: a clash is named only if they may see it
        self.fields["phone"].widget.attrs.update(
            {
                "hx-get": reverse("timezone_for_phone"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#field-timezone",
                "hx-include": "#id_timezone, [name=tz_auto]",
                "autocomplete": "tel",
            }
        )
        if self.instance.pk:  # consent is recorded once, when the client is added
            del self.fields["consent_method"], self.fields["consent_obtained_on"]
        else:
            # The model's default (Europe/Paris) would hide the number's own zone.
            self.initial["timezone"] = (kwargs.get("initial") or {}).get("timezone", "")
            self.initial.setdefault("consent_obtained_on", timezone.localdate())

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
        if not can_receive_sms(phone):
            raise forms.ValidationError(
                _(
                    "%(value)s is a landline or service number: it cannot receive SMS. Give the client's mobile number."
                ),
                params={"value": raw},
            )
        clash = Coachee.objects.filter(practice=self.practice, phone=phone).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            from ancrage.coaching.access import visible_coachees

            other = clash.get()
            if self.coach is not None and not visible_coachees(self.coach).filter(pk=other.pk):
                # never the name of a client this coach may not see
                raise forms.ValidationError(
                    _(
                        "Another coach of your practice already follows this number: ask the "
                        "practice owner."
                    )
                )
            raise forms.ValidationError(
                _("%(name)s already has this number in your practice."),
                params={"name": other.name},
            )
        return phone

    def clean_timezone(self) -> str:
        name = (self.cleaned_data.get("timezone") or "").strip()
        if name:
            validate_timezone(name)
        return name

    def clean_consent_obtained_on(self) -> dt.date:
        day = self.cleaned_data["consent_obtained_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Consent cannot have been obtained in the future."))
        return day

    def clean(self) -> dict:
        data = super().clean() or {}
        phone = data.get("phone")
        if phone and not data.get("timezone") and "timezone" not in self.errors:
            zone = default_timezone(phone)
            if zone is None:
                self.add_error(
                    "timezone",
                    _("This number's country has several time zones: choose one (%(zones)s).")
                    % {"zones": ", ".join(number_timezones(phone)) or "?"},
                )
            else:
                data["timezone"] = zone
                self.instance.timezone = zone
        return data

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
