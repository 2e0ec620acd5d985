import pytest

from ancrage.lib.sms_encoding import GSM7, UCS2, fix_typography, sms_cost


@pytest.mark.parametrize(
    ("body", "encoding", "segments"),
    [
        ("Bonjour, à demain ! Prix : 120 EUR.", GSM7, 1),
        ("a" * 160, GSM7, 1),
        ("a" * 161, GSM7, 2),
        ("a" * 306, GSM7, 2),
        ("a" * 307, GSM7, 3),
        ("Ça avance", GSM7, 1),  # capital Ç is in the GSM-7 table
        ("Bravo, tu as été très forte à la fête", UCS2, 1),  # ê is not
        ("ê" * 70, UCS2, 1),
        ("ê" * 71, UCS2, 2),
        ("ê" * 134, UCS2, 2),
        ("ê" * 135, UCS2, 3),
        ("€" * 80, GSM7, 1),  # € takes two septets: 160
        ("€" * 81, GSM7, 2),
        ("", GSM7, 0),
    ],
)
def test_it_counts_encoding_and_segments_like_a_carrier(body, encoding, segments):
    cost = sms_cost(body)
    assert (cost.encoding, cost.segments) == (encoding, segments)


def test_capital_c_cedilla_is_gsm7_but_small_one_is_not():
    assert sms_cost("Ç").encoding == GSM7
    assert sms_cost("ç").encoding == UCS2


def test_it_names_the_characters_that_force_ucs2_once_each_in_order():
    cost = sms_cost("C’est « super » … vraiment ’")
    assert cost.ucs2_chars == ("’", "«", "»", "…")
    assert cost.fixable_chars == cost.ucs2_chars


def test_an_escape_pair_never_straddles_two_parts():
    # 152 plain septets then "€" (2 septets) must open a second part at 153.
    body = "a" * 152 + "€" + "a" * 10
    assert sms_cost(body).segments == 2
    assert sms_cost("a" * 152 + "€").segments == 1  # 154 septets < 160: still one SMS


def test_fixing_typography_keeps_accents_and_makes_the_text_gsm7():
    fixed = fix_typography("C’est l’été… « Génial » !")
    assert fixed == "C'est l'été... \"Génial\" !"
    assert sms_cost(fixed).encoding == GSM7


def test_fixing_typography_does_not_remove_accents_that_force_ucs2():
    fixed = fix_typography("Tu t’es surpassée, même à la fête")
    assert "ê" in fixed and sms_cost(fixed).encoding == UCS2
