"""Check-in answers typed by SMS, read into values, on answers written for these tests."""

import gc
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ancrage.analysis.answers import KINDS, Reading, Slot, read_answer, read_slots


def value_of(text: str, kind: str, lang: str = "fr", **bounds: int) -> object:
    reading = read_answer(text, kind, lang, **bounds)
    assert reading.understood == (reading.value is not None)
    return reading.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("cinq", 5),
        ("trente et un", 31),
        ("vingt-deux devis", 22),
        ("quatre-vingt-dix contacts", 90),
        ("3 devis partis", 3),
        ("j'en ai envoyé 4", 4),
        ("J’en ai envoyé QUATRE !", 4),
        ("2 envoyés hier", 2),
        ("Trois devis envoyés !!", 3),
        ("rien cette semaine", 0),
        ("aucun", 0),
        ("Aucun malheureusement 😕", 0),
        ("zéro", 0),
        ("zero", 0),
        ("pas un seul", 0),
        ("pas de devis cette semaine", 0),
        ("rien de neuf", 0),  # « neuf » is new here, not nine
        ("un devis", 1),
        ("j'en ai envoyé un", 1),
        ("juste un", 1),
        ("une seule", 1),
        ("j'en ai eu qu'un", 1),
        ("environ 3", 3),
        ("3 devis, oui 3", 3),  # the same value twice is one value
        ("3️⃣", 3),
    ],
)
def test_french_counts_are_read_from_digits_and_words(text: str, expected: int) -> None:
    assert value_of(text, "number", "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("three", 3),
        ("forty two", 42),
        ("forty-two", 42),
        ("sent 4", 4),
        ("I called 12 people", 12),
        ("just one", 1),
        ("one", 1),
        ("nothing", 0),
        ("nothing this week", 0),
        ("none", 0),
        ("zero", 0),
        ("no deals", 0),
        ("not a single one", 0),
        ("about 5", 5),
    ],
)
def test_english_counts_are_read_from_digits_and_words(text: str, expected: int) -> None:
    assert value_of(text, "number", "en") == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("3 ou 4", "fr"),
        ("3 à 4", "fr"),
        ("7-8", "fr"),
        ("entre 2 et 5", "fr"),
        ("3, peut-être 4", "fr"),
        ("3 devis et 2 rendez-vous", "fr"),
        ("peut-être 3", "fr"),
        ("3 ?", "fr"),
        ("jsp trop", "fr"),
        ("j'ai eu un souci", "fr"),  # an article, not a count
        ("lui et un ami", "fr"),
        ("un peu", "fr"),
        ("2,5", "fr"),  # not a whole number
        ("-3", "fr"),
        ("3/4", "fr"),  # a ratio, not a count
        ("1er", "fr"),
        ("une dizaine", "fr"),  # about ten: « une » is no count here
        ("2 à 5", "fr"),
        ("three or four", "en"),
        ("between 2 and 5", "en"),
        ("3, maybe 4", "en"),
        ("I had an issue", "en"),
        ("2nd", "en"),
        ("👍", "fr"),
        ("", "fr"),
        ("   ", "en"),
        ("oui", "fr"),
    ],
)
def test_unclear_counts_are_not_guessed(text: str, lang: str) -> None:
    assert read_answer(text, "number", lang) == Reading("number", None, False)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("9/10", "fr", 9),
        ("6 sur 10", "fr", 6),
        ("neuf sur dix", "fr", 9),
        ("environ 7", "fr", 7),
        ("7,5", "fr", 7.5),
        ("7.5", "fr", 7.5),
        ("sept et demi", "fr", 7.5),
        ("8 !", "fr", 8),
        ("10/10", "fr", 10),
        ("je dirais un 7", "fr", 7),  # « un » before a mark is an article
        ("un bon 8", "fr", 8),
        ("4 sur 10 😞", "fr", 4),
        ("around 7", "en", 7),
        ("6 out of 10", "en", 6),
        ("nine out of ten", "en", 9),
        ("a solid 8", "en", 8),
        ("8!", "en", 8),
    ],
)
def test_marks_are_read_on_the_scale(text: str, lang: str, expected: float) -> None:
    assert value_of(text, "scale", lang) == expected


@pytest.mark.parametrize(
    "text",
    ["12", "0", "11/10", "4/5", "7 ou 8", "7-8", "entre 6 et 7", "peut-être 6", "bien", ""],
)
def test_marks_out_of_range_or_unclear_are_not_understood(text: str) -> None:
    assert read_answer(text, "scale", "fr") == Reading("scale", None, False)


def test_a_scale_takes_its_own_bounds() -> None:
    assert value_of("4/5", "scale", low=1, high=5) == 4
    assert value_of("0", "scale", low=0, high=5) == 0
    assert value_of("7", "scale", low=1, high=5) is None


