"""The closing view of an engagement and the one-click taper. Every query starts from the
coachees the signed-in coach may see: another practice's engagement answers 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.autonomy.closing import closing_of
from ancrage.autonomy.services import CannotTaper, taper_enrolment
from ancrage.checkins.models import Enrolment
from ancrage.coaching.access import CoachRequest, coach_required, coachees_of
from ancrage.coaching.models import Engagement


def _lang() -> str:
    return "en" if (get_language() or "fr").startswith("en") else "fr"


@coach_required
def closing(request: CoachRequest, pk: int) -> HttpResponse:
    engagement = get_object_or_404(
        Engagement.objects.select_related("coachee", "coach__user"),
        coachee__in=coachees_of(request),
        pk=pk,
    )
    return render(request, "autonomy/closing.html", closing_of(engagement, _lang()))


@coach_required
@require_POST
def taper(request: CoachRequest, pk: int) -> HttpResponse:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("program", "engagement"),
        engagement__coachee__in=coachees_of(request),
        pk=pk,
    )
    try:
        taper_enrolment(enrolment.pk, request.coach)
        messages.success(request, _("Check-ins spaced out: %(program)s.") % {
            "program": enrolment.program.name(_lang())
        })  # fmt: skip
    except CannotTaper as error:
        messages.error(request, str(error))
    return redirect("coachee_detail", pk=enrolment.engagement.coachee_id)
