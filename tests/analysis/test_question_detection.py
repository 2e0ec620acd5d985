"""Question detection: what only sounds like a question, on phrases written for these tests."""

import pytest

from ancrage.analysis.acts import classify, rules_for


def classified(text: str, lang: str) -> tuple[str | None, list[str]]:
    question, acts, _norm = classify(text, rules_for(lang))
    return question, acts


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # double-sided reflections said with a rising voice (MITI: reflections)
        ("So on one hand you enjoy the evenings out, and on the other hand they cost you?", "en"),
        ("You'd like to move to Lyon, but you're afraid of leaving your friends?", "en"),
        ("The new job pays better, but it takes you away from the kids?", "en"),
        ("D'un côté tu aimes ton équipe, de l'autre tu te sens à l'étroit ?", "fr"),
        ("Vous voudriez changer de poste, mais vous avez peur de perdre vos repères ?", "fr"),
        ("D'une part le prix te convient, d'autre part les délais t'inquiètent ?", "fr"),
        # reflections that name themselves or close on their marker
        ("So what I'm hearing is that the move matters more than the money?", "en"),
        ("I'm picking up that your manager's opinion weighs a lot?", "en"),
        ("J'entends que l'avis de ton manager compte beaucoup ?", "fr"),
        ("And that keeps you motivated, as you said?", "en"),
        ("You have some doubts about the offer too, it sounds like?", "en"),
        ("Donc ce que j'entends, c'est que tu n'es pas encore prête ?", "fr"),
        ("Ça te motive beaucoup, si je comprends bien ?", "fr"),
        ("Et c'est ce qui vous retient, comme vous disiez ?", "fr"),
    ],
)
def test_rising_reflections_are_reflections_not_questions(text: str, lang: str) -> None:
    question, acts = classified(text, lang)
    assert question is None
    assert "question" not in acts
    assert "reflection" in acts


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # checking questions and plain declarative questions still ask
        ("So you'd like to stop before the summer?", "en", "closed"),
        ("You tried it, but did it help?", "en", "closed"),
        ("But you're coming tomorrow?", "en", "closed"),
        ("It sounds like the deadline worries you?", "en", "closed"),
        ("On one hand you like it, but what would you lose?", "en", "open"),
        ("Donc tu voudrais arrêter ?", "fr", "closed"),
        ("Mais tu viens demain ?", "fr", "closed"),
        ("Tu l'as essayé, mais est-ce que ça t'a aidé ?", "fr", "closed"),
        ("Qu'est-ce que tu entends par là ?", "fr", "open"),
        # a place, not the other side of an ambivalence
        ("You live on the other side of town?", "en", "closed"),
        ("Tu as parlé de l'autre poste ?", "fr", "closed"),
        ("Tu habites de l'autre côté de la rue ?", "fr", "closed"),
    ],
)
def test_checking_questions_still_ask(text: str, lang: str, expected: str) -> None:
    assert classified(text, lang)[0] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a question inside quotation marks is quoted, not asked of the listener
        ('Your sister keeps telling you, "why is it such a big deal?"', "en"),
        ('You think, "Oh no. What if it happens again?" and you freeze.', "en"),
        ("Ta sœur te répète : « pourquoi tu en fais toute une histoire ? »", "fr"),
        ("Et tu te dis, à quoi bon ?", "fr"),
        ("Et là on se dit, pourquoi moi ?", "fr"),
        # inner voice and quoted speech
        ("and it's like, why would anybody pay that much", "en"),
        ("and you're like, well, what now", "en"),
        ("so I go, where did you put the keys", "en"),
        ("my parents would have said, why bother with it", "en"),
        # a search aloud inside a sentence, then the answer
        ("we had, what are they, those little electric scooters", "en"),
        ("we paid the, what did they call it, the booking fee twice", "en"),
        ("On a pris le, comment on appelle ça, le bus de nuit", "fr"),
        # relative clause continuing the previous sentence; "and so on"
        ("which is a shame", "en"),
        ("which has a lot of traffic in the morning", "en"),
        ("we brought chairs, blankets and what have you", "en"),
        # "do" as a main verb without a subject, and a statement's own subject
        ("and then do it the other way round", "en"),
        ("so do it while it's still cheap", "en"),
        ("and they still, you know, do the dishes late", "en"),
        # agreement and backchannels, with or without their question mark
        ("so does my sister", "en"),
        ("Neither would the kids.", "en"),
        ("Is that right.", "en"),
        ("Ah bon.", "fr"),
        # a wh- clause deep inside a long unpunctuated sentence is embedded, not asked
        (
            "it comes down to, uh, how much the job, the commute, the kids take of your evenings",
            "en",
        ),
    ],
)
def test_what_only_looks_like_a_question(text: str, lang: str) -> None:
    assert classified(text, lang)[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Before you leave, do you mind if I check the schedule?", "closed"),
        ("Do you go there often?", "closed"),
        ("Who is the new manager?", "closed"),
        ("which one do you prefer", "closed"),
        ("what have you tried so far", "open"),
        ("Did it help?", "closed"),
        ("Northern Spain, have you ever been there", "closed"),
        ("so after the move, and the new job, where do you stand now", "open"),
        # a restart ends a clause: the question after it is still found
        ("So tell me- tell me how the first week went", "open"),
        ('What did she say when you told her, "I quit"?', "open"),
    ],
)
def test_real_questions_near_these_shapes(text: str, expected: str) -> None:
    assert classified(text, "en")[0] == expected
