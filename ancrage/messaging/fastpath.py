"""The INSERTs every inbound webhook makes, in plain SQL.

Why not the ORM here: on the webhook hot path an ORM `create()` costs about five times
the SQL it runs (benchmarks/webhook_load.py), and the duplicate check is better done
by the database itself: `INSERT ... ON CONFLICT DO NOTHING` on the unique constraint
`message_unique_practice_provider_id` (per practice: another practice's id never collides),
so retries and concurrent duplicates give one row with no check-then-insert and no
savepoint. The raw payload is an upsert on its digest: a replay bumps `duplicates` on the
first row instead of adding one. Same SQL on SQLite (>= 3.35) and PostgreSQL.

The common webhook, one plain SMS from a number the practice knows (`record_plain_inbound`),
is written without a lookup: its coachee comes from a per-process cache
(inbound.cached_sender), and the INSERTs themselves check that this coachee still has
that number in that practice (else nothing is written: `SenderChanged`, and the webhook
takes the general path with a fresh lookup) and pick the current engagement. So no cache
sends an SMS to a person who no longer has the number, in any process. On PostgreSQL both
INSERTs are one statement (data-modifying CTEs) committed on its own in autocommit,
durably (synchronous_commit stays on): one round trip instead of BEGIN, two INSERTs and
COMMIT. SQLite has no INSERT in a CTE: there the webhooks of a process commit in groups,
taking turns with the other processes (below). Durability is the database's setting: on
SQLite (WAL, synchronous=NORMAL in settings.py) a commit survives a crash of the process,
not a power cut (the WAL is synced at checkpoints); syncing every webhook's commit (FULL)
halved the webhook's throughput on the development machine (docs/dispatch.md, Webhooks).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import psycopg
from django.db import OperationalError, connection, transaction

from ancrage.coaching.models import Coachee, Engagement
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
_EVENT_CONFLICT = (
    " ON CONFLICT (practice_id, digest) WHERE NOT (digest = '') DO UPDATE SET"
    f" duplicates = {_EVENT_TABLE}.duplicates + 1, processed_at = excluded.processed_at,"
    " error = excluded.error RETURNING id"
)
_EVENT_SQL = _insert_sql(_EVENT_TABLE, _EVENT_COLUMNS, _EVENT_CONFLICT)
# The conflict target names the partial unique index (practice, provider, provider_message_id).
_MESSAGE_CONFLICT = (
    " ON CONFLICT (practice_id, provider, provider_message_id)"
    " WHERE NOT (provider_message_id = '') DO NOTHING RETURNING id"
)
_MESSAGE_SQL = _insert_sql(Message._meta.db_table, _MESSAGE_COLUMNS, _MESSAGE_CONFLICT)


# A plain SMS from a cached sender: both rows only if the coachee still has the number in the
# practice (params: coachee id, practice id, phone), the message with the current engagement
# (param: coachee id; Coachee.current_engagement's order).
_SENDER_STILL_THERE = (
    f"EXISTS (SELECT 1 FROM {Coachee._meta.db_table}"
    " WHERE id = %s AND practice_id = %s AND phone = %s)"
)
_CURRENT_ENGAGEMENT = (
    f"(SELECT id FROM {Engagement._meta.db_table} WHERE coachee_id = %s"
    " ORDER BY started_on DESC, id DESC LIMIT 1)"
)


def _guarded_insert_sql(table: str, columns: tuple[str, ...], tail: str, **exprs: str) -> str:
    """INSERT ... SELECT <values> WHERE <sender still there> <tail>: a column named in
    `exprs` takes that SQL instead of a placeholder."""
    values = ", ".join(exprs.get(column, "%s") for column in columns)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values}"
        f" WHERE {_SENDER_STILL_THERE}{tail}"
    )


_PLAIN_EVENT_SQL = _guarded_insert_sql(_EVENT_TABLE, _EVENT_COLUMNS, _EVENT_CONFLICT)
_PLAIN_MESSAGE_SQL = _guarded_insert_sql(
    Message._meta.db_table,
    _MESSAGE_COLUMNS,
    _MESSAGE_CONFLICT,
    engagement_id=_CURRENT_ENGAGEMENT,
)
# PostgreSQL: both in one statement; the event's id is NULL when the sender changed, the
# message's when the provider id is already stored (a retry). It runs as a prepared statement
# (server-side parameters, `_prepared_cursor`), so the headers say they are JSON: a parameter
# of an INSERT ... SELECT takes no type from its column.
_PLAIN_BOTH_SQL = (
    "WITH event AS ({}), message AS ({}) SELECT (SELECT id FROM event), (SELECT id FROM message)"
).format(
    _guarded_insert_sql(_EVENT_TABLE, _EVENT_COLUMNS, _EVENT_CONFLICT, headers="%s::jsonb"),
    _PLAIN_MESSAGE_SQL,
)


class SenderChanged(Exception):
    """The cached coachee of a number no longer has it: nothing was written."""


def _when(value: dt.datetime | None) -> Any:
    return connection.ops.adapt_datetimefield_value(value) if value else None


def _event_values(
    raw: dict[str, Any], processed_at: dt.datetime | None, now: dt.datetime, error: str
) -> list[Any]:
    return [
        raw["practice"].pk, raw["provider"], raw["kind"], raw["url"], raw["method"], 0,
        json.dumps(raw["headers"]), raw["body"], _when(now), _when(processed_at), error,
        raw["digest"], 0,
    ]  # fmt: skip


def _message_values(fields: dict[str, Any]) -> list[Any]:
    return [
        fields["practice_id"], fields["coachee_id"], fields["engagement_id"],
        Message.Direction.INBOUND.value, fields["body"], Message.Status.RECEIVED.value,
        Message.Kind.MANUAL.value, fields["provider"], fields["provider_message_id"],
        fields["encoding"], fields["segments"], "", "", 0, _when(fields["created_at"]), "",
    ]  # fmt: skip


def insert_event(
    raw: dict[str, Any], processed_at: dt.datetime | None, now: dt.datetime, error: str = ""
) -> int:
    """The raw payload's row id: a new row, or the first one when it is a replay."""
    with connection.cursor() as cursor:
        cursor.execute(_EVENT_SQL, _event_values(raw, processed_at, now, error))
        return int(cursor.fetchone()[0])


