"""A client's thread, and sending an SMS with the composer's rules: the same service
functions decide opt-out, length and cost (ancrage.messaging.services), and quiet hours
are asked about, never silently crossed."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja.responses import Status

from ancrage.api import scope
from ancrage.api.auth import token_of
from ancrage.api.errors import ApiError, ErrorOut
from ancrage.api.paging import page
from ancrage.api.params import MAX_ID, PageParams, Period
from ancrage.api.schemas import MessageOut, SendIn, page_of
from ancrage.coaching.models import Coachee
from ancrage.messaging import services
from ancrage.messaging.models import Message

router = Router(tags=["messages"])


@router.get(
    "/coachees/{coachee_id}/messages",
    response={200: page_of(MessageOut), frozenset({401, 404, 422, 429}): ErrorOut},
)
def list_messages(
    request: HttpRequest,
    paging: Query[PageParams],
    period: Query[Period],
    coachee_id: int = Path(..., ge=1, le=MAX_ID),
    direction: Literal["in", "out"] | None = None,
):
    """The client's thread, oldest first (reading it here does not mark replies as read)."""
    coachee = scope.coachee(request, coachee_id)
    found = scope.between(
        scope.messages(request).filter(coachee=coachee), "created_at", period.since, period.until
    )
    if direction is not None:
        found = found.filter(direction=direction)
    return page(found.order_by("created_at", "id"), paging)


@router.post(
    "/coachees/{coachee_id}/messages",
    response={201: MessageOut, frozenset({400, 401, 404, 409, 422, 429}): ErrorOut},
)
def send_message(request: HttpRequest, data: SendIn, coachee_id: int = Path(..., ge=1, le=MAX_ID)):
    """Queue an SMS to the client, as the composer does. Refused with 409 `opted_out` if
    the number said STOP, 422 `cannot_send` if empty or longer than 10 parts, and 409
    `quiet_hours` in the client's quiet hours unless `when` says what to do."""
    coachee = scope.coachee(request, coachee_id)
    _check(coachee, data.body)
    send_after = None
    if data.when != "now" and services.is_quiet(coachee):
        send_after = _quiet_until(coachee)
        if data.when is None:
            raise _ask_when(coachee, send_after)
    try:
        sent = services.queue_message(
            coachee, data.body, sent_by=token_of(request).coach, send_after=send_after
        )
    except services.CannotSend as error:  # the consent changed in between
        raise _refusal(coachee, error) from None
    return Status(201, sent)


def _quiet_until(coachee: Coachee) -> dt.datetime:
    try:
        return services.next_allowed(coachee)
    except ValueError:  # quiet hours covering every day: nothing can ever go out
        message = _("The quiet hours leave no moment to send: check the SMS settings.")
        raise ApiError(409, "no_sending_time", message) from None


def _ask_when(coachee: Coachee, until: dt.datetime) -> ApiError:
    """What the composer asks in quiet hours, for a program: now, or once they end."""
    local = until.astimezone(ZoneInfo(coachee.timezone))
    message = _(
        "It is quiet hours for %(name)s until %(until)s (their time): send again with "
        "when=now to send anyway, or when=later to hold it until then."
    ) % {"name": coachee.name, "until": local.strftime("%Y-%m-%d %H:%M")}
    return ApiError(409, "quiet_hours", message, quiet_until=local.isoformat())


def _check(coachee: Coachee, body: str) -> None:
    try:
        services.check_sendable(coachee, body)
    except services.CannotSend as error:
        raise _refusal(coachee, error) from None


def _refusal(coachee: Coachee, error: services.CannotSend) -> ApiError:
    if not services.may_text(coachee, Message.Kind.MANUAL):
        message = _("%(name)s has opted out of SMS: nothing can be sent.") % {"name": coachee}
        return ApiError(409, "opted_out", message)
    return ApiError(422, "cannot_send", str(error))
