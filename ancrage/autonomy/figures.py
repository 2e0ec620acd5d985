"""How reliance evolves in one engagement, week by week: pure computation, no Django.

Five figures per week, each a plain fraction so that a test can compute it by hand:

- initiative: exchanges the client opened / exchanges (see `openings`);
- unprompted: check-ins answered with no coach message between the question and the first
  answer / check-ins sent and closed (one left unanswered counts as not unprompted; one
  still open is not counted yet);
- coach_words: words the coach wrote / words of the conversation (both sides);
- questions: the coach's questions / (questions + advice), from the analyzer's acts
  `question` and `input` (an SMS with both counts on both sides);
- confidence: the client's last self-reported confidence of the week (1-10).

Over a window of weeks a share is the counts added up, and says nothing below LEAST (one
exchange is no "0 in 10"). The conversation is what the coach and the client write to each
other: the check-in machinery (automated questions, the answers read from them) and
automatic replies are left out by the caller, since they are measured by `unprompted`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

COACH, CLIENT = "coach", "client"
# A message after this much silence may open a new exchange...
SILENCE = dt.timedelta(hours=12)
# ...unless it answers the other side, which it does for up to this long.
STALE = dt.timedelta(days=3)
WINDOW_WEEKS = 4  # "then" is the first weeks of the engagement, "now" the last ones
SHARES = ("initiative", "unprompted", "coach_words", "questions")
KEYS = (*SHARES, "confidence")
LOWER_IS_BETTER = frozenset({"coach_words"})  # less of the coach's words: more autonomy
# A change smaller than this is no change (a tenth of the exchanges, one point of confidence).
MOVES = {"confidence": 1.0, **{key: 0.1 for key in SHARES}}
# Fewer than this over a window says nothing yet ("0 in 10" from one exchange): not compared.
LEAST = {"initiative": 3, "unprompted": 2, "coach_words": 30, "questions": 3}  # words for words


@dataclass(frozen=True)
class Sms:
    at: dt.datetime  # aware
    side: str  # COACH or CLIENT
    text: str
    acts: frozenset[str] = frozenset()  # the analyzer's acts (coach messages)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class CheckinRun:
    opened_at: dt.datetime  # when its first question went out
    answered_at: dt.datetime | None  # the first answer, None when unanswered


@dataclass
class Ratio:
    part: float = 0
    whole: float = 0

    @property
    def value(self) -> float | None:
        return self.part / self.whole if self.whole else None

    def add(self, part: float, whole: float) -> None:
        self.part += part
        self.whole += whole


@dataclass
class Week:
    start: dt.date  # its Monday
    ratios: dict[str, Ratio] = field(default_factory=lambda: {key: Ratio() for key in SHARES})
    confidence: float | None = None

    def value(self, key: str) -> float | None:
        return self.confidence if key == "confidence" else self.ratios[key].value


def week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def openings(thread: Sequence[Sms]) -> list[bool]:
    """Which messages open an exchange. The first message does; after that, a message opens
    one when it follows SILENCE or more of silence, except when it answers, within STALE, an
    opening still unanswered (the client writes at night, the coach replies next morning: one
    exchange, the client's). A message after an exchange that had its back-and-forth opens a
    new one, whoever wrote last."""
    found: list[bool] = []
    for index, message in enumerate(thread):
        if index == 0:
            found.append(True)
            continue
        previous = thread[index - 1]
        gap = message.at - previous.at
        answers_opening = found[-1] and previous.side != message.side and gap < STALE
        found.append(gap >= SILENCE and not answers_opening)
    return found


def unprompted(run: CheckinRun, coach_times: Sequence[dt.datetime]) -> bool:
    """Answered, and no coach message went out between the question and the answer."""
    if run.answered_at is None:
        return False
    answered = run.answered_at
    return not any(run.opened_at <= at < answered for at in coach_times)


def weekly(
    thread: Sequence[Sms],
    checkins: Sequence[CheckinRun],
    confidence: Sequence[tuple[dt.date, float]],
    first: dt.date,
    last: dt.date,
    zone: dt.tzinfo,
) -> list[Week]:
    """One Week per Monday from `first` to `last` (local dates in `zone`), empty ones included.
    `thread` is in time order; events outside the range are ignored."""
    weeks = {}
    day = week_of(first)
    while day <= last:
        weeks[day] = Week(day)
        day += dt.timedelta(weeks=1)

    def week(at: dt.datetime) -> Week | None:
        return weeks.get(week_of(at.astimezone(zone).date()))

    for message, opens in zip(thread, openings(thread), strict=True):
        found = week(message.at)
        if found is not None:
            _count_message(found, message, opens)
    coach_times = [m.at for m in thread if m.side == COACH]
    for run in checkins:
        found = week(run.opened_at)
        if found is not None:
            found.ratios["unprompted"].add(unprompted(run, coach_times), 1)
    for day, value in sorted(confidence):
        if week_of(day) in weeks:
            weeks[week_of(day)].confidence = value  # the week's last value wins
    return list(weeks.values())


def _count_message(week: Week, message: Sms, opens: bool) -> None:
    coach = message.side == COACH
    if opens:
        week.ratios["initiative"].add(not coach, 1)
    week.ratios["coach_words"].add(message.words if coach else 0, message.words)
    if coach:
        asks, advises = "question" in message.acts, "input" in message.acts
        week.ratios["questions"].add(asks, asks + advises)


@dataclass(frozen=True)
class Change:
    """One figure at the start of the engagement and now (None when not measured)."""

    key: str
    then: float | None
    now: float | None
    weeks_apart: int

    @property
    def direction(self) -> int:
        """+1 towards autonomy, -1 away from it, 0 when flat or not measured both times."""
        if self.then is None or self.now is None or abs(self.now - self.then) < MOVES[self.key]:
            return 0
        up = 1 if self.now > self.then else -1
        return -up if self.key in LOWER_IS_BETTER else up


def pooled(weeks: Sequence[Week], key: str) -> float | None:
    """A share over several weeks is their counts added up (not an average of shares), None
    below LEAST; confidence is the mean of the weeks that have one."""
    if key == "confidence":
        values = [w.confidence for w in weeks if w.confidence is not None]
        return sum(values) / len(values) if values else None
    total = Ratio()
    for week in weeks:
        total.add(week.ratios[key].part, week.ratios[key].whole)
    return total.value if total.whole >= LEAST[key] else None


def changes(weeks: Sequence[Week]) -> dict[str, Change]:
    """Each figure over the first weeks against the last ones (up to WINDOW_WEEKS each, never
    overlapping); empty while the engagement is shorter than four weeks."""
    size = min(WINDOW_WEEKS, len(weeks) // 2)
    if size < 2:
        return {}
    then, now = weeks[:size], weeks[-size:]
    apart = len(weeks) - size
    return {key: Change(key, pooled(then, key), pooled(now, key), apart) for key in KEYS}


def reliance_falls(found: dict[str, Change]) -> bool:
    """At least two figures moved towards autonomy and none away from it."""
    directions = [change.direction for change in found.values()]
    return directions.count(1) >= 2 and -1 not in directions
