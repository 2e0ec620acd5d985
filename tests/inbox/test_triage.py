"""The triage model reads SMS the team never trained on: clear cases land in their category,
odd ones (empty, emoji only, ten parts) still get an answer, every badge can say why."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ancrage.analysis.triage import CATEGORIES, Triage, triage
from ancrage.lib.sms_encoding import sms_cost

# Written for these tests, not taken from training/triage/: (language, SMS, category).
CLEAR = [
    ("fr", "Merci beaucoup pour ton aide, vraiment !", "gratitude"),
    ("fr", "Un grand merci pour tout ce que tu as fait pour moi.", "gratitude"),
    ("fr", "Merci pour la séance d'hier, ça m'a fait du bien.", "gratitude"),
    ("fr", "Je voulais te remercier pour ces trois mois.", "gratitude"),
    ("en", "Thank you so much for everything!", "gratitude"),
    ("en", "Thanks a lot for yesterday's session, it really helped.", "gratitude"),
    ("en", "I just wanted to say thank you for all your support.", "gratitude"),
    ("fr", "J'ai signé le contrat avec le nouveau client ce matin !", "win"),
    ("fr", "Mon devis a été accepté, 2400 € !", "win"),
    ("fr", "J'ai décroché la mission, trop contente !", "win"),
    ("fr", "J'ai osé annoncer mon nouveau tarif et il a dit oui !", "win"),
    ("en", "I signed the contract with the new client today!", "win"),
    ("en", "My quote was accepted, £2,000!", "win"),
    ("en", "Landed my first big client this morning!", "win"),
    ("fr", "Je n'y arrive pas, je suis découragée.", "struggle"),
    ("fr", "Encore un refus, je commence à douter de moi.", "struggle"),
    ("fr", "Je me sens nulle, rien ne marche en ce moment.", "struggle"),
    ("fr", "J'ai envie de tout arrêter, c'est trop dur.", "struggle"),
    ("en", "I feel so discouraged, nothing is working.", "struggle"),
    ("en", "Another rejection today, I'm starting to doubt myself.", "struggle"),
    ("fr", "Est-ce que tu penses que je devrais augmenter mes prix ?", "question"),
    ("fr", "Comment je fais pour relancer un client sans le braquer ?", "question"),
    ("fr", "Tu as un conseil pour préparer mon entretien ?", "question"),
    ("en", "Do you think I should raise my prices?", "question"),
    ("en", "How should I follow up with a client who went silent?", "question"),
    ("en", "What would you do in my place?", "question"),
    ("fr", "Est-ce qu'on peut décaler notre séance de jeudi à vendredi ?", "scheduling"),
    ("fr", "Je ne pourrai pas venir mardi, on peut reporter ?", "scheduling"),
    ("fr", "Notre rendez-vous de demain tient toujours à 10h ?", "scheduling"),
    ("en", "Can we move our session from Thursday to Friday?", "scheduling"),
    ("en", "I can't make it on Tuesday, can we reschedule?", "scheduling"),
    ("en", "Is our appointment tomorrow at 10 still on?", "scheduling"),
    ("fr", "ok", "other"),
    ("fr", "D'accord", "other"),
    ("en", "ok", "other"),
    ("en", "Sounds good", "other"),
]

# A thank-you that carries a win: both badges, the journal keeps both.
MIXED = [
    ("fr", "Il a signé, trop contente, merci encore !"),
    ("fr", "Merci ! Mes devis sont enfin acceptés."),
    ("en", "He signed, so happy, thanks again!"),
    ("en", "Thank you! My quotes are finally being accepted."),
]


@pytest.mark.parametrize("detect", [False, True], ids=["declared", "auto"])
@pytest.mark.parametrize(("lang", "text", "expected"), CLEAR, ids=[t for _l, t, _c in CLEAR])
def test_a_clear_sms_lands_in_its_category(lang, text, expected, detect):
    found = triage(text, "auto" if detect else lang)
    assert found.category == expected
    if expected == "other":
        assert found.categories == []
    else:
        assert expected in found.categories


@pytest.mark.parametrize(("lang", "text"), MIXED, ids=[t for _l, t in MIXED])
def test_a_thank_you_announcing_a_win_is_both(lang, text):
    found = triage(text, lang)
    assert {"win", "gratitude"} <= set(found.categories)
    assert found.category in ("win", "gratitude")


def test_categories_are_listed_highest_score_first():
    found = triage("Il a signé, trop contente, merci encore !", "fr")
    scores = [found.scores[c] for c in found.categories]
    assert scores == sorted(scores, reverse=True)
    assert found.category == found.categories[0]


TEN_PARTS = ("Bonjour, voici mes nouvelles de la semaine. " * 40)[:1500]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "🎉🙏✨", "👍", "?!", TEN_PARTS],
    ids=["empty", "blank", "emoji", "thumb", "punctuation", "ten-parts"],
)
@pytest.mark.parametrize("lang", ["auto", "fr", "en"])
def test_an_odd_sms_still_gets_a_valid_triage(text, lang):
    found = triage(text, lang, explain=True)
    assert isinstance(found, Triage)
    assert set(found.scores) == set(CATEGORIES)
    assert all(0.0 <= p <= 1.0 for p in found.scores.values())
    assert set(found.categories) <= set(CATEGORIES)
    assert found.category in (*found.categories, "other")
    json.dumps(found.as_json())  # what the CLI and the database store


def test_the_long_sms_of_these_tests_really_is_ten_parts():
    assert len(TEN_PARTS) == 1500
    assert sms_cost(TEN_PARTS).segments == 10


def test_nothing_at_all_is_other():
    assert triage("", "fr").category == "other"
    assert triage("🎉🙏✨", "fr").category == "other"


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [("fr", "Merci pour tout, vraiment !", "merci"), ("en", "Thanks for everything!", "thanks")],
)
def test_explain_names_the_words_that_weighed_for_gratitude(lang, text, word):
    found = triage(text, lang, explain=True)
    weighed = dict(found.weighed["gratitude"])
    assert weighed[word] > 0
    assert max(weighed, key=weighed.get) == word


def test_explain_is_only_given_when_asked():
    assert triage("Merci pour tout !", "fr").weighed == {}


def test_explain_names_a_word_per_category_found():
    found = triage("Il a signé, trop contente, merci encore !", "fr", explain=True)
    assert set(found.weighed) == set(found.categories)
    assert "signe" in dict(found.weighed["win"])


def ancrage(*args: str) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("ancrage")
    return subprocess.run(
        [str(command), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_cli_prints_one_json_object_per_text():
    done = ancrage("triage", "Merci pour tout !", "Can we move our session to Friday?", "")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)
    assert first["category"] == "gratitude" and "gratitude" in first["categories"]
    assert second["category"] == "scheduling"
    assert third == {"category": "other", "categories": [], "scores": third["scores"]}
    assert set(first["scores"]) == set(CATEGORIES)


def test_the_cli_explains_in_french_without_escaping_accents():
    done = ancrage("triage", "--lang", "fr", "--explain", "Il a signé, merci encore !")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert "merci" in [word for word, _weight in out["weighed"]["gratitude"]]
    assert "\\u" not in done.stdout


def test_the_cli_refuses_an_unknown_language_clearly():
    done = ancrage("triage", "--lang", "de", "Danke")
    assert done.returncode == 2
    assert "--lang" in done.stderr and done.stdout == ""
