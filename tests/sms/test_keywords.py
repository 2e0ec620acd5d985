"""STOP / START / HELP in French and English."""

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ancrage.lib.sms_encoding import GSM7, sms_cost
from ancrage.messaging.keywords import (
    HELP_WORDS,
    START_WORDS,
    STOP_WORDS,
    classify_keyword,
    help_text,
    normalize_keyword,
    start_confirmation,
    stop_confirmation,
)

ALL_WORDS = sorted(STOP_WORDS | START_WORDS | HELP_WORDS)
EXPECTED = {**dict.fromkeys(STOP_WORDS, "stop"), **dict.fromkeys(START_WORDS, "start")}
EXPECTED |= dict.fromkeys(HELP_WORDS, "help")


@pytest.mark.parametrize(
    "body",
    [
        "STOP",
        "stop",
        " Stop. ",
        "STOPALL",
        "unsubscribe",
        "Cancel!",
        "end",
        "QUIT",
        "ARRET",
        "arrêt",
        "Arrêt !",
        "ARRÊT",
        "stop sms",
        "Stop  SMS",
        "\tstop\n",
        "STOP!!!",
        "stop ?",
    ],
)
def test_a_message_that_is_only_a_stop_word_is_stop(body):
    assert classify_keyword(body) == "stop"


@pytest.mark.parametrize(
    "body",
    [
        "On arrête pas là, STOP à la procrastination",
        "stop it",
        "je veux arrêter",
        "stopper",
        "",
        "   ",
        "Merci, stop pour aujourd'hui",
    ],
)
def test_a_stop_word_inside_a_sentence_is_not_stop(body):
    assert classify_keyword(body) is None


@pytest.mark.parametrize("body", ["START", "unstop", "Reprendre.", "reprendre !"])
def test_start_words_resume(body):
    assert classify_keyword(body) == "start"


@pytest.mark.parametrize("body", ["HELP", "aide", "Aide ?", "info"])
def test_help_words_ask_for_help(body):
    assert classify_keyword(body) == "help"


_ACCENTED = {"A": "ÀÂÄ", "E": "ÉÈÊË", "I": "ÎÏ", "O": "ÔÖ", "U": "ÙÛÜ", "C": "Ç"}


@st.composite
def keyword_variants(draw):
    word = draw(st.sampled_from(ALL_WORDS))
    chars = []
    for char in word:
        if char in _ACCENTED and draw(st.booleans()):
            char = draw(st.sampled_from(_ACCENTED[char]))
        if char == " ":
            char = draw(st.sampled_from([" ", "  ", "\t", " \u00a0"]))
        chars.append(char.lower() if draw(st.booleans()) else char)
    spaces = st.text(alphabet=" \t\n\u00a0", max_size=3)
    trailing = draw(st.text(alphabet=".!?", max_size=3))
    return word, draw(spaces) + "".join(chars) + trailing + draw(spaces)


@given(keyword_variants())
def test_any_casing_spacing_or_accent_variant_classifies_like_the_keyword(variant):
    word, body = variant

    assert classify_keyword(body) == EXPECTED[word]


@given(
    word=st.sampled_from(sorted(STOP_WORDS)),
    other=st.text(alphabet="abcdefghijklmnopqrstuvwxyzéàè", min_size=1, max_size=12),
    before=st.booleans(),
)
def test_a_stop_word_with_any_other_word_is_never_stop(word, other, before):
    body = f"{other} {word}" if before else f"{word} {other}"
    # Courtesy ("svp", "merci") and keywords ("stop stop") with a STOP are a STOP.
    assume(normalize_keyword(other) != "" and classify_keyword(other) is None)
    assume(normalize_keyword(body) not in STOP_WORDS)  # "STOP" + "sms" is itself a keyword

    assert classify_keyword(body) != "stop"


def test_normalizing_keeps_only_the_bare_word():
    assert normalize_keyword("  Arrêt ! ") == "ARRET"
    assert unicodedata.is_normalized("NFC", normalize_keyword("ÉÈÊ"))


REPLIES = [
    stop_confirmation("fr", "Claire Martin"),
    stop_confirmation("en", "Claire Martin"),
    start_confirmation("fr", "Claire Martin"),
    start_confirmation("en", "Claire Martin"),
    help_text("fr", "Claire Martin", "Cabinet Ancrage"),
    help_text("en", "Claire Martin", "Cabinet Ancrage"),
]


@pytest.mark.parametrize("reply", REPLIES)
def test_every_reply_is_gsm7_and_fits_in_one_sms(reply):
    cost = sms_cost(reply)

    assert (cost.encoding, cost.segments) == (GSM7, 1), (reply, cost)


def test_replies_speak_the_coachee_language_and_name_the_coach():
    assert "répondez START" in stop_confirmation("fr", "Claire")
    assert "Reply START" in stop_confirmation("en-GB", "Claire")
    assert "Claire" in start_confirmation("fr", "Claire")
    assert "STOP" in help_text("en", "Claire", "Ancrage") and "Ancrage" in help_text(
        "fr", "C", "Ancrage"
    )
