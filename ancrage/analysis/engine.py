"""Glue: utterances -> language, acts, focus, metrics, score, feedback -> Report."""

from __future__ import annotations

import gc
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import lang as languages
from .acts import Rules, echoes_before_asking, rules_for
from .acts import classify as classify_utterance
from .feedback import build_feedback
from .learned_acts import LEARNED, Context, Decision, load_model
from .learned_acts import named as names_in
from .metrics import compute
from .models import AnalysisError, Annotated, Limits, Report, Utterance
from .normalize import fold_accents
from .readers import from_records, read_transcript
from .score import FRAMES, build_indicators

Source = str | os.PathLike[str] | Iterable[Any]


def load_lexicon(lexicon: str | os.PathLike[str] | Mapping[str, Any] | None) -> tuple[tuple, tuple]:
    """(products, competitors) from a JSON/YAML file or a mapping."""
    if lexicon is None:
        return (), ()
    data: Any = lexicon
    if not isinstance(lexicon, Mapping):
        path = Path(lexicon)
        if not path.is_file():
            raise AnalysisError("missing_lexicon", path=str(path))
        data = _parse_lexicon(path)
    if not isinstance(data, Mapping):
        raise AnalysisError("bad_lexicon", path=str(lexicon))
    products = data.get("products", data.get("produits", [])) or []
    competitors = data.get("competitors", data.get("concurrents", [])) or []
    if not all(isinstance(x, str) for x in [*products, *competitors]):
        raise AnalysisError("bad_lexicon", path=str(lexicon))
    return tuple(products), tuple(competitors)


def _parse_lexicon(path: Path) -> Any:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        import yaml  # only needed for YAML lexicons

        return yaml.safe_load(text)
    except Exception as exc:  # JSON or YAML syntax: report, never a traceback
        line = (
            getattr(exc, "lineno", None)
            or getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        )
        raise AnalysisError("bad_lexicon_syntax", path=str(path), line=line) from None


def detect_language(utterances: list[Utterance]) -> str:
    fr, en = languages.get("fr").MARKERS, languages.get("en").MARKERS
    score = Counter[str]()
    seen = 0
    for u in utterances:
        for token in u.text.lower().replace("’", "'").split():
            token = token.strip('.,;:!?«»"()')
            score["fr"] += token in fr or any(c in token for c in "éèêàùçôî")
            score["en"] += token in en
            seen += 1
        if seen > 3000:  # enough evidence, keep long files fast
            break
    return "fr" if score["fr"] >= score["en"] else "en"  # French first on a tie


Progress = Callable[[int, int], None]  # (utterances done, total)
_CHECK_EVERY = 256  # utterances between two looks at the clock and two progress reports


# The regex layer's lexical acts handed to the learned models as features.
LEXICAL = frozenset(LEARNED)


@dataclass(frozen=True, slots=True)
class Shaped:
    """What the regex layer reads of one utterance: its shape, before any act is decided."""

    question: str | None
    greets: bool
    norm: str
    context: Context


def shape(
    utterances: list[Utterance],
    rules: Rules,
    deadline: float | None = None,
    progress: Progress | None = None,
) -> list[Shaped]:
    """Question type, greeting, normalised text and conversational context of every
    utterance: what the learned acts are decided from (training reads it through here too)."""
    out: list[Shaped] = []
    turn_follows_other = False
    previous: str | None = None
    this_turn: list[str] = []
    # the turn just before this one, by someone else: joined once per turn, not per utterance
    said_before = said_end = ""
    speakers = frozenset(name.lower() for u in utterances for name in u.speaker.split())
    for index, u in enumerate(utterances):
        if index % _CHECK_EVERY == 0 and index:
            _checkpoint(index, len(utterances), deadline, progress)
        continues_turn = u.speaker == previous
        if not continues_turn:
            turn_follows_other = previous is not None
            previous = u.speaker
            said_before = " ".join(this_turn)
            said_end = said_before[-400:]  # its end is what is answered
            this_turn = []
        question, regex_acts, norm = classify_utterance(
            u.text, rules, turn_follows_other, continues_turn
        )
        this_turn.append(norm)
        greets = "greeting" in regex_acts
        names, acronyms = names_in(u.text, speakers)
        context = Context(
            question=question,
            greets=greets,
            follows_other=turn_follows_other,
            continues_turn=continues_turn,
            other_turn=said_end,
            lexical=tuple([a for a in regex_acts if a in LEXICAL]),
            echoes=bool(
                question in ("open", "closed")
                and said_before
                and echoes_before_asking(norm, said_before, rules)
            ),
            names=names,
            acronyms=acronyms,
        )
        out.append(Shaped(question, greets, norm, context))
    return out


