"""The SMS dispatcher: due outbound rows claimed from the Message table (claiming.py),
checked at the last moment, sent concurrently, results recorded as they come back.

The Message table is the queue: no task row per SMS. A pass keeps up to DISPATCH_BATCH
provider calls in flight on a thread pool, claiming more as calls return, for at most
DISPATCH_SLICE seconds (then the worker runs its tasks and inbound handlers, and comes
back). Claimed is as good as in flight: a worker killed with SIGKILL leaves at most
DISPATCH_BATCH rows `sending`, which the sweep settles by asking the provider
(reconcile.py), "to check" when it cannot tell (never re-sent blindly).
A message is sent at most once: only the worker whose claim changed the row sends it.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from ancrage.consent.models import PhoneConsent
from ancrage.messaging import errors
from ancrage.messaging.claiming import candidates, claim, refund, within_rate
from ancrage.messaging.models import Message, PartId
from ancrage.messaging.optout import opt_out_reported_by_provider
from ancrage.messaging.outbound import (
    SIMULATOR,
    ProviderNotConfigured,
    cached_provider,
    next_allowed,
    webhook_url,
)
from ancrage.messaging.providers.base import OutboundSms, Provider, ProviderError, SendResult
from ancrage.messaging.providers.simulator import signed_request
from ancrage.messaging.webhooks import handle_webhook_request

log = logging.getLogger("ancrage.messaging")

MAX_ATTEMPTS = 5
OPTED_OUT_AT_PROVIDER = {("twilio", "21610")}
DISPATCH_SLICE = 2.0  # seconds a pass keeps claiming before the worker's other duties
GATHER_SECONDS = 0.005

_TABLE = Message._meta.db_table
_SENT_SQL = (
    f"UPDATE {_TABLE} SET status = 'sent', provider_message_id = %s, sent_at = %s,"
    " error_code = '', error_message = '', segments = %s, claimed_by = ''"
    " WHERE id = %s AND status IN ('sending', 'needs_check')"
)
# A delivery report raced ahead of our write: its status stays, the id is recorded.
_ID_SQL = f"UPDATE {_TABLE} SET provider_message_id = %s WHERE id = %s AND provider_message_id = ''"
# The same two writes on PostgreSQL, one statement each for a whole group: row by row, each
# SMS cost two statements' round of parse, plan and pipeline (12 % of a worker's CPU).
_SENT_ALL_SQL = (
    f"UPDATE {_TABLE} AS m SET status = 'sent', provider_message_id = v.sid, sent_at = %s,"
    " error_code = '', error_message = '', segments = v.segments, claimed_by = ''"
    " FROM unnest(%s::bigint[], %s::text[], %s::int[]) AS v(id, sid, segments)"
    " WHERE m.id = v.id AND m.status IN ('sending', 'needs_check')"
)
_ID_ALL_SQL = (
    f"UPDATE {_TABLE} AS m SET provider_message_id = v.sid"
    " FROM unnest(%s::bigint[], %s::text[]) AS v(id, sid)"
    " WHERE m.id = v.id AND m.provider_message_id = ''"
)


@dataclass
class Outcome:
    message: Message
    result: SendResult | None = None
    error: BaseException | None = None


# -- claimed, then the last gates ------------------------------------------------------------
def claim_due(worker_id: str, limit: int, busy: set[int]) -> tuple[int, list[Message]]:
    """(how many rows were claimed, those that may go now; -1: nothing to claim now, or
    nothing the send rates allow). `busy`: people with a message in flight."""
    now = timezone.now()
    # More candidates than the batch: other workers may be claiming the first ones.
    rows = candidates(now, limit * 4, busy)
    grants = within_rate(rows, limit, now)
    allowed = {message_id for given in grants for message_id in given.ids}
    if not allowed:
        return -1, []
    ids = claim([row[0] for row in rows if row[0] in allowed], worker_id, limit, now)
    refund(grants, set(ids))
    if not ids:  # other workers took them first: look again
        return 0, []
    claimed = list(Message.objects.select_related("coachee", "practice").filter(pk__in=ids))
    opted_out = opted_out_numbers(claimed)
    return len(ids), [m for m in claimed if not gate(m, now, opted_out)]


def opted_out_numbers(messages: list[Message]) -> dict[tuple[int, str], dt.datetime]:
    """(practice, phone) -> when it opted out, for a batch, read now: one indexed query
    (the number's consent, never the copy on the coachee row)."""
    phones = {m.coachee.phone for m in messages}
    practices = {m.practice_id for m in messages}
    rows = PhoneConsent.objects.filter(
        opted_out=True, practice_id__in=practices, phone__in=phones
    ).values_list("practice_id", "phone", "changed_at")
    return {(practice, phone): at for practice, phone, at in rows}


def gate(message: Message, now: dt.datetime, opted_out: dict[tuple[int, str], dt.datetime]) -> str:
    """ "" when the message may go now; else why not (and the row is already updated)."""
    since = opted_out.get((message.practice_id, message.coachee.phone))
    # The STOP confirmation, created after the opt-out it confirms, is the only exception.
    confirms = message.kind == Message.Kind.STOP_CONFIRMATION
    if since is not None and not (confirms and message.created_at >= since):
        fail(message, errors.OPTED_OUT, "The recipient opted out of SMS.")
        return "opted_out"
    if message.expires_at and message.expires_at <= now:
        fail(message, errors.EXPIRED, "Not sent before its validity period ended.")
        return "expired"
    if message.kind == Message.Kind.AUTOMATED:
        allowed = next_allowed(message.coachee, now)
        if allowed > now:
            release(message, allowed)
            return "quiet_hours"
    return ""


def release(message: Message, at: dt.datetime) -> None:
    """Back to queued until `at`, the claim not counted as an attempt."""
    Message.objects.filter(pk=message.pk, status=Message.Status.SENDING).update(
        status=Message.Status.QUEUED, send_after=at, attempts=F("attempts") - 1, claimed_by=""
    )


def fail(message: Message, code: str, text: str) -> None:
    Message.objects.filter(
        pk=message.pk, status__in=[Message.Status.QUEUED, Message.Status.SENDING]
    ).update(
        status=Message.Status.FAILED,
        error_code=code,
        error_message=text,
        failed_at=timezone.now(),
        claimed_by="",
    )


# -- the provider calls ----------------------------------------------------------------------
def outbound_sms(message: Message) -> OutboundSms:
    return OutboundSms(
        message_id=message.pk,
        to=message.coachee.phone,
        body=message.body,
        status_callback_url=webhook_url(message.practice, message.provider, "status"),
    )


def call(provider: Provider, message: Message) -> Outcome:
    try:
        return Outcome(message, result=provider.send(outbound_sms(message)))
    except Exception as error:  # recorded below: a ProviderError is retried or failed
        return Outcome(message, error=error)


def start(message: Message, pool: Executor | None, flight: dict[Future, Message]) -> None:
    """Hand one message to its provider: on the pool, or here for the simulator (which
    writes rows) and when there is no pool."""
    try:
        provider = cached_provider(message.practice, message.provider)
    except ProviderNotConfigured as error:
        fail(message, errors.NOT_CONFIGURED, str(error))
        return
    if pool is None or provider.code == SIMULATOR:
        record([call(provider, message)])
    else:
        flight[pool.submit(call, provider, message)] = message


# -- results -----------------------------------------------------------------------------------
def record(outcomes: list[Outcome]) -> None:
    """Write a group of results in one transaction; then the simulator's delivery reports."""
    sent = [o for o in outcomes if o.result is not None]
    with transaction.atomic():
        relaxed_commit()
        mark_all_sent(sent)
        for outcome in outcomes:
            if isinstance(outcome.error, ProviderError):
                handle_error(outcome.message, outcome.error)
            elif outcome.error is not None:  # a bug after the call? It may have left.
                log.error("message %s: %r", outcome.message.pk, outcome.error)
                Message.objects.filter(pk=outcome.message.pk, status="sending").update(
                    status=Message.Status.NEEDS_CHECK,
                    error_code=errors.NEEDS_CHECK,
                    error_message=f"{type(outcome.error).__name__}: {outcome.error}"[:2000],
                )
    for outcome in sent:
        if outcome.message.provider == SIMULATOR and outcome.result:
            report_simulated_delivery(outcome.message, outcome.result.provider_message_id)


def relaxed_commit() -> None:
    """PostgreSQL: this transaction's commit need not wait for the disk. Safe for results
    only: a database crash could lose the last few ones, which then show "to check"
    (never sent twice). Claims stay durable: they are what prevents a second send."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def mark_all_sent(outcomes: list[Outcome]) -> None:
    """sending (or needs_check: a slow provider answered after the sweep) -> sent, in two
    statements for the whole group."""
    if not outcomes:
        return
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    done = [(o.message, o.result) for o in outcomes if o.result is not None]
    rows = [(m.pk, r.provider_message_id, r.segments or m.segments) for m, r in done]
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            ids, sids, segments = (list(column) for column in zip(*rows, strict=True))
            cursor.execute(_SENT_ALL_SQL, [now, ids, sids, segments])
            cursor.execute(_ID_ALL_SQL, [ids, sids])
        else:  # SQLite: statements run in-process, row by row costs nothing more
            cursor.executemany(_SENT_SQL, [(sid, now, n, pk) for pk, sid, n in rows])
            cursor.executemany(_ID_SQL, [(sid, pk) for pk, sid, _ in rows])
    for message, result in done:
        for part_id in result.provider_part_ids[1:]:
            PartId.objects.get_or_create(
                message=message, provider=message.provider, provider_message_id=part_id
            )


def mark_sent(message: Message, result: SendResult) -> None:
    with transaction.atomic():
        mark_all_sent([Outcome(message, result=result)])


def handle_error(message: Message, error: ProviderError) -> str:
    if (message.provider, error.code) in OPTED_OUT_AT_PROVIDER:
        opt_out_reported_by_provider(message.coachee, message.provider, error.code)
    if error.permanent:
        fail(message, error.code, str(error))
        return "failed"
    if message.attempts >= MAX_ATTEMPTS:
        fail(message, errors.GAVE_UP, f"{error.code}: {error}")
        return "failed"
    backoff = settings.SMS_RETRY_BASE_SECONDS * 2 ** (message.attempts - 1)
    retry_at = timezone.now() + dt.timedelta(seconds=backoff)
    Message.objects.filter(pk=message.pk, status=Message.Status.SENDING).update(
        status=Message.Status.QUEUED,
        error_code=error.code,
        error_message=str(error),
        send_after=retry_at,
        claimed_by="",
    )
    log.info("message %s: transient error %s, retry at %s", message.pk, error.code, retry_at)
    return "retrying"


def report_simulated_delivery(message: Message, sim_id: str) -> None:
    """The simulator's carrier reports delivery, through the regular webhook path."""
    url = webhook_url(message.practice, SIMULATOR, "status")
    handle_webhook_request(
        signed_request(url, {"MessageSid": sim_id, "MessageStatus": "delivered"})
    )


# -- one pass ----------------------------------------------------------------------------------
def dispatch_once(
    worker_id: str, pool: Executor | None = None, limit: int = 0, seconds: float = DISPATCH_SLICE
) -> int:
    """Keep up to `limit` provider calls in flight, claiming more as they return, until
    nothing is due or `seconds` have passed; how many messages were claimed."""
    limit = limit or settings.DISPATCH_BATCH
    flight: dict[Future, Message] = {}
    claimed, exhausted, tries = 0, False, 0
    stop_claiming = time.monotonic() + seconds
    while True:
        free = limit - len(flight)
        # Once at least; then within the slice, even when every claim was lost to other
        # workers (the sweep and the tasks must get their turn whatever happens here).
        may_claim = not tries or time.monotonic() < stop_claiming
        if not exhausted and may_claim and free >= max(1, limit // 2):
            busy = {message.coachee_id for message in flight.values()}
            count, ready = claim_due(worker_id, free, busy)
            claimed, exhausted, tries = claimed + max(0, count), count < 0, tries + 1
            for message in ready:
                start(message, pool, flight)
            continue
        if not flight:
            return claimed
        wait(flight, return_when=FIRST_COMPLETED)
        # Let the calls finishing together land in the same transaction.
        done, _ = wait(flight, timeout=GATHER_SECONDS)
        record([future.result() for future in done])
        for future in done:
            flight.pop(future)
