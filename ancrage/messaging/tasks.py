"""Background work (Django Tasks, database backend): the same code on SQLite and PostgreSQL.

deliver_message is the lowest sending layer: every SMS we send goes through it, and
it is where the opt-out, the validity period, quiet hours and the send rate are
enforced, right before the provider call.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from ancrage.messaging import errors
from ancrage.messaging.models import Message, PartId, ProviderAccount, WebhookEvent
from ancrage.messaging.providers.base import OutboundSms, ProviderError, SendResult

log = logging.getLogger("ancrage.messaging")

MAX_ATTEMPTS = 5
OPTED_OUT_AT_PROVIDER = {("twilio", "21610")}


def enqueue_delivery(message_id: int, *, at: dt.datetime | None = None, **kwargs: bool) -> None:
    if at is not None and at > timezone.now():
        deliver_message.using(run_after=at).enqueue(message_id, **kwargs)
    else:
        deliver_message.enqueue(message_id, **kwargs)


def _claim(message_id: int) -> bool:
    """queued -> sending in one conditional UPDATE: only one worker ever wins."""
    return bool(
        Message.objects.filter(pk=message_id, status=Message.Status.QUEUED).update(
            status=Message.Status.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now()
        )
    )


@task()
def deliver_message(message_id: int, slot_taken: bool = False) -> str:
    """Send one queued message. Idempotent: a message past `queued` is never sent again."""
    message = Message.objects.select_related("coachee", "practice").filter(pk=message_id).first()
    if message is None or message.status != Message.Status.QUEUED:
        return "skipped"
    ensure_sweeper()
    if waiting := _not_yet(message, slot_taken):
        return waiting
    if not _claim(message_id):
        return "skipped"
    message.attempts += 1  # as the claim just counted it in the database
    # The last gate before the network: the number's consent, read now (not the row's copy).
    if not _may_text(message):
        _fail(message, errors.OPTED_OUT, "The recipient opted out of SMS.")
        return "opted_out"
    from ancrage.messaging.services import ProviderNotConfigured, provider_for, webhook_url

    try:
        provider = provider_for(message.practice, message.provider)
    except ProviderNotConfigured as error:
        _fail(message, errors.NOT_CONFIGURED, str(error))
        return "failed"
    outbound = OutboundSms(
        message_id=message.pk,
        to=message.coachee.phone,
        body=message.body,
        status_callback_url=webhook_url(message.practice, message.provider, "status"),
    )
    try:
        result = provider.send(outbound)
    except ProviderError as error:
        return _handle_error(message, error)
    _mark_sent(message, result)
    return "sent"


def _may_text(message: Message) -> bool:
    from ancrage.messaging.services import may_text

    return may_text(message.coachee, message.kind, message.created_at)


def _not_yet(message: Message, slot_taken: bool) -> str:
    """Why the message must wait (rescheduling it) or be dropped; "" when it can go now."""
    now = timezone.now()
    if not _may_text(message):
        _fail(message, errors.OPTED_OUT, "The recipient opted out of SMS.")
        return "opted_out"
    if message.expires_at and message.expires_at <= now:
        _fail(message, errors.EXPIRED, "Not sent before its validity period ended.")
        return "expired"
    if message.send_after and message.send_after > now + dt.timedelta(seconds=1):
        enqueue_delivery(message.pk, at=message.send_after, slot_taken=slot_taken)
        return "waiting"
    if message.kind == Message.Kind.AUTOMATED:
        from ancrage.messaging.services import next_allowed

        allowed = next_allowed(message.coachee, now)
        if allowed > now:
            _wait_until(message, allowed, slot_taken=False)
            return "quiet_hours"
    if not slot_taken:
        slot = _take_slot(message)
        if slot > now:
            _wait_until(message, slot, slot_taken=True)
            return "throttled"
    return ""


def _wait_until(message: Message, at: dt.datetime, *, slot_taken: bool) -> None:
    Message.objects.filter(pk=message.pk, status=Message.Status.QUEUED).update(send_after=at)
    enqueue_delivery(message.pk, at=at, slot_taken=slot_taken)


def _take_slot(message: Message) -> dt.datetime:
    """The next free moment for this sending number (ProviderAccount.max_per_minute).
    The row lock makes the bucket exact across workers and machines."""
    limited = ProviderAccount.objects.filter(
        practice_id=message.practice_id, provider=message.provider, max_per_minute__gt=0
    ).values_list("pk", flat=True)
    account_id = next(iter(limited), None)
    if account_id is None:  # no limit: no write lock taken
        return timezone.now()
    with transaction.atomic():
        account = ProviderAccount.objects.select_for_update().get(pk=account_id)
        now = timezone.now()
        if not account.max_per_minute:  # switched off meanwhile
            return now
        slot = max(now, account.next_send_at or now)
        account.next_send_at = slot + dt.timedelta(seconds=60 / account.max_per_minute)
        account.save(update_fields=["next_send_at"])
        return slot


def _mark_sent(message: Message, result: SendResult) -> None:
    with transaction.atomic():
        # `needs_check` too: a slow provider answered after the sweeper gave up on it.
        updated = Message.objects.filter(
            pk=message.pk, status__in=[Message.Status.SENDING, Message.Status.NEEDS_CHECK]
        ).update(
            status=Message.Status.SENT,
            provider_message_id=result.provider_message_id,
            sent_at=timezone.now(),
            error_code="",
            error_message="",
            segments=result.segments or message.segments,
        )
        if not updated:  # a delivery report raced ahead of us: keep its status, record the id
            Message.objects.filter(pk=message.pk).update(
                provider_message_id=result.provider_message_id
            )
        for part_id in result.provider_part_ids[1:]:
            PartId.objects.get_or_create(
                message=message, provider=message.provider, provider_message_id=part_id
            )


def _handle_error(message: Message, error: ProviderError) -> str:
    if (message.provider, error.code) in OPTED_OUT_AT_PROVIDER:
        from ancrage.messaging.optout import opt_out_reported_by_provider

        opt_out_reported_by_provider(message.coachee, message.provider, error.code)
    if error.permanent:
        _fail(message, error.code, str(error))
        return "failed"
    if message.attempts >= MAX_ATTEMPTS:
        _fail(message, errors.GAVE_UP, f"{error.code}: {error}")
        return "failed"
    backoff = settings.SMS_RETRY_BASE_SECONDS * 2 ** (message.attempts - 1)
    retry_at = timezone.now() + dt.timedelta(seconds=backoff)
    Message.objects.filter(pk=message.pk, status=Message.Status.SENDING).update(
        status=Message.Status.QUEUED,
        error_code=error.code,
        error_message=str(error),
        send_after=retry_at,
    )
    enqueue_delivery(message.pk, at=retry_at)
    log.info("message %s: transient error %s, retry at %s", message.pk, error.code, retry_at)
    return "retrying"


def _fail(message: Message, code: str, text: str) -> None:
    Message.objects.filter(
        pk=message.pk, status__in=[Message.Status.QUEUED, Message.Status.SENDING]
    ).update(
        status=Message.Status.FAILED, error_code=code, error_message=text, failed_at=timezone.now()
    )


# -- the sweeper ----------------------------------------------------------------------------
SWEEP_TASK_PATH = "ancrage.messaging.tasks.sweep_messages"


def ensure_sweeper() -> None:
    """Keep one sweep scheduled (a worker killed while sweeping breaks the chain)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    pending = DBTaskResult.objects.filter(
        task_path=SWEEP_TASK_PATH, status=TaskResultStatus.READY
    ).exists()
    if not pending:
        sweep_messages.using(
            run_after=timezone.now() + dt.timedelta(seconds=settings.SMS_SWEEP_INTERVAL)
        ).enqueue()


