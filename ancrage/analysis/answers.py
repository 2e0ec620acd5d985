"""Check-in answers typed by SMS, read into values: a count, a mark on a scale, yes or no, an
amount of money, or free text; French first, English too.

The reader never guesses. Two different candidate values (« 3 ou 4 », "3, maybe 4"), a hedge
(« bof », "kind of", « peut-être »), a mark out of range or a shape that reads two ways (« 2,300 »
in French) give a Reading that is not understood, and the coach's question stays open.

Pure Python, never imports Django. Number words go through text2num's `alpha2digit`, and only
when a cheap regex has seen one; it is called on bounded chunks because its cost grows faster
than the length of its input.

    read_answer(text, kind, lang="fr", *, low=1, high=10) -> Reading
    read_slots(text, slots, lang="fr") -> dict[str, Reading]

Emoji: 👍 ✅ ✔ 👌 read as yes, 👎 ❌ as no, 🤷 as a shrug (not understood); any other emoji is
dropped, so an emoji alone answers no number. Scale slots of read_slots are marked 1 to 10.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

KINDS = ("number", "scale", "yesno", "money", "text")
LANGS = ("fr", "en")
SLOT_KINDS = ("number", "scale", "yesno", "money")


@dataclass(frozen=True)
class Reading:
    kind: str
    value: int | float | bool | str | None  # None when not understood
    understood: bool

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "value": self.value, "understood": self.understood}


@dataclass(frozen=True)
class Slot:
    """One value asked for in a several-part question; `words` are the words or word stems that
    name it in a reply, in both languages (« envoy », "sent")."""

    key: str
    kind: str  # number, scale, yesno or money
    words: tuple[str, ...] = ()


def _reading(kind: str, value: int | float | bool | str | None) -> Reading:
    return Reading(kind, value, value is not None)


# --- cleaning: lower case, no accents, one kind of space and apostrophe, emoji as words ---------

_ACCENTED = {
    "a": "àâäáãå",
    "c": "ç",
    "e": "éèêë",
    "i": "îïíì",
    "o": "ôöóòõ",
    "u": "ûüùú",
    "y": "ÿý",
}
_SIGNS = {"👍": " oui ", "✅": " oui ", "✔": " oui ", "👌": " oui ", "☑": " oui "}
_SIGNS |= {"👎": " non ", "❌": " non ", "✖": " non ", "🚫": " non ", "🤷": " bof "}
_FOLD = str.maketrans(
    {accented: plain for plain, letters in _ACCENTED.items() for accented in letters}
    | {"œ": "oe", "æ": "ae", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"}
    | {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "}  # French thousands spaces
    | _SIGNS
)
# pictographs, skin tones, variation selectors and keycaps (« 3️⃣ » is a 3)
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d\u20e3]+")


def _clean(text: str) -> str:
    text = text.lower()
    if not text.isascii():
        text = text.encode("utf-8", "ignore").decode("utf-8")  # lone surrogates cannot be read
        text = _EMOJI.sub(" ", text.translate(_FOLD))
    return " ".join(text.split())


def _phrases(words: Iterable[str]) -> re.Pattern[str]:
    """Whole words or phrases, longest first so that « pas encore » wins over « pas »."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w'-])")


# --- yes or no ----------------------------------------------------------------------------------

