from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is this token for?"),
        max_length=80,
        help_text=_("A name you will recognise, e.g. « Agenda » or « Notebook »."),
    )