@pytest.mark.parametrize(
    "text",
    [
        "oui", "ouais", "ouaip", "bien sûr", "carrément", "c'est fait", "c fait", "Fait !",
        "oui c'est envoyé", "oui cest envoye", "OUIII", "Oui, ce matin !", "oui pas de souci",
        "évidemment", "yes", "yeah", "yep", "sure", "done", "yesss", "of course",
        "yes sent it today", "👍", "✅",
    ],
)  # fmt: skip
def test_yes_is_read_in_french_and_english(text: str) -> None:
    assert value_of(text, "yesno") is True


@pytest.mark.parametrize(
    "text",
    [
        "non", "nan", "pas encore", "toujours pas", "non toujours pas", "absolument pas",
        "nan pas eu le temps", "pas vraiment", "NON", "nope", "nah", "no", "not yet", "still not",
        "not done", "absolutely not", "👎",
    ],
)  # fmt: skip
def test_no_is_read_in_french_and_english(text: str) -> None:
    assert value_of(text, "yesno") is False


@pytest.mark.parametrize(
    "text",
    [
        "oui et non", "peut-être", "bof", "mouais", "pas sûr", "en cours", "pas de souci",
        "oui mais pas encore signé", "maybe", "kind of", "yes and no", "I guess", "not sure",
        "🤷", "👀", "", "merci", "3",
    ],
)  # fmt: skip
def test_hedged_or_mixed_yes_no_is_not_guessed(text: str) -> None:
    assert read_answer(text, "yesno") == Reading("yesno", None, False)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("3 200 €", "fr", 3200),
        ("3200€", "fr", 3200),
        ("3\u202f200 €", "fr", 3200),  # narrow no-break space, as French keyboards type it
        ("3\u00a0200 €", "fr", 3200),
        ("3.200 €", "fr", 3200),
        ("1 234,50 €", "fr", 1234.5),
        ("2,5k", "fr", 2500),
        ("2.5k€", "fr", 2500),
        ("12 k€", "fr", 12000),
        ("900 euros TTC", "fr", 900),
        ("deux mille euros", "fr", 2000),
        ("mille euros", "fr", 1000),
        ("1 500 balles", "fr", 1500),
        ("2,5", "fr", 2.5),
        ("5 devis à 1 200 €", "fr", 1200),  # the amount, not the count
        ("environ 4k", "fr", 4000),
        ("$2,300", "fr", 2300),  # a dollar sign writes English
        ("$2,300", "en", 2300),
        ("2 300 $", "en", 2300),
        ("2,300", "en", 2300),
        ("£1,200", "en", 1200),
        ("$1,234.50", "en", 1234.5),
        ("3k", "en", 3000),
        ("two thousand dollars", "en", 2000),
        ("4,500 bucks", "en", 4500),
    ],
)
def test_amounts_are_read_in_currency_units(text: str, lang: str, expected: float) -> None:
    value = value_of(text, "money", lang)
    assert value == expected
    assert isinstance(value, int) == float(expected).is_integer()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("2,300", "fr"),  # 2,3 in French, 2 300 in English: not picked
        ("entre 2k et 3k", "fr"),
        ("$500 or $600", "en"),
        ("peut-être 900 €", "fr"),
        ("-200 €", "fr"),
        ("cher", "fr"),
    ],
)
def test_unclear_amounts_are_not_guessed(text: str, lang: str) -> None:
    assert read_answer(text, "money", lang) == Reading("money", None, False)


def test_text_is_understood_when_anything_is_written() -> None:
    assert read_answer("  Super semaine 🎉 \n", "text") == Reading("text", "Super semaine 🎉", True)
    assert read_answer(" \n\t", "text", "en") == Reading("text", None, False)


def test_a_reading_turns_into_json() -> None:
    assert read_answer("trois", "number").as_json() == {
        "kind": "number",
        "value": 3,
        "understood": True,
    }


def test_unknown_kinds_and_languages_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind 'date'"):
        read_answer("3", "date")
    with pytest.raises(ValueError, match="unknown lang 'de'"):
        read_answer("3", "number", "de")
    with pytest.raises(ValueError, match="unknown slot kind 'text'"):
        read_slots("3", [Slot("note", "text")])


def test_a_long_answer_is_read_like_a_short_one() -> None:
    filler = "la semaine a été chargée avec les clients et la compta, " * 18
    assert len(filler) > 1000
    assert value_of(filler + "bref 3 devis envoyés", "number") == 3
    assert value_of(filler + "bref 3 devis, peut-être 4", "number") is None


