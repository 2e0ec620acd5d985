"""Accuracy of ancrage.analysis on conversations the team wrote and labelled itself.

    python benchmarks/own_accuracy.py [--data FILE] [--against FILE] [--errors KIND]

Reads benchmarks/data/own_conversations.jsonl (or --data FILE, e.g. the held-out set
benchmarks/data/heldout_conversations.jsonl): coaching sessions, sales discovery calls, SMS
threads and unpunctuated transcripts in French and English, in the product's own domain (the
public dev corpora are therapy sessions and telephone chat). Gold acts are labelled for the
assessed speaker only; question types for everyone. KIND is `detected`, `type`, `tag` or an
act name (e.g. `reflection`): prints the disagreements. `--against FILE` compares the gold
labels with a second annotator's labels of the same utterances instead of the analyzer's: the
agreement between two people is the ceiling the analyzer's figures should be read against.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ancrage.analysis import analyze  # noqa: E402
from ancrage.analysis import lang as languages  # noqa: E402
from ancrage.analysis.engine import annotate  # noqa: E402
from ancrage.analysis.metrics import compute  # noqa: E402
from ancrage.analysis.models import Annotated, Utterance  # noqa: E402
from ancrage.analysis.score import build_indicators  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "own_conversations.jsonl"
MIN_GOLD = 5  # acts with fewer gold occurrences in a language are not reported
UNPUNCTUATED = ("sms", "transcript", "transcription")  # conversation ids typed or transcribed


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def load(path: Path = DATA) -> dict[str, list[dict]]:
    conversations: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        conversations[row["conv"]].append(row)
    return conversations


def annotated_rows(conversations: dict[str, list[dict]]) -> list[tuple[dict, object]]:
    """Each gold row beside the analyzer's annotation, conversation by conversation."""
    pairs = []
    for rows in conversations.values():
        utterances = [Utterance(r["speaker"], r["text"]) for r in rows]
        pairs += zip(rows, annotate(utterances, rows[0]["lang"]), strict=True)
    return pairs


def second_annotator_rows(
    conversations: dict[str, list[dict]], second: dict[str, list[dict]]
) -> list[tuple[dict, Annotated]]:
    """Each gold row beside the second annotator's label of the same utterance."""
    pairs = []
    for conv, rows in conversations.items():
        other = second.get(conv, [])
        if [r["text"] for r in rows] != [r["text"] for r in other]:
            raise SystemExit(f"{conv}: the second annotation does not hold the same utterances")
        for i, (row, label) in enumerate(zip(rows, other, strict=True)):
            words = len(row["text"].split())
            pairs.append(
                (
                    row,
                    Annotated(
                        i,
                        row["speaker"],
                        row["text"],
                        None,
                        None,
                        words,
                        label["question"],
                        label["acts"],
                    ),
                )
            )
    return pairs


def question_rows(pairs) -> list[tuple[str, str, str]]:
    gold = [r["question"] is not None for r, _ in pairs]
    pred = [a.question is not None for _, a in pairs]
    base = [r["text"].rstrip().endswith("?") for r, _ in pairs]
    tags = [r["question"] == "tag" for r, _ in pairs]
    found = sum(t and a.question == "tag" for t, (_, a) in zip(tags, pairs, strict=True))
    false_tags = sum(a.question == "tag" and not t for t, (_, a) in zip(tags, pairs, strict=True))
    typed = [(r, a) for r, a in pairs if r["question"] in ("open", "closed")]
    right = sum(r["question"] == a.question for r, a in typed)
    all_open = sum(r["question"] == "open" for r, _ in typed)
    flat = [(r, a) for r, a in pairs if any(k in r["conv"] for k in UNPUNCTUATED)]
    flat_gold = [r["question"] is not None for r, _ in flat]
    flat_base = [r["text"].rstrip().endswith("?") for r, _ in flat]
    return [
        (
            "question detected F1 (all speakers)",
            f"{prf(gold, pred)[2]:.3f}",
            f"bare '?': {prf(gold, base)[2]:.3f}",
        ),
        (
            "  same, SMS + transcripts only",
            f"{prf(flat_gold, [a.question is not None for _, a in flat])[2]:.3f}",
            f"bare '?': {prf(flat_gold, flat_base)[2]:.3f}",
        ),
        (
            "tag accuracy (gold tags labelled tag)",
            f"{found / max(1, sum(tags)):.3f}",
            f"{found}/{sum(tags)}, {false_tags} false tags",
        ),
        (
            "open vs closed accuracy",
            f"{right / max(1, len(typed)):.3f}",
            f"all 'open': {all_open / max(1, len(typed)):.3f}",
        ),
    ]


