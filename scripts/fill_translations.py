"""Fill empty msgstr in ancrage/locale/fr/LC_MESSAGES/django.po from FR below.

Run after `django-admin makemessages -l fr`; existing translations are kept.
Usage: python scripts/fill_translations.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "ancrage/locale/fr/LC_MESSAGES/django.po"

FR = {
    "Coaching": "Coaching",
    "Mobile phone": "Téléphone mobile",
    "French numbers as you write them (06 12 34 56 78), others with +country code.": "Les numéros français comme vous les écrivez (06 12 34 56 78), les autres avec +indicatif.",
    "“%(value)s” is not a valid phone number. Example: 06 12 34 56 78 or +44 7700 900123.": "« %(value)s » n’est pas un numéro de téléphone valide. Exemple : 06 12 34 56 78 ou +44 7700 900123.",
    "%(name)s already has this number in your practice.": "%(name)s a déjà ce numéro dans votre cabinet.",
    "name": "nom",
    "slug": "identifiant",
    "SMS provider": "fournisseur SMS",
    "practice": "cabinet",
    "practices": "cabinets",
    "Owner": "Responsable",
    "Coach": "Coach",
    "role": "rôle",
    "coach": "coach",
    "coaches": "coachs",
    "Unknown time zone %(value)s: use an IANA name such as Europe/Paris.": "Fuseau horaire inconnu %(value)s : utilisez un nom IANA comme Europe/Paris.",
    "French": "Français",
    "English": "Anglais",
    "Opted in": "Inscrit",
    "Opted out": "Désinscrit (STOP)",
    "phone": "téléphone",
    "Stored in E.164 (+33612345678).": "Enregistré au format E.164 (+33612345678).",
    "language": "langue",
    "time zone": "fuseau horaire",
    "consent": "consentement",
    "consent changed at": "consentement modifié le",
    "consent changed by": "consentement modifié par",
    "unknown sender": "expéditeur inconnu",
    "coachee": "coaché",
    "coachees": "coachés",
    "Intake": "Accueil",
    "Active": "En cours",
    "Closing": "Clôture",
    "Alumni": "Ancien client",
    "status": "statut",
    "started on": "commencé le",
    "ended on": "terminé le",
    "intentions": "intentions",
    "What the client wants from the coaching.": "Ce que le client attend de l’accompagnement.",
    "engagement": "accompagnement",
    "engagements": "accompagnements",
    "note": "note",
    "notes": "notes",
    "%(name)s was added.": "%(name)s a été ajouté(e).",
    "Changes saved.": "Modifications enregistrées.",
    "This status change is not possible.": "Ce changement d’étape n’est pas possible.",
    "Intentions saved.": "Intentions enregistrées.",
    "A note cannot be empty.": "Une note ne peut pas être vide.",
    "Messaging": "Messagerie",
    "Message": "Message",
    "Reply as the client": "Répondre comme le client",
    "Received": "Reçu",
    "Sent": "Envoyé",
    "Queued": "En attente",
    "Sending": "Envoi en cours",
    "Delivered": "Remis",
    "Failed": "Échec",
    "Undelivered": "Non remis",
    "message": "message",
    "The message is empty.": "Le message est vide.",
    "This message would take %(n)d SMS; the limit is %(max)d. Shorten it.": "Ce message ferait %(n)d SMS ; la limite est de %(max)d. Raccourcissez-le.",
    "%(name)s has opted out of SMS: nothing can be sent.": "%(name)s s’est désinscrit(e) des SMS : rien ne peut lui être envoyé.",
    "Unknown %(phone)s": "Inconnu %(phone)s",
    "Clients": "Clients",
    "Log out": "Se déconnecter",
    "opted out (STOP)": "désinscrit (STOP)",
    "Name this client": "Nommer ce client",
    "Edit": "Modifier",
    "SMS simulator": "Simulateur SMS",
    "Engagement": "Accompagnement",
    "Since": "Depuis le",
    "Intentions set at intake": "Intentions fixées à l’accueil",
    "Save": "Enregistrer",
    "Notes": "Notes",
    "Add note": "Ajouter une note",
    "Start an engagement": "Démarrer un accompagnement",
    "New client": "Nouveau client",
    "Edit client": "Modifier le client",
    "Cancel": "Annuler",
    "unknown number": "numéro inconnu",
    "unread replies": "réponses non lues",
    "No clients yet.": "Aucun client pour l’instant.",
    "Add your first client": "Ajoutez votre premier client",
    "No messages yet. A good first one is a question: what do you need from our work together?": "Aucun message. Un bon premier message est une question : de quoi as-tu besoin dans notre travail ensemble ?",
    "Write an SMS…": "Écrire un SMS…",
    "Send": "Envoyer",
    "%(units)s characters · %(segments)s SMS (%(encoding)s)": "%(units)s caractères · %(segments)s SMS (%(encoding)s)",
    "over the %(max)s SMS limit": "au-delà de la limite de %(max)s SMS",
    "Characters forcing UCS-2 (70 per SMS):": "Caractères qui imposent l’UCS-2 (70 par SMS) :",
    "Fix punctuation (keeps accents)": "Corriger la ponctuation (garde les accents)",
    "No SMS on this phone yet.": "Aucun SMS sur ce téléphone.",
    "Send from this phone": "Envoyer depuis ce téléphone",
    "Local simulator: nothing leaves this computer.": "Simulateur local : rien ne sort de cet ordinateur.",
    "No practice": "Aucun cabinet",
    "Your account is not a member of any coaching practice. Ask the owner of your practice to add you.": "Votre compte n’appartient à aucun cabinet. Demandez au responsable de votre cabinet de vous ajouter.",
    "Log in": "Se connecter",
    "Wrong login or password. Please try again.": "Identifiant ou mot de passe incorrect. Réessayez.",
    "Login": "Identifiant",
    "Password": "Mot de passe",
    # --- SMS providers, settings, lifecycle (sms2) ---
    "quiet from": "heures calmes à partir de",
    "quiet until": "heures calmes jusqu’à",
    "quiet on Sundays": "dimanche calme",
    "public holidays of": "jours fériés de",
    "Country code (FR, BE, CH, CA...) whose public holidays are quiet; empty for none.": "Code du pays (FR, BE, CH, CA…) dont les jours fériés sont calmes ; vide pour aucun.",
    "Account SID": "Account SID",
    "Auth Token": "Auth Token",
    "Messaging Service SID (optional, MG…)": "Messaging Service SID (facultatif, MG…)",
    "API key": "Clé d’API (API key)",
    "API secret": "Secret d’API (API secret)",
    "Signature secret": "Secret de signature",
    "Signature method": "Méthode de signature",
    "Webhook signing key": "Clé de signature des webhooks",
    "API URL (optional)": "URL de l’API (facultatif)",
    "Sending number (E.164, e.g. +33939…) unless a Messaging Service is set": "Numéro d’envoi (E.164, ex. +33939…) sauf si un Messaging Service est indiqué",
    "Sending number or sender id": "Numéro d’envoi ou nom d’expéditeur",
    "SMS per minute at most (0: no limit)": "SMS par minute au plus (0 : pas de limite)",
    "Send this practice's SMS with it": "Envoyer les SMS du cabinet avec ce fournisseur",
    "Local server: http://<phone-ip>:8080. Empty: the cloud server.": "Serveur local : http://<ip-du-téléphone>:8080. Vide : le serveur cloud.",
    "Stored encrypted. Leave blank to keep the current one.": "Conservé chiffré. Laissez vide pour garder l’actuel.",
    "Give a sending number or a Messaging Service SID: Twilio needs one of them.": "Indiquez un numéro d’envoi ou un Messaging Service SID : Twilio a besoin de l’un des deux.",
    "Unknown country code %(code)s: use two letters such as FR, BE, CH or CA.": "Code pays %(code)s inconnu : utilisez deux lettres comme FR, BE, CH ou CA.",
    "To check": "À vérifier",
    "Written by the coach": "Écrit par le coach",
    "Automated": "Automatique",
    "Automatic reply": "Réponse automatique",
    "STOP confirmation": "Confirmation du STOP",
    "sending number or sender id": "numéro d’envoi ou nom d’expéditeur",
    "used to send": "utilisé pour envoyer",
    "SMS per minute at most": "SMS par minute au plus",
    "Per sending number; 0 for no limit. Twilio long codes: 60, your phone: 20.": "Par numéro d’envoi ; 0 pour aucune limite. Numéro long Twilio : 60, votre téléphone : 20.",
    "%(provider)s settings saved.": "Réglages %(provider)s enregistrés.",
    "Connection OK: %(info)s": "Connexion OK : %(info)s",
    "Connection failed: %(info)s": "Échec de la connexion : %(info)s",
    "SMS settings": "Réglages SMS",
    "It is quiet hours for %(name)s (%(tz)s). Send anyway, or schedule it?": "C’est l’heure calme pour %(name)s (%(tz)s). Envoyer quand même, ou programmer l’envoi ?",
    "Send now anyway": "Envoyer quand même",
    "Schedule for %(at)s": "Programmer pour %(at)s",
    "scheduled for": "programmé pour",
    "It was sent": "Il est bien parti",
    "Send again": "Renvoyer",
    "Only the practice owner can change the SMS settings.": "Seul le responsable du cabinet peut modifier les réglages SMS.",
    "Back": "Retour",
    "This month": "Ce mois-ci",
    "%(sent)s SMS parts sent, %(received)s received through your providers this month.": "%(sent)s parts de SMS envoyées, %(received)s reçues via vos fournisseurs ce mois-ci.",
    "(and %(n)s in the local simulator, free)": "(et %(n)s dans le simulateur local, gratuites)",
    "in use": "utilisé",
    "connection OK": "connexion OK",
    "connection failed": "échec de connexion",
    "Last check:": "Dernier test :",
    "Webhook URLs to paste in the provider's console": "URL de webhook à coller dans la console du fournisseur",
    "Test connection": "Tester la connexion",
    "Quiet hours": "Heures calmes",
    "No automated SMS reaches a client in these hours, in the client's own time zone. If you write by hand during them, you are asked to confirm or to schedule.": "Aucun SMS automatique n’arrive à un client pendant ces heures, dans son propre fuseau horaire. Si vous écrivez à la main pendant ces heures, on vous demande de confirmer ou de programmer l’envoi.",
    "Sundays": "dimanches",
    "public holidays": "jours fériés",
    "Only the practice owner can change these settings.": "Seul le responsable du cabinet peut modifier ces réglages.",
    "Quiet hours saved.": "Heures calmes enregistrées.",
    "Unknown action.": "Action inconnue.",
    "This person opted out of SMS: nothing can be sent.": "Cette personne s’est désinscrite des SMS : rien ne peut lui être envoyé.",
    "Sending with:": "Envoi avec :",
    "Username": "Nom d’utilisateur",
    "provider": "fournisseur",
}

# Conversation analysis pages (ancrage/conversations)
FR.update(
    {
        "Conversation analysis": "Analyse de conversation",
        "Analysis": "Analyse",
        "Transcript": "Transcription",
        "Text (Speaker: words), WebVTT (Zoom, Teams, Meet, Whisper), SRT, JSON, JSONL or CSV.": "Texte (Intervenant : propos), WebVTT (Zoom, Teams, Meet, Whisper), SRT, JSON, JSONL ou CSV.",
        "Person assessed": "Personne évaluée",
        "Their name as written in the transcript. Empty: chosen for you, and the reason given.": "Son nom tel qu’écrit dans la transcription. Vide : choisie pour vous, avec la raison.",
        "Conversation language": "Langue de la conversation",
        "Detect": "Détecter",
        "This file is over %(max)d MB. Split the transcript, or use `ancrage analyze`.": "Ce fichier dépasse %(max)d Mo. Découpez la transcription, ou utilisez `ancrage analyze`.",
        "SMS thread with %(name)s": "Échange SMS avec %(name)s",
        "Did the person assessed serve the other (questions about their needs, listening) or try to please (small talk, talking about themselves or their product, assumptions)?": "La personne évaluée a-t-elle servi l’autre (questions sur ses besoins, écoute) ou cherché à plaire (bavardage, parler de soi ou de son produit, suppositions) ?",
        "Analyze": "Analyser",
        "Analyze another conversation": "Analyser une autre conversation",
        "service score": "score de service",
        "Person assessed:": "Personne évaluée :",
        "Three points to work on": "Trois points à travailler",
        "Speakers": "Intervenants",
        "words": "mots",
        "Indicators": "Indicateurs",
        "Indicator": "Indicateur",
        "Value": "Valeur",
        "Points": "Points",
        "Benchmark": "Repère",
        "Conversation": "Conversation",
        "Analyze this thread": "Analyser cet échange",
        "you, the coach of this thread": "vous, le coach de cet échange",
    }
)

ENTRY = re.compile(r'msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr ""\n(?!")', re.M)


def _unquote(block: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)).replace('\\"', '"')


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


FUZZY = re.compile(
    r'#, fuzzy\n(?:#\| .*\n)*(msgid (?:"(?:[^"\\]|\\.)*"\n)+)msgstr (?:"(?:[^"\\]|\\.)*"\n)+'
)


def _unfuzz(text: str) -> str:
    """makemessages guesses translations of new strings from similar ones ("fuzzy"):
    drop the guesses so FR below fills them, instead of shipping a wrong sentence."""
    return FUZZY.sub(lambda m: m.group(1) + 'msgstr ""\n', text)


def main() -> int:
    text = _unfuzz(PO.read_text())
    missing = []

    def fill(match: re.Match[str]) -> str:
        msgid = _unquote(match.group(1))
        if msgid == "":
            return match.group(0)
        if msgid not in FR:
            missing.append(msgid)
            return match.group(0)
        return f"msgid {match.group(1)}msgstr {_quote(FR[msgid])}\n"

    PO.write_text(ENTRY.sub(fill, text).replace("#, fuzzy\n", ""))
    for msgid in missing:
        print("untranslated:", msgid, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
