"""The wins and thanks journal of the practice's clients."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router

from ancrage.api import scope
from ancrage.api.errors import ErrorOut
from ancrage.api.paging import page
from ancrage.api.params import MAX_ID, PageParams, Period
from ancrage.api.schemas import JournalEntryOut, page_of

router = Router(tags=["journal"])


@router.get(
    "/journal",
    response={200: page_of(JournalEntryOut), frozenset({401, 422, 429}): ErrorOut},
)
def list_journal(
    request: HttpRequest,
    paging: Query[PageParams],
    period: Query[Period],
    coachee_id: int | None = Query(None, ge=1, le=MAX_ID),
    kind: Literal["win", "gratitude"] | None = None,
):
    """Entries, latest first; `since`/`until` on when the win or thanks happened."""
    found = scope.between(scope.journal(request), "occurred_at", period.since, period.until)
    if coachee_id is not None:
        found = found.filter(coachee_id=coachee_id)
    if kind is not None:
        found = found.filter(kind=kind)
    return page(found.order_by("-occurred_at", "-id"), paging)
