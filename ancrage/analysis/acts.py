"""Per-utterance question type and acts, from hand-written lexical rules.

Everything is compiled once per language (and lexicon) so one utterance costs a handful of
regex searches: the analyzer must stay above 20,000 utterances per second on one core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from . import lang

ACTS = (
    "question",
    "needs_question",
    "reflection",
    "input",
    "self_promotion",
    "competitor",
    "own_offer",
    "assumption",
    "small_talk",
    "affirmation",
    "gratitude",
    "ownership_returned",
    "credit_taken",
    "greeting",
)

LONG_QUESTION_WORDS = 15
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*|[.!?…]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "\u00a0": " "})
# Unambiguous tags may follow a statement without a comma ("It's nice isn't it?").
_DECLARATIVE = re.compile(
    r"^(?:you|i|we|they|he|she|it|that|this|there|vous|tu|je|j'|on|il|elle|ils|elles|c'|ça)\b"
)
_NO_COMMA_TAG = re.compile(r"n't \w+$|n'est[- ]ce pas$|pas vrai$|hein$|you know$|right$")


def _any(fragments: list[str]) -> str:
    return "(?:" + "|".join(fragments) + ")"


def _words_regex(fragments: list[str], anchored: bool = False) -> re.Pattern[str]:
    prefix = "^" if anchored else r"(?<![\w'-])"
    return re.compile(prefix + _any(fragments) + r"(?![\w-])")


@dataclass(frozen=True)
class Rules:
    """The compiled rules of one language, plus the user's lexicon terms."""

    code: str
    fillers: re.Pattern[str]
    wh_start: re.Pattern[str]
    wh_no_mark: re.Pattern[str]
    backchannel: re.Pattern[str]
    aux_start: re.Pattern[str]
    not_inversion: re.Pattern[str]
    open_prompt: re.Pattern[str]
    curious: re.Pattern[str]
    closed_wh: re.Pattern[str]
    wh_end: re.Pattern[str]
    tag_end: re.Pattern[str]
    needs: re.Pattern[str]
    reflection_start: re.Pattern[str]
    reflection_anywhere: re.Pattern[str]
    summary_start: re.Pattern[str]
    input: re.Pattern[str]
    self_promotion: re.Pattern[str]
    own_offer: re.Pattern[str]
    competitor: re.Pattern[str]
    assumption: re.Pattern[str]
    small_talk: re.Pattern[str]
    greeting: re.Pattern[str]
    affirmation: re.Pattern[str]
    gratitude: re.Pattern[str]
    ownership_returned: re.Pattern[str]
    credit_taken: re.Pattern[str]
    other_pronouns: frozenset[str]
    self_pronouns: frozenset[str]


def _terms_regex(base: list[str], terms: tuple[str, ...]) -> re.Pattern[str]:
    escaped = [re.escape(t.lower().translate(_APOSTROPHES)) for t in terms if t.strip()]
    return _words_regex(base + escaped)


