"""What a worker does for messaging besides sending, read from the tables (no task rows):
inbound handlers, delivery reports to apply again, long SMS to join, and the sweep."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from ancrage.messaging import errors, reconcile
from ancrage.messaging.models import Message, WebhookEvent
from ancrage.messaging.multipart import assemble_complete, assemble_stale_parts
from ancrage.messaging.outbound import provider_for
from ancrage.messaging.providers.base import WebhookRequest
from ancrage.messaging.webhooks import process_event

log = logging.getLogger("ancrage.messaging")

_TABLE = Message._meta.db_table


# -- inbound handlers ----------------------------------------------------------------------
def claim_inbound(worker_id: str, limit: int) -> list[int]:
    """Unhandled inbound rows for this worker (at least once: a dead worker's claims are
    released by the sweep, and the handlers are idempotent)."""
    pick = (
        f"SELECT id FROM {_TABLE} WHERE direction = 'in' AND handled_at IS NULL"
        " AND claimed_by = '' ORDER BY id LIMIT %s"
    )
    if connection.vendor == "postgresql":  # materialized: see claiming.claim
        sql = (
            f"WITH picked AS MATERIALIZED ({pick} FOR UPDATE SKIP LOCKED) UPDATE {_TABLE}"
            " SET claimed_by = %s, claimed_at = %s WHERE id IN (SELECT id FROM picked)"
            " RETURNING id"
        )
    else:
        sql = f"UPDATE {_TABLE} SET claimed_by = %s, claimed_at = %s WHERE id IN ({pick}) RETURNING id"
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = (
        [limit, worker_id, now] if connection.vendor == "postgresql" else [worker_id, now, limit]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(int(row[0]) for row in cursor.fetchall())


def run_handlers(message_id: int) -> list[str]:
    """Hand a stored inbound SMS to the apps that read replies (settings.INBOUND_HANDLERS,
    dotted paths): messaging knows none of them. Keywords were already acted on."""
    outcomes = []
    for path in settings.INBOUND_HANDLERS:
        try:
            outcomes.append(str(import_string(path)(message_id)))
        except Exception:  # one app's bug must not hold the others' work nor the queue
            log.exception("inbound handler %s failed on message %s", path, message_id)
            outcomes.append("error")
    Message.objects.filter(pk=message_id).update(handled_at=timezone.now(), claimed_by="")
    return outcomes


def handle_pending_inbound(worker_id: str, limit: int = 50) -> int:
    ids = claim_inbound(worker_id, limit)
    for message_id in ids:
        run_handlers(message_id)
    return len(ids)


# -- status reports that came before their send was recorded --------------------------------
def reprocess_due_events(limit: int = 50) -> int:
    due = WebhookEvent.objects.filter(retry_at__lte=timezone.now()).order_by("retry_at")
    done = 0
    for event_id in list(due.values_list("pk", flat=True)[:limit]):
        # Whoever clears retry_at applies it: one worker per retry.
        if WebhookEvent.objects.filter(pk=event_id, retry_at__isnull=False).update(retry_at=None):
            reprocess_event(event_id)
            done += 1
    return done


def reprocess_event(event_id: int) -> None:
    """Apply a stored, already verified webhook again (see webhooks.process_event)."""
    event = WebhookEvent.objects.select_related("practice").get(pk=event_id)
    request = WebhookRequest(event.url, event.method, event.headers, event.body.encode())
    with transaction.atomic():
        process_event(event, provider_for(event.practice, event.provider), request)


def follow_up(worker_id: str) -> int:
    """One pass over the inbound side; how many things were done."""
    return handle_pending_inbound(worker_id) + reprocess_due_events() + assemble_complete()


# -- the sweep (one worker at a time: ancrage.workers takes a lease) ------------------------
def sweep_once(
    now: dt.datetime | None = None, alive: Collection[str] | None = None
) -> dict[str, int]:
    """Repairs after crashes; every step is a conditional UPDATE, safe to repeat.
    `alive`: ids of the workers whose heartbeat is fresh (None: only the timeout counts)."""
    now = now or timezone.now()
    # A dead worker's interrupted sends: the provider is asked first (reconcile.py).
    settled = reconcile.settle_interrupted(now, alive) if alive is not None else reconcile.none()
    return {
        "needs_check": mark_interrupted(now, alive) + settled.pop("needs_check", 0),
        **settled,
        "inbound_released": release_inbound(now, alive) if alive is not None else 0,
        "assembled": assemble_stale_parts(now),
        "webhooks_deleted": delete_old_webhooks(now),
    }


def mark_interrupted(now: dt.datetime, alive: Collection[str] | None) -> int:
    """A send stuck past SMS_SENDING_TIMEOUT: the SMS may or may not have left. Sending
    it again could text it twice: the coach decides. With `alive`, a dead worker's claims
    are reconcile.py's (the provider is asked), and a live worker's call may still be
    pending: only the timeout counts for it."""
    timeout = dt.timedelta(seconds=settings.SMS_SENDING_TIMEOUT)
    stuck = Message.objects.filter(claimed_at__lt=now - timeout, status=Message.Status.SENDING)
    if alive is not None:
        stuck = stuck.filter(Q(claimed_by="") | Q(claimed_by__in=list(alive)))
    return stuck.update(
        status=Message.Status.NEEDS_CHECK,
        error_code=errors.NEEDS_CHECK,
        error_message="Worker stopped while sending.",
    )


def _dead_claim(now: dt.datetime, alive: Collection[str]) -> Q:
    """Claimed by a worker not alive, before its lease could have lapsed (a worker that
    registered after `alive` was read cannot have claims that old)."""
    lease = dt.timedelta(seconds=settings.WORKER_LEASE_SECONDS)
    return ~Q(claimed_by="") & ~Q(claimed_by__in=list(alive)) & Q(claimed_at__lt=now - lease)


def release_inbound(now: dt.datetime, alive: Collection[str]) -> int:
    """Inbound rows a dead worker claimed: handed to the next worker (handlers are
    idempotent: an answer or a triage is recorded once)."""
    claimed = Message.objects.filter(direction=Message.Direction.INBOUND, handled_at__isnull=True)
    return claimed.filter(_dead_claim(now, alive)).update(claimed_by="")


def delete_old_webhooks(now: dt.datetime, batch: int = 10_000) -> int:
    """Raw payloads past WEBHOOK_RETENTION_DAYS (0: kept forever), a batch per sweep.
    The messages they carried stay; only the raw copies go."""
    if settings.WEBHOOK_RETENTION_DAYS <= 0:
        return 0
    cutoff = now - dt.timedelta(days=settings.WEBHOOK_RETENTION_DAYS)
    old = WebhookEvent.objects.filter(received_at__lt=cutoff).order_by("received_at")
    pks = list(old.values_list("pk", flat=True)[:batch])
    return WebhookEvent.objects.filter(pk__in=pks).delete()[0] if pks else 0