_YES = (
    "oui", "ouais", "ouai", "ouaip", "ouep", "ouip", "wi", "bien sur", "bien entendu", "carrement",
    "c'est fait", "cest fait", "c est fait", "c fait", "deja fait", "tout a fait", "absolument",
    "evidemment", "exactement", "affirmatif", "yes", "yeah", "yea", "yep", "yup", "sure", "done",
    "already done", "of course", "absolutely", "definitely", "certainly", "indeed", "totally",
    "you bet", "exactly",
)  # fmt: skip
_NO = (
    "non", "nan", "nop", "pas", "pas encore", "toujours pas", "pas du tout", "absolument pas",
    "bien sur que non", "pas vraiment", "pas trop", "pas fait", "jamais", "negatif", "niet",
    "no", "nope", "nah", "not", "not yet", "still not", "not at all", "not really", "not done",
    "never", "of course not", "certainly not", "definitely not", "absolutely not", "didn't",
    "didnt", "haven't", "havent", "hasn't", "hasnt", "nein",
)  # fmt: skip
_HEDGES = (
    "oui et non", "yes and no", "peut-etre", "peut etre", "ptet", "p-e", "bof", "mouais", "moui",
    "plus ou moins", "en partie", "a moitie", "presque", "pas sur", "pas sure", "je sais pas",
    "je ne sais pas", "sais pas", "jsp", "chais pas", "aucune idee", "on verra", "ca depend",
    "pas mal", "probablement", "j'espere", "bientot", "en cours", "pourquoi pas", "maybe",
    "perhaps", "kind of", "kinda", "sort of", "sorta", "more or less", "partly", "partially",
    "half", "almost", "not sure", "dunno", "idk", "i don't know", "i dont know", "no idea",
    "we'll see", "depends", "it depends", "possibly", "probably", "i guess", "hopefully", "soon",
    "in progress", "working on it", "why not",
)  # fmt: skip
# agreeing without answering: « oui, pas de souci » is a yes, « pas de souci » alone is not
_NEUTRAL = (
    "pas de souci", "pas de soucis", "pas de probleme", "sans probleme", "sans souci",
    "aucun souci", "aucun probleme", "no problem", "no worries", "no prob", "non seulement",
    "not only",
)  # fmt: skip
_POLARITY: dict[str, bool | None] = (
    dict.fromkeys(_YES, True) | dict.fromkeys(_NO, False) | dict.fromkeys(_HEDGES, None)
)
_POLAR = _phrases([*_POLARITY, *_NEUTRAL])
_ELONGATED = re.compile(r"([a-z])\1{2,}|([a-z])\2\b")  # « ouiii », "yesss", "yess", « nonn »
_DONE_ALONE = re.compile(r"fait\W*")  # « Fait ! » answers; « fait » inside a sentence does not


def _polarity(clean: str) -> bool | None:
    """True or False when every yes/no word of the answer agrees and none hedges."""
    clean = _ELONGATED.sub(r"\1\2", clean)
    if _DONE_ALONE.fullmatch(clean):
        return True
    seen = {_POLARITY.get(m.group(), "neutral") for m in _POLAR.finditer(clean)}
    seen.discard("neutral")
    if None in seen or len(seen) != 1:
        return None
    return seen.pop() is True


# --- numbers: spelled out -> digits --------------------------------------------------------------

