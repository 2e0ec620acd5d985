"""The demo practice: a coach and five clients at different stages, with their threads."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ancrage.coaching.models import Coach, Coachee, Engagement, Practice
from ancrage.lib.localtime import first_instant_at, zone
from ancrage.lib.sms_encoding import sms_cost
from ancrage.messaging.models import Message, SimulatedSms

DEMO_SLUG = "demo"
DEMO_LOGIN = "coach"

# (name, phone, language, timezone, stage, intentions, thread) — thread lines are
# (days ago, "in"/"out", text). Written for the demo; any resemblance is fortuitous.
CLIENTS = [
    (
        "Camille Durand",
        "+33612345678",
        "fr",
        "Europe/Paris",
        "active",
        "Oser annoncer mes prix et envoyer mes devis sans attendre.",
        [
            (9, "out", "Bonjour Camille, qu'attends-tu de notre travail ensemble ce mois-ci ?"),
            (9, "in", "Envoyer enfin mes devis. J'en ai 4 qui dorment depuis septembre."),
            (6, "out", "Combien de devis as-tu envoyés cette semaine ?"),
            (6, "in", "3 envoyés ! Et un client a déjà dit oui."),
            (
                6,
                "out",
                "Trois envoyés et un accepté : c'est toi qui as décroché ce oui. Qu'est-ce qui a changé dans ta façon de présenter ton prix ?",
            ),
            (1, "in", "J'ai dit mon tarif sans m'excuser. Ça m'a fait bizarre mais ça a marché."),
        ],
    ),
    (
        "Julien Martin",
        "+33611223344",
        "fr",
        "Europe/Paris",
        "intake",
        "",
        [
            (
                2,
                "out",
                "Bonjour Julien, bienvenue ! Pour commencer : de quoi as-tu besoin dans cet accompagnement ?",
            ),
            (
                1,
                "in",
                "Je voudrais arrêter de brader mes prestations. Je ne sais pas trop par où commencer.",
            ),
        ],
    ),
    (
        "Sophie Bernard",
        "+33622334455",
        "fr",
        "Europe/Paris",
        "closing",
        "Retrouver confiance en réunion commerciale.",
        [
            (
                20,
                "out",
                "Sur une échelle de 1 à 10, quelle est ta confiance avant tes rendez-vous clients ?",
            ),
            (20, "in", "7. Il y a deux mois j'aurais dit 3."),
            (
                3,
                "out",
                "Nous arrivons au terme de notre accompagnement. Qu'est-ce que tu sais faire seule aujourd'hui ?",
            ),
            (
                3,
                "in",
                "Préparer mes questions avant chaque rendez-vous et écouter avant de proposer.",
            ),
        ],
    ),
    (
        "Marc Lefèvre",
        "+33687654321",
        "fr",
        "Europe/Paris",
        "alumni",
        "Relancer l'activité après un hiver difficile.",
        [
            (40, "out", "Belle route Marc, et n'hésite pas à m'écrire quand tu veux."),
            (
                2,
                "in",
                "Merci !! Mes devis sont acceptés les uns après les autres, l'activité repart. Je te dois beaucoup.",
            ),
        ],
    ),
    (
        "Emma Clarke",
        "+447911123456",
        "en",
        "Europe/London",
        "active",
        "Ask for referrals without feeling pushy.",
        [
            (5, "out", "Hi Emma, what would make this week a win for you?"),
            (4, "in", "Asking two happy clients for a referral."),
            (1, "out", "How many referral requests did you send?"),
        ],
    ),
]


def demo_password() -> str:
    """Generated once and kept in the data dir, so every `ancrage demo` prints the same."""
    path = settings.DATA_DIR / "demo_password"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(9))
        path.chmod(0o600)
    return path.read_text().strip()


@transaction.atomic
def ensure_demo() -> tuple[str, str]:
    """Create the demo practice once; later calls change nothing. Returns (login, password)."""
    password = demo_password()
    practice, created = Practice.objects.get_or_create(
        slug=DEMO_SLUG, defaults={"name": "Cabinet Ancrage (démo)"}
    )
    user_model = get_user_model()
    user, user_created = user_model.objects.get_or_create(
        username=DEMO_LOGIN, defaults={"first_name": "Claire", "last_name": "Moreau"}
    )
    if user_created:
        user.set_password(password)
        user.save()
    coach, _ = Coach.objects.get_or_create(
        user=user, defaults={"practice": practice, "role": Coach.Role.OWNER}
    )
    if created:
        for client in CLIENTS:
            _add_client(practice, coach, *client)
    return DEMO_LOGIN, password


def _add_client(practice, coach, name, phone, lang, tz, stage, intentions, thread) -> None:
    coachee = Coachee.objects.create(
        practice=practice, name=name, phone=phone, language=lang, timezone=tz
    )
    started = timezone.localdate() - dt.timedelta(days=60 if stage in ("closing", "alumni") else 12)
    engagement = Engagement.objects.create(
        practice=practice,
        coach=coach,
        coachee=coachee,
        status=stage,
        started_on=started,
        intentions=intentions,
        ended_on=timezone.localdate() - dt.timedelta(days=30) if stage == "alumni" else None,
    )
    for position, (days_ago, direction, text) in enumerate(thread):
        at = daytime(coachee, days_ago, position)
        cost = sms_cost(text)
        if direction == "out":  # the simulator page shows what the client's phone received
            SimulatedSms.objects.create(
                sim_id=f"DEMO-{coachee.pk}-{position}",
                practice_token=practice.webhook_token,
                to=coachee.phone,
                body=text,
                created_at=at,
            )
        Message.objects.create(
            practice=practice,
            coachee=coachee,
            engagement=engagement,
            direction=direction,
            body=text,
            provider="simulator",
            provider_message_id=f"DEMO-{coachee.pk}-{position}",
            status="delivered" if direction == "out" else "received",
            encoding=cost.encoding,
            segments=cost.segments,
            sent_by=coach if direction == "out" else None,
            created_at=at,
            sent_at=at if direction == "out" else None,
            delivered_at=at if direction == "out" else None,
            read_at=None if days_ago <= 2 else at,
        )


def daytime(coachee: Coachee, days_ago: int, position: int) -> dt.datetime:
    """A demo SMS `days_ago` days back, in the morning of the client's own clock (one every
    35 minutes in thread order), moved to the day before while that day is quiet (a Sunday,
    a public holiday): a coach who reads the demo never sees an SMS sent at night."""
    local_zone = zone(coachee.timezone)
    day = timezone.now().astimezone(local_zone).date() - dt.timedelta(days=days_ago)
    wall = (dt.datetime.combine(day, dt.time(10, 0)) + dt.timedelta(minutes=35 * position)).time()
    rules = coachee.practice.quiet_hours()
    at = first_instant_at(day, wall, local_zone)
    for _ in range(7):
        if not rules.is_quiet(at, coachee.timezone):
            break
        day -= dt.timedelta(days=1)
        at = first_instant_at(day, wall, local_zone)
    return at


def latest_awake(coachee: Coachee, at: dt.datetime) -> dt.datetime:
    """`at`, or the latest quarter of an hour before it outside the client's quiet hours."""
    rules = coachee.practice.quiet_hours()
    for _ in range(4 * 24 * 14):
        if not rules.is_quiet(at, coachee.timezone):
            break
        at -= dt.timedelta(minutes=15)
    return at


def mark_history_handled(practice: Practice) -> int:
    """The demo's SMS from clients are history, already read by every handler (triage,
    check-in answers): without this, the worker would read them again at its first start
    and answer last week's SMS (a check-in re-asked, a wrong answer recorded)."""
    unhandled = Message.objects.filter(
        practice=practice, direction=Message.Direction.INBOUND, handled_at__isnull=True
    )
    return unhandled.update(handled_at=F("created_at"))
