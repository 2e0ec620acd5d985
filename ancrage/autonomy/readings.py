"""The figures in the coach's language: one-line readings, chart series, table rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ancrage.autonomy.figures import KEYS, Change, Week
from ancrage.autonomy.taper import EVERY_N_DAYS, WEEKLY, Cadence
from ancrage.checkins.models import Enrolment


def labels() -> dict[str, str]:
    return {
        "initiative": _("Exchanges opened by the client"),
        "unprompted": _("Check-ins answered without a reminder"),
        "coach_words": _("Your share of the words"),
        "questions": _("Your questions against advice"),
        "confidence": _("Self-reported confidence"),
    }


def _tenths(value: float) -> int:
    """A share said as "n in 10", as a coach would say it."""
    return round(value * 10)


def _tenth(value: float) -> str:
    """7 and 7,5 (7.5 in English): one decimal at most, none when it is zero."""
    return str(floatformat(round(value, 1), -1))


def _percent(value: float) -> int:
    return round(value * 100)


def ago(weeks: int) -> str:
    """Always plural: the two windows are at least two weeks apart (figures.changes), and
    from nine weeks on, that is two months or more."""
    if weeks < 9:
        return _("%(n)s weeks ago") % {"n": weeks}
    return _("%(n)s months ago") % {"n": round(weeks * 7 / 30.44)}


def sentence(change: Change, name: str) -> str:
    """« Léa ouvre désormais 6 échanges sur 10 (2 sur 10 il y a 2 mois). » ("" unmeasured)."""
    if change.now is None:
        return ""
    key, now, then = change.key, change.now, change.then
    if key == "confidence":
        values = {"now": _tenth(now), "then": _tenth(then or 0)}
    elif key == "coach_words":
        values = {"now": str(_percent(now)), "then": str(_percent(then or 0))}
    else:
        values = {"now": str(_tenths(now)), "then": str(_tenths(then or 0))}
    values |= {"name": name, "ago": ago(change.weeks_apart)}
    if then is None:
        return NOW_ONLY[key]() % values
    return WITH_THEN[key]() % values


# Lambdas: the sentences are translated when read, in the language of the request.
WITH_THEN = {
    "initiative": lambda: _(
        "%(name)s now opens %(now)s exchanges in 10 (%(then)s in 10, %(ago)s)."
    ),
    "unprompted": lambda: _(
        "%(name)s now answers %(now)s check-ins in 10 without a reminder (%(then)s in 10, %(ago)s)."
    ),
    "coach_words": lambda: _("You now write %(now)s%% of the words (%(then)s%%, %(ago)s)."),
    "questions": lambda: _(
        "You now ask rather than advise %(now)s times in 10 (%(then)s in 10, %(ago)s)."
    ),
    "confidence": lambda: _(
        "%(name)s now rates their confidence %(now)s/10 (%(then)s/10, %(ago)s)."
    ),
}
NOW_ONLY = {
    "initiative": lambda: _("%(name)s now opens %(now)s exchanges in 10."),
    "unprompted": lambda: _("%(name)s now answers %(now)s check-ins in 10 without a reminder."),
    "coach_words": lambda: _("You now write %(now)s%% of the words."),
    "questions": lambda: _("You now ask rather than advise %(now)s times in 10."),
    "confidence": lambda: _("%(name)s now rates their confidence %(now)s/10."),
}


def sentences(changes: dict[str, Change], name: str) -> dict[str, str]:
    found = {key: sentence(changes[key], name) for key in KEYS if key in changes}
    return {key: text for key, text in found.items() if text}


def chart_value(week: Week, key: str) -> float | None:
    value = week.value(key)
    if value is None:
        return None
    return round(value, 1) if key == "confidence" else _percent(value)


def charts(weeks: Sequence[Week]) -> list[dict[str, Any]]:
    """One series per figure for charts.js-like drawing (null for a week without data)."""
    names = labels()
    return [
        {
            "key": key,
            "label": names[key],
            "kind": "scale" if key == "confidence" else "rate",
            "weeks": [w.start.isoformat() for w in weeks],
            "values": [chart_value(w, key) for w in weeks],
        }
        for key in KEYS
    ]


def panels(weeks: Sequence[Week], found: dict[str, str]) -> list[dict[str, Any]]:
    """Per figure: its label, its reading and its weeks as table rows (the chart's fallback)."""
    names = labels()
    return [
        {
            "key": key,
            "label": names[key],
            "reading": found.get(key, ""),
            "rows": [(w.start, formatted(key, w.value(key))) for w in weeks],
        }
        for key in KEYS
    ]


def formatted(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    if key == "confidence":
        return f"{_tenth(value)}/10"
    return f"{_percent(value)} %"


def change_rows(changes: dict[str, Change]) -> list[dict[str, str]]:
    names = labels()
    return [
        {
            "key": key,
            "label": names[key],
            "then": formatted(key, changes[key].then),
            "now": formatted(key, changes[key].now),
        }
        for key in KEYS
        if key in changes
    ]


def suggestion(enrolment: Enrolment, proposal: Cadence) -> str:
    """« Passer « Point du lundi » à toutes les deux semaines ? »"""
    program = enrolment.program.name("en" if _is_en() else "fr")
    if proposal.cadence == WEEKLY:
        day = str(WEEKDAYS[proposal.weekdays[0]])
        return _("Send “%(program)s” only on %(day)s?") % {"program": program, "day": day}
    if proposal.cadence == EVERY_N_DAYS and proposal.every_days == 14:
        return _("Move “%(program)s” to every two weeks?") % {"program": program}
    return _("Space “%(program)s” out to every %(days)s days?") % {
        "program": program,
        "days": proposal.every_days,
    }


def _is_en() -> bool:
    return (get_language() or "fr").startswith("en")
