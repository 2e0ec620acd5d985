"""Accuracy of ancrage.analysis against annotated public corpora (measurement only).

    python benchmarks/accuracy.py [--corpora DIR] [--errors KIND]

DIR defaults to $ANCRAGE_CORPORA, else ../shared/corpora relative to the repo root. The corpora
are read here and nowhere else: no text of theirs is copied into the project.
Prints each figure beside its target and the baselines computed in the same run.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ancrage.analysis import analyze  # noqa: E402
from ancrage.analysis.engine import annotate  # noqa: E402
from ancrage.analysis.models import Utterance  # noqa: E402

PUNCTUATION = re.compile(r"[.,;:!?¿¡…\"«»()]")


def f1(gold: Iterable[bool], pred: Iterable[bool]) -> float:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        tp += g and p
        fp += p and not g
        fn += g and not p
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """Probability that a positive outranks a negative (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def strip_punctuation(text: str) -> str:
    return " ".join(PUNCTUATION.sub(" ", text).split())


def corpora_dir(arg: str | None) -> Path:
    path = Path(arg or os.environ.get("ANCRAGE_CORPORA") or ROOT / ".." / "shared" / "corpora")
    needed = ("annomi-dev.csv", "swda-dev.csv", "loria-dev.csv")
    missing = [name for name in needed if not (path / name).is_file()]
    if missing:
        sys.exit(
            f"corpora not found in {path.resolve()} (missing: {', '.join(missing)}).\n"
            "Pass --corpora DIR or set ANCRAGE_CORPORA."
        )
    return path


def load_annomi(path: Path) -> dict[str, list[dict[str, str]]]:
    """One row per (transcript, utterance): the majority label over annotators."""
    votes: dict[tuple[str, int], list[dict[str, str]]] = defaultdict(list)
    with (path / "annomi-dev.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            votes[(row["transcript_id"], int(row["utterance_id"]))].append(row)
    transcripts: dict[str, list[dict[str, str]]] = defaultdict(list)
    for (tid, _uid), rows in sorted(votes.items(), key=lambda kv: (int(kv[0][0]), kv[0][1])):
        merged = dict(rows[0])
        for field in (
            "question_exists",
            "question_subtype",
            "reflection_exists",
            "therapist_input_exists",
            "mi_quality",
        ):
            merged[field] = Counter(r[field] for r in rows).most_common(1)[0][0]
        transcripts[tid].append(merged)
    return transcripts


def annotate_rows(rows: list[dict[str, str]], speaker: str, text: str, lang: str, strip=False):
    utts = [Utterance(r[speaker], strip_punctuation(r[text]) if strip else r[text]) for r in rows]
    return annotate(utts, lang)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, name: str, value: float, target: str = "", baseline: str = "") -> None:
        met = ""
        if target.startswith(">="):
            met = "met" if value >= float(target[2:]) else "NOT met"
        self.rows.append((name, f"{value:.3f}", target, met, baseline))

    def print(self) -> None:
        widths = [max(len(r[i]) for r in [*self.rows, HEADER]) for i in range(len(HEADER))]
        for row in [HEADER, tuple("-" * w for w in widths), *self.rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


HEADER = ("measure", "value", "target", "status", "baseline (same run)")


def annomi_figures(path: Path, table: Table, errors: str | None) -> None:
    transcripts = load_annomi(path)
    gold_q, pred_q, base_q, gold_r, pred_r, gold_i, pred_i = [], [], [], [], [], [], []
    subtype_hits = subtype_total = 0
    nopunct_gold, nopunct_pred = [], []
    for rows in transcripts.values():
        annotated = annotate_rows(rows, "interlocutor", "utterance_text", "en")
        bare = annotate_rows(rows, "interlocutor", "utterance_text", "en", strip=True)
        for row, ann, ann_bare in zip(rows, annotated, bare, strict=True):
            if row["interlocutor"] != "therapist":
                continue
            g = row["question_exists"] == "True"
            gold_q.append(g)
            pred_q.append(ann.question is not None)
            base_q.append("?" in row["utterance_text"])
            nopunct_gold.append(g)
            nopunct_pred.append(ann_bare.question is not None)
            if g and row["question_subtype"] in ("open", "closed"):
                subtype_total += 1
                predicted = "open" if ann.question == "open" else "closed"
                subtype_hits += predicted == row["question_subtype"]
                if errors == "subtype" and predicted != row["question_subtype"]:
                    print(row["question_subtype"], ann.question, "|", row["utterance_text"][:200])
            gold_r.append(row["reflection_exists"] == "True")
            pred_r.append("reflection" in ann.acts)
            gold_i.append(row["therapist_input_exists"] == "True")
            pred_i.append("input" in ann.acts)
            _show_error(errors, "question", g, ann.question is not None, row["utterance_text"])
            _show_error(errors, "reflection", gold_r[-1], pred_r[-1], row["utterance_text"])
            _show_error(errors, "input", gold_i[-1], pred_i[-1], row["utterance_text"])
    table.add(
        "AnnoMI therapist question F1",
        f1(gold_q, pred_q),
        ">= 0.93",
        f"bare '?': {f1(gold_q, base_q):.3f}",
    )
    table.add("AnnoMI therapist question F1, no punctuation", f1(nopunct_gold, nopunct_pred))
    table.add(
        "AnnoMI open vs closed accuracy",
        subtype_hits / subtype_total,
        ">= 0.80",
        f"all 'open': {_majority(transcripts):.3f}",
    )
    table.add("AnnoMI reflection F1", f1(gold_r, pred_r), ">= 0.60")
    table.add("AnnoMI input F1", f1(gold_i, pred_i), ">= 0.65")
    _score_auc(transcripts, table)


def _majority(transcripts: dict[str, list[dict[str, str]]]) -> float:
    subtypes = [
        r["question_subtype"]
        for rows in transcripts.values()
        for r in rows
        if r["interlocutor"] == "therapist" and r["question_subtype"] in ("open", "closed")
    ]
    return subtypes.count("open") / len(subtypes)


def _show_error(errors: str | None, kind: str, gold: bool, pred: bool, text: str) -> None:
    if errors == kind and gold != pred:
        print(f"{'MISS' if gold else 'FALSE'} | {text[:220]}")


def _score_auc(transcripts: dict[str, list[dict[str, str]]], table: Table) -> None:
    scores, talk, rate, labels = [], [], [], []
    for rows in transcripts.values():
        utts = [{"speaker": r["interlocutor"], "text": r["utterance_text"]} for r in rows]
        report = analyze(utts, focus="therapist", lang="en")
        labels.append(rows[0]["mi_quality"] == "high")
        scores.append(report.service_score)
        talk.append(-(report.indicator("talk_share_words").value or 0.0))
        rate.append(report.indicator("questions_per_100_words").value or 0.0)
    n_high = sum(labels)
    ceiling = [_score_from_expert_labels(rows) for rows in transcripts.values()]
    table.add(
        f"AnnoMI service score ROC AUC ({n_high} high / {len(labels) - n_high} low)",
        roc_auc(scores, labels),
        ">= 0.90",
        f"talk share: {roc_auc(talk, labels):.3f}; question rate: {roc_auc(rate, labels):.3f}",
    )
    table.add(
        "  same formula on the experts' own act labels (ceiling)", roc_auc(ceiling, labels), "info"
    )


def _score_from_expert_labels(rows: list[dict[str, str]]) -> float:
    """The three act-based components of the score, computed from the annotations: how far
    better act detection alone could take the score."""
    from ancrage.analysis.score import ramp

    mine = [r for r in rows if r["interlocutor"] == "therapist"]
    inputs = sum(r["therapist_input_exists"] == "True" for r in mine)
    questions = sum(r["question_exists"] == "True" for r in mine)
    reflections = sum(r["reflection_exists"] == "True" for r in mine)
    opens = sum(r["question_subtype"] == "open" for r in mine)
    moves = inputs + questions + reflections
    telling = ramp(inputs / moves, 0.5, 0.0) if moves else 0.0
    ratio = reflections / questions if questions else float(reflections)
    open_share = opens / questions if questions else 0.0
    return 35 * telling + 25 * ramp(ratio, 0.0, 2.0) + 10 * ramp(open_share, 0.2, 0.7)


def swda_figures(path: Path, table: Table, errors: str | None) -> None:
    dialogues: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (path / "swda-dev.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            dialogues[row["dialogue_id"]].append(row)
    gold, pred, base, bare_pred = [], [], [], []
    for rows in dialogues.values():
        annotated = annotate_rows(rows, "speaker", "text", "en")
        bare = annotate_rows(rows, "speaker", "text", "en", strip=True)
        for row, ann, ann_bare in zip(rows, annotated, bare, strict=True):
            act = row["act"]
            g = act.startswith("q") or "^g" in act
            gold.append(g)
            pred.append(ann.question is not None)
            base.append("?" in row["text"])
            bare_pred.append(ann_bare.question is not None)
            _show_error(errors, "swda", g, pred[-1], f"{act} | {row['text']}")
    table.add("SwDA question F1", f1(gold, pred), ">= 0.85", f"bare '?': {f1(gold, base):.3f}")
    table.add(
        "SwDA question F1, no punctuation (English)",
        f1(gold, bare_pred),
        "report",
        "bare '?': 0.000",
    )


def loria_figures(path: Path, table: Table, errors: str | None) -> None:
    with (path / "loria-dev.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Dialogue_Act"] in ("ask", "inform")]
    gold = [r["Dialogue_Act"] == "ask" for r in rows]
    plain = annotate([Utterance(r["Speaker"], r["Utterance"]) for r in rows], "fr")
    bare = annotate(
        [Utterance(r["Speaker"], strip_punctuation(r["Utterance"])) for r in rows], "fr"
    )
    base = ["?" in r["Utterance"] for r in rows]
    pred_bare = [a.question is not None for a in bare]
    for row, g, p in zip(rows, gold, pred_bare, strict=True):
        _show_error(errors, "loria", g, p, row["Utterance"])
    table.add(
        "LORIA ask vs inform F1 (French)",
        f1(gold, [a.question is not None for a in plain]),
        "report",
        f"bare '?': {f1(gold, base):.3f}",
    )
    table.add(
        "LORIA ask vs inform F1, no punctuation (French)",
        f1(gold, pred_bare),
        "report",
        "bare '?': 0.000",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", help="folder with annomi-dev.csv, swda-dev.csv, loria-dev.csv")
    parser.add_argument(
        "--errors",
        choices=("question", "subtype", "reflection", "input", "swda", "loria"),
        help="print the disagreements of one kind",
    )
    args = parser.parse_args(argv)
    path = corpora_dir(args.corpora)
    table = Table()
    annomi_figures(path, table, args.errors)
    swda_figures(path, table, args.errors)
    loria_figures(path, table, args.errors)
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
