"""What counts as the assessed speaker pushing own content (`input`), on phrases written for
these tests: information, advice, options, offers and the speaker's own plan or agenda; and
the near-misses that must not count (reflections, open questions, affirmations)."""

import pytest

from ancrage.analysis.acts import classify, rules_for


def acts_of(text: str, lang: str) -> list[str]:
    return classify(text, rules_for(lang))[1]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # information as a claim about people in general
        ("A lot of people find the first week the hardest.", "en"),
        ("Sometimes people need a few weeks to adjust.", "en"),
        ("Those are often the best leads you will get.", "en"),
        ("Beaucoup de gens trouvent la première semaine difficile.", "fr"),
        ("Parfois, les gens ont besoin de quelques semaines.", "fr"),
        ("Ce sont souvent les premiers mois les plus durs.", "fr"),
        # agenda-setting and describing what will happen: the speaker steers
        ("Before you leave, I'll give you the summary sheet.", "en"),
        ("The way this works is that I send you notes after each call.", "en"),
        ("I'd like to ask you a few questions about your team.", "en"),
        ("We're going to look at your pipeline first.", "en"),
        ("Avant que vous partiez, je vous donne la fiche récapitulative.", "fr"),
        ("Ce qu'on va faire, c'est un point rapide sur vos objectifs.", "fr"),
        ("J'aimerais vous poser quelques questions sur votre équipe.", "fr"),
        ("On va d'abord regarder vos chiffres du trimestre.", "fr"),
        # options and own content listed
        ("The other thing is the pricing of the second year.", "en"),
        ("Another option would be to hire a freelancer for the launch.", "en"),
        ("That's something that you can work on with your coach.", "en"),
        ("Une autre piste serait de déléguer le suivi.", "fr"),
        ("L'autre chose, c'est le calendrier de livraison.", "fr"),
        ("Ce sont des choses que tu pourrais essayer dès lundi.", "fr"),
        # the speaker's concern, a rule, a wish for the other's behaviour
        ("I'm a little concerned about the deadline.", "en"),
        ("You're not allowed to share these figures outside the team.", "en"),
        ("I hope you consider talking to her before Friday.", "en"),
        ("Je suis un peu inquiète pour le délai.", "fr"),
        ("Vous n'avez pas le droit de diffuser ces chiffres.", "fr"),
        ("J'espère que vous allez essayer cette semaine.", "fr"),
        # offers of help, relayed or observed information
        ("I'd be happy to send you the template.", "en"),
        ("Your manager told me the launch slipped by a month.", "en"),
        ("I see you've already tried the trial version.", "en"),
        ("Je serais ravie de vous envoyer le modèle.", "fr"),
        ("Votre responsable m'a dit que le lancement avait glissé.", "fr"),
        ("Je vois que vous avez déjà testé la version d'essai.", "fr"),
    ],
)
def test_own_content_is_input(text: str, lang: str) -> None:
    assert "input" in acts_of(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Shall we meet again next Tuesday?", "en"),
        ("Would you like me to send you the slides?", "en"),
        ("Should we set up a call with your partner?", "en"),
        ("On se revoit mardi prochain ?", "fr"),
        ("Voulez-vous que je vous envoie les diapositives ?", "fr"),
        ("Tu veux qu'on en reparle la semaine prochaine ?", "fr"),
    ],
)
def test_a_proposal_is_input_even_as_a_question(text: str, lang: str) -> None:
    acts = acts_of(text, lang)
    assert "question" in acts and "input" in acts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # reflections: an obligation or an ability inside a subordinate clause is the other's
        ("Those are the reasons you have to leave early.", "en"),
        ("So it's important to you to be there for your kids.", "en"),
        ("So having more time with them would help.", "en"),
        ("Ce que vous devez faire vous pèse.", "fr"),
        ("Quand tu dois partir tôt, ça te stresse.", "fr"),
        # open questions asking the other for THEIR plan
        ("What would you like to do next?", "en"),
        ("What do you need to change first?", "en"),
        ("Qu'est-ce que vous aimeriez faire ensuite ?", "fr"),
        ("Par quoi voudrais-tu commencer ?", "fr"),
        # affirmations and goodbyes
        ("You should be proud of what you did.", "en"),
        ("I can tell you really care about your team.", "en"),
        ("All right, take care.", "en"),
        ("Go on, tell me more.", "en"),
        ("Prends soin de toi, à bientôt.", "fr"),
        ("Bravo, vous avez tenu bon toute la semaine.", "fr"),
        ("I'd love to hear more about that.", "en"),
        ("Je serais ravie de savoir ce que vous en pensez.", "fr"),
    ],
)
def test_near_misses_are_not_input(text: str, lang: str) -> None:
    assert "input" not in acts_of(text, lang)
