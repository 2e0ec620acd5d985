"""The learned acts: shipped weights rebuilt from the repo's data, explanations, frames."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ancrage.analysis import analyze
from ancrage.analysis.engine import annotate
from ancrage.analysis.html_report import to_html
from ancrage.analysis.learned_acts import LEARNED, WEIGHTS, Model, load_model, tokens
from ancrage.analysis.models import Utterance
from ancrage.analysis.readers import parse
from ancrage.analysis.report import to_dict

from .samples import PLEASING_FR, SERVING_FR

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))


def _conversation_decisions(model: Model, path: Path) -> list[list[str]]:
    """Every utterance's acts in one data file, each conversation read whole."""
    import train_acts

    from ancrage.analysis.acts import rules_for
    from ancrage.analysis.engine import shape

    out = []
    for rows in train_acts.conversations(path):
        lang = rows[0]["lang"]
        shaped = shape([Utterance(r["speaker"], r["text"]) for r in rows], rules_for(lang))
        decided = model.decide_conversation(
            [(s.norm, s.context) for s in shaped], [r["speaker"] for r in rows], lang
        )
        out += [[d.act for d in found] for found in decided]
    return out


def test_rebuilt_weights_decide_every_labelled_utterance_as_the_shipped_ones(tmp_path: Path):
    """`make model` is reproducible: refitting from benchmarks/data with the shipped C and
    thresholds gives a table that decides every utterance of every conversation trained on
    the same way, both readings included."""
    import train_acts

    out = tmp_path / "acts.json"
    assert train_acts.main(["--refit", "--out", str(out)]) == 0
    shipped, rebuilt = load_model(), Model(json.loads(out.read_text(encoding="utf-8")))
    rows = train_acts.load()
    assert len(rows) > 4000 and len({r.writer for r in rows}) >= 13
    paths = sorted(
        p for p in train_acts.DATA.glob("*.jsonl") if p.name not in train_acts.NOT_TRAINED
    )
    compared = differing = 0
    for path in paths:
        for a, b in zip(
            _conversation_decisions(shipped, path),
            _conversation_decisions(rebuilt, path),
            strict=True,
        ):
            compared += 1
            differing += a != b
    assert compared > 40_000 and differing == 0


def test_the_fast_path_reads_as_the_feature_list_does():
    """The analyzer sums each word's weights once (`first_reading_of`); on every utterance
    of two writers' sets it must give the logits of the plain sum over `features` that
    training defines, and, read alone, the same acts, scores and explanations (as typed)."""
    import train_acts

    from ancrage.analysis.acts import rules_for
    from ancrage.analysis.engine import shape
    from ancrage.analysis.learned_acts import as_written, features

    model, compared = load_model(), 0
    for name in ("heldout_g_conversations.jsonl", "heldout_s_conversations.jsonl"):
        for rows in train_acts.conversations(ROOT / "benchmarks" / "data" / name):
            lang = rows[0]["lang"]
            shaped = shape([Utterance(r["speaker"], r["text"]) for r in rows], rules_for(lang))
            for s in shaped:
                feats = features(s.norm, lang, s.context)
                slow_logits = model.first_reading(feats)
                fast_logits = model.first_reading_of(s.norm, lang, s.context)
                assert fast_logits == pytest.approx(slow_logits, abs=1e-9)
                slow = model.decide(feats)
                (fast,) = model.decide_conversation([(s.norm, s.context)], ["Coach"], lang)
                assert [(d.act, d.score) for d in fast] == [(d.act, d.score) for d in slow]
                assert [d.evidence for d in fast] == [
                    tuple(as_written(w, s.norm) for w in d.evidence) for d in slow
                ]
                compared += bool(slow)
    assert compared > 500


