"""Every query of the API starts here, from the token's practice and, within it, from the
clients its coach may see in the app (coaching.access.visible_coachees, the one rule): a
token of practice B never reaches a row of practice A (tests/api/test_tenant_isolation.py
tries each endpoint)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from ancrage.api.auth import token_of
from ancrage.api.errors import not_found
from ancrage.checkins.models import Answer, Metric, MetricValue
from ancrage.coaching.access import visible_coachees
from ancrage.coaching.models import Coachee, Engagement, Practice
from ancrage.inbox.models import JournalEntry
from ancrage.messaging.models import Message


def practice_of(request: HttpRequest) -> Practice:
    return token_of(request).practice


def coachees(request: HttpRequest) -> QuerySet[Coachee]:
    return visible_coachees(token_of(request).coach).filter(practice=practice_of(request))


def _about_coachees(request: HttpRequest, queryset: QuerySet, via: str = "coachee") -> QuerySet:
    visible = coachees(request).values("pk")
    return queryset.filter(**{f"{via}__practice": practice_of(request), f"{via}__in": visible})


def coachee(request: HttpRequest, pk: int) -> Coachee:
    found = coachees(request).filter(pk=pk).first()
    if found is None:
        raise not_found()
    return found


def engagements(request: HttpRequest) -> QuerySet[Engagement]:
    return _about_coachees(request, Engagement.objects.filter(practice=practice_of(request)))


def messages(request: HttpRequest) -> QuerySet[Message]:
    return _about_coachees(request, Message.objects.filter(practice=practice_of(request)))


def answers(request: HttpRequest) -> QuerySet[Answer]:
    answers = Answer.objects.filter(checkin__practice=practice_of(request))
    return _about_coachees(request, answers, via="checkin__coachee")


def metrics(request: HttpRequest) -> QuerySet[Metric]:
    return Metric.objects.filter(practice=practice_of(request))


def metric_values(request: HttpRequest) -> QuerySet[MetricValue]:
    values = MetricValue.objects.filter(practice=practice_of(request))
    return _about_coachees(request, values)


def journal(request: HttpRequest) -> QuerySet[JournalEntry]:
    return _about_coachees(request, JournalEntry.objects.filter(practice=practice_of(request)))


def between(
    queryset: QuerySet, field: str, since: dt.datetime | None, until: dt.datetime | None
) -> QuerySet:
    """since <= field < until, on a DateTimeField."""
    if since is not None:
        queryset = queryset.filter(**{f"{field}__gte": since})
    if until is not None:
        queryset = queryset.filter(**{f"{field}__lt": until})
    return queryset


def between_dates(
    queryset: QuerySet, field: str, since: dt.datetime | None, until: dt.datetime | None
) -> QuerySet:
    """The same on a DateField, a day counting from its start (server's time zone): the day
    of `since` is in, the day of `until` too unless `until` is its midnight."""
    if since is not None:
        queryset = queryset.filter(**{f"{field}__gte": timezone.localtime(since).date()})
    if until is not None:
        local = timezone.localtime(until)
        lookup = "lt" if local.time() == dt.time(0, 0) else "lte"
        queryset = queryset.filter(**{f"{field}__{lookup}": local.date()})
    return queryset
