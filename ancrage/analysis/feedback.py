"""The three most useful points, each tied to one utterance, in the conversation's language
(`feedback_message` says a point in another language: the web page speaks the coach's).

Points to improve are ranked by the score points they cost; one strength is kept when there
is one, so the feedback is not only criticism.
"""

from __future__ import annotations

import re

from .lang import get as get_language
from .metrics import Metrics
from .models import Annotated, FeedbackPoint, Indicator

MAX_QUOTE = 160


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _quote(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def _first(indices: list[int]) -> int | None:
    return indices[0] if indices else None


def _improvements(
    metrics: Metrics, indicators: dict[str, Indicator], utterances: list[Annotated]
) -> list[tuple[float, str, int | None, str]]:
    """(points lost, kind, utterance index, value) for each weak component."""
    ev, v = metrics.evidence, metrics.values

    def lost(key: str) -> float:
        ind = indicators[key]
        return ind.weight - ind.points

    inputs_by_length = sorted(ev["input"], key=lambda i: -utterances[i].words)
    # a turn that hands the credit back or praises is the right answer there, not a missed
    # reflection
    not_reflected = [
        i
        for i in ev["after_story"]
        if "reflection" not in utterances[i].acts
        and not {"ownership_returned", "affirmation"} & set(utterances[i].acts)
    ]
    ratio = v.get("reflection_question_ratio")
    out = [
        (
            lost("telling_share"),
            "input_high",
            _first(inputs_by_length),
            _pct(v.get("telling_share")),
        ),
        (
            lost("reflection_question_ratio"),
            "few_reflections",
            _first(not_reflected),
            "—" if ratio is None else f"{ratio:.1f}:1",
        ),
        (
            lost("talk_share_words"),
            "talk_high",
            _first(ev["longest_monologue"]),
            _pct(v.get("talk_share_words")),
        ),
        (
            lost("longest_monologue_words"),
            "monologue",
            _first(ev["longest_monologue"]),
            f"{v.get('longest_monologue_words') or 0:.0f}",
        ),
        (
            lost("open_question_share"),
            "closed_questions",
            _first(ev["closed"]),
            _pct(v.get("open_question_share")),
        ),
    ]
    position = v.get("first_needs_question_position")
    if position is None:
        out.append(
            (lost("first_needs_question_position"), "no_needs_question", _first(ev["mine"]), "")
        )
    elif lost("first_needs_question_position") > 0:
        out.append(
            (
                lost("first_needs_question_position"),
                "late_needs_question",
                _first(ev["needs"]),
                _pct(position),
            )
        )
    returned = set(ev.get("credit_returned", []))
    kept = [i for i in ev.get("thanked", []) if i not in returned]
    out.append(
        (
            # being thanked is the moment the coaching frame turns on: said before the rest
            2 * lost("credit_returned_share"),
            "credit_kept",
            _first(kept),
            _pct(v.get("credit_returned_share")),
        )
    )
    pleasing_lost = lost("pleasing_rate")
    for act, kind, boost in (
        ("credit_taken", "credit_taken", 3.0),
        ("assumption", "assumption", 1.5),
        ("self_promotion", "self_promotion", 1.5),
        ("self_disclosure", "self_disclosure", 0.8),
        ("competitor", "competitor", 1.0),
    ):
        if ev.get(act):
            out.append((pleasing_lost * boost, kind, ev[act][0], str(len(ev[act]))))
    if ev["pleasing_tags"]:
        tags = ev["pleasing_tags"]
        out.append((pleasing_lost * 0.8, "tag_question", tags[0], str(len(tags))))
    chat = v.get("small_talk_share_before_business") or 0.0
    chat_turns = [u.index for u in utterances if "small_talk" in u.acts]
    if chat > 0.05 and chat_turns:
        out.append((chat * 20, "small_talk", chat_turns[0], _pct(chat)))
    return [item for item in out if item[0] >= 1.0 and item[2] is not None]


def _strengths(metrics: Metrics, utterances: list[Annotated]) -> list[tuple[str, int, str]]:
    ev, v = metrics.evidence, metrics.values
    out = []
    if ev["ownership"]:
        out.append(("good_ownership", ev["ownership"][0], ""))
    position = v.get("first_needs_question_position")
    if ev["needs"] and position is not None and position <= 0.25:
        out.append(("good_needs_question", ev["needs"][0], ""))
    reflected = [i for i in ev["after_story"] if "reflection" in utterances[i].acts]
    if reflected:
        out.append(("good_reflection", reflected[0], ""))
    if ev["open"]:
        out.append(("good_open_question", ev["open"][0], ""))
    story = v.get("other_longest_story_words") or 0
    if story >= 80 and ev["longest_story"]:
        out.append(("good_listening", ev["longest_story"][0], f"{story:.0f}"))
    return out


def build_feedback(
    metrics: Metrics, indicators: list[Indicator], utterances: list[Annotated], language: str
) -> list[FeedbackPoint]:
    templates = get_language(language).FEEDBACK
    by_key = {ind.key: ind for ind in indicators}
    weak = sorted(_improvements(metrics, by_key, utterances), key=lambda item: -item[0])
    strengths = _strengths(metrics, utterances)
    chosen: list[tuple[str, int, str]] = []
    used: set[int] = set()
    for _lost, kind, index, value in weak:
        if len(chosen) == (2 if strengths else 3):
            break
        if index is not None and index not in used and kind not in {c[0] for c in chosen}:
            chosen.append((kind, index, value))
            used.add(index)
    for kind, index, value in strengths:
        if len(chosen) == 3:
            break
        if index not in used:
            chosen.append((kind, index, value))
            used.add(index)
    return [
        FeedbackPoint(
            kind,
            index,
            _quote(utterances[index].text),
            _say(templates[kind], value, language),
            value,
        )
        for kind, index, value in chosen
    ]


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def _say(template: str, value: str, language: str) -> str:
    """The message with its figure written as the reader's language writes numbers."""
    if language == "fr":
        value = _DECIMAL_POINT.sub(",", value).replace("%", " %")
    return template.format(value=value)


def feedback_message(point: FeedbackPoint, language: str) -> str:
    """A feedback point said in another language than the conversation's (the coach's own)."""
    template = get_language(language).FEEDBACK.get(point.kind)
    return point.message if template is None else _say(template, point.value, language)