def insert_inbound(fields: dict[str, Any]) -> int | None:
    """The new message's id, or None when the provider id is already stored."""
    with connection.cursor() as cursor:
        cursor.execute(_MESSAGE_SQL, _message_values(fields))
        row = cursor.fetchone()
    return int(row[0]) if row else None


def record_plain_inbound(
    raw: dict[str, Any], fields: dict[str, Any], now: dt.datetime
) -> int | None:
    """The raw payload (processed at `now`) and the SMS it carries, both or neither, durably
    written when this returns; the new message's id, or None when the provider id is already
    stored. `fields` as for `insert_inbound`, plus `phone`: the number `coachee_id` must
    still have (else SenderChanged, nothing written); the engagement is the current one.

    PostgreSQL: one statement, its own transaction (in a savepoint inside a caller's
    transaction, so that a failure leaves that one usable). SQLite: in the transaction of
    the group this webhook joins (`_group_commit`), or in a savepoint of the caller's."""
    event, message = _plain_values(raw, fields, now)
    if connection.vendor == "postgresql":
        with transaction.atomic() if connection.in_atomic_block else nullcontext():
            with _prepared_cursor() as cursor:
                cursor.execute(_PLAIN_BOTH_SQL, event + message)
                event_id, message_id = cursor.fetchone()
        if event_id is None:
            raise SenderChanged(fields["phone"])
        return None if message_id is None else int(message_id)
    if connection.vendor != "sqlite" or connection.in_atomic_block or _turn_held():
        with transaction.atomic():
            written = _insert_plain(event, message)
    else:
        written = _group_commit(_Pending(event, message))
    if written is None:
        raise SenderChanged(fields["phone"])
    return written[1]


def _prepared_cursor() -> Any:
    """A Django cursor (errors, transactions and query logging as usual) whose parameters are
    bound by the server, so that psycopg prepares a statement run often on a connection
    (its prepare_threshold, 5 by default) and PostgreSQL stops parsing and planning it for each
    webhook: that was a third of PostgreSQL's time per webhook (docs/dispatch.md, Webhooks).
    ANCRAGE_PG_PREPARED=0 turns preparing off (settings.py), e.g. behind a PgBouncer older than
    1.21 in transaction mode, which cannot follow prepared statements."""
    connection.ensure_connection()
    raw: Any = psycopg.Cursor(connection.connection)  # not Django's ClientCursor (client-side)
    return (
        connection.make_debug_cursor(raw)
        if connection.queries_logged
        else connection.make_cursor(raw)
    )


def _plain_values(
    raw: dict[str, Any], fields: dict[str, Any], now: dt.datetime
) -> tuple[list[Any], list[Any]]:
    """The parameters of _PLAIN_EVENT_SQL and _PLAIN_MESSAGE_SQL."""
    guard = [fields["coachee_id"], fields["practice_id"], fields["phone"]]
    message = _message_values(fields)
    message[2] = fields["coachee_id"]  # the current engagement's, looked up by the INSERT
    return _event_values(raw, now, now, "") + guard, message + guard


def _insert_plain(event: list[Any], message: list[Any]) -> tuple[int, int | None] | None:
    """(event id, message id or None for a retry), or None when the sender changed."""
    with connection.cursor() as cursor:
        cursor.execute(_PLAIN_EVENT_SQL, event)
        event_row = cursor.fetchone()
        if event_row is None:
            return None
        cursor.execute(_PLAIN_MESSAGE_SQL, message)
        row = cursor.fetchone()
    return int(event_row[0]), (int(row[0]) if row else None)


