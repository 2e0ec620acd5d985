"""Reply suggestions follow the coaching frame: to a thank-you, an affirmation that hands the
credit back with the client's own facts; to a win, at most one open question; to a struggle,
one open question and no advice; always in the client's language, with their SMS cost."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from ancrage.analysis.acts import classify, rules_for
from ancrage.checkins.models import Metric, MetricValue
from ancrage.cli import main
from ancrage.inbox.services import NothingToAnswer, suggest_replies
from ancrage.lib.sms_encoding import sms_cost
from tests.inbox.conftest import new_coachee

TAKING_CREDIT = ["grâce à moi", "grace a moi", "ma méthode", "thanks to me", "my method"]
THANKS = {"fr": "Merci beaucoup pour ton aide, vraiment !", "en": "Thank you so much for all!"}
WIN = {"fr": "J'ai signé le contrat avec le nouveau client !", "en": "I signed the new client!"}
STRUGGLE = {
    "fr": "Encore un refus, je commence à douter de moi.",
    "en": "Another rejection today, I'm starting to doubt myself.",
}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def questions(text: str, lang: str) -> list[str]:
    """The kind of every question the analyzer hears in a reply, sentence by sentence."""
    rules = rules_for(lang)
    kinds = [classify(s, rules)[0] for s in sentences(text)]
    return [k for k in kinds if k in ("open", "closed")]


def acts(text: str, lang: str) -> list[str]:
    return classify(text, rules_for(lang))[1]


@pytest.fixture
def people(camille, john):
    return {"fr": camille, "en": john}


def replies_to(coachee, receive, body: str) -> tuple[str, list]:
    receive(coachee, body)
    return suggest_replies(coachee)


def metric(practice, key: str) -> Metric:
    return Metric.objects.get(practice=practice, key=key)


def measured(coachee, key: str, *values: int) -> None:
    start = dt.date(2026, 1, 5)
    for week, value in enumerate(values):
        MetricValue.objects.create(
            practice=coachee.practice, coachee=coachee, metric=metric(coachee.practice, key),
            value=Decimal(value), measured_on=start + dt.timedelta(weeks=week),
        )  # fmt: skip


# -- gratitude ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_thank_you_is_answered_by_affirmations_that_hand_the_credit_back(people, receive, lang):
    coachee = people[lang]
    category, replies = replies_to(coachee, receive, THANKS[lang])
    assert category == "gratitude"
    assert len(replies) >= 2
    for reply in replies:
        assert "credit_taken" not in acts(reply.text, lang), reply.text
        assert not any(words in reply.text.lower() for words in TAKING_CREDIT), reply.text
        assert questions(reply.text, lang) == [], reply.text
        assert "?" not in reply.text
        assert coachee.name.split()[0] in reply.text


def test_a_french_thank_you_names_hands_back_at_least_once(camille, receive):
    _category, replies = replies_to(camille, receive, THANKS["fr"])
    assert any("ownership_returned" in acts(r.text, "fr") for r in replies)


def test_a_thank_you_cites_the_numbers_that_went_up(camille, receive):
    measured(camille, "quotes_accepted", 1, 2, 4)
    measured(camille, "price", 1800, 2400)
    measured(camille, "confidence", 7, 5)  # went down: not quoted back
    _category, replies = replies_to(camille, receive, THANKS["fr"])
    first = replies[0].text
    assert "devis acceptés : de 1 à 4" in first
    assert "prix demandé : de 1 800 € à 2 400 €" in first
    assert "confiance : de" not in first.lower()
    assert questions(first, "fr") == []


def test_an_english_thank_you_cites_the_numbers_in_english(john, receive):
    measured(john, "quotes_sent", 2, 9)
    _category, replies = replies_to(john, receive, THANKS["en"])
    assert "your quotes sent from 2 to 9" in replies[0].text
    assert "John" in replies[0].text


def test_without_numbers_a_thank_you_quotes_the_intentions(camille, receive):
    engagement = camille.current_engagement()
    engagement.intentions = "Oser annoncer mes vrais tarifs"
    engagement.save()
    _category, replies = replies_to(camille, receive, THANKS["fr"])
    assert any('Tu voulais "oser annoncer mes vrais tarifs", et tu' in r.text for r in replies)
    assert not any("En chiffres" in r.text for r in replies)


def test_a_former_win_from_the_journal_is_quoted_back_not_the_thanks_itself(camille, receive):
    receive(camille, "J'ai décroché la mission Dupont !")
    _category, replies = replies_to(camille, receive, "Il a signé, trop contente, merci encore !")
    assert any("décroché la mission Dupont" in r.text for r in replies)
    assert not any("trop contente" in r.text for r in replies)


# -- win, struggle ----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_win_gets_at_most_one_open_question_and_no_credit_taken(people, receive, lang):
    coachee = people[lang]
    category, replies = replies_to(coachee, receive, WIN[lang])
    assert category == "win"
    for reply in replies:
        asked = questions(reply.text, lang)
        assert asked in ([], ["open"]), reply.text
        assert reply.text.count("?") <= 1
        assert "credit_taken" not in acts(reply.text, lang)
        assert coachee.name.split()[0] in reply.text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_struggle_gets_exactly_one_open_question_and_no_advice(people, receive, lang):
    coachee = people[lang]
    category, replies = replies_to(coachee, receive, STRUGGLE[lang])
    assert category == "struggle"
    for reply in replies:
        assert questions(reply.text, lang) == ["open"], reply.text
        assert "input" not in acts(reply.text, lang), reply.text
        assert coachee.name.split()[0] in reply.text


# -- language and cost ------------------------------------------------------------------------
def test_an_english_client_gets_english_replies_even_to_a_french_sms(john, receive):
    _category, replies = replies_to(john, receive, "Merci pour tout !")
    assert all(r.text.startswith(("No thanks", "That makes", "Well done")) for r in replies)
    assert not any("merci" in r.text.lower() or "bravo" in r.text.lower() for r in replies)


def test_a_french_client_gets_french_replies(camille, receive):
    _category, replies = replies_to(camille, receive, WIN["fr"])
    assert all("Camille" in r.text for r in replies)
    assert any("Bravo" in r.text for r in replies)
    assert not any("Well done" in r.text for r in replies)


@pytest.mark.parametrize("body", [THANKS["fr"], WIN["fr"], STRUGGLE["fr"], "ok"])
def test_every_suggestion_says_what_it_costs(camille, receive, body):
    _category, replies = replies_to(camille, receive, body)
    assert replies
    for reply in replies:
        cost = sms_cost(reply.text)
        assert (reply.encoding, reply.segments) == (cost.encoding, cost.segments)
        assert reply.as_json() == {
            "text": reply.text, "encoding": reply.encoding, "segments": reply.segments
        }  # fmt: skip


def test_a_plain_suggestion_fits_in_one_gsm_sms(camille, receive):
    _category, replies = replies_to(camille, receive, STRUGGLE["fr"])
    assert all(r.encoding == "GSM-7" and r.segments == 1 for r in replies)


# -- nothing to answer ------------------------------------------------------------------------
def test_a_client_who_never_wrote_has_nothing_to_answer(camille):
    with pytest.raises(NothingToAnswer):
        suggest_replies(camille)


def test_the_cli_says_clearly_when_there_is_nothing_to_answer(camille, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # the CLI speaks the shell's language
    assert main(["replies", "suggest", "--from", "06 12 34 56 78"]) == 2
    err = capsys.readouterr().err
    assert "Camille" in err and "nothing to reply to" in err
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["replies", "suggest", "--from", "06 12 34 56 78"]) == 2
    assert "rien à quoi répondre" in capsys.readouterr().err


def test_the_cli_prints_the_suggestions_as_json(camille, receive, capsys):
    import json

    receive(camille, THANKS["fr"])
    assert main(["replies", "suggest", "--from", "06 12 34 56 78", "--practice", "alice"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["category"] == "gratitude"
    assert all("Camille" in s["text"] and s["segments"] >= 1 for s in out["suggestions"])


def test_the_suggestions_page_says_there_is_nothing_to_answer(alice_client, camille):
    response = alice_client.get(
        reverse("reply_suggestions", args=[camille.pk]), headers={"accept-language": "en"}
    )
    assert response.status_code == 200
    assert "No SMS from this client yet: nothing to answer." in response.content.decode()


def test_the_suggestions_page_lists_the_replies(alice_client, camille, receive):
    receive(camille, THANKS["fr"])
    html = alice_client.get(reverse("reply_suggestions", args=[camille.pk])).content.decode()
    assert "Pas de remerciement, Camille" in html
    assert "use-suggestion" in html


def test_the_suggestions_page_says_stop_means_nothing_is_sent(alice_client, camille, receive):
    receive(camille, "STOP")
    response = alice_client.get(
        reverse("reply_suggestions", args=[camille.pk]), headers={"accept-language": "en"}
    )
    assert "This client said STOP: nothing can be sent." in response.content.decode()


def test_a_coachee_named_by_first_and_last_name_is_called_by_first_name(practice_a, alice, receive):
    isabelle = new_coachee(practice_a, alice, "Isabelle Martin", "+33622334455")
    _category, replies = replies_to(isabelle, receive, THANKS["fr"])
    assert all("Isabelle" in r.text and "Martin" not in r.text for r in replies)


def test_replies_to_an_unknown_number_do_not_call_the_sender_unknown(practice_a, tasks):
    from ancrage.coaching.models import Coachee
    from ancrage.messaging.services import simulate_inbound

    simulate_inbound(practice_a, "+33699887766", THANKS["fr"])
    tasks()
    stranger = Coachee.objects.get(phone="+33699887766")
    _category, replies = suggest_replies(stranger)
    assert replies
    assert not any("Inconnu" in r.text or "Unknown" in r.text for r in replies)
