"""Open vs closed questions (MITI 4.2.1): phrases written for these tests, in French and English.

An open question invites the other to develop; a closed one asks yes/no, one fact, a number or
a choice among stated options, or asks leave.
"""

import pytest

from ancrage.analysis import analyze
from ancrage.analysis.acts import classify, rules_for


def question_of(text: str, lang: str) -> str | None:
    return classify(text, rules_for(lang))[0]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "anything else?" asked with an auxiliary still invites more
        ("Is there anything else you'd like us to cover?", "en", "open"),
        ("Are there any other points you want to raise?", "en", "open"),
        ("Est-ce qu'il y a autre chose qui vous préoccupe ?", "fr", "open"),
        ("Y a-t-il d'autres points dont tu voudrais parler ?", "fr", "open"),
        ("Il y a autre chose ?", "fr", "open"),
        # ...but "anyone else" asks for a person, like "who else": closed
        ("Is there anyone else who could back you up?", "en", "closed"),
        # a request to tell, even when it opens with an auxiliary
        ("Would you mind telling me how the meeting went?", "en", "open"),
        ("Est-ce que tu peux me dire ce qui s'est passé ?", "fr", "open"),
        ("Tu peux me raconter comment ça s'est passé ?", "fr", "open"),
        ("Ça vous dérangerait de me raconter la suite ?", "fr", "open"),
        # a thought asked for its content
        ("Have you thought about what you'd do differently?", "en", "open"),
        ("As-tu réfléchi à ce que tu changerais ?", "fr", "open"),
        ("Do you have a sense of what your manager expects?", "en", "open"),
        ("Avez-vous une idée de ce qui vous freine ?", "fr", "open"),
        # ...while a plain yes/no stays closed
        ("Have you talked to your manager?", "en", "closed"),
        ("As-tu parlé à ton associé ?", "fr", "closed"),
    ],
)
def test_auxiliary_first_questions_that_invite_elaboration(
    text: str, lang: str, expected: str
) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Is it okay if I explain how the coaching sessions run?", "en"),
        ("Would you mind if I showed you what the report says?", "en"),
        ("Do you mind if we go through what your manager asked for?", "en"),
        ("I was wondering if we could go over what you decided last time?", "en"),
        ("Est-ce que ça vous dérange si je vous explique comment je travaille ?", "fr"),
        ("Ça te va si on regarde ce qui a marché la dernière fois ?", "fr"),
        ("Vous êtes d'accord pour que je vous montre comment on procède ?", "fr"),
    ],
)
def test_asking_permission_is_closed_whatever_follows(text: str, lang: str) -> None:
    assert question_of(text, lang) == "closed"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # permission to ask is a preface: the question asked after it decides
        ("May I ask you, why did you pick this field?", "en"),
        ("Je peux te poser une question, qu'est-ce qui te plaît dans ce poste ?", "fr"),
        # a separate open question in the same turn still makes the turn open
        ("Is it okay if we talk about the budget? What worries you most about it?", "en"),
        ("Ça vous va si on parle du budget ? Qu'est-ce qui vous inquiète le plus ?", "fr"),
    ],
)
def test_a_question_after_a_permission_keeps_its_type(text: str, lang: str) -> None:
    assert question_of(text, lang) == "open"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an open question after a preamble, in a sentence that ends on a statement
        (
            "If you could change one thing at work, what would it be, in a perfect world?",
            "en",
            "open",
        ),
        ("Si tu pouvais changer une chose, qu'est-ce que ce serait, par exemple ?", "fr", "open"),
        ("What would you change first, you reckon?", "en", "open"),
        # an embedded question put to the listener, with a question mark
        ("I'd like to ask you how the new role is going?", "en", "open"),
        ("Je voulais te demander comment tu vis ce changement ?", "fr", "open"),
        ("I don't know what you make of the offer?", "en", "open"),
        ("Je ne sais pas ce que tu en penses ?", "fr", "open"),
        # a statement said with a question mark stays a closed (declarative) question
        ("So you'd like to stop for a while?", "en", "closed"),
        ("Donc tu voudrais arrêter quelque temps ?", "fr", "closed"),
    ],
)
def test_questions_inside_statements(text: str, lang: str, expected: str) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a trailing time clause only qualifies the question before it
        ("What goes through your mind, when the phone rings?", "en", "open"),
        ("Qu'est-ce que tu ressens, quand il te coupe la parole ?", "fr", "open"),
        ("Did you call him, when you got home?", "en", "closed"),
        # a time question after a preamble is still a time question
        ("About the move, when do you leave?", "en", "closed"),
        # a false start: the restarted question decides
        ("When was-- what was the date of the move?", "en", "closed"),
        ("Is-- can you say more about that?", "en", "open"),
        ("Est-- pouvez-vous m'en dire plus ?", "fr", "open"),
        ("Qu'est-ce-- est-ce que tu as pu lui parler ?", "fr", "closed"),
    ],
)
def test_clauses_and_false_starts(text: str, lang: str, expected: str) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a next step or a consequence is a stance, not a place
        ("Where do you think we should begin?", "en", "open"),
        ("Where would this change leave you?", "en", "open"),
        ("Où pensez-vous commencer ?", "fr", "open"),
        ("Où ça te mène, tout ça ?", "fr", "open"),
        ("Where did you grow up?", "en", "closed"),
        ("Où habitez-vous ?", "fr", "closed"),
        # a degree of feeling is an evaluation; a quantity or a frequency is a fact (MITI)
        ("How much do you enjoy the job?", "en", "open"),
        ("Combien tu y tiens ?", "fr", "open"),
        ("À quel point est-ce important pour vous ?", "fr", "open"),
        ("How much did the repairs come to?", "en", "closed"),
        ("Combien ça te coûte par mois ?", "fr", "closed"),
        ("How often do you go out?", "en", "closed"),
        ("Combien de fois par semaine ?", "fr", "closed"),
        # asking for an example or more detail
        ("Could you give me an example from last week?", "en", "open"),
        ("Pouvez-vous me donner un exemple ?", "fr", "open"),
        ("Give me an example.", "en", "open"),
        ("Donne-moi un exemple.", "fr", "open"),
    ],
)
def test_interrogatives_and_prompts(text: str, lang: str, expected: str) -> None:
    assert question_of(text, lang) == expected


