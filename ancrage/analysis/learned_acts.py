"""The acts of an utterance, decided by trained linear models, with the words that weighed.

The regex layer (acts.py) keeps what it does reliably, the *shape*: question type, tags,
greetings, SMS normalisation. What an utterance *does* (small talk, a pitch, an assumption,
credit handed back...) is decided here, by one logistic regression per act over:

- words, word pairs and 4-letter groups of the normalised text, tagged with the language
  (letter groups carry over typos, SMS spellings and words the writers never used);
- shape features from the regex layer and the conversation: question type, greeting, whether
  the utterance opens the conversation or continues its speaker's turn, whether the other's
  previous turn thanked, how many of its content words this utterance takes up (a finer
  position in the conversation made a "you should…" read differently after a backchannel);
- the acts the regex layer's lexicons see, each one feature whose weight is learned like any
  word's: on writers the lexicons were never written from they add 0.05 of pleasing-acts F1
  (docs/analysis.md), and the model, not the lexicon, decides;
- capitalised names inside a sentence (`named`): a rival or a brand is rarely a word any
  writer used, its capital is.

Each utterance is then read a second time (`Stack`), beside what its speaker does in the rest
of the conversation: his highest and mean probability of every act elsewhere, and the act's
probability in his previous and next lines. Lines of fewer than four words are no context,
and a line with no context around it keeps its first reading and its own thresholds.

The weights are trained by `training/train_acts.py` (`make model`) on conversations the team
wrote and labelled itself, and shipped as a table (`weights/acts.json`): running needs no
training library. Features are kept by name rather than hashed so that every decision can
say which words weighed most for it (`evidence`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from .acts import ACTS
from .normalize import fold_accents

WEIGHTS = Path(__file__).with_name("weights") / "acts.json"

# The acts learned here; `question` (a shape) and `greeting` stay with the regex layer.
LEARNED = tuple(act for act in ACTS if act not in ("question", "greeting"))

# « l'histoire » -> l' histoire (`[a-z]+'?`: one pass over a word, where `[a-z]+'|[a-z]+` read
# every word twice that had no apostrophe)
_TOKEN = re.compile(r"[a-z]+'?|\d+(?:[.,]\d+)*|[?!%€$£]")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # « trooop », "sooo": the same letter thrice or more
_HAS_REPEATS = re.compile(r"(?=([a-z])\1\1)")  # the same test, faster to fail: most texts have none
_THANKS = re.compile(r"\b(?:merci|thanks?|thx|ty|remercie)\b")
_THANKS_LETTERS = ("merci", "th", "ty")  # one of them is in every match of _THANKS
_STOP_CONTENT = 5  # content words: five letters or more


@dataclass(frozen=True, slots=True)
class Context:
    """Where an utterance sits, from the regex layer and the conversation."""

    question: str | None  # "open", "closed", "tag" or None
    greets: bool
    follows_other: bool  # the other spoke before this turn
    continues_turn: bool  # the previous utterance was the same speaker's
    other_turn: str  # the other's previous turn, normalised ("" when none)
    echoes: bool = False  # takes up the other's words in a fragment, then asks (regex layer)
    lexical: tuple[str, ...] = ()  # the acts the regex layer's lexicons see, as evidence to weigh
    names: int = 0  # capitalised names inside a sentence, not the speakers' (0, 1 or 2 for more)
    acronyms: bool = False  # a word in capitals ("CRM", « RGPD »)


# a word that starts with a capital (Latin-1 capitals included: « Éric », "Ørsted")
_CAPITALISED = re.compile(r"(?<![^\W_])(?<!['’-])[A-ZÀ-ÖØ-Þ][^\W_]*(?:['’-][^\W\d_]+)*")
# Capitalised without being a name: the pronoun I, titles, days and months.
_NOT_NAMES = frozenset(
    """i i'm i'll i've i'd ok okay mr mrs ms dr mme mlle monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december mon tue tues wed thu thurs fri sat sun jan feb mar apr jun jul
    aug sep sept oct nov dec lundi mardi mercredi jeudi vendredi samedi dimanche janvier
    février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
    decembre""".split()
)


def named(text: str, speakers: frozenset[str]) -> tuple[int, bool]:
    """How many capitalised names a sentence carries inside it (not at its start, not the
    speakers' own names), up to 2, and whether a word is in capitals. A brand or a rival
    ("Doctolib", "State Farm's agents") is rarely a word any writer used before: the letters
    do not carry over, the capital does."""
    rest = text[1:]
    if rest == rest.lower():
        return 0, False  # no capital after the first letter: most SMS and transcripts
    found, acronyms = 0, False
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if len(word) >= 2 and word.isupper():
            acronyms = True
            continue
        before = text[: match.start()].rstrip()
        if not before or not (before[-1].isalnum() or before[-1] in ",'’"):
            continue  # a sentence's first word, after a full stop, a dash or an emoji
        lowered = word.lower()
        if lowered in speakers or lowered in _NOT_NAMES:
            continue
        found += 1
        if found == 2:
            break
    return found, acronyms


@lru_cache(maxsize=8192)
def tokens(norm: str) -> tuple[str, ...]:
    """Words of a normalised utterance, accents folded, « trooop » -> « troop », ? and !.
    Kept for a while: an utterance is read again as the other's turn the next one answers."""
    folded = norm if norm.isascii() else fold_accents(norm)
    if _HAS_REPEATS.search(folded) is not None:
        folded = _REPEATS.sub(r"\1\1", folded)
    # every number is one word, "#": "800 bakeries" and "3,000 garages" are the same boast
    return tuple("#" if word[0].isdigit() else word for word in _TOKEN.findall(folded))


@lru_cache(maxsize=4096)
def _content_words(turn: str) -> frozenset[str]:
    """The other's turn's content words: read once per turn, not once per utterance."""
    return frozenset(w for w in tokens(turn) if len(w) >= _STOP_CONTENT)


@lru_cache(maxsize=4096)
def _thanks(turn: str) -> bool:
    # substring tests (C, no regex) rule out most turns before the word-boundary search
    if not any(letters in turn for letters in _THANKS_LETTERS):
        return False
    return _THANKS.search(turn) is not None


def _overlap(words: tuple[str, ...], other_turn: str) -> str:
    if not other_turn:
        return "none"
    theirs = _content_words(other_turn)
    shared = len({w for w in words if len(w) >= _STOP_CONTENT and w in theirs})
    return "0" if not shared else "1" if shared == 1 else "2+"


@lru_cache(maxsize=65_536)
def _word_features(word: str, tag: str) -> tuple[str, ...]:
    """A word and its 4-letter groups (each once): words repeat (Zipf), so each is spelled out
    once, and at run time its weights are summed once (`Model._word`)."""
    found = ["w:" + tag + word]
    if len(word) > 3:
        padded = "<" + word + ">"
        found.extend(dict.fromkeys("c:" + tag + padded[i : i + 4] for i in range(len(padded) - 3)))
    return tuple(found)


def _pairs(words: tuple[str, ...], tag: str) -> list[str]:
    prefix = "b:" + tag  # one string built per pair, not four
    return list(dict.fromkeys([f"{prefix}{a}_{b}" for a, b in zip(words, words[1:], strict=False)]))


# The shape features' names, spelled once (they are looked up for every utterance).
_QUESTION_FEATURES = {q: "q:" + q for q in ("open", "closed", "tag", "none")}
_OVERLAP_FEATURES = {o: "overlap:" + o for o in ("none", "0", "1", "2+")}


def _shape_features(words: tuple[str, ...], tag: str, context: Context) -> list[str]:
    found = ["s:" + tag + "first_" + words[0]] if words else []
    question = context.question or "none"
    found.append(_QUESTION_FEATURES.get(question) or "q:" + question)
    found.append("len:1-3" if len(words) <= 3 else "len:4-12" if len(words) <= 12 else "len:13+")
    found.append(_OVERLAP_FEATURES[_overlap(words, context.other_turn)])
    if context.greets:
        found.append("greets")
    if not context.follows_other:
        found.append("opens")
    if context.continues_turn:
        found.append("continues")
    if context.echoes:
        found.append("echo_then_ask")
    if context.lexical:
        found.extend("rx:" + act for act in dict.fromkeys(context.lexical))
    if context.other_turn and _thanks(context.other_turn):
        found.append("after_thanks")
    if context.names:
        found.append(tag + "name")
        if context.names > 1:
            found.append(tag + "names2+")
    if context.acronyms:
        found.append(tag + "acronym")
    return found


def features(norm: str, lang: str, context: Context) -> list[str]:
    """What the models look at, the same in training and at run time: each distinct word
    once with its letter groups (a letter group two words share counts twice), each distinct
    pair of neighbouring words, and the shape. Counts, not presence: that is what lets the
    run time sum a word's weights once and reuse the sum (`Model.first_reading_of`)."""
    words = tokens(norm)
    tag = lang + ":"
    found: list[str] = []
    for word in dict.fromkeys(words):
        found.extend(_word_features(word, tag))
    found.extend(_pairs(words, tag))
    found.extend(_shape_features(words, tag, context))
    return found


# Words too common to explain anything on their own (explanations only; the models see them).
_FUNCTION_WORDS = frozenset(
    """a à au aux avec ce c' ces d' de des du elle en est et il ils j' je l' la le les leur m'
    ma mais me mes mon n' ne nous on ou où par pas pour qu' que qui s' sa se ses son sur t' ta
    te tes toi ton tu un une vos votre vous y ça the a an and are as at be but by for from he
    her his i in is it its me my of on or our she so that the their them they this to us was
    we were what with you your it' i' you' we' don' s ll ve re m d t # ! ?""".split()
)


@lru_cache(maxsize=131_072)
def _word_of(feature: str) -> str | None:
    """The words a feature stands for in an explanation: a word or a pair of words with some
    content (« ma methode », "probably"); letter groups and shape features stand for none."""
    kind, _, rest = feature.partition(":")
    if kind not in ("w", "b"):
        return None
    words = rest.partition(":")[2].split("_")
    if all(w in _FUNCTION_WORDS or len(w) < 3 for w in words):
        return None
    return " ".join(words)


_SURFACE = re.compile(r"[^\W\d_]+'?")  # a word, with its apostrophe when elided


def as_written(phrase: str, norm: str) -> str:
    """An explanation's words with the accents the speaker typed (« methode » -> « méthode »)."""
    return _as_written(phrase, _spellings(norm))


def _spellings(norm: str) -> dict[str, str]:
    """Each word of an utterance as folded -> as typed (empty when nothing is accented)."""
    if norm.isascii():
        return {}
    return {_folded(w): w for w in _SURFACE.findall(norm) if not w.isascii()}


@lru_cache(maxsize=65_536)
def _folded(word: str) -> str:
    return fold_accents(word)


def _as_written(phrase: str, spelled: dict[str, str]) -> str:
    if spelled:
        phrase = " ".join(spelled.get(w, w) for w in phrase.split())
    return phrase.replace("' ", "'")  # « j' étais » was split at the elision


Row = tuple[float, ...]  # one weight (or one sum) per act
Explained = tuple[str, Row]  # a feature's words (see _word_of) and its weights


class _Word(NamedTuple):
    """What a word of a language adds to an utterance, worked out once (words repeat, Zipf)."""

    summed: Row  # its weights and its letter groups', summed in `features` order
    explained: Explained | None  # its words and its own weights, when it can explain a decision


class Decision(NamedTuple):  # a tuple: made for every act found, so made cheaply
    act: str
    score: float
    evidence: tuple[str, ...]  # the words that weighed most for it, strongest first
    # decided beside the speaker's other lines: the line read alone would not carry it, so its
    # words alone do not explain it (the report says so)
    context: bool = False


_CLIP = 9.21  # first-reading logits are clipped to ±9.21 (p within 1e-4 of 0 or 1)


class Inputs(NamedTuple):
    """What the second reading sees of one utterance, for every act: its own first-reading
    logit, and its speaker's other utterances in the conversation read first."""

    logit: list[float]  # clipped
    peak: list[float]  # each act's highest probability among the speaker's other utterances
    mean: list[float]  # its mean over them
    before: list[float]  # its probability in the speaker's previous utterance (0 when none)
    after: list[float]  # in the speaker's next one
    alone: bool = False  # too short to read again, or its speaker says too little else


_SAYS_SOMETHING = 4  # words: "Mm-hmm", « ok merci » are no context (padding must not count)
# A speaker's lines are read again only when he says at least this many things (lines that
# say something). The second reading learned from conversations of 18-30 lines; beside one or
# two other lines it overrules clear first readings (« ce week-end au ski, il a fait beau ? »
# lost its small talk beside one business question). On the writers' conversations cut to
# their first 2 or 3 assessed lines, reading them alone gives pleasing-acts F1 0.835 and 0.822
# against 0.691 and 0.773 read again; from 4 lines on the two are within 0.02 and reading
# again gives fewer false alarms (out-of-writer, in-sample for the method; docs/analysis.md).
_READ_AGAIN_FROM = 4


def says_something(norm: str) -> bool:
    """Whether an utterance counts as context for its speaker's others (4 words or more)."""
    return _says_something(tokens(norm))


def _says_something(words: tuple[str, ...]) -> bool:
    found = 0
    for word in words:
        if word[0].isalpha():
            found += 1
            if found == _SAYS_SOMETHING:
                return True
    return False


def conversation_inputs(
    first: list[list[float]], speakers: list[str], counts: list[bool]
) -> list[Inputs]:
    """The second reading's inputs for every utterance, from the first readings' logits: the
    same for training (`training/train_acts.py`) and at run time. Only the utterances that
    `counts` (`says_something`) are context: backchannels added between two lines change
    neither line's reading."""
    width = len(first[0]) if first else 0
    # only what counts as context is needed as probabilities (and every list below is shared,
    # never changed: a reading makes as few objects as it can)
    probabilities = [
        [_sigmoid(x) for x in row] if says else [] for row, says in zip(first, counts, strict=True)
    ]
    by_speaker: dict[str, list[int]] = {}
    for i, speaker in enumerate(speakers):
        if counts[i]:
            by_speaker.setdefault(speaker, []).append(i)
    zeros = [0.0] * width
    out: list[Inputs | None] = [None] * len(first)
    for i, row in enumerate(first):  # what nothing else is said around: read alone
        if not counts[i] or len(by_speaker.get(speakers[i], ())) < _READ_AGAIN_FROM:
            out[i] = Inputs(row, zeros, zeros, zeros, zeros, alone=True)
    for indexes in by_speaker.values():
        n = len(indexes)
        if n < _READ_AGAIN_FROM:
            continue
        sums = [0.0] * width
        best = [-1.0] * width  # the highest probability of each act, and who said it
        second = [0.0] * width  # the highest among the others
        best_at = [-1] * width
        for i in indexes:
            row = probabilities[i]
            for a in range(width):
                p = row[a]
                sums[a] += p
                if p > best[a]:
                    second[a], best[a], best_at[a] = max(best[a], 0.0), p, i
                elif p > second[a]:
                    second[a] = p
        for j, i in enumerate(indexes):
            row = probabilities[i]
            logit = [min(max(x, -_CLIP), _CLIP) for x in first[i]]
            peak = [second[a] if best_at[a] == i else best[a] for a in range(width)]
            mean = [(sums[a] - row[a]) / (n - 1) for a in range(width)]
            before = probabilities[indexes[j - 1]] if j else zeros
            after = probabilities[indexes[j + 1]] if j + 1 < n else zeros
            out[i] = Inputs(logit, peak, mean, before, after)
    return [x for x in out if x is not None]


def stack_row(inputs: Inputs, act: int) -> list[float]:
    """One act's second-reading features: its own logit, every act's peak and mean elsewhere,
    and its own probability before and after (training fits one weight per column)."""
    return [inputs.logit[act], *inputs.peak, *inputs.mean, inputs.before[act], inputs.after[act]]


class Stack:
    """The second reading: each act's first logit weighed again beside what its speaker does
    elsewhere in the conversation. After a coach has pitched his workshop, « il reste deux
    places, je te les garde jusqu'à vendredi » is an offer; after two questions about the
    client's quotes, the same line is information (tests/analysis/test_learned_acts.py)."""

    def __init__(self, data: dict, thresholds: list[float]) -> None:
        width = len(thresholds)
        self.bias: Row = tuple(data["bias"])
        self.weights: tuple[Row, ...] = tuple(tuple(row) for row in data["weights"])
        if len(self.weights) != width or any(len(w) != 3 + 2 * width for w in self.weights):
            raise ValueError("the second reading's table does not match the acts")
        # the most the context can add to an act (its inputs lie between 0 and 1), and the
        # logit its threshold stands for: an act that cannot reach it is not summed at all
        self._reach: Row = tuple(sum(max(w, 0.0) for w in row[1:]) for row in self.weights)
        self._cut: Row = tuple(_logit(t) - 1e-9 for t in thresholds)

    def read(
        self, first: list[list[float]], speakers: list[str], counts: list[bool]
    ) -> list[list[float] | None]:
        """Every utterance's probability of each act after the second reading (0.0 for an act
        its context cannot lift to its threshold); None for an utterance read alone (a
        backchannel, or its speaker says nothing else)."""
        out: list[list[float] | None] = []
        width = len(self.bias)
        for inputs in conversation_inputs(first, speakers, counts):
            if inputs.alone:
                out.append(None)
                continue
            row = [0.0] * width
            for a in range(width):
                w = self.weights[a]
                # summed in `stack_row`'s order: the same floats as training's columns
                total = self.bias[a] + w[0] * inputs.logit[a]
                if total + self._reach[a] < self._cut[a]:
                    continue
                for j in range(width):
                    total += w[1 + j] * inputs.peak[j]
                for j in range(width):
                    total += w[1 + width + j] * inputs.mean[j]
                total += w[1 + 2 * width] * inputs.before[a]
                total += w[2 + 2 * width] * inputs.after[a]
                row[a] = _sigmoid(total)
            out.append(row)
        return out


class Model:
    """A weight table: per feature one weight per act, a bias and a threshold per act.

    A feature counts as often as `features` lists it (counts, as in training)."""

    def __init__(self, data: dict) -> None:
        self.acts: tuple[str, ...] = tuple(data["acts"])
        self.bias: list[float] = data["bias"]
        self.thresholds: list[float] = data["thresholds"]  # after the second reading
        self.thresholds_alone: list[float] = data["thresholds_alone"]  # the first reading only
        # p >= t only if the logit is >= log(t / (1 - t)): a margin keeps the test exact
        self._cut_alone = [_logit(t) - 1e-9 for t in self.thresholds_alone]
        # tuples of floats: the garbage collector stops looking at them after one pass, where
        # 60,000 lists would be walked again at every full collection
        self.weights: dict[str, tuple[float, ...]] = {
            f: tuple(row) for f, row in data["features"].items()
        }
        self.meta: dict = data.get("trained_on", {})
        self.stack = Stack(data["stack"], self.thresholds)
        self._zero: list[float] = [0.0] * len(self.acts)
        self._index: dict[str, int] = {act: i for i, act in enumerate(self.acts)}
        self._bias_row: Row = tuple(self.bias)
        self._words: dict[str, dict[str, _Word]] = {}  # language tag -> word -> _Word

    def _sum(self, feats: list[str]) -> list[float]:
        totals = list(self.bias)
        get = self.weights.get
        for f in feats:
            row = get(f)
            if row is not None:
                _add(totals, row)
        return totals

    def _word(self, word: str, tag: str) -> _Word:
        """A word's weights and its letter groups', summed once (words repeat, Zipf), with its
        explanation; kept in one table per language, so that no key is built to look it up."""
        words = self._words.get(tag)
        if words is None:
            words = self._words[tag] = {}
        found = words.get(word)
        if found is None:
            found = self._new_word(word, tag)
            if len(words) >= _WORD_SUMS:  # bounded: a long-running server
                words.clear()
            words[word] = found
        return found

    def _new_word(self, word: str, tag: str) -> _Word:
        summed = list(self._zero)
        get = self.weights.get
        feats = _word_features(word, tag)
        for f in feats:
            row = get(f)
            if row is not None:
                _add(summed, row)
        own = feats[0]  # "w:" + tag + word
        phrase, row = _word_of(own), get(own)
        explained = (phrase, row) if phrase is not None and row is not None else None
        return _Word(tuple(summed), explained)

    def first_reading(self, feats: list[str]) -> list[float]:
        """Each act's logit from the utterance alone, in the order of `self.acts`."""
        return self._sum(feats)

    def first_reading_of(self, norm: str, lang: str, context: Context) -> list[float]:
        """The same logits as `first_reading(features(norm, lang, context))`, faster: a
        word's weights are summed once and reused."""
        return self._first_reading_of(norm, lang, context)[0]

    def _first_reading_of(
        self, norm: str, lang: str, context: Context
    ) -> tuple[list[float], list[tuple[str, Row]], bool]:
        """The logits, the pairs of words the models know (kept for the explanation), and
        whether the utterance is context for its speaker's others (`says_something`)."""
        words = tokens(norm)
        tag = lang + ":"
        rows = [self._bias_row]
        rows.extend([self._word(word, tag).summed for word in dict.fromkeys(words)])
        get = self.weights.get
        # the pairs the models know (most are not)
        weighed_pairs = [(f, row) for f in _pairs(words, tag) if (row := get(f)) is not None]
        rows.extend([row for _f, row in weighed_pairs])
        for f in _shape_features(words, tag, context):
            row = get(f)
            if row is not None:
                rows.append(row)
        return _sum_rows(rows, len(self.acts)), weighed_pairs, _says_something(words)

    def decide(self, feats: list[str], evidence: int = 3) -> list[Decision]:
        """The acts of an utterance read alone (its speaker says nothing else)."""
        probabilities = [_sigmoid(x) for x in self.first_reading(feats)]
        return self._decisions(
            probabilities, self.thresholds_alone, self._explained(feats), evidence
        )

    def decide_conversation(
        self,
        utterances: list[tuple[str, Context]],
        speakers: list[str],
        lang: str,
        evidence: int = 3,
    ) -> list[list[Decision]]:
        """The acts of every utterance (normalised text and context), each read first alone,
        then again beside what its speaker does in the rest of the conversation (`Stack`);
        with the words that weighed, as the speaker typed them, and marked `context` where
        the line read alone would not carry the act."""
        read = [self._first_reading_of(norm, lang, context) for norm, context in utterances]
        first = [logits for logits, _pairs, _counts in read]
        counts = [says for _logits, _pairs, says in read]
        out: list[list[Decision]] = []
        for (norm, _context), (logits, weighed_pairs, _says), second in zip(
            utterances, read, self.stack.read(first, speakers, counts), strict=True
        ):
            if second is None:
                if all(x < cut for x, cut in zip(logits, self._cut_alone, strict=True)):
                    out.append([])  # below every threshold, read alone: no sigmoid needed
                    continue
                probabilities, thresholds = [_sigmoid(x) for x in logits], self.thresholds_alone
            else:
                probabilities, thresholds = second, self.thresholds
            if all(p < t for p, t in zip(probabilities, thresholds, strict=True)):
                out.append([])  # most utterances: nothing to explain
                continue
            worded = self._worded(norm, lang, weighed_pairs)
            decisions = self._decisions(probabilities, thresholds, worded, evidence, norm)
            if second is not None:
                cut = self._cut_alone
                index = self._index
                decisions = [
                    d._replace(context=True) if logits[index[d.act]] < cut[index[d.act]] else d
                    for d in decisions
                ]
            out.append(decisions)
        return out

    def _worded(
        self, norm: str, lang: str, weighed_pairs: list[tuple[str, Row]]
    ) -> list[Explained]:
        """The words, then the pairs, of an utterance that can explain a decision, in the
        order `features` lists them (the order ties are broken in)."""
        tag = lang + ":"
        distinct = [self._word(word, tag) for word in dict.fromkeys(tokens(norm))]
        worded = [word.explained for word in distinct if word.explained is not None]
        worded += [(phrase, row) for f, row in weighed_pairs if (phrase := _word_of(f)) is not None]
        return worded

    def _explained(self, feats: list[str]) -> list[Explained]:
        """The features that can explain a decision, each once, with their weights."""
        get = self.weights.get
        return [
            (word, row)
            for f in dict.fromkeys(feats)
            if (word := _word_of(f)) is not None and (row := get(f)) is not None
        ]

    def _decisions(
        self,
        probabilities: list[float],
        thresholds: list[float],
        worded: list[Explained],
        evidence: int,
        norm: str = "",
    ) -> list[Decision]:
        """The chosen acts with their words; as typed in `norm` when it is given."""
        chosen = [(i, p) for i, p in enumerate(probabilities) if p >= thresholds[i]]
        if not chosen:
            return []
        out = []
        spelled: dict[str, str] | None = None
        for i, p in chosen:
            weighed: dict[str, float] = {}
            for word, row in worded:
                if row[i] > 0:
                    weighed[word] = weighed.get(word, 0.0) + row[i]
            best = sorted(weighed.items(), key=lambda kv: (-kv[1], kv[0]))[:evidence]
            if norm and best and spelled is None:  # once per utterance, for every act
                spelled = _spellings(norm)
            words = (
                (_as_written(w, spelled) for w, _ in best)
                if spelled is not None
                else (w for w, _ in best)
            )
            out.append(Decision(self.acts[i], round(p, 3), tuple(words)))
        return out


_WORD_SUMS = 200_000  # distinct words kept summed (a few tens of MB at most)


def _sum_rows(rows: list[Row], width: int) -> list[float]:
    """Each act's rows summed in their order, the first row first: the same floats as adding
    the rows one by one to the first, with one float kept unboxed per act (mypyc) rather
    than a float object made for every row and act."""
    first, rest = rows[0], rows[1:]
    totals = []
    for i in range(width):
        total: float = first[i]
        for row in rest:
            total += row[i]
        totals.append(total)
    return totals


def _add(totals: list[float], row: tuple[float, ...]) -> None:
    for i in range(len(totals)):
        totals[i] += row[i]


def _logit(p: float) -> float:
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


@cache
def load_model(path: Path = WEIGHTS) -> Model:
    return Model(json.loads(path.read_text(encoding="utf-8")))
