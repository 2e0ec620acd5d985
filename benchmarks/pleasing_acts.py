"""Issue 12's measure: pleasing acts on conversations the analyzer was never developed on.

    python benchmarks/pleasing_acts.py [FILE ...]   # default: the blind sets G-L

Per set and language: micro-F1 of the pleasing acts (small talk, self-promotion, own offer,
competitor, assumption, credit taken) on the assessed speaker's utterances, and false alarms
on plain business statements (utterances labelled `input` with no pleasing act). A new set is
read here once, untouched, and the reading recorded (docs/analysis.md) before anyone develops
on it or trains on it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import own_accuracy  # noqa: E402

from ancrage.analysis.acts import PLEASING  # noqa: E402

BLIND = [ROOT / "benchmarks" / "data" / f"heldout_{x}_conversations.jsonl" for x in "ghijkl"]


def reading(pairs: list, lang: str) -> tuple[float, int, int]:
    """(micro-F1, false alarms, plain business statements) for one language."""
    tp = fp = fn = alarms = plain = 0
    for gold, found in pairs:
        if not gold["assessed"] or gold["lang"] != lang:
            continue
        expected, seen = set(gold["acts"]) & PLEASING, set(found.acts) & PLEASING
        tp, fp, fn = tp + len(expected & seen), fp + len(seen - expected), fn + len(expected - seen)
        if not expected and "input" in gold["acts"]:
            plain, alarms = plain + 1, alarms + bool(seen)
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), alarms, plain


def main(paths: list[Path]) -> int:
    print(f"{'set':38}{'lang':>5}{'micro-F1':>10}{'false alarms':>15}")
    for path in paths:
        pairs = own_accuracy.annotated_rows(own_accuracy.load(path))
        for lang in ("fr", "en"):
            f1, alarms, plain = reading(pairs, lang)
            if plain or f1:
                print(f"{path.name:38}{lang:>5}{f1:>10.3f}{f'{alarms}/{plain}':>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main([Path(p) for p in sys.argv[1:]] or BLIND))
