"""The analyzer from the web: upload a transcript, or analyze a client's SMS thread."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ancrage.messaging.services import simulate_inbound
from tests.conftest import run_tasks

pytestmark = pytest.mark.usefixtures("tasks")  # uploads are analyzed by the worker

SERVING_CALL = """Claire: Bonjour Marc, qu'attendez-vous de cet appel ?
Marc: Comprendre pourquoi mes devis restent sans réponse.
Claire: Que se passe-t-il après l'envoi d'un devis ?
Marc: Rien. Je n'ose pas relancer, j'ai peur de déranger.
Claire: Qu'est-ce qui vous ferait oser relancer ?
Marc: Savoir quoi dire, sans doute.
"""


def upload(client, content: bytes, name="call.txt", **data):
    """Post the file; when it is accepted, let the worker analyze it and open the job's page."""
    payload = {"transcript": SimpleUploadedFile(name, content), "lang": "auto", **data}
    response = client.post(reverse("analysis_upload"), payload)
    if response.status_code != 302:
        return response
    run_tasks()
    return client.get(response["Location"])


def test_a_coach_uploads_a_transcript_and_reads_the_report_in_french(alice_client):
    response = upload(alice_client, SERVING_CALL.encode())
    html = response.content.decode()
    assert response.status_code == 200
    assert "score de service" in html and "Claire" in html and "Indicateurs" in html
    assert "qu&#x27;attendez-vous de cet appel ?" in html


def test_an_unknown_focus_lists_the_speakers(alice_client):
    response = upload(alice_client, SERVING_CALL.encode(), focus="Bernard")
    html = response.content.decode()
    assert response.status_code == 422 and "Bernard" in html and "Claire" in html and "Marc" in html


def test_an_undecodable_file_gets_a_clear_error_not_a_500(alice_client):
    response = upload(alice_client, b"\x81\x8d\x8f\x90\x9d" * 20)
    assert response.status_code == 422
    assert "call.txt" in response.content.decode()


def test_an_empty_file_is_refused(alice_client):
    response = upload(alice_client, b"")
    assert response.status_code == 200 and "vide" in response.content.decode()


def test_an_oversized_upload_is_refused_before_it_is_read(alice_client, settings):
    settings.ANCRAGE_MAX_UPLOAD_MB = 1
    response = upload(alice_client, b"A: " + b"x" * 1_500_000)
    assert response.status_code == 413 and "dépasse 1 Mo" in response.content.decode()


def test_a_coach_analyzes_a_clients_sms_thread_as_the_assessed_speaker(
    alice_client, alice, camille
):
    from ancrage.messaging.models import Message

    Message.objects.create(
        practice=camille.practice,
        coachee=camille,
        direction="out",
        status="delivered",
        provider="simulator",
        body="De quoi as-tu besoin cette semaine ?",
        sent_by=alice,
    )
    simulate_inbound(camille.practice, camille.phone, "D'oser envoyer mes devis.")
    response = alice_client.get(reverse("thread_analysis", args=[camille.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "alice" in html and "De quoi as-tu besoin cette semaine ?" in html


def test_an_empty_thread_says_there_is_nothing_to_analyze(alice_client, camille):
    response = alice_client.get(reverse("thread_analysis", args=[camille.pk]))
    assert response.status_code == 422


def test_another_practice_cannot_analyze_the_thread(charlie_client, camille):
    simulate_inbound(camille.practice, camille.phone, "Secret")
    assert charlie_client.get(reverse("thread_analysis", args=[camille.pk])).status_code == 404
