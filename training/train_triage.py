"""Train the SMS triage model and write the weight table the package ships.

    make model                      # installs the `train` extra, then runs this
    python training/train_triage.py [--out ancrage/analysis/weights/triage.json]

Data: training/triage/sms_<writer>.jsonl, written and labelled by several writers from
training/triage/GUIDE.md alone. Files named heldout_*.jsonl are never read here: they
judge the shipped model once (benchmarks/triage_accuracy.py).

Method: one logistic regression per category (scikit-learn, liblinear, balanced classes,
fixed seed) over the features of `ancrage.analysis.triage.features`, kept when they occur
in at least two SMS. The regularisation and each category's threshold are chosen by
leave-one-writer-out cross-validation on the training writers only, so that they favour
what carries over to a writer the model has not seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ancrage.analysis.triage import CATEGORIES, WEIGHTS, features  # noqa: E402

DATA = ROOT / "training" / "triage"
C_GRID = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.20 .. 0.80
SEED = 0
MIN_DOCS = 2


@dataclass(frozen=True)
class Sms:
    text: str
    lang: str
    labels: frozenset[str]
    writer: str


def load(pattern: str = "sms_*.jsonl", folder: Path = DATA) -> list[Sms]:
    rows = []
    for path in sorted(folder.glob(pattern)):
        writer = path.stem.split("_", 1)[1]
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                labels = frozenset(item["categories"]) & set(CATEGORIES)
                rows.append(Sms(item["text"], item["lang"], labels, writer))
    return rows


def vocabulary(rows: list[Sms]) -> dict[str, int]:
    docs = Counter(f for sms in rows for f in set(features(sms.text, sms.lang)))
    kept = sorted(f for f, n in docs.items() if n >= MIN_DOCS)
    return {f: i for i, f in enumerate(kept)}


def matrix(rows: list[Sms], vocab: dict[str, int]):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for sms in rows:
        cols = sorted({vocab[f] for f in features(sms.text, sms.lang) if f in vocab})
        indices += cols
        indptr.append(len(indices))
    data = [1.0] * len(indices)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def fit(rows: list[Sms], c: float) -> tuple[dict[str, int], list[object]]:
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(rows)
    x = matrix(rows, vocab)
    models = []
    for label in CATEGORIES:
        y = [label in sms.labels for sms in rows]
        model = LogisticRegression(
            C=c, class_weight="balanced", solver="liblinear", random_state=SEED, max_iter=1000
        )
        models.append(model.fit(x, y))
    return vocab, models


def predict(vocab: dict[str, int], models: list[object], rows: list[Sms]) -> list[list[float]]:
    x = matrix(rows, vocab)
    columns = [m.predict_proba(x)[:, 1] for m in models]  # type: ignore[attr-defined]
    return [[float(col[i]) for col in columns] for i in range(len(rows))]


def f1(truth: list[bool], guess: list[bool]) -> float:
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    fp = sum(g and not t for t, g in zip(truth, guess, strict=True))
    fn = sum(t and not g for t, g in zip(truth, guess, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def out_of_writer(rows: list[Sms], c: float) -> list[list[float]]:
    """Probabilities for every SMS from a model trained without its writer."""
    probs: list[list[float]] = [[] for _ in rows]
    for writer in sorted({sms.writer for sms in rows}):
        train = [sms for sms in rows if sms.writer != writer]
        test = [i for i, sms in enumerate(rows) if sms.writer == writer]
        vocab, models = fit(train, c)
        for i, p in zip(test, predict(vocab, models, [rows[i] for i in test]), strict=True):
            probs[i] = p
    return probs


def best_thresholds(rows: list[Sms], probs: list[list[float]]) -> tuple[list[float], list[float]]:
    chosen, scores = [], []
    for k, label in enumerate(CATEGORIES):
        truth = [label in sms.labels for sms in rows]
        score, threshold = max(
            (f1(truth, [p[k] >= t for p in probs]), -abs(t - 0.5), t) for t in THRESHOLDS
        )[0::2]
        chosen.append(threshold)
        scores.append(round(score, 3))
    return chosen, scores


def train(rows: list[Sms]) -> dict[str, object]:
    trials = {}
    for c in C_GRID:
        probs = out_of_writer(rows, c)
        thresholds, scores = best_thresholds(rows, probs)
        trials[c] = (sum(scores) / len(scores), thresholds, scores)
        print(f"C={c}: leave-one-writer-out macro F1 {trials[c][0]:.3f} {scores}")
    c = max(trials, key=lambda k: trials[k][0])
    _macro, thresholds, scores = trials[c]
    vocab, models = fit(rows, c)
    return table(vocab, models, thresholds, rows, c, dict(zip(CATEGORIES, scores, strict=True)))


def table(vocab, models, thresholds, rows, c, cv) -> dict[str, object]:  # type: ignore[no-untyped-def]
    coefs = [m.coef_[0] for m in models]
    feats = {}
    for f, i in vocab.items():
        row = [round(float(coef[i]), 4) for coef in coefs]
        if any(abs(w) >= 0.001 for w in row):
            feats[f] = row
    return {
        "version": 1,
        "labels": list(CATEGORIES),
        "bias": [round(float(m.intercept_[0]), 4) for m in models],
        "thresholds": thresholds,
        "trained_on": {
            "writers": dict(Counter(sms.writer for sms in rows)),
            "sms": len(rows),
            "C": c,
            "seed": SEED,
            "leave_one_writer_out_f1": cv,
        },
        "features": feats,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    options = parser.parse_args(argv)
    rows = load()
    if len({sms.writer for sms in rows}) < 2:
        print("error: the triage model needs SMS from at least two writers", file=sys.stderr)
        return 2
    weights = train(rows)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(weights, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {options.out} ({len(weights['features'])} features, from {len(rows)} SMS)")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
