"""Coach-facing pages: coachee list, coachee page with thread, forms. Views parse, call, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.checkins.forms import EnrolmentForm, ValueForm
from ancrage.checkins.progress import coachee_panel
from ancrage.checkins.services import enrol_in_intake
from ancrage.coaching.access import CoachRequest, coach_required, coachee_or_404, coachees_of
from ancrage.coaching.forms import CoacheeForm, EngagementForm, NoteForm
from ancrage.coaching.models import Engagement
from ancrage.inbox.forms import JournalForm
from ancrage.inbox.services import journal_of
from ancrage.messaging.forms import MessageForm
from ancrage.messaging.models import Message
from ancrage.messaging.services import thread_of


@coach_required
def coachee_list(request: CoachRequest) -> HttpResponse:
    last = Message.objects.filter(coachee=OuterRef("pk")).order_by("-created_at", "-id")
    current = Engagement.objects.filter(coachee=OuterRef("pk")).order_by("-started_on", "-id")
    coachees = coachees_of(request).annotate(
        last_body=Subquery(last.values("body")[:1]),
        last_at=Subquery(last.values("created_at")[:1]),
        stage=Subquery(current.values("status")[:1]),
        unread=Count(
            "messages",
            filter=Q(messages__direction=Message.Direction.INBOUND, messages__read_at__isnull=True),
        ),
    )
    stages = dict(Engagement.Status.choices)
    rows: list[Any] = list(coachees)
    for coachee in rows:  # the label once here, not looked up per row in the template
        coachee.stage_label = stages.get(coachee.stage, "")
    return render(request, "coaching/coachee_list.html", {"coachees": rows})


@coach_required
def coachee_create(request: CoachRequest) -> HttpResponse:
    form = CoacheeForm(request.POST or None, practice=request.coach.practice)
    if request.method == "POST" and form.is_valid():
        coachee = form.save()
        engagement = Engagement.objects.create(
            practice=coachee.practice, coach=request.coach, coachee=coachee
        )
        if request.POST.get("send_intake"):
            enrol_in_intake(engagement, request.coach)
        messages.success(request, _("%(name)s was added.") % {"name": coachee.name})
        return redirect("coachee_detail", pk=coachee.pk)
    return render(request, "coaching/coachee_form.html", {"form": form, "coachee": None})


@coach_required
def coachee_edit(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    form = CoacheeForm(request.POST or None, instance=coachee, practice=request.coach.practice)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Changes saved."))
        return redirect("coachee_detail", pk=coachee.pk)
    return render(request, "coaching/coachee_form.html", {"form": form, "coachee": coachee})


@coach_required
def coachee_detail(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    engagement = coachee.current_engagement()
    context = {
        "coachee": coachee,
        "engagement": engagement,
        "thread": thread_of(coachee, mark_read=True),
        "form": MessageForm(coachee=coachee),
        "engagement_form": EngagementForm(instance=engagement) if engagement else None,
        "note_form": NoteForm(prefix="note"),
        "notes": engagement.notes.all()[:20] if engagement else [],
        "enrolment_form": EnrolmentForm(
            practice=coachee.practice, initial={"start_on": timezone.localdate()}
        ),
        "value_form": ValueForm(
            practice=coachee.practice, initial={"measured_on": timezone.localdate()}
        ),
        **coachee_panel(coachee, "en" if get_language().startswith("en") else "fr"),
        "journal": journal_of(coachee),
        "journal_form": JournalForm(),
    }
    return render(request, "coaching/coachee_detail.html", context)


def _engagement_or_404(request: CoachRequest, pk: int) -> Engagement:
    return get_object_or_404(Engagement, practice=request.coach.practice, pk=pk)


@coach_required
@require_POST
def engagement_move(request: CoachRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(request, pk)
    try:
        engagement.move_to(request.POST.get("status", ""))
    except ValueError:
        messages.error(request, _("This status change is not possible."))
    return redirect("coachee_detail", pk=engagement.coachee_id)


@coach_required
@require_POST
def engagement_update(request: CoachRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(request, pk)
    form = EngagementForm(request.POST, instance=engagement)
    if form.is_valid():
        form.save()
        messages.success(request, _("Intentions saved."))
    return redirect("coachee_detail", pk=engagement.coachee_id)


@coach_required
@require_POST
def note_add(request: CoachRequest, pk: int) -> HttpResponse:
    engagement = _engagement_or_404(request, pk)
    form = NoteForm(request.POST, prefix="note")
    if form.is_valid():
        form.instance.practice = engagement.practice
        form.instance.engagement = engagement
        form.instance.author = request.coach
        form.save()
    else:
        messages.error(request, _("A note cannot be empty."))
    return redirect("coachee_detail", pk=engagement.coachee_id)


@coach_required
@require_POST
def engagement_start(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    engagement = Engagement.objects.create(
        practice=coachee.practice, coach=request.coach, coachee=coachee
    )
    enrol_in_intake(engagement, request.coach)
    return redirect("coachee_detail", pk=coachee.pk)
