"""What a coach's tool reads: clients, engagements, threads, check-ins, metrics, journal,
in pages, filtered by date."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from ancrage.coaching.models import Coachee


def test_the_client_list_gives_each_clients_number_language_and_time_zone(alice_api, camille):
    body = alice_api.get("/api/coachees").json()
    assert body["count"] == 1 and body["next_offset"] is None
    assert body["items"][0] | {"created_at": None} == {
        "id": camille.pk,
        "name": "Camille",
        "phone": "+33612345678",
        "language": "fr",
        "timezone": "Europe/Paris",
        "consent": "opted_in",
        "consent_changed_at": None,
        "is_unknown": False,
        "created_at": None,
    }


def test_lists_come_in_pages(alice_api, camille, practice_a):
    for name in ("Bérénice", "Zoé"):
        Coachee.objects.create(practice=practice_a, name=name, phone=f"+3361234{len(name):04d}")
    first = alice_api.get("/api/coachees", limit=2).json()
    assert [c["name"] for c in first["items"]] == ["Bérénice", "Camille"]
    assert first["count"] == 3 and first["next_offset"] == 2
    rest = alice_api.get("/api/coachees", limit=2, offset=first["next_offset"]).json()
    assert [c["name"] for c in rest["items"]] == ["Zoé"] and rest["next_offset"] is None


def test_a_client_is_read_by_id(alice_api, camille):
    assert alice_api.get(f"/api/coachees/{camille.pk}").json()["name"] == "Camille"


def test_engagements_filter_by_client_and_stage(alice_api, camille):
    engagement = camille.current_engagement()
    active = alice_api.get("/api/engagements", coachee_id=camille.pk, status="active").json()
    assert [e["id"] for e in active["items"]] == [engagement.pk]
    assert alice_api.get("/api/engagements", status="alumni").json()["items"] == []
    one = alice_api.get(f"/api/engagements/{engagement.pk}").json()
    assert one["coachee_id"] == camille.pk and one["status"] == "active"


def test_the_thread_reads_oldest_first_with_each_sms_cost(alice_api, camille_data):
    items = alice_api.get(f"/api/coachees/{camille_data.pk}/messages").json()["items"]
    assert [(m["direction"], m["body"]) for m in items] == [
        ("out", "Combien de devis cette semaine ?"),
        ("in", "3 devis envoyés, super contente"),
    ]
    assert items[1]["encoding"] == "UCS-2" and items[1]["segments"] == 1
    inbound = alice_api.get(f"/api/coachees/{camille_data.pk}/messages", direction="in")
    assert [m["direction"] for m in inbound.json()["items"]] == ["in"]


def test_reading_the_thread_leaves_replies_unread_for_the_coach(alice_api, camille_data):
    alice_api.get(f"/api/coachees/{camille_data.pk}/messages")
    assert camille_data.messages.filter(direction="in", read_at__isnull=True).count() == 1


def test_dates_filter_every_list(alice_api, camille_data):
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    past = "2020-01-01T00:00:00+01:00"
    for path in (
        "/api/coachees",
        f"/api/coachees/{camille_data.pk}/messages",
        "/api/checkins/answers",
        "/api/journal",
    ):
        assert alice_api.get(path, since=past).json()["count"] >= 1, path
        assert alice_api.get(path, since=future).json()["count"] == 0, path
        assert alice_api.get(path, until=past).json()["count"] == 0, path
    # Metric values and engagements are dated by day: the day of `since` counts.
    assert alice_api.get("/api/metrics/values", since="2026-11-30T18:00").json()["count"] == 1
    assert alice_api.get("/api/metrics/values", since="2026-12-01T00:00").json()["count"] == 0
    assert alice_api.get("/api/metrics/values", until="2026-11-30T00:00").json()["count"] == 0
    assert alice_api.get("/api/metrics/values", until="2026-11-30T09:00").json()["count"] == 1


def test_check_in_answers_come_with_the_question_in_the_clients_language(alice_api, camille_data):
    (answer,) = alice_api.get("/api/checkins/answers", coachee_id=camille_data.pk).json()["items"]
    assert answer["question"] == "Combien de devis ?"
    assert answer["body"] == "3 devis envoyés, super contente" and answer["understood"] is True
    assert answer["due_on"] == "2026-11-30" and answer["coachee_id"] == camille_data.pk


def test_metric_values_name_their_metric(alice_api, camille_data):
    (value,) = alice_api.get("/api/metrics/values", metric="quotes_sent").json()["items"]
    assert value == value | {"metric": "quotes_sent", "value": 3.0, "measured_on": "2026-11-30"}
    assert alice_api.get("/api/metrics/values", metric="confidence").json()["count"] == 0
    keys = [m["key"] for m in alice_api.get("/api/metrics").json()["items"]]
    assert "quotes_sent" in keys


def test_the_journal_lists_wins_and_thanks(alice_api, camille_data):
    (entry,) = alice_api.get("/api/journal", kind="win").json()["items"]
    assert entry["text"] == "3 devis envoyés" and entry["coachee_id"] == camille_data.pk
    assert alice_api.get("/api/journal", kind="gratitude").json()["count"] == 0