_UNSURE = _phrases(
    (
        "peut-etre", "peut etre", "ptet", "p-e", "je sais pas", "je ne sais pas", "sais pas",
        "jsp", "chais pas", "aucune idee", "pas sur", "pas sure", "probablement", "maybe",
        "perhaps", "possibly", "probably", "not sure", "no idea", "dunno", "idk", "i don't know",
        "i dont know", "dizaine", "douzaine", "quinzaine", "vingtaine", "trentaine",
        "centaine",  # « une dizaine »: about ten, and « une » would read as 1
    )
)  # fmt: skip
_EXCUSES = (  # « aucun souci », "no worries": not a count of 0
    r"(?! (?:de )?(?:souci|soucis|probleme|problemes|problem|problems|worries|idea|idee|clue|"
    r"doute|way)\b)"
)
# « rien », « aucun », « pas un seul », "none", "no deals": a count of 0
_ZERO = re.compile(
    r"(?<![\w'-])(?:pas une? seule?|pas une?|rien|aucune?|zero|nada|que dalle|pas de|nothing|"
    r"none|nil|zilch|not a single one|not a single|not one|no one|nobody|no(?= [a-z]))(?![\w'-])"
    + _EXCUSES
    + r"|(?<![\w'-])pas d'(?=[a-z])"
)
_FR_WORDS = (
    "zero deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "vingt vingts trente quarante cinquante soixante cent cents mille million millions milliard"
)
_EN_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million"
)
# a number word alone or in a compound (« dix-sept », « quatre-vingts », "forty-two")
_NUMBER_WORD = {
    lang: re.compile(rf"(?<![\w']){'(?:' + '|'.join(words.split()) + ')'}(?![\w'])")
    for lang, words in (("fr", _FR_WORDS), ("en", _EN_WORDS))
}
_NUMBER_WORD_FR = re.compile(rf"(?:{'|'.join(_FR_WORDS.split())})(?:-\w+)*")
# « un » is an article more often than a count: « un devis » is 1, « j'ai eu un souci » is not
_UN = re.compile(r"(?<![\w-])une?(?![\w'-])")
_UN_COUNTS_AFTER = frozenset(("", "que", "qu'", "juste", "seulement", "oui", "ouais"))
# « un peu », « un souci »; « un bon 8 », « un petit 6 » are marks, not counts
_UN_NEVER_BEFORE = frozenset("peu souci probleme moment coup truc bug bon petit gros".split())
_COUNTED_BEFORE = re.compile(rf"\d|(?<![\w'])(?:{'|'.join(_FR_WORDS.split())})(?![\w'])")
_TENS_ET = re.compile(r"(?:vingt|trente|quarante|cinquante|soixante)[ -]et $")
_LAST_TOKEN = re.compile(r"(?:[\w-]+'?|[,;:.!?]|^)\s*$")
_FIRST_TOKEN = re.compile(r"\s*([\w'-]*)")
_NEW = re.compile(r"(?<=\bde |\bdu )neuf\b|(?<=\btout )neuf\b")  # « rien de neuf »
_HALF = {"fr": re.compile(r"(\d+) et demie?\b"), "en": re.compile(r"(\d+) and a half\b")}
_CHUNK = re.compile(r"\S.{0,199}(?=\s|$)|\S{200}")


def _french_un(match: re.Match[str]) -> str:
    """« un » stays a count when it opens or closes its clause (« un devis », « j'en ai envoyé
    un »), comes after « juste », « qu' » or a count and « et », or before « seul »; otherwise it
    is an article (« j'ai eu un souci », « lui et un ami »)."""
    text, start, end = match.string, match.start(), match.end()
    before = text[max(0, start - 30) : start]
    if _TENS_ET.search(before):
        return match.group()  # « vingt et un »: text2num reads it
    after = _FIRST_TOKEN.match(text, end, min(len(text), end + 30))
    following = after.group(1) if after else ""
    if (
        following[:1].isdigit()
        or _NUMBER_WORD_FR.fullmatch(following)
        or following in _UN_NEVER_BEFORE
    ):
        return "a"  # « un 7 sur 10 », « un million », « un peu »
    previous = _LAST_TOKEN.search(before)
    token = previous.group().strip() if previous else ""
    if token in _UN_COUNTS_AFTER or token in ",;:.!?" or following in ("", "seul", "seule"):
        return "1"
    if token in ("et", "dont") and _COUNTED_BEFORE.search(before):
        return "1"  # « 3 envoyés et un signé », « trois devis dont un signé »
    return "a"


def _digitize(clean: str, lang: str) -> str:
    """The answer with its counts in digits: « trois », "none", « pas un seul » become 3, 0, 0."""
    text = _ZERO.sub("0", clean)
    if lang == "fr":
        text = _UN.sub(_french_un, text) if "un" in text else text
        text = _NEW.sub("nouveau", text) if "neuf" in text else text
    if _NUMBER_WORD[lang].search(text):
        text = " ".join(_spelled_out(chunk, lang) for chunk in _CHUNK.findall(text))
    if "et dem" in text or "and a half" in text:
        text = _HALF[lang].sub(r"\1.5", text)
    return text


def _spelled_out(chunk: str, lang: str) -> str:
    if not _NUMBER_WORD[lang].search(chunk):
        return chunk
    return str(alpha2digit(chunk, lang, threshold=0))


