"""Uploaded transcripts are analyzed by the worker, a few at a time per practice, within limits."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ancrage.conversations import services
from ancrage.conversations.models import AnalysisJob
from ancrage.conversations.tasks import run_analysis
from tests.conftest import run_tasks

pytestmark = pytest.mark.usefixtures("tasks")

CALL = b"Claire: Qu'attendez-vous de cet appel ?\nMarc: Comprendre mes devis.\n"


def post(client, content: bytes = CALL, name: str = "call.txt"):
    payload = {"transcript": SimpleUploadedFile(name, content), "lang": "auto"}
    return client.post(reverse("analysis_upload"), payload)


def poll(client, job: AnalysisJob):
    return client.get(reverse("analysis_job", args=[job.pk]), HTTP_HX_REQUEST="true")


def test_an_upload_is_queued_and_its_page_polls_until_the_report(alice_client):
    response = post(alice_client)
    job = AnalysisJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/analysis/jobs/{job.pk}/"
    waiting = alice_client.get(response["Location"]).content.decode()
    assert "En attente" in waiting and 'hx-trigger="every 1s"' in waiting
    assert "<script" not in waiting.split("</head>")[1]  # no inline script (CSP)
    run_tasks()
    assert poll(alice_client, job)["HX-Refresh"] == "true"
    report = alice_client.get(response["Location"]).content.decode()
    assert "score de service" in report and "call.txt" in report


def test_a_running_job_shows_its_progress(alice_client):
    post(alice_client)
    job = AnalysisJob.objects.get()
    AnalysisJob.objects.filter(pk=job.pk).update(
        status="running", progress=0.42, started_at=timezone.now()
    )
    html = poll(alice_client, job).content.decode()
    assert "42" in html and "<progress" in html


def test_the_transcript_is_dropped_once_analyzed(alice_client):
    post(alice_client)
    run_tasks()
    job = AnalysisJob.objects.get()
    assert job.status == "done" and bytes(job.transcript) == b"" and job.report["focus"]


def test_beyond_the_practice_limit_a_job_waits_and_says_so(alice_client, charlie_client, settings):
    settings.ANCRAGE_ANALYSIS_CONCURRENCY = 1
    post(alice_client)
    post(alice_client)
    post(charlie_client)
    first, second, other = AnalysisJob.objects.order_by("pk")
    AnalysisJob.objects.filter(pk=first.pk).update(status="running", started_at=timezone.now())
    assert run_analysis.call(second.pk) == "waiting"
    assert run_analysis.call(other.pk) == "analyzed"  # another practice has its own slots
    second.refresh_from_db()
    assert second.status == "queued"
    html = alice_client.get(reverse("analysis_job", args=[second.pk])).content.decode()
    assert "analyses simultanées par cabinet : 1 au plus" in html


def test_a_job_whose_worker_died_frees_its_slot(alice_client, settings):
    settings.ANCRAGE_ANALYSIS_CONCURRENCY = 1
    post(alice_client)
    post(alice_client)
    dead, waiting = AnalysisJob.objects.order_by("pk")
    long_ago = timezone.now() - services.STALE_AFTER - dt.timedelta(seconds=1)
    AnalysisJob.objects.filter(pk=dead.pk).update(status="running", started_at=long_ago)
    assert run_analysis.call(waiting.pk) == "analyzed"
    dead.refresh_from_db()
    assert dead.status == "failed"
    html = alice_client.get(reverse("analysis_job", args=[dead.pk])).content.decode()
    assert "interrompue" in html


def test_another_practice_gets_404_on_a_job(alice_client, charlie_client):
    post(alice_client)
    job = AnalysisJob.objects.get()
    assert charlie_client.get(reverse("analysis_job", args=[job.pk])).status_code == 404
    assert poll(charlie_client, job).status_code == 404
    run_tasks()
    assert charlie_client.get(reverse("analysis_job", args=[job.pk])).status_code == 404


@pytest.mark.parametrize(
    ("limits", "content", "french", "english"),
    [
        (
            {"max_utterances": 2},
            CALL * 2,
            "compte 4 interventions, au-delà de la limite de 2",
            "has 4 utterances, above the limit of 2",
        ),
        (
            {"max_speakers": 1},
            CALL,
            "compte 2 intervenants différents",
            "has 2 different speakers",
        ),
        (
            {"max_utterance_chars": 10},
            CALL,
            "L&#x27;intervention n° 0 (Claire) fait 31 caractères",
            "Utterance #0 (Claire) is 31 characters long",
        ),
        (
            {"max_seconds": 0.0},
            CALL * 300,
            "a dépassé le temps accordé",
            "ran over the time allowed",
        ),
    ],
)
def test_each_limit_of_an_upload_is_a_clear_message_in_the_coachs_language(
    alice_client, monkeypatch, limits, content, french, english
):
    monkeypatch.setattr(services, "WEB_LIMITS", dataclasses.replace(services.WEB_LIMITS, **limits))
    post(alice_client, content)
    run_tasks()
    job = AnalysisJob.objects.get()
    url = reverse("analysis_job", args=[job.pk])
    response = alice_client.get(url)
    assert job.status == "failed" and response.status_code == 422
    assert french in response.content.decode()
    alice_client.cookies["django_language"] = "en"
    assert english in alice_client.get(url).content.decode()


def test_a_file_over_the_size_limit_is_refused_by_the_worker_too(alice_client, settings):
    post(alice_client, CALL * 10)
    settings.ANCRAGE_MAX_UPLOAD_MB = 0.0001  # lowered after the upload: the worker checks again
    run_tasks()
    job = AnalysisJob.objects.get()
    assert job.status == "failed" and job.error_key == "too_large"
