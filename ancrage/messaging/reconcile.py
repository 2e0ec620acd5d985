"""Sends a dead worker interrupted, settled by asking the provider (issue 14).

A worker killed between its provider call and recording the result leaves the message
`sending`: the SMS may or may not have left. Instead of showing every such message
"to check", the sweep asks the provider what it holds to that number since the claim
(`Provider.find_sent`, e.g. Twilio's Messages list):

  found      -> `sent` with the provider's id, as the send would have recorded it (and
                the status the provider already knows: delivered, failed...);
  not found  -> back to `queued`, the attempt counted: it was never received, so
                sending it now is its first send;
  unknown    -> "to check", as without a lookup (a provider that cannot list, an error,
                a message to that number we cannot tell apart from ours).

Only claims of a worker that is not alive, older than the lease (or the sending
timeout when shorter): the killed process's connection is long closed by then, so no
request of it is still on its way. The lookups run on a few threads, at most BATCH per
sweep and for SECONDS at most: what is left (or did not answer in time) stays `sending`
for the next sweep.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ancrage.messaging import errors
from ancrage.messaging.dispatch import MAX_ATTEMPTS, OPTED_OUT_AT_PROVIDER, outbound_sms
from ancrage.messaging.inbound import apply_status
from ancrage.messaging.models import Message, PartId
from ancrage.messaging.outbound import SIMULATOR, ProviderNotConfigured, cached_provider
from ancrage.messaging.providers.base import (
    OutboundSms,
    Provider,
    SentCopy,
    SentLookup,
    StatusReport,
)

log = logging.getLogger("ancrage.messaging")

BATCH = 100  # interrupted messages looked up per sweep at most
SECONDS = 10.0  # and for this long at most: a slow provider never holds the sweep
THREADS = 4
# Our clock against the provider's, and its timestamps cut to the second (Twilio's).
CLOCK_SKEW = dt.timedelta(seconds=60)
OTHER_BODIES = 200  # our recent messages to the person, to recognise the copies listed
FINAL = {Message.Status.DELIVERED, Message.Status.FAILED, Message.Status.UNDELIVERED}


def none() -> dict[str, int]:
    """What settle_interrupted counts, all zero."""
    return {"reconciled_sent": 0, "requeued": 0, "needs_check": 0, "reconcile_left": 0}


def dead_claims(now: dt.datetime, alive: Collection[str]) -> Q:
    """Messages `sending` for a worker that is not alive, claimed long enough ago that
    nothing it sent can still be on its way.

    Residual risk: a provider whose list lags behind its create (the message accepted,
    not listed yet) would answer "not found" for a message it has, and it would go
    twice. The wait before asking (the lease, 30 s by default) is the margin."""
    margin = dt.timedelta(seconds=min(settings.WORKER_LEASE_SECONDS, settings.SMS_SENDING_TIMEOUT))
    return (
        Q(status=Message.Status.SENDING, claimed_at__lt=now - margin)
        & ~Q(claimed_by="")
        & ~Q(claimed_by__in=list(alive))
    )


def settle_interrupted(
    now: dt.datetime, alive: Collection[str], *, limit: int = 0, seconds: float = 0.0
) -> dict[str, int]:
    """Ask the providers about the interrupted sends of dead workers; how many went each way."""
    limit = limit or BATCH
    deadline = time.monotonic() + (seconds or SECONDS)
    pending = Message.objects.filter(dead_claims(now, alive), direction=Message.Direction.OUTBOUND)
    batch = list(pending.select_related("coachee", "practice").order_by("claimed_at", "id")[:limit])
    tally = none()
    if not batch:
        return tally
    if len(batch) == limit:
        tally["reconcile_left"] = pending.count() - limit
    providers: dict[int, Provider | None] = {}
    lookups = look_up(batch, providers, deadline)
    taken: set[str] = set()  # provider ids given to a message in this sweep
    interrupted = {message.pk for message in batch}
    for message in batch:
        lookup, provider = lookups.get(message.pk), providers.get(message.pk)
        if lookup is None:  # no answer in time: the next sweep asks again
            tally["reconcile_left"] += 1
            continue
        verdict = settle(message, lookup, provider, taken, interrupted)
        tally[verdict] += 1
    log.info("interrupted sends settled: %s", tally)
    return tally


def look_up(
    batch: list[Message], providers: dict[int, Provider | None], deadline: float
) -> dict[int, SentLookup]:
    """Each message's lookup: the simulator here (its handset is a table, read with this
    thread's connection), the others on a few threads until the deadline."""
    lookups: dict[int, SentLookup] = {}
    remote = []
    for message in batch:
        try:
            provider = cached_provider(message.practice, message.provider)
        except ProviderNotConfigured as error:
            providers[message.pk] = None
            lookups[message.pk] = SentLookup.unknown(str(error))
            continue
        providers[message.pk] = provider
        # Since the claim, less the skew: the provider's clock is not ours.
        asked = (outbound_sms(message), (message.claimed_at or timezone.now()) - CLOCK_SKEW)
        if provider.code == SIMULATOR:
            if time.monotonic() < deadline:
                lookups[message.pk] = find_sent(provider, *asked)
        else:
            remote.append((message.pk, provider, asked))
    if not remote:
        return lookups
    pool = ThreadPoolExecutor(min(THREADS, len(remote)), "sms-lookup")
    try:
        futures = {pool.submit(find_sent, provider, *asked): pk for pk, provider, asked in remote}
        done, _ = wait(futures, timeout=max(0.0, deadline - time.monotonic()))
        lookups.update((futures[future], future.result()) for future in done)
    finally:
        # Calls still waiting on the provider finish on their own; their answers are dropped.
        pool.shutdown(wait=False, cancel_futures=True)
    return lookups


