"""What django-auditlog records, and what it must never copy into the log.

Personal fields (names, numbers, SMS text, intentions) are masked: the log says that a
phone changed, not to what. Secrets and bookkeeping that moves on every send (the send-rate
bucket, connection checks) are left out, so the log reads as what people did.
"""

from __future__ import annotations

from typing import Any

from auditlog.registry import auditlog
from auditlog.signals import pre_log
from django.apps import apps
from django.contrib.auth.signals import user_logged_in

MASK = "•••"

# model label -> register() options
TRACKED: dict[str, dict[str, Any]] = {
    "coaching.Practice": {"exclude_fields": ["webhook_token", "created_at"]},
    "coaching.Coachee": {
        "mask_fields": ["name", "phone", "consent_source"],
        "exclude_fields": ["created_at"],
    },
    "coaching.Engagement": {"mask_fields": ["intentions"]},
    "consent.ConsentEvent": {"mask_fields": ["phone", "detail"]},
    "messaging.ProviderAccount": {
        "exclude_fields": [
            "credentials",
            "next_send_at",
            "last_check_at",
            "last_check_ok",
            "last_check_message",
            "updated_at",
        ],
    },
    "checkins.Program": {"exclude_fields": ["created_at"]},
    "privacy.RetentionSetting": {"exclude_fields": ["updated_at"]},
    # the team and the API: who joined, with which role, who opened a door to the data
    "coaching.Coach": {"include_fields": ["role", "practice", "user"]},
    "team.Invitation": {"include_fields": ["role", "invited_by", "accepted_at", "revoked_at"]},
    "api.ApiToken": {"include_fields": ["name", "coach", "revoked_at"]},
    # Only their creation is logged (see _only_creation): delivery moves are not acts of anyone.
    "messaging.Message": {
        "include_fields": ["direction", "kind", "status", "coachee", "sent_by", "provider"],
    },
}
CREATION_ONLY = {"messaging.Message"}


def mask(value: str) -> str:
    """The whole value hidden (django-auditlog's default keeps half of it)."""
    return "" if value in ("", "None") else MASK


def register_models() -> None:
    for label, options in TRACKED.items():
        model = apps.get_model(label)
        if not auditlog.contains(model):
            auditlog.register(model, mask_callable="ancrage.audit.registry.mask", **options)


def _only_creation(sender: Any, instance: Any, action: int, **kwargs: Any) -> bool | None:
    if sender._meta.label in CREATION_ONLY and action != 0:
        return False  # vetoes the entry
    return None


def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from ancrage.audit.events import record
    from ancrage.audit.models import Event
    from ancrage.coaching.models import Coach

    coach = Coach.objects.filter(user=user).first()
    record(Event.SIGNED_IN, practice=coach.practice if coach else None, target=user, actor=user)


def connect_signals() -> None:
    pre_log.connect(_only_creation, dispatch_uid="ancrage.audit.only_creation")
    user_logged_in.connect(_signed_in, dispatch_uid="ancrage.audit.signed_in")