# --- numbers in digits: mentions ----------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    value: int | float | None  # None: negative, or a shape that reads two ways
    money: bool  # a currency or a k next to it
    denominator: int | None = None  # « 9 sur 10 », "7/10"


_NUMBER = re.compile(
    r"(?<![\w.,])(?P<neg>-(?=\d))?(?P<num>\d{1,3}(?P<sep>[ .,])\d{3}(?!\d)(?:(?P=sep)\d{3}(?!\d))*"
    r"(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?)"
)
_CURRENCY = r"€|\$|£|(?:eur|euros?|balles|bucks|dollars?|usd|pounds?|gbp)(?![a-z])"
_AFTER = re.compile(rf" ?(?P<k>k(?:(?= ?(?:{_CURRENCY}))|(?![a-z])))? ?(?P<cur>{_CURRENCY})?")
_BEFORE_CURRENCY = re.compile(r"[$£€] ?$")
_DECIMALS = re.compile(r"([.,])(\d{1,2})$")
_ORDINAL = re.compile(r"(?:st|nd|rd|th|er|ere|eme|e|ieme)(?![a-z])")
_DENOMINATOR = re.compile(r" ?(?:/|sur|out of|on) ?(\d+)(?![\d.,]?\d)")
# two values offered for one: « 3 ou 4 », « 7-8 », "2 to 5", « 3, peut-être 4 »
_ALTERNATIVE = re.compile(
    r" ?(?:-|a|ou|or|to|voire|sinon|,? ?(?:ou |or )?(?:peut-etre|ptet|maybe|perhaps|even)) ?"
)
_RANGE = re.compile(r" ?(?:-|a|to) ?")  # « 3 à 4 », "7-8", "2 to 5"; « ou » is always two
_BETWEEN = re.compile(r"(?:entre|between|de|from) $")


def _mentions(text: str, lang: str) -> list[_Mention]:
    found: list[_Mention] = []
    pos = 0
    while match := _NUMBER.search(text, pos):
        mention, pos = _mention(text, match, lang)
        if mention is not None:
            found.append(mention)
    return _merge_alternatives(text, found)


def _mention(text: str, match: re.Match[str], lang: str) -> tuple[_Mention | None, int]:
    end = match.end()
    if _ORDINAL.match(text, end):
        return None, end  # « 1er », "2nd": a rank, not a count
    prefixed = bool(_BEFORE_CURRENCY.search(text, max(0, match.start() - 2), match.start()))
    value = _value(match.group("num"), match.group("sep"), lang, prefixed)
    after = _AFTER.match(text, end)
    if after and after.group("k") and value is not None:
        value = _whole(value * 1000)  # « 2,5k »
    money = prefixed or bool(after and (after.group("k") or after.group("cur")))
    if money and after:
        end = after.end()
    if match.group("neg"):
        value = None
    denominator = None if money else _DENOMINATOR.match(text, end)
    if denominator and not _is_mark(value, int(denominator[1])):
        denominator = None  # « 5/2/3000 »: three values, not a mark out of 2
    if denominator:
        return _Mention(match.start(), denominator.end(), value, False, int(denominator[1])), (
            denominator.end()
        )
    return _Mention(match.start(), end, value, money), end


def _plausible_range(low: int | float | None, high: int | float | None) -> bool:
    """A range goes up, within one order of magnitude: « 3 à 4 », « 2 000 - 2 500 »."""
    if low is None or high is None:
        return True
    return low < high <= 10 * max(low, 1)


def _is_mark(value: int | float | None, denominator: int) -> bool:
    """« 7/10 », « 4 sur 5 », "18/20": a mark out of a usual maximum, not above it."""
    return denominator in (5, 10, 20, 100) and (value is None or value <= denominator)


