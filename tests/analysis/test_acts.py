"""Question types and acts on phrases written for these tests, in French and English."""

import re

import pytest

from ancrage.analysis.acts import classify, normalize, rules_for
from ancrage.analysis.index import Gated, word_keys
from ancrage.analysis.lang import en, fr

from .samples import PLEASING_EN, PLEASING_FR, SERVING_EN, SERVING_FR


def question_of(text: str, lang: str) -> str | None:
    return classify(text, rules_for(lang))[0]


def acts_of(text: str, lang: str) -> list[str]:
    return classify(text, rules_for(lang))[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qu'attendez-vous de cet appel ?", "open"),
        ("Comment vous sentez-vous ce matin ?", "open"),
        ("Avez-vous déjà essayé de lui en parler ?", "closed"),
        ("Tu veux qu'on commence par ça ?", "closed"),
        # no question mark, as in speech-recognition transcripts
        ("avez-vous déjà parlé à votre équipe", "closed"),
        ("est-ce que tu as pu en parler à ton associé", "closed"),
        ("vous faites comment quand il vous coupe la parole", "open"),
        ("vous faites comment", "open"),
        ("qu'est-ce qui vous ferait plaisir dans ce projet", "open"),
        ("pourquoi est-ce important pour toi", "open"),
        ("y a-t-il autre chose dont on devrait parler", "open"),  # as « autre chose ? »
        # tag questions: affirmations, not curiosity
        ("C'est toi qui as fait le boulot, non ?!", "tag"),
        ("C'est une belle réussite, n'est-ce pas ?", "tag"),
        ("Il fallait oser, hein ?", "tag"),
        ("Tu as bien négocié, pas vrai ?", "tag"),
        # statements and imperatives
        ("Asseyez-vous, je vous en prie.", None),
        ("Je ne sais pas quoi", None),
        ("Quel beau parcours !", None),
        ("Je vous envoie le compte rendu ce soir.", None),
        ("comment je vois les choses c'est simple", None),
    ],
)
def test_french_question_types(text: str, expected: str | None) -> None:
    assert question_of(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What do you need from this call?", "open"),
        ("How did the meeting with your boss go?", "open"),
        ("Did you get a chance to try it?", "closed"),
        ("Is that okay with you?", "closed"),
        ("Shall we start with the budget?", "closed"),
        ("so what happened after that", "open"),
        ("how can I help", "open"),
        ("do you want to keep going with this", "closed"),
        ("tell me more about your team", "open"),
        ("You did it, right?!", "tag"),
        ("It's a big win, isn't it?", "tag"),
        ("That was brave, you know?", "tag"),
        ("what you need is a clear plan", None),
        ("How I see it, the deal is done.", None),
        ("I'll send you the notes tonight.", None),
        ("What a day!", None),
    ],
)
def test_english_question_types(text: str, expected: str | None) -> None:
    assert question_of(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "act"),
    [
        ("Qu'attendez-vous de cet appel ?", "fr", "needs_question"),
        ("De quoi avez-vous besoin pour avancer ?", "fr", "needs_question"),
        ("Comment puis-je vous aider aujourd'hui ?", "fr", "needs_question"),
        ("What do you need from this call?", "en", "needs_question"),
        ("How can I help you today?", "en", "needs_question"),
        ("What are you hoping to get out of this session?", "en", "needs_question"),
        ("De quoi as-tu envie de parler aujourd'hui ?", "fr", "needs_question"),
        ("Qu'est-ce que tu voudrais qu'on travaille cette semaine ?", "fr", "needs_question"),
        ("What's on your mind today?", "en", "needs_question"),
        ("so what made you take this call today", "en", "needs_question"),
        ("Si je comprends bien, tu te sens coincé entre les deux.", "fr", "reflection"),
        ("Vous avez l'impression de ne pas être écouté.", "fr", "reflection"),
        ("So you feel stuck between the two options.", "en", "reflection"),
        ("It sounds like the move scared you more than you expected.", "en", "reflection"),
        ("Vous devriez essayer de lui écrire d'abord.", "fr", "input"),
        ("Je vous conseille de fixer une limite claire.", "fr", "input"),
        ("You should write to her first.", "en", "input"),
        ("I'd recommend setting a clear limit before Monday.", "en", "input"),
        ("Je suppose que vous avez déjà un fournisseur.", "fr", "assumption"),
        ("Vous devez sûrement être débordé en ce moment.", "fr", "assumption"),
        ("I guess you already have a provider.", "en", "assumption"),
        ("You probably hate your current tool.", "en", "assumption"),
        ("Il fait beau chez vous aujourd'hui ?", "fr", "small_talk"),
        ("Vous avez passé un bon week-end ?", "fr", "small_talk"),
        ("Did you watch the game last night?", "en", "small_talk"),
        ("Lovely weather today.", "en", "small_talk"),
        ("C'est toi qui as fait le boulot.", "fr", "ownership_returned"),
        (
            "Trois envoyés, un accepté : c'est toi qui as décroché ce oui.",
            "fr",
            "ownership_returned",
        ),
        ("C'est vous qui les avez signés, ces contrats.", "fr", "ownership_returned"),
        ("It was you who closed that deal.", "en", "ownership_returned"),
        ("You're the one who picked up the phone.", "en", "ownership_returned"),
        ("Ta posture, ta confiance, ton juste prix, tes résultats.", "fr", "ownership_returned"),
        ("You did it.", "en", "ownership_returned"),
        (
            "Your stance, your confidence, your fair price, your results.",
            "en",
            "ownership_returned",
        ),
        ("Grâce à moi tu as signé ce contrat.", "fr", "credit_taken"),
        ("My method got you there.", "en", "credit_taken"),
        ("J'ai accompagné plus de deux cents dirigeants.", "fr", "self_promotion"),
        ("I've worked with hundreds of companies like yours.", "en", "self_promotion"),
        ("Moi j'étais au match samedi avec mes enfants.", "fr", "self_disclosure"),
        ("I was in sales for ten years before this job.", "en", "self_disclosure"),
        ("Bravo, c'est un grand pas.", "fr", "affirmation"),
        ("Well done, that took courage.", "en", "affirmation"),
        ("Merci pour tout !", "fr", "gratitude"),
        ("Thanks a lot.", "en", "gratitude"),
        ("Notre offre premium inclut le suivi.", "fr", "own_offer"),
        ("Our platform includes follow-up.", "en", "own_offer"),
        ("Notre concurrent est plus cher.", "fr", "competitor"),
        ("The competition is more expensive.", "en", "competitor"),
    ],
)
def test_acts_detected(text: str, lang: str, act: str) -> None:
    assert act in acts_of(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        # handing credit back is not taking it, and the other way round
        ("C'est toi qui as fait le boulot, non ?!", "fr", "credit_taken"),
        ("Grâce à moi tu as signé ce contrat.", "fr", "ownership_returned"),
        ("You did the work, right?!", "en", "credit_taken"),
        ("My method got you there.", "en", "ownership_returned"),
        # who said or asked something is not who earned the result
        ("C'est toi qui as demandé ce rendez-vous.", "fr", "ownership_returned"),
        ("It was you who asked for this call.", "en", "ownership_returned"),
        # a tag question is not a question act (no curiosity)
        ("C'est toi qui as fait le boulot, non ?!", "fr", "question"),
        ("You did it, right?", "en", "question"),
        # advice is not a reflection
        ("You should write to her first.", "en", "reflection"),
        ("Vous devriez lui écrire d'abord.", "fr", "reflection"),
        # "thanks to me" takes credit, it does not thank; an assumption is not advice
        ("Thanks to me your team will finally be efficient.", "en", "gratitude"),
        ("Vous devez sûrement en avoir marre de leurs retards.", "fr", "input"),
        # recognising effort is an affirmation, not a reflection
        ("Vous avez déjà fait une bonne partie du chemin.", "fr", "reflection"),
        # understanding is not talking about oneself
        ("I understand, that sounds really hard.", "en", "self_disclosure"),
        ("Je comprends, ça a dû être difficile.", "fr", "self_disclosure"),
        # a curious question is not an assumption
        ("What is your current provider like?", "en", "assumption"),
        ("Comment ça se passe avec votre fournisseur ?", "fr", "assumption"),
    ],
)
def test_acts_not_confused(text: str, lang: str, absent: str) -> None:
    assert absent not in acts_of(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # persuasion dressed as a question pushes own content
        ("Don't you think you should switch to our plan?", "en"),
        ("Why don't you just sign today?", "en"),
        ("Vous ne pensez pas que ce serait plus simple de signer ?", "fr"),
        ("Pourquoi ne pas essayer notre formule dès ce mois-ci ?", "fr"),
        # advice with an adverb, and "it works if"
        ("I would strongly recommend that you take a break.", "en"),
        ("Generally it works well if you write it down first.", "en"),
        ("Je vous conseillerais d'en parler à votre associé.", "fr"),
    ],
)
def test_persuasion_and_softened_advice_are_input(text: str, lang: str) -> None:
    assert "input" in acts_of(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # quoted questions and agreement inversions are not asked of the listener
        ("And he goes, where were you last night?", "en", None),
        ("So do we.", "en", None),
        ("Il m'a dit, tu viens quand ?", "fr", None),
        # echoes show interest, they do not ask
        ("Oh, you haven't?", "en", None),
        ("Ah bon ?", "fr", None),
        # a question after a preamble, without a question mark (speech recognition)
        ("on a scale of one to ten, how ready are you", "en", "closed"),  # a number
        ("so before we start, tell me what brought you here", "en", "open"),
        ("bon alors pour commencer, qu'est-ce qui vous amène", "fr", "open"),
        # run-on speech-recognition sentences: the inversion marks the question
        ("hi mike thanks for taking the time so what made you take this call today", "en", "open"),
        ("and if that number dropped to six weeks what would that mean for you", "en", "open"),
        ("ok et du coup avez-vous pu en parler à votre associé", "fr", "closed"),
        ("I know what you mean", "en", None),
        # a time clause is not a question
        ("quand on reçoit les devis, on les compare", "fr", None),
        # musing about others is not a question to the listener; asking them is
        ("I wonder how they kept up with it.", "en", None),
        ("I was wondering if you'd be willing to talk about it.", "en", "open"),
        # an unmarked tag closing a statement
        ("It got some great reviews, didn't it.", "en", "tag"),
    ],
)
def test_question_edge_cases(text: str, lang: str, expected: str | None) -> None:
    assert question_of(text, lang) == expected


