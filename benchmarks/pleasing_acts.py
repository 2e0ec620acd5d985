"""Issue 12's measure: pleasing acts on conversations the analyzer was never developed on.

    python benchmarks/pleasing_acts.py [FILE ...]   # default: the sets kept blind (NOT_TRAINED)
    python benchmarks/pleasing_acts.py --by-channel FILE ...
    python benchmarks/pleasing_acts.py --second benchmarks/data/second_annotator FILE ...
    python benchmarks/pleasing_acts.py --agreed benchmarks/data/second_annotator FILE ...

Per set and language: micro-F1 of the pleasing acts (small talk, self-promotion, own offer,
competitor, assumption, credit taken) on the assessed speaker's utterances, and false alarms
on plain business statements (utterances labelled `input` with no pleasing act). A new set is
read here once, untouched, and the reading recorded (docs/analysis.md) before anyone develops
on it or trains on it.

`--second FOLDER` reads, instead of the analyzer, a second person's labels of the same
conversations (FOLDER/<the file's name>, labelled from the guide alone, the writer's labels
unseen), in both directions: the same measure between two people is what the analyzer's
figures, and the targets, should be read against.

`--agreed FOLDER` reads the analyzer once and scores it against the writer, against the second
person, and on the statements both people call plain business statements (a false alarm there
is one neither reader would make), beside the second person against the writer.

`--by-channel` adds each reading split by the channel in the conversation ids (`fr-sms-…`:
sms, transcript, coaching, sales/vente): a coach's SMS thread and a sales call do not raise
the same false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import own_accuracy  # noqa: E402

from ancrage.analysis.acts import PLEASING  # noqa: E402

DATA = ROOT / "benchmarks" / "data"


def blind_sets() -> list[Path]:
    """The writers' sets kept out of training to judge the shipped model (training/train_acts.py)."""
    sys.path.insert(0, str(ROOT / "training"))
    from train_acts import NOT_TRAINED

    return [DATA / name for name in sorted(NOT_TRAINED) if name.startswith("heldout_")]


def channel(conv: str) -> str:
    """The channel a conversation id names (`<lang>-<channel>-<topic>`); French `vente` is
    `sales`."""
    name = conv.split("-")[1] if conv.count("-") >= 2 else "other"
    return "sales" if name == "vente" else name


def by_channel(name: str, pairs: list) -> list[tuple[str, list]]:
    """One reading split by channel, in the order channels first appear."""
    split: dict[str, list] = {}
    for gold, found in pairs:
        split.setdefault(channel(gold["conv"]), []).append((gold, found))
    return [(f"{name} [{kind}]", rows) for kind, rows in split.items()]


def reading(pairs: list, lang: str) -> tuple[float | None, int, int]:
    """(micro-F1, false alarms, plain business statements) for one language; no F1 where
    the gold names no pleasing act (the statements both people call plain)."""
    tp = fp = fn = alarms = plain = 0
    for gold, found in pairs:
        if not gold["assessed"] or gold["lang"] != lang:
            continue
        expected, seen = set(gold["acts"]) & PLEASING, set(found.acts) & PLEASING
        tp, fp, fn = tp + len(expected & seen), fp + len(seen - expected), fn + len(expected - seen)
        if not expected and "input" in gold["acts"]:
            plain, alarms = plain + 1, alarms + bool(seen)
    if not tp + fn:
        return None, alarms, plain
    return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), alarms, plain


def second_reading(gold_path: Path, other_path: Path) -> list:
    """The writer's rows beside a second person's labels of the same lines, in the shape
    `reading` takes (the second person's acts where the analyzer's would be)."""
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    other = [json.loads(line) for line in other_path.read_text(encoding="utf-8").splitlines()]
    if len(gold) != len(other):
        raise SystemExit(f"{other_path}: {len(other)} lines, {gold_path.name} has {len(gold)}")
    pairs = []
    for g, o in zip(gold, other, strict=True):
        if (g["conv"], g["text"]) != (o["conv"], o["text"]):
            raise SystemExit(f"{other_path}: line {o['text']!r} is not {g['text']!r}")
        pairs.append((g, SimpleNamespace(acts=o["acts"])))
    return pairs


def plain(row: dict) -> bool:
    """A plain business statement: `input` and nothing pleasing."""
    return "input" in row["acts"] and not set(row["acts"]) & PLEASING


def _line_keys(rows) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    seen: dict[str, int] = {}
    keys = []
    for row in rows:
        seen[row["conv"]] = seen.get(row["conv"], -1) + 1
        keys.append((row["conv"], seen[row["conv"]]))
    return keys


def agreed_readings(name: str, path: Path, second: Path) -> list[tuple[str, list]]:
    """One reading of the analyzer, scored three ways (see --agreed)."""
    analyzer = own_accuracy.annotated_rows(own_accuracy.load(path))
    people = second_reading(path, second)
    # a conversation's lines in order (a file need not keep a conversation's lines together)
    keys = _line_keys(g for g, _o in people)
    second_of = {key: o for key, (_g, o) in zip(keys, people, strict=True)}
    found = [
        (g, f, second_of[key])
        for key, (g, f) in zip(_line_keys(g for g, _f in analyzer), analyzer, strict=True)
    ]
    both = [(g, f) for g, f, o in found if plain(g) and plain(dict(g, acts=list(o.acts)))]
    return [
        (f"{name} (analyzer vs writer)", [(g, f) for g, f, _o in found]),
        (f"{name} (analyzer vs second)", [(dict(g, acts=list(o.acts)), f) for g, f, o in found]),
        (f"{name} (analyzer, plain for both)", both),
        (f"{name} (second vs writer)", people),
    ]


def swapped(pairs: list) -> list:
    return [(dict(g, acts=list(o.acts)), SimpleNamespace(acts=g["acts"])) for g, o in pairs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--second", type=Path, help="a folder of second-annotator files")
    parser.add_argument("--agreed", type=Path, help="the analyzer against both people")
    parser.add_argument("--by-channel", action="store_true", help="also split by channel")
    args = parser.parse_args(argv)
    readings: list[tuple[str, list]] = []
    for path in args.files or blind_sets():
        if args.agreed is not None:
            readings.extend(agreed_readings(path.name, path, args.agreed / path.name))
        elif args.second is None:
            readings.append((path.name, own_accuracy.annotated_rows(own_accuracy.load(path))))
        else:
            pairs = second_reading(path, args.second / path.name)
            readings.append((f"{path.name} (second vs writer)", pairs))
            readings.append((f"{path.name} (writer vs second)", swapped(pairs)))
    if args.by_channel:
        readings = [
            split for name, pairs in readings for split in [(name, pairs), *by_channel(name, pairs)]
        ]
    print(f"{'set':64}{'lang':>5}{'micro-F1':>10}{'false alarms':>15}")
    for name, pairs in readings:
        for lang in ("fr", "en"):
            f1, alarms, plain = reading(pairs, lang)
            if plain or f1 is not None:
                shown = "—" if f1 is None else f"{f1:.3f}"
                print(f"{name:64}{lang:>5}{shown:>10}{f'{alarms}/{plain}':>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
