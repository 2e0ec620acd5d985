"""Background work (Django Tasks, database backend): the same code on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from ancrage.messaging.models import Message
from ancrage.messaging.providers.base import OutboundSms, ProviderError

log = logging.getLogger("ancrage.messaging")

MAX_ATTEMPTS = 5


def _claim(message_id: int) -> bool:
    """queued -> sending in one conditional UPDATE: only one worker ever wins."""
    return bool(
        Message.objects.filter(pk=message_id, status=Message.Status.QUEUED).update(
            status=Message.Status.SENDING, attempts=F("attempts") + 1
        )
    )


@task()
def deliver_message(message_id: int) -> str:
    """Send one queued message. Idempotent: a message past `queued` is never sent again."""
    if not _claim(message_id):
        return "skipped"
    message = Message.objects.select_related("coachee", "practice").get(pk=message_id)
    if not message.coachee.can_receive_sms():  # the last gate before the network
        _fail(message, "opted_out", "The recipient opted out of SMS.")
        return "opted_out"
    from ancrage.messaging.services import provider_for, webhook_url

    provider = provider_for(message.practice, message.provider)
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
    _mark_sent(message, result.provider_message_id)
    return "sent"


def _mark_sent(message: Message, provider_message_id: str) -> None:
    with transaction.atomic():
        updated = Message.objects.filter(pk=message.pk, status=Message.Status.SENDING).update(
            status=Message.Status.SENT,
            provider_message_id=provider_message_id,
            sent_at=timezone.now(),
        )
        if not updated:  # a delivery report raced ahead of us: keep its status, record the id
            Message.objects.filter(pk=message.pk).update(provider_message_id=provider_message_id)


def _handle_error(message: Message, error: ProviderError) -> str:
    if error.permanent or message.attempts >= MAX_ATTEMPTS:
        _fail(message, error.code, str(error))
        return "failed"
    delay = dt.timedelta(seconds=2**message.attempts)
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.QUEUED, error_code=error.code, error_message=str(error)
    )
    deliver_message.using(run_after=timezone.now() + delay).enqueue(message.pk)
    log.info("message %s: transient error %s, retry in %s", message.pk, error.code, delay)
    return "retrying"


def _fail(message: Message, code: str, text: str) -> None:
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.FAILED, error_code=code, error_message=text, failed_at=timezone.now()
    )


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
    request = WebhookRequest(event.url, "POST", event.headers, event.body.encode())
    process_event(event, provider_for(event.practice, event.provider), request)
    return "reprocessed"
