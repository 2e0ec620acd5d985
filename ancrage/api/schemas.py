"""What the API returns (and the bodies it accepts), as they appear in the OpenAPI document."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import create_model

from ancrage.analysis.readers import FORMATS
from ancrage.api.params import StorableText


class CoacheeOut(Schema):
    id: int
    name: str
    phone: str = Field(description="E.164, e.g. +33612345678")
    language: str = Field(description="fr or en")
    timezone: str = Field(description="IANA name, e.g. Europe/Paris")
    consent: str = Field(description="opted_in or opted_out (the number's consent)")
    consent_changed_at: dt.datetime | None
    is_unknown: bool = Field(description="Created from an SMS of a number no client had")
    created_at: dt.datetime


class EngagementOut(Schema):
    id: int
    coachee_id: int
    coach_id: int
    status: str = Field(description="intake, active, closing or alumni")
    started_on: dt.date
    ended_on: dt.date | None
    intentions: str


class MessageOut(Schema):
    id: int
    coachee_id: int
    engagement_id: int | None
    direction: str = Field(description="in (from the client) or out (to the client)")
    status: str = Field(
        description="queued, sending, needs_check, sent, delivered, failed, undelivered, received"
    )
    kind: str = Field(description="manual, automated, system or stop_confirmation")
    body: str
    encoding: str = Field(description="GSM-7 or UCS-2")
    segments: int = Field(description="SMS parts the message takes (its cost)")
    sent_by_id: int | None = Field(description="The coach who wrote it (outbound)")
    created_at: dt.datetime
    send_after: dt.datetime | None = Field(description="Held until then (quiet hours)")
    sent_at: dt.datetime | None
    delivered_at: dt.datetime | None
    failed_at: dt.datetime | None
    read_at: dt.datetime | None
    error_code: str


class SendIn(Schema):
    body: StorableText = Field(max_length=2000, description="The SMS text (at most 10 parts)")
    when: Literal["now", "later"] | None = Field(
        None,
        description=(
            "In the client's quiet hours: 'now' sends anyway, 'later' holds it until they "
            "end; without it, the API answers 409 quiet_hours, as the composer asks."
        ),
    )


class AnswerOut(Schema):
    id: int
    coachee_id: int
    checkin_id: int
    due_on: dt.date = Field(description="The client's local date of the check-in")
    question_id: int | None
    question: str | None = Field(description="The question, in the client's language")
    body: str = Field(description="The reply as written")
    understood: bool
    message_id: int | None
    created_at: dt.datetime


class MetricOut(Schema):
    key: str
    label_fr: str
    label_en: str
    kind: str = Field(description="number, scale, yesno or money")
    unit: str


class MetricValueOut(Schema):
    id: int
    coachee_id: int
    metric: str = Field(description="The metric's key")
    value: float
    measured_on: dt.date
    source: str = Field(description="sms or coach")
    original_value: float | None = Field(description="What the SMS said, if a coach corrected it")
    created_at: dt.datetime


class JournalEntryOut(Schema):
    id: int
    coachee_id: int
    engagement_id: int | None
    kind: str = Field(description="win or gratitude")
    text: str
    message_id: int | None
    occurred_at: dt.datetime
    created_at: dt.datetime


class AnalysisIn(Schema):
    text: StorableText = Field(
        min_length=1, description="The transcript (size limit: ANCRAGE_API_ANALYSIS_MAX_KB)"
    )
    format: Literal[FORMATS] | None = Field(  # type: ignore[valid-type]
        None, description="Detected from the text when absent"
    )
    focus: StorableText | None = Field(
        None, max_length=100, description="The speaker to assess (default: chosen for you)"
    )
    lang: Literal["auto", "fr", "en"] = "auto"


class IndicatorOut(Schema):
    key: str
    value: float | None
    unit: str
    benchmark: str | None
    weight: float
    subscore: float | None
    points: float


class FeedbackOut(Schema):
    kind: str
    index: int
    quote: str
    message: str


class UtteranceOut(Schema):
    index: int
    speaker: str
    text: str
    start: float | None
    end: float | None
    question: str | None = Field(description="open, closed, tag, or null")
    acts: list[str]
    evidence: dict[str, list[str]]
    context_acts: list[str] = Field(
        default_factory=list,
        description="Acts the speaker's other lines decided: the line alone would not carry them",
    )


class AnalysisOut(Schema):
    """The analyzer's versioned JSON report (docs/analysis.md)."""

    schema_version: int = Field(
        description="The report's schema version (`schema` in the CLI's JSON)"
    )
    source: str | None
    language: str
    focus: str
    focus_reason: str
    focus_reason_key: str
    service_score: float
    speakers: dict[str, dict[str, Any]]
    indicators: list[IndicatorOut]
    feedback: list[FeedbackOut]
    warnings: list[str]
    utterances: list[UtteranceOut]


def page_of(item: type[Schema]) -> type[Schema]:
    """A page of `item`s, named e.g. CoacheeOutPage in the OpenAPI document."""
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{item.__name__}Page",
        __base__=Schema,
        items=(list[item], ...),  # type: ignore[valid-type]
        count=(int, Field(description="Items matching the filters, all pages")),
        limit=(int, ...),
        offset=(int, ...),
        next_offset=(int | None, Field(description="Offset of the next page; null at the end")),
    )
