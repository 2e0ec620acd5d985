"""Triage of inbound SMS, the journal, the inbox listing and the reply suggestions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import DateTimeField, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from ancrage.analysis.triage import triage
from ancrage.checkins.models import Answer, Metric, MetricValue
from ancrage.checkins.sms_texts import format_value
from ancrage.coaching.models import Coach, Coachee, Engagement, Practice
from ancrage.inbox import suggestions
from ancrage.inbox.models import Category, JournalEntry, SunshineNotice, SunshineSetting, Triage
from ancrage.lib.phone import InvalidPhoneNumber, to_e164
from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.keywords import classify_keyword
from ancrage.messaging.models import Message

SUNSHINE = {Category.GRATITUDE: JournalEntry.Kind.GRATITUDE, Category.WIN: JournalEntry.Kind.WIN}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


# -- triage -----------------------------------------------------------------------------------
def triage_message(message: Message) -> Triage:
    """Triage one inbound SMS once; wins and thanks go to the journal (and to the coach)."""
    existing = Triage.objects.filter(message=message).first()
    if existing is not None:
        return existing
    keyword = classify_keyword(message.body)
    category: str
    if keyword == "stop":
        category, categories, scores = Category.OPT_OUT.value, [Category.OPT_OUT.value], {}
    else:
        result = triage(message.body, message.coachee.language)
        categories, scores = result.categories, result.scores
        category = _first_for_the_coach(result.category, categories)
        categories = [category, *(c for c in categories if c != category)] if categories else []
    try:
        with transaction.atomic():
            found = Triage.objects.create(
                message=message, practice_id=message.practice_id, coachee_id=message.coachee_id,
                category=category, categories=categories,
                scores={k: round(v, 3) for k, v in scores.items()},
            )  # fmt: skip
    except IntegrityError:  # a concurrent run triaged it first
        return Triage.objects.get(message=message)
    for name in categories:
        if name in SUNSHINE:
            _journal_from_sms(message, SUNSHINE[Category(name)])
    return found


def _journal_from_sms(message: Message, kind: str) -> None:
    try:
        with transaction.atomic():
            entry = JournalEntry.objects.create(
                practice_id=message.practice_id, coachee_id=message.coachee_id,
                engagement_id=message.engagement_id, kind=kind, text=message.body,
                message=message, occurred_at=message.created_at,
            )  # fmt: skip
    except IntegrityError:
        return
    from ancrage.inbox.notify import queue_sunshine

    queue_sunshine(entry)


# -- the inbox --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    category: str = ""
    stage: str = ""
    search: str = ""


def inbox(among: Practice | QuerySet[Coachee], filters: Filters = Filters()) -> list[Coachee]:
    """Every coachee of the practice, or of `among` (those the signed-in coach may see): those
    waiting for the coach first (oldest unanswered SMS first), then the rest by last activity.
    A constant number of queries, whatever the practice's size."""
    coachees = among if isinstance(among, QuerySet) else Coachee.objects.filter(practice=among)
    rows: list[Any] = list(_annotated(coachees, filters))  # with the annotations below
    waiting = sorted((c for c in rows if c.waiting_since), key=lambda c: c.waiting_since)
    rest = sorted(
        (c for c in rows if not c.waiting_since), key=lambda c: c.last_at or EPOCH, reverse=True
    )
    return waiting + rest


def _annotated(coachees: QuerySet[Coachee], filters: Filters) -> QuerySet[Coachee]:
    messages = Message.objects.filter(coachee=OuterRef("pk")).order_by("-created_at", "-id")
    inbound = messages.filter(direction=Message.Direction.INBOUND)
    replies = messages.filter(direction=Message.Direction.OUTBOUND, kind=Message.Kind.MANUAL)
    engagement = Engagement.objects.filter(coachee=OuterRef("pk")).order_by("-started_on", "-id")
    understood = Answer.objects.filter(message=OuterRef("pk"), understood=True)
    # An inbound SMS needs the coach unless the coach wrote since, or it answered a check-in.
    unanswered = (
        Message.objects.filter(
            coachee=OuterRef("pk"),
            direction=Message.Direction.INBOUND,
            created_at__gt=Coalesce(
                OuterRef("last_reply_at"), Value(EPOCH, output_field=DateTimeField())
            ),
        )
        .exclude(Exists(understood))
        .order_by("created_at")
    )
    coachees = coachees.annotate(
        last_at=Subquery(messages.values("created_at")[:1]),
        last_body=Subquery(messages.values("body")[:1]),
        last_reply_at=Subquery(replies.values("created_at")[:1]),
        category=Subquery(inbound.values("triage__category")[:1]),
        stage=Subquery(engagement.values("status")[:1]),
    ).annotate(waiting_since=Subquery(unanswered.values("created_at")[:1]))
    if filters.category:
        coachees = coachees.filter(category=filters.category)
    if filters.stage:
        coachees = coachees.filter(stage=filters.stage)
    if filters.search:
        coachees = coachees.filter(_name_or_number(filters.search))
    return coachees


