"""Sending through the API follows the composer's rules: opt-out, length, quiet hours."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from ancrage.consent.services import opted_out_since
from ancrage.messaging.models import Message
from tests.api.conftest import ApiClient


def _send(api, coachee, body: str, when: str | None = None):
    payload = {"body": body} if when is None else {"body": body, "when": when}
    return api.post(f"/api/coachees/{coachee.pk}/messages", payload)


def test_an_sms_is_queued_as_the_coach_with_its_cost(alice, alice_api, camille):
    response = _send(alice_api, camille, "Bravo Camille 🎉 qu'est-ce qui a changé ?")
    assert response.status_code == 201
    sent = response.json()
    assert sent | {"id": 0, "created_at": ""} == sent | {
        "id": 0,
        "created_at": "",
        "direction": "out",
        "status": "queued",
        "encoding": "UCS-2",  # the emoji: « é » alone would stay GSM-7
        "segments": 1,
        "sent_by_id": alice.pk,
        "send_after": None,
    }
    message = Message.objects.get(pk=sent["id"])
    assert message.sent_by == alice and message.body.startswith("Bravo Camille")


def _opt_out(coachee) -> None:
    from ancrage.consent.services import record_opt_out

    record_opt_out(coachee.practice, coachee.phone, source="coach")


def test_nothing_goes_to_a_client_who_said_stop(alice_api, camille):
    _opt_out(camille)
    assert opted_out_since(camille.practice_id, camille.phone) is not None
    response = _send(alice_api, camille, "Un petit mot ?")
    assert response.status_code == 409
    assert response.json()["code"] == "opted_out"
    assert "Camille" in response.json()["message"]
    assert not Message.objects.filter(body="Un petit mot ?").exists()


def test_an_empty_or_too_long_sms_is_refused_with_the_composers_words(alice_token, camille):
    french = ApiClient(alice_token, language="fr")
    empty = _send(french, camille, "   ")
    assert empty.status_code == 422
    assert empty.json() == {"code": "cannot_send", "message": "Le message est vide.", "details": {}}
    too_long = _send(french, camille, "Ç" * 1000 + "🎉" * 400)
    assert too_long.status_code == 422 and "SMS" in too_long.json()["message"]
    assert not Message.objects.exists()


def _quiet_now(practice) -> None:
    practice.quiet_start, practice.quiet_end = dt.time(0, 0), dt.time(23, 59)
    practice.quiet_sundays = True
    practice.save()


def test_in_quiet_hours_the_api_asks_first_as_the_composer_does(alice_api, camille):
    _quiet_now(camille.practice)
    response = _send(alice_api, camille, "Tu dors ?")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "quiet_hours" and "when=later" in body["message"]
    until = dt.datetime.fromisoformat(body["details"]["quiet_until"])
    assert until > timezone.now()
    assert until.utcoffset() == dt.timedelta(hours=1)  # Camille's time: Paris in winter
    assert not Message.objects.exists()


def test_quiet_hours_that_never_end_are_explained_not_a_crash(monkeypatch, alice_api, camille):
    _quiet_now(camille.practice)

    def no_opening(coachee, at=None):
        raise ValueError("no allowed time within 366 days: check the quiet hours")

    monkeypatch.setattr("ancrage.messaging.services.next_allowed", no_opening)
    response = _send(alice_api, camille, "Un jour ?", when="later")
    assert response.status_code == 409 and response.json()["code"] == "no_sending_time"


def test_in_quiet_hours_later_holds_the_sms_and_now_sends_it(alice_api, camille):
    _quiet_now(camille.practice)
    later = _send(alice_api, camille, "Demain matin", when="later").json()
    assert dt.datetime.fromisoformat(later["send_after"]) > timezone.now()
    now = _send(alice_api, camille, "Tout de suite", when="now").json()
    assert now["send_after"] is None and now["status"] == "queued"
