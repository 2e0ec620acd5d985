"""STOP / START / HELP keywords in French and English, and the replies they get.

A message is a keyword when it is nothing but keywords, politeness and "SMS": "Stop.",
"  arrêt !", "stop svp", "STOP merci", "Please stop", "stop stop", "STOP 🛑" stop;
"On arrête pas là, STOP à la procrastination" does not. Case, accents, punctuation,
emoji and invisible characters (zero-width space, joiners, variation selectors) are
ignored. A message made only of keywords that include a STOP is a STOP: when in doubt,
we stop texting.

The reply texts stay in GSM-7 (no ê, ç, typographic quotes or ellipsis) so that
with a short coach name each one fits in a single SMS.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Keyword = Literal["stop", "start", "help"]

STOP_WORDS = frozenset(
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRETEZ",
        "DESINSCRIPTION", "DESABONNEMENT", "STOP SMS",
    }
)  # fmt: skip
START_WORDS = frozenset({"START", "UNSTOP", "REPRENDRE"})
HELP_WORDS = frozenset({"HELP", "AIDE", "INFO"})

# Words that may come with a keyword without changing what it asks (matched whole).
_COURTESY = re.compile(
    r"\b(?:S ?IL (?:VOUS|TE) PLAIT|SVP|STP|MERCI(?: BEAUCOUP| BCP)?|PLEASE|PLZ|PLS"
    r"|THANKS?(?: YOU)?|THX|(?:LES |AUX |DES )?(?:SMS|MESSAGES?|TEXTOS?|TEXTS))\b"
)
# Letters that show nothing (Hangul fillers, Khmer inherent vowels), sent to hide a word.
_BLANK_LETTERS = frozenset("\u115f\u1160\u17b4\u17b5\u3164\uffa0")

# "S'il vous plaît, merci beaucoup, STOP les SMS !" is 8; ordinary replies are longer.
_MOST_WORDS = 12

_KEYWORDS: dict[str, Keyword] = {
    **dict.fromkeys(STOP_WORDS, "stop"),
    **dict.fromkeys(START_WORDS, "start"),
    **dict.fromkeys(HELP_WORDS, "help"),
}


def _visible_words(text: str) -> str:
    """Letters and digits only, upper case, no accents: the rest separates words, except
    what takes no room (accents, zero-width characters, variation selectors) which joins."""
    kept = []
    for char in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(char)
        if category in {"Mn", "Me", "Cf"} or char in _BLANK_LETTERS:
            continue
        kept.append(char if category[0] in "LN" else " ")
    return " ".join("".join(kept).upper().split())


def normalize_keyword(body: str) -> str:
    """The message's words, upper case, no accents, courtesy words removed: "ARRET" for
    "  Arrêt ! ", "STOP" for "Stop svp 🛑"."""
    words = _visible_words(body)
    return " ".join(_COURTESY.sub(" ", words).split()) if words else ""


def classify_keyword(body: str) -> Keyword | None:
    """ "stop", "start" or "help" when the whole message is that keyword, else None."""
    if len(body.split()) > _MOST_WORDS:  # a sentence: skip the costly reading (hot path)
        return None
    words = normalize_keyword(body)
    if words in _KEYWORDS:  # "STOP SMS" before its parts
        return _KEYWORDS[words]
    found = [_KEYWORDS.get(word) for word in words.split()]
    if not found or None in found:
        return None
    if "stop" in found:
        return "stop"
    return found[0] if len(set(found)) == 1 else None  # "start aide": unclear, no reply


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
