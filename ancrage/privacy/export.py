"""Everything Ancrage holds about one client, as a ZIP of JSON and CSV files.

Every query starts from the coachee (or their number in their practice): nothing of another
client can come in. `collect` gathers, `build_zip` writes; the view records the export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from typing import Any

from django.utils import timezone

from ancrage.checkins.models import Answer, MetricValue
from ancrage.coaching.models import Coach, Coachee, Note
from ancrage.conversations.models import AnalysisJob
from ancrage.inbox.models import JournalEntry, Triage
from ancrage.privacy.traces import jobs_naming, mentions, phone_variants

Row = dict[str, Any]
SECTIONS = (
    "profile",
    "engagements",
    "consent_history",
    "messages",
    "checkin_answers",
    "metric_values",
    "journal",
    "triage",
    "notes",
    "analyses",
)


def collect(coachee: Coachee, coach: Coach) -> dict[str, list[Row]]:
    return {
        "profile": [_profile(coachee)],
        "engagements": _engagements(coachee),
        "consent_history": _consent_history(coachee),
        "messages": _messages(coachee),
        "checkin_answers": _answers(coachee),
        "metric_values": _metric_values(coachee),
        "journal": _journal(coachee),
        "triage": _triage(coachee),
        "notes": _notes(coachee),
        "analyses": _analyses(coachee, coach),
    }


def _profile(c: Coachee) -> Row:
    return {
        "id": c.pk,
        "practice": c.practice.name,
        "name": c.name,
        "phone": c.phone,
        "language": c.language,
        "timezone": c.timezone,
        "consent": c.consent,
        "consent_changed_at": c.consent_changed_at,
        "consent_source": c.consent_source,
        "unknown_sender": c.is_unknown,
        "created_at": c.created_at,
    }


def _engagements(c: Coachee) -> list[Row]:
    return [
        {
            "id": e.pk,
            "coach": e.coach.display_name,
            "status": e.status,
            "started_on": e.started_on,
            "ended_on": e.ended_on,
            "intentions": e.intentions,
        }
        for e in c.engagements.select_related("coach__user").order_by("started_on", "id")
    ]


def _consent_history(c: Coachee) -> list[Row]:
    return [
        {
            "at": e.created_at,
            "phone": e.phone,
            "opted_out": e.opted_out,
            "source": e.source,
            "provider": e.provider,
            "detail": e.detail,
            "by": e.actor.get_username() if e.actor else "",
        }
        for e in reversed(c.consent_history())
    ]


def _messages(c: Coachee) -> list[Row]:
    return [
        {
            "id": m.pk,
            "created_at": m.created_at,
            "direction": m.direction,
            "kind": m.kind,
            "status": m.status,
            "body": m.body,
            "segments": m.segments,
            "encoding": m.encoding,
            "provider": m.provider,
            "sent_at": m.sent_at,
            "delivered_at": m.delivered_at,
            "sent_by": m.sent_by.display_name if m.sent_by else "",
        }
        for m in c.messages.select_related("sent_by__user").order_by("created_at", "id")
    ]


def _answers(c: Coachee) -> list[Row]:
    answers = Answer.objects.filter(checkin__coachee=c).select_related(
        "question", "checkin__enrolment__program"
    )
    return [
        {
            "at": a.created_at,
            "program": a.checkin.enrolment.program.name(c.language),
            "due_on": a.checkin.due_on,
            "question": a.question.text(c.language) if a.question else "",
            "answer": a.body,
            "understood": a.understood,
        }
        for a in answers.order_by("created_at", "id")
    ]


def _metric_values(c: Coachee) -> list[Row]:
    values = MetricValue.objects.filter(coachee=c).select_related("metric")
    return [
        {
            "measured_on": v.measured_on,
            "metric": v.metric.key,
            "label": v.metric.label(c.language),
            "value": v.value,
            "unit": v.metric.unit,
            "source": v.source,
            "original_value": v.original_value,
            "changed_at": v.changed_at,
        }
        for v in values.order_by("measured_on", "id")
    ]


def _journal(c: Coachee) -> list[Row]:
    return [
        {"occurred_at": j.occurred_at, "kind": j.kind, "text": j.text, "message_id": j.message_id}
        for j in JournalEntry.objects.filter(coachee=c).order_by("occurred_at", "id")
    ]


def _triage(c: Coachee) -> list[Row]:
    return [
        {
            "message_id": t.message_id,
            "at": t.created_at,
            "category": t.category,
            "categories": t.categories,
        }
        for t in Triage.objects.filter(coachee=c).order_by("created_at", "id")
    ]


def _notes(c: Coachee) -> list[Row]:
    notes = Note.objects.filter(engagement__coachee=c).select_related("author__user")
    return [
        {
            "at": n.created_at,
            "engagement_id": n.engagement_id,
            "author": n.author.display_name if n.author else "",
            "note": n.body,
        }
        for n in notes.order_by("created_at", "id")
    ]


def _analyses(c: Coachee, coach: Coach) -> list[Row]:
    """The analysis of the SMS thread (computed now, it is not stored), and the uploaded
    transcripts that name the client (they are not linked to a client otherwise)."""
    rows = [_thread_analysis(c, coach)] if c.messages.exists() else []
    needles = [c.name, *phone_variants(c.phone)]
    for job in jobs_naming(c.practice_id, needles).filter(status="done").iterator():
        text = " ".join([job.name, job.focus, json.dumps(job.report, ensure_ascii=False)])
        if mentions(text, needles):
            rows.append(_job_row(job))
    return rows


def _thread_analysis(c: Coachee, coach: Coach) -> Row:
    from ancrage.analysis import AnalysisError
    from ancrage.analysis.report import to_dict
    from ancrage.conversations.services import analyze_thread

    try:
        report = to_dict(analyze_thread(c, coach), c.language)
    except AnalysisError as error:
        return {"kind": "sms_thread", "name": "", "service_score": None, "error": str(error)}
    score = report.get("service_score")
    return {"kind": "sms_thread", "name": "", "service_score": score, "report": report}


def _job_row(job: AnalysisJob) -> Row:
    score = (job.report or {}).get("service_score")
    return {"kind": "upload", "name": job.name, "service_score": score, "report": job.report}


# --- Writing ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _csv(rows: list[Row]) -> str:
    out = io.StringIO()
    columns = [k for k in (rows[0] if rows else {}) if k != "report"]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return out.getvalue()


def _cell(value: Any) -> Any:
    value = _plain(value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


README = """Ancrage — export des données d'un client / a client's data export

coachee.json   tout, en un fichier / everything, in one file
*.csv          une table par fichier (UTF-8, virgules) / one table per file (UTF-8, commas)
Sections : {sections}
"""


def build_zip(data: dict[str, list[Row]], exported_at: dt.datetime) -> bytes:
    payload = {"exported_at": exported_at, "format": 1, **data}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(sections=", ".join(SECTIONS)))
        archive.writestr(
            "coachee.json", json.dumps(payload, ensure_ascii=False, indent=2, default=_plain)
        )
        for section in SECTIONS:
            # utf-8-sig: Excel, the first tool a coach opens a CSV with, reads the accents.
            archive.writestr(f"{section}.csv", _csv(data[section]).encode("utf-8-sig"))
    return buffer.getvalue()


def export_coachee(coachee: Coachee, coach: Coach) -> bytes:
    return build_zip(collect(coachee, coach), timezone.now())