def test_open_question_share_counts_these_shapes() -> None:
    report = analyze(
        [
            ("Coach", "Is there anything else you'd like to add?"),
            ("Client", "Not really."),
            ("Coach", "Is it okay if I explain how the sessions run?"),
            ("Client", "Sure."),
        ],
        focus="Coach",
        lang="en",
    )
    assert report.indicator("open_question_share").value == 0.5


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a confirmation checked is a closed question, not a rhetorical tag
        ("J'imagine que tu passes par un intermédiaire, c'est ça ?", "fr", "closed"),
        ("So the invoice went out on Monday, correct?", "en", "closed"),
        # the interrogative word in place, a complement dislocated after it
        ("Et ta banquière, elle t'a répondu quoi, finalement ?", "fr", "open"),
        # a bare « dis-moi » / "tell me" before a yes/no question only prefaces it
        ("Et dis-moi, tu as relancé la mairie ?", "fr", "closed"),
        ("Tell me, did the supplier call back?", "en", "closed"),
        ("Dis-moi, qu'est-ce qui te retient ?", "fr", "open"),
        # a price asked is a number
        ("For a full rewrite, what would you charge?", "en", "closed"),
        ("okay and what do you usually sell those for", "en", "closed"),
        # a question opened by a reported frame of its own stays a question
        ("Qu'est-ce que tu pourrais lui dire, si elle revient ?", "fr", "open"),
        ("btw did u get the deposit??", "en", "closed"),
        ("je vais lui dire écoute est ce que tu peux payer d'ici vendredi ça t irait", "fr", None),
    ],
)
def test_question_type_on_held_out_shapes(text: str, lang: str, expected: str | None) -> None:
    assert classify(text, rules_for(lang))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Et ceux qui signent, ils ont quoi de différent des autres ?", "open"),
        ("Alors, ça donne quoi depuis lundi ?", "open"),
        ("Ah oui ? Et t'as fait comment ?", "open"),
        (
            "Et si on réglait ça, à quoi ressemblerait une bonne semaine pour vous, côté planning ?",
            "open",
        ),
        ("Mais dites-moi, c'est quoi le point qui vous ferait dire non ?", "open"),
        ("Ah, c'est laquelle ?", "closed"),
    ],
)
def test_french_question_type_in_place(text: str, expected: str) -> None:
    assert classify(text, rules_for("fr"))[0] == expected
