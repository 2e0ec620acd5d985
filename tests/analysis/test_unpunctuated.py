"""Questions typed in SMS or transcribed without punctuation, on phrases written for these
tests (French first, then English): what a coach reading the report would notice."""

import pytest

from ancrage.analysis.acts import classify, normalize, rules_for


def question_of(text: str, lang: str) -> str | None:
    return classify(text, rules_for(lang))[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # typed without apostrophes: « qu est ce » asks openly, it is not « est-ce que »
        ("qu est ce qui te bloque avec ton associé", "open"),
        ("qu est ce que tu en retiens", "open"),
        ("est ce que t as pu le rappeler", "closed"),
        # an interrogative word then a subject, no question mark
        ("et toi comment tu l'as vécu", "open"),
        ("pourquoi tu attends la fin du mois", "open"),
        ("de quoi vous auriez besoin pour trancher", "open"),
        ("combien de clients vous suivez en ce moment", "closed"),
        ("comment se passe ta reprise", "open"),
        # the interrogative word in place, then a short complement
        ("tu comptes t'y prendre comment avec elle", "open"),
        ("ça te coûte quoi de lui demander", "open"),
        ("c'est quel jour ton rendez-vous", "closed"),
        ("ta nouvelle équipe ça se passe comment depuis lundi", "open"),
        ("tu pars quand exactement", "closed"),
        # markers or a greeting and a name before the question, no comma
        ("bonsoir julie qu'est-ce qui t'amène", "open"),
        ("à votre avis qu'est-ce qui freine le plus", "open"),
        ("d'accord et vous comment vous avez tranché", "open"),
        # a proposal put to the other's yes or no
        ("ça te dirait qu'on fasse le point jeudi", "closed"),
        ("vous voulez qu'on regarde ça ensemble", "closed"),
        ("ça y est t'as pu lui répondre", "closed"),
        ("ça y est j'ai signé", None),  # the speaker's own news
        # a request or an offer put to the other (typed « t'irait » without its apostrophe too)
        ("tu veux bien m'envoyer ton devis ce soir", "closed"),
        ("ça vous intéresse de voir comment font les autres artisans", "closed"),
        ("ça t intéresserait qu on regarde tes tarifs", "closed"),
        ("ça t irait mardi matin", "closed"),
        ("si tu veux bien on commence par tes chiffres", None),  # « if you will »
        ("ça m intéresse vraiment ce que tu racontes", None),
        # an order of magnitude asked is a number
        ("à peu près combien de temps ça te prend", "closed"),
        # inversion typed without its hyphen, at the start or inside the sentence
        ("où en êtes vous avec le recrutement", "open"),
        ("que pensez vous de sa réponse", "open"),
        ("bon avant de finir souhaitez vous qu'on fixe une date", "closed"),
        ("si vous voulez vous pouvez m'écrire", None),  # a subject before: not an inversion
        ("je peux vous aider à préparer l'entretien", None),
        # statements stay statements
        ("je sais pas comment il a fait", None),
        ("je te raconterai comment ça s'est passé", None),
        ("on a fait à peu près tout ce qu'on pouvait", None),
        ("combien de fois je lui ai répété", None),
        ("c'est n'importe quoi pour moi", None),
        ("salut tout le monde", None),
        ("l equipe a signé hier", None),
    ],
)
def test_unpunctuated_french(text: str, expected: str | None) -> None:
    assert question_of(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SMS spellings
        ("did u call the supplier back", "closed"),
        ("whats the hardest part for you", "open"),
        (
            "r u free tomorrow",
            "closed",
        ),  # "r" is "are": every SMS writer of the held-out sets uses it
        ("how r u feeling about the meeting", "open"),
        ("want me to send you the notes", "closed"),
        # markers or a greeting and a name before the question, no comma
        ("hi jess how was the first week", "open"),
        ("oh wow what did she say to that", "open"),
        ("no why would you think that", "open"),
        ("approximately how many hours a week do you spend on it", "closed"),
        ("what's stopping you from asking for it", "open"),
        ("what would it cost to hire someone", "closed"),
        # statements stay statements
        ("hey jess i got your note", None),
        ("no what i mean is we tried twice", None),
        ("it took roughly three weeks", None),
    ],
)
def test_unpunctuated_english(text: str, expected: str | None) -> None:
    assert question_of(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("c est pas grave, j ai le temps", "fr", "c'est pas grave, j'ai le temps"),
        ("qu il vienne s il veut", "fr", "qu'il vienne s'il veut"),
        ("le plan a", "fr", "le plan a"),  # a letter alone stays
        ("qu' est - ce qu' il en pense", "fr", "qu'est-ce qu'il en pense"),  # spaced typing
        ("'ok' pour moi", "fr", "'ok' pour moi"),
        ("u said ur gonna call", "en", "you said your going to call"),
        ("you know what's up", "en", "you know what's up"),
    ],
)
def test_typed_shortcuts_are_undone(text: str, lang: str, expected: str) -> None:
    assert normalize(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("et toi pourquoi tu as dit oui", "fr"),
        ("and so how did you handle it", "en"),
    ],
)
def test_a_missed_question_is_not_a_reflection(text: str, lang: str) -> None:
    question, acts, _ = classify(text, rules_for(lang))
    assert question is not None and "reflection" not in acts


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # « qu'est-ce que », « il y a quoi qui » in the middle of a run-on sentence
        ("et si tu déléguais la compta qu est ce que tu ferais de ce temps", "fr", "open"),
        ("dans ta semaine il y a quoi qui te pèse le plus", "fr", "open"),
        ("neuf c'est haut qu'est ce qui fait que c'est neuf et pas six", "fr", "open"),
        # a proposal or a confirmation asked at the end
        ("je vous propose mardi dix heures ça vous irait", "fr", "closed"),
        ("je vous bloque le créneau de jeudi ça vous va", "fr", "closed"),
        ("vous gérez vos plannings sur papier aujourd'hui c'est ça", "fr", "closed"),
        ("oui c'est ça", "fr", None),  # an answer, not a check
        ("bonjour monsieur garnier vous allez bien", "fr", "closed"),
        ("combien de rendez-vous pris depuis lundi", "fr", "closed"),
        ("tu comptes en faire quoi, de ce devis refusé", "fr", "open"),
        # what the speaker would tell a third party is quoted
        ("je pourrais lui dire écoute est ce que tu veux reprendre les devis", "fr", None),
        ("so you book them on paper for now is that right", "en", "closed"),
        ("i'll pencil in friday at ten does that work for you", "en", "closed"),
        ("how'd the call with the landlord go", "en", "open"),
        ("yep whats up", "en", "open"),
        ("hey sam u got a minute", "en", "closed"),
        ("wanna go over the numbers tomorrow or is it too early", "en", "closed"),
        ("thanks for calling back is this still a good time", "en", "closed"),
        ("so before i show you anything what made you book this call", "en", "open"),
        (
            "we have one report that lists unpaid invoices would it help if i sent it over",
            "en",
            "closed",
        ),
        ("it depends on how much it costs", "en", None),
    ],
)
def test_questions_inside_run_on_sentences(text: str, lang: str, expected: str | None) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # answered at once, or an echo the speaker reacts to in the same turn
        ("Et tu sais ce qui a tout changé ? Une phrase de ma mère.", "fr"),
        ("Sept ? D'accord. Moi au début j'en faisais trente.", "fr"),
        ("5 sur 6 ?! chapeau", "fr"),
        ("Franchement ? Je suis épuisée.", "fr"),
        ("Twelve? Okay. Back in my day I did forty a week.", "en"),
        ("You know what worked for me? Cold showers.", "en"),
        ("4 out of 5!! what did i tell u", "en"),
        ("See? I knew it.", "en"),
        # a question quoted in single quotes is quoted
        ("And she goes 'why would I pay you more than the last guy?'", "en"),
    ],
)
def test_questions_not_asked_of_the_other(text: str, lang: str) -> None:
    assert question_of(text, lang) is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # French SMS shortcuts and emoji
        ("jsp si t as vu le mail du notaire", "fr", "closed"),
        ("pk tu hésites encore", "fr", "open"),
        ("top 👏👏 raconte moi comment ca s est passe", "fr", "open"),
        ("petit point du lundi : combien de relances faites", "fr", "closed"),
        # the interrogative word in place inside a run-on sentence
        ("et la compta ça te prend combien d'heures par mois à peu près", "fr", "closed"),
        ("sur 10 t es a combien de confiance", "fr", "closed"),
        ("vous êtes dans quelle ville déjà", "fr", "closed"),
        ("bonjour c'est julie de chez planeo vous avez deux minutes", "fr", "closed"),
        ("ces tarifs tu les as validés ou pas", "fr", "closed"),
        ("c'est bon pour vous", "fr", "closed"),
        # polite indirect questions
        ("Je me demandais surtout si vos clients pouvaient réserver le soir.", "fr", "closed"),
        ("Je me demandais aussi comment ton associé le vivrait.", "fr", "open"),
        ("Je me demandais si j'avais bien fait.", "fr", None),  # musing about oneself
        # SMS English without the auxiliary
        ("anything i can do before friday", "en", "closed"),
        ("u watching the final tonight", "en", "closed"),
        ("wanna book the next one", "en", "closed"),
        ("great um does thursday work for a quick call", "en", "closed"),
        # tags: an affirmation closed by « non » or « hein », even without a comma or a '?'
        ("t as tenu ton prix face au promoteur c est enorme non ?!", "fr", "tag"),
        ("Ça va rouler, c'est évident, hein !", "fr", "tag"),
        ("et si elle dit non", "fr", None),
        # a short echo followed by more is no question, a short question with a verb is
        ("Quatre ? Moi j'en envoyais vingt.", "fr", None),
        ("25 c'est pas trop ? j'ai peur de les perdre", "fr", "closed"),
    ],
)
def test_held_out_b_shapes(text: str, lang: str, expected: str | None) -> None:
    assert question_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("tu veux le faire de ton côté ou qu on le prépare ensemble", "fr", "closed"),
        ("on l'écrit ensemble lundi ou tu préfères t'en occuper seule", "fr", "closed"),
        ("et ta confiance sur 10 pour l'appel de demain", "fr", "closed"),
        ("sur 10 tu te sens à combien pour annoncer le nouveau prix", "fr", "closed"),
        ("et ça vous arrive souvent le samedi", "fr", "closed"),
        ("jeannine tu dirais combien toi", "fr", "closed"),
        ("alors euh de quoi tu voudrais qu'on parle ce matin", "fr", "open"),
        ("c'est une bonne idée t'en penses quoi toi", "fr", "open"),
        ("vous me disiez que le samedi c'était la galère c'est toujours le cas", "fr", "closed"),
        ("ouais c'est bête hein", "fr", "tag"),
        ("Pas vraiment, non.", "fr", None),
        ("Enfin, les factures, quoi.", "fr", None),
        ("Il y en a deux. Sonia, qui est comptable maintenant.", "fr", None),
        ("I'm wondering whether the price is the only thing in the way.", "en", "closed"),
        ("No idea if you've compared other tools, by the way.", "en", "closed"),
        ("ok where r u with the landlord", "en", "open"),
        ("confidence 1-10 for the next pitch", "en", "closed"),
        ("great same time next week", "en", "closed"),
        ("hi sam good to see you what's been on your mind this week", "en", "open"),
        ("we use square for payments does it work with that", "en", "closed"),
        ("would a call on friday morning work before you open", "en", "closed"),
        ("did her a small one for free on sunday", "en", None),
    ],
)
def test_held_out_c_shapes(text: str, lang: str, expected: str | None) -> None:
    assert question_of(text, lang) == expected


