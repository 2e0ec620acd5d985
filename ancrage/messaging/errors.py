"""What went wrong with a message, in a sentence the coach understands (FR or EN)."""

from __future__ import annotations

from ancrage.messaging.providers.errors import describe_error

# Our own codes, beside the providers' (providers/errors.py).
OPTED_OUT = "opted_out"
EXPIRED = "expired"
NEEDS_CHECK = "needs_check"
NOT_CONFIGURED = "not_configured"
GAVE_UP = "gave_up"

_OWN: dict[str, tuple[str, str]] = {
    OPTED_OUT: (
        "Cette personne a demandé à ne plus recevoir de SMS (STOP) : rien n'a été envoyé.",
        "This person asked not to receive texts any more (STOP): nothing was sent.",
    ),
    EXPIRED: (
        "Message automatique périmé : il n'a pas pu partir à temps et n'a pas été envoyé.",
        "Stale automated message: it could not go out in time and was not sent.",
    ),
    NEEDS_CHECK: (
        "L'envoi a été interrompu : le SMS est peut-être parti. Vérifiez avant de le renvoyer.",
        "Sending was interrupted: the text may have gone out. Check before sending it again.",
    ),
    GAVE_UP: (
        "Le fournisseur SMS a échoué à chaque essai : le message n'est pas parti. "
        "Réessayez plus tard.",
        "The SMS provider failed at every attempt: the message did not go out. Try again later.",
    ),
    NOT_CONFIGURED: (
        "Le fournisseur SMS n'est pas configuré pour ce cabinet (réglages SMS).",
        "The SMS provider is not configured for this practice (SMS settings).",
    ),
}


def describe(code: str, lang: str = "fr", provider: str = "") -> str:
    texts = _OWN.get(code)
    if texts:
        return texts[1] if lang.lower().startswith("en") else texts[0]
    return describe_error(code, lang, provider)
