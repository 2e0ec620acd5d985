"""The team's phrase bank, read by the learned acts and by the regex lexicons side by side.

    python benchmarks/act_phrases.py [--failures]

The regex layer's tests (tests/analysis/test_acts.py, test_domain_acts.py) hold a few hundred
one-line phrases written by the team while building the lexicons, each with an act it must or
must not carry. They were written to the rules, often from the dev sets' kinds, so they favour
the regex layer: read them as a hard case bank, not as a measure of generalisation (that is
leave-one-writer-out and the blind sets). Each phrase is read as the analyzer reads it, as the
coach's reply to a client's "ok"; greetings and question types are the regex layer's alone and
are left out.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ancrage.analysis.acts import classify, rules_for  # noqa: E402
from ancrage.analysis.engine import annotate  # noqa: E402
from ancrage.analysis.learned_acts import LEARNED  # noqa: E402
from ancrage.analysis.models import Utterance  # noqa: E402

MODULES = ("tests.analysis.test_acts", "tests.analysis.test_domain_acts")
_CONSTANT_ACT = re.compile(r'assert "(\w+)" (not )?in acts_of')
_VARIABLE_ACT = re.compile(r"assert (act|absent) (not )?in acts_of\(text, (lang|\"en\"|\"fr\")\)")


def cases() -> list[tuple[str, str, str, bool]]:
    """(text, lang, act, expected present) from the tests' parametrisations."""
    out = []
    for name in MODULES:
        module = importlib.import_module(name)
        for _fname, func in inspect.getmembers(module, inspect.isfunction):
            source = inspect.getsource(func)
            marks = [m for m in getattr(func, "pytestmark", []) if m.name == "parametrize"]
            if not marks:
                continue
            names = (
                [n.strip() for n in marks[0].args[0].split(",")]
                if isinstance(marks[0].args[0], str)
                else list(marks[0].args[0])
            )
            constant, variable = _CONSTANT_ACT.search(source), _VARIABLE_ACT.search(source)
            if not constant and not variable:
                continue
            for values in marks[0].args[1]:
                values = getattr(values, "values", values)
                row = dict(zip(names, values, strict=True))
                if constant:
                    act, present = constant.group(1), not constant.group(2)
                else:
                    act, present = row[variable.group(1)], not variable.group(2)
                lang = row.get("lang") or variable.group(3).strip('"') if variable else row["lang"]
                if act in LEARNED and isinstance(row.get("text"), str):
                    out.append((row["text"], lang, act, bool(present)))
    return out


def learned(text: str, lang: str) -> list[str]:
    return annotate([Utterance("Client", "ok"), Utterance("Coach", text)], lang)[1].acts


def lexicons(text: str, lang: str) -> list[str]:
    return classify(text, rules_for(lang))[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--failures", action="store_true", help="print the learned misses")
    args = parser.parse_args()
    bank = cases()
    right: dict[str, Counter[str]] = {"learned": Counter(), "lexicons": Counter()}
    total: Counter[str] = Counter()
    for text, lang, act, present in bank:
        total[act] += 1
        for name, read in (("learned", learned), ("lexicons", lexicons)):
            if (act in read(text, lang)) is present:
                right[name][act] += 1
            elif name == "learned" and args.failures:
                print(f"  {'missed' if present else 'wrongly'} {act:18} {lang} {text}")
    print(
        f"{len(bank)} phrases; share read right (learned acts / regex lexicons they were written for)"
    )
    for act in sorted(total):
        print(
            f"{act:20}{total[act]:>5}  {right['learned'][act] / total[act]:>6.0%}"
            f"  {right['lexicons'][act] / total[act]:>6.0%}"
        )
    n = sum(total.values())
    print(
        f"{'all':20}{n:>5}  {sum(right['learned'].values()) / n:>6.0%}"
        f"  {sum(right['lexicons'].values()) / n:>6.0%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
