"""Plain data types shared by every stage of the analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class AnalysisError(Exception):
    """A problem with the user's input, explained in words (never shown as a traceback).

    `key` names a message in ui.MESSAGES so the CLI can print it in the interface language;
    `params` fills its placeholders.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key}: {params}")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one analysis may cost (the web app sets them; None: no limit, the CLI's default).

    Every stage is linear in the size of the input, so a bound on the size bounds the time; the
    deadline is the last guard, checked between utterances.
    """

    max_utterances: int | None = None
    max_speakers: int | None = None
    max_utterance_chars: int | None = None
    max_seconds: float | None = None

    def check(self, utterances: list[Utterance]) -> None:
        if self.max_utterances is not None and len(utterances) > self.max_utterances:
            raise AnalysisError(
                "too_many_utterances", count=len(utterances), max=self.max_utterances
            )
        if self.max_speakers is not None:
            speakers = len({u.speaker for u in utterances})
            if speakers > self.max_speakers:
                raise AnalysisError("too_many_speakers", count=speakers, max=self.max_speakers)
        if self.max_utterance_chars is not None:
            for number, u in enumerate(utterances):
                if len(u.text) > self.max_utterance_chars:
                    raise AnalysisError(
                        "utterance_too_long",
                        index=number,
                        speaker=u.speaker,
                        chars=len(u.text),
                        max=self.max_utterance_chars,
                    )


@dataclass(slots=True)
class Utterance:
    speaker: str
    text: str
    start: float | None = None  # seconds from the start of the conversation
    end: float | None = None


@dataclass(slots=True)
class Annotated:
    index: int
    speaker: str
    text: str
    start: float | None
    end: float | None
    words: int
    question: str | None  # None, "open", "closed" or "tag"
    acts: list[str] = field(default_factory=list)
    # per learned act, the words that weighed most for it (why the coach sees it)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    # the learned acts its speaker's other lines decided: the line alone would not carry them
    context_acts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "speaker": self.speaker,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "question": self.question,
            "acts": list(self.acts),
            "evidence": {act: list(words) for act, words in self.evidence.items()},
            "context_acts": list(self.context_acts),
        }


@dataclass(slots=True)
class Indicator:
    key: str
    value: float | None
    unit: str
    benchmark: str | None = None  # public reference, shown beside the value
    weight: float = 0.0  # points this indicator can bring to the score (0 = informative only)
    subscore: float | None = None  # 0..1, how close to the benchmark
    points: float = 0.0  # weight * subscore

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "value": None if self.value is None else round(self.value, 4),
            "unit": self.unit,
            "benchmark": self.benchmark,
            "weight": self.weight,
            "subscore": None if self.subscore is None else round(self.subscore, 4),
            "points": round(self.points, 2),
        }


@dataclass(slots=True)
class FeedbackPoint:
    kind: str
    index: int
    quote: str
    message: str
    value: str = ""  # the figure in the message, so that it can be said in another language

    @property
    def is_strength(self) -> bool:
        return self.kind.startswith("good_")

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "index": self.index,
            "quote": self.quote,
            "message": self.message,
            "value": self.value,
        }


@dataclass
class Report:
    language: str
    focus: str
    focus_reason: str  # message key explaining why this speaker was assessed
    service_score: float
    speakers: dict[str, dict[str, Any]]
    indicators: list[Indicator]
    feedback: list[FeedbackPoint]
    utterances: list[Annotated]
    warnings: list[str] = field(default_factory=list)  # message keys
    source: str | None = None
    focus_params: dict[str, Any] = field(default_factory=dict)
    frame: str = "call"  # "call" (a transcript) or "coaching" (an SMS follow-up thread)

    def indicator(self, key: str) -> Indicator:
        for ind in self.indicators:
            if ind.key == key:
                return ind
        raise KeyError(key)
