"""French for issue 16, everyday use: the client form (mobile, time zone, consent), error
pages, times shown in two clocks, SMS settings wording, analysis pages, the CLI, the admin."""

FR = {
    # client form
    "Time zone": "Fuseau horaire",
    "Type a city to search. Empty: the time zone of the number's country.": (
        "Tapez une ville pour chercher. Vide : le fuseau du pays du numéro."
    ),
    "How did the client agree to receive SMS from you?": (
        "Comment le client a-t-il accepté de recevoir vos SMS ?"
    ),
    "When?": "Quand ?",
    "Kept in the client's consent history, the proof that they agreed.": (
        "Gardé dans l'historique du consentement du client : la preuve de son accord."
    ),
    "%(value)s is a landline or service number: it cannot receive SMS. Give the client's mobile number.": (
        "%(value)s est un numéro fixe ou de service : il ne peut pas recevoir de SMS. Indiquez le "
        "numéro de mobile du client."
    ),
    "Consent cannot have been obtained in the future.": (
        "Le consentement ne peut pas avoir été obtenu dans le futur."
    ),
    "This number's country has several time zones: choose one (%(zones)s).": (
        "Le pays de ce numéro a plusieurs fuseaux horaires : choisissez-en un (%(zones)s)."
    ),
    "This number said STOP to your practice earlier: no SMS will reach it until the client texts START from this phone.": (
        "Ce numéro a déjà répondu STOP à votre cabinet : aucun SMS ne lui parviendra tant que le "
        "client n'aura pas envoyé START depuis ce téléphone."
    ),
    "New note": "Nouvelle note",
    # consent
    "Consent obtained by the coach": "Consentement recueilli par le coach",
    "Orally, in a session or on the phone": "À l'oral, en séance ou au téléphone",
    "In writing (contract, signed form)": "Par écrit (contrat, formulaire signé)",
    "By e-mail": "Par e-mail",
    "By SMS": "Par SMS",
    "Through an online form": "Par un formulaire en ligne",
    "how": "comment",
    "obtained on": "obtenu le",
    "Agreed to receive SMS": "A accepté de recevoir des SMS",
    "on %(day)s": "le %(day)s",
    "recorded by %(name)s": "noté par %(name)s",
    "by %(name)s": "par %(name)s",
    "added by %(who)s": "ajouté par %(who)s",
    "Hello %(user)s,": "Bonjour %(user)s,",
    # two clocks
    "%(theirs)s for %(name)s (%(yours)s for you)": "%(theirs)s pour %(name)s (%(yours)s pour vous)",
    "Messages": "Messages",
    # error pages
    "Page not found": "Page introuvable",
    "This address leads nowhere: the link may be old, or the page belongs to another practice.": (
        "Cette adresse ne mène nulle part : le lien est peut-être ancien, ou la page appartient à "
        "un autre cabinet."
    ),
    "Back to the inbox": "Retour à la boîte de réception",
    "Access refused": "Accès refusé",
    "Your account may not open this page. If you think it should, ask the owner of your practice.": (
        "Votre compte ne peut pas ouvrir cette page. Si vous pensez qu'il devrait, demandez au "
        "responsable de votre cabinet."
    ),
    "Form expired": "Formulaire expiré",
    "This form was open too long, or you signed in elsewhere in the meantime. Go back, reload the page and send it again: nothing was saved.": (
        "Ce formulaire est resté ouvert trop longtemps, ou vous vous êtes connecté ailleurs entre-"
        "temps. Revenez en arrière, rechargez la page et renvoyez-le : rien n'a été enregistré."
    ),
    "Bad request": "Requête invalide",
    "The server could not understand this request. Reload the page and try again.": (
        "Le serveur n'a pas compris cette requête. Rechargez la page et réessayez."
    ),
    "Something went wrong": "Une erreur est survenue",
    "The error was recorded. What you were doing may not have been saved: go back, reload the page and check before doing it again.": (
        "L'erreur a été enregistrée. Ce que vous faisiez n'a peut-être pas été sauvegardé : "
        "revenez en arrière, rechargez la page et vérifiez avant de recommencer."
    ),
    # admin
    "Ancrage administration": "Administration d'Ancrage",
    "Practices, clients and messages": "Cabinets, clients et messages",
    # SMS settings
    "%(sent)s SMS sent and %(received)s received through your providers this month (a long message counts as several SMS).": (
        "%(sent)s SMS envoyés et %(received)s reçus via vos fournisseurs ce mois-ci (un long "
        "message compte pour plusieurs SMS)."
    ),
    "the local SMS simulator (nothing leaves this computer)": (
        "le simulateur SMS local (rien ne quitte cet ordinateur)"
    ),
    "SMS Gateway for Android (your own phone)": "SMS Gateway for Android (votre propre téléphone)",
    "Incoming SMS (inbound)": "SMS reçus (inbound)",
    "Delivery reports (status)": "Accusés de réception (status)",
    "Incoming SMS and delivery reports (events)": "SMS reçus et accusés de réception (events)",
    # analysis pages
    "This file is over %(max)d MB. Split the transcript into several files (one per session) and send them one by one.": (
        "Ce fichier dépasse %(max)d Mo. Découpez la transcription en plusieurs fichiers (un par "
        "séance) et envoyez-les un par un."
    ),
    "%(value)s%%": "%(value)s\u00a0%%",
    "%(value)s to 1": "%(value)s pour 1",
    "%(value)s s": "%(value)s s",
    "This transcript has %(count)s utterances, above the limit of %(max)s per analysis. Split it into several files (one per session) and send them one by one.": (
        "Cette transcription compte %(count)s interventions, au-delà de la limite de %(max)s par "
        "analyse. Découpez-la en plusieurs fichiers (un par séance) et envoyez-les un par un."
    ),
    "The analysis ran over the time allowed for one file (stopped after %(done)s of %(total)s utterances). Split the transcript into several files and send them one by one.": (
        "L'analyse a dépassé le temps accordé à un fichier (arrêtée après %(done)s interventions "
        "sur %(total)s). Découpez la transcription en plusieurs fichiers et envoyez-les un par un."
    ),
    "← Back to the thread with %(name)s": "← Retour à l'échange avec %(name)s",
    # the command line
    "no practice with slug “%(slug)s”": "aucun cabinet avec l'identifiant « %(slug)s »",
    "several practices exist (or none): name one with --practice SLUG": (
        "il y a plusieurs cabinets (ou aucun) : nommez-en un avec --practice SLUG"
    ),
    "no client with number %(phone)s in %(practice)s": (
        "aucun client avec le numéro %(phone)s dans %(practice)s"
    ),
    "queued message %(id)s to %(name)s (%(segments)s SMS, %(encoding)s)": (
        "message %(id)s pour %(name)s mis en file d'envoi (%(segments)s SMS, %(encoding)s)"
    ),
    "received message %(id)s from %(name)s (%(phone)s)": (
        "message %(id)s reçu de %(name)s (%(phone)s)"
    ),
    "error: %(text)s": "erreur : %(text)s",
    "--now “%(value)s” is not an ISO date-time, e.g. 2026-12-07T09:00+01:00": (
        "--now « %(value)s » n'est pas une date-heure ISO, par exemple 2026-12-07T09:00+01:00"
    ),
    "%(name)s has sent no SMS yet: there is nothing to reply to": (
        "%(name)s n'a encore envoyé aucun SMS : il n'y a rien à quoi répondre"
    ),
}

