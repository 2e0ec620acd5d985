"""The two INSERTs every inbound webhook makes, in plain SQL.

Why not the ORM here: on the webhook hot path an ORM `create()` costs about five times
the SQL it runs (benchmarks/webhook_load.py), and the duplicate check is better done
by the database itself: `INSERT ... ON CONFLICT DO NOTHING` on the unique constraint
`message_unique_practice_provider_id` (per practice: another practice's id never collides),
so retries and concurrent duplicates give one row with no check-then-insert and no
savepoint. The raw payload is an upsert on its digest: a replay bumps `duplicates` on the
first row instead of adding one. Same SQL on SQLite (>= 3.35) and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.db import connection

from ancrage.messaging.models import Message, WebhookEvent

_EVENT_COLUMNS = (
    "practice_id", "provider", "kind", "url", "method", "attempts", "headers", "body",
    "received_at", "processed_at", "error", "digest", "duplicates",
)  # fmt: skip
_MESSAGE_COLUMNS = (
    "practice_id", "coachee_id", "engagement_id", "direction", "body", "status", "kind",
    "provider", "provider_message_id", "encoding", "segments", "error_code", "error_message",
    "attempts", "created_at", "claimed_by",
)  # fmt: skip


def _insert_sql(table: str, columns: tuple[str, ...], tail: str = "") -> str:
    placeholders = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}){tail}"


_EVENT_TABLE = WebhookEvent._meta.db_table
# A replay keeps the first row, counts itself and records its own outcome (a retry that
# succeeds after a 500 clears the error).
_EVENT_SQL = _insert_sql(
    _EVENT_TABLE,
    _EVENT_COLUMNS,
    " ON CONFLICT (practice_id, digest) WHERE NOT (digest = '') DO UPDATE SET"
    f" duplicates = {_EVENT_TABLE}.duplicates + 1, processed_at = excluded.processed_at,"
    " error = excluded.error RETURNING id",
)
# The conflict target names the partial unique index (practice, provider, provider_message_id).
_MESSAGE_SQL = _insert_sql(
    Message._meta.db_table,
    _MESSAGE_COLUMNS,
    " ON CONFLICT (practice_id, provider, provider_message_id)"
    " WHERE NOT (provider_message_id = '') DO NOTHING RETURNING id",
)


def _when(value: dt.datetime | None) -> Any:
    return connection.ops.adapt_datetimefield_value(value) if value else None


def insert_event(
    raw: dict[str, Any], processed_at: dt.datetime | None, now: dt.datetime, error: str = ""
) -> int:
    """The raw payload's row id: a new row, or the first one when it is a replay."""
    values = [
        raw["practice"].pk, raw["provider"], raw["kind"], raw["url"], raw["method"], 0,
        json.dumps(raw["headers"]), raw["body"], _when(now), _when(processed_at), error,
        raw["digest"], 0,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(_EVENT_SQL, values)
        return int(cursor.fetchone()[0])


def insert_inbound(fields: dict[str, Any]) -> int | None:
    """The new message's id, or None when the provider id is already stored."""
    values = [
        fields["practice_id"], fields["coachee_id"], fields["engagement_id"],
        Message.Direction.INBOUND.value, fields["body"], Message.Status.RECEIVED.value,
        Message.Kind.MANUAL.value, fields["provider"], fields["provider_message_id"],
        fields["encoding"], fields["segments"], "", "", 0, _when(fields["created_at"]), "",
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(_MESSAGE_SQL, values)
        row = cursor.fetchone()
    return int(row[0]) if row else None
