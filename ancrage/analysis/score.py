"""The 0-100 service score: a weighted sum of seven documented components.

Each component maps one indicator to a subscore between 0 and 1 with a linear ramp between
a "bad" and a "good" value taken from public benchmarks; its points are weight * subscore.
The weights follow the evidence: how much the helper pushes own content separates good from
poor sessions far better than the number of questions, so `telling_share` weighs most, then
listening (reflections); Gong's talk-share and monologue benchmarks come from sales calls and
count less.

`telling_share` counts behaviours as MITI's summary scores do (ratios between behaviour
counts, never per turn): own content (information, advice, persuasion) against own content +
questions + reflections. A per-turn share moved with how the transcript splits turns (a
"Mm-hmm" transcribed as its own turn dilutes it) and saturated at 40 %; `input_share` (per
turn) is still shown, without points.

| component                     | pts | 1.0 when    | 0.0 when    | benchmark                      |
|-------------------------------|----:|-------------|-------------|--------------------------------|
| telling_share                 |  35 | 0 %         | >= 50 %     | tells as much as asks+reflects |
| reflection_question_ratio     |  25 | >= 2.0      | 0           | MITI 4.2.1: 1:1 fair, 2:1 good |
| talk_share_words              |  10 | <= 43 %     | >= 75 %     | Gong: top 43%, average 65-75%  |
| open_question_share           |  10 | >= 70 %     | <= 20 %     | MITI 3.1.1: 50% fair, 70% good |
| longest_monologue_words       |   5 | <= 100 w    | >= 300 w    | Gong: monologues lose deals    |
| pleasing_rate                 |  10 | 0/turn      | >= 0.2/turn | assumptions, self-promotion... |
| first_needs_question_position |   5 | 1st quarter | never       | coaching: their needs first    |

That table is the `call` frame (a sales or discovery call, a session transcript). In the
`coaching` frame (an SMS thread between a coach and a client), sales benchmarks do not apply:
talk share and monologue length are shown without points, and what the coaching frame asks
for is scored instead: thanks and wins answered by handing the credit back or by a deliberate
affirmation, and the other kept at the centre of the coach's words.

| coaching frame                | pts | 1.0 when    | 0.0 when    | benchmark                      |
|-------------------------------|----:|-------------|-------------|--------------------------------|
| telling_share                 |  30 | 0 %         | >= 50 %     | tells as much as asks+reflects |
| reflection_question_ratio     |  20 | >= 2.0      | 0           | MITI 4.2.1: 1:1 fair, 2:1 good |
| credit_returned_share         |  15 | 100 %       | 0 %         | thanks answered with credit    |
| open_question_share           |  10 | >= 70 %     | <= 20 %     | MITI 3.1.1: 50% fair, 70% good |
| pleasing_rate                 |  10 | 0/turn      | >= 0.2/turn | assumptions, self-promotion... |
| other_focus_pronoun_share     |  10 | >= 70 %     | <= 30 %     | the client at the centre       |
| first_needs_question_position |   5 | 1st quarter | never       | coaching: their needs first    |
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .metrics import Metrics
from .models import Indicator


def ramp(value: float, zero_at: float, one_at: float) -> float:
    """Linear from 0 (at `zero_at`) to 1 (at `one_at`), clipped; works in both directions."""
    if one_at == zero_at:
        return 1.0 if value >= one_at else 0.0
    return min(1.0, max(0.0, (value - zero_at) / (one_at - zero_at)))


def _needs_subscore(position: float | None) -> float:
    if position is None:
        return 0.0
    return 1.0 if position <= 0.25 else 0.5


@dataclass(frozen=True)
class Component:
    key: str
    weight: float
    unit: str
    benchmark: str
    subscore: Callable[[float | None], float]


def _linear(zero_at: float, one_at: float) -> Callable[[float | None], float]:
    return lambda value: 0.0 if value is None else ramp(value, zero_at, one_at)


FRAMES = ("call", "coaching")

COMPONENTS = (
    Component(
        "telling_share",
        35,
        "share",
        "0% best, >= 50% poor (telling = asking + reflecting)",
        _linear(0.50, 0.0),
    ),
    Component(
        "reflection_question_ratio",
        25,
        "ratio",
        "MITI 4.2.1: 1:1 fair, 2:1 good",
        _linear(0.0, 2.0),
    ),
    Component(
        "talk_share_words",
        10,
        "share",
        "Gong: top sellers ~43%, average 65-75%",
        _linear(0.75, 0.43),
    ),
    Component(
        "open_question_share", 10, "share", "MITI 3.1.1: 50% fair, 70% good", _linear(0.20, 0.70)
    ),
    Component(
        "longest_monologue_words",
        5,
        "words",
        "Gong: long monologues lose deals",
        _linear(300, 100),
    ),
    Component(
        "pleasing_rate",
        10,
        "per turn",
        "0 good (assumptions, self-promotion, competitor, credit taken, small talk)",
        _linear(0.20, 0.0),
    ),
    Component(
        "first_needs_question_position",
        5,
        "share",
        "coaching: ask what they need in the first quarter",
        _needs_subscore,
    ),
)


def _credit_subscore(share: float | None) -> float:
    return 1.0 if share is None else share  # never thanked: no credit was there to hand back


_BY_KEY = {comp.key: comp for comp in COMPONENTS}
COACHING_COMPONENTS = (
    Component(
        "telling_share",
        30,
        "share",
        _BY_KEY["telling_share"].benchmark,
        _linear(0.50, 0.0),
    ),
    Component(
        "reflection_question_ratio",
        20,
        "ratio",
        _BY_KEY["reflection_question_ratio"].benchmark,
        _linear(0.0, 2.0),
    ),
    Component(
        "credit_returned_share",
        15,
        "share",
        "coaching: thanks and wins answered by handing the credit back or affirming",
        _credit_subscore,
    ),
    Component(
        "open_question_share", 10, "share", "MITI 3.1.1: 50% fair, 70% good", _linear(0.20, 0.70)
    ),
    _BY_KEY["pleasing_rate"],
    Component(
        "other_focus_pronoun_share",
        10,
        "share",
        "coaching: more 'you' than 'I' keeps the client at the centre",
        _linear(0.30, 0.70),
    ),
    _BY_KEY["first_needs_question_position"],
)

INFORMATIVE = {
    "input_share": ("share", "per turn, no points: the score counts per behaviour"),
    "talk_share_time": ("share", "Gong: top sellers ~43%"),
    "questions": ("count", "Gong: 11-14 per discovery call, spread out"),
    "questions_per_100_words": ("per 100 words", None),
    "questions_per_10_min": ("per 10 min", "Gong: 11-14 per discovery call"),
    "longest_monologue_seconds": ("s", "Gong: long monologues lose deals"),
    "other_longest_story_words": ("words", "longer is better: the other talks"),
    "other_longest_story_seconds": ("s", "longer is better"),
    "interactivity_per_min": ("switches/min", None),
    "patience_seconds": ("s", "a pause before answering shows listening"),
    "assumption": ("count", "0"),
    "self_promotion": ("count", "0"),
    "self_disclosure": ("count", "rare: the other at the centre"),
    "competitor": ("count", "fewer than own-offer mentions"),
    "own_offer": ("count", None),
    "credit_taken": ("count", "0"),
    "ownership_returned": ("count", ">= 1 when thanked"),
    "tag_questions": ("count", "rhetorical, not curiosity"),
    "small_talk_share_before_business": ("share", "short"),
    "other_focus_pronoun_share": ("share", "> 50% keeps the other at the centre"),
}


def pleasing_rate(metrics: Metrics, small_talk_turns: int) -> float | None:
    v = metrics.values
    turns = len(metrics.evidence.get("mine", []))
    if not turns:
        return None
    count = sum(v.get(k) or 0.0 for k in ("assumption", "self_promotion", "competitor"))
    count += 2 * (v.get("credit_taken") or 0.0) + small_talk_turns
    count += 0.5 * len(metrics.evidence.get("pleasing_tags", []))
    count += 0.5 * (v.get("self_disclosure") or 0.0)
    return count / turns


def components_for(frame: str) -> tuple[Component, ...]:
    return COACHING_COMPONENTS if frame == "coaching" else COMPONENTS


def build_indicators(
    metrics: Metrics, small_talk_turns: int, frame: str = "call"
) -> tuple[float, list[Indicator]]:
    """The scored components of the frame, then every other indicator without points."""
    values = dict(metrics.values)
    values["pleasing_rate"] = pleasing_rate(metrics, small_talk_turns)
    components = components_for(frame)
    scored = {comp.key for comp in components}
    informative = dict(INFORMATIVE)
    for comp in COMPONENTS + COACHING_COMPONENTS:  # what the other frame scores, shown plainly
        if comp.key not in scored and comp.key not in informative:
            informative[comp.key] = (comp.unit, comp.benchmark)
    indicators = []
    for comp in components:
        value = values.get(comp.key)
        sub = comp.subscore(value)
        indicators.append(
            Indicator(
                comp.key, value, comp.unit, comp.benchmark, comp.weight, sub, comp.weight * sub
            )
        )
    for key, (unit, benchmark) in informative.items():
        if key in scored:
            continue
        indicators.append(Indicator(key, values.get(key), unit, benchmark))
    score = round(sum(ind.points for ind in indicators), 1)
    return score, indicators
