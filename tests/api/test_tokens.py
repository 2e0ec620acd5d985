"""API tokens: shown once, stored as a hash, revoked at once, each coach's own."""

from __future__ import annotations

import hashlib

from django.urls import reverse

from ancrage.api.models import ApiToken
from tests.api.conftest import ApiClient
from tests.conftest import client_for


def test_a_coach_creates_a_token_shown_once_and_only_its_hash_is_stored(alice_client):
    response = alice_client.post(reverse("api_tokens"), {"name": "Agenda"})
    assert response.status_code == 201
    token = response.context["new_token"]
    assert token.startswith("anc_") and token in response.content.decode()
    row = ApiToken.objects.get(name="Agenda")
    assert row.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {row.name, row.prefix, row.digest}
    # Reloaded, the page lists the token by name and prefix, never the token itself.
    page = alice_client.get(reverse("api_tokens")).content.decode()
    assert "Agenda" in page and row.prefix in page and token not in page


def test_a_new_token_answers_at_once(alice_client, camille):
    token = alice_client.post(reverse("api_tokens"), {"name": "Carnet"}).context["new_token"]
    response = ApiClient(token).get("/api/coachees")
    assert response.status_code == 200
    assert [c["name"] for c in response.json()["items"]] == ["Camille"]


def test_a_token_needs_a_name(alice_client):
    response = alice_client.post(reverse("api_tokens"), {"name": "  "})
    assert response.status_code == 422
    assert "name" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_a_revoked_token_stops_working_at_once(alice_client, alice_token, alice_api):
    assert alice_api.get("/api/coachees").status_code == 200
    row = ApiToken.objects.get()
    response = alice_client.post(reverse("api_token_revoke", args=[row.pk]), follow=True)
    assert "« Agenda »" in response.content.decode()  # the confirmation names it
    refused = alice_api.get("/api/coachees")
    assert refused.status_code == 401
    assert refused.json()["code"] == "unauthorized"


def test_a_coach_cannot_revoke_another_coachs_token(charlie_client, alice_token, alice_api):
    row = ApiToken.objects.get()
    assert charlie_client.post(reverse("api_token_revoke", args=[row.pk])).status_code == 404
    assert alice_api.get("/api/coachees").status_code == 200


def test_a_colleagues_tokens_are_not_listed(bob, alice_token):
    response = client_for(bob).get(reverse("api_tokens"))
    assert list(response.context["tokens"]) == []
    assert ApiToken.objects.get().prefix not in response.content.decode()


def test_the_api_page_needs_a_signed_in_coach(client):
    response = client.get(reverse("api_tokens"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_menu_links_to_the_api_page(alice_client):
    page = alice_client.get(reverse("coachee_list")).content.decode()
    assert f'href="{reverse("api_tokens")}"' in page


def test_a_deactivated_coachs_token_stops_working(alice, alice_api):
    alice.user.is_active = False
    alice.user.save()
    assert alice_api.get("/api/coachees").status_code == 401
