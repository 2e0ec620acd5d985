"""Speed of ancrage.analysis.answers.read_answer on one core, beside a regex baseline.

    python benchmarks/answer_speed.py [--answers N]

Answers are written here (no corpus text): about 200 distinct FR/EN check-in answers typed
by SMS (counts, marks, yes/no, amounts; digits, number words, hedges, emoji), repeated to N.
Baseline: one compiled-regex pass (`re.compile(r"\\d+").findall`) over the same texts, the
floor any reader pays. read_answer keeps no cache, so every figure is uncached.
Target: 50,000 answers per second.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ancrage.analysis.answers import read_answer  # noqa: E402

TARGET = 50_000

NUMBER_FR = [
    "3", "3 devis", "3 devis partis", "j'en ai envoyé 4", "cinq", "trente et un", "aucun",
    "rien cette semaine", "zéro", "pas un seul", "un devis", "j'ai eu un souci", "3 ou 4",
    "entre 2 et 5", "3, peut-être 4", "deux cette semaine !", "4 relances faites", "Six.",
    "j'ai appelé 12 prospects", "juste un", "une seule", "Aucun malheureusement 😕",
    "quatre-vingt-dix contacts", "7 rdv", "jsp trop", "je crois 2", "pas de devis cette semaine",
    "2 envoyés hier", "10", "euh 3 je pense",
]  # fmt: skip
NUMBER_EN = [
    "3", "three", "forty two", "sent 4", "none", "nothing this week", "zero", "just one",
    "3 or 4", "between 2 and 5", "3, maybe 4", "two this week!", "I called 12 people",
    "no deals", "not a single one", "7", "about 5", "11 calls", "one", "6 so far",
]  # fmt: skip
SCALE_FR = [
    "9/10", "6 sur 10", "neuf sur dix", "environ 7", "7,5", "8 !", "10/10", "12", "0",
    "je dirais un 7", "bof 5", "7-8", "sept et demi", "8/10 super semaine", "4 sur 10 😞",
    "franchement 9", "6", "5/5", "entre 6 et 7", "un bon 8",
]  # fmt: skip
SCALE_EN = [
    "9/10", "6 out of 10", "nine out of ten", "around 7", "7.5", "8!", "10/10", "about 6",
    "seven", "a solid 8", "7 or 8", "maybe 6", "5", "3/10 rough week", "eight",
]  # fmt: skip
YESNO_FR = [
    "oui", "ouais", "ouaip", "bien sûr", "carrément", "c'est fait", "non", "nan", "pas encore",
    "toujours pas", "oui c'est envoyé", "non toujours pas", "oui et non", "peut-être", "bof",
    "oui cest envoye", "OUIII", "pas de souci", "oui pas de souci", "fait !", "👍",
    "oui mais pas encore signé", "pas sûr", "absolument pas", "nan pas eu le temps",
    "c fait", "Oui, ce matin !", "pas vraiment", "en cours", "evidemment",
]  # fmt: skip
YESNO_EN = [
    "yes", "yeah", "yep", "sure", "done", "nope", "nah", "not yet", "no", "maybe",
    "kind of", "yes and no", "of course", "absolutely not", "still not", "yes sent it today",
    "not really", "I guess", "👎", "yesss",
]  # fmt: skip
MONEY_FR = [
    "3 200 €", "3200€", "2,5k", "2.5k€", "900 euros TTC", "deux mille euros", "1 500 balles",
    "3\u202f200 €", "3\u00a0200 €", "2,5", "5 devis à 1 200 €", "3.200 €", "1 234,50 €",
    "2,300", "environ 4k", "entre 2k et 3k", "rien encaissé", "1500", "mille euros", "12 k€",
]  # fmt: skip
MONEY_EN = [
    "$2,300", "2 300 $", "£1,200", "2,300", "$1,234.50", "3k", "two thousand dollars",
    "about $900", "1.5k", "none yet", "$500 or $600", "4,500 bucks", "£750", "USD 900", "$2k",
]  # fmt: skip
CASES = [
    *(("number", "fr", t) for t in NUMBER_FR),
    *(("number", "en", t) for t in NUMBER_EN),
    *(("scale", "fr", t) for t in SCALE_FR),
    *(("scale", "en", t) for t in SCALE_EN),
    *(("yesno", "fr", t) for t in YESNO_FR),
    *(("yesno", "en", t) for t in YESNO_EN),
    *(("money", "fr", t) for t in MONEY_FR),
    *(("money", "en", t) for t in MONEY_EN),
]
BASELINE = re.compile(r"\d+").findall


def answers_per_second(cases: list[tuple[str, str, str]]) -> float:
    started = time.perf_counter()
    for kind, lang, text in cases:
        read_answer(text, kind, lang)
    return len(cases) / (time.perf_counter() - started)


def baseline_per_second(cases: list[tuple[str, str, str]]) -> float:
    started = time.perf_counter()
    for _kind, _lang, text in cases:
        BASELINE(text)
    return len(cases) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000, help="answers timed (100,000)")
    options = parser.parse_args()
    cases = (CASES * (options.answers // len(CASES) + 1))[: options.answers]
    answers_per_second(cases[:2000])  # warm up: regexes compiled, text2num loaded
    ours = max(answers_per_second(cases) for _ in range(3))
    floor = max(baseline_per_second(cases) for _ in range(3))
    print(f"{len(CASES)} distinct answers, {len(cases):,} timed, best of 3, one core, uncached")
    print(f"read_answer      {ours:12,.0f} answers/s  (target {TARGET:,})")
    print(f"regex baseline   {floor:12,.0f} answers/s")
    print(f"ratio            {floor / ours:12.1f}x slower than the baseline")
    return 0 if ours >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
