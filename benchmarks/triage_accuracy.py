"""SMS triage against labelled SMS from a writer the model never saw.

    python benchmarks/triage_accuracy.py [--data training/triage/heldout_writer_d.jsonl]

Scores the shipped weight table (ancrage/analysis/weights/triage.json) on the held-out
writer's SMS (never read by training/train_triage.py): F1 per category, in French and
in English, and how often the primary category is right. Beside it, in the same run, a
baseline of keyword rules (merci/thanks, ?, décaler/reschedule...) a team would write
first. The leave-one-writer-out figures stored in the weight table are cross-validation
on the training writers (in-sample for the choice of settings).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ancrage.analysis.normalize import fold_accents  # noqa: E402
from ancrage.analysis.triage import CATEGORIES, WEIGHTS, triage  # noqa: E402

HELDOUT = ROOT / "training" / "triage" / "heldout_writer_d.jsonl"
KEYWORDS = {
    "gratitude": r"\b(merci|thanks?|thank you|thx|ty|grace a (toi|vous)|reconnaissant|grateful)\b",
    "win": r"\b(signe|gagne|accepte|reussi|yes+|won|signed|landed|got the|promotion|bravo)\b|🎉",
    "struggle": r"\b(dur|difficile|peur|doute|decourage|nul|rate|refus|hard|stuck|afraid|scared|"
    r"failed|rejected|give up|lacher)\b|😞|😢|😭",
    "question": r"\?",
    "scheduling": r"\b(decaler|reporter|annuler|retard|rdv|seance|demain|jeudi|lundi|"
    r"reschedule|cancel|late|session|call|tomorrow|monday|thursday)\b",
}
_RULES = {k: re.compile(v) for k, v in KEYWORDS.items()}


def keyword_baseline(text: str) -> set[str]:
    norm = fold_accents(text.lower())
    found = {k for k, rule in _RULES.items() if rule.search(norm)}
    if "scheduling" in found:
        found.discard("question")  # a question about a session is scheduling (labelling guide)
    return found


def f1(pairs: list[tuple[bool, bool]]) -> float:
    tp = sum(t and g for t, g in pairs)
    wrong = sum(t != g for t, g in pairs)
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def score(rows: list[dict], guess) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    table: dict[str, dict[str, float]] = {}
    for lang in ("fr", "en", "all"):
        subset = [r for r in rows if lang in ("all", r["lang"])]
        guesses = [guess(r) for r in subset]
        table[lang] = {
            c: f1([(c in r["categories"], c in g) for r, g in zip(subset, guesses, strict=True)])
            for c in CATEGORIES
        }
        table[lang]["macro"] = sum(table[lang][c] for c in CATEGORIES) / len(CATEGORIES)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HELDOUT)
    options = parser.parse_args(argv)
    rows = [json.loads(line) for line in options.data.read_text().splitlines() if line.strip()]
    model = score(rows, lambda r: set(triage(r["text"], r["lang"]).categories))
    base = score(rows, lambda r: keyword_baseline(r["text"]))
    primary = sum(triage(r["text"], r["lang"]).category == r["primary"] for r in rows) / len(rows)
    print(f"{len(rows)} SMS from {options.data.name}, never used in training; F1 per category")
    print(f"{'':12}{'model fr':>10}{'model en':>10}{'model':>8}{'keywords':>10}")
    for c in (*CATEGORIES, "macro"):
        print(
            f"{c:12}{model['fr'][c]:>10.3f}{model['en'][c]:>10.3f}{model['all'][c]:>8.3f}"
            f"{base['all'][c]:>10.3f}"
        )
    print(f"primary category right: {primary:.3f}")
    stored = json.loads(WEIGHTS.read_text())["trained_on"]
    print(f"trained on {stored['writers']} (C={stored['C']}); leave-one-writer-out F1 on them "
          f"(cross-validation, in-sample for the settings): {stored['leave_one_writer_out_f1']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