def test_the_blind_sets_are_never_trained_on():
    import train_acts

    texts = {r.text for r in train_acts.load()}
    for name in (f"heldout_{x}_conversations.jsonl" for x in ("ra", "rb", "rc", "rd")):
        assert name in train_acts.NOT_TRAINED
        blind = ROOT / "benchmarks" / "data" / name
        conversations: dict[str, list[str]] = {}
        for line in blind.read_text().splitlines():
            row = json.loads(line)
            conversations.setdefault(row["conv"], []).append(row["text"])
        # 130 writers happen to write the same common turns ("ok", "D'accord.", "What do you make
        # of that?"), a few distinct ones per conversation at most ("okay" may come back three
        # times); a conversation trained on shares them all
        for conv, lines in conversations.items():
            assert len({text for text in lines if text in texts}) <= 4, conv


def test_running_the_analyzer_imports_no_training_library():
    code = (
        "import sys\n"
        "from ancrage.analysis import analyze\n"
        "analyze([('Coach', 'Qu attendez-vous de cet appel ?'), ('Léa', 'Des clients.')])\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_table_covers_every_learned_act_and_says_how_it_was_trained():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert data["acts"] == list(LEARNED)
    assert len(data["bias"]) == len(data["thresholds"]) == len(data["C"]) == len(LEARNED)
    assert len(data["thresholds_alone"]) == len(data["stack"]["bias"]) == len(LEARNED)
    assert all(len(row) == 3 + 2 * len(LEARNED) for row in data["stack"]["weights"])
    trained = data["trained_on"]
    assert set(LEARNED) <= set(trained["writer_folds_f1"])
    assert {"pleasing_micro_f1_fr", "false_alarms_en"} <= set(trained["writer_folds_f1"])
    assert trained["seed"] == 0 and trained["utterances"] > 4000


def _coach_acts(text: str, lang: str, before: str = "ok") -> list[str]:
    return annotate([Utterance("Client", before), Utterance("Coach", text)], lang)[1].acts


def test_a_pleasing_seller_and_a_serving_coach_are_told_apart():
    """Written for this test, never trained on: the seller's pleasing acts are found, and the
    serving coach shows none of them."""
    seller = analyze(parse(PLEASING_FR, "text"), focus="Vendeur")
    pleasing = {act for u in seller.utterances if u.speaker == "Vendeur" for act in u.acts}
    serving = analyze(parse(SERVING_FR, "text"), focus="Coach")
    serving_acts = {act for u in serving.utterances if u.speaker == "Coach" for act in u.acts}
    assert {"small_talk", "self_promotion", "assumption", "credit_taken"} <= pleasing
    assert not {"small_talk", "self_promotion", "credit_taken", "competitor"} & serving_acts
    assert {"needs_question", "reflection", "ownership_returned"} <= serving_acts


def test_every_learned_act_in_the_json_report_says_which_of_its_words_weighed():
    report = analyze(parse(PLEASING_FR, "text"), focus="Vendeur")
    explained = 0
    for row in to_dict(report)["utterances"]:
        words = set(tokens(row["text"].lower()))
        for act in row["acts"]:
            if act in LEARNED:
                assert row["evidence"][act], (act, row["text"])
                for phrase in row["evidence"][act]:
                    assert set(tokens(phrase.lower())) <= words, (phrase, row["text"])
                explained += 1
    assert explained >= 5


def test_the_html_report_shows_the_words_beside_the_act():
    report = analyze(parse(PLEASING_FR, "text"), focus="Vendeur")
    credit = next(u for u in report.utterances if "credit_taken" in u.acts)
    html = to_html(report, "fr")
    assert f'<span class="why">({", ".join(credit.evidence["credit_taken"])})</span>' in html


THANKED = [
    ("Coach", "Alors, ce rendez-vous avec le syndic ?"),
    ("Inès", "Il voulait baisser le prix, j'ai tenu bon."),
    (
        "Coach",
        "Pour la suite, tu devrais envoyer ta grille tarifaire à tous tes anciens clients "
        "avant la fin du mois, avec une date limite.",
    ),
    ("Inès", "Signé ! 4 200 €. Merci mille fois, sans toi je n'aurais jamais osé."),
]


@pytest.mark.parametrize("frame", ["call", "coaching"])
def test_the_frame_is_reported(frame: str):
    report = analyze([*THANKED, ("Coach", "Bravo !")], focus="Coach", frame=frame)
    assert report.frame == frame and to_dict(report)["frame"] == frame


def test_in_a_coaching_thread_credit_handed_back_scores_and_talk_share_does_not():
    back = analyze(
        [*THANKED, ("Coach", "C'est toi qui l'as décroché, ta préparation, ton culot.")],
        focus="Coach",
        frame="coaching",
    )
    kept = analyze(
        [*THANKED, ("Coach", "Avec plaisir ! On se reparle jeudi pour la suite.")],
        focus="Coach",
        frame="coaching",
    )
    assert back.indicator("credit_returned_share").value == 1.0
    assert kept.indicator("credit_returned_share").value == 0.0
    assert back.service_score > kept.service_score
    assert back.indicator("talk_share_words").weight == 0  # a sales benchmark
    assert "credit_kept" in [point.kind for point in kept.feedback]
    assert "good_ownership" in [point.kind for point in back.feedback]


def test_a_call_keeps_the_sales_benchmarks():
    report = analyze(THANKED, focus="Coach")
    assert report.frame == "call"
    assert report.indicator("talk_share_words").weight == 10
    assert report.indicator("credit_returned_share").weight == 0


def test_an_unknown_frame_is_refused_clearly():
    from ancrage.analysis import AnalysisError
    from ancrage.analysis.ui import message

    with pytest.raises(AnalysisError) as caught:
        analyze(THANKED, frame="meeting")
    assert message("fr", caught.value.key, **caught.value.params) == (
        "cadre « meeting » inconnu (call, coaching)"
    )


def test_small_talk_questions_are_not_counted_as_service_questions():
    report = analyze(
        [
            ("Vendeur", "Vous avez passé un bon week-end ? Il a fait un temps magnifique."),
            ("Client", "Oui, très bien."),
            ("Vendeur", "Qu'est-ce qui vous amène à chercher un nouvel outil ?"),
            ("Client", "Nos devis partent trop tard."),
        ],
        focus="Vendeur",
    )
    chat = report.utterances[0]
    assert chat.question is not None and "small_talk" in chat.acts
    assert report.indicator("questions").value == 1.0


def test_the_cli_takes_a_frame(tmp_path: Path):
    transcript = tmp_path / "fil.txt"
    transcript.write_text("\n".join(f"{who}: {text}" for who, text in THANKED) + "\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ancrage.analysis",
            str(transcript),
            "--frame",
            "coaching",
            "--json",
            "-",
            "--focus",
            "Coach",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["frame"] == "coaching"


# Written for this test, after the training sets, by someone who did not look at them: each
# phrase as the coach's or seller's reply to the other's short answer.
NEW_PHRASES = [
    (
        "fr",
        "Le client d'avant est resté à peine un an, nous on garde 96 % des nôtres.",
        "self_promotion",
    ),
    (
        "fr",
        "On est la seule équipe de la région certifiée pour ce type de toiture.",
        "self_promotion",
    ),
    ("en", "Honestly, nobody in town turns quotes around faster than my crew.", "self_promotion"),
    ("en", "We've picked up three industry awards since March.", "self_promotion"),
    (
        "fr",
        "Avec la formule Sérénité vous avez la maintenance et le dépannage inclus pour 49 € par mois.",
        "own_offer",
    ),
    ("fr", "Je peux vous faire une démonstration jeudi, ça prend vingt minutes.", "own_offer"),
    ("en", "Our starter plan is 29 a month and you can cancel any time.", "own_offer"),
    ("en", "If you sign before Friday I'll waive the setup fee.", "own_offer"),
    (
        "fr",
        "Votre banque actuelle vous prend sûrement des frais cachés sur chaque virement.",
        "assumption",
    ),
    ("fr", "J'imagine que tu n'as pas encore osé leur parler du prix.", "assumption"),
    ("en", "I bet you're still doing all your invoices by hand.", "assumption"),
    ("en", "You must be swamped with the spring rush.", "assumption"),
    ("fr", "Il paraît qu'il va neiger ce week-end, vous partez à la montagne ?", "small_talk"),
    ("fr", "Super joli, votre atelier, c'est vous qui avez fait la verrière ?", "small_talk"),
    ("en", "Did you get caught in that storm on the way in?", "small_talk"),
    ("en", "How was the holiday, somewhere sunny I hope?", "small_talk"),
    (
        "fr",
        "Tu vois, si tu ne m'avais pas écoutée, tu n'aurais jamais signé ce contrat.",
        "credit_taken",
    ),
    (
        "fr",
        "C'est ma grille de négociation qui a fait la différence, je te l'avais dit.",
        "credit_taken",
    ),
    (
        "en",
        "That's exactly the script I gave you, glad it finally paid off for us.",
        "credit_taken",
    ),
    ("en", "You can thank my follow-up template for that one.", "credit_taken"),
    (
        "fr",
        "Les logiciels américains sont plus chers et leur support ne parle pas français.",
        "competitor",
    ),
    ("fr", "Chez votre assureur actuel, la franchise est bien plus élevée.", "competitor"),
    ("en", "The big national chains will charge you double for the same job.", "competitor"),
    ("en", "Compared to QuickInvoice, we don't take a cut of your payments.", "competitor"),
]
PLAIN_CONTROLS = [
    ("fr", "Le devis part ce soir, vous le recevrez par courriel."),
    ("fr", "La livraison est prévue mardi entre 8 h et 10 h."),
    ("fr", "Je note : trois devis envoyés, un signé."),
    ("fr", "On se rappelle jeudi à 14 h pour faire le point."),
    ("en", "The delivery window is Tuesday between eight and ten."),
    ("en", "I'll send the contract over this afternoon."),
    ("en", "So that's three quotes sent and one signed this week."),
    ("en", "Let's speak again on Thursday at two."),
]


def test_new_phrases_no_training_set_contains():
    """Pre-registered bar: three phrases in four read with their act, at most one plain
    business statement given a pleasing act."""
    from ancrage.analysis.acts import PLEASING

    right = [
        act in _coach_acts(text, lang, "D'accord." if lang == "fr" else "Okay.")
        for lang, text, act in NEW_PHRASES
    ]
    alarms = [
        text
        for lang, text in PLAIN_CONTROLS
        if PLEASING & set(_coach_acts(text, lang, "D'accord." if lang == "fr" else "Okay."))
    ]
    missed = [p for p, ok in zip(NEW_PHRASES, right, strict=True) if not ok]
    assert sum(right) >= 0.75 * len(NEW_PHRASES), missed
    assert len(alarms) <= 1, alarms


def _example(labels: set[str]):
    import train_acts

    return train_acts.Example((), frozenset(labels), "w", "en", "")


def test_the_false_alarm_ceiling_raises_the_cheapest_threshold_until_it_holds(monkeypatch):
    import train_acts

    # the method, whatever ceiling ships: one alarm in ten is within 10 %
    monkeypatch.setattr(train_acts, "FALSE_ALARM_CEILING", 0.10)

    offer, talk = train_acts.LEARNED.index("own_offer"), train_acts.LEARNED.index("small_talk")

    def probs(own_offer: float, small_talk: float) -> list[float]:
        row = [0.0] * len(train_acts.LEARNED)
        row[offer], row[talk] = own_offer, small_talk
        return row

    # ten plain statements: six look like offers to the model (0.6), one like small talk (0.6)
    rows = [_example({"input"}) for _ in range(10)]
    scores = [probs(0.6, 0.0)] * 6 + [probs(0.0, 0.6)] + [probs(0.0, 0.0)] * 3
    # real offers score 0.7 or more, real small talk 0.62: small talk's threshold is the costly one
    rows += [_example({"input", "own_offer"}) for _ in range(10)]
    scores += [probs(0.7 + 0.02 * i, 0.0) for i in range(10)]
    rows += [_example({"small_talk"}) for _ in range(5)]
    scores += [probs(0.0, 0.62)] * 5
    start = [0.5] * len(train_acts.LEARNED)
    assert train_acts._false_alarm_rate(rows, scores, start) == 0.7

    chosen = train_acts.fewer_false_alarms(rows, scores, start)

    assert train_acts._false_alarm_rate(rows, scores, chosen) <= train_acts.FALSE_ALARM_CEILING
    assert 0.6 < chosen[offer] <= 0.7  # offers cleared, every real one still found
    assert chosen[talk] == 0.5  # one alarm was within the ceiling: small talk is left alone
    # every real offer and small talk still found; the one small-talk alarm left costs 1/31
    assert train_acts._pleasing_f1(rows, scores, chosen) == 30 / 31


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_a_second_person_is_read_with_the_analyzer_measure_both_ways(tmp_path: Path, capsys):
    """`pleasing_acts.py --second`: the human agreement the targets are read against."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pleasing_acts

    def row(text: str, acts: list[str]) -> dict:
        return {"conv": "fr-vente-x", "lang": "fr", "speaker": "Léa", "assessed": True,
                "text": text, "question": None, "acts": acts}  # fmt: skip

    writer = [row("Je vous envoie le devis ce soir.", ["input"]),
              row("Notre offre est la meilleure du marché.", ["input", "own_offer"]),
              row("Il fait beau chez vous ?", ["small_talk"])]  # fmt: skip
    second = [row("Je vous envoie le devis ce soir.", ["input", "own_offer"]),
              row("Notre offre est la meilleure du marché.", ["input", "own_offer"]),
              row("Il fait beau chez vous ?", [])]  # fmt: skip
    gold = _jsonl(tmp_path / "set.jsonl", writer)
    (tmp_path / "second").mkdir()
    _jsonl(tmp_path / "second" / "set.jsonl", second)
    assert pleasing_acts.main(["--second", str(tmp_path / "second"), str(gold)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # second against the writer: tp 1 (own offer), fp 1 (the quote), fn 1 (small talk)
    assert lines[1].split()[-3:] == ["fr", "0.500", "1/1"]
    # the writer against the second: the second's only plain statement is not one for it
    assert lines[2].split()[-3:] == ["fr", "0.500", "0/0"]

    _jsonl(tmp_path / "second" / "set.jsonl", second[:2])
    with pytest.raises(SystemExit, match="2 lines, set.jsonl has 3"):
        pleasing_acts.main(["--second", str(tmp_path / "second"), str(gold)])


def test_readings_split_by_channel(tmp_path: Path, capsys):
    """`pleasing_acts.py --by-channel`: an SMS thread's figures apart from a sales call's."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pleasing_acts

    def row(conv: str, text: str, acts: list[str]) -> dict:
        return {"conv": conv, "lang": "fr", "speaker": "Léa", "assessed": True,
                "text": text, "question": None, "acts": acts}  # fmt: skip

    sms, call = "fr-sms-relance-z", "fr-vente-logiciel-z"
    writer = [row(sms, "T'as relancé la boulangerie ?", ["question"]),
              row(sms, "Pense à noter tes devis dans le tableau.", ["input"]),
              row(call, "Je vous envoie le devis ce soir.", ["input"]),
              row(call, "Notre logiciel est le meilleur.", ["input", "self_promotion"])]  # fmt: skip
    second = [dict(r) for r in writer]
    second[2] = row(call, "Je vous envoie le devis ce soir.", ["input", "own_offer"])
    gold = _jsonl(tmp_path / "set.jsonl", writer)
    (tmp_path / "second").mkdir()
    _jsonl(tmp_path / "second" / "set.jsonl", second)
    assert (
        pleasing_acts.main(["--second", str(tmp_path / "second"), "--by-channel", str(gold)]) == 0
    )
    lines = {line.split("jsonl ")[1].rsplit(" fr ", 1)[0].strip(): line.split()[-2:]
             for line in capsys.readouterr().out.splitlines()[1:]}  # fmt: skip
    # the one disagreement (the quote read as an offer) is a sales call's, none is the thread's
    assert lines["(second vs writer)"] == ["0.667", "1/2"]
    assert lines["(second vs writer) [sales]"] == ["0.667", "1/1"]
    assert lines["(second vs writer) [sms]"] == ["—", "0/1"]  # no pleasing act to find there


def test_agreed_reads_the_analyzer_once_against_both_people(tmp_path: Path, capsys):
    """`pleasing_acts.py --agreed`: false alarms counted only on what both people call a
    plain business statement, beside the analyzer against each person."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pleasing_acts

    def row(text: str, acts: list[str], speaker: str = "Léa") -> dict:
        return {"conv": "fr-vente-y", "lang": "fr", "speaker": speaker,
                "assessed": speaker == "Léa", "text": text, "question": None, "acts": acts}  # fmt: skip

    texts = ["Je vous envoie le devis ce soir.", "Pensez à relancer le client jeudi.",
             "D'accord.", "Il fait beau chez vous ?"]  # fmt: skip
    writer = [row(texts[0], ["input"]), row(texts[1], ["input"]),
              row(texts[2], [], "Marc"), row(texts[3], ["question", "small_talk"])]  # fmt: skip
    second = [row(texts[0], ["input", "own_offer"]), row(texts[1], ["input"]),
              row(texts[2], [], "Marc"), row(texts[3], ["question", "small_talk"])]  # fmt: skip
    gold = _jsonl(tmp_path / "set.jsonl", writer)
    (tmp_path / "second").mkdir()
    _jsonl(tmp_path / "second" / "set.jsonl", second)
    assert pleasing_acts.main(["--agreed", str(tmp_path / "second"), str(gold)]) == 0
    lines = {line.split(" (")[1].split(")")[0]: line.split()[-3:]
             for line in capsys.readouterr().out.splitlines()[1:]}  # fmt: skip
    # the writer calls two lines plain, the second person one, both agree on one: the advice,
    # which the analyzer does not call a pitch
    assert lines["analyzer vs writer"][2].endswith("/2")
    assert lines["analyzer vs second"][2].endswith("/1")
    assert lines["analyzer, plain for both"] == ["fr", "—", "0/1"]
    # the second person gives the quote an offer: one alarm on the writer's two plain lines, and
    # beside the small talk both found, micro-F1 2/3
    assert lines["second vs writer"] == ["fr", "0.667", "1/2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd send them a one-pager comparing you with Doctolib", (1, False)),
        ("the clinics on Riccarton Rd are cheaper", (2, False)),
        ("State Farm's agents can't shop around", (1, False)),  # a sentence's first word
        ("Bravo Julien, see you Friday!", (0, False)),  # the speaker's name, a weekday
        ("on est hébergés en France et conformes RGPD", (1, True)),
        ("notre terminal passe en 4G", (0, False)),  # a capital after a digit names nothing
        ("chez d'Artagnan? Non. Merci.", (0, False)),  # elided, then sentence starts
        ("no capitals at all, like most sms", (0, False)),
    ],
)
def test_named_counts_capitalised_names_inside_a_sentence(text: str, expected: tuple) -> None:
    from ancrage.analysis.learned_acts import named

    assert named(text, frozenset({"julien"})) == expected


# Written for this test (no writer's set has them): the same line after its speaker pitched a
# workshop, and after he asked about the client's quotes.
_PITCH = {
    "en": (
        "My Pricing Bootcamp starts in March, six weeks, 490 dollars, and I'd love to have you in it.",
        "Honestly it's the best thing I've ever built, people double their rates.",
        "And for you it's 390 if you sign up this week.",
    ),
    "fr": (
        "Mon atelier « Oser son prix » démarre en mars, six semaines, 490 €, je te garde une place ?",
        "Franchement c'est ce que j'ai fait de mieux, mes clients doublent leurs tarifs.",
        "Et pour toi je fais 390 € si tu t'inscris cette semaine.",
    ),
}
_SERVE = {
    "en": (
        "How did the two quotes go this week?",
        "What did the client say about the price?",
        "And how did you feel about that price yourself?",
    ),
    "fr": (
        "Comment se sont passés les deux devis cette semaine ?",
        "Qu'est-ce que le client a dit du prix ?",
        "Et toi, tu en as pensé quoi, de ce prix ?",
    ),
}
# the other person's replies between the coach's lines
_REPLIES = {"en": ("Oh?", "Maybe.", "Not sure."), "fr": ("Ah bon ?", "Peut-être.", "Je sais pas.")}


def _after(before: tuple[str, ...], line: str, lang: str = "fr") -> list[Utterance]:
    """The coach's lines `before`, each answered, then `line`: four lines of the coach, enough
    for the second reading (a speaker who says less is read alone)."""
    turns = []
    for said, reply in zip(before, _REPLIES[lang], strict=True):
        turns += [Utterance("Coach", said), Utterance("Client", reply)]
    return [*turns, Utterance("Coach", line)]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Two spots left, I'll keep one for you till Friday."),
        ("fr", "Il reste deux places, je te les garde jusqu'à vendredi."),
    ],
)
def test_the_second_reading_reads_a_line_beside_its_speakers_other_lines(lang, line) -> None:
    def last_acts(before: tuple[str, ...]) -> list[str]:
        return annotate(_after(before, line, lang), lang)[-1].acts

    assert "own_offer" in last_acts(_PITCH[lang])
    assert "own_offer" not in last_acts(_SERVE[lang])
    assert "input" in last_acts(_SERVE[lang])


@pytest.mark.parametrize(
    ("lang", "coach", "replies"),
    [
        (
            "fr",
            ("Bonjour Théo !", "Alors, ce week-end au ski, il a fait beau ?",
             "Qu'est-ce que tu attends de notre appel ?"),
            ("Bonjour !", "Oui, très bien.", "Parler de mes prix."),
        ),
        (
            "en",
            ("Hi Grace!", "So, how was the weekend, did the weather hold up?",
             "What do you need from this call?"),
            ("Hi!", "Yes, lovely.", "Talk about my prices."),
        ),
    ],
)  # fmt: skip
def test_a_speaker_who_says_little_is_read_line_by_line(lang, coach, replies) -> None:
    """The second reading learned from conversations of 18-30 lines; beside a single business
    question it took the small talk away from « ce week-end au ski, il a fait beau ? » (and,
    in French, the needs question from the business question). A speaker who says fewer than
    four things is read line by line: a short thread keeps what each line says."""
    turns = []
    for said, reply in zip(coach, replies, strict=True):
        turns += [Utterance("Coach", said), Utterance("Client", reply)]
    found = [a.acts for a in annotate(turns, lang) if a.speaker == "Coach"]
    assert "small_talk" in found[1] and "needs_question" in found[2]
    for text, acts in zip(coach, found, strict=True):
        assert annotate([Utterance("Coach", text)], lang)[0].acts == acts


# After a pitch for a workshop, « je suis sûr que ça t'aiderait » decides for the client what he
# needs (an assumption); the same line after questions about his quotes is nothing at all. Its
# words alone carry no act.
_DETAILS = "Je suis sûr que ça t'aiderait."


@pytest.mark.parametrize(
    ("ui", "marker"),
    [("en", "given the rest of the conversation"), ("fr", "vu avec le reste de l&#x27;échange")],
)
def test_an_act_the_context_decided_says_so_in_every_report(ui, marker) -> None:
    """An act the line's own words would not decide is listed in `context_acts`, and the HTML
    report says the rest of the conversation decided it, beside that act only, so that a coach
    does not look for the reason in the line's words."""
    report = analyze(_after(_PITCH["fr"], _DETAILS), lang="fr", focus="Coach")
    last = report.utterances[-1]
    assert last.context_acts and set(last.context_acts) <= set(last.acts)
    assert not set(last.context_acts) & set(
        analyze(_after(_SERVE["fr"], _DETAILS), lang="fr", focus="Coach").utterances[-1].acts
    )
    model = load_model()
    from ancrage.analysis.acts import rules_for
    from ancrage.analysis.engine import shape

    shaped = shape(_after(_PITCH["fr"], _DETAILS), rules_for("fr"))[-1]
    logits = model.first_reading_of(shaped.norm, "fr", shaped.context)
    for act in last.context_acts:  # the line's own first reading stays under the threshold
        k = model.acts.index(act)
        assert 1 / (1 + math.exp(-logits[k])) < model.thresholds_alone[k], act
    assert to_dict(report)["utterances"][-1]["context_acts"] == last.context_acts
    # the pitch is an offer by its own words: nothing marked
    assert "own_offer" in report.utterances[0].acts and not report.utterances[0].context_acts
    html = to_html(report, ui)
    row = html.split('id="u7"')[1]
    assert row.count(marker) == len(last.context_acts)
    assert marker not in html.split('id="u7"')[0]


@pytest.mark.parametrize(("ui", "name", "raw"), [("fr", "autopromotion", "self_promotion"),
                                                  ("en", "self-promotion", "self_promotion")])  # fmt: skip
def test_the_html_report_names_acts_in_the_interface_language(ui, name, raw) -> None:
    html = to_html(analyze(parse(PLEASING_FR, "text"), focus="Vendeur"), ui)
    visible = re.sub(r"<[^>]+>", " ", html)
    assert name in visible and raw not in visible
    shapes = (
        ("question ouverte", "question fermée")
        if ui == "fr"
        else ("open question", "closed question")
    )
    assert any(shape in visible for shape in shapes)
    assert "?open" not in visible and "?closed" not in visible


def test_backchannels_between_a_speakers_lines_change_no_reading() -> None:
    """Short lines ("Mm-hmm") are no context: padding a seller's turns with them leaves the
    acts of every other line as they were."""
    turns = [Utterance(u.speaker, u.text) for u in parse(PLEASING_FR, "text")]
    padded: list[Utterance] = []
    for u in turns:
        padded.append(u)
        if u.speaker == "Vendeur":
            padded.append(Utterance("Vendeur", "Hm hm."))
    from ancrage.analysis.acts import rules_for
    from ancrage.analysis.engine import shape

    def read(utterances: list[Utterance]) -> list[list[tuple[str, float]]]:
        shaped = shape(utterances, rules_for("fr"))
        decided = load_model().decide_conversation(
            [(s.norm, s.context) for s in shaped], [u.speaker for u in utterances], "fr"
        )
        return [
            [(d.act, d.score) for d in found]
            for u, found in zip(utterances, decided, strict=True)
            if u.text != "Hm hm."
        ]

    plain = read(turns)
    assert any(act == "own_offer" for found in plain for act, _score in found)
    assert read(padded) == plain  # the same acts, with the same probabilities


@pytest.mark.parametrize("enabled_before", [True, False])
def test_reading_leaves_the_cycle_collector_as_it_found_it(enabled_before: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled_before else gc.disable()
        annotate([Utterance("Coach", "Bonjour, qu'attendez-vous de cet appel ?")], "fr")
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable() if was else gc.disable()
