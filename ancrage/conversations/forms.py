from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TranscriptForm(forms.Form):
    transcript = forms.FileField(
        label=_("Transcript"),
        help_text=_(
            "Text (Speaker: words), WebVTT (Zoom, Teams, Meet, Whisper), SRT, JSON, JSONL or CSV."
        ),
    )
    focus = forms.CharField(
        label=_("Person assessed"),
        required=False,
        help_text=_(
            "Their name as written in the transcript. Empty: chosen for you, and the reason given."
        ),
    )
    lang = forms.ChoiceField(
        label=_("Conversation language"),
        choices=[("auto", _("Detect")), ("fr", _("French")), ("en", _("English"))],
        initial="auto",
    )
