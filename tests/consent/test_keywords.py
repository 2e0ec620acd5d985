"""STOP read the way people write it (issue 13.1 d), French and English."""

import pytest

from ancrage.messaging.keywords import classify_keyword

FRENCH_STOPS = [
    "stop svp", "STOP merci", "Stop, merci beaucoup !", "ARRÊT", "arrêt svp", "Arrêtez svp",
    "stop stop", "STOP STOP STOP", "S'il vous plaît, STOP", "stop les SMS", "Stop aux SMS !",
    "Désinscription", "STOP SMS merci", "stop 🙏",
]  # fmt: skip
ENGLISH_STOPS = [
    "stop please", "Please stop", "STOP thanks", "Stop, thank you", "unsubscribe please",
    "STOP 🛑", "🛑 STOP 🛑", "quit quit", "Cancel texts",
]  # fmt: skip
HIDDEN = [
    "stop\u200b", "\u200bSTOP", "st\u200bop", "S\u200dT\u200dO\u200dP", "stop\ufeff",
    "stop\u2060", "sto\u00adp", "STOP\ufe0f", "stop\u3164", "\u00a0stop\u202f",
    "ＳＴＯＰ", "𝐒𝐓𝐎𝐏", "Stop\u200b svp",
]  # fmt: skip
NOT_STOPS = [
    "On arrête pas là, STOP à la procrastination", "Merci, stop pour aujourd'hui",
    "je veux arrêter", "stopper", "stop it", "Stop the clock, I got the deal!",
    "arrête de me flatter 😄", "merci", "svp", "SMS", "🛑", "\u200b", "stop 2",
    "Please don't stop", "Je n'arrête pas de penser à ce devis",
]  # fmt: skip


@pytest.mark.parametrize("body", FRENCH_STOPS)
def test_a_french_stop_with_courtesy_is_a_stop(body):
    assert classify_keyword(body) == "stop"


@pytest.mark.parametrize("body", ENGLISH_STOPS)
def test_an_english_stop_with_courtesy_or_emoji_is_a_stop(body):
    assert classify_keyword(body) == "stop"


@pytest.mark.parametrize("body", HIDDEN)
def test_invisible_characters_and_fancy_letters_do_not_hide_a_stop(body):
    assert classify_keyword(body) == "stop"


@pytest.mark.parametrize("body", NOT_STOPS)
def test_a_sentence_that_merely_contains_stop_is_not_a_stop(body):
    assert classify_keyword(body) is None


@pytest.mark.parametrize(
    ("body", "keyword"),
    [
        ("START svp", "start"), ("Reprendre merci", "start"), ("start please", "start"),
        ("aide svp", "help"), ("HELP please", "help"), ("stop start", "stop"),
        ("start aide", None),
    ],
)  # fmt: skip
def test_start_and_help_take_courtesy_too_and_a_stop_wins_a_mix(body, keyword):
    assert classify_keyword(body) == keyword
