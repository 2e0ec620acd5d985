"""STOP / START / HELP keywords in French and English, and the replies they get.

A message is a keyword only when it is nothing but the keyword: "Stop." or
"  arrêt !" stops, "On arrête pas là, STOP à la procrastination" does not.
Case, accents, surrounding spaces and trailing punctuation are ignored.

The reply texts stay in GSM-7 (no ê, ç, typographic quotes or ellipsis) so that
with a short coach name each one fits in a single SMS.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Keyword = Literal["stop", "start", "help"]

STOP_WORDS = frozenset(
    {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "STOP SMS"}
)
START_WORDS = frozenset({"START", "UNSTOP", "REPRENDRE"})
HELP_WORDS = frozenset({"HELP", "AIDE", "INFO"})

_KEYWORDS: dict[str, Keyword] = {
    **dict.fromkeys(STOP_WORDS, "stop"),
    **dict.fromkeys(START_WORDS, "start"),
    **dict.fromkeys(HELP_WORDS, "help"),
}
_TRAILING_PUNCTUATION = ".!?,;:…¡¿"


def normalize_keyword(body: str) -> str:
    """Upper case, no accents, single spaces, no surrounding spaces or trailing punctuation."""
    decomposed = unicodedata.normalize("NFKD", body)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    collapsed = re.sub(r"\s+", " ", without_accents).strip()
    return collapsed.rstrip(_TRAILING_PUNCTUATION + " ").upper()


def classify_keyword(body: str) -> Keyword | None:
    """ "stop", "start" or "help" when the whole message is that keyword, else None."""
    return _KEYWORDS.get(normalize_keyword(body))


def _english(lang: str) -> bool:
    return lang.lower().startswith("en")


def stop_confirmation(lang: str, coach_name: str) -> str:
    """Sent once after a STOP: the last message this person receives."""
    if _english(lang):
        return f"You will no longer receive texts from {coach_name}. Reply START to resume."
    return f"Vous ne recevrez plus de SMS de {coach_name}. Pour reprendre, répondez START."


def start_confirmation(lang: str, coach_name: str) -> str:
    if _english(lang):
        return f"You will receive texts from {coach_name} again. Reply STOP to opt out."
    return (
        f"C'est noté, vous recevrez à nouveau les SMS de {coach_name}. "
        "Répondez STOP pour ne plus en recevoir."
    )


def help_text(lang: str, coach_name: str, practice_name: str) -> str:
    if _english(lang):
        return (
            f"{practice_name}: coaching texts from {coach_name}. "
            "Reply STOP to opt out, START to resume. Msg & data rates may apply."
        )
    return (
        f"{practice_name} : SMS de suivi de coaching par {coach_name}. "
        "Répondez STOP pour ne plus en recevoir, START pour reprendre."
    )
