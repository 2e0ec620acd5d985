"""The owner's audit page: their practice's entries only, filterable, never a 500."""

from __future__ import annotations

import datetime as dt

from auditlog.context import set_actor
from django.urls import reverse
from django.utils import timezone

from ancrage.audit.models import AuditEntry, Event
from ancrage.coaching.models import Coachee
from tests.conftest import client_for


def test_the_owner_sees_the_practices_entries_with_who_and_what(alice_client, alice, camille):
    alice_client.post(reverse("send", args=[camille.pk]), {"body": "Bonjour Camille"})
    html = alice_client.get(reverse("audit_log")).content.decode()
    assert "alice" in html
    assert "SMS sent" in html or "SMS envoyé" in html
    assert "Bonjour Camille" not in html  # who sent what, never the text


def test_an_owner_never_sees_another_practices_entries(charlie_client, alice, camille):
    with set_actor(alice.user):
        Coachee.objects.create(practice=camille.practice, name="Secret", phone="+33611119999")
    alices = AuditEntry.objects.filter(practice=camille.practice).count()
    assert alices > 0
    response = charlie_client.get(reverse("audit_log"))
    assert response.status_code == 200
    shown = list(response.context["page"].object_list)
    charlies = response.wsgi_request.coach.practice_id
    assert all(e.practice_id == charlies for e in shown)
    assert len(shown) == AuditEntry.objects.filter(practice_id=charlies).count()


def test_a_coach_who_is_not_the_owner_is_refused_in_words(bob):
    response = client_for(bob).get(reverse("audit_log"))
    assert response.status_code == 403
    text = response.content.decode()
    assert "owner" in text or "responsable" in text


def test_the_nav_link_shows_for_the_owner_only(alice_client, bob):
    assert reverse("audit_log") in alice_client.get(reverse("coachee_list")).content.decode()
    assert reverse("audit_log") not in client_for(bob).get(reverse("coachee_list")).content.decode()


def test_filter_by_actor_and_event(alice_client, alice, bob, camille):
    client_for(bob).post(reverse("send", args=[camille.pk]), {"body": "De Bob"})
    alice_client.post(reverse("send", args=[camille.pk]), {"body": "D'Alice"})
    response = alice_client.get(
        reverse("audit_log"), {"actor": bob.user.pk, "event": Event.SMS_SENT}
    )
    rows = list(response.context["page"].object_list)
    assert len(rows) == 1 and rows[0].actor == bob.user


def test_filter_by_dates(alice_client, camille):
    today = timezone.localdate()
    in_range = alice_client.get(reverse("audit_log"), {"since": today, "until": today})
    assert len(in_range.context["page"].object_list) > 0
    tomorrow = today + dt.timedelta(days=1)
    later = alice_client.get(reverse("audit_log"), {"since": tomorrow})
    assert len(later.context["page"].object_list) == 0


def test_an_actor_of_another_practice_is_not_a_choice(alice_client, charlie, camille):
    response = alice_client.get(reverse("audit_log"), {"actor": charlie.user.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["actor"]
    assert len(response.context["page"].object_list) == 0


def test_dates_in_the_wrong_order_get_a_clear_message(alice_client, camille):
    response = alice_client.get(
        reverse("audit_log"), {"since": "2026-12-06", "until": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "2026" in str(response.context["form"].non_field_errors())


def test_nonsense_in_the_query_is_no_500(alice_client, camille):
    for query in ({"since": "yesterday"}, {"event": "hack"}, {"actor": "x"}, {"page": "-3"}):
        assert alice_client.get(reverse("audit_log"), query).status_code == 200
