"""Erasing a client: every personal trace removed or anonymised, counts kept.

The coachee row and its rows (messages, answers, journal, notes, metric values, triage)
stay, emptied of text, so the practice's numbers still add up; what only repeats the
number (raw webhooks, simulator SMS, queued task arguments) is deleted. One audit entry
and one Erasure row say it happened, never what was erased. docs/privacy.md lists it all.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditlog.context import disable_auditlog
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from ancrage.audit.events import record
from ancrage.audit.models import Event
from ancrage.checkins.models import Answer, Checkin, Enrolment
from ancrage.coaching.models import Coachee, Engagement, Note
from ancrage.consent.models import ConsentEvent, PhoneConsent
from ancrage.conversations.models import AnalysisJob
from ancrage.inbox.models import JournalEntry
from ancrage.messaging.models import InboundPart, Message, SimulatedSms, WebhookEvent
from ancrage.privacy.models import Erasure
from ancrage.privacy.traces import jobs_naming, phone_variants, scrub_json, scrub_text


class AlreadyErased(Exception):
    pass


def placeholder(coachee: Coachee) -> str:
    """What the client is called once erased: their id only."""
    return f"#{coachee.pk}"


def erase_coachee(coachee: Coachee, *, actor: Any = None, reason: str = "request") -> Erasure:
    if Erasure.objects.filter(coachee=coachee).exists():
        raise AlreadyErased(coachee.pk)
    name, phones = coachee.name, phone_variants(coachee.phone)
    now = timezone.now()
    event = Event.ERASED if reason == Erasure.Reason.REQUEST else Event.ANONYMISED
    with transaction.atomic():
        with disable_auditlog():  # one entry below, not one per row
            counts = _empty_texts(coachee, now)
            counts |= _forget_number(coachee, phones)
            counts["analyses"] = _scrub_analyses(coachee, [name, *phones])
            _scrub_admin_history(coachee)
            _anonymise_profile(coachee)
            erasure = Erasure.objects.create(
                practice_id=coachee.practice_id,
                coachee=coachee,
                reason=reason,
                erased_by=actor,
                erased_at=now,
                counts=counts,
            )
        record(event, practice=coachee.practice_id, target=coachee, actor=actor, detail=counts)
    return erasure


def _empty_texts(coachee: Coachee, now: dt.datetime) -> dict[str, int]:
    engagements = Engagement.objects.filter(coachee=coachee)
    messages = Message.objects.filter(coachee=coachee)
    # Nothing more goes out to a number that no longer exists here.
    messages.filter(status=Message.Status.QUEUED).update(
        status=Message.Status.FAILED, failed_at=now, error_code="erased"
    )
    Enrolment.objects.filter(engagement__coachee=coachee).update(is_active=False)
    Checkin.objects.filter(
        coachee=coachee, status__in=[Checkin.Status.SCHEDULED, Checkin.Status.OPEN]
    ).update(status=Checkin.Status.SKIPPED, reason=Checkin.Reason.ENDED, finished_at=now)
    return {
        "messages": messages.update(body="", error_message=""),
        "answers": Answer.objects.filter(checkin__coachee=coachee).update(body=""),
        "journal": JournalEntry.objects.filter(coachee=coachee).update(text=""),
        "notes": Note.objects.filter(engagement__coachee=coachee).update(body=""),
        "engagements": engagements.update(intentions=""),
        "metric_values": coachee.metric_values.count(),  # numbers without a person: kept
    }


def _forget_number(coachee: Coachee, phones: list[str]) -> dict[str, int]:
    practice_id, marker = coachee.practice_id, f"erased-{coachee.pk}"
    events = ConsentEvent.objects.filter(
        Q(coachee=coachee) | Q(phone=coachee.phone), practice_id=practice_id
    )
    counts = {"consent_events": events.update(phone=marker, detail="")}
    # The STOP of a number erased here is forgotten too (docs/privacy.md says why).
    PhoneConsent.objects.filter(practice_id=practice_id, phone=coachee.phone).delete()
    token = coachee.practice.webhook_token
    SimulatedSms.objects.filter(practice_token=token, to__in=phones).delete()
    InboundPart.objects.filter(practice_id=practice_id, sender__in=phones).delete()
    mentions = Q()
    for phone in phones:
        mentions |= Q(body__contains=phone) | Q(url__contains=phone)
    WebhookEvent.objects.filter(mentions, practice_id=practice_id).delete()
    _delete_tasks_mentioning(phones)
    return counts


def _delete_tasks_mentioning(phones: list[str]) -> None:
    """Queued or finished tasks whose arguments carry the number (long SMS being assembled)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.annotate(
        args_text=Cast("args_kwargs", TextField()), result_text=Cast("return_value", TextField())
    )
    mentions = Q()
    for phone in phones:
        mentions |= Q(args_text__contains=phone) | Q(result_text__contains=phone)
    # A running task is left to finish (its row is being written); its result is kept short.
    rows.filter(mentions).exclude(status=TaskResultStatus.RUNNING).delete()