@task()
def sweep_messages() -> dict[str, int]:
    """Periodic repairs after crashes; every step is a conditional UPDATE, safe to repeat."""
    done = sweep_once()
    ensure_sweeper()
    return done


def sweep_once(now: dt.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    timeout = dt.timedelta(seconds=settings.SMS_SENDING_TIMEOUT)
    # A worker died between the provider call and recording its result: the SMS may or
    # may not have left. Sending it again could text it twice: the coach decides.
    stuck = Message.objects.filter(status=Message.Status.SENDING, claimed_at__lt=now - timeout)
    needs_check = stuck.update(
        status=Message.Status.NEEDS_CHECK,
        error_code=errors.NEEDS_CHECK,
        error_message="Worker stopped while sending.",
    )
    # A worker died after taking a task but before claiming its message: the message is
    # still queued, its task is gone. Deliveries are idempotent, so enqueue another.
    overdue = Message.objects.filter(
        Q(send_after__lt=now - timeout) | Q(send_after__isnull=True, created_at__lt=now - timeout),
        status=Message.Status.QUEUED,
    ).values_list("pk", flat=True)
    requeued = 0
    for message_id in overdue[:500]:
        enqueue_delivery(message_id)
        requeued += 1
    from ancrage.messaging.inbound import assemble_stale_parts

    return {
        "needs_check": needs_check,
        "requeued": requeued,
        "assembled": assemble_stale_parts(now),
        "webhooks_deleted": delete_old_webhooks(now),
    }


def delete_old_webhooks(now: dt.datetime, batch: int = 10_000) -> int:
    """Raw payloads past WEBHOOK_RETENTION_DAYS (0: kept forever), a batch per sweep.
    The messages they carried stay; only the raw copies go."""
    if settings.WEBHOOK_RETENTION_DAYS <= 0:
        return 0
    cutoff = now - dt.timedelta(days=settings.WEBHOOK_RETENTION_DAYS)
    old = WebhookEvent.objects.filter(received_at__lt=cutoff).order_by("received_at")
    pks = list(old.values_list("pk", flat=True)[:batch])
    return WebhookEvent.objects.filter(pk__in=pks).delete()[0] if pks else 0


def resolve_needs_check(message: Message, action: str) -> bool:
    """The coach's answer for a message interrupted mid-send: it was sent, or send again."""
    stuck = Message.objects.filter(pk=message.pk, status=Message.Status.NEEDS_CHECK)
    if action == "mark_sent":
        return bool(
            stuck.update(
                status=Message.Status.SENT, sent_at=timezone.now(), error_code="", error_message=""
            )
        )
    if action == "resend":
        with transaction.atomic():
            changed = stuck.update(
                status=Message.Status.QUEUED, send_after=None, error_code="", error_message=""
            )
            if changed:
                enqueue_delivery(message.pk)
        return bool(changed)
    raise ValueError(f"unknown action {action!r}")


# -- webhooks follow-up ----------------------------------------------------------------------
@task()
def simulator_report_delivery(status_callback_url: str, sim_id: str) -> str:
    """The simulator's carrier reports delivery, through the regular webhook path."""
    from ancrage.messaging.providers.simulator import signed_request
    from ancrage.messaging.webhooks import handle_webhook_request

    request = signed_request(
        status_callback_url, {"MessageSid": sim_id, "MessageStatus": "delivered"}
    )
    return str(handle_webhook_request(request).status_code)


@task()
def reprocess_webhook_event(event_id: int) -> str:
    """Apply a stored, already verified webhook again (see webhooks.process_event)."""
    from ancrage.messaging.models import WebhookEvent
    from ancrage.messaging.providers.base import WebhookRequest
    from ancrage.messaging.services import provider_for
    from ancrage.messaging.webhooks import process_event

    event = WebhookEvent.objects.select_related("practice").get(pk=event_id)
    request = WebhookRequest(event.url, event.method, event.headers, event.body.encode())
    process_event(event, provider_for(event.practice, event.provider), request)
    return "reprocessed"


@task()
def assemble_inbound(practice_id: int, provider: str, sender: str, ref: str) -> str:
    """Join the parts of a long inbound SMS once they are all in (see inbound.py)."""
    from ancrage.messaging.inbound import assemble

    message = assemble(practice_id, provider, sender, ref)
    return "assembled" if message else "waiting"


@task()
def process_inbound(message_id: int) -> list[str]:
    """Hand a stored inbound SMS to the apps that read replies (settings.INBOUND_HANDLERS,
    dotted paths): messaging knows none of them. Keywords were already acted on."""
    from django.utils.module_loading import import_string

    return [str(import_string(path)(message_id)) for path in settings.INBOUND_HANDLERS]
