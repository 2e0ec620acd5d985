"""Django Tasks kept for rows enqueued before the dispatcher, and for callers that run
one step by hand. Sending no longer goes through a task per SMS: the dispatcher claims
queued rows from the Message table (dispatch.py), and a worker reads unhandled inbound
rows and due report retries from their tables (chores.py)."""

from __future__ import annotations

from django_tasks import task

from ancrage.messaging import chores
from ancrage.messaging.models import Message
from ancrage.messaging.multipart import assemble
from ancrage.messaging.webhooks import handle_webhook_request


@task()
def deliver_message(message_id: int, slot_taken: bool = False) -> str:
    """Old queue rows: the dispatcher sends every queued message by itself."""
    return "dispatcher"


@task()
def sweep_messages() -> dict[str, int]:
    """Old queue rows: the sweep is a worker chore now, and no longer reschedules itself."""
    return chores.sweep_once()


@task()
def simulator_report_delivery(status_callback_url: str, sim_id: str) -> str:
    """Old queue rows: the simulator's delivery report, through the webhook path."""
    from ancrage.messaging.providers.simulator import signed_request

    request = signed_request(
        status_callback_url, {"MessageSid": sim_id, "MessageStatus": "delivered"}
    )
    return str(handle_webhook_request(request).status_code)


@task()
def reprocess_webhook_event(event_id: int) -> str:
    chores.reprocess_event(event_id)
    return "reprocessed"


@task()
def assemble_inbound(practice_id: int, provider: str, sender: str, ref: str) -> str:
    message = assemble(practice_id, provider, sender, ref)
    return "assembled" if message else "waiting"


@task()
def process_inbound(message_id: int) -> list[str]:
    """Run the inbound handlers on one message now (the worker does it for every row)."""
    if not Message.objects.filter(pk=message_id, handled_at__isnull=True).exists():
        return ["already handled"]
    return chores.run_handlers(message_id)
