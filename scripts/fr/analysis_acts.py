"""French for the analysis page: act names, frame and explanations."""

FR = {
    "question": "question",
    "asks about needs": "demande les besoins",
    "reflection": "reformulation",
    "own content": "apport personnel",
    "self-promotion": "autopromotion",
    "competitor": "concurrent",
    "own offer": "propre offre",
    "assumption": "supposition",
    "small talk": "bavardage",
    "affirmation": "valorisation",
    "thanks": "remerciement",
    "credit handed back": "mérite rendu",
    "credit taken": "mérite pris",
    "talks about self": "parle de soi",
    "greeting": "salutation",
    "Frame:": "Cadre :",
    "words that weighed:": "mots qui ont pesé :",
    "given the rest of the conversation": "vu avec le reste de l'échange",
    "The line alone would not be enough: what this person says elsewhere in the conversation decided.": "La phrase seule ne suffirait pas : ce que cette personne dit ailleurs dans l'échange a décidé.",
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
        "tag question (« non ? »)": "fausse question (« non ? »)",
    }
)
