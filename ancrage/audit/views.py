"""The practice owner's audit log: who did what, when, on which object."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ancrage.audit.forms import AuditFilterForm
from ancrage.audit.models import AuditEntry
from ancrage.coaching.access import CoachRequest, coach_required

PAGE_SIZE = 50


def entries_of(practice_id: int) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(practice_id=practice_id).select_related(
        "actor", "content_type"
    )


def _filtered(entries: QuerySet[AuditEntry], form: AuditFilterForm) -> QuerySet[AuditEntry]:
    data = form.cleaned_data
    if data.get("actor"):
        entries = entries.filter(actor=data["actor"])
    if data.get("event"):
        entries = entries.filter(event=data["event"])
    if data.get("since"):
        entries = entries.filter(timestamp__gte=_start_of(data["since"]))
    if data.get("until"):
        entries = entries.filter(timestamp__lt=_start_of(data["until"] + dt.timedelta(days=1)))
    return entries


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@coach_required
def audit_log(request: CoachRequest) -> HttpResponse:
    if not request.coach.is_owner:
        return render(request, "audit/owner_only.html", status=403)
    form = AuditFilterForm(request.GET or None, practice=request.coach.practice)
    entries = entries_of(request.coach.practice.pk)
    if form.is_bound and form.is_valid():
        entries = _filtered(entries, form)
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries.order_by("-timestamp", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "audit/log.html", {"form": form, "page": page, "query": query.urlencode()}
    )