def test_a_proposal_is_no_echo() -> None:
    assert question_of("Right. Same time next month? And read the notes I sent.", "en") == "closed"


def test_a_numeric_range_is_no_stutter() -> None:
    assert "1-10" in normalize("confidence 1-10 for the pitch", "en")
    assert "3-4 devis" in normalize("j'ai envoyé 3-4 devis", "fr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je me demande ce que tu aurais envie de lui dire, toi, si elle revenait.", "open"),
        ("je vais lui dire écoute est ce que tu peux payer", None),  # what he will tell a client
        ("et ta confiance tu la mets a combien sur 10", "closed"),
        ("ils durent combien en général vos rendez vous", "closed"),
        ("c'est ton plan et il tient la route comment tu vas l'annoncer à tes clients", "open"),
        ("je sais comment tu vas faire", None),
        ("et ta confiance là sur dix pour tenir le rythme", "closed"),
        ("et c'est quoi vos formules pour les indépendants", "open"),
        ("salut patrick cv ?", "closed"),
    ],
)
def test_held_out_d_french_shapes(text: str, expected: str | None) -> None:
    assert question_of(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the interrogative word in place, before a longer complement or after a dislocated subject
        ("ça a donné quoi avec la cliente de la rue des lilas", "open"),
        ("ton associé il en pense quoi de cette hausse", "open"),
        ("la fatigue elle vient d'où selon toi", "open"),
        ("tu la rappelles quand ta cliente", "closed"),
        ("c'était quand le dernier rendez vous", "closed"),
        ("tu lui parles du tarif à quel moment dans l'échange", "closed"),
        ("et t'en es où avec ton site", "open"),  # where one stands: open despite « où »
        ("t en es ou avec la banque", "open"),  # typed without accent
        ("elle vient d ou cette idee", "open"),
        # SMS shortcuts
        ("tu le relances qd", "closed"),
        ("c pour qd la livraison", "closed"),
        # « quoi » closing a spoken sentence: a filler, unless a verb or a preposition asks for it
        ("ça m'a un peu vexé quoi", None),
        ("je voulais pas passer pour la radine quoi", None),
        ("et le fournisseur il t'a répondu quoi", "open"),
        ("ton banquier il attend quoi de toi", "open"),
        # « est-ce qu' » in the middle of a run-on sentence
        ("et la cliente de mardi est ce qu'elle a rappelé", "closed"),
        # Québec: the particle -tu
        ("t'as-tu envoyé ta soumission", "closed"),
        ("c'est-tu clair pour toi", "closed"),
        # a story asked for at the end of a message
        ("super nouvelle. et le contrat raconte moi", "open"),
        ("raconte tout", "open"),
        # a choice or a proposal at the end of a run-on sentence
        (
            "je vous appelle de la part de lucie vous avez cinq minutes ou c'est pas le bon moment",
            "closed",
        ),
        ("il y a les aides de la région et ton comptable il est d'accord ou pas trop", "closed"),
        ("on a vu les chiffres ensemble et ta cheffe elle en pense quoi maintenant", "open"),
        ("la formation dure trois jours tu veux que je t'envoie le programme", "closed"),
        ("si tu veux qu'on en parle je suis là", None),
    ],
)
def test_held_out_e_french_shapes(text: str, expected: str | None) -> None:
    assert question_of(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unpunctuated, a statement about what the listener did or lives asks it
        ("t'as eu des nouvelles du menuisier", "closed"),
        ("tu l'as envoyé finalement", "closed"),
        ("vous avez reçu mon devis", "closed"),
        ("t'es deja passee a la banque", "closed"),
        ("tu m'entends bien", "closed"),
        ("tu penses vraiment qu'elle va signer", "closed"),
        ("il fait aussi gris chez toi aussi", "closed"),
        ("au fait t'as vu le match, quelle soirée", "closed"),
        # not asked: a negation, an observation, praise, a wish, or punctuation that says so
        ("t'as pas relancé", None),
        ("t'as raison", None),
        ("t'as géré", None),
        ("bravo t'as assuré", None),
        ("bonne soirée à vous aussi", None),
        ("t'as changé ta façon de faire et ça a payé", None),
        ("Tu l'as envoyé.", None),
    ],
)
def test_unpunctuated_statements_about_the_listener(text: str, expected: str | None) -> None:
    assert question_of(text, "fr") == expected


