"""The coach's home page (the inbox), the journal, reply suggestions and the draft check.
Views parse, call one service, render; every query starts from the coach's practice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ancrage.coaching.access import (
    CoachRequest,
    about_visible_coachees,
    coach_required,
    coachee_or_404,
    coachees_of,
)
from ancrage.coaching.models import Engagement
from ancrage.inbox import services
from ancrage.inbox.drafts import check_draft
from ancrage.inbox.forms import JournalForm, SunshineForm
from ancrage.inbox.models import Category, JournalEntry

MAX_DRAFT = 2000  # characters checked; the composer refuses longer SMS anyway


@coach_required
@require_GET
def inbox(request: CoachRequest) -> HttpResponse:
    filters = services.Filters(
        category=request.GET.get("category", "")
        if request.GET.get("category") in Category.values
        else "",
        stage=request.GET.get("stage", "")
        if request.GET.get("stage") in Engagement.Status.values
        else "",
        search=request.GET.get("q", "").strip()[:60],
    )
    rows: list[Any] = services.inbox(coachees_of(request), filters)  # annotated coachees
    category_labels, stage_labels = dict(Category.choices), dict(Engagement.Status.choices)
    for row in rows:  # labels looked up once here, not in a template loop per row
        row.category_label = category_labels.get(row.category, "")
        row.stage_label = stage_labels.get(row.stage, "")
    context = {
        "rows": rows,
        "filters": filters,
        "categories": Category.choices,
        "stages": Engagement.Status.choices,
        "sunshine_form": SunshineForm(instance=services.sunshine_setting(request.coach)),
    }
    return render(request, "inbox/inbox.html", context)


@coach_required
@require_POST
def sunshine_save(request: CoachRequest) -> HttpResponse:
    form = SunshineForm(request.POST, instance=services.sunshine_setting(request.coach))
    if form.is_valid():
        form.save()
        messages.success(request, _("Your e-mail preference is saved."))
    return redirect("inbox")


@coach_required
@require_GET
def suggestions(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    try:
        category, replies = services.suggest_replies(coachee)
    except services.NothingToAnswer:
        category, replies = "", []
    label = Category(category).label if category in Category.values else ""
    answered = services.answered_since_latest_inbound(coachee)
    context = {
        "coachee": coachee, "category": category, "label": label, "replies": replies,
        "answered": answered,
    }  # fmt: skip
    return render(request, "inbox/_suggestions.html", context)


@coach_required
@require_GET
def draft_check(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    latest = services.latest_inbound(coachee)
    replying_to = services.reply_frame(services.triage_message(latest)) if latest else None
    check = check_draft(request.GET.get("body", "")[:MAX_DRAFT], coachee.language, replying_to)
    context = {"check": check, "replying_to": replying_to}
    return render(request, "inbox/_draft_check.html", context)


@coach_required
@require_POST
def journal_add(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    form = JournalForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        at = data.get("occurred_on")
        when = timezone.make_aware(dt.datetime.combine(at, dt.time(12))) if at else timezone.now()
        services.add_entry(coachee, request.coach, data["kind"], data["text"], when)
        messages.success(request, _("Added to the journal."))
    else:
        messages.error(request, _("A journal entry needs a kind and some text."))
    return redirect("coachee_detail", pk=coachee.pk)


def _entry_or_404(request: CoachRequest, pk: int) -> JournalEntry:
    return get_object_or_404(about_visible_coachees(request, JournalEntry.objects.all()), pk=pk)


@coach_required
@require_POST
def journal_edit(request: CoachRequest, pk: int) -> HttpResponse:
    entry = _entry_or_404(request, pk)
    form = JournalForm(request.POST)
    if form.is_valid():
        entry.kind, entry.text = form.cleaned_data["kind"], form.cleaned_data["text"]
        entry.save(update_fields=["kind", "text"])
        messages.success(request, _("Journal entry saved."))
    else:
        messages.error(request, _("A journal entry needs a kind and some text."))
    return redirect("coachee_detail", pk=entry.coachee_id)


@coach_required
@require_POST
def journal_delete(request: CoachRequest, pk: int) -> HttpResponse:
    entry = _entry_or_404(request, pk)
    entry.delete()
    messages.success(request, _("Journal entry removed."))
    return redirect("coachee_detail", pk=entry.coachee_id)
