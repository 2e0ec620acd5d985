import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.utils import timezone

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