def test_reading_time_grows_linearly_with_the_length() -> None:
    unit = "trois devis et un signé à 2 300 €, 3 ou 4 relances, oui, "

    def seconds(repeats: int) -> float:
        """Best of three, CPU time of this process, collector paused: the algorithm's cost."""
        text, best = unit * repeats, float("inf")
        for _ in range(3):
            gc.disable()
            try:
                started = time.process_time()
                for kind in ("number", "scale", "yesno", "money"):
                    read_answer(text, kind)
                best = min(best, time.process_time() - started)
            finally:
                gc.enable()
        return best

    seconds(10)
    assert seconds(2000) < 25 * seconds(200) + 0.05  # 10× the text, not 100× the time


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(KINDS), st.sampled_from(("fr", "en")))
def test_any_text_gives_a_reading_never_an_exception(text: str, kind: str, lang: str) -> None:
    reading = read_answer(text, kind, lang)
    assert reading.kind == kind
    assert reading.understood == (reading.value is not None)


NUMBERS_AND_MONEY = st.lists(
    st.sampled_from(
        ["3", "1 200", "€", "$", "k", "un", "une", "et", "ou", "trois", "vingt", "mille", "sur",
         "/", ",", ".", "-", " ", "oui", "non", "pas", "peut-être", "one", "none", "\u202f"]
    ),
    max_size=25,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(NUMBERS_AND_MONEY, st.sampled_from(("fr", "en")))
def test_number_shaped_noise_gives_readings_never_an_exception(text: str, lang: str) -> None:
    for kind in KINDS:
        assert isinstance(read_answer(text, kind, lang), Reading)
    assert set(read_slots(text, SLOTS, lang)) == {"sent", "accepted", "price"}


SLOTS = [
    Slot("sent", "number", ("envoy", "parti", "sent", "out")),
    Slot("accepted", "number", ("accept", "sign", "won")),
    Slot("price", "money"),
]


def slot_values(text: str, lang: str = "fr", slots: list[Slot] = SLOTS) -> dict[str, object]:
    return {key: reading.value for key, reading in read_slots(text, slots, lang).items()}


@pytest.mark.parametrize(
    ("text", "lang", "sent", "accepted", "price"),
    [
        ("3 devis partis, 1 signé à 3 100 €", "fr", 3, 1, 3100),
        ("1 accepté sur 3 envoyés", "fr", 3, 1, None),  # by words, not by order
        ("3, 1, 3100€", "fr", 3, 1, 3100),  # by kind, then by order
        ("3 devis, 1, 3100", "fr", 3, 1, 3100),
        ("trois envoyés et un signé pour deux mille euros", "fr", 3, 1, 2000),
        ("envoyés : 5 ; signés : 2 ; 2,5k€", "fr", 5, 2, 2500),
        ("sent 4, none accepted", "en", 4, 0, None),
        ("4 out, 2 won at $5,000", "en", 4, 2, 5000),
        ("signed 1 of the 3 I sent", "en", 3, 1, None),
        ("5/2/3000", "fr", 5, 2, 3000),  # slashes between values, not a mark out of 2
        ("3 et 1 à 2500", "fr", 3, 1, 2500),  # « 1 à 2500 » is no range
        ("6 - 2 - 2800", "fr", 6, 2, 2800),
    ],
)
def test_several_values_are_matched_to_their_slots(text, lang, sent, accepted, price) -> None:
    assert slot_values(text, lang) == {"sent": sent, "accepted": accepted, "price": price}


def test_a_slot_not_found_is_not_understood_alone() -> None:
    readings = read_slots("3 envoyés", SLOTS)
    assert readings["sent"] == Reading("number", 3, True)
    assert readings["accepted"] == Reading("number", None, False)
    assert readings["price"] == Reading("money", None, False)


def test_an_unclear_slot_leaves_the_others_readable() -> None:
    assert slot_values("3 ou 4 envoyés, 1 signé") == {"sent": None, "accepted": 1, "price": None}
    assert slot_values("3 envoyés, peut-être 1 signé") == {
        "sent": 3,
        "accepted": None,
        "price": None,
    }


def test_a_value_named_for_something_else_never_fills_a_slot_by_order() -> None:
    assert slot_values("envoyés 3 dont 2 relancés") == {"sent": 3, "accepted": None, "price": None}


def test_yes_no_and_scale_slots_are_read_beside_counts() -> None:
    slots = [
        Slot("called", "yesno", ("appel", "called")),
        Slot("meetings", "number", ("rdv", "rendez")),
        Slot("energy", "scale", ("energie", "energy")),
    ]
    assert slot_values("oui j'ai appelé, 2 rdv, énergie 7/10", "fr", slots) == {
        "called": True,
        "meetings": 2,
        "energy": 7,
    }
    assert slot_values("pas encore appelé, energy 12", "en", slots) == {
        "called": False,
        "meetings": None,
        "energy": None,
    }


def test_importing_the_answer_reader_never_imports_django() -> None:
    code = (
        "import sys, ancrage.analysis.answers, ancrage.analysis.answers_cli;"
        "ancrage.analysis.answers.read_answer('trois', 'number');"
        "print([m for m in sys.modules if m.startswith('django')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
