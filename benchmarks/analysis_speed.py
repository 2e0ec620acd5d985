"""Speed of ancrage.analysis on one core, beside two baselines measured in the same run.

    python benchmarks/analysis_speed.py [--utterances N]

Utterances are generated here from sentences written for this benchmark (no corpus text):
30 % short turns ("Oui.", "Okay."), the rest one or two sentences, names and numbers varied.
Baselines: one compiled-regex pass over the text (the floor) and spaCy fr_core_news_sm
nlp.pipe, run when spaCy and the model are importable (`make bench` installs the "bench" extra).
Also checks that a 200 MB transcript is refused before being read (bounded memory).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ancrage.analysis import AnalysisError, analyze, read_transcript  # noqa: E402
from ancrage.analysis._compiled import is_compiled  # noqa: E402
from ancrage.analysis.acts import rules_for  # noqa: E402
from ancrage.analysis.engine import annotate, shape  # noqa: E402
from ancrage.analysis.models import Utterance  # noqa: E402

FRENCH = [
    "Qu'attendez-vous de notre échange aujourd'hui ?",
    "Si je comprends bien, vous avez peur de décevoir votre directrice.",
    "Vous devriez essayer notre offre premium, elle réduit les coûts de 30 %.",
    "est-ce que vous avez pu en parler à votre équipe",
    "C'est toi qui as fait le boulot, non ?!",
    "Je suppose que vous avez déjà un fournisseur.",
    "Oui, exactement, et en même temps je ne veux pas la perdre.",
    "Vous faites comment quand il vous coupe la parole",
    "Merci beaucoup, sans vous je n'y serais pas arrivée !",
    "J'ai comparé avec trois annonces et deux amies qui font le même métier.",
]
ENGLISH = [
    "What do you need from this call today?",
    "So you're worn out, and part of you worries about her trust.",
    "You should really switch to our premium plan, it cuts costs by 30 percent.",
    "did you get a chance to talk to your manager about it",
    "You did the work: your stance, your confidence, your results.",
    "I guess you already have a provider.",
    "Exactly, she relies on me and I like that, but I can't keep going.",
    "How was your weekend? Did you watch the game?",
    "Thank you so much, your coaching really got me here.",
    "Two projects moved to someone else and no more weekend work.",
]
# Short turns are a large share of real conversations (acknowledgements, answers).
SHORT_FR = ["Oui.", "D'accord.", "Hum hum.", "Ah bon ?", "Exactement.", "Je vois.", "Merci !"]
SHORT_EN = ["Yeah.", "Okay.", "Mm-hmm.", "Really?", "Exactly.", "I see.", "Thanks!"]
NAMES = ["Léa", "Sam", "Marc", "Nadia", "Paul", "Inès", "Tom", "Chloé"]
FLOOR = re.compile(r"\?|\b(?:what|how|why|qu'est-ce|comment|pourquoi|est-ce que)\b", re.I)


def _utterance(rng: random.Random, long: list[str], short: list[str]) -> str:
    """30 % short turns, the rest one or two sentences, with a name and a number varied so
    that no two texts repeat (the analyzer keeps no cache, but a fair test must not rely on it).
    """
    if rng.random() < 0.3:
        return rng.choice(short)
    text = " ".join(rng.sample(long, rng.randint(1, 2)))
    return f"{rng.choice(NAMES)}, {text} ({rng.randint(2, 90)})"


def generate(count: int, seed: int = 7) -> list[Utterance]:
    rng = random.Random(seed)
    speakers = ("Coach", "Client")
    return [Utterance(speakers[i % 2], _utterance(rng, FRENCH, SHORT_FR)) for i in range(count)]


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>12,.0f} utt/s  ({seconds:.3f} s for {count:,})"


RUNS = 3  # each figure is the median of three runs: the machine may be shared


def median_time(work) -> float:
    """CPU seconds of this process (one core), median of RUNS: waiting for the CPU while
    other processes run does not count, unlike wall-clock time."""
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return sorted(times)[RUNS // 2]


def bench_analysis(utts: list[Utterance], lang: str) -> float:
    annotate(utts[:100], lang)  # compile the rules outside the timing
    return median_time(lambda: annotate(utts, lang))


def bench_rules(utts: list[Utterance], lang: str) -> float:
    """The regex layer alone (question type, greetings, lexical acts): the whole analyzer
    before the learned acts, and still its first stage."""
    rules = rules_for(lang)
    shape(utts[:100], rules)
    return median_time(lambda: shape(utts, rules))


def bench_full_report(utts: list[Utterance]) -> float:
    records = [{"speaker": u.speaker, "text": u.text} for u in utts]
    return median_time(lambda: analyze(records, lang="fr"))


def bench_floor(utts: list[Utterance]) -> float:
    return median_time(lambda: sum(1 for u in utts if FLOOR.search(u.text)))


def bench_spacy(utts: list[Utterance], limit: int) -> tuple[int, float] | None:
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm")
    except (ImportError, OSError):
        return None
    texts = [u.text for u in utts[:limit]]
    list(nlp.pipe(texts[:50]))  # warm up
    start = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=256):
        pass
    return len(texts), time.process_time() - start


def memory_guard() -> str:
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "huge.txt"
        with big.open("wb") as handle:
            handle.truncate(200 * 1_000_000)  # sparse: 200 MB on paper, nothing written
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            read_transcript(big)
            verdict = "READ (unexpected)"
        except AnalysisError as exc:
            verdict = f"refused ({exc.key}: {exc.params['size_mb']:.0f} MB > {exc.params['max_mb']:.0f} MB)"
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return f"{verdict}; peak RSS grew by {grown:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--utterances", type=int, default=50_000)
    parser.add_argument("--spacy-utterances", type=int, default=5_000)
    args = parser.parse_args(argv)
    utts = generate(args.utterances)
    english = [Utterance(u.speaker, t) for u, t in zip(utts, _english(len(utts)), strict=True)]
    print(
        f"{len(utts):,} generated utterances, one process (CPU time on one core), "
        f"median of {RUNS} runs; analyzer {'compiled with mypyc' if is_compiled() else 'pure Python'}"
        "\n"
    )
    t_fr = bench_analysis(utts, "fr")
    t_en = bench_analysis(english, "en")
    t_full = bench_full_report(utts)
    t_floor = bench_floor(utts)
    t_rules = bench_rules(utts, "fr")
    print(f"analysis, acts + question type (fr)  {rate(len(utts), t_fr)}   target >= 10,000")
    print(f"analysis, acts + question type (en)  {rate(len(utts), t_en)}   target >= 10,000")
    print(f"full report (acts+metrics+score, fr) {rate(len(utts), t_full)}")
    print(f"baseline: one compiled regex (floor) {rate(len(utts), t_floor)}")
    print(f"baseline: the regex layer alone (fr) {rate(len(utts), t_rules)}")
    print(f"the learned acts cost {t_fr / t_rules - 1:.0%} on top of the regex layer")
    # the ratio to the floor hardly moves when other processes share the machine
    print(f"analysis (fr) runs at {t_floor / t_fr:.1%} of the regex floor's speed")
    spacy_result = bench_spacy(utts, args.spacy_utterances)
    if spacy_result is None:
        print("baseline: spaCy fr_core_news_sm      not installed (`make bench` installs it)")
    else:
        print(f"baseline: spaCy fr_core_news_sm pipe {rate(*spacy_result)}")
        spacy_rate = spacy_result[0] / spacy_result[1]
        print(f"analysis (fr) runs {len(utts) / t_fr / spacy_rate:,.0f}x faster than spaCy's pipe")
    print(f"\n200 MB transcript: {memory_guard()}")
    return 0


def _english(count: int) -> list[str]:
    rng = random.Random(11)
    return [_utterance(rng, ENGLISH, SHORT_EN) for _ in range(count)]


if __name__ == "__main__":
    sys.exit(main())