def _name_or_number(search: str) -> Q:
    """A name, or a number as the coach types it (« 06 11 00 00 04 », "+33 6 11…")."""
    found = Q(name__icontains=search)
    digits = "".join(c for c in search if c.isdigit())
    if len(digits) >= 4:
        try:
            found |= Q(phone=to_e164(search))
        except InvalidPhoneNumber:
            pass
        found |= Q(phone__contains=digits.lstrip("0"))
    return found


# -- journal ----------------------------------------------------------------------------------
def journal_of(coachee: Coachee) -> QuerySet[JournalEntry]:
    return JournalEntry.objects.filter(coachee=coachee).select_related("created_by__user")


def add_entry(
    coachee: Coachee, coach: Coach, kind: str, text: str, at: dt.datetime
) -> JournalEntry:
    return JournalEntry.objects.create(
        practice=coachee.practice, coachee=coachee, engagement=coachee.current_engagement(),
        kind=kind, text=text, occurred_at=at, created_by=coach,
    )  # fmt: skip


# -- suggestions ------------------------------------------------------------------------------
class NothingToAnswer(LookupError):
    """The coachee has sent no SMS yet: there is nothing to suggest a reply to."""


@dataclass(frozen=True)
class Suggestion:
    text: str
    encoding: str
    segments: int

    def as_json(self) -> dict[str, object]:
        return {"text": self.text, "encoding": self.encoding, "segments": self.segments}


def latest_inbound(coachee: Coachee) -> Message | None:
    return (
        coachee.messages.filter(direction=Message.Direction.INBOUND)
        .order_by("-created_at", "-id")
        .first()
    )


def answered_since_latest_inbound(coachee: Coachee) -> bool:
    """Whether the coach has written by hand since the coachee's latest SMS."""
    latest = latest_inbound(coachee)
    return (
        latest is not None
        and coachee.messages.filter(
            direction=Message.Direction.OUTBOUND,
            kind=Message.Kind.MANUAL,
            created_at__gt=latest.created_at,
        ).exists()
    )


def suggest_replies(coachee: Coachee) -> tuple[str, list[Suggestion]]:
    """The category of the coachee's latest SMS and two or three replies for it."""
    message = latest_inbound(coachee)
    if message is None:
        raise NothingToAnswer(coachee.name)
    category = reply_frame(triage_message(message))
    if category == Category.OPT_OUT:
        return category, []  # nothing is sent to a person who said STOP
    texts = suggestions.suggest(category, facts_for(coachee, answering=message))
    return category, [Suggestion(t, *_cost(t)) for t in texts]


def reply_frame(found: Triage) -> str:
    """What the reply answers: the message's primary category (see _first_for_the_coach)."""
    return found.category


def _first_for_the_coach(primary: str, categories: list[str]) -> str:
    """A thank-you, even beside a win, comes first: the coach answers it by handing the
    credit back (the founding story: « merci... mes devis sont acceptés »)."""
    return Category.GRATITUDE.value if Category.GRATITUDE in categories else primary


def _cost(text: str) -> tuple[str, int]:
    cost = sms_cost(text)
    return cost.encoding, cost.segments


def facts_for(coachee: Coachee, answering: Message | None = None) -> suggestions.Facts:
    """The coachee's own data; a win from the SMS being answered is not quoted back."""
    engagement = coachee.current_engagement()
    last_win = (
        JournalEntry.objects.filter(coachee=coachee, kind=JournalEntry.Kind.WIN)
        .exclude(text="")
        .exclude(message=answering)
        .values_list("text", flat=True)
        .first()
    )
    return suggestions.Facts(
        name="" if coachee.is_unknown else suggestions.first_name(coachee.name),
        lang=coachee.language,
        progress=_progress(coachee),
        last_win=last_win or "",
        intentions=engagement.intentions if engagement else "",
    )


def _progress(coachee: Coachee) -> list[suggestions.Progress]:
    """The coachee's metrics that went up from their first value to their latest one."""
    lang = coachee.language
    found = []
    for metric in Metric.objects.filter(practice_id=coachee.practice_id).exclude(kind="yesno"):
        values = MetricValue.objects.filter(coachee=coachee, metric=metric).order_by(
            "measured_on", "id"
        )
        first, last = values.first(), values.last()
        if first is None or last is None or last.value <= first.value:
            continue
        then, now = (
            format_value(lang, float(v), metric.kind, metric.unit)
            for v in (first.value, last.value)
        )
        found.append(suggestions.Progress(metric.label(lang).lower(), then, now))
    return found[:3]


def sunshine_setting(coach: Coach) -> SunshineSetting:
    setting, _created = SunshineSetting.objects.get_or_create(coach=coach)
    return setting


def pending_notices(coach: Coach) -> QuerySet[SunshineNotice]:
    return SunshineNotice.objects.filter(coach=coach, sent_at__isnull=True).select_related(
        "entry__coachee"
    )