# -- SQLite: webhooks take turns, and commit in groups -----------------------------------------
# SQLite has one writer at a time. A transaction that finds the write lock taken sleeps in
# SQLite's busy handler (1, 2, 5, 10, 15, 20, 25... ms, whatever the holder needs, a few
# hundred microseconds), so with 8 server threads in 2 processes most of a webhook's time was
# spent asleep beside a free lock. Webhooks take turns instead: a thread lock in the
# process, then an flock on a file beside the database across processes; a waiter is woken
# the moment the turn is free. Other writers (the worker, the pages) still meet SQLite's own
# lock as before: the turn only orders webhooks among themselves, it never replaces it.
#
# Plain SMS (record_plain_inbound) also commit in groups, as PostgreSQL does with its WAL
# flushes: each thread queues its rows; whoever gets the turn writes every row queued in this
# process by then in one transaction, and each thread answers once its rows are committed.
# One commit, one turn and one set of index pages for several webhooks; alone, a webhook is
# a group of one. A group that fails is written again one webhook at a time, so that each
# gets its own outcome (a duplicate is not a failure: ON CONFLICT).
_turn_lock = threading.Lock()
_turn = threading.local()
_turn_file: dict[str, int] = {}  # lock file path -> descriptor, in this process
GROUP_MAX = 32


class _Pending:
    """One webhook's rows, queued for a group; `done` once its group is committed (or not:
    `error`)."""

    __slots__ = ("done", "error", "event", "message", "written")

    def __init__(self, event: list[Any], message: list[Any]) -> None:
        self.event, self.message = event, message
        self.done = False
        self.written: tuple[int, int | None] | None = None
        self.error: BaseException | None = None


class _Groups:
    """This process's queue of rows to commit, and whether a thread is writing them."""

    def __init__(self) -> None:
        self.changed = threading.Condition(threading.Lock())
        self.queue: list[_Pending] = []
        self.writing = False


_groups = _Groups()


def _reset_after_fork() -> None:
    global _turn_lock, _turn, _groups
    # The parent's locks may be held by its threads, and its queue is theirs to answer.
    _turn_lock, _turn, _groups = threading.Lock(), threading.local(), _Groups()
    for fd in _turn_file.values():
        os.close(fd)  # a child's flock must be its own, not shared with its parent's
    _turn_file.clear()


os.register_at_fork(after_in_child=_reset_after_fork)


def turn_file_path() -> str | None:
    """The file whose flock orders webhooks across processes: beside the database."""
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return name + ".webhooks.lock"


def _turn_fd() -> int | None:
    path = turn_file_path()
    if path is None:
        return None
    fd = _turn_file.get(path)
    if fd is None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            return None  # threads of this process still take turns
        _turn_file[path] = fd
    return fd


def _turn_held() -> bool:
    return bool(getattr(_turn, "held", False))


@contextmanager
def _sqlite_turn() -> Iterator[None]:
    with _turn_lock:
        fd = _turn_fd()
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without flock: the threads of this process still do
            fd = None
        _turn.held = True
        try:
            yield
        finally:
            _turn.held = False
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def webhook_write() -> Iterator[None]:
    """Around a webhook's write: on SQLite, outside a transaction, wait for this webhook's
    turn. Nothing elsewhere (PostgreSQL writes concurrently; inside a caller's transaction the
    write lock is either held already or taken by that transaction)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block or _turn_held():
        yield
        return
    with _sqlite_turn():
        yield


def _group_commit(pending: _Pending) -> tuple[int, int | None] | None:
    groups = _groups
    with groups.changed:
        groups.queue.append(pending)
        while groups.writing and not pending.done:
            groups.changed.wait()
        writes = not pending.done  # nobody is writing: this thread writes every queued row
        groups.writing = groups.writing or writes
    if writes:
        try:
            with _sqlite_turn():
                while not pending.done:
                    with groups.changed:
                        group = groups.queue[:GROUP_MAX]
                        del groups.queue[:GROUP_MAX]
                    _write_group(group)
        finally:
            with groups.changed:
                groups.writing = False
                groups.changed.notify_all()  # the rows written answer; the rest elect a writer
    if pending.error is not None:
        raise pending.error
    return pending.written


def _write_group(group: list[_Pending]) -> None:
    try:
        with transaction.atomic():
            written = [_insert_plain(item.event, item.message) for item in group]
    except OperationalError as exc:  # the database, not a row (locked, disk...): all fail
        for item in group:
            item.error = exc
    except Exception as exc:
        if len(group) > 1:  # a row that fails spoils the group: each alone, its own outcome
            for item in group:
                _write_group([item])
            return
        group[0].error = exc
    except BaseException as exc:  # the thread is stopping: the others must not wait for it
        for item in group:
            item.error = exc
        raise
    else:
        for item, rows in zip(group, written, strict=True):
            item.written = rows
    finally:
        for item in group:
            item.done = True