def find_sent(provider: Provider, sms: OutboundSms, not_before: dt.datetime) -> SentLookup:
    try:
        return provider.find_sent(sms, not_before)
    except Exception as error:  # a lookup's bug must not hold the sweep: unknown is safe
        log.exception("message %s: lookup at %s failed", sms.message_id, provider.code)
        return SentLookup.unknown(f"{type(error).__name__}: {error}")


# -- one message ---------------------------------------------------------------------------
def settle(
    message: Message,
    lookup: SentLookup,
    provider: Provider | None,
    taken: set[str],
    interrupted: Collection[int] = (),
) -> str:
    """found -> sent, not found -> queued, unknown -> needs_check: the tally's key.
    `interrupted`: this sweep's batch (copies of one text go to them oldest first)."""
    if lookup.copies is None or provider is None:
        return to_check(message, lookup.reason)
    free = unattributed(message, [c for c in lookup.copies if c.provider_message_id not in taken])
    mine = [copy for copy in free if provider.same_text(message.body, copy.body)]
    to_person = Message.objects.filter(
        coachee_id=message.coachee_id, direction=Message.Direction.OUTBOUND
    ).exclude(pk=message.pk)
    if mine:
        # The same text to the same person in a live worker's hands: the copy may be its.
        rivals = to_person.filter(status=Message.Status.SENDING).exclude(pk__in=interrupted)
        if any(
            provider.same_text(message.body, body) for body in rivals.values_list("body", flat=True)
        ):
            return to_check(message, "the same text to this number is being sent now")
        copy = mine[-1]  # the oldest: listed most recent first
        taken.add(copy.provider_message_id)
        return found(message, copy)
    # A copy no message of ours explains may be ours, altered by the provider: not ours
    # to guess. (Ours: another message to the person, in flight or recorded.)
    others = list(to_person.order_by("-created_at").values_list("body", flat=True)[:OTHER_BODIES])
    strangers = [c for c in free if not any(provider.same_text(b, c.body) for b in others)]
    if strangers:
        return to_check(message, f"{len(strangers)} other message(s) to this number since then")
    if message.attempts >= MAX_ATTEMPTS:  # interrupted again and again: the coach decides
        return to_check(message, f"not at the provider after {message.attempts} attempts")
    return requeue(message)


def unattributed(message: Message, copies: list[SentCopy]) -> list[SentCopy]:
    """The copies no other message of ours was recorded with."""
    ids = [copy.provider_message_id for copy in copies]
    if not ids:
        return []
    same = {"practice_id": message.practice_id, "provider": message.provider}
    known = set(
        Message.objects.filter(**same, provider_message_id__in=ids).values_list(
            "provider_message_id", flat=True
        )
    )
    known |= set(
        PartId.objects.filter(provider=message.provider, provider_message_id__in=ids)
        .filter(message__practice_id=message.practice_id)
        .values_list("provider_message_id", flat=True)
    )
    return [copy for copy in copies if copy.provider_message_id not in known]


def still_interrupted(message: Message) -> QuerySet[Message]:
    """The row as the dead worker left it (one sweeper at a time, but a lease can lapse)."""
    return Message.objects.filter(
        pk=message.pk,
        status=Message.Status.SENDING,
        claimed_by=message.claimed_by,
        claimed_at=message.claimed_at,
    )


def found(message: Message, copy: SentCopy) -> str:
    """Recorded as the send would have: sent, the provider's id, its segment count."""
    try:
        with transaction.atomic():
            changed = still_interrupted(message).update(
                status=Message.Status.SENT,
                provider_message_id=copy.provider_message_id,
                sent_at=copy.created_at or timezone.now(),
                segments=copy.segments or message.segments,
                error_code="",
                error_message="",
                claimed_by="",
            )
    except IntegrityError:  # another message of ours was just recorded with that id
        return to_check(message, f"{copy.provider_message_id} is another message's")
    if changed and copy.status in FINAL:  # what its status webhook, maybe given up, said
        report = StatusReport(
            provider_message_id=copy.provider_message_id,
            status=copy.status,
            error_code=copy.error_code,
            error_message=copy.error_message,
            opted_out=(message.provider, copy.error_code) in OPTED_OUT_AT_PROVIDER,
        )
        apply_status(message.practice, message.provider, report)
    return "reconciled_sent"


def requeue(message: Message) -> str:
    """Never received: queued again, the interrupted claim counted as an attempt."""
    still_interrupted(message).update(
        status=Message.Status.QUEUED, claimed_by="", error_code="", error_message=""
    )
    return "requeued"


def to_check(message: Message, reason: str) -> str:
    still_interrupted(message).update(
        status=Message.Status.NEEDS_CHECK,
        error_code=errors.NEEDS_CHECK,
        error_message=f"Worker stopped while sending; {reason}"[:2000],
    )
    return "needs_check"