def act_rows(pairs) -> list[tuple[str, str, str]]:
    assessed = [(r, a) for r, a in pairs if r["assessed"]]
    counts: dict[str, int] = defaultdict(int)
    for r, _ in assessed:
        for act in r["acts"]:
            counts[act] += 1
    out = []
    for act in sorted(counts, key=lambda act: -counts[act]):
        if counts[act] < MIN_GOLD:
            continue
        gold = [act in r["acts"] for r, _ in assessed]
        p, r_, f = prf(gold, [act in a.acts for _, a in assessed])
        extra = ""
        if act == "question":
            base = [r["text"].rstrip().endswith("?") for r, _ in assessed]
            extra = f"bare '?': {prf(gold, base)[2]:.3f}"
        out.append((f"{act} (n={counts[act]})  P {p:.2f}  R {r_:.2f}", f"{f:.3f}", extra))
    return out


def gold_score(rows: list[dict], focus: str) -> float:
    """The same score formula on our gold labels: how far better detection alone would go."""
    gold = [
        Annotated(
            i, r["speaker"], r["text"], None, None, len(r["text"].split()), r["question"], r["acts"]
        )
        for i, r in enumerate(rows)
    ]
    words = languages.get(rows[0]["lang"])
    metrics = compute(gold, focus, (words.OTHER_PRONOUNS, words.SELF_PRONOUNS))
    small_talk = sum(u.speaker == focus and "small_talk" in u.acts for u in gold)
    return build_indicators(metrics, small_talk)[0]


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = sum((x - mx) ** 2 for x in xs) ** 0.5
    sy = sum((y - my) ** 2 for y in ys) ** 0.5
    return cov / (sx * sy) if sx and sy else 0.0


def score_lines(conversations: dict[str, list[dict]]) -> list[str]:
    """Service score of each assessed speaker (analyzer / gold labels); flags a wrong auto focus;
    then how closely the analyzer's scores follow the gold-label scores (Pearson r, mean gap)."""
    lines, ours, gold = [], [], []
    for conv, rows in conversations.items():
        focus = next(r["speaker"] for r in rows if r["assessed"])
        utterances = [(r["speaker"], r["text"]) for r in rows]
        report = analyze(utterances, focus=focus, lang=rows[0]["lang"])
        auto = analyze(utterances, lang=rows[0]["lang"]).focus == focus
        flag = "" if auto else "  (auto focus picks the other side)"
        ours.append(report.service_score)
        gold.append(gold_score(rows, focus))
        lines.append(f"  {conv:26} {ours[-1]:5.0f} {gold[-1]:5.0f}{flag}")
    if len(ours) > 2:
        gap = sum(abs(o - g) for o, g in zip(ours, gold, strict=True)) / len(ours)
        lines.append(
            f"  analyzer vs gold-label scores: Pearson r {pearson(ours, gold):.2f}, mean gap {gap:.1f} points"
        )
    return lines


def print_errors(pairs, kind: str) -> None:
    for r, a in pairs:
        if kind == "detected":
            wrong = (r["question"] is None) != (a.question is None)
        elif kind == "type":
            wrong = r["question"] in ("open", "closed") and r["question"] != a.question
        elif kind == "tag":
            wrong = (r["question"] == "tag") != (a.question == "tag")
        else:
            wrong = r["assessed"] and (kind in r["acts"]) != (kind in a.acts)
        if wrong:
            gold = r["question"] if kind in ("detected", "type", "tag") else kind in r["acts"]
            pred = a.question if kind in ("detected", "type", "tag") else kind in a.acts
            print(f"{r['conv']:26} gold={gold!s:6} pred={pred!s:6} {r['text']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", metavar="KIND", help="detected, type, tag or an act name")
    parser.add_argument("--data", type=Path, default=DATA, help="gold labels (JSONL)")
    parser.add_argument("--against", type=Path, help="a second annotator's labels (JSONL)")
    args = parser.parse_args()
    conversations = load(args.data)
    second = load(args.against) if args.against else None
    print(f"gold: {args.data.name}; compared with: {args.against.name if second else 'analyzer'}")
    for lang in ("fr", "en"):
        subset = {c: rows for c, rows in conversations.items() if rows[0]["lang"] == lang}
        if not subset:
            continue
        if second is None:
            pairs = annotated_rows(subset)
        else:
            pairs = second_annotator_rows(subset, second)
        if args.errors:
            print_errors(pairs, args.errors)
            continue
        utterances = len(pairs)
        print(f"\n{lang}: {len(subset)} conversations, {utterances} utterances")
        print(f"{'measure':58} {'value':6} baseline (same run)")
        print(f"{'-' * 58} {'-' * 6} {'-' * 32}")
        for name, value, baseline in question_rows(pairs) + act_rows(pairs):
            print(f"{name:58} {value:6} {baseline}")
        if second is None:
            print("service score of the assessed speaker:     analyzer  gold labels")
            print("\n".join(score_lines(subset)))
        else:
            print("service score on each annotator's labels:  second    gold")
            for conv, rows in subset.items():
                focus = next(r["speaker"] for r in rows if r["assessed"])
                theirs = gold_score(second[conv], focus)
                print(f"  {conv:26} {theirs:5.0f} {gold_score(rows, focus):5.0f}")


if __name__ == "__main__":
    main()