def annotate(
    utterances: list[Utterance],
    language: str,
    products=(),
    competitors=(),
    deadline: float | None = None,
    progress: Progress | None = None,
) -> list[Annotated]:
    """Label every utterance. `deadline` (time.monotonic()) stops an analysis that runs too
    long with AnalysisError("too_slow"); `progress` hears how far it is."""
    rules = rules_for(language, tuple(products), tuple(competitors))
    model = load_model()
    named = _lexicon_matcher(products, competitors) if products or competitors else None
    out: list[Annotated] = []
    with _cyclic_gc_paused():
        shaped_all = shape(utterances, rules, deadline, progress)
        decided = model.decide_conversation(
            [(s.norm, s.context) for s in shaped_all], [u.speaker for u in utterances], language
        )
        for index, (u, shaped, found) in enumerate(
            zip(utterances, shaped_all, decided, strict=True)
        ):
            if found or named is not None:
                acts, evidence, context_acts = _learned_acts(shaped, found, named)
            else:  # most utterances: no learned act, nothing to explain
                acts = ["question"] if shaped.question in ("open", "closed") else []
                if shaped.greets:
                    acts.append("greeting")
                evidence, context_acts = {}, []
            out.append(
                Annotated(
                    index,
                    u.speaker,
                    u.text,
                    u.start,
                    u.end,
                    len(u.text.split()),
                    shaped.question,
                    acts,
                    evidence,
                    context_acts,
                )
            )
    return out


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cycle collector paused while a conversation is read: reading makes a few small
    lists per utterance and no cycle, yet each collection walked every object already made
    (a fifth of the time on 20,000 utterances). Reference counting still frees everything;
    the collector runs again as soon as the reading ends, unless it was off before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _learned_acts(
    shaped: Shaped,
    found: list[Decision],
    named: Callable[[str], list[tuple[str, str]]] | None,
) -> tuple[list[str], dict[str, list[str]], list[str]]:
    """The acts of one utterance, in their fixed order, the words that weighed for each, and
    those its speaker's other lines decided (the line alone would not carry them)."""
    decisions = {d.act: d for d in found}
    if named is not None:
        for act, term in named(shaped.norm):  # the user's own product and competitor names
            if act not in decisions:
                decisions[act] = Decision(act, 1.0, (term,))
    pitch = [decisions[a] for a in ("own_offer", "self_promotion", "competitor") if a in decisions]
    if pitch and "input" not in decisions:  # a pitch pushes own content
        decisions["input"] = pitch[0]._replace(act="input")
    acts = ["question"] if shaped.question in ("open", "closed") else []
    acts += [act for act in LEARNED if act in decisions]
    if shaped.greets:
        acts.append("greeting")
    evidence = {act: list(decisions[act].evidence) for act in acts if act in decisions}
    context = [act for act in acts if act in decisions and decisions[act].context]
    return acts, evidence, context


def _lexicon_matcher(
    products: Iterable[str], competitors: Iterable[str]
) -> Callable[[str], list[tuple[str, str]]]:
    """Finds the user's product and competitor names (whole words, accents folded)."""
    patterns = [
        (act, re.compile(r"(?<!\w)" + re.escape(fold_accents(term.lower())) + r"(?!\w)"), term)
        for act, terms in (("own_offer", products), ("competitor", competitors))
        for term in terms
        if term.strip()
    ]

    def find(norm: str) -> list[tuple[str, str]]:
        if not patterns:
            return []
        folded = fold_accents(norm)
        return [(act, term) for act, pattern, term in patterns if pattern.search(folded)]

    return find


