"""Coach-facing pages for check-ins: programs, enrolments, curves, the practice overview.
Views parse, call one service, render; every query starts from the coach's practice."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.checkins import services
from ancrage.checkins.forms import EnrolmentForm, MetricForm, ProgramForm, QuestionForm, ValueForm
from ancrage.checkins.models import Checkin, Enrolment, Metric, MetricValue, Program, Question
from ancrage.checkins.progress import practice_overview
from ancrage.coaching.access import (
    CoachRequest,
    about_visible_coachees,
    coach_required,
    coachee_or_404,
    coachees_of,
)


def _lang() -> str:
    return "en" if (get_language() or "fr").startswith("en") else "fr"


def _flash_errors(request: CoachRequest, form: Any) -> None:
    """Errors of a form posted from another page, shown there as flash messages."""
    for errors in form.errors.values():
        messages.error(request, " ".join(str(error) for error in errors))


def _program_or_404(request: CoachRequest, pk: int) -> Program:
    return get_object_or_404(Program, practice=request.coach.practice, pk=pk)


# -- programs ---------------------------------------------------------------------------------
@coach_required
def program_list(request: CoachRequest) -> HttpResponse:
    practice = request.coach.practice
    form = MetricForm(request.POST or None, practice=practice)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Metric added."))
        return redirect("program_list")
    context = {
        "programs": Program.objects.filter(practice=practice).prefetch_related("questions"),
        "metrics": Metric.objects.filter(practice=practice),
        "metric_form": form,
    }
    return render(request, "checkins/program_list.html", context)


@coach_required
def program_create(request: CoachRequest) -> HttpResponse:
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.practice = request.coach.practice
        program = form.save()
        return redirect("program_edit", pk=program.pk)
    return render(request, "checkins/program_form.html", {"form": form})


@coach_required
def program_edit(request: CoachRequest, pk: int) -> HttpResponse:
    program = _program_or_404(request, pk)
    practice = request.coach.practice
    form = ProgramForm(request.POST or None, instance=program, prefix="program")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Changes saved."))
        return redirect("program_edit", pk=program.pk)
    questions = [
        (q, QuestionForm(instance=q, practice=practice, prefix=f"q{q.pk}"))
        for q in program.ordered_questions()
    ]
    context = {
        "program": program,
        "form": form,
        "questions": questions,
        "new_question": QuestionForm(practice=practice, prefix="new"),
    }
    return render(request, "checkins/program_edit.html", context)


@coach_required
@require_POST
def question_save(request: CoachRequest, pk: int, question_id: int | None = None) -> HttpResponse:
    program = _program_or_404(request, pk)
    question = get_object_or_404(program.questions, pk=question_id) if question_id else None
    prefix = f"q{question_id}" if question_id else "new"
    form = QuestionForm(
        request.POST, instance=question, practice=request.coach.practice, prefix=prefix
    )
    if not form.is_valid():
        _flash_errors(request, form)
        return redirect("program_edit", pk=program.pk)
    with transaction.atomic():
        saved = form.save(commit=False)
        saved.program = program
        if question is None:
            saved.position = (program.questions.aggregate(n=Max("position"))["n"] or 0) + 1
        saved.save()
        saved.slots.all().delete()
        for position, metric in enumerate(form.cleaned_data["metrics"]):
            saved.slots.create(metric=metric, position=position)
    messages.success(request, _("Question saved."))
    return redirect("program_edit", pk=program.pk)


@coach_required
@require_POST
def question_delete(request: CoachRequest, pk: int, question_id: int) -> HttpResponse:
    program = _program_or_404(request, pk)
    get_object_or_404(program.questions, pk=question_id).delete()
    messages.success(request, _("Question removed."))
    return redirect("program_edit", pk=program.pk)


@coach_required
@require_POST
def question_move(request: CoachRequest, pk: int, question_id: int) -> HttpResponse:
    program = _program_or_404(request, pk)
    ordered = program.ordered_questions()
    index = next((i for i, q in enumerate(ordered) if q.pk == question_id), None)
    if index is None:
        return HttpResponse(status=404)
    other = index - 1 if request.POST.get("direction") == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, question in enumerate(ordered):
            Question.objects.filter(pk=question.pk).update(position=position)
    return redirect("program_edit", pk=program.pk)


# -- enrolments and values --------------------------------------------------------------------
@coach_required
@require_POST
def enrol(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    engagement = coachee.current_engagement()
    form = EnrolmentForm(request.POST, practice=request.coach.practice)
    if engagement is None:
        messages.error(request, _("Start an engagement before sending check-ins."))
    elif not form.is_valid():
        _flash_errors(request, form)
    else:
        try:
            rule = {k: v for k, v in form.cleaned_data.items() if k != "program"}
            services.enrol(engagement, form.cleaned_data["program"], created_by=request.coach,
                           **rule)  # fmt: skip
            messages.success(request, _("Check-ins scheduled."))
        except services.CannotEnrol as error:
            messages.error(request, str(error))
    return redirect("coachee_detail", pk=coachee.pk)


@coach_required
@require_POST
def enrolment_stop(request: CoachRequest, pk: int) -> HttpResponse:
    enrolments = about_visible_coachees(request, Enrolment.objects.all(), "engagement__coachee")
    enrolment = get_object_or_404(enrolments, pk=pk)
    services.stop_enrolment(enrolment)
    messages.success(request, _("Check-ins stopped."))
    return redirect("coachee_detail", pk=enrolment.engagement.coachee_id)


@coach_required
@require_POST
def value_add(request: CoachRequest, pk: int) -> HttpResponse:
    coachee = coachee_or_404(request, pk)
    form = ValueForm(request.POST, practice=request.coach.practice)
    if form.is_valid():
        MetricValue.objects.create(
            practice=coachee.practice, coachee=coachee, source=MetricValue.Source.COACH,
            changed_by=request.coach, changed_at=timezone.now(), **form.cleaned_data,
        )  # fmt: skip
        messages.success(request, _("Value added."))
    else:
        _flash_errors(request, form)
    return redirect("coachee_detail", pk=coachee.pk)


@coach_required
@require_POST
def value_correct(request: CoachRequest, pk: int) -> HttpResponse:
    value = get_object_or_404(about_visible_coachees(request, MetricValue.objects.all()), pk=pk)
    form = ValueForm(
        {**request.POST.dict(), "metric": value.metric_id, "measured_on": value.measured_on},
        practice=request.coach.practice,
    )
    if form.is_valid():
        value.correct(form.cleaned_data["value"], request.coach, timezone.now())
        messages.success(request, _("Value corrected."))
    else:
        _flash_errors(request, form)
    return redirect("coachee_detail", pk=value.coachee_id)


# -- overview pages ---------------------------------------------------------------------------
@coach_required
def metrics_overview(request: CoachRequest) -> HttpResponse:
    metrics, rows = practice_overview(request.coach.practice, _lang(), coachees_of(request))
    return render(request, "checkins/metrics.html", {"metrics": metrics, "rows": rows})


@coach_required
def checkin_list(request: CoachRequest) -> HttpResponse:
    """What goes out next and what came back, unclear answers first."""
    base = about_visible_coachees(request, Checkin.objects.all()).select_related(
        "coachee", "enrolment__program"
    )
    context = {
        "needs_coach": base.filter(status=Checkin.Status.NEEDS_COACH).order_by("-finished_at")[:50],
        "upcoming": base.filter(status=Checkin.Status.SCHEDULED).order_by("due_at")[:100],
        "recent": base.exclude(status=Checkin.Status.SCHEDULED).order_by("-due_at")[:100],
        "problems": about_visible_coachees(request, Enrolment.objects.all(), "engagement__coachee")
        .filter(is_active=True)
        .exclude(problem="")
        .select_related("engagement__coachee"),
    }
    return render(request, "checkins/checkin_list.html", context)
