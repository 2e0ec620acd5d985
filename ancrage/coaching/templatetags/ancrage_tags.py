import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ancrage.lib.phone import pretty

register = template.Library()


@register.filter
def phone(value: str) -> str:
    """+33612345678 -> +33 6 12 34 56 78"""
    return pretty(value or "")


@register.filter
def in_zone(value: dt.datetime | None, tz_name: str) -> dt.datetime | None:
    """The wall-clock time in `tz_name` (naive, so `date` shows it as is); the server's zone
    when that name is not a usable time zone rather than an error page."""
    if value is None:
        return None
    try:
        zone: dt.tzinfo = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = timezone.get_current_timezone()
    return value.astimezone(zone).replace(tzinfo=None)


@register.simple_tag
def time_for(value: dt.datetime | None, coachee: Any, fmt: str = "SHORT_DATETIME_FORMAT") -> str:
    """A moment in the client's clock, and in the coach's when the two differ: « 08:00 pour
    Emma (09:00 pour vous) ». A time alone is ambiguous once client and coach live apart."""
    if value is None:
        return ""
    theirs = in_zone(value, coachee.timezone)
    assert theirs is not None  # value is not None
    yours = timezone.localtime(value).replace(tzinfo=None)
    shown = date_format(theirs, fmt)
    if theirs == yours:
        return shown
    same_day = theirs.date() == yours.date()
    params = {
        "theirs": shown,
        "name": (coachee.name or "").split(" ")[0] or coachee.name,
        "yours": date_format(yours, "H:i" if same_day else fmt),
    }
    return _("%(theirs)s for %(name)s (%(yours)s for you)") % params