def test_a_lone_tag_closing_the_same_speakers_statement_is_a_tag() -> None:
    rules = rules_for("en")
    assert classify("Right?", rules, follows_other=False, continues_turn=True)[0] == "tag"
    assert classify("Right?", rules, follows_other=True, continues_turn=False)[0] is None


def test_user_lexicon_counts_named_products_and_competitors() -> None:
    rules = rules_for("en", ("Ancrage Pro",), ("CoachHub",))
    _q, acts, _n = classify("Ancrage Pro is cheaper than CoachHub.", rules)
    assert "own_offer" in acts and "competitor" in acts


def test_word_index_never_changes_what_the_rules_find() -> None:
    """The speed index (Gated) must find exactly what one plain regex per act finds."""
    phrases = [
        "Vous devriez essayer notre offre premium, elle réduit les coûts de 30 %.",
        "Qu'attendez-vous de cet appel ? Moi, je suis expert depuis 20 ans.",
        "Ta posture, ta confiance, ton juste prix, tes résultats.",
        "I'm sure you'll love our platform, it cuts costs by 30 percent.",
        "You really need to stop, I'd recommend it; that took courage.",
        "How can I help? I guess you already know what you want.",
        "Don't you think you should just sign? Thanks to me you're here.",
        "Lovely weather! Did you watch the game? What brings you in today?",
        "Is it okay if I explain how the sessions run? I'd like to ask you how it went.",
        "Ça vous dérange si je vous explique ? Je voulais te demander comment tu le vis.",
    ]
    for sample in (SERVING_FR, PLEASING_FR, SERVING_EN, PLEASING_EN):
        phrases.extend(line.split(": ", 1)[-1] for line in sample.splitlines())
    names = (
        "INPUT PERSUASION NEEDS CURIOUS REFLECTION_ANYWHERE SELF_PROMOTION OWN_OFFER COMPETITOR "
        "ASSUMPTION SMALL_TALK AFFIRMATION GRATITUDE OWNERSHIP_RETURNED CREDIT_TAKEN PERMISSION "
        "OPEN_EMBEDDED"
    ).split()
    for module in (fr, en):
        for name in names:
            fragments = getattr(module, name)
            plain = re.compile(r"(?<![\w'-])(?:" + "|".join(fragments) + r")(?![\w-])")
            gated = Gated(fragments)
            for phrase in phrases:
                norm = normalize(phrase)
                found = gated.search(norm, word_keys(norm))
                assert bool(found) == bool(plain.search(norm)), (module.CODE, name, phrase)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # alternative questions continued after a pause: "or" / « ou » opens them
        ("or would you rather start with the budget", "en", "closed"),
        ("Or is it the timing that bothers you?", "en", "closed"),
        ("ou bien est-ce que tu préfères attendre", "fr", "closed"),
        ("Or something like that.", "en", None),
        ("Ou alors on verra plus tard.", "fr", None),
        # indirect yes/no questions put to the listener are closed questions
        ("I don't know if you've ever used a planner", "en", "closed"),
        ("I'm not sure whether your manager knows about it?", "en", "closed"),
        ("I was wondering if we could look at your calendar.", "en", "closed"),
        ("je ne sais pas si vous connaissez cette méthode", "fr", "closed"),
        ("je sais pas si t'as vu mon message", "fr", "closed"),
        ("Je ne suis pas sûre que tu aies vu mon message ?", "fr", "closed"),
        ("Je me demandais si on pourrait revoir ton planning.", "fr", "closed"),
        ("I don't know if it will rain tomorrow.", "en", None),
        ("I don't know whether they hired someone.", "en", None),
        ("Je ne sais pas si ça marchera.", "fr", None),
        # word searches: talking to oneself
        ("What's the word I'm looking for?", "en", None),
        ("what do you call it, the little notebook", "en", None),
        ("Comment dit-on déjà ?", "fr", None),
        ("C'est quoi le mot, déjà ?", "fr", None),
        ("What do you call success in your job?", "en", "open"),
        ("what do you call it when you lose focus", "en", "open"),
        ("Comment ça s'appelle déjà, ton outil ?", "fr", "closed"),
        ("Comment ça s'appelle déjà ton outil ?", "fr", "closed"),
        ("Comment dites-vous cela à votre équipe ?", "fr", "open"),
        # subject-less statements that open like a yes/no question
        ("Had a great time at the workshop.", "en", None),
        ("Have a nice weekend", "en", None),
        ("well, I, uh, have a two-year-old at home", "en", None),
        ("Had a good week?", "en", "closed"),
        ("Have you had a good week", "en", "closed"),
        # a lone negative tag asks for agreement, a lone "really" echo does not ask
        ("Isn't it?", "en", "tag"),
        ("Don't you?", "en", "tag"),
        ("N'est-ce pas ?", "fr", "tag"),
        ("Oh, did you really?", "en", None),
        ("Is it really?", "en", None),
        ("Ah, vous êtes vraiment ?", "fr", None),
        ("Did you really finish the report?", "en", "closed"),
        # repair requests check hearing, they do not ask about the other
        ("Sorry, what did you say?", "en", None),
        ("A what?", "en", None),
        ("Pardon, vous pouvez répéter ?", "fr", None),
        ("Le quoi ?", "fr", None),
        ("What did you say to your manager?", "en", "open"),
        ("Qu'est-ce que vous avez dit à votre associé ?", "fr", "open"),
        # stated interest in the listener's view invites them to talk
        ("I'm really interested to know what you've been trying so far.", "en", "open"),
        ("Je serais vraiment intéressée de savoir ce que vous avez essayé.", "fr", "open"),
        ("I'm interested in how they built it.", "en", None),
        ("Je suis intéressé par ce modèle de voiture.", "fr", None),
        # a lone tag closes a statement, not a backchannel of the same turn
        ("Okay. Right?", "en", None),
        ("Bon. Hein ?", "fr", None),
        ("We agreed on Friday. Right?", "en", "tag"),
        ("On avait dit vendredi. Non ?", "fr", "tag"),
    ],
)
def test_question_shapes_beyond_the_mark(text: str, lang: str, expected: str | None) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a scale or a number asked for is a closed question
        ("On a scale of 0 to 10, how confident are you?", "en", "closed"),
        ("From 1 to 10, how ready do you feel?", "en", "closed"),
        ("Sur une échelle de 0 à 10, à quel point es-tu prêt ?", "fr", "closed"),
        ("De 1 à 10, comment vous sentez-vous ?", "fr", "closed"),
        ("How confident are you about the launch?", "en", "open"),
        ("Comment vous sentez-vous avant le lancement ?", "fr", "open"),
        # who asks for a person, a name is one fact: closed
        ("Who could help you with that?", "en", "closed"),
        ("What's your manager's name?", "en", "closed"),
        ("Qui pourrait t'aider là-dessus ?", "fr", "closed"),
        ("Comment s'appelle votre responsable ?", "fr", "closed"),
        ("What would help you most right now?", "en", "open"),
        # "where" asking for a stance or a next step is open; for a place, closed
        ("Where would you like to start today?", "en", "open"),
        ("Where does that leave you?", "en", "open"),
        ("Where do you live now?", "en", "closed"),
        ("Où aimeriez-vous commencer ?", "fr", "open"),
        ("Où en êtes-vous avec ce projet ?", "fr", "open"),
        ("Où habitez-vous ?", "fr", "closed"),
        ("Qu'est-ce qui t'aiderait le plus ?", "fr", "open"),
    ],
)
def test_closed_questions_that_open_with_an_interrogative(
    text: str, lang: str, expected: str
) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a search aloud in the middle of a statement asks nothing
        ("we met in, when was it, early spring, at the fair", "en", None),
        ("she used, what do they call it, a vision board", "en", None),
        ("on s'est vus, c'était quand déjà, au printemps", "fr", None),
        ("il utilise, comment dire, une méthode à lui", "fr", None),
        ("When was it, your last review?", "en", "closed"),
        ("What was it like, your first week?", "en", "open"),
        ("Comment dire, qu'est-ce qui t'a décidé ?", "fr", "open"),
        # a question quoted without a comma is not asked of the listener
        ("and then she said how did you manage that", "en", None),
        ("and he asked me why did you leave early", "en", None),
        ("so how did you manage that", "en", "open"),
        ("et il m'a demandé avez-vous fini", "fr", None),
        ("et avez-vous fini le dossier", "fr", "closed"),
    ],
)
def test_searches_aloud_and_quoted_questions(text: str, lang: str, expected: str | None) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # exclamations and pseudo-clefts open with an interrogative word but ask nothing
        ("What a week, huh?", "en", None),
        ("How about that.", "en", None),
        ("Quelle chance, hein ?", "fr", None),
        ("Quel dommage !", "fr", None),
        ("What happened was the client cancelled", "en", None),
        ("What I mean is we need more time", "en", None),
        ("qu'est-ce qui s'est passé, c'est qu'il a annulé", "fr", None),
        ("What happened with the client?", "en", "open"),
        ("What a lot of people do is wait, what would you do?", "en", "open"),
        ("Qu'est-ce qui s'est passé avec le client ?", "fr", "open"),
        ("Quelle est ta priorité ?", "fr", "open"),
        # quoted questions after "I'm like", "they say", a named speaker
        ("and I'm like, why would you do that", "en", None),
        ("my manager says, when can you start", "en", None),
        ("you trust what they say, and how does that feel", "en", "open"),
        ("et je suis genre, pourquoi tu fais ça", "fr", None),
    ],
)
def test_exclamations_clefts_and_quotes(text: str, lang: str, expected: str | None) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "greets"),
    [
        # a greeting opens the turn even when a question follows it
        ("Bonjour Chloé, qu'est-ce que tu voudrais travailler aujourd'hui ?", "fr", True),
        ("bonsoir nadia t as pu rappeler le traiteur", "fr", True),
        ("Merci de me recevoir, madame Perrin.", "fr", True),
        ("Top, bonne fin de semaine et repose-toi !", "fr", True),
        ("ok parfait a jeudi", "fr", True),  # typed without its accent
        ("Il a jeudi et vendredi de libres.", "fr", False),
        ("Tu as relancé le client de mardi ?", "fr", False),
        ("Hi Priya, what would make today's session worth it for you?", "en", True),
        ("Thanks for taking the call, Mr Lowe.", "en", True),
        ("Great, enjoy the rest of your weekend!", "en", True),
        ("sounds good talk then", "en", True),
        ("I'll talk to him then.", "en", False),
        ("What did the client say about the deposit?", "en", False),
    ],
)
def test_greetings_open_or_close_the_turn(text: str, lang: str, greets: bool) -> None:
    assert ("greeting" in acts_of(text, lang)) is greets


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # typed imperatives: a request to tell is open, a request to keep posted gives nothing back
        ("vas-y raconte moi comment il a réagi", "fr", "open"),
        ("explique moi ce qui t a fait hésiter", "fr", "open"),
        # SMS English without apostrophes
        ("dont you think ur worth more than that", "en", "closed"),
        ("im curious what made u say yes", "en", "open"),
    ],
)
def test_typed_shortcuts_keep_their_question(text: str, lang: str, expected: str) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("other", "reply", "lang", "act", "present"),
    [
        ("J'ai fini le devis.", "ok tiens moi au courant vendredi", "fr", "reflection", False),
        ("Done with the quote.", "Great, have a lovely evening!", "en", "reflection", False),
        ("J'ai signé !", "Top, bonne fin de semaine !", "fr", "reflection", False),
        # compliments on the place, to be liked
        (
            "Entrez.",
            "Vous avez une superbe boutique, la déco est vraiment réussie.",
            "fr",
            "small_talk",
            True,
        ),
        ("Come in.", "What a gorgeous shop, I love the decor.", "en", "small_talk", True),
        # the speaker's own story after a short exclamation
        (
            "On part à Biarritz.",
            "Ah Biarritz, moi j'y passe tous mes étés avec mes enfants.",
            "fr",
            "self_disclosure",
            True,
        ),
        (
            "We went hiking.",
            "Oh nice, I did that trail twice last spring with my brother.",
            "en",
            "self_disclosure",
            True,
        ),
        (
            "We went hiking.",
            "Oh nice, I did that trail twice last spring with my brother.",
            "en",
            "reflection",
            False,
        ),
        # the other's words given back after a short opener stay a reflection
        (
            "J'ai peur de perdre ce client.",
            "D'accord, tu tiens vraiment à ce client.",
            "fr",
            "reflection",
            True,
        ),
    ],
)
def test_acts_in_context(other: str, reply: str, lang: str, act: str, present: bool) -> None:
    from ancrage.analysis.engine import annotate
    from ancrage.analysis.models import Utterance

    annotated = annotate([Utterance("Client", other), Utterance("Coach", reply)], lang)
    assert (act in annotated[1].acts) is present


def test_no_fragment_ends_on_a_space() -> None:
    """Every fragment is compiled with a word-end check after it: one ending on a space (or a
    space and a look-ahead) could never match and would fail silently."""
    ends_on_space = re.compile(r"(?: |\\s)(?:\(\?![^()]*\))?\)*$")
    for module in (fr, en):
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, list):
                for fragment in value:
                    assert not ends_on_space.search(fragment), (module.__name__, name, fragment)


@pytest.mark.parametrize("code", ["fr", "en"])
def test_every_fragment_is_filed_under_a_word(code: str) -> None:
    """A fragment the index cannot file under a word (a top-level "|", a leading "^") runs on
    every utterance: the speed target depends on there being none."""
    rules = rules_for(code)
    for candidate in (rules, rules.unaccented):
        if candidate is None:
            continue
        for name in candidate.__dataclass_fields__:
            value = getattr(candidate, name)
            if isinstance(value, Gated):
                assert value.free is None, (code, name, value.free.pattern[:80])
