"""Reply suggestions that follow the coaching frame, built from templates and the coachee's
own data (nothing leaves the server). Pure functions: services.py gathers the facts.

- gratitude: hand the credit back, factually: *their* actions, *their* numbers; an
  affirmation, never a question, never "thanks to me";
- win: celebrate, attribute it to them, at most one open question on what they did;
- struggle: one open question, no advice;
- question, scheduling, other: a short neutral frame for the coach to finish.
Written without gendered agreements (« tu l'as fait », not « tu es allée »), in GSM-7
(straight quotes, no « ç »): a suggestion costs what it must, and no more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Progress:
    label: str  # « devis acceptés », "quotes accepted"
    then: str  # formatted values, « 1 », « 1 800 € », "4/10"
    now: str


@dataclass(frozen=True)
class Facts:
    """What the coachee did, from their own data."""

    name: str  # first name
    lang: str
    progress: list[Progress] = field(default_factory=list)  # numbers that went up
    last_win: str = ""  # their own words, from the journal
    intentions: str = ""  # set at intake


def first_name(full_name: str) -> str:
    return (full_name.split() or [""])[0]


def _clip(text: str, words: int = 12) -> str:
    """Their words, shortened, ready to quote inside a sentence."""
    parts = text.replace("\n", " ").replace('"', "'").split()
    clipped = " ".join(parts[:words]).rstrip(" .!?;:,")
    clipped = clipped[:1].lower() + clipped[1:] if clipped[1:2].islower() else clipped
    return clipped + ("..." if len(parts) > words else "")


def _progress_sentence(facts: Facts) -> str:
    if not facts.progress:
        return ""
    if facts.lang == "en":
        parts = [f"your {p.label} from {p.then} to {p.now}" for p in facts.progress]
        return "In numbers: " + ", ".join(parts) + "."
    parts = [f"{p.label} : de {p.then} à {p.now}" for p in facts.progress]
    return "En chiffres, " + ", ".join(parts) + "."


def _their_doing(facts: Facts) -> str:
    """One sentence naming what they did, from the most concrete data there is."""
    if facts.lang == "en":
        if facts.last_win:
            return f'"{_clip(facts.last_win)}": you did that.'
        if facts.intentions:
            return f'You set out to "{_clip(facts.intentions)}", and you did it.'
        return "Your stance, your confidence, your way of saying what you bring: all yours."
    if facts.last_win:
        return f"\"{_clip(facts.last_win)}\" : c'est toi qui l'as fait."
    if facts.intentions:
        return f'Tu voulais "{_clip(facts.intentions)}", et tu l\'as fait.'
    return "Ta posture, ta confiance, ta manière de dire ce que tu apportes : tout cela, c'est toi."


def _join(*sentences: str) -> str:
    return " ".join(s for s in sentences if s)


def gratitude(facts: Facts) -> list[str]:
    n, numbers, doing = facts.name, _progress_sentence(facts), _their_doing(facts)
    if facts.lang == "en":
        return [
            _join(f"No thanks needed, {n}: you did the work.", doing, numbers,
                  "Those results are yours. Well done, and thank you for the good news!"),
            _join(f"That makes my day, {n}! But the credit is yours.", doing,
                  "Your stance, your price, your results."),
            _join(f"Well done {n}! You dared, you sent, you signed.", numbers,
                  "Enjoy it, it is all yours."),
        ]  # fmt: skip
    return [
        _join(f"Pas de remerciement, {n} : c'est toi qui as fait le travail.", doing, numbers,
              "Ces résultats sont les tiens. Encore bravo, et merci pour la bonne nouvelle !"),
        _join(f"Ça me fait très plaisir, {n} ! Mais le mérite te revient.", doing,
              "Ta posture, ton prix, tes résultats."),
        _join(f"Bravo {n} ! C'est toi qui as osé, toi qui as envoyé, toi qui as signé.", numbers,
              "Savoure, c'est à toi."),
    ]  # fmt: skip


def win(facts: Facts) -> list[str]:
    n, numbers = facts.name, _progress_sentence(facts)
    if facts.lang == "en":
        return [
            f"Well done {n}! That is your work. What did you do differently this time?",
            _join(f"Great news, {n}, and you got there yourself.", numbers,
                  "What made it possible?"),
            _join(f"Bravo {n}, well deserved.", numbers, "Enjoy it!"),
        ]  # fmt: skip
    return [
        f"Bravo {n} ! C'est ton travail. Qu'est-ce que tu as fait différemment cette fois ?",
        _join(f"Superbe nouvelle, {n}, et c'est toi qui l'as fait.", numbers,
              "Qu'est-ce qui t'a permis d'y arriver ?"),
        _join(f"Bravo {n}, c'est mérité.", numbers, "Savoure !"),
    ]  # fmt: skip


def struggle(facts: Facts) -> list[str]:
    n = facts.name
    if facts.lang == "en":
        return [
            f"Thank you for telling me, {n}. What was the hardest part for you?",
            f"I hear you, {n}. What would help you most right now?",
            f"{n}, in this situation, what is within your control?",
        ]
    return [
        f"Merci de me le dire, {n}. Qu'est-ce qui a été le plus difficile pour toi ?",
        f"Je t'entends, {n}. De quoi aurais-tu besoin, là, maintenant ?",
        f"{n}, dans cette situation, qu'est-ce qui dépend de toi ?",
    ]


def question(facts: Facts) -> list[str]:
    n = facts.name
    if facts.lang == "en":
        return [
            f"Good question, {n}. Before I answer: what do you think?",
            f"Thanks {n}, I will answer you tonight.",
        ]
    return [
        f"Bonne question, {n}. Avant que je te réponde : qu'en penses-tu, toi ?",
        f"Merci {n}, je te réponds ce soir.",
    ]


def scheduling(facts: Facts) -> list[str]:
    n = facts.name
    if facts.lang == "en":
        return [f"No problem, {n}. Which time would suit you?", f"Noted, {n}, thank you."]
    return [f"Pas de souci, {n}. Quel créneau te conviendrait ?", f"C'est noté, {n}, merci."]


def other(facts: Facts) -> list[str]:
    n = facts.name
    if facts.lang == "en":
        return [f"Thanks {n}!", f"Got it, {n}."]
    return [f"Merci {n} !", f"C'est noté, {n}."]


BY_CATEGORY = {
    "gratitude": gratitude,
    "win": win,
    "struggle": struggle,
    "question": question,
    "scheduling": scheduling,
    "other": other,
}


_NAMELESS = "\x00"  # stands for the first name while the templates are filled
_NAME_SLOT = re.compile(r",? ?\x00")


def suggest(category: str, facts: Facts) -> list[str]:
    """Two or three replies for the latest inbound SMS, in the coachee's language. A sender
    with no name yet (an unknown number) is not called « Inconnu »: the name is left out."""
    if facts.name:
        return BY_CATEGORY.get(category, other)(facts)
    texts = BY_CATEGORY.get(category, other)(replace(facts, name=_NAMELESS))
    return [_without_name(text) for text in texts]


def _without_name(text: str) -> str:
    text = _NAME_SLOT.sub("", text).strip().lstrip(", ")
    return text[:1].upper() + text[1:]
