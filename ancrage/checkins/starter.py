"""What every practice starts with: four metrics and three programs, in French and English.

The coach edits them freely afterwards. Written in GSM-7 where French allows it (no
typographic apostrophe), so most questions cost one SMS. The functions take the model
classes as arguments so that a data migration can run them on historical models.
"""

from __future__ import annotations

from typing import Any

# key, label fr, label en, kind, unit, words naming it in a reply
METRICS = [
    ("quotes_sent", "Devis envoyés", "Quotes sent", "number", "",
     "envoy, parti, fait, sent, out, sent out, issued, sends"),
    ("quotes_accepted", "Devis acceptés", "Quotes accepted", "number", "",
     "accept, sign, gagn, valid, retenu, accepted, signed, won, yes, closed, landed"),
    ("price", "Prix demandé", "Price asked", "money", "€",
     "prix, tarif, €, euro, price, rate, $, moyenne, average"),
    ("confidence", "Confiance", "Confidence", "scale", "/10",
     "confian, sur 10, /10, confiden, out of 10"),
]  # fmt: skip

NUMBERS = ["quotes_sent", "quotes_accepted", "price"]

# (name fr, name en, purpose), then (text fr, text en, answer kind, metric keys)
PROGRAMS: list[tuple[tuple[str, str, str], list[tuple[str, str, str, list[str]]]]] = [
    (
        ("Démarrage", "Intake", "intake"),
        [
            ("Bonjour ! Pour bien commencer : qu'attends-tu de notre travail ensemble ?",
             "Hello! To start: what do you expect from our work together?", "text", []),
            ("Aujourd'hui, où en es-tu sur une échelle de 1 à 10 ?",
             "Today, where do you stand on a scale of 1 to 10?", "scale", ["confidence"]),
            ("Tes chiffres du mois : combien de devis envoyés, combien acceptés, à quel prix moyen ?",
             "Your numbers this month: how many quotes sent, how many accepted, at what average price?",
             "several", NUMBERS),
        ],
    ),
    (
        ("Point du lundi", "Monday check-in", "recurring"),
        [
            ("Point du lundi : combien de devis envoyés cette semaine, combien acceptés, à quel prix ?",
             "Monday check-in: how many quotes sent this week, how many accepted, at what price?",
             "several", NUMBERS),
            ("Et ta confiance cette semaine, sur 10 ?",
             "And your confidence this week, out of 10?", "scale", ["confidence"]),
        ],
    ),
    (
        ("Clôture", "Closing", "closing"),
        [
            ("Pour clore : tes chiffres du mois ? Devis envoyés, acceptés, prix moyen.",
             "To close: your numbers this month? Quotes sent, accepted, average price.",
             "several", NUMBERS),
            ("Ta confiance aujourd'hui, sur 10 ?", "Your confidence today, out of 10?",
             "scale", ["confidence"]),
            ("Qu'est-ce que tu vas continuer à faire seul, sans moi ?",
             "What will you keep doing on your own, without me?", "text", []),
        ],
    ),
]  # fmt: skip


def create_starter_kit(practice_id: int, models: dict[str, Any]) -> None:
    """Create the starter metrics and programs for a practice that has none yet."""
    Metric, Program = models["Metric"], models["Program"]
    if Metric.objects.filter(practice_id=practice_id).exists():
        return
    metrics = {}
    for position, (key, fr, en, kind, unit, words) in enumerate(METRICS):
        metrics[key] = Metric.objects.create(
            practice_id=practice_id, key=key, label_fr=fr, label_en=en, kind=kind,
            unit=unit, keywords=words, position=position,
        )  # fmt: skip
    if Program.objects.filter(practice_id=practice_id).exists():
        return
    for (name_fr, name_en, purpose), questions in PROGRAMS:
        program = Program.objects.create(
            practice_id=practice_id, name_fr=name_fr, name_en=name_en, purpose=purpose
        )
        for position, (text_fr, text_en, kind, keys) in enumerate(questions):
            question = models["Question"].objects.create(
                program=program, position=position, text_fr=text_fr, text_en=text_en, kind=kind
            )
            for slot, key in enumerate(keys):
                models["QuestionSlot"].objects.create(
                    question=question, metric=metrics[key], position=slot
                )


def live_models() -> dict[str, Any]:
    from ancrage.checkins.models import Metric, Program, Question, QuestionSlot

    return {
        "Metric": Metric,
        "Program": Program,
        "Question": Question,
        "QuestionSlot": QuestionSlot,
    }


def on_practice_saved(
    sender: Any, instance: Any, created: bool, raw: bool = False, **_: Any
) -> None:
    if created and not raw:  # not while loading fixtures
        create_starter_kit(instance.pk, live_models())