def _scrub_analyses(coachee: Coachee, needles: list[str]) -> int:
    """Uploaded transcripts are not linked to a client: those naming them (full name or
    number) have it replaced, the rest of the analysis stays for the coach."""
    mark, changed = placeholder(coachee), 0
    for job in jobs_naming(coachee.practice_id, needles).iterator():
        fields = _scrubbed_job_fields(job, needles, mark)
        if fields:
            AnalysisJob.objects.filter(pk=job.pk).update(**fields)
            changed += 1
    return changed


def _scrubbed_job_fields(job: AnalysisJob, needles: list[str], mark: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for attr in ("name", "focus"):
        value = getattr(job, attr)
        if (new := scrub_text(value, needles, mark)) != value:
            fields[attr] = new
    if job.report is not None:
        report = _silence_speaker(scrub_json(job.report, needles, mark), mark)
        if report != job.report:
            fields["report"] = report
    raw = bytes(job.transcript or b"")
    text = raw.decode("utf-8", errors="replace") if raw else ""
    if text and (new_text := scrub_text(text, needles, mark)) != text:
        fields["transcript"] = new_text.encode("utf-8")
    return fields


def _silence_speaker(report: Any, mark: str) -> Any:
    """The client's own words in a transcript are theirs: emptied, the coach's stay."""
    if not isinstance(report, dict):
        return report
    theirs = set()
    for utterance in report.get("utterances") or []:
        if isinstance(utterance, dict) and utterance.get("speaker") == mark:
            theirs.add(utterance.get("index"))
            utterance.update(text="", evidence={})
    for point in report.get("feedback") or []:
        if isinstance(point, dict) and point.get("index") in theirs:
            point["quote"] = ""
    return report


def _scrub_admin_history(coachee: Coachee) -> None:
    """The Django admin's history names objects by their __str__ (the client's name)."""
    owned: dict[type[Model], QuerySet[Any]] = {
        Coachee: Coachee.objects.filter(pk=coachee.pk),
        Engagement: Engagement.objects.filter(coachee=coachee),
        Note: Note.objects.filter(engagement__coachee=coachee),
        Message: Message.objects.filter(coachee=coachee),
        JournalEntry: JournalEntry.objects.filter(coachee=coachee),
    }
    for model, rows in owned.items():
        ids = rows.annotate(text_pk=Cast("pk", TextField())).values("text_pk")
        AdminLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=ids
        ).update(
            object_repr=Concat(Value(f"{model._meta.model_name} #"), "object_id"),
            change_message="",
        )


def _anonymise_profile(coachee: Coachee) -> None:
    Coachee.objects.filter(pk=coachee.pk).update(
        name=placeholder(coachee),
        phone=f"erased-{coachee.pk}",
        consent_source="",
    )
    coachee.refresh_from_db()
