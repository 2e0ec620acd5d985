"""The audit log: django-auditlog's entry, with the practice it belongs to and a named event.

Entries never hold a coachee's personal data: personal fields are masked when diffed
(registry.py) and the object is named by its kind and id, not by its __str__, so an
erasure leaves nothing behind here and the entries themselves never need rewriting.
Append-only from the app: the model refuses updates and deletes; the admin is read-only.
"""

from __future__ import annotations

from typing import Any

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class Event(models.TextChoices):
    CREATED = "created", _("Record created")
    UPDATED = "updated", _("Record changed")
    DELETED = "deleted", _("Record deleted")
    SMS_SENT = "sms_sent", _("SMS sent")
    SMS_RECEIVED = "sms_received", _("SMS received")
    CONSENT_CHANGED = "consent_changed", _("Consent changed")
    EXPORTED = "exported", _("Client data exported")
    ERASED = "erased", _("Client data erased")
    ANONYMISED = "anonymised", _("Client anonymised (retention)")
    SIGNED_IN = "signed_in", _("Signed in")


MODEL_EVENTS = {0: Event.CREATED, 1: Event.UPDATED, 2: Event.DELETED}


def neutral_repr(instance: models.Model) -> str:
    """'coachee #12': says what the object is without its name, phone or text."""
    return f"{instance._meta.model_name} #{instance.pk}"


def own_fields(instance: models.Model, changes: dict[str, Any]) -> dict[str, Any]:
    """A creation lists every field, reverse relations too ("journal: None"): keep the
    model's own columns."""
    names = {f.name for f in instance._meta.concrete_fields}
    return {name: value for name, value in changes.items() if name in names}


def practice_id_of(instance: models.Model) -> int | None:
    if instance._meta.label == "coaching.Practice":
        return instance.pk
    return getattr(instance, "practice_id", None)


class AuditEntryManager(LogEntryManager):
    def log_create(self, instance: Any, force_log: bool = False, **kwargs: Any) -> Any:
        """django-auditlog's entry point for every model change: adds the tenant and the
        event, and replaces the object's __str__ (a coachee's name) by a neutral one."""
        kwargs["object_repr"] = neutral_repr(instance)
        if isinstance(kwargs.get("changes"), dict):
            kwargs["changes"] = own_fields(instance, kwargs["changes"])
        kwargs.setdefault("practice_id", practice_id_of(instance))
        kwargs.setdefault("event", event_for(instance, kwargs.get("action")))
        return super().log_create(instance, force_log=force_log, **kwargs)


def event_for(instance: Any, action: int | None) -> str:
    label = instance._meta.label
    if label == "messaging.Message" and action == 0:
        return Event.SMS_SENT if instance.direction == "out" else Event.SMS_RECEIVED
    if label == "consent.ConsentEvent":
        return Event.CONSENT_CHANGED
    return MODEL_EVENTS.get(action if action is not None else -1, Event.UPDATED)


# django-auditlog's own field names: it ships no French, so our catalogue has them.
LIBRARY_FIELD_NAMES = (
    gettext_noop("object pk"),
    gettext_noop("object representation"),
    gettext_noop("action"),
    gettext_noop("actor"),
    gettext_noop("Correlation ID"),
    gettext_noop("remote address"),
    gettext_noop("remote port"),
    gettext_noop("timestamp"),
    gettext_noop("additional data"),
    gettext_noop("actor email"),
)


class AuditEntry(AbstractLogEntry):
    practice = models.ForeignKey(
        "coaching.Practice",
        on_delete=models.CASCADE,  # a practice's log goes with the practice
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("practice"),
    )
    event = models.CharField(_("event"), max_length=20, choices=Event.choices, db_index=True)
    # Unnamed in django-auditlog (and unused here: serialize_data is off): named for the admin.
    serialized_data = models.JSONField(_("serialized data"), null=True)

    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["practice", "-timestamp"], name="audit_practice_time")]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("audit entries are append-only")

    @property
    def target_kind(self) -> str:
        return self.object_repr.split(" #", 1)[0]