@lru_cache(maxsize=32)
def rules_for(
    code: str, products: tuple[str, ...] = (), competitors: tuple[str, ...] = ()
) -> Rules:
    mod: ModuleType = lang.get(code)
    fillers = re.compile(r"^(?:" + mod.FILLERS + r"(?![\w'-])[\s,;:.!-]*)+")
    return Rules(
        code=code,
        fillers=fillers,
        wh_start=_words_regex(mod.WH_START, anchored=True),
        wh_no_mark=_words_regex(mod.WH_NO_MARK, anchored=True),
        backchannel=re.compile(mod.BACKCHANNEL),
        aux_start=_words_regex(mod.AUX_START, anchored=True),
        not_inversion=re.compile(r"^" + mod.NOT_INVERSION),
        open_prompt=_words_regex(mod.OPEN_PROMPTS, anchored=True),
        curious=_words_regex(mod.CURIOUS),
        closed_wh=_words_regex(mod.CLOSED_WH, anchored=True),
        wh_end=re.compile(mod.WH_END),
        tag_end=re.compile(r"(?:^|,\s*|\s)" + _any(mod.TAG_END) + r"$"),
        needs=_words_regex(mod.NEEDS),
        reflection_start=_words_regex(mod.REFLECTION_START, anchored=True),
        reflection_anywhere=_words_regex(mod.REFLECTION_ANYWHERE),
        summary_start=re.compile(mod.SUMMARY_START),
        input=_words_regex(mod.INPUT),
        self_promotion=_words_regex(mod.SELF_PROMOTION),
        own_offer=_terms_regex(mod.OWN_OFFER, products),
        competitor=_terms_regex(mod.COMPETITOR, competitors),
        assumption=_words_regex(mod.ASSUMPTION),
        small_talk=_words_regex(mod.SMALL_TALK),
        greeting=_words_regex(mod.GREETING, anchored=True),
        affirmation=_words_regex(mod.AFFIRMATION),
        gratitude=_words_regex(mod.GRATITUDE),
        ownership_returned=_words_regex(mod.OWNERSHIP_RETURNED),
        credit_taken=_words_regex(mod.CREDIT_TAKEN),
        other_pronouns=mod.OTHER_PRONOUNS,
        self_pronouns=mod.SELF_PRONOUNS,
    )


_STUTTER = re.compile(r"\b(\w{1,4})-(?=\1)")  # "what-what", "wh-what", "I-I" -> one word


def normalize(text: str) -> str:
    return _STUTTER.sub("", " ".join(text.translate(_APOSTROPHES).lower().split()))


def split_sentences(norm: str) -> list[tuple[str, str]]:
    """Sentences without their final punctuation, each with its mark: "?", "!" or ""."""
    out = []
    for chunk in _SENTENCE.findall(norm):
        body = chunk.rstrip(".!?… ").strip(" ,;:-")
        if body:
            tail = chunk[len(chunk.rstrip(".!?… ")) :]
            out.append((body, "?" if "?" in tail else ("!" if "!" in tail else "")))
    return out


def _is_tag(body: str, rules: Rules) -> bool:
    match = rules.tag_end.search(body)
    if not match:
        return False
    head = body[: match.start()].rstrip()
    if not head:  # a lone "Right?" / "Non ?" after a statement
        return True
    if head.endswith(" ou") or rules.aux_start.match(head) or rules.wh_start.match(head):
        return False  # "oui ou non ?", "is it ready, yes?" are real questions
    return head.endswith(",") or body[match.start()] == "," or bool(_NO_COMMA_TAG.search(body))


def _clause_form(clause: str, has_mark: bool, rules: Rules) -> str | None:
    """ "open"/"closed" when a clause has the shape of a question, else None.

    Without a question mark only unambiguous shapes count (WH_NO_MARK), so that relative
    clauses ("which is...", "comment je vois...") are not taken for questions.
    """
    core = rules.fillers.sub("", clause)
    if not core:
        return None
    if rules.open_prompt.match(core) or rules.curious.search(core):
        return "open"
    if rules.wh_start.match(core) if has_mark else rules.wh_no_mark.match(core):
        return "closed" if rules.closed_wh.match(core) else "open"
    if rules.aux_start.match(core) and not rules.not_inversion.match(core):
        return "closed"
    return None


def _leading_forms(clauses: list[str], has_mark: bool, rules: Rules) -> str | None:
    """The form of the first clause, looking past short vocatives ("Salut Marc, ...")."""
    for clause in clauses:
        form = _clause_form(clause, has_mark, rules)
        if form or len(rules.fillers.sub("", clause).split()) > 2:
            return form
    return None


