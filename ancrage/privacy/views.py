"""Export and erasure of one client, and the practice's personal-data page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.audit.events import record
from ancrage.audit.models import Event
from ancrage.coaching.access import CoachRequest, coach_required, coachee_or_404
from ancrage.coaching.models import Coach, Coachee
from ancrage.privacy.erase import AlreadyErased, erase_coachee
from ancrage.privacy.export import SECTIONS, export_coachee
from ancrage.privacy.forms import EraseForm, RetentionForm
from ancrage.privacy.models import Erasure, RetentionSetting
from ancrage.privacy.stored import STORED
from ancrage.privacy.tasks import ensure_retention


def may_handle(coach: Coach, coachee: Coachee) -> bool:
    """Export and erasure: the owner, or a coach in charge of the client."""
    if coach.is_owner or getattr(coachee, "coach_id", None) == coach.pk:
        return True
    return coachee.engagements.filter(coach=coach).exists()


def _refused(request: CoachRequest, coachee: Coachee) -> HttpResponse:
    return render(request, "privacy/refused.html", {"coachee": coachee}, status=403)


@require_POST
@coach_required
def export(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    if not may_handle(request.coach, coachee):
        return _refused(request, coachee)
    data = export_coachee(coachee, request.coach)
    record(
        Event.EXPORTED,
        practice=coachee.practice_id,
        target=coachee,
        actor=request.user,
        detail={"files": len(SECTIONS) + 2},
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="ancrage-client-{pk}-{stamp}.zip"'
    return response


@coach_required
def erase(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    if not may_handle(request.coach, coachee):
        return _refused(request, coachee)
    if Erasure.objects.filter(coachee=coachee).exists():
        messages.info(request, _("This client's personal data was already erased."))
        return redirect("coachee_detail", pk=pk)
    form = EraseForm(request.POST or None, coachee=coachee)
    if request.method == "POST" and form.is_valid():
        try:
            erase_coachee(coachee, actor=request.user)
        except AlreadyErased:  # a double click: the first one did it
            pass
        messages.success(request, _("The client's personal data was erased."))
        return redirect("coachee_detail", pk=pk)
    status = 400 if form.is_bound else 200
    return render(request, "privacy/erase.html", {"coachee": coachee, "form": form}, status=status)


def stored_rows() -> list[dict[str, str]]:
    days = {"days": settings.WEBHOOK_RETENTION_DAYS}
    return [{"what": str(k.what), "why": str(k.why), "until": str(k.until) % days} for k in STORED]


@coach_required
def personal_data(request: CoachRequest) -> HttpResponse:
    """What is stored and why; the owner sets the retention rule here."""
    practice = request.coach.practice
    setting, _created = RetentionSetting.objects.get_or_create(practice=practice)
    form = RetentionForm(request.POST or None, instance=setting)
    if request.method == "POST":
        if not request.coach.is_owner:
            return render(request, "privacy/owner_only.html", status=403)
        if form.is_valid():
            if form.save().alumni_months:
                ensure_retention()
            messages.success(request, _("Retention rule saved."))
            return redirect("privacy_personal_data")
    return render(
        request,
        "privacy/personal_data.html",
        {
            "form": form,
            "setting": setting,
            "is_owner": request.coach.is_owner,
            "stored": stored_rows(),
        },
        status=400 if form.is_bound and form.errors else 200,
    )
