"""Errors are JSON with a stable code and a message in the caller's language; rate limits
per token; the analysis endpoint and its size limit."""

from __future__ import annotations

import pytest

from tests.api.conftest import ApiClient

TRANSCRIPT = (
    "Coach: Qu'est-ce dont vous avez besoin aujourd'hui ?\n"
    "Client: Je voudrais signer plus de devis.\n"
    "Coach: Qu'est-ce qui vous fait dire que c'est le prix ?\n"
    "Client: Mes clients hésitent quand j'annonce mon tarif.\n"
)


@pytest.mark.parametrize(
    "header", [None, "Bearer", "Bearer nope", "Basic YTpi", "Bearer anc_wrong"]
)
def test_without_a_valid_token_the_answer_is_401_in_json(client, header, camille):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/coachees", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["code"] == "unauthorized"
    assert "Camille" not in response.content.decode()


def test_messages_follow_accept_language(alice_token):
    english = ApiClient(alice_token, "en").get("/api/coachees", limit=0).json()
    french = ApiClient(alice_token, "fr").get("/api/coachees", limit=0).json()
    assert english["code"] == french["code"] == "invalid_request"
    assert english["message"].startswith("The request is not valid")
    assert french["message"].startswith("La requête n'est pas valide")
    assert english["details"]["errors"][0]["location"] == "query.limit"


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 201},
        {"offset": -1},
        {"since": "yesterday"},
        {"since": "0001-01-01T00:00:00+14:00"},  # would overflow once in UTC
        {"coachee_id": 2**64},
        {"metric": "a\x00b"},
    ],
)
def test_bad_parameters_get_422_never_500(alice_api, params):
    path = "/api/metrics/values" if "metric" in params else "/api/engagements"
    response = alice_api.get(path, **params)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"


def test_a_body_that_is_not_json_gets_400(alice_api, camille):
    response = alice_api.client.post(
        f"/api/coachees/{camille.pk}/messages",
        "body=x",
        content_type="application/json",
        headers=alice_api.headers,
    )
    assert response.status_code == 400 and response.json()["code"] == "bad_request"


def test_an_sms_with_a_nul_character_is_refused_before_the_database(alice_api, camille):
    response = alice_api.post(f"/api/coachees/{camille.pk}/messages", {"body": "a\x00b"})
    assert response.status_code == 422


def test_a_wrong_method_gets_a_json_405_naming_the_allowed_ones(alice_api):
    response = alice_api.client.delete("/api/coachees", headers=alice_api.headers)
    assert response.status_code == 405 and response["Allow"] == "GET"
    assert response.json()["code"] == "method_not_allowed" and "GET" in response.json()["message"]


def test_an_unknown_path_gets_a_json_404(alice_api):
    response = alice_api.get("/api/clients")
    assert response.status_code == 404 and response.json()["code"] == "unknown_endpoint"


def test_each_token_has_its_own_rate_limit(settings, alice_api, charlie_api):
    settings.ANCRAGE_API_RATE = "3/min"
    assert [alice_api.get("/api/metrics").status_code for _ in range(3)] == [200] * 3
    refused = alice_api.get("/api/metrics")
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["details"]["retry_after"] == int(refused["Retry-After"])
    assert charlie_api.get("/api/metrics").status_code == 200


def test_analyses_have_their_own_lower_rate(settings, alice_api):
    settings.ANCRAGE_API_ANALYSIS_RATE = "1/min"
    assert alice_api.post("/api/analysis", {"text": TRANSCRIPT}).status_code == 200
    assert alice_api.post("/api/analysis", {"text": TRANSCRIPT}).status_code == 429
    assert alice_api.get("/api/metrics").status_code == 200


def test_a_transcript_comes_back_as_the_analyzers_report(alice_api):
    response = alice_api.post("/api/analysis", {"text": TRANSCRIPT, "lang": "fr"})
    assert response.status_code == 200
    report = response.json()
    assert report["focus"] == "Coach" and report["language"] == "fr"
    assert 0 <= report["service_score"] <= 100
    assert [u["speaker"] for u in report["utterances"]] == ["Coach", "Client"] * 2
    assert report["utterances"][0]["question"] is not None  # the coach asked
    assert {i["key"] for i in report["indicators"]} >= {"telling_share"}


def test_a_transcript_in_another_format_is_read_as_such(alice_api):
    vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Coach>Qu'est-ce qui compte pour vous ?\n"
    report = alice_api.post("/api/analysis", {"text": vtt, "format": "vtt"}).json()
    assert report["utterances"][0]["start"] == 0.0


def test_a_transcript_over_the_size_limit_gets_413(settings, alice_api):
    settings.ANCRAGE_API_ANALYSIS_MAX_KB = 1
    response = alice_api.post("/api/analysis", {"text": TRANSCRIPT * 10})
    assert response.status_code == 413
    assert response.json()["code"] == "too_large" and "1 KB" in response.json()["message"]


def test_a_transcript_the_analyzer_refuses_is_explained(alice_token):
    french = ApiClient(alice_token, "fr")
    response = french.post("/api/analysis", {"text": "[1, 2", "format": "json"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "analysis_refused" and body["details"]["reason"]
    assert body["message"] and "Traceback" not in body["message"]
