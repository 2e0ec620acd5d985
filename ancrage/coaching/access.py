"""Tenant scoping: every query a view makes starts from the coach's own practice."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django_htmx.middleware import HtmxDetails

from ancrage.coaching.models import Coach, Coachee


class CoachRequest(HttpRequest):
    """What views behind @coach_required receive (set by our middleware and django-htmx)."""

    coach: Coach
    htmx: HtmxDetails


def coach_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in AND a member of a practice; anything else sees no practice data."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.coach is None:  # type: ignore[attr-defined]
            return render(request, "no_practice.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def coachees_of(request: CoachRequest) -> QuerySet[Coachee]:
    return Coachee.objects.filter(practice=request.coach.practice)


def coachee_or_404(request: CoachRequest, pk: int) -> Coachee:
    return get_object_or_404(coachees_of(request), pk=pk)
