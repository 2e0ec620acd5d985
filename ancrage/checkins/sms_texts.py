"""The SMS Ancrage writes itself around check-ins, in the coachee's language (GSM-7 only,
so that they never turn a one-part SMS into a UCS-2 one)."""

from __future__ import annotations

# The example that follows a re-asked question, by answer kind.
REASK = {
    "fr": {
        "number": "Répondez par un nombre, par exemple : 3",
        "scale": "Répondez par un chiffre de 1 à 10, par exemple : 7",
        "yesno": "Répondez par oui ou par non.",
        "money": "Répondez par un montant, par exemple : 2 500 €",
        "several": "Répondez par exemple : {example}",
        "text": "Répondez en quelques mots.",
    },
    "en": {
        "number": "Please answer with a number, for example: 3",
        "scale": "Please answer from 1 to 10, for example: 7",
        "yesno": "Please answer yes or no.",
        "money": "Please answer with an amount, for example: 2,500",
        "several": "Please answer like this: {example}",
        "text": "Please answer in a few words.",
    },
}

SORRY = {"fr": "Pardon, je n'ai pas compris.", "en": "Sorry, I did not get that."}

# An example value per kind for multi-number questions ("3 envoyés, 1 accepté, 2 500 €").
EXAMPLE_VALUE = {"number": "3", "scale": "7", "yesno": "oui", "money": "2 500"}
EXAMPLE_VALUE_EN = {"number": "3", "scale": "7", "yesno": "yes", "money": "2,500"}

CONFIRM = {"fr": "Noté : {values}. Merci !", "en": "Noted: {values}. Thank you!"}
YES_NO = {"fr": ("oui", "non"), "en": ("yes", "no")}


def reask(lang: str, kind: str, question: str, example: str = "") -> str:
    lang = lang if lang in REASK else "fr"
    hint = REASK[lang][kind].format(example=example)
    return f"{SORRY[lang]} {question} {hint}"


def several_example(lang: str, slots: list[tuple[str, str, str]]) -> str:
    """'3 devis envoyés, 1 devis accepté, 2 500 €' from (label, kind, unit) of each slot."""
    values = EXAMPLE_VALUE_EN if lang == "en" else EXAMPLE_VALUE
    parts = []
    for label, kind, unit in slots:
        value = values.get(kind, "3")
        if kind == "money":
            parts.append(f"{value} {unit}".strip())
        else:
            parts.append(f"{value} {label.lower()}")
    return ", ".join(parts)


def format_value(lang: str, value: float, kind: str, unit: str) -> str:
    """A value as the coachee reads it back: 3, 2 500 €, 7/10, oui."""
    if kind == "yesno":
        return YES_NO.get(lang, YES_NO["fr"])[0 if value else 1]
    whole = float(value).is_integer()
    if lang == "en":
        text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    else:
        text = f"{value:,.0f}" if whole else f"{value:,.2f}"
        text = text.replace(",", " ").replace(".", ",")
    if unit == "/10":
        return f"{text}/10"
    return f"{text} {unit}".strip()


def said_value(lang: str, label: str, value: float, kind: str, unit: str) -> str:
    """'devis envoyés 3', 'confiance 8/10': label first, so no agreement to get wrong."""
    return f"{label.lower()} {format_value(lang, value, kind, unit)}"


def confirmation(lang: str, values: list[str]) -> str:
    lang = lang if lang in CONFIRM else "fr"
    return CONFIRM[lang].format(values=", ".join(values))
