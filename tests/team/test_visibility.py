"""A coach sees the clients in their charge, those shared with them and those in nobody's
charge; an owner sees every client; another practice sees nothing. Hidden means 404, on
every list and every page, exactly as a client that does not exist."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, get_resolver, reverse

from ancrage.coaching.access import can_see, visible_coachees
from ancrage.coaching.models import Coachee, Note
from ancrage.conversations.models import AnalysisJob
from ancrage.inbox.models import JournalEntry
from ancrage.messaging.models import Message
from tests.conftest import client_for
from tests.team.conftest import inbound_of

LISTS = ["coachee_list", "inbox", "metrics_overview", "checkin_list"]

# Every page about one client, by the client's id, with the method it answers to.
BY_COACHEE = [
    ("get", "coachee_detail"), ("get", "coachee_edit"), ("post", "coachee_edit"),
    ("get", "thread"), ("post", "send"), ("get", "simulator"), ("post", "simulator"),
    ("get", "reply_suggestions"), ("get", "draft_check"), ("post", "journal_add"),
    ("post", "enrol"), ("post", "value_add"), ("get", "thread_analysis"),
    ("post", "engagement_start"),
]  # fmt: skip
FORM = {"body": "intrusion", "text": "intrusion", "kind": "win", "name": "Intrus",
        "phone": "0611223399", "status": "closing", "intentions": "intrusion", "value": "1"}  # fmt: skip


def page(client, name: str, *args) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, name
    return response.content.decode()


@pytest.mark.parametrize("name", LISTS)
def test_a_coach_does_not_see_a_colleagues_unshared_client_in_any_list(
    dora_client, basile, delphine, name
):
    html = page(dora_client, name)
    assert "Basile" not in html
    assert "Delphine" in html or name == "checkin_list"  # her own client (check-ins: below)


def test_the_checkin_list_shows_the_coachs_own_clients_and_their_problems(
    dora_client, basile, delphine
):
    html = page(dora_client, "checkin_list")
    assert "Delphine" in html and "Basile" not in html
    assert html.count("Paused: the quiet hours") == 1  # her enrolment's problem, not his


@pytest.mark.parametrize("name", LISTS)
def test_the_owner_sees_every_client_in_every_list(alice_client, basile, delphine, name):
    html = page(alice_client, name)
    assert "Basile" in html and "Delphine" in html


@pytest.mark.parametrize(("method", "name"), BY_COACHEE)
def test_every_page_of_a_colleagues_client_answers_404(dora_client, basile, method, name):
    response = getattr(dora_client, method)(reverse(name, args=[basile.pk]), FORM)
    assert response.status_code == 404
    assert "Basile" not in response.content.decode()
    assert not Message.objects.filter(body="intrusion").exists()
    assert not JournalEntry.objects.filter(text="intrusion").exists()
    assert Coachee.objects.get(pk=basile.pk).name == "Basile"


def _client_routes() -> list[str]:
    """Every route of the app under coachees/<pk>/, including ones added after this test."""
    return [
        p.name
        for p in get_resolver().url_patterns
        if isinstance(p, URLPattern) and p.name and str(p.pattern).startswith("coachees/<int:pk>/")
    ]


@pytest.mark.parametrize("name", _client_routes())
def test_no_route_about_one_client_shows_a_colleagues_client(dora_client, basile, name):
    url = reverse(name, args=[basile.pk])
    for response in (dora_client.get(url), dora_client.post(url, FORM)):
        assert response.status_code in (404, 405), (name, response.status_code)
        assert "Basile" not in response.content.decode()


def test_pages_by_engagement_entry_value_enrolment_and_message_answer_404(dora_client, basile):
    engagement = basile.current_engagement()
    targets = [
        ("engagement_move", engagement.pk), ("engagement_update", engagement.pk),
        ("note_add", engagement.pk), ("journal_edit", basile.journal.get().pk),
        ("journal_delete", basile.journal.get().pk),
        ("value_correct", basile.metric_values.get().pk),
        ("enrolment_stop", engagement.enrolments.get().pk),
        ("message_resolve", inbound_of(basile).pk),
    ]  # fmt: skip
    for name, pk in targets:
        response = dora_client.post(reverse(name, args=[pk]), {**FORM, "action": "mark_sent"})
        assert response.status_code == 404, name
    engagement.refresh_from_db()
    assert engagement.status == "active" and not Note.objects.exists()
    assert basile.journal.get().text == "Victoire de Basile"
    assert engagement.enrolments.get().is_active


def test_the_coach_in_charge_and_the_owner_open_the_client(bob_client, alice_client, basile):
    for client in (bob_client, alice_client):
        assert "Message secret de Basile" in page(client, "coachee_detail", basile.pk)


def test_sharing_a_client_shows_it_to_the_named_coach_only(practice_a, dora, dora_client, basile):
    from tests.conftest import make_coach

    emile = make_coach("emile", practice_a)
    basile.shared_with.add(dora)
    assert "Message secret de Basile" in page(dora_client, "coachee_detail", basile.pk)
    assert "Basile" in page(dora_client, "inbox") and "Basile" in page(dora_client, "coachee_list")
    assert not can_see(emile, basile)
    basile.shared_with.remove(dora)
    assert dora_client.get(reverse("coachee_detail", args=[basile.pk])).status_code == 404


def test_a_client_in_nobodys_charge_is_seen_by_every_coach_until_assigned(practice_a, bob, dora):
    unknown = Coachee.objects.create(
        practice=practice_a, name="Inconnu", phone="+33699887766", is_unknown=True
    )  # as an SMS from a number no client has creates it
    assert unknown.coach is None
    assert can_see(bob, unknown) and can_see(dora, unknown)
    unknown.coach = bob
    unknown.save(update_fields=["coach"])
    assert can_see(bob, unknown) and not can_see(dora, unknown)


def test_a_shared_client_is_counted_once_in_the_client_list(practice_a, bob, dora, basile):
    basile.shared_with.add(dora, bob)
    assert list(visible_coachees(dora).filter(name="Basile")) == [basile]


def test_a_transcript_analysis_is_its_uploaders_and_the_owners(
    practice_a, bob, dora_client, alice_client
):
    job = AnalysisJob.objects.create(practice=practice_a, coach=bob, name="appel.vtt")
    url = reverse("analysis_job", args=[job.pk])
    assert dora_client.get(url).status_code == 404
    assert alice_client.get(url).status_code == 200
    assert client_for(bob).get(url).status_code == 200


def test_another_practice_sees_nothing_even_as_owner(charlie_client, basile, delphine):
    for name in LISTS:
        html = page(charlie_client, name)
        assert "Basile" not in html and "Delphine" not in html
    assert charlie_client.get(reverse("coachee_detail", args=[basile.pk])).status_code == 404


def test_adding_a_number_another_coach_follows_never_names_their_client(bob_client, delphine):
    """Dora's client is hidden from Bob: the duplicate number is refused without her name."""
    from tests.coaching.test_coachees import create

    response = create(bob_client, phone="06 11 00 00 02")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Delphine" not in html
    assert "Another coach of your practice already follows this number" in html
