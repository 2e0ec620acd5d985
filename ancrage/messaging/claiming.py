"""Which queued messages a worker takes: fair across practices, within each account's
send rate, each row to one worker only (see dispatch.py for the whole pass).

  1. candidates: due `queued` rows ranked round-robin by practice (ROW_NUMBER per
     practice), so one practice's 20,000 check-ins interleave with another's reply; one
     per person, never one whose previous message is still in flight (order kept);
  2. the send rate: per provider account, tokens taken from its ProviderAccount row
     (`next_send_at` is the bucket's clock, shared by every worker and machine);
  3. the claim: one conditional UPDATE queued -> sending (PostgreSQL: FOR UPDATE SKIP
     LOCKED, so workers take different rows; SQLite: one writer at a time anyway).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import F

from ancrage.messaging.models import Message, ProviderAccount

BURST_SECONDS = 1.0  # a rate-limited account may send this many seconds' worth at once

_TABLE = Message._meta.db_table

# The practices with queued messages, one index probe each (a "loose index scan" on the
# partial index message_queued_by_practice): cheap however many messages are queued.
_PRACTICES_SQL = f"""
WITH RECURSIVE queued(practice_id) AS (
    SELECT MIN(practice_id) FROM {_TABLE} WHERE status = 'queued'
    UNION ALL
    SELECT (SELECT MIN(practice_id) FROM {_TABLE}
            WHERE status = 'queued' AND practice_id > queued.practice_id)
    FROM queued WHERE queued.practice_id IS NOT NULL
)
SELECT practice_id FROM queued WHERE practice_id IS NOT NULL"""
# Never while another message to the same person is in flight, whichever worker holds it
# (or a dead one's, until the sweep settles it): a person's messages arrive in order.
_ALONE = (
    f" AND NOT EXISTS (SELECT 1 FROM {_TABLE} AS flying WHERE flying.coachee_id ="
    f" {_TABLE}.coachee_id AND flying.status = 'sending')"
)
# One practice's next due messages, oldest first (the same index, in order).
_NEXT_SQL = (
    f"SELECT * FROM (SELECT id, practice_id, provider, coachee_id FROM {_TABLE}"
    " WHERE status = 'queued' AND practice_id = %s AND (send_after IS NULL OR send_after <= %s)"
    + _ALONE
    + " ORDER BY created_at, id LIMIT %s) AS next_{n}"
)
_turn = [0]  # where this process's next round starts among the practices


# -- what to send, at what rate, claimed -----------------------------------------------
def candidates(
    now: dt.datetime, limit: int, busy: Collection[int] = ()
) -> list[tuple[int, int, str]]:
    """(id, practice, provider) of due messages, the practices taking turns (RapidPro's
    fair queues): at most `limit` practices per call, the next call starting after them;
    one message per person, never one whose previous message is still in flight (their
    order is kept, and nothing is claimed that is not about to be sent)."""
    with connection.cursor() as cursor:
        cursor.execute(_PRACTICES_SQL)
        practices = [int(row[0]) for row in cursor.fetchall()]
        if not practices:
            return []
        start = _turn[0] % len(practices)
        _turn[0] += limit
        chosen = (practices[start:] + practices[:start])[:limit]
        each = max(1, limit // len(chosen))
        sql = " UNION ALL ".join(_NEXT_SQL.format(n=n) for n in range(len(chosen)))
        cursor.execute(sql, [v for p in chosen for v in (p, _db_time(now), each)])
        rows = cursor.fetchall()
    rank = {practice: n for n, practice in enumerate(chosen)}
    turns: dict[int, int] = defaultdict(int)
    ordered = []
    for message_id, practice_id, provider, coachee_id in rows:  # each practice's in order
        turns[practice_id] += 1
        ordered.append((turns[practice_id], rank[practice_id], message_id, provider, coachee_id))
    seen = set(busy)  # people with a message in flight wait for it
    fair = []
    for _, practice_rank, message_id, provider, coachee_id in sorted(ordered):
        if coachee_id not in seen:
            seen.add(coachee_id)
            fair.append((int(message_id), chosen[practice_rank], str(provider)))
    return fair


@dataclass
class Grant:
    """Tokens taken from one account's bucket (account None: no limit)."""

    ids: list[int]
    account_id: int | None = None
    interval: float = 0.0