def _value(number: str, sep: str | None, lang: str, prefixed: bool) -> int | float | None:
    """« 3 200 », "3,200", « 3.200 », « 2,5 », "2.5" by language and shape; None when it reads
    two ways (« 2,300 » in French: 2,3 or 2 300?)."""
    if sep is None:
        return _whole(float(number.replace(",", ".")))
    body, decimals = number, "0"
    if tail := _DECIMALS.search(number):
        if tail[1] == sep:
            return None  # « 1,234,5 »
        body, decimals = number[: tail.start()], tail[2]
    if body.count(sep) == 1 and tail is None:
        if sep == "." and lang == "en":
            return _whole(float(body))  # "3.200" in English is 3.2
        if sep == "," and lang == "fr" and not prefixed:
            return None  # « 2,300 » is 2,3 in French and 2 300 in English: do not pick
    return _whole(float(body.replace(sep, "") + "." + decimals))


def _whole(value: float) -> int | float | None:
    if not value < 1e15:
        return None  # a phone number or a typo, never an answer
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def _merge_alternatives(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Two values offered for one become one mention that is not understood."""
    merged: list[_Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.money == mention.money
            and _offered_together(text, last, mention)
        ):
            merged[-1] = _Mention(last.start, mention.end, None, mention.money)
        else:
            merged.append(mention)
    return merged


def _offered_together(text: str, first: _Mention, second: _Mention) -> bool:
    between = text[first.end : second.start]
    if _RANGE.fullmatch(between) and not _plausible_range(first.value, second.value):
        return False  # « 3 et 1 à 2500 », « 5 - 2 - 3000 »: separate values, not a range
    if _ALTERNATIVE.fullmatch(between):
        return True
    return between in (" et ", " and ") and bool(
        _BETWEEN.search(text, max(0, first.start - 8), first.start)
    )


# --- one answer ---------------------------------------------------------------------------------


def read_answer(text: str, kind: str, lang: str = "fr", *, low: int = 1, high: int = 10) -> Reading:
    """One answer to one question: « 3 devis partis » -> 3, « 9/10 » -> 9, « oui c'est envoyé » ->
    True, « 2,5k » -> 2500; not understood when unsure, hedged or offering two values."""
    _check(kind, KINDS, "kind")
    _check(lang, LANGS, "lang")
    if kind == "text":
        stripped = text.strip()
        return _reading(kind, stripped or None)
    clean = _clean(text)
    if kind == "yesno":
        return _reading(kind, _polarity(clean))
    if "?" in clean or _UNSURE.search(clean):
        return _reading(kind, None)
    mentions = _mentions(_digitize(clean, lang), lang)
    if kind == "money":
        mentions = [m for m in mentions if m.money] or mentions  # the price beside « 5 devis à »
    values = {_value_as(kind, m, low, high) for m in mentions}
    return _reading(kind, values.pop() if len(values) == 1 else None)


def _check(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}: expected one of {', '.join(allowed)}")


def _value_as(kind: str, mention: _Mention, low: int = 1, high: int = 10) -> int | float | None:
    value = mention.value
    if value is None:
        return None
    if kind == "scale":
        if mention.denominator not in (None, high):
            return None  # « 4/5 » on a 1-10 scale: converting it would be a guess
        return value if low <= value <= high else None
    if mention.denominator is not None or value < 0:
        return None  # « 3/4 » is a ratio, not a count or an amount
    if kind == "number" and not isinstance(value, int):
        return None
    return value


# --- several values in one reply ----------------------------------------------------------------

_CLAUSE = re.compile(r"[;:!?]|[,.](?!\d)| (?:et|and|mais|but|puis|then|dont) ")
_WORD_START = re.compile(r"\S+")
_NEAR = 8  # words between a slot's word and its value, at most


@lru_cache(maxsize=256)
def _slot_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    stems = [_clean(w) for w in words if w.strip()]
    if not stems:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(s) for s in stems)})")


class _Places:
    """Clause and word index of positions in one text, found by bisection."""

    def __init__(self, text: str) -> None:
        self.clauses = [m.start() for m in _CLAUSE.finditer(text)]
        self.words = [m.start() for m in _WORD_START.finditer(text)]

    def clause(self, pos: int) -> int:
        return bisect_right(self.clauses, pos)

    def word(self, pos: int) -> int:
        return bisect_right(self.words, pos) - 1


def read_slots(text: str, slots: Sequence[Slot], lang: str = "fr") -> dict[str, Reading]:
    """Several values in one reply (« 3 devis partis, 1 signé à 3 100 € »), matched to their
    slots by the slots' words first, then by kind (an amount goes to the money slot), and by
    order only when the reply names none of them (« 3, 1, 3100€ »)."""
    _check(lang, LANGS, "lang")
    for slot in slots:
        _check(slot.kind, SLOT_KINDS, "slot kind")
    clean = _clean(text)
    digits = _digitize(clean, lang)
    mentions = _mentions(digits, lang)
    places = _Places(digits)
    numeric = [s for s in slots if s.kind != "yesno"]
    found = _by_words(digits, mentions, numeric, places)
    _by_kind(mentions, numeric, found)
    if not any(s.key in found for s in numeric if _slot_words(s.words)):
        _by_order(mentions, numeric, found)
    unsure = {places.clause(m.start()) for m in _UNSURE.finditer(digits)}
    only_yesno = sum(s.kind == "yesno" for s in slots) == 1
    readings = {}
    for slot in slots:
        if slot.kind == "yesno":
            readings[slot.key] = _reading("yesno", _slot_polarity(clean, slot, only_yesno))
        else:
            mention = mentions[found[slot.key]] if slot.key in found else None
            readings[slot.key] = _slot_reading(slot, mention, places, unsure)
    return readings


def _slot_reading(
    slot: Slot, mention: _Mention | None, places: _Places, unsure: set[int]
) -> Reading:
    if mention is None or places.clause(mention.start) in unsure:
        return _reading(slot.kind, None)  # not found, or « peut-être » in its clause
    return _reading(slot.kind, _value_as(slot.kind, mention))


def _by_words(
    text: str, mentions: list[_Mention], slots: list[Slot], places: _Places
) -> dict[str, int]:
    """Each slot takes the nearest value in the clause where one of its words appears."""
    has_money_slot = any(s.kind == "money" for s in slots)
    at = [places.word(m.start) for m in mentions]
    pairs = []
    for order, slot in enumerate(slots):
        pattern = _slot_words(slot.words)
        for word in pattern.finditer(text) if pattern else ():
            here, clause = places.word(word.start()), places.clause(word.start())
            for i in range(bisect_left(at, here - _NEAR), bisect_right(at, here + _NEAR)):
                mention = mentions[i]
                if places.clause(mention.start) != clause:
                    continue
                if mention.money and has_money_slot and slot.kind != "money":
                    continue  # an amount is the price, not a count
                pairs.append((abs(at[i] - here), i, order))
    found: dict[str, int] = {}
    for _distance, i, order in sorted(pairs):
        key = slots[order].key
        if key not in found and i not in found.values():
            found[key] = i
    return found


def _by_kind(mentions: list[_Mention], slots: list[Slot], found: dict[str, int]) -> None:
    free = iter(s for s in slots if s.kind == "money" and s.key not in found)
    for i, mention in enumerate(mentions):
        if mention.money and i not in found.values():
            slot = next(free, None)
            if slot is None:
                return
            found[slot.key] = i


def _by_order(mentions: list[_Mention], slots: list[Slot], found: dict[str, int]) -> None:
    left = iter(i for i in range(len(mentions)) if i not in found.values())
    for slot in slots:
        if slot.key not in found:
            i = next(left, None)
            if i is None:
                return
            found[slot.key] = i


def _slot_polarity(clean: str, slot: Slot, only_one: bool) -> bool | None:
    """The yes or no said in the clauses naming the slot; the whole reply when it is the only
    yes/no slot and the reply does not name it."""
    pattern = _slot_words(slot.words)
    clauses = _CLAUSE.split(clean)
    naming = [c for c in clauses if pattern and pattern.search(c)]
    if naming:
        return _polarity(" , ".join(naming))
    return _polarity(clean) if only_one else None