def test_a_statement_asked_without_punctuation_in_a_thread() -> None:
    # in an SMS thread the coach's unpunctuated "t'as eu des nouvelles…" is counted as a question
    from ancrage.analysis import analyze

    report = analyze(
        [
            {"speaker": "Coach", "text": "salut lea t'as eu des nouvelles du menuisier"},
            {"speaker": "Léa", "text": "oui il a signé hier"},
            {"speaker": "Coach", "text": "bravo c'est toi qui l'as décroché"},
        ],
        focus="Coach",
        lang="fr",
    )
    first = report.utterances[0]
    assert first.question == "closed"
    assert report.utterances[1].question is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unpunctuated, what the listener did since last time is asked
        ("so u called him back after that", "closed"),
        ("you sent the new price list", "closed"),
        ("you can hear me ok", "closed"),
        ("you sent the new price list.", None),  # the full stop says it is told
        ("you got this", None),  # encouragement
        # a wh- subject and a past verb
        ("wow 2 to 6!! what changed for u", "open"),
        ("what worked for me was calling first", None),
        # a closing "right" in a transcript seeks agreement; "you're right" agrees
        ("and that's a lot less than a lost day on site right", "tag"),
        ("yeah you're probably right", None),
        ("and you came up with that yourself, right.", None),
    ],
)
def test_unpunctuated_english_statements_and_tags(text: str, expected: str | None) -> None:
    assert question_of(text, "en") == expected


def test_french_tags_closing_an_unpunctuated_turn() -> None:
    assert (
        question_of("non en fait j'ai tout recompté depuis le début c'est bête hein", "fr") == "tag"
    )
    assert (
        question_of(
            "si le prix arrive trop tôt ils jugent que sur ça tu vois ce que je veux dire", "fr"
        )
        == "tag"
    )
    assert question_of("Pas vraiment, non.", "fr") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("tout le monde te donne un avis et toi dans tout ça tu en es où", "fr", "open"),
        ("et toi tu en es où avec la banque", "fr", "open"),
        ("and on a scale of one to ten how ready are you to call her", "en", "closed"),
        ("fair enough so when's a good time to catch you both", "en", "closed"),
    ],
)
def test_questions_at_the_end_of_a_spoken_turn(text: str, lang: str, expected: str) -> None:
    assert question_of(text, lang) == expected
