"""French for the analysis page: frame, explanations and headings (act names come from ancrage.analysis.ui, as in every report)."""

FR = {
    "question": "question",
    "Frame:": "Cadre :",
    "words that weighed:": "mots qui ont pesé :",
}
FR.update(
    {
        "%(name)s: %(count)s words spoken": "%(name)s : %(count)s mots prononcés",
        "To work on": "À travailler",
        "What went well": "Ce qui a bien marché",
        "There is no message with %(name)s yet: the analysis reads the SMS you exchanged. Come back once the conversation has started.": "Aucun message avec %(name)s pour l'instant : l'analyse lit les SMS que vous avez échangés. Revenez une fois la conversation commencée.",
    }
)
FR.update(
    {
        "open question": "question ouverte",
        "closed question": "question fermée",
    }
)
