"""Provider error codes, what they mean for a coach, and whether a retry can help.

Each provider speaks its own codes (Twilio 21211, Vonage status 3...). Adapters
put that code in `ProviderError.code` / `StatusReport.error_code`; the app shows
the coach `describe_error(code, lang, provider)`, a plain sentence in French or
English, instead of the provider's jargon.

Generic codes shared by every adapter:
    "network"       the provider could not be reached (transient)
    "rate_limited"  the provider asked us to slow down (transient)
    "server_error"  the provider failed on its side (transient)
    "config"        a setting is missing in the practice's provider settings (permanent)
    "api_url_refused"  the API URL points at a non-public address (permanent, urls.py)
"""

from __future__ import annotations

NETWORK = "network"
RATE_LIMITED = "rate_limited"
SERVER_ERROR = "server_error"
CONFIG = "config"
URL_REFUSED = "api_url_refused"

# HTTP statuses that say "try again later" whatever the provider.
TRANSIENT_HTTP_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})

_GENERIC: dict[str, tuple[str, str]] = {
    NETWORK: (
        "Le fournisseur SMS est injoignable pour le moment ; nouvel essai automatique.",
        "The SMS provider cannot be reached right now; it will be retried automatically.",
    ),
    RATE_LIMITED: (
        "Trop d'envois en même temps : le message partira un peu plus tard.",
        "Too many messages at once: this one will go out a little later.",
    ),
    SERVER_ERROR: (
        "Le fournisseur SMS a un incident ; nouvel essai automatique.",
        "The SMS provider has an outage; it will be retried automatically.",
    ),
    CONFIG: (
        "Les réglages du fournisseur SMS sont incomplets (numéro d'envoi ?).",
        "The SMS provider settings are incomplete (sending number?).",
    ),
    URL_REFUSED: (
        "L'adresse de l'API pointe vers un réseau privé : refusée. L'administrateur du "
        "serveur peut l'autoriser (ANCRAGE_SMS_PRIVATE_NETWORKS).",
        "The API URL points at a private network: refused. The server's operator can "
        "allow it (ANCRAGE_SMS_PRIVATE_NETWORKS).",
    ),
}

_TWILIO: dict[str, tuple[str, str]] = {
    "20003": (
        "Identifiants Twilio refusés : vérifiez l'Account SID et l'Auth Token.",
        "Twilio rejected the credentials: check the Account SID and Auth Token.",
    ),
    "21211": (
        "Ce numéro de téléphone n'est pas valide.",
        "This phone number is not valid.",
    ),
    "21408": (
        "Votre compte Twilio n'autorise pas l'envoi vers ce pays.",
        "Your Twilio account is not allowed to send to this country.",
    ),
    "21606": (
        "Le numéro d'envoi ne peut pas envoyer de SMS (ou n'est pas à vous).",
        "The sending number cannot send SMS (or is not yours).",
    ),
    "21610": (
        "Cette personne a répondu STOP : elle ne reçoit plus de SMS de votre part.",
        "This person replied STOP: they no longer receive your text messages.",
    ),
    "21612": (
        "Twilio ne peut pas acheminer de SMS vers ce numéro.",
        "Twilio cannot route text messages to this number.",
    ),
    "21614": (
        "Ce numéro n'est pas un mobile : il ne peut pas recevoir de SMS.",
        "This number is not a mobile phone: it cannot receive text messages.",
    ),
    "30003": (
        "Le téléphone du destinataire est éteint ou hors réseau.",
        "The recipient's phone is switched off or out of coverage.",
    ),
    "30005": (
        "Ce numéro n'existe pas ou plus chez l'opérateur.",
        "This number does not exist (any more) at the carrier.",
    ),
    "30006": (
        "Ce numéro est une ligne fixe ou ne reçoit pas de SMS.",
        "This number is a landline or cannot receive text messages.",
    ),
    "30007": (
        "L'opérateur a filtré le message (considéré comme indésirable).",
        "The carrier filtered the message (flagged as unwanted).",
    ),
    "30008": (
        "L'opérateur n'a pas pu remettre le message (erreur inconnue).",
        "The carrier could not deliver the message (unknown error).",
    ),
}

_VONAGE: dict[str, tuple[str, str]] = {
    "1": _GENERIC[RATE_LIMITED],
    "2": (
        "Il manque une information dans la demande d'envoi.",
        "The send request is missing a field.",
    ),
    "3": (
        "Un paramètre de l'envoi est invalide (numéro ou expéditeur ?).",
        "A parameter of the send request is invalid (number or sender?).",
    ),
    "4": (
        "Identifiants Vonage refusés : vérifiez l'API key et l'API secret.",
        "Vonage rejected the credentials: check the API key and API secret.",
    ),
    "5": _GENERIC[SERVER_ERROR],
    "6": (
        "Vonage ne peut pas acheminer ce message (destination non couverte).",
        "Vonage cannot route this message (destination not covered).",
    ),
    "7": (
        "Ce numéro est bloqué chez Vonage (il a peut-être répondu STOP).",
        "This number is barred at Vonage (they may have replied STOP).",
    ),
    "8": (
        "Votre compte Vonage est suspendu.",
        "Your Vonage account is suspended.",
    ),
    "9": (
        "Crédit Vonage insuffisant : rechargez votre compte.",
        "Not enough Vonage credit: top up your account.",
    ),
    "12": ("Le message est trop long.", "The message is too long."),
    "14": (
        "Signature refusée par Vonage : vérifiez le secret de signature.",
        "Vonage rejected the signature: check the signature secret.",
    ),
    "15": (
        "L'expéditeur n'est pas autorisé (numéro ou nom d'expéditeur).",
        "The sender is not allowed (number or sender name).",
    ),
    "29": (
        "Compte d'essai Vonage : ce numéro n'est pas dans la liste autorisée.",
        "Vonage trial account: this number is not on the allowed list.",
    ),
    "33": (
        "Ce numéro a été désactivé par l'opérateur.",
        "This number has been deactivated by the carrier.",
    ),
}

_ANDROID: dict[str, tuple[str, str]] = {
    "401": (
        "Identifiants de la passerelle Android refusés : vérifiez utilisateur et mot de passe.",
        "The Android gateway rejected the credentials: check username and password.",
    ),
    "400": (
        "La passerelle Android a refusé le message (numéro invalide ?).",
        "The Android gateway rejected the message (invalid number?).",
    ),
    "failed": (
        "Votre téléphone n'a pas pu envoyer le SMS (réseau, forfait ou numéro).",
        "Your phone could not send the text (signal, plan or number).",
    ),
}

_BY_PROVIDER = {"twilio": _TWILIO, "vonage": _VONAGE, "android": _ANDROID}


def describe_error(code: str | int, lang: str = "fr", provider: str = "twilio") -> str:
    """A sentence a coach understands for a provider error code, in French or English."""
    code = str(code)
    texts = _BY_PROVIDER.get(provider, {}).get(code) or _GENERIC.get(code)
    english = lang.lower().startswith("en")
    if texts is None:
        if english:
            return f"The text message could not be sent (error {code})."
        return f"Le SMS n'a pas pu être envoyé (erreur {code})."
    return texts[1] if english else texts[0]
