"""The check of the coach's draft, as the conversation analyzer reads it: which kind of
question it asks, whether it takes the credit or hands it back, whether it gives advice, and a
warning when that goes against what the client's SMS calls for."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ancrage.inbox.drafts import check_draft

ISABELLE = (
    "Pas de remerciement Isabelle : ta posture, ta force, ta confiance, ta capacité à dire ce "
    "que tu apportes, à demander un juste prix… c'est bien toi qui as fait le boulot, non ?! Et "
    "le résultat, ce sont tes devis acceptés. Je n'ai rien à voir là-dedans. Encore bravo, et "
    "merci pour les bonnes nouvelles !"
)
EN = {"accept-language": "en"}


@pytest.mark.parametrize(
    ("lang", "draft", "kind"),
    [
        ("fr", "Qu'est-ce qui t'a permis d'y arriver ?", "open"),
        ("fr", "Comment tu t'y es prise pour annoncer ton prix ?", "open"),
        ("en", "What made it possible?", "open"),
        ("fr", "Tu as relancé ton client ?", "closed"),
        ("en", "Did you call him back?", "closed"),
        ("fr", "C'est toi qui as fait le travail, non ?!", "tag"),
        ("en", "You did the work, right?!", "tag"),
        ("fr", "Bravo Camille, c'est mérité.", None),
        ("en", "Well done John, that is all yours.", None),
    ],
)
def test_a_draft_is_read_as_the_question_it_asks(lang, draft, kind):
    assert check_draft(draft, lang).question == kind


@pytest.mark.parametrize(
    ("lang", "draft"),
    [
        ("fr", "C'est grâce à ma méthode !"),
        ("fr", "C'est grâce à moi, tu vois !"),
        ("fr", "Je savais que ma méthode marcherait."),
        ("en", "It's all thanks to me!"),
        ("en", "I told you so."),
    ],
)
@pytest.mark.parametrize("replying_to", ["gratitude", "win"])
def test_a_draft_that_takes_the_credit_for_a_thank_you_or_a_win_is_warned(lang, draft, replying_to):
    check = check_draft(draft, lang, replying_to)
    assert check.takes_credit and not check.hands_back
    assert "takes_credit" in check.warnings


def test_taking_the_credit_is_not_warned_when_no_thanks_or_win_is_answered():
    check = check_draft("C'est grâce à ma méthode !", "fr", "question")
    assert check.takes_credit and check.warnings == []


@pytest.mark.parametrize("replying_to", ["gratitude", "win", None])
def test_the_founding_reply_hands_the_credit_back_and_is_not_warned(replying_to):
    check = check_draft(ISABELLE, "fr", replying_to)
    assert check.hands_back
    assert not check.takes_credit
    assert check.question == "tag"  # « non ?! » ends an affirmation, it asks nothing
    assert check.warnings == []


def test_an_english_reply_handing_the_credit_back_is_not_warned():
    draft = "No thanks needed, Isabelle: your stance, your confidence, your fair price. Well done!"
    check = check_draft(draft + " You did the work, right?!", "en", "gratitude")
    assert check.hands_back and check.warnings == []


@pytest.mark.parametrize(
    ("lang", "draft"),
    [
        ("fr", "Tu as relancé ton client ?"),
        ("en", "Did you call him back?"),
        ("fr", "Qu'est-ce qui t'a permis d'y arriver ?"),
    ],
)
def test_a_real_question_to_a_thank_you_gets_a_hint(lang, draft):
    assert check_draft(draft, lang, "gratitude").warnings == ["gratitude_question"]


@pytest.mark.parametrize(
    ("lang", "draft"),
    [
        ("fr", "Tu devrais baisser tes prix et relancer tous tes prospects demain."),
        ("fr", "Je te conseille de faire une pause ce week-end."),
        ("en", "You should lower your prices and call every prospect tomorrow."),
        ("en", "I suggest you take a break this weekend."),
    ],
)
def test_advice_to_a_struggle_is_warned(lang, draft):
    check = check_draft(draft, lang, "struggle")
    assert check.advice
    assert check.warnings == ["struggle_advice"]


def test_an_open_question_to_a_struggle_is_not_warned():
    check = check_draft("Qu'est-ce qui a été le plus difficile pour toi ?", "fr", "struggle")
    assert check.question == "open" and not check.advice and check.warnings == []


@pytest.mark.parametrize("draft", ["", "   ", "\n"])
def test_an_empty_draft_says_nothing(draft):
    check = check_draft(draft, "fr", "gratitude")
    assert check.empty and check.warnings == []


def test_an_unknown_language_is_read_as_french():
    assert check_draft("C'est grâce à ma méthode !", "de", "gratitude").warnings == ["takes_credit"]


# -- through the page -------------------------------------------------------------------------
def draft_html(client, coachee, body: str, headers=None) -> str:
    url = reverse("draft_check", args=[coachee.pk])
    response = client.get(url, {"body": body}, headers=headers or {})
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_warns_a_draft_taking_the_credit_for_a_thank_you(alice_client, camille, receive):
    receive(camille, "Merci beaucoup pour ton aide, vraiment !")
    html = draft_html(alice_client, camille, "C'est grâce à ma méthode !", EN)
    assert "takes the credit" in html
    assert "the credit is the client's" in html and 'role="alert"' in html


def test_the_page_shows_the_founding_reply_hands_the_credit_back(alice_client, camille, receive):
    receive(camille, "Merci ! Mes devis sont enfin acceptés.")
    html = draft_html(alice_client, camille, ISABELLE, EN)
    assert "hands the credit back" in html
    assert "rhetorical tag, an affirmation" in html
    assert "takes the credit" not in html and 'role="alert"' not in html


def test_the_page_speaks_french_by_default(alice_client, camille, receive):
    receive(camille, "Merci beaucoup pour ton aide, vraiment !")
    html = draft_html(alice_client, camille, ISABELLE)
    assert "rend le mérite au client" in html
    assert "question rhétorique, une affirmation" in html


@pytest.mark.parametrize(
    ("draft", "tag"),
    [
        ("Qu'est-ce qui a été le plus difficile pour toi ?", "open question"),
        ("Tu as relancé ton client ?", "closed question"),
        ("Tu devrais baisser tes prix.", "gives advice"),
    ],
)
def test_the_page_names_what_the_draft_does(alice_client, camille, receive, draft, tag):
    receive(camille, "Encore un refus, je commence à douter de moi.")
    assert tag in draft_html(alice_client, camille, draft, EN)


def test_the_page_hints_at_a_question_rather_than_advice_to_a_struggle(
    alice_client, camille, receive
):
    receive(camille, "Encore un refus, je commence à douter de moi.")
    html = draft_html(alice_client, camille, "Tu devrais baisser tes prix.", EN)
    assert "one open question usually serves better than advice" in html


def test_the_page_says_nothing_about_an_empty_draft(alice_client, camille, receive):
    receive(camille, "Merci !")
    assert draft_html(alice_client, camille, "").strip() == ""


def test_the_page_checks_a_draft_when_the_client_never_wrote(alice_client, camille):
    html = draft_html(alice_client, camille, "C'est grâce à ma méthode !", EN)
    assert "takes the credit" in html and 'role="alert"' not in html


@pytest.mark.parametrize("draft", ["That's thanks to my method!", "All thanks to my coaching!"])
def test_an_english_draft_crediting_my_method_is_warned(draft):
    assert "takes_credit" in check_draft(draft, "en", "gratitude").warnings
