"""Every stage of the analyzer is linear: four times the input takes about four times as long.

Growth ratios, not absolute times, so a slow or busy machine does not fail them: each case
times the same shape at n and 4n (CPU time of this process, garbage collector paused, best
of three runs each) and passes when the ratio stays under 10 (linear gives about 4,
quadratic 16), retried five times to ride out noise. The sizes
are those where the quadratic versions took seconds (issue 13: repeated « quoi? », thousands
of distinct speakers, continuation lines, speakerless cues).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from ancrage.analysis import AnalysisError, Limits, analyze
from ancrage.analysis.readers import parse

LINEAR_ENOUGH = 10.0  # for 4x the input: linear is ~4, quadratic ~16


def _seconds(run: Callable[[], object]) -> float:
    """CPU seconds (other processes on the machine do not count), without collector pauses
    (whose cost grows with all live objects, not with the work being measured)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """time(4n) / time(n), the lowest of five attempts."""
    ratios = []
    for _ in range(5):
        ratios.append(_seconds(make(4 * n)) / _seconds(make(n)))
        if ratios[-1] < LINEAR_ENOUGH:
            break
    return min(ratios)


def one_long_utterance(n: int) -> Callable[[], object]:
    records = [("A", "quoi? " * n), ("B", "ok")]
    return lambda: analyze(records, lang="fr")


def distinct_speakers(n: int) -> Callable[[], object]:
    records = [(f"S{i}", "bonjour") for i in range(n)]
    return lambda: analyze(records, lang="fr")


def dialogue(n: int) -> Callable[[], object]:
    lines = (
        "Qu'attendez-vous de notre échange aujourd'hui ?",
        "Si je comprends bien, vous avez peur de décevoir votre directrice.",
        "Oui, exactement, et en même temps je ne veux pas la perdre.",
    )
    records = [(("Coach", "Client")[i % 2], f"{lines[i % 3]} ({i})") for i in range(n)]
    return lambda: analyze(records, lang="fr")


def continuation_lines(n: int) -> Callable[[], object]:
    text = "A: bonjour\n" + "et puis encore une ligne qui continue\n" * n
    return lambda: parse(text, "text")


def speakerless_cues(n: int) -> Callable[[], object]:
    cue = "00:00:03.000 --> 00:00:04.000\net puis encore une ligne\n\n"
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Bonjour.\n\n" + cue * n
    return lambda: parse(text, "vtt")


@pytest.mark.parametrize(
    ("make", "n"),
    [
        pytest.param(one_long_utterance, 10_000, id="repeated quoi? in one utterance"),
        pytest.param(distinct_speakers, 5_000, id="one utterance per speaker"),
        pytest.param(dialogue, 1_000, id="a two-speaker dialogue"),
        pytest.param(continuation_lines, 20_000, id="text continuation lines"),
        pytest.param(speakerless_cues, 40_000, id="WebVTT cues continuing a speaker"),
    ],
)
def test_four_times_the_input_takes_about_four_times_as_long(make, n):
    analyze([("A", "Bonjour ?"), ("B", "Oui.")], lang="fr")  # rules built outside the timing
    assert growth(make, n) < LINEAR_ENOUGH


def test_continuation_lines_are_joined_as_before():
    text = "A: bonjour\nsuite\n\nB: oui\n"
    assert [(u.speaker, u.text) for u in parse(text, "text")] == [
        ("A", "bonjour suite"),
        ("B", "oui"),
    ]
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Un\n\n00:02.000 --> 00:03.000\ndeux\n"
    (only,) = parse(vtt, "vtt")
    assert (only.text, only.end) == ("Un deux", 3.0)


def test_the_first_speaker_wins_a_tie_for_focus():
    report = analyze([("Léa", "Bonjour."), ("Marc", "Salut."), ("Zoé", "Coucou.")], lang="fr")
    assert report.focus == "Léa" and report.focus_reason == "focus_opened"


@pytest.mark.parametrize(
    ("limits", "key"),
    [
        (Limits(max_utterances=3), "too_many_utterances"),
        (Limits(max_speakers=1), "too_many_speakers"),
        (Limits(max_utterance_chars=10), "utterance_too_long"),
        (Limits(max_seconds=0.0), "too_slow"),
    ],
)
def test_limits_refuse_an_input_with_a_message_key(limits, key):
    records = [("A", "Bonjour, comment allez-vous ?"), ("B", "Bien.")] * 300
    with pytest.raises(AnalysisError) as refused:
        analyze(records, lang="fr", limits=limits)
    assert refused.value.key == key


def test_progress_is_reported_while_annotating():
    seen: list[tuple[int, int]] = []
    analyze([("A", "Oui ?"), ("B", "Non.")] * 600, lang="fr", progress=lambda *p: seen.append(p))
    assert seen and seen[-1][1] == 1200 and all(done < total for done, total in seen)
