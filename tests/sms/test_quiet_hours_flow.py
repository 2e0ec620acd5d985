"""Quiet hours in the app: the coach is asked, automated messages wait, in the coachee's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.coaching.models import Coachee, Practice
from ancrage.messaging.models import Message
from ancrage.messaging.services import queue_automated


def quiet_now_in(practice: Practice, tz: str) -> None:
    """Quiet hours that cover this very moment in `tz` (and end within two hours)."""
    local = timezone.now().astimezone(ZoneInfo(tz))
    start = (local - dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (local + dt.timedelta(hours=2)).time().replace(second=0, microsecond=0)
    Practice.objects.filter(pk=practice.pk).update(
        quiet_start=start, quiet_end=end, quiet_sundays=False, quiet_holidays_country=""
    )


@pytest.fixture
def quiet(practice_a, camille):
    quiet_now_in(practice_a, camille.timezone)
    camille.refresh_from_db()
    return camille


def test_a_manual_send_in_quiet_hours_asks_first_and_sends_nothing(twilio, alice_client, quiet):
    response = alice_client.post(reverse("send", args=[quiet.pk]), {"body": "Tu dors ?"})
    html = response.content.decode()
    assert (
        response.status_code == 200 and "Envoyer quand même" in html and "Programmer pour" in html
    )
    assert "Tu dors ?" in html  # the draft is kept
    assert not Message.objects.exists()


def test_the_coach_sends_anyway(twilio, alice_client, quiet, tasks):
    alice_client.post(reverse("send", args=[quiet.pk]), {"body": "Urgent", "when": "now"})
    tasks()
    assert Message.objects.get().status == "sent" and len(twilio.sent) == 1


def test_the_coach_schedules_for_the_next_allowed_time(twilio, alice_client, quiet, tasks):
    alice_client.post(reverse("send", args=[quiet.pk]), {"body": "Demain", "when": "later"})
    tasks()
    message = Message.objects.get()
    assert message.status == "queued" and not twilio.sent
    assert message.send_after > timezone.now() + dt.timedelta(minutes=90)
    html = alice_client.get(reverse("thread", args=[quiet.pk])).content.decode()
    assert "programmé pour" in html


def test_an_automated_message_waits_for_the_next_allowed_time(twilio, quiet, tasks):
    message = queue_automated(quiet, "Ton chiffre de la semaine ?")
    tasks()
    message.refresh_from_db()
    assert message.status == "queued" and not twilio.sent
    assert message.send_after > timezone.now() + dt.timedelta(minutes=90)


def test_quiet_hours_follow_the_coachees_time_zone(twilio, practice_a, alice_client, tasks):
    quiet_now_in(practice_a, "Europe/Paris")
    far = Coachee.objects.create(
        practice=practice_a, name="Lou", phone="+15145550123", timezone="Pacific/Auckland"
    )
    queue_automated(far, "Hello from Paris")
    tasks()
    assert len(twilio.sent) == 1  # not quiet in Auckland right now


def test_an_automated_message_found_in_quiet_hours_at_send_time_is_held(twilio, quiet, tasks):
    from ancrage.messaging.services import queue_message

    message = queue_message(quiet, "check-in", kind="automated")  # queued before the night
    tasks()
    message.refresh_from_db()
    assert message.status == "queued" and message.send_after and not twilio.sent


def test_the_owner_edits_quiet_hours_and_a_bad_country_is_explained(alice_client, practice_a):
    url = reverse("sms_quiet_hours")
    data = {"quiet_start": "21:00", "quiet_end": "07:30", "quiet_sundays": "on"}
    response = alice_client.post(url, {**data, "quiet_holidays_country": "ZZ"})
    assert response.status_code == 422 and "ZZ" in response.content.decode()
    alice_client.post(url, {**data, "quiet_holidays_country": "be"})
    practice_a.refresh_from_db()
    assert practice_a.quiet_start == dt.time(21, 0) and practice_a.quiet_holidays_country == "BE"
