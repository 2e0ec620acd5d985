"""Coach-facing pages: coachee list, coachee page with thread, forms. Views parse, call, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ancrage.checkins.forms import EnrolmentForm, ValueForm
from ancrage.checkins.progress import coachee_panel
from ancrage.checkins.services import enrol_in_intake
from ancrage.coaching.access import (
    CoachRequest,
    about_visible_coachees,
    coach_required,
    coachee_or_404,
    coachees_of,
)
from ancrage.coaching.forms import CoacheeForm, EngagementForm, NoteForm, suggest_timezone
from ancrage.coaching.models import Engagement
from ancrage.consent.services import record_consent_obtained
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


OPTED_OUT_NUMBER = gettext_lazy(
    "This number said STOP to your practice earlier: no SMS will reach it until the client "
    "texts START from this phone."
)


@coach_required
def coachee_create(request: CoachRequest) -> HttpResponse:
    form = CoacheeForm(request.POST or None, practice=request.coach.practice, coach=request.coach)
    if request.method == "POST" and form.is_valid():
        form.instance.coach = request.coach  # whoever adds a client is in charge of them
        coachee = form.save()
        engagement = Engagement.objects.create(
            practice=coachee.practice, coach=request.coach, coachee=coachee
        )
        consent = record_consent_obtained(
            coachee,
            form.cleaned_data["consent_method"],
            form.cleaned_data["consent_obtained_on"],
            request.user,
        )
        if request.POST.get("send_intake"):
            enrol_in_intake(engagement, request.coach)
        messages.success(request, _("%(name)s was added.") % {"name": coachee.name})
        if consent is None:
            messages.warning(request, OPTED_OUT_NUMBER)
        return redirect("coachee_detail", pk=coachee.pk)
    return render(request, "coaching/coachee_form.html", {"form": form, "coachee": None})


@coach_required
@require_GET
def timezone_for_phone(request: CoachRequest) -> HttpResponse:
    """HTMX, as the coach types the number: the time zone field filled with the zone of the
    number's country, unless the coach chose another one themselves."""
    form = CoacheeForm(practice=request.coach.practice)
    current = request.GET.get("timezone", "").strip()
    suggested = suggest_timezone(request.GET.get("phone", ""), current, request.GET.get("tz_auto"))
    form.initial["timezone"] = suggested if suggested is not None else current
    context = {"field": form["timezone"], "auto": suggested or ""}
    return render(request, "coaching/_timezone_field.html", context)


@coach_required
def coachee_edit(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    form = CoacheeForm(
        request.POST or None, instance=coachee, practice=request.coach.practice, coach=request.coach
    )
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
    return get_object_or_404(about_visible_coachees(request, Engagement.objects.all()), pk=pk)


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
    in_charge = coachee.coach or request.coach
    if coachee.coach is None:  # starting an engagement takes an unassigned client in charge
        coachee.coach = in_charge
        coachee.save(update_fields=["coach"])
    engagement = Engagement.objects.create(
        practice=coachee.practice, coach=in_charge, coachee=coachee
    )
    enrol_in_intake(engagement, request.coach)
    return redirect("coachee_detail", pk=coachee.pk)
