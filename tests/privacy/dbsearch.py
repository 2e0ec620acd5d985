"""Search every text column of every table for some words, as an auditor would."""

from __future__ import annotations

import json

from django.apps import apps
from django.db.models import TextField
from django.db.models.functions import Cast

TEXT_TYPES = {
    "CharField",
    "TextField",
    "SlugField",
    "EmailField",
    "URLField",
    "JSONField",
    "GenericIPAddressField",
}


def spellings(word: str) -> set[str]:
    """The word, and how JSON stores it (accents escaped as \\u00e9)."""
    return {word, json.dumps(word)[1:-1]}


def columns_mentioning(words: list[str]) -> list[str]:
    """'app.Model.field' for each column holding any of the words (case-insensitive)."""
    found = []
    needles = set().union(*(spellings(w) for w in words))
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            kind = field.get_internal_type()
            if kind == "BinaryField":
                found += _in_binary(model, field.attname, words)
                continue
            if kind not in TEXT_TYPES:
                continue
            rows = model._base_manager.annotate(_as_text=Cast(field.attname, TextField()))
            for needle in needles:
                if rows.filter(_as_text__icontains=needle).exists():
                    found.append(f"{model._meta.label}.{field.name} ({needle})")
    return found


def _in_binary(model, attname: str, words: list[str]) -> list[str]:
    hits = []
    for value in model._base_manager.values_list(attname, flat=True):
        text = bytes(value or b"").decode("utf-8", errors="replace").lower()
        hits += [f"{model._meta.label}.{attname} ({w})" for w in words if w.lower() in text]
    return hits
