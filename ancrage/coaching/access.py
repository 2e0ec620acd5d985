"""Who sees what. Every query a view makes starts from the coach's own practice, and within
it from the clients this coach may see (docs/team.md):

- an owner sees every client of the practice;
- a coach sees the clients in their charge, the clients shared with them, and the clients
  nobody is in charge of yet (an unknown number that texted the practice), until assigned.

Anything else answers 404, never 403: a coach cannot tell a hidden client from a missing one."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
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


def visible_coachees(coach: Coach) -> QuerySet[Coachee]:
    """The one rule, for views (through coachees_of) and for code without a request."""
    coachees = Coachee.objects.filter(practice_id=coach.practice_id)
    if coach.is_owner:
        return coachees
    # Exists, not a join on shared_with: a join would repeat rows and skew counts (Count).
    shared = Coachee.shared_with.through.objects.filter(coachee_id=OuterRef("pk"), coach=coach)
    return coachees.filter(Q(coach=coach) | Q(coach__isnull=True) | Exists(shared))


def can_see(coach: Coach, coachee: Coachee) -> bool:
    return visible_coachees(coach).filter(pk=coachee.pk).exists()


def coachees_of(request: CoachRequest) -> QuerySet[Coachee]:
    return visible_coachees(request.coach)


M = TypeVar("M", bound=Model)


def about_visible_coachees(
    request: CoachRequest, queryset: QuerySet[M], via: str = "coachee"
) -> QuerySet[M]:
    """Rows of the practice (messages, check-ins, journal entries...) about a client this
    coach sees; `via` is the lookup from the row to its coachee ("engagement__coachee")."""
    return queryset.filter(
        practice=request.coach.practice, **{f"{via}__in": coachees_of(request).values("pk")}
    )


def coachee_or_404(request: CoachRequest, pk: int) -> Coachee:
    return get_object_or_404(coachees_of(request), pk=pk)