def grant(account_id: int | None, ids: list[int], now: dt.datetime) -> Grant:
    """Which of `ids` an account may send now (its max_per_minute). The row lock makes
    the bucket exact across workers and machines."""
    if account_id is None:  # no limit: no write lock taken
        return Grant(ids)
    with transaction.atomic():
        account = ProviderAccount.objects.select_for_update().get(pk=account_id)
        if not account.max_per_minute:  # switched off meanwhile
            return Grant(ids)
        interval = 60 / account.max_per_minute
        # An idle account saves up at most BURST_SECONDS' worth, never an hour's.
        slot = max(now - dt.timedelta(seconds=BURST_SECONDS), account.next_send_at or now)
        tokens = max(0, math.floor((now - slot).total_seconds() / interval) + 1)
        granted = ids[:tokens]
        if granted:
            account.next_send_at = slot + dt.timedelta(seconds=len(granted) * interval)
            account.save(update_fields=["next_send_at"])
        return Grant(granted, account_id, interval)


def refund(grants: list[Grant], claimed: set[int]) -> None:
    """Give back the tokens of messages another worker claimed first: a bucket is a
    count, so subtracting what was not used is exact whoever took tokens meanwhile."""
    for given in grants:
        unused = sum(message_id not in claimed for message_id in given.ids)
        if given.account_id is not None and unused:
            ProviderAccount.objects.filter(pk=given.account_id).update(
                next_send_at=F("next_send_at") - dt.timedelta(seconds=unused * given.interval)
            )


def within_rate(rows: list[tuple[int, int, str]], limit: int, now: dt.datetime) -> list[Grant]:
    """The candidates their account's send rate lets go now, per account."""
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for message_id, practice_id, provider in rows:
        groups[(practice_id, provider)].append(message_id)
    if not groups:
        return []
    # The limited accounts among them, in one query (a claim may span many practices).
    limited = {
        (practice_id, provider): pk
        for pk, practice_id, provider in ProviderAccount.objects.filter(
            practice_id__in={practice for practice, _ in groups},
            provider__in={provider for _, provider in groups},
            max_per_minute__gt=0,
        ).values_list("pk", "practice_id", "provider")
    }
    return [grant(limited.get(key), ids[:limit], now) for key, ids in groups.items()]


def claim(ids: list[int], worker_id: str, limit: int, now: dt.datetime) -> list[int]:
    """queued -> sending for at most `limit` of `ids`: a row goes to one worker only."""
    if not ids:
        return []
    update = (
        f"UPDATE {_TABLE} SET status = 'sending', claimed_at = %s, claimed_by = %s,"
        " attempts = attempts + 1"
    )
    alone = _ALONE  # checked again: another worker may have claimed since `candidates`
    if connection.vendor == "postgresql":
        # Rows another worker is claiming are skipped, not waited for. The locking CTE is
        # materialized: a LIMIT inside `IN (...)` may be re-run by the planner and claim more.
        sql = (
            f"WITH picked AS MATERIALIZED (SELECT id FROM {_TABLE} WHERE id = ANY(%s)"
            f" AND status = 'queued'{alone} ORDER BY array_position(%s::bigint[], id) LIMIT %s"
            f" FOR UPDATE SKIP LOCKED) {update} WHERE id IN (SELECT id FROM picked)"
            " RETURNING id"
        )
        params: list = [ids, ids, limit, _db_time(now), worker_id]
    else:  # SQLite has one writer at a time: the first `limit` are ours if still queued
        marks = ", ".join(["%s"] * len(ids[:limit]))
        sql = f"{update} WHERE id IN ({marks}) AND status = 'queued'{alone} RETURNING id"
        params = [_db_time(now), worker_id, *ids[:limit]]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [int(row[0]) for row in cursor.fetchall()]


def _db_time(value: dt.datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)
