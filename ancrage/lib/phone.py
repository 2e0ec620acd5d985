"""Phone numbers: parsed with `phonenumbers` (default region FR), stored as E.164."""

from __future__ import annotations

import phonenumbers
from django.conf import settings


class InvalidPhoneNumber(ValueError):
    pass


def to_e164(raw: str, region: str | None = None) -> str:
    """'06 12 34 56 78' -> '+33612345678'; raises InvalidPhoneNumber with the reason."""
    text = (raw or "").strip()
    if not text:
        raise InvalidPhoneNumber("empty")
    try:
        number = phonenumbers.parse(text, region or settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber(str(exc)) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneNumber("not a valid number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def pretty(e164: str) -> str:
    """'+33612345678' -> '+33 6 12 34 56 78' for display."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# Number types that cannot receive an SMS. FIXED_LINE_OR_MOBILE (North America) and VOIP
# may: some can, and refusing them would block real clients.
NOT_TEXTABLE = {
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.VOICEMAIL,
}


def can_receive_sms(e164: str) -> bool:
    """False for a landline (01 42 68 53 00), a toll-free or premium number."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.number_type(number) not in NOT_TEXTABLE


def timezones_of(e164: str) -> list[str]:
    """The IANA zones of the number's country or area, the likeliest first: Europe/Paris for
    a French number; the UK's four zones (one clock) with Europe/London first."""
    from phonenumbers import timezone as number_zones

    number = phonenumbers.parse(e164, None)
    zones = [
        name
        for name in number_zones.time_zones_for_number(number)
        if name != number_zones.UNKNOWN_TIMEZONE
    ]
    preferred = MAIN_ZONE.get(number.country_code or 0)
    return sorted(zones, key=lambda name: name != preferred)


def default_timezone(e164: str) -> str | None:
    """The zone to assume for this number, or None when its country has several clocks
    and none is the obvious one (an Australian mobile: Perth or Sydney?): the coach chooses."""
    zones = timezones_of(e164)
    if not zones:
        return None
    one_clock = len({_offsets(name) for name in zones}) == 1
    if one_clock or zones[0] in MAIN_ZONE.values():
        return zones[0]
    return None


# By country calling code, the zone most of the country's mobiles are in (UK numbers are
# also Guernsey's and Jersey's; Spain's also the Canaries').
MAIN_ZONE = {44: "Europe/London", 33: "Europe/Paris", 34: "Europe/Madrid", 351: "Europe/Lisbon"}


def _offsets(name: str) -> tuple:
    """A zone's UTC offsets in winter and in summer: equal tuples mean the same clock."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(name)
    return tuple(dt.datetime(2026, month, 15, 12, tzinfo=zone).utcoffset() for month in (1, 7))
