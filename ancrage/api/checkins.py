"""Check-in answers as the clients wrote them, the practice's metrics, and their values."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from ancrage.api import scope
from ancrage.api.errors import ErrorOut
from ancrage.api.paging import page
from ancrage.api.params import MAX_ID, PageParams, Period
from ancrage.api.schemas import AnswerOut, MetricOut, MetricValueOut, page_of
from ancrage.checkins.models import Answer, MetricValue

router = Router(tags=["check-ins"])
READ_ERRORS = {frozenset({401, 422, 429}): ErrorOut}


class AnswerRow(AnswerOut):
    @staticmethod
    def resolve_coachee_id(answer: Answer) -> int:
        return answer.checkin.coachee_id

    @staticmethod
    def resolve_due_on(answer: Answer):
        return answer.checkin.due_on

    @staticmethod
    def resolve_question(answer: Answer) -> str | None:
        if answer.question is None:
            return None
        return answer.question.text(answer.checkin.coachee.language)


class MetricValueRow(MetricValueOut):
    @staticmethod
    def resolve_metric(value: MetricValue) -> str:
        return value.metric.key


@router.get("/checkins/answers", response={200: page_of(AnswerRow), **READ_ERRORS})
def list_answers(
    request: HttpRequest,
    paging: Query[PageParams],
    period: Query[Period],
    coachee_id: int | None = Query(None, ge=1, le=MAX_ID),
):
    """Replies read as check-in answers, oldest first; `since`/`until` on when they came."""
    found = scope.between(scope.answers(request), "created_at", period.since, period.until)
    if coachee_id is not None:
        found = found.filter(checkin__coachee_id=coachee_id)
    found = found.select_related("checkin__coachee", "question")
    return page(found.order_by("created_at", "id"), paging)


@router.get("/metrics", response={200: page_of(MetricOut), **READ_ERRORS})
def list_metrics(request: HttpRequest, paging: Query[PageParams]):
    """The numbers the practice follows (quotes sent, price asked, confidence...)."""
    return page(scope.metrics(request).order_by("position", "id"), paging)


@router.get("/metrics/values", response={200: page_of(MetricValueRow), **READ_ERRORS})
def list_metric_values(
    request: HttpRequest,
    paging: Query[PageParams],
    period: Query[Period],
    coachee_id: int | None = Query(None, ge=1, le=MAX_ID),
    metric: str | None = Query(
        None, max_length=40, pattern=r"^[-a-zA-Z0-9_]+$", description="A metric's key"
    ),
):
    """Measures over time, oldest first; `since`/`until` on the day measured."""
    found = scope.between_dates(
        scope.metric_values(request), "measured_on", period.since, period.until
    )
    if coachee_id is not None:
        found = found.filter(coachee_id=coachee_id)
    if metric is not None:
        found = found.filter(metric__key=metric)
    return page(found.select_related("metric").order_by("measured_on", "id"), paging)
