"""The analyzer's shortcuts must give exactly what the plain code they replace gave.

Each test states the plain version (the one a reader would write) and checks the fast one
against it, on the inputs where the two could part: accents outside Latin, repeated letters,
elisions, SMS shortcuts with punctuation attached, digits that are not ASCII.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from ancrage.analysis import lang
from ancrage.analysis.acts import rules_for, words_of
from ancrage.analysis.index import DIGIT_KEY, search_at_word_start, word_keys
from ancrage.analysis.learned_acts import (
    _HAS_REPEATS,
    _REPEATS,
    _SURFACE,
    _TOKEN,
    _add,
    _sum_rows,
    _thanks,
)
from ancrage.analysis.normalize import (
    _APPLAUSE,
    _EMOJI,
    _EN_SMS,
    _typed_words,
    fold_accents,
    normalize,
)


def plain_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_fold_accents_folds_every_character_as_the_plain_definition():
    # one character at a time beside an accented letter (the fast path sees the whole text),
    # then every code point in blocks of 512 (folding goes character by character)
    for code in range(0x110000):
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue  # lone surrogates: not text
        if code < 0x3000 or code % 97 == 0:
            assert fold_accents("e\u0301" + c + "a") == plain_fold("e\u0301" + c + "a"), hex(code)
    for start in range(0, 0x110000, 512):
        block = "".join(chr(c) for c in range(start, start + 512) if not 0xD800 <= c <= 0xDFFF)
        assert fold_accents(block) == plain_fold(block), hex(start)
    for text in ("réussite", "Noël à l'hôtel", "œuvre…", "naïve — café", "한국어", "がぎ", "plain"):
        assert fold_accents(text) == plain_fold(text)


TEXTS = [
    "trooop bien, sooo goood!!! c'est l'histoire d'aujourd'hui",
    "aaa bbbb ccc'd 3,000 garages et 800 boulangeries ? 12.5 % €",
    "j'ai l'impression qu'il n'y a pas d'issue... (42) ok",
    "hmmm, ça coûte 30 € ? vraiment ! aa bb cc",
    "",
    "x",
]


def test_tokens_split_and_shorten_as_the_plain_patterns():
    old_token = re.compile(r"[a-z]+'|[a-z]+|\d+(?:[.,]\d+)*|[?!%€$£]")
    old_surface = re.compile(r"[^\W\d_]+'|[^\W\d_]+")
    for text in TEXTS:
        folded = fold_accents(text)
        assert _TOKEN.findall(folded) == old_token.findall(folded)
        assert _SURFACE.findall(text) == old_surface.findall(text)
        assert (_HAS_REPEATS.search(folded) is not None) == (
            _REPEATS.sub(r"\1\1", folded) != folded
        )


@pytest.mark.parametrize(
    "turn", ["merci beaucoup", "thanks!", "thx", "ty", "je te remercie", "the theory", "mercis", ""]
)
def test_thanks_gate_keeps_the_search_result(turn: str):
    assert _thanks(turn) == bool(re.search(r"\b(?:merci|thanks?|thx|ty|remercie)\b", turn))


def test_sum_rows_adds_in_the_same_order_as_adding_row_by_row():
    rows = [(0.1, -3.0, 1e16), (0.2, 1e-17, 1.0), (0.3, 2.5, -1e16), (1e-9, 0.7, 3.0)]
    totals = list(rows[0])
    for row in rows[1:]:
        _add(totals, row)
    assert _sum_rows(rows, 3) == totals  # floats are not associative: the order matters


def test_sms_english_replaces_exactly_where_the_old_search_allowed():
    old_search = re.compile(
        r"(?<![\w'-])(?:" + "|".join(sorted(_EN_SMS, key=len, reverse=True)) + r")(?![\w'-])"
    )

    def old_typed_words(text: str, words: list[str]) -> tuple[str, list[str]]:
        if old_search.search(text):
            bare = [w.rstrip(".,!?;:") for w in words]
            return text, [
                _EN_SMS[b] + w[len(b) :] if b in _EN_SMS else w
                for w, b in zip(words, bare, strict=True)
            ]
        return text, words

    for text in [
        "did u send it.",
        "(u) and ur!",
        "whats up?!",
        "u-turn",
        "the n word",
        "nothing here",
        "u\x1cr",
        "'u' u;",
        "",
    ]:
        assert _typed_words(text, text.split(), "en") == old_typed_words(text, text.split())


def test_words_and_keys_match_the_unicode_classes():
    letters = re.compile(r"[^\W\d_]+")
    for text in [*TEXTS, "Hello World", "ÉTÉ 2024", "١٢٣ arabic digits", "x²"]:
        assert words_of(text) == letters.findall(text)
        assert (DIGIT_KEY in word_keys(text.lower())) == bool(re.search(r"\d", text.lower()))


@pytest.mark.parametrize(
    "text",
    ["merci 👏👏 bravo", "super 🙌", "un cœur ❤️ pour toi", "naïve — café", "Noël", "plain", ""],
)
def test_emoji_are_removed_whatever_the_text_holds(text: str):
    # the plain version: every emoji replaced, the text then read like any other
    for code, word in (("fr", " bravo "), ("en", " well done ")):
        plain = _EMOJI.sub(" ", _APPLAUSE.sub(word, text.lower()))
        assert not _EMOJI.search(plain)
        assert normalize(text, code) == normalize(plain, code), (code, text)


WORD_START_TEXTS = [
    "et si tu lui confiais instagram qu'est ce que ça te libérerait",
    "asseyez-vous voulez-vous un café",
    "demandez-vous pourquoi",
    "l'avez-vous vu",
    "je sais pas si tu l'as",
    "vous voulez qu'on en parle",
    "ça t'intéresse",
    "sur 10",
    "so what brings you here and how did you find us",
    "somehow did you know",
    "rewould you",
    "it's a re-do you know",
    "'do you",
    "they do n't you think",
    "ain't it",
    "",
]


@pytest.mark.parametrize(
    ("source", "compiled", "find"),
    [
        # the inversion counts only where it starts a word (search_at_word_start)
        ("INVERTED_ANYWHERE", "inverted_anywhere", search_at_word_start),
        # every question cue starts a word already
        (
            "QUESTION_CUE_PATTERN",
            "question_cue_pattern",
            lambda pattern, text: pattern.search(text),
        ),
    ],
)
def test_searches_that_start_at_word_starts_find_what_the_plain_pattern_finds(
    source: str, compiled: str, find
):
    for code in ("fr", "en"):
        plain = re.compile(getattr(lang.get(code), source))
        fast = getattr(rules_for(code), compiled)
        for text in WORD_START_TEXTS:
            slow, found = find(plain, text), find(fast, text)
            assert (slow and slow.span()) == (found and found.span()), (code, text)


@pytest.mark.parametrize("code", ["fr", "en"])
def test_fillers_are_stripped_as_the_substitution_stripped_them(code: str):
    rules = rules_for(code)
    for text in [
        "alors euh, ben voilà, tu en es où",
        "so um, okay, what happened",
        "ok ok ok",
        "euh",
        "well, well",
        "oui mais non",
        "okayyy then",
        "et puis, et donc, euh alors",
        "",
    ]:
        assert rules.defilled(text) == rules.fillers.sub("", text), text
