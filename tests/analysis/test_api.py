"""Public API: scores, focus choice, language, SMS threads, no Django, same lexicon names."""

import subprocess
import sys

import pytest

from ancrage.analysis import AnalysisError, analyze
from ancrage.analysis.lang import en, fr

from .samples import PLEASING_EN, PLEASING_FR, SERVING_EN, SERVING_FR


def from_text(text: str) -> list[dict[str, str]]:
    """Turn 'Name: words' samples into the list of dicts the app passes (continuations joined)."""
    out: list[dict[str, str]] = []
    for line in text.splitlines():
        line = line.split("] ", 1)[-1] if line.startswith("[") else line
        name, sep, words = line.partition(": ")
        if sep and " " not in name.strip():
            out.append({"speaker": name.strip(), "text": words})
        else:
            out[-1]["text"] += " " + line
    return out


@pytest.mark.parametrize(
    ("serving", "pleasing", "lang"),
    [(SERVING_FR, PLEASING_FR, "fr"), (SERVING_EN, PLEASING_EN, "en")],
)
def test_serving_conversation_scores_well_above_pleasing_one(serving, pleasing, lang) -> None:
    good, bad = analyze(from_text(serving)), analyze(from_text(pleasing))
    assert good.language == bad.language == lang
    assert good.service_score >= 70
    assert bad.service_score <= 40
    assert good.service_score - bad.service_score >= 40


def test_focus_defaults_to_the_speaker_asking_questions_and_says_why() -> None:
    report = analyze(from_text(SERVING_EN))
    assert report.focus == "Coach"
    assert report.focus_reason == "focus_most_questions"
    assert report.focus_params["count"] >= 3


@pytest.mark.parametrize(
    ("thread", "lang"),
    [
        (
            [
                ("Coach", "alors t as signé le contrat ?"),
                (
                    "Paul",
                    "oui !! mais tu crois que j aurais dû demander plus ? et pour la suite je fais comment ?",
                ),
                ("Coach", "grâce à ma méthode t as signé, je te l avais dit. tu me remercieras"),
                ("Paul", "haha ok. tu penses que je relance les deux autres ? lundi ou mardi ?"),
                ("Coach", "mon programme premium commence en mai, on a déjà formé 300 artisans"),
            ],
            "fr",
        ),
        (
            [
                ("Coach", "so did u sign it?"),
                ("Jo", "yes!! should i have asked for more? and what do i do with the other two?"),
                ("Coach", "told u my pricing formula would work. thanks to me lol"),
                ("Jo", "ha. do i chase them monday or tuesday? and do i send the same email?"),
                ("Coach", "my next group program starts in may, early bird is 200 off"),
            ],
            "en",
        ),
    ],
)
def test_focus_goes_to_the_coach_who_pitches_even_when_the_client_asks_more(thread, lang) -> None:
    report = analyze(thread, lang=lang)
    assert report.focus == "Coach"
    assert report.focus_reason == "focus_leads"


def test_focus_given_is_case_insensitive_and_unknown_focus_lists_speakers() -> None:
    assert analyze(from_text(SERVING_FR), focus="léa").focus == "Léa"
    with pytest.raises(AnalysisError) as info:
        analyze(from_text(SERVING_FR), focus="Bob")
    assert info.value.key == "unknown_focus"
    assert "Coach" in info.value.params["speakers"] and "Léa" in info.value.params["speakers"]


def test_feedback_has_three_points_tied_to_utterances_in_the_conversation_language() -> None:
    report = analyze(from_text(PLEASING_FR))
    assert len(report.feedback) == 3
    for point in report.feedback:
        assert report.utterances[point.index].text.startswith(point.quote.rstrip("…")[:20])
    kinds = [p.kind for p in report.feedback]
    assert "credit_taken" in kinds
    credit = next(p for p in report.feedback if p.kind == "credit_taken")
    assert "mérite" in credit.message  # French conversation -> French feedback
    english = analyze(from_text(PLEASING_EN))
    assert any("credit" in p.message for p in english.feedback)


def test_sms_thread_as_pairs() -> None:
    thread = [
        ("coach", "Salut Marc, qu'attends-tu de notre échange cette semaine ?"),
        ("client", "J'ai signé le contrat ! Merci, c'est grâce à toi."),
        ("coach", "C'est toi qui as fait le boulot : ta posture, ta confiance, tes résultats."),
    ]
    report = analyze(thread)
    assert report.language == "fr" and report.focus == "coach"
    assert "ownership_returned" in report.utterances[2].acts
    assert report.utterances[0].question == "open"


def test_one_speaker_is_analyzed_with_a_warning() -> None:
    report = analyze([{"speaker": "A", "text": "Je vous conseille de relancer vos clients mardi."}])
    assert report.warnings == ["one_speaker"]
    assert "input" in report.utterances[0].acts
    assert report.indicator("input_share").value == 1.0


def test_timestamps_give_time_based_indicators() -> None:
    utts = [
        {"speaker": "A", "text": "What do you need from this call?", "start": 0, "end": 3},
        {"speaker": "B", "text": "A plan for my team, they are overloaded.", "start": 4, "end": 9},
        {"speaker": "A", "text": "So your team is stretched thin.", "start": 11, "end": 13},
    ]
    report = analyze(utts)
    assert report.indicator("talk_share_time").value == pytest.approx(5 / 10)
    assert report.indicator("patience_seconds").value == pytest.approx(2.0)
    assert report.indicator("longest_monologue_seconds").value == pytest.approx(3.0)


def test_lexicon_mapping_counts_products_and_competitors() -> None:
    utts = [
        {"speaker": "Rep", "text": "What do you need today?"},
        {"speaker": "Buyer", "text": "Something cheaper than Zylo."},
        {"speaker": "Rep", "text": "Kairos Suite beats Zylo on price."},
    ]
    report = analyze(utts, lexicon={"products": ["Kairos Suite"], "competitors": ["Zylo"]})
    assert report.indicator("competitor").value == 1
    assert report.indicator("own_offer").value == 1


def test_lexicons_define_the_same_public_names() -> None:
    public = {name for name in vars(fr) if not name.startswith("_")}
    assert public == {name for name in vars(en) if not name.startswith("_")}
    assert set(fr.FEEDBACK) == set(en.FEEDBACK)


def test_importing_the_analyzer_never_imports_django() -> None:
    code = (
        "import sys, ancrage.analysis, ancrage.analysis.cli, ancrage.analysis.html_report;"
        "ancrage.analysis.analyze([('a', 'Bonjour ?'), ('b', 'Oui')]);"
        "print([m for m in sys.modules if m.startswith('django')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("thread", "expected"),
    [
        ([("a", "ok"), ("b", "ok")], "fr"),  # nothing to decide on: French first
        ([("a", "Salut, ça va ?"), ("b", "Oui, et toi ?")], "fr"),
        ([("a", "How was your day?"), ("b", "Good, thanks.")], "en"),
    ],
)
def test_language_is_detected_per_conversation(thread, expected) -> None:
    assert analyze(thread).language == expected