def _checkpoint(done: int, total: int, deadline: float | None, progress: Progress | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise AnalysisError("too_slow", done=done, total=total)
    if progress is not None:
        progress(done, total)


def choose_focus(annotated: list[Annotated], requested: str | None) -> tuple[str, str, dict]:
    """The assessed speaker, a message key saying why, and its parameters."""
    speakers = list(dict.fromkeys(u.speaker for u in annotated))
    if requested is not None:
        for name in speakers:
            if name.casefold() == requested.strip().casefold():
                return name, "focus_given", {"focus": name}
        raise AnalysisError("unknown_focus", focus=requested, speakers=", ".join(speakers))
    questions = Counter(u.speaker for u in annotated if u.question in ("open", "closed"))
    needs = Counter(u.speaker for u in annotated if "needs_question" in u.acts)
    # what the coach or the seller does, serving or pleasing: praise, credit, offers, guesses (a
    # pleasing coach by SMS may ask fewer questions than the client, but only he pitches)
    leads = Counter(u.speaker for u in annotated for act in u.acts if act in _ASSESSED_ROLE_ACTS)
    # needs questions count double; ties go to whoever opened the conversation
    # `speakers` is in order of first appearance and min() keeps the first of equals: no
    # `speakers.index(s)` tie-break, which was quadratic in the number of speakers
    focus = min(speakers, key=lambda s: -(questions[s] + 2 * needs[s] + leads[s]))
    if questions[focus] + leads[focus] == 0:
        return focus, "focus_opened", {"focus": focus}
    if max(questions.values(), default=0) > questions[focus]:
        return focus, "focus_leads", {"focus": focus, "count": questions[focus] + leads[focus]}
    return focus, "focus_most_questions", {"focus": focus, "count": questions[focus]}


# Acts of the person who coaches or sells (serving or pleasing), not of the one who is helped.
_ASSESSED_ROLE_ACTS = frozenset(
    {
        "affirmation",
        "ownership_returned",
        "credit_taken",
        "self_promotion",
        "own_offer",
        "competitor",
        "assumption",
    }
)


def analyze(
    source: Source,
    focus: str | None = None,
    lang: str = "auto",
    lexicon: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    fmt: str | None = None,
    max_bytes: int | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    frame: str = "auto",
) -> Report:
    """Analyze a transcript file, or a list of utterances (dicts, pairs or Utterance).

    `frame` is "call" (a sales call or session transcript: sales benchmarks apply) or
    "coaching" (an SMS follow-up: credit handed back is scored, talk share is not). "auto"
    is "call": a transcript is a call; the app passes "coaching" for its own SMS threads.

    `limits` bounds what the analysis may cost (refused with a clear AnalysisError);
    `progress(done, total)` is called every few hundred utterances."""
    started = time.monotonic()
    if isinstance(source, (str, os.PathLike)):
        utterances = read_transcript(source, fmt, max_bytes)
        origin: str | None = str(source)
    else:
        utterances = from_records(source)
        origin = None
    if not utterances:
        raise AnalysisError("empty", path=origin or "<input>")
    if limits is not None:
        limits.check(utterances)
    deadline = None
    if limits is not None and limits.max_seconds is not None:
        deadline = started + limits.max_seconds
    products, competitors = load_lexicon(lexicon)
    language = detect_language(utterances) if lang == "auto" else lang
    if language not in languages.SUPPORTED:
        raise AnalysisError("unknown_language", lang=lang)
    if frame == "auto":
        frame = "call"
    if frame not in FRAMES:
        raise AnalysisError("unknown_frame", frame=frame, frames=", ".join(FRAMES))
    annotated = annotate(utterances, language, products, competitors, deadline, progress)
    chosen, reason, params = choose_focus(annotated, focus)
    warnings = ["one_speaker"] if len({u.speaker for u in annotated}) == 1 else []
    pronouns = languages.get(language)
    metrics = compute(annotated, chosen, (pronouns.OTHER_PRONOUNS, pronouns.SELF_PRONOUNS))
    small_talk_turns = sum(u.speaker == chosen and "small_talk" in u.acts for u in annotated)
    score, indicators = build_indicators(metrics, small_talk_turns, frame)
    feedback = build_feedback(metrics, indicators, annotated, language)
    return Report(
        language=language,
        focus=chosen,
        focus_reason=reason,
        service_score=score,
        speakers=_speaker_table(annotated),
        indicators=indicators,
        feedback=feedback,
        utterances=annotated,
        warnings=warnings,
        source=origin,
        focus_params=params,
        frame=frame,
    )


def _speaker_table(annotated: list[Annotated]) -> dict[str, dict[str, Any]]:
    total = sum(u.words for u in annotated) or 1
    table: dict[str, dict[str, Any]] = {}
    for u in annotated:
        row = table.setdefault(u.speaker, {"utterances": 0, "words": 0, "questions": 0})
        row["utterances"] += 1
        row["words"] += u.words
        row["questions"] += u.question in ("open", "closed")
    for row in table.values():
        row["talk_share"] = round(row["words"] / total, 4)
    return table
