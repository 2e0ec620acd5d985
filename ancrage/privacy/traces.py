"""The forms a client's number takes in what providers sent us: E.164, the digits without
'+' (Vonage's msisdn), URL-encoded (form webhooks), national with and without spaces."""

from __future__ import annotations

import json
import re
from typing import Any

import phonenumbers
from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast


def phone_variants(e164: str) -> list[str]:
    variants = {e164, e164.lstrip("+"), e164.replace("+", "%2B")}
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return sorted(v for v in variants if v)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    variants |= {national, national.replace(" ", "")}
    # Too short to mean this number (a bare national "06"): never used to match rows.
    return sorted(v for v in variants if len(v.replace(" ", "")) >= 6)


def _pattern(needles: list[str]) -> re.Pattern[str] | None:
    """Whole words only: erasing "Zoé Martin" leaves "Zoé Martineau" alone."""
    words = sorted({n for n in needles if n}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)


def mentions(text: str, needles: list[str]) -> bool:
    pattern = _pattern(needles)
    return bool(pattern and pattern.search(text))


def scrub_text(value: str, needles: list[str], placeholder: str) -> str:
    pattern = _pattern(needles)
    return pattern.sub(placeholder, value) if pattern else value


def scrub_json(value: object, needles: list[str], placeholder: str) -> object:
    """Every string inside a JSON value (keys too) with the needles replaced."""
    if isinstance(value, str):
        return scrub_text(value, needles, placeholder)
    if isinstance(value, list):
        return [scrub_json(item, needles, placeholder) for item in value]
    if isinstance(value, dict):
        return {
            scrub_text(str(k), needles, placeholder): scrub_json(v, needles, placeholder)
            for k, v in value.items()
        }
    return value


def jobs_naming(practice_id: int, needles: list[str]) -> QuerySet[Any]:
    """Uploaded analyses that may name the client: narrowed in the database (name, focus,
    report as text, where JSON escapes accents), then confirmed by `mentions` (whole words).
    Jobs not yet analyzed still hold their transcript: always looked at."""
    from ancrage.conversations.models import AnalysisJob

    found = Q(status__in=[AnalysisJob.Status.QUEUED, AnalysisJob.Status.RUNNING])
    for needle in filter(None, needles):
        found |= Q(name__icontains=needle) | Q(focus__icontains=needle)
        for spelling in {needle, json.dumps(needle)[1:-1]}:
            found |= Q(report_text__icontains=spelling)
    jobs = AnalysisJob.objects.filter(practice_id=practice_id)
    return jobs.annotate(report_text=Cast("report", TextField())).filter(found)
