"""Exporting one client: everything of theirs, nothing of anyone else's."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.urls import reverse

from ancrage.audit.models import AuditEntry, Event
from tests.conftest import client_for


def export_zip(client, person) -> zipfile.ZipFile:
    response = client.post(reverse("privacy_export", args=[person.coachee.pk]))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def all_text(archive: zipfile.ZipFile) -> str:
    return "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())


def test_the_export_holds_every_kind_of_data_of_the_client(alice_client, zoe, other_zoe):
    archive = export_zip(alice_client, zoe)
    data = json.loads(archive.read("coachee.json"))
    assert data["profile"][0]["name"] == "Zoé Martin"
    assert data["profile"][0]["phone"] == "+33611223344"
    assert "le salon de Lyon" in data["engagements"][0]["intentions"]
    assert [e["opted_out"] for e in data["consent_history"]] == [True]
    assert {m["direction"] for m in data["messages"]} == {"in", "out"}
    assert data["checkin_answers"][0]["question"] == "Combien de devis ?"
    assert "le salon de Lyon" in data["checkin_answers"][0]["answer"]
    assert data["metric_values"][0]["value"] == "3.00"
    assert data["journal"][0]["text"] == "Merci, le salon de Lyon"
    assert data["triage"][0]["categories"] == ["gratitude", "win"]
    assert "le salon de Lyon" in data["notes"][0]["note"]
    kinds = [a["kind"] for a in data["analyses"]]
    assert kinds == ["sms_thread", "upload"]
    assert data["analyses"][1]["name"] == "Appel avec Zoé Martin.vtt"


def test_each_section_is_also_a_csv_that_a_spreadsheet_reads(alice_client, zoe):
    archive = export_zip(alice_client, zoe)
    names = set(archive.namelist())
    for section in ("profile", "messages", "checkin_answers", "metric_values", "journal"):
        assert f"{section}.csv" in names
    raw = archive.read("messages.csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2 and any("le salon de Lyon" in r["body"] for r in rows)
    assert "README.txt" in names


def test_nothing_of_another_client_is_in_the_export(alice_client, zoe, other_zoe, outsider):
    text = all_text(export_zip(alice_client, zoe))
    for stranger in (other_zoe, outsider):
        assert stranger.name not in text
        assert stranger.e164 not in text and stranger.e164.lstrip("+") not in text
        assert stranger.secret not in text
    # The shared words are there, from Zoé Martin's own data.
    assert "devis" in text and "Merci" in text


def test_the_export_is_recorded_in_the_audit_log(alice_client, alice, zoe):
    export_zip(alice_client, zoe)
    entry = AuditEntry.objects.get(event=Event.EXPORTED)
    assert entry.actor == alice.user
    assert entry.practice_id == zoe.coachee.practice_id
    assert entry.object_id == zoe.coachee.pk
    assert "Zoé" not in entry.object_repr


def test_a_coach_of_another_practice_cannot_export(charlie_client, zoe):
    response = charlie_client.post(reverse("privacy_export", args=[zoe.coachee.pk]))
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(event=Event.EXPORTED).exists()


def test_a_colleague_who_is_not_the_clients_coach_is_refused_in_words(bob, zoe):
    response = client_for(bob).post(reverse("privacy_export", args=[zoe.coachee.pk]))
    assert response.status_code in (403, 404)  # 404 when the client is hidden from bob
    assert b"PK" not in response.content[:2]
    if response.status_code == 403:
        assert "owner" in response.content.decode() or "responsable" in response.content.decode()


def test_the_clients_own_coach_may_export(bob, other_zoe):
    archive = export_zip(client_for(bob), other_zoe)
    assert json.loads(archive.read("coachee.json"))["profile"][0]["name"] == "Zoé Marchand"


def test_export_is_a_post_so_a_link_cannot_trigger_it(alice_client, zoe):
    response = alice_client.get(reverse("privacy_export", args=[zoe.coachee.pk]))
    assert response.status_code == 405


def test_the_client_page_offers_export_and_erase_to_the_owner_only(alice_client, bob, zoe):
    url = reverse("coachee_detail", args=[zoe.coachee.pk])
    owner_page = alice_client.get(url).content.decode()
    assert reverse("privacy_export", args=[zoe.coachee.pk]) in owner_page
    assert reverse("privacy_erase", args=[zoe.coachee.pk]) in owner_page
    colleague = client_for(bob).get(url)
    if colleague.status_code == 200:  # bob may see the client without being their coach
        assert reverse("privacy_erase", args=[zoe.coachee.pk]) not in colleague.content.decode()
