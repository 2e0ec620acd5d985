"""Attach the signed-in coach (and so the practice) to every request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from ancrage.coaching.models import Coach


class CurrentPracticeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.coach = None  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            request.coach = (  # type: ignore[attr-defined]
                Coach.objects.select_related("practice", "user").filter(user=request.user).first()
            )
        return self.get_response(request)