FR.update(
    {
        # the admin: messaging models and fields
        "created on": "créé le",
        "message": "message",
        "messages": "messages",
        "provider account": "compte fournisseur",
        "provider accounts": "comptes fournisseurs",
        "webhook received": "webhook reçu",
        "webhooks received": "webhooks reçus",
        "simulated SMS": "SMS simulé",
        "practice": "cabinet",
        "client": "client",
        "engagement": "accompagnement",
        "direction": "sens",
        "status": "statut",
        "kind": "type",
        "send after": "envoyer après",
        "expires at": "expire le",
        "provider": "fournisseur",
        "provider's message id": "identifiant du message chez le fournisseur",
        "encoding": "encodage",
        "SMS parts": "segments SMS",
        "error code": "code d'erreur",
        "error message": "message d'erreur",
        "attempts": "tentatives",
        "sent by": "envoyé par",
        "created at": "créé le",
        "claimed at": "pris en charge le",
        "claimed by": "pris en charge par",
        "handled at": "traité le",
        "sent at": "envoyé le",
        "delivered at": "remis le",
        "failed at": "échoué le",
        "read at": "lu le",
        "credentials": "identifiants",
        "next send at": "prochain envoi le",
        "last check at": "dernière vérification le",
        "last check OK": "dernière vérification réussie",
        "last check message": "résultat de la dernière vérification",
        "updated at": "mis à jour le",
        "URL": "URL",
        "method": "méthode",
        "headers": "en-têtes",
        "body": "contenu",
        "received at": "reçu le",
        "processed at": "traité le",
        "error": "erreur",
        "digest": "empreinte",
        "duplicates": "doublons",
        "retry at": "nouvel essai le",
        "simulator id": "identifiant du simulateur",
        "practice token": "jeton du cabinet",
        "to": "à",
    }
)
