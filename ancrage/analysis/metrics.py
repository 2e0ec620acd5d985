"""Per-conversation indicators for the assessed speaker (the focus)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Annotated

_TOKEN = re.compile(r"[\w'-]+")


@dataclass
class Turn:
    speaker: str
    indices: list[int]
    words: int
    start: float | None
    end: float | None

    @property
    def seconds(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return max(0.0, self.end - self.start)


@dataclass
class Metrics:
    values: dict[str, float | None] = field(default_factory=dict)
    # utterance indices that illustrate an indicator, for feedback
    evidence: dict[str, list[int]] = field(default_factory=dict)


def turns_of(utterances: list[Annotated]) -> list[Turn]:
    turns: list[Turn] = []
    for u in utterances:
        if turns and turns[-1].speaker == u.speaker:
            turn = turns[-1]
            turn.indices.append(u.index)
            turn.words += u.words
            turn.end = u.end if u.end is not None else turn.end
        else:
            turns.append(Turn(u.speaker, [u.index], u.words, u.start, u.end))
    return turns


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _duration(utterances: list[Annotated]) -> float | None:
    starts = [u.start for u in utterances if u.start is not None]
    ends = [u.end if u.end is not None else u.start for u in utterances if u.start is not None]
    if not starts:
        return None
    span = max(e for e in ends if e is not None) - min(starts)
    return span if span > 0 else None


def compute(utterances: list[Annotated], focus: str, rules_pronouns: tuple) -> Metrics:
    """All indicators; values are None when they cannot be measured (e.g. no timestamps)."""
    mine = [u for u in utterances if u.speaker == focus]
    others = [u for u in utterances if u.speaker != focus]
    turns = turns_of(utterances)
    m = Metrics()
    v = m.values
    my_words = sum(u.words for u in mine)
    all_words = sum(u.words for u in utterances)
    v["talk_share_words"] = _ratio(my_words, all_words)
    v["talk_share_time"] = _time_share(mine, utterances)
    # a question asked to be liked (« vous avez vu le match ? ») is small talk, not service
    questions = [u for u in mine if u.question in ("open", "closed") and "small_talk" not in u.acts]
    duration = _duration(utterances)
    v["questions"] = float(len(questions))
    v["questions_per_100_words"] = _ratio(100 * len(questions), my_words)
    v["questions_per_10_min"] = _ratio(600 * len(questions), duration) if duration else None
    opens = [u for u in questions if u.question == "open"]
    v["open_question_share"] = _ratio(len(opens), len(questions))
    reflections = [u for u in mine if "reflection" in u.acts]
    v["reflections"] = float(len(reflections))
    v["reflection_question_ratio"] = (
        len(reflections) / len(questions) if questions else (float(len(reflections)) or None)
    )
    inputs = [u for u in mine if "input" in u.acts]
    v["input_share"] = _ratio(len(inputs), len(mine))
    # MITI-style: own content against the asking and listening it displaces, per behaviour and
    # not per turn, so transcribed backchannels ("Mm-hmm" turns) do not dilute it
    v["telling_share"] = _ratio(len(inputs), len(inputs) + len(questions) + len(reflections))
    _monologues(turns, focus, v, m.evidence)
    v["interactivity_per_min"] = _interactivity(turns, duration)
    v["patience_seconds"] = _patience(turns, focus)
    needs = [u for u in mine if "needs_question" in u.acts]
    v["first_needs_question_position"] = (
        needs[0].index / max(1, len(utterances) - 1) if needs else None
    )
    for act in (
        "assumption",
        "self_promotion",
        "self_disclosure",
        "competitor",
        "own_offer",
        "credit_taken",
    ):
        hits = [u.index for u in mine if act in u.acts]
        v[act] = float(len(hits))
        m.evidence[act] = hits
    v["ownership_returned"] = float(sum("ownership_returned" in u.acts for u in mine))
    thanked, returned = _credit_returned(turns, utterances, focus)
    v["credit_returned_share"] = _ratio(len(returned), len(thanked))
    v["tag_questions"] = float(sum(u.question == "tag" for u in mine))
    v["small_talk_share_before_business"] = _small_talk_share(utterances, all_words)
    v["other_focus_pronoun_share"] = _pronoun_share(mine, *rules_pronouns)
    m.evidence.update(
        questions=[u.index for u in questions],
        closed=[u.index for u in questions if u.question == "closed"],
        open=[u.index for u in opens],
        reflections=[u.index for u in reflections],
        input=[u.index for u in inputs],
        needs=[u.index for u in needs],
        tags=[u.index for u in mine if u.question == "tag"],
        # a tag closing credit handed back or praise affirms (the coaching frame), it does not please
        pleasing_tags=[
            u.index
            for u in mine
            if u.question == "tag" and not {"ownership_returned", "affirmation"} & set(u.acts)
        ],
        ownership=[u.index for u in mine if "ownership_returned" in u.acts],
        thanked=thanked,
        credit_returned=returned,
        mine=[u.index for u in mine],
        others=[u.index for u in others],
    )
    return m


_CREDIT_BACK = frozenset({"ownership_returned", "affirmation"})


def _credit_returned(
    turns: list[Turn], utterances: list[Annotated], focus: str
) -> tuple[list[int], list[int]]:
    """The focus's turns that answer the other's thanks, and those among them that hand the
    credit back or affirm the other (first utterance index of each turn)."""
    thanked, returned = [], []
    for before, turn in zip(turns, turns[1:], strict=False):
        if turn.speaker != focus or before.speaker == focus:
            continue
        if any("gratitude" in utterances[i].acts for i in before.indices):
            thanked.append(turn.indices[0])
            if any(_CREDIT_BACK & set(utterances[i].acts) for i in turn.indices):
                returned.append(turn.indices[0])
    return thanked, returned


def _time_share(mine: list[Annotated], utterances: list[Annotated]) -> float | None:
    def spoken(items: list[Annotated]) -> float:
        return sum(
            max(0.0, u.end - u.start) for u in items if u.start is not None and u.end is not None
        )

    total = spoken(utterances)
    return spoken(mine) / total if total else None


def _monologues(turns: list[Turn], focus: str, v: dict, evidence: dict) -> None:
    mine = [t for t in turns if t.speaker == focus]
    theirs = [t for t in turns if t.speaker != focus]
    longest = max(mine, key=lambda t: t.words, default=None)
    story = max(theirs, key=lambda t: t.words, default=None)
    v["longest_monologue_words"] = float(longest.words) if longest else None
    v["longest_monologue_seconds"] = longest.seconds if longest else None
    v["other_longest_story_words"] = float(story.words) if story else None
    v["other_longest_story_seconds"] = story.seconds if story else None
    evidence["longest_monologue"] = longest.indices[:1] if longest else []
    evidence["longest_story"] = story.indices[:1] if story else []
    # the focus's turns right after the other's longest stories: where a reflection pays most
    after = []
    for before, turn in zip(turns, turns[1:], strict=False):
        if turn.speaker == focus and before.speaker != focus:
            after.append((before.words, turn.indices[0]))
    evidence["after_story"] = [index for _w, index in sorted(after, reverse=True)]


def _interactivity(turns: list[Turn], duration: float | None) -> float | None:
    switches = max(0, len(turns) - 1)
    return switches / (duration / 60) if duration else None


def _patience(turns: list[Turn], focus: str) -> float | None:
    gaps = [
        turn.start - before.end
        for before, turn in zip(turns, turns[1:], strict=False)
        if turn.speaker == focus and before.end is not None and turn.start is not None
    ]
    return sum(gaps) / len(gaps) if gaps else None


def _only_greets(u: Annotated) -> bool:
    """Hello, goodbye or thanks and nothing else: « Bonjour Léa, qu'est-ce que tu attends ? »
    greets and asks, so it opens the business."""
    return "greeting" in u.acts and set(u.acts) <= {"greeting", "gratitude"}


def _small_talk_share(utterances: list[Annotated], all_words: int) -> float | None:
    """Share of all words spent in small talk before the first business utterance."""
    chat = 0
    for u in utterances:
        if "small_talk" in u.acts:
            chat += u.words
        elif not _only_greets(u) and u.words > 2:
            break  # first utterance that is neither chat, a mere greeting nor a bare "ok"
    return _ratio(chat, all_words)


def _pronoun_share(mine: list[Annotated], other: frozenset, own: frozenset) -> float | None:
    other_count = own_count = 0
    for u in mine:
        for token in _TOKEN.findall(u.text.lower().replace("’", "'")):
            elided = token.split("'")[0] + "'"  # French "j'ai", "t'as"
            if token in other or elided in other:
                other_count += 1
            elif token in own or elided in own:
                own_count += 1
    return _ratio(other_count, other_count + own_count)
