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
  (docs/analysis.md), and the model, not the lexicon, decides.

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
    return found


def features(norm: str, lang: str, context: Context) -> list[str]:
    """What the models look at, the same in training and at run time: each distinct word
    once with its letter groups (a letter group two words share counts twice), each distinct
    pair of neighbouring words, and the shape. Counts, not presence: that is what lets the
    run time sum a word's weights once and reuse the sum (`Model.decide_utterance`)."""
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


class Model:
    """A weight table: per feature one weight per act, a bias and a threshold per act.

    A feature counts as often as `features` lists it (counts, as in training)."""

    def __init__(self, data: dict) -> None:
        self.acts: tuple[str, ...] = tuple(data["acts"])
        self.bias: list[float] = data["bias"]
        self.thresholds: list[float] = data["thresholds"]
        # tuples of floats: the garbage collector stops looking at them after one pass, where
        # 60,000 lists would be walked again at every full collection
        self.weights: dict[str, tuple[float, ...]] = {
            f: tuple(row) for f, row in data["features"].items()
        }
        self.meta: dict = data.get("trained_on", {})
        self._zero: list[float] = [0.0] * len(self.acts)
        self._bias_row: Row = tuple(self.bias)
        # p >= t exactly when the logit is >= log(t / (1 - t)): no sigmoid for acts not chosen
        self._logit_thresholds = [_logit(t) for t in self.thresholds]
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

    def scores(self, feats: list[str]) -> list[float]:
        """Probability of each act, in the order of `self.acts`."""
        return [_sigmoid(x) for x in self._sum(feats)]

    def decide(self, feats: list[str], evidence: int = 3) -> list[Decision]:
        """The acts above their threshold, each with the words that pushed it most."""
        return self._decisions(self.scores(feats), self._explained(feats), evidence)

    def decide_utterance(
        self, norm: str, lang: str, context: Context, evidence: int = 3
    ) -> list[Decision]:
        """The same decisions as `decide(features(norm, lang, context))`, faster (a word's
        weights are summed once and reused; explanations are only looked for when an act is
        chosen), with the explanations' words as the speaker typed them (`as_written`)."""
        words = tokens(norm)
        tag = lang + ":"
        distinct = [self._word(word, tag) for word in dict.fromkeys(words)]
        rows = [self._bias_row]
        rows.extend([word.summed for word in distinct])
        get = self.weights.get
        # the pairs the models know (most are not): their weights are kept for the explanation
        weighed_pairs = [(f, row) for f in _pairs(words, tag) if (row := get(f)) is not None]
        rows.extend([row for _f, row in weighed_pairs])
        for f in _shape_features(words, tag, context):
            row = get(f)
            if row is not None:
                rows.append(row)
        totals = _sum_rows(rows, len(self.acts))
        if all(x < t for x, t in zip(totals, self._logit_thresholds, strict=True)):
            return []
        # the words, then the pairs, as `features` lists them (the order ties are broken in)
        worded = [word.explained for word in distinct if word.explained is not None]
        worded += [(phrase, row) for f, row in weighed_pairs if (phrase := _word_of(f)) is not None]
        return self._decisions([_sigmoid(x) for x in totals], worded, evidence, norm)

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
        worded: list[Explained],
        evidence: int,
        norm: str = "",
    ) -> list[Decision]:
        """The chosen acts with their words; as typed in `norm` when it is given."""
        chosen = [(i, p) for i, p in enumerate(probabilities) if p >= self.thresholds[i]]
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