def sentence_question(body: str, mark: str, rules: Rules, first: bool = True) -> str | None:
    """ "open", "closed", "tag", "declarative" or None for one sentence (fillers included).

    "declarative" is a statement said with a question mark ("So you're sick of this?"):
    a closed question, which may also be a reflection.
    """
    if mark == "!":  # "Quel temps !", "What a day!": exclamations, not questions
        return None
    has_mark = mark == "?"
    core = rules.fillers.sub("", body)
    if has_mark and (not core or rules.backchannel.fullmatch(core)):
        # "Really?", "Ah bon ?", a lone "Yeah?": interest or a hearing check, except a tag
        # that closes a statement of the same speaker ("You did it. Right?")
        return "tag" if not first and rules.tag_end.search(body) else None
    if not core:
        return None
    if has_mark and _is_tag(core, rules):
        return "tag"
    clauses = [c for c in core.split(", ") if c.strip()]
    if has_mark:
        last = _clause_form(clauses[-1], True, rules)
        if last:
            return last
        if len(clauses) > 1 and not _DECLARATIVE.match(rules.fillers.sub("", clauses[-1])):
            form = _leading_forms(clauses[:-1], True, rules)
            if form:
                return form
        return "declarative"
    form = _leading_forms(clauses, False, rules)
    if form:
        return form
    return "open" if rules.wh_end.search(clauses[-1]) else None


def utterance_question(kinds: list[str | None], reflective: bool) -> str | None:
    real = [k for k in kinds if k in ("open", "closed")]
    if "declarative" in kinds:
        # counted as a question even when it also reflects: a listener hears a question
        real.append("closed")
    if real:
        return "open" if "open" in real else "closed"
    return "tag" if "tag" in kinds else None


def classify(
    text: str, rules: Rules, follows_other: bool = True
) -> tuple[str | None, list[str], str]:
    """Question type, acts, and normalised text of one utterance.

    `follows_other` is False when the speaker's turn opened the conversation: there is then
    nothing of the other's to reflect.
    """
    norm = normalize(text)
    sentences = split_sentences(norm)
    kinds = [sentence_question(b, m, rules, i == 0) for i, (b, m) in enumerate(sentences)]
    # advice hidden in a long question's preamble still counts; short questions do not
    statements = " . ".join(
        b
        for (b, _m), k in zip(sentences, kinds, strict=True)
        if k in (None, "tag", "declarative") or len(b.split()) > LONG_QUESTION_WORDS
    )
    pushes = bool(statements) and bool(rules.input.search(statements))
    reflects = follows_other and not pushes and _reflects(sentences, kinds, rules)
    question = utterance_question(kinds, reflects)
    acts: list[str] = []
    if question in ("open", "closed"):
        acts.append("question")
        if rules.needs.search(norm):
            acts.append("needs_question")
    if reflects:
        acts.append("reflection")
    for name in ("self_promotion", "competitor", "own_offer"):
        if getattr(rules, name).search(norm):
            acts.append(name)
            pushes = True
    if pushes:
        acts.append("input")
    for name in (
        "assumption",
        "small_talk",
        "affirmation",
        "gratitude",
        "ownership_returned",
        "credit_taken",
    ):
        if getattr(rules, name).search(norm):
            acts.append(name)
    if is_greeting(norm, rules):
        acts.append("greeting")
    return question, acts, norm


def _reflects(sentences: list[tuple[str, str]], kinds: list[str | None], rules: Rules) -> bool:
    """Gives back what the other said: a reflective opening, or a summary ("So ...")."""
    for (body, _mark), kind in zip(sentences, kinds, strict=True):
        if kind in ("open", "closed"):
            continue  # a wh- or yes/no question asks, it does not give back
        core = rules.fillers.sub("", body)
        if not core:
            continue
        if rules.reflection_anywhere.search(core) or rules.reflection_start.match(core):
            return True
        if rules.summary_start.match(body) and len(core.split()) >= 2:
            return True
    return False


def is_greeting(norm: str, rules: Rules) -> bool:
    return bool(rules.greeting.match(norm.strip(" .!,")))
