"""Forms of the Team pages and of the invitation's accept page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coach, Coachee, Practice


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Coach.Role.choices, initial="coach")


class AcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ: type the same one twice."))
        elif first:
            # Judged against the person's own name and e-mail, as Django's validators do.
            user = get_user_model()(
                username=self.email, email=self.email,
                first_name=data.get("first_name", ""), last_name=data.get("last_name", ""),
            )  # fmt: skip
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class AssignForm(forms.ModelForm):
    """Who is in charge of a client and with whom it is shared; nothing else (consent
    belongs to the number and changes only through ancrage.consent)."""

    class Meta:
        model = Coachee
        fields = ["coach", "shared_with"]
        widgets = {"shared_with": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, practice: Practice, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Coach.objects.filter(practice=practice).select_related("user")
        current = Q(pk=self.instance.coach_id) if self.instance.coach_id else Q(pk__in=[])
        coach_field: Any = self.fields["coach"]
        coach_field.queryset = members.filter(Q(user__is_active=True) | current)
        coach_field.empty_label = _("nobody (every coach sees this client)")
        coach_field.label = _("In charge")
        shared_field: Any = self.fields["shared_with"]
        shared_field.queryset = members.filter(user__is_active=True, role=Coach.Role.COACH)
        shared_field.label = _("Shared with")
        shared_field.required = False
