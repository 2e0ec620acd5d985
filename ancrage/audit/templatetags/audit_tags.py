"""How an audit entry reads on the owner's page."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.audit.models import AuditEntry

register = template.Library()
# Said by the entry itself (its id, its practice): no need to repeat them in the details.
HIDDEN_FIELDS = {"id", "practice"}


@register.filter
def target(entry: AuditEntry) -> str:
    """'Client #12': the kind in the reader's language, and the id."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    kind = str(model._meta.verbose_name) if model else entry.target_kind
    return f"{kind[:1].upper()}{kind[1:]} #{entry.object_pk}"


@register.filter
def actor_name(entry: AuditEntry) -> str:
    if entry.actor is None:
        return _("Ancrage (automatic)")
    return entry.actor.get_full_name() or entry.actor.get_username()


@register.filter
def change_list(entry: AuditEntry) -> list[dict[str, Any]]:
    """Each changed field with its values (personal values are already masked)."""
    changes = entry.changes_dict or {}
    fields = {}
    model = entry.content_type.model_class() if entry.content_type_id else None
    if model:
        fields = {f.name: str(getattr(f, "verbose_name", f.name)) for f in model._meta.fields}
    rows = []
    for name, values in changes.items():
        if name in HIDDEN_FIELDS:
            continue
        old, new = (list(values) + ["", ""])[:2] if isinstance(values, list | tuple) else ("", "")
        rows.append({"field": fields.get(name, name), "old": _shown(old), "new": _shown(new)})
    return rows


@register.filter
def detail_items(entry: AuditEntry) -> list[tuple[str, Any]]:
    data = entry.additional_data
    return sorted(data.items()) if isinstance(data, dict) else []


def _shown(value: Any) -> str:
    return "" if value in (None, "None") else str(value)


DETAIL_LABELS = {
    "messages": gettext_lazy("messages"),
    "answers": gettext_lazy("check-in answers"),
    "journal": gettext_lazy("journal entries"),
    "notes": gettext_lazy("notes"),
    "consent_events": gettext_lazy("consent changes"),
    "engagements": gettext_lazy("engagements"),
    "metric_values": gettext_lazy("metric values"),
    "analyses": gettext_lazy("analyses"),
    "files": gettext_lazy("files"),
    "months": gettext_lazy("retention (months)"),
}


@register.filter
def detail_label(key: str) -> str:
    return str(DETAIL_LABELS.get(key, key))
