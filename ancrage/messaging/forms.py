from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coachee
from ancrage.messaging.services import CannotSend, check_sendable


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        strip=False,
        required=False,  # emptiness gets its own, clearer message below
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, coachee: Coachee, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.coachee = coachee

    def clean_body(self) -> str:
        body = self.cleaned_data.get("body") or ""
        try:
            check_sendable(self.coachee, body)
        except CannotSend as error:
            raise forms.ValidationError(str(error)) from None
        return body


class SimulatedReplyForm(forms.Form):
    body = forms.CharField(label=_("Reply as the client"), widget=forms.Textarea(attrs={"rows": 2}))
