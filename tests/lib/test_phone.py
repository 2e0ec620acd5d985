import pytest

from ancrage.lib.phone import InvalidPhoneNumber, pretty, to_e164


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("06 12 34 56 78", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("0033612345678", "+33612345678"),
        ("07.45.67.89.01", "+33745678901"),
        ("+44 7911 123456", "+447911123456"),
    ],
)
def test_it_stores_numbers_as_e164_with_france_as_default_region(raw, e164, settings):
    assert to_e164(raw) == e164


@pytest.mark.parametrize("raw", ["06 12", "+33 6 12 34 56 78 9", "abc", "", "06 12 34 56 7x"])
def test_it_refuses_numbers_that_cannot_receive_sms(raw, settings):
    with pytest.raises(InvalidPhoneNumber):
        to_e164(raw)


def test_it_formats_numbers_for_people():
    assert pretty("+33612345678") == "+33 6 12 34 56 78"
