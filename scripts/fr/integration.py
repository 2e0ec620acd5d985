"""French for strings added while putting the areas together."""

FR = {
    "What is stored": "Ce qui est conservé",
}
FR["Another coach of your practice already follows this number: ask the practice owner."] = (
    "Un autre coach de votre cabinet suit déjà ce numéro : demandez au responsable du cabinet."
)
FR.update(
    {
        "webhook token": "jeton des webhooks",
        "created at": "créé le",
        "login": "identifiant",
        "practice": "cabinet",
        "coach": "coach",
        "client": "client",
        "engagement": "accompagnement",
        "author": "auteur",
    }
)
