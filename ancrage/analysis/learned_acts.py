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

from .acts import ACTS
from .normalize import fold_accents

WEIGHTS = Path(__file__).with_name("weights") / "acts.json"

# The acts learned here; `question` (a shape) and `greeting` stay with the regex layer.
LEARNED = tuple(act for act in ACTS if act not in ("question", "greeting"))

_TOKEN = re.compile(r"[a-z]+'|[a-z]+|\d+(?:[.,]\d+)*|[?!%€$£]")  # « l'histoire » -> l' histoire
_NUMBER = re.compile(r"\d")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # « trooop », "sooo": the same letter thrice or more
_THANKS = re.compile(r"\b(?:merci|thanks?|thx|ty|remercie)\b")
_STOP_CONTENT = 5  # content words: five letters or more


@dataclass(frozen=True, slots=True)
class Context:
    """Where an utterance sits, from the regex layer and the conversation."""

    question: str | None  # "open", "closed", "tag" or None
    greets: bool
    position: int  # index of the utterance in the conversation
    follows_other: bool  # the other spoke before this turn
    continues_turn: bool  # the previous utterance was the same speaker's
    other_turn: str  # the other's previous turn, normalised ("" when none)
    echoes: bool = False  # takes up the other's words in a fragment, then asks (regex layer)
    lexical: tuple[str, ...] = ()  # the acts the regex layer's lexicons see, as evidence to weigh


def tokens(norm: str) -> list[str]:
    """Words of a normalised utterance, accents folded, « trooop » -> « troop », ? and !."""
    folded = norm if norm.isascii() else fold_accents(norm)
    # every number is one word, "#": "800 bakeries" and "3,000 garages" are the same boast
    return [
        "#" if _NUMBER.match(word) else word
        for word in _TOKEN.findall(_REPEATS.sub(r"\1\1", folded))
    ]


def _overlap(words: list[str], other_turn: str) -> str:
    if not other_turn:
        return "none"
    theirs = {w for w in tokens(other_turn) if len(w) >= _STOP_CONTENT}
    shared = len({w for w in words if len(w) >= _STOP_CONTENT} & theirs)
    return "0" if not shared else "1" if shared == 1 else "2+"


@lru_cache(maxsize=65_536)
def _word_features(word: str, tag: str) -> tuple[str, ...]:
    """A word and its 4-letter groups: words repeat (Zipf), so each is spelled out once."""
    found = ["w:" + tag + word]
    if len(word) > 3:
        padded = "<" + word + ">"
        found.extend("c:" + tag + padded[i : i + 4] for i in range(len(padded) - 3))
    return tuple(found)


def features(norm: str, lang: str, context: Context) -> list[str]:
    """What the models look at, the same in training and at run time."""
    words = tokens(norm)
    tag = lang + ":"
    found: list[str] = []
    for word in words:
        found.extend(_word_features(word, tag))
    found.extend("b:" + tag + a + "_" + b for a, b in zip(words, words[1:], strict=False))
    if words:
        found.append("s:" + tag + "first_" + words[0])
    found.append("q:" + (context.question or "none"))
    found.append("len:" + ("1-3" if len(words) <= 3 else "4-12" if len(words) <= 12 else "13+"))
    found.append("overlap:" + _overlap(words, context.other_turn))
    if context.greets:
        found.append("greets")
    if not context.follows_other:
        found.append("opens")
    if context.continues_turn:
        found.append("continues")
    if context.echoes:
        found.append("echo_then_ask")
    found.extend("rx:" + act for act in context.lexical)
    if context.other_turn and _THANKS.search(context.other_turn):
        found.append("after_thanks")
    return found


# Words too common to explain anything on their own (explanations only; the models see them).
_FUNCTION_WORDS = frozenset(
    """a à au aux avec ce c' ces d' de des du elle en est et il ils j' je l' la le les leur m'
    ma mais me mes mon n' ne nous on ou où par pas pour qu' que qui s' sa se ses son sur t' ta
    te tes toi ton tu un une vos votre vous y ça the a an and are as at be but by for from he
    her his i in is it its me my of on or our she so that the their them they this to us was
    we were what with you your it' i' you' we' don' s ll ve re m d t # ! ?""".split()
)


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


_SURFACE = re.compile(r"[^\W\d_]+'|[^\W\d_]+")


def as_written(phrase: str, norm: str) -> str:
    """An explanation's words with the accents the speaker typed (« methode » -> « méthode »)."""
    if not norm.isascii():
        spelled = {fold_accents(w): w for w in _SURFACE.findall(norm)}
        phrase = " ".join(spelled.get(w, w) for w in phrase.split())
    return phrase.replace("' ", "'")  # « j' étais » was split at the elision


@dataclass(frozen=True, slots=True)
class Decision:
    act: str
    score: float
    evidence: tuple[str, ...]  # the words that weighed most for it, strongest first


class Model:
    """A weight table: per feature one weight per act, a bias and a threshold per act."""

    def __init__(self, data: dict) -> None:
        self.acts: tuple[str, ...] = tuple(data["acts"])
        self.bias: list[float] = data["bias"]
        self.thresholds: list[float] = data["thresholds"]
        self.weights: dict[str, list[float]] = data["features"]
        self.meta: dict = data.get("trained_on", {})

    def _present(self, feats: list[str]) -> list[tuple[str, list[float]]]:
        """The utterance's features that have weights (presence counts, as in training)."""
        get = self.weights.get
        return [(f, row) for f in set(feats) if (row := get(f)) is not None]

    def _probabilities(self, present: list[tuple[str, list[float]]]) -> list[float]:
        # one column sum per act, done by zip and sum (C loops), not a Python loop per weight
        sums = [sum(column) for column in zip(*(row for _f, row in present), strict=True)]
        totals = [b + x for b, x in zip(self.bias, sums, strict=True)] if sums else self.bias
        return [_sigmoid(x) for x in totals]

    def scores(self, feats: list[str]) -> list[float]:
        """Probability of each act, in the order of `self.acts`."""
        return self._probabilities(self._present(feats))

    def decide(self, feats: list[str], evidence: int = 3) -> list[Decision]:
        """The acts above their threshold, each with the words that pushed it most."""
        present = self._present(feats)
        probabilities = self._probabilities(present)
        chosen = [(i, p) for i, p in enumerate(probabilities) if p >= self.thresholds[i]]
        if not chosen:
            return []
        worded = [(word, row) for f, row in present if (word := _word_of(f)) is not None]
        out = []
        for i, p in chosen:
            weighed: dict[str, float] = {}
            for word, row in worded:
                if row[i] > 0:
                    weighed[word] = weighed.get(word, 0.0) + row[i]
            best = sorted(weighed.items(), key=lambda kv: (-kv[1], kv[0]))[:evidence]
            out.append(Decision(self.acts[i], round(p, 3), tuple(w for w, _ in best)))
        return out


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


@cache
def load_model(path: Path = WEIGHTS) -> Model:
    return Model(json.loads(path.read_text(encoding="utf-8")))
