"""The service score: components, weights and what moves them (conversations written here)."""

import pytest

from ancrage.analysis import analyze
from ancrage.analysis.score import COMPONENTS, INFORMATIVE

from .samples import PLEASING_EN, PLEASING_FR, SERVING_EN, SERVING_FR
from .test_api import from_text

TELLING = {
    "en": [
        ("Coach", "You should raise your prices, I recommend ten percent."),
        ("Client", "Hmm, maybe."),
        ("Coach", "I'd suggest sending the quote tonight."),
        ("Client", "I have not finished it."),
        ("Coach", "What is holding you back?"),
        ("Client", "I fear they will say no."),
        ("Coach", "You need to call them first, that always works."),
    ],
    "fr": [
        ("Coach", "Vous devriez augmenter vos prix, je vous conseille dix pour cent."),
        ("Client", "Hmm, peut-être."),
        ("Coach", "Vous devriez envoyer le devis ce soir."),
        ("Client", "Je ne l'ai pas fini."),
        ("Coach", "Qu'est-ce qui vous retient ?"),
        ("Client", "J'ai peur qu'ils disent non."),
        ("Coach", "Il faut les appeler d'abord, ça marche toujours."),
    ],
}
BACKCHANNEL = {"en": "Mm-hmm.", "fr": "D'accord."}


def with_backchannels(conversation: list[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    """The same conversation with a bare acknowledgement from the coach after each answer."""
    out: list[tuple[str, str]] = []
    for speaker, text in conversation:
        out.append((speaker, text))
        if speaker == "Client":
            out += [("Coach", BACKCHANNEL[lang]), ("Client", "Oui." if lang == "fr" else "Yes.")]
    return out


def test_weights_sum_to_100_and_every_component_has_a_benchmark() -> None:
    assert sum(c.weight for c in COMPONENTS) == 100
    assert COMPONENTS[0].key == "telling_share"
    assert all(c.benchmark for c in COMPONENTS)
    assert "input_share" in INFORMATIVE  # still reported, without points


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_telling_share_counts_own_content_against_questions_and_reflections(lang) -> None:
    report = analyze(TELLING[lang], focus="Coach")
    telling = report.indicator("telling_share")
    mine = [u for u in report.utterances if u.speaker == "Coach"]
    inputs = sum("input" in u.acts for u in mine)
    asked = sum(u.question in ("open", "closed") for u in mine)
    reflected = sum("reflection" in u.acts for u in mine)
    assert inputs >= 2 and asked == 1
    assert telling.value == pytest.approx(inputs / (inputs + asked + reflected))
    assert telling.value >= 0.5 and telling.points == 0  # telling more than asking: no points
    assert telling.weight == 35
    assert any(p.kind == "input_high" for p in report.feedback)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_backchannel_turns_do_not_buy_points(lang) -> None:
    plain = analyze(TELLING[lang], focus="Coach")
    padded = analyze(with_backchannels(TELLING[lang], lang), focus="Coach")
    # the per-turn share is diluted by the "Mm-hmm" turns, the per-behaviour share is not
    assert padded.indicator("input_share").value < plain.indicator("input_share").value
    assert padded.indicator("telling_share").value == plain.indicator("telling_share").value
    assert padded.indicator("telling_share").points == plain.indicator("telling_share").points


@pytest.mark.parametrize(
    ("serving", "pleasing"), [(SERVING_EN, PLEASING_EN), (SERVING_FR, PLEASING_FR)]
)
def test_asking_and_reflecting_keep_the_telling_points(serving, pleasing) -> None:
    good = analyze(from_text(serving)).indicator("telling_share")
    bad = analyze(from_text(pleasing)).indicator("telling_share")
    assert good.value is not None and good.value <= 0.1
    assert good.points >= 0.8 * good.weight
    assert bad.points < good.points


def test_no_question_reflection_or_content_gives_no_telling_points() -> None:
    report = analyze([("Coach", "Bonjour !"), ("Client", "Bonjour."), ("Coach", "Merci.")])
    telling = report.indicator("telling_share")
    assert telling.value is None and telling.points == 0


@pytest.mark.parametrize(
    ("lang", "credit_back", "rhetorical"),
    [
        (
            "fr",
            "C'est toi qui as décroché ce contrat : ta posture, ton juste prix, non ?!",
            "Les clients sont durs en ce moment, hein ?",
        ),
        (
            "en",
            "You landed that deal: your stance, your fair price, your results, right?!",
            "Clients are tough these days, huh?",
        ),
    ],
)
def test_a_tag_that_hands_credit_back_is_not_counted_as_pleasing(
    lang: str, credit_back: str, rhetorical: str
) -> None:
    def rate(coach_line: str) -> float | None:
        thanks = "Merci pour tout !" if lang == "fr" else "Thanks for everything!"
        report = analyze([("Client", thanks), ("Coach", coach_line)], focus="Coach", lang=lang)
        assert report.utterances[1].question == "tag"
        return report.indicator("pleasing_rate").value

    assert rate(credit_back) == 0.0
    assert rate(rhetorical) >= 0.5  # the tag itself; the model may also read an assumption


@pytest.mark.parametrize(
    ("lang", "opening", "chat", "business"),
    [
        (
            "fr",
            "Bonjour Théo !",
            "Alors, ce week-end au ski, il a fait beau ?",
            "Bonjour Théo, qu'est-ce que tu attends de notre appel ?",
        ),
        (
            "en",
            "Hi Grace!",
            "So, how was the weekend, did the weather hold up?",
            "Hi Grace, what do you need from this call?",
        ),
    ],
)
def test_a_greeting_with_a_question_opens_the_business(
    lang: str, opening: str, chat: str, business: str
) -> None:
    answer = "Oui, très bien." if lang == "fr" else "Yes, lovely."

    def share(*coach_lines: str) -> float | None:
        turns = [*(("Coach", line) for line in coach_lines), ("Client", answer)]
        report = analyze(turns, focus="Coach", lang=lang)
        return report.indicator("small_talk_share_before_business").value

    assert share(business, chat) == 0.0  # greets and asks at once: no chat before business
    assert share(opening, chat, business) > 0.0  # a mere hello, then weekend chat
