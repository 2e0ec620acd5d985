"""Explicit audit entries for acts that are not a model save (export, erasure, sign-in)."""

from __future__ import annotations

from typing import Any

from django.db import models

from ancrage.audit.models import AuditEntry


def record(
    event: str,
    *,
    practice: Any,
    target: models.Model,
    actor: Any = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """One entry: who (actor; else the request's user, which django-auditlog's middleware
    fills in while a request is served; else nobody: Ancrage itself), did what, to which
    object, in which practice. `detail` must hold no personal data (counts, formats).
    (Its context variable outlives the request, so it is never read directly here.)"""
    return AuditEntry.objects.log_create(
        target,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        event=event,
        practice_id=getattr(practice, "pk", practice),
        actor=actor,
        additional_data=detail or None,
        changes={},
    )
