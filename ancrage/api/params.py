"""Query parameters shared by the list endpoints: a page, a period, and text that the
databases can store (PostgreSQL refuses NUL; UTF-8 refuses lone surrogates)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, field_validator

MAX_ID = 2**63 - 1  # the largest primary key the databases hold
MAX_OFFSET = 1_000_000
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
FIRST_YEAR, LAST_YEAR = 1970, 2200  # beyond these a date is a mistake, and breaks SQL


def _storable(text: str) -> str:
    if "\x00" in text:
        raise ValueError("contains a NUL character (\\u0000), which cannot be stored")
    if any("\ud800" <= char <= "\udfff" for char in text):
        raise ValueError("contains a lone surrogate, which is not valid Unicode text")
    return text


StorableText = Annotated[str, AfterValidator(_storable)]


class PageParams(Schema):
    limit: int = Field(50, ge=1, le=200, description="How many items (1 to 200).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")


class Period(Schema):
    since: dt.datetime | None = Field(
        None, description="ISO 8601; items at or after it. Without an offset: server's time zone."
    )
    until: dt.datetime | None = Field(None, description="ISO 8601; items strictly before it.")

    @field_validator("since", "until", mode="before")
    @classmethod
    def _iso_8601(cls, value: object) -> object:
        # pydantic would read "0.5" as a Unix timestamp: only dates written out are taken.
        if isinstance(value, str) and not ISO_DATE.match(value):
            raise ValueError("use ISO 8601, e.g. 2026-12-01 or 2026-12-01T09:00:00+01:00")
        return value

    @field_validator("since", "until")
    @classmethod
    def _sensible(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is None:
            return None
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValueError(f"the year must be between {FIRST_YEAR} and {LAST_YEAR}")
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value
