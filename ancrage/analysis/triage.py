"""Triage of an inbound SMS: gratitude, win, struggle, question, scheduling, or other.

    triage("Il a signé, trop contente, merci encore !")
    # Triage(category="win", categories=["win", "gratitude"], scores={...})

Meaning is learned, not listed: one logistic regression per category over words, word
pairs and letter groups of the normalised text, trained by `scripts/train_triage.py`
(`make model`) on SMS the team wrote and labelled from `training/triage/GUIDE.md`, and
shipped as a weight table (`weights/triage.json`). Running it needs no training library.
Opt-out is not decided here: STOP and its variants stay with the keyword rules of the
messaging layer, which always win.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .normalize import fold_accents, normalize

WEIGHTS = Path(__file__).with_name("weights") / "triage.json"
CATEGORIES = ("gratitude", "win", "struggle", "question", "scheduling")
OTHER = "other"

_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf]")
_TOKEN = re.compile(r"[a-z0-9]+|[?!]")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # « trooop », "sooo": the same letter thrice or more


def words(text: str, lang: str = "") -> list[str]:
    """The normalised words of an SMS (accents folded, « trooop » -> « troop », ? and !)."""
    norm = fold_accents(normalize(text, lang))
    return _TOKEN.findall(_REPEATS.sub(r"\1\1", norm))


def word_features(word: str) -> list[str]:
    """A word and its letter groups of 4 (typos, SMS spellings, FR/EN cognates)."""
    found = ["w:" + word]
    if len(word) > 3:
        padded = "<" + word + ">"
        found += ["c:" + padded[i : i + 4] for i in range(len(padded) - 3)]
    return found


def features(text: str, lang: str = "") -> list[str]:
    """What the model looks at, the same in training and at run time: words with their
    letter groups, word pairs, emoji."""
    tokens = words(text, lang)
    found = [f for word in tokens for f in word_features(word)]
    found += ["b:" + a + "_" + b for a, b in zip(tokens, tokens[1:], strict=False)]
    return found + ["e:" + e for e in _EMOJI.findall(text)]


@dataclass(frozen=True)
class Triage:
    category: str  # the primary category: the highest score above its threshold, or "other"
    categories: list[str]  # every category above its threshold, highest first
    scores: dict[str, float]  # probability per category, 0-1
    weighed: dict[str, list[tuple[str, float]]] = field(default_factory=dict, compare=False)

    def as_json(self) -> dict[str, object]:
        return {
            "category": self.category,
            "categories": self.categories,
            "scores": {k: round(v, 3) for k, v in self.scores.items()},
        }


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, feats: list[str]) -> list[float]:
        get = self.weights.get
        rows = [row for row in map(get, feats) if row is not None]
        if not rows:
            return [_sigmoid(b) for b in self.bias]
        # one column per category, summed in C (zip and sum), not in a Python loop
        columns = zip(*rows, strict=True)
        return [_sigmoid(b + sum(col)) for b, col in zip(self.bias, columns, strict=True)]

    def weighed(self, text: str, lang: str, label: str, top: int = 5) -> list[tuple[str, float]]:
        """The words (with their letter groups), word pairs and emoji that pushed this label
        most, with their summed weight: the explanation of a badge."""
        i = self.labels.index(label)
        tokens = words(text, lang)
        units: dict[str, list[str]] = {w: word_features(w) for w in tokens}
        units.update(
            {a + " " + b: ["b:" + a + "_" + b] for a, b in zip(tokens, tokens[1:], strict=False)}
        )
        units.update({e: ["e:" + e] for e in _EMOJI.findall(text)})
        pushed = {
            unit: sum(self.weights[f][i] for f in feats if f in self.weights)
            for unit, feats in units.items()
        }
        best = sorted(pushed.items(), key=lambda kv: -abs(kv[1]))[:top]
        return [(unit, round(w, 3)) for unit, w in best if w]


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


@cache
def load_model(path: Path = WEIGHTS) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        labels=tuple(data["labels"]),
        bias=tuple(data["bias"]),
        thresholds=tuple(data["thresholds"]),
        weights={f: tuple(ws) for f, ws in data["features"].items()},
    )


_ACCENTS = frozenset("éèêàùçôîœ")
_WORDISH = re.compile(r"[\w']+")


@cache
def _markers() -> tuple[frozenset[str], frozenset[str]]:
    from .lang import get

    return frozenset(get("fr").MARKERS), frozenset(get("en").MARKERS)


def detect_lang(text: str) -> str:
    """French or English, by the same marker words as the analyzer's detection (set
    intersections: an SMS is short, this runs for every one); French on a tie."""
    fr, en = _markers()
    tokens = set(_WORDISH.findall(text.lower().replace("’", "'")))
    french = len(tokens & fr) + (not _ACCENTS.isdisjoint(text.lower()))
    return "fr" if french >= len(tokens & en) else "en"


def triage(
    text: str, lang: str = "auto", *, explain: bool = False, model: Model | None = None
) -> Triage:
    """The categories of one SMS; an empty or emoji-only one is "other" with its scores."""
    model = model or load_model()
    code = detect_lang(text) if lang == "auto" else lang
    feats = features(text, code)
    probs = model.scores(feats)
    scores = dict(zip(model.labels, probs, strict=True))
    above = sorted(
        (
            label
            for label, p, t in zip(model.labels, probs, model.thresholds, strict=True)
            if p >= t
        ),
        key=lambda label: -scores[label],
    )
    weighed = {label: model.weighed(text, code, label) for label in above} if explain else {}
    return Triage(above[0] if above else OTHER, above, scores, weighed)
