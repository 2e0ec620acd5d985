"""Properties of the segment counter in ancrage.lib.sms_encoding."""

from hypothesis import given
from hypothesis import strategies as st

from ancrage.lib.sms_encoding import GSM7, MAX_SEGMENTS, UCS2, fix_typography, sms_cost

# Single-septet GSM-7 characters (basic table, no escape-extension characters).
GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = "^{}\\[~]|€"
FRENCH_TEXT = st.text(
    alphabet=GSM_BASIC + GSM_EXTENSION + "êâîôûçœëï’«»…\u202f\u00a0–—🙂", max_size=400
)


@given(FRENCH_TEXT, st.characters())
def test_appending_a_character_never_decreases_the_segments(body, char):
    assert sms_cost(body + char).segments >= sms_cost(body).segments


@given(st.text(alphabet=GSM_BASIC, min_size=1, max_size=160))
def test_gsm7_text_up_to_160_septets_is_one_segment(body):
    cost = sms_cost(body)

    assert (cost.encoding, cost.units, cost.segments) == (GSM7, len(body), 1)


@given(st.text(alphabet=GSM_BASIC, min_size=161, max_size=306))
def test_gsm7_text_from_161_to_306_septets_is_two_segments(body):
    assert sms_cost(body).segments == 2


@given(st.text(alphabet=GSM_BASIC + "ê", min_size=1, max_size=69))
def test_one_circumflex_makes_short_text_ucs2_but_still_one_segment(body):
    cost = sms_cost(body + "ê")

    assert cost.encoding == UCS2 and cost.segments == 1
    assert "ê" in cost.ucs2_chars


@given(FRENCH_TEXT)
def test_fix_typography_never_changes_letters_or_digits(body):
    def letters(text: str) -> list[str]:
        return [c for c in text if c.isalnum()]

    assert letters(fix_typography(body)) == letters(body)


@given(FRENCH_TEXT)
def test_fix_typography_leaves_nothing_fixable_and_is_idempotent(body):
    fixed = fix_typography(body)

    assert sms_cost(fixed).fixable_chars == ()
    assert fix_typography(fixed) == fixed


@given(FRENCH_TEXT)
def test_fixing_typography_never_costs_more_segments(body):
    assert sms_cost(fix_typography(body)).segments <= sms_cost(body).segments or (
        "…" in body  # "..." is three characters where "…" was one
    )


@given(FRENCH_TEXT)
def test_the_segment_count_is_consistent_with_the_units(body):
    cost = sms_cost(body)
    single = 160 if cost.encoding == GSM7 else 70

    assert (cost.segments == 0) == (body == "")
    assert (cost.segments <= 1) == (cost.units <= single)
    assert cost.too_long == (cost.segments > MAX_SEGMENTS)
