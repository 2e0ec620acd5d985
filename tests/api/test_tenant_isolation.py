"""A token of practice B reads and writes nothing of practice A, on every endpoint; and a
coach's token sees only the clients that coach sees in the app."""

from __future__ import annotations

import pytest

from ancrage.api.api import api
from ancrage.messaging.models import Message
from tests.api.conftest import ApiClient
from tests.conftest import make_coach


def _ids(data) -> dict[str, int]:
    engagement = data.current_engagement()
    return {"coachee_id": data.pk, "engagement_id": engagement.pk}


# Every list: practice A's rows are there for alice, and absent for charlie, with or without
# a filter naming A's client.
LISTS = [
    "/api/coachees",
    "/api/engagements",
    "/api/checkins/answers",
    "/api/metrics/values",
    "/api/journal",
]


@pytest.mark.parametrize("path", LISTS)
def test_a_list_shows_nothing_of_another_practice(alice_api, charlie_api, camille_data, path):
    assert alice_api.get(path).json()["count"] >= 1
    for params in ({}, {"coachee_id": camille_data.pk}):
        response = charlie_api.get(path, **params)
        assert response.status_code == 200
        assert response.json()["items"] == [] and response.json()["count"] == 0


READS = [
    "/api/coachees/{coachee_id}",
    "/api/engagements/{engagement_id}",
    "/api/coachees/{coachee_id}/messages",
]


@pytest.mark.parametrize("path", READS)
def test_a_read_by_id_answers_404_to_another_practice(alice_api, charlie_api, camille_data, path):
    url = path.format(**_ids(camille_data))
    assert alice_api.get(url).status_code == 200
    response = charlie_api.get(url)
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert "Camille" not in response.content.decode()


def test_sending_to_another_practices_client_answers_404_and_sends_nothing(
    charlie_api, camille_data
):
    before = Message.objects.count()
    url = f"/api/coachees/{camille_data.pk}/messages"
    for when in (None, "now", "later"):
        payload = {"body": "intrusion"} | ({"when": when} if when else {})
        assert charlie_api.post(url, payload).status_code == 404
    assert Message.objects.count() == before


def test_metrics_are_each_practices_own(alice_api, charlie_api, camille_data, practice_a):
    practice_a.metrics.filter(key="quotes_sent").update(label_en="Alice's secret metric")
    labels = [m["label_en"] for m in charlie_api.get("/api/metrics").json()["items"]]
    assert "Alice's secret metric" not in labels
    labels = [m["label_en"] for m in alice_api.get("/api/metrics").json()["items"]]
    assert "Alice's secret metric" in labels


def test_the_analysis_stores_nothing_another_practice_could_read(charlie_api, camille_data):
    # The analysis reads only the text it is given; nothing is kept to leak later.
    response = charlie_api.post("/api/analysis", {"text": "A: Bonjour ?\nB: Oui."})
    assert response.status_code == 200
    assert "Camille" not in response.content.decode()


def test_every_endpoint_is_covered_by_these_tests():
    """A new endpoint must join the lists above (and so be tried across practices)."""
    tried = {*LISTS, *READS, "/api/metrics", "/api/analysis"}
    declared = set(api.get_openapi_schema()["paths"])
    assert declared == tried


def test_a_coachs_token_sees_only_the_clients_the_coach_sees(practice_a, alice, camille_data):
    """Team rules (coaching.access): a coach sees their own clients, not a colleague's."""
    camille_data.coach = alice  # Camille is in alice's charge, not shared
    camille_data.save()
    from ancrage.api import tokens

    dora = make_coach("dora", practice_a)
    dora_api = ApiClient(tokens.issue(dora, "Dora's agenda")[1])
    assert dora_api.get("/api/coachees").json()["count"] == 0
    assert dora_api.get(f"/api/coachees/{camille_data.pk}").status_code == 404
    assert dora_api.get("/api/journal").json()["count"] == 0
    assert (
        dora_api.post(f"/api/coachees/{camille_data.pk}/messages", {"body": "x"}).status_code == 404
    )
