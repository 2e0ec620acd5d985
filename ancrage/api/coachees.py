"""Clients and their engagements (read only)."""

from __future__ import annotations

from typing import Literal

from django.db.models.functions import Lower
from django.http import HttpRequest
from ninja import Path, Query, Router

from ancrage.api import scope
from ancrage.api.errors import ErrorOut, not_found
from ancrage.api.paging import page
from ancrage.api.params import MAX_ID, PageParams, Period
from ancrage.api.schemas import CoacheeOut, EngagementOut, page_of

router = Router(tags=["coachees"])
READ_ERRORS = {frozenset({401, 404, 422, 429}): ErrorOut}


@router.get("/coachees", response={200: page_of(CoacheeOut), **READ_ERRORS})
def list_coachees(request: HttpRequest, paging: Query[PageParams], period: Query[Period]):
    """The practice's clients by name; `since`/`until` filter on when they were added."""
    found = scope.between(scope.coachees(request), "created_at", period.since, period.until)
    return page(found.order_by(Lower("name"), "id"), paging)


@router.get("/coachees/{coachee_id}", response={200: CoacheeOut, **READ_ERRORS})
def get_coachee(request: HttpRequest, coachee_id: int = Path(..., ge=1, le=MAX_ID)):
    return scope.coachee(request, coachee_id)


@router.get("/engagements", response={200: page_of(EngagementOut), **READ_ERRORS})
def list_engagements(
    request: HttpRequest,
    paging: Query[PageParams],
    period: Query[Period],
    coachee_id: int | None = Query(None, ge=1, le=MAX_ID),
    status: Literal["intake", "active", "closing", "alumni"] | None = None,
):
    """Engagements, latest start first; `since`/`until` filter on the start date."""
    found = scope.between_dates(
        scope.engagements(request), "started_on", period.since, period.until
    )
    if coachee_id is not None:
        found = found.filter(coachee_id=coachee_id)
    if status is not None:
        found = found.filter(status=status)
    return page(found.order_by("-started_on", "-id"), paging)


@router.get("/engagements/{engagement_id}", response={200: EngagementOut, **READ_ERRORS})
def get_engagement(request: HttpRequest, engagement_id: int = Path(..., ge=1, le=MAX_ID)):
    found = scope.engagements(request).filter(pk=engagement_id).first()
    if found is None:
        raise not_found()
    return found
