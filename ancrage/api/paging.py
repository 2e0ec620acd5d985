"""Limit/offset pages with their total, in a stable order."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ancrage.api.params import PageParams


def page(queryset: QuerySet, params: PageParams) -> dict[str, Any]:
    count = queryset.count()
    items = list(queryset[params.offset : params.offset + params.limit])
    end = params.offset + len(items)
    return {
        "items": items,
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "next_offset": end if items and end < count else None,
    }
