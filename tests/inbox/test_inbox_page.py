"""The inbox, the coach's home page: conversations waiting for the coach first (the oldest
unanswered first), then the rest by last activity; filters; a category badge; and a page
whose cost in queries does not grow with the number of clients."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ancrage.inbox.services import Filters, inbox
from ancrage.messaging.models import Message
from tests.checkins.conftest import enrol_soon, monday_checkin, send_due
from tests.inbox.conftest import new_coachee, received

EN = {"accept-language": "en"}


def names(rows) -> list[str]:
    return [c.name for c in rows]


def page(client, **params) -> str:
    response = client.get(reverse("inbox"), params, headers=EN)
    assert response.status_code == 200
    return response.content.decode()


def in_page_order(html: str, *people: str) -> bool:
    positions = [html.index(f">{name}") for name in people]
    return positions == sorted(positions)


def replied(coachee, hours_ago: float, kind=Message.Kind.MANUAL) -> Message:
    return Message.objects.create(
        practice=coachee.practice, coachee=coachee, direction=Message.Direction.OUTBOUND,
        kind=kind, body="Réponse", provider="simulator", status=Message.Status.DELIVERED,
        created_at=timezone.now() - dt.timedelta(hours=hours_ago),
    )  # fmt: skip


@pytest.fixture
def practice(practice_a, alice):
    """Four clients: two waiting (Dora for 30 h, Eve for 2 h), two answered."""
    people = {}
    for name, phone in [
        ("Dora", "+33611000001"),
        ("Eve", "+33611000002"),
        ("Fanny", "+33611000003"),
        ("Gus", "+33611000004"),
    ]:
        people[name] = new_coachee(practice_a, alice, name, phone)
    received(people["Eve"], "Est-ce qu'on peut décaler notre séance de jeudi ?", 2)
    received(people["Dora"], "Merci beaucoup pour ton aide, vraiment !", 30)
    received(people["Fanny"], "Encore un refus, je commence à douter de moi.", 50)
    replied(people["Fanny"], 1)  # answered an hour ago: her conversation is the most recent
    received(people["Gus"], "J'ai signé le contrat avec le nouveau client !", 10)
    replied(people["Gus"], 5)
    return people


def test_conversations_waiting_come_first_oldest_unanswered_first(practice_a, practice):
    rows = inbox(practice_a)
    assert names(rows) == ["Dora", "Eve", "Fanny", "Gus"]
    assert [bool(c.waiting_since) for c in rows[:4]] == [True, True, False, False]


def test_the_page_shows_waiting_conversations_first(alice_client, practice):
    html = page(alice_client)
    assert in_page_order(html, "Dora", "Eve", "Fanny", "Gus")
    assert html.count('class="waiting"') == 2
    assert "waiting for you for 1\xa0day" in html


def test_a_client_who_never_wrote_comes_last(practice_a, practice, camille):
    assert names(inbox(practice_a))[-1] == "Camille"


def test_a_reply_by_the_coach_takes_a_conversation_out_of_waiting(
    alice_client, practice_a, practice
):
    dora = practice["Dora"]
    response = alice_client.post(reverse("send", args=[dora.pk]), {"body": "Avec plaisir !"})
    assert response.status_code == 200
    rows = inbox(practice_a)
    assert names(rows)[:2] == ["Eve", "Dora"]  # Dora: the latest activity of the rest
    assert not rows[1].waiting_since


def test_a_new_sms_after_the_coachs_reply_waits_again(practice_a, practice):
    received(practice["Gus"], "Tu as un conseil pour préparer mon entretien ?", 1)
    assert names(inbox(practice_a))[:3] == ["Dora", "Eve", "Gus"]


def test_an_automated_sms_is_not_an_answer_by_the_coach(practice_a, practice):
    replied(practice["Dora"], 1, kind=Message.Kind.AUTOMATED)
    assert inbox(practice_a)[0].name == "Dora"


def test_an_understood_checkin_answer_does_not_wait_for_the_coach(
    practice_a, camille, tasks, receive
):
    enrol_soon(camille, monday_checkin(practice_a))
    assert send_due() == {"sent": 1}
    tasks()
    receive(camille, "3 devis partis, 1 signé à 3 100 €")
    assert camille.messages.filter(checkin_answer__understood=True).exists()
    assert not inbox(practice_a)[0].waiting_since


def test_a_checkin_answer_not_understood_waits_for_the_coach(practice_a, camille, tasks, receive):
    enrol_soon(camille, monday_checkin(practice_a))
    send_due()
    tasks()
    receive(camille, "Je ne sais pas trop, on en parle jeudi")
    assert inbox(practice_a)[0].waiting_since


# -- filters and badge ------------------------------------------------------------------------
def test_the_category_filter_keeps_the_clients_whose_latest_sms_is_of_it(
    alice_client, practice_a, practice
):
    assert names(inbox(practice_a, Filters(category="gratitude"))) == ["Dora"]
    assert names(inbox(practice_a, Filters(category="struggle"))) == ["Fanny"]
    html = page(alice_client, category="win")
    assert "Gus" in html and "Dora" not in html and "Eve" not in html


def test_the_stage_filter_keeps_the_clients_at_that_stage(alice_client, practice_a, practice):
    engagement = practice["Eve"].current_engagement()
    engagement.status = "alumni"
    engagement.save()
    assert names(inbox(practice_a, Filters(stage="alumni"))) == ["Eve"]
    html = page(alice_client, stage="alumni")
    assert "Eve" in html and "Dora" not in html


def test_the_search_finds_a_client_by_name_or_number(alice_client, practice_a, practice):
    assert names(inbox(practice_a, Filters(search="fan"))) == ["Fanny"]
    assert names(inbox(practice_a, Filters(search="11000004"))) == ["Gus"]
    html = page(alice_client, q="dora")
    assert "Dora" in html and "Fanny" not in html


@pytest.mark.parametrize("typed", ["06 11 00 00 04", "0611000004", "+33 6 11 00 00 04"])
def test_the_search_finds_a_client_by_the_number_as_a_coach_types_it(practice_a, practice, typed):
    assert names(inbox(practice_a, Filters(search=typed))) == ["Gus"]


def test_filters_combine(practice_a, practice):
    assert names(inbox(practice_a, Filters(category="gratitude", search="eve"))) == []


def test_no_match_says_so(alice_client, practice):
    assert "No conversation matches these filters." in page(alice_client, q="zzz")


def test_an_unknown_filter_value_is_ignored(alice_client, practice):
    html = page(alice_client, category="nonsense", stage="' OR 1=1")
    assert all(name in html for name in ["Dora", "Eve", "Fanny", "Gus"])


def badges(html: str) -> list[tuple[str, str]]:
    """(category, label) of every badge, in page order."""
    return re.findall(r'class="badge-cat cat-(\w+)"[^>]*>([^<]+)<', html)


def test_the_badge_shows_the_category_of_the_latest_sms(alice_client, practice):
    assert badges(page(alice_client)) == [
        ("gratitude", "Gratitude"),
        ("scheduling", "Scheduling"),
        ("struggle", "Struggle"),
        ("win", "Win"),
    ]  # Dora, Eve, Fanny, Gus


def test_an_ok_gets_no_badge(alice_client, practice_a, alice):
    hal = new_coachee(practice_a, alice, "Hal", "+33611000009")
    received(hal, "ok", 1)
    html = page(alice_client, q="Hal")
    assert "Hal" in html and badges(html) == []


# -- cost -------------------------------------------------------------------------------------
def clients(practice, coach, count: int, start: int = 0) -> None:
    bodies = ["Merci pour tout !", "J'ai signé !", "Je doute de moi.", "Tu peux jeudi ?"]
    for i in range(start, start + count):
        coachee = new_coachee(practice, coach, f"Client {i:02}", f"+336120000{i:02}")
        received(coachee, bodies[i % len(bodies)], hours_ago=i + 1)
        if i % 3 == 0:
            replied(coachee, hours_ago=i * 0.5)


def queries_for_inbox(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("inbox")).status_code == 200
    return len(queries)


def test_the_inbox_page_costs_the_same_queries_for_3_or_30_clients(alice_client, practice_a, alice):
    queries_for_inbox(alice_client)  # the first visit also stores her e-mail preference
    clients(practice_a, alice, 3)
    few = queries_for_inbox(alice_client)
    clients(practice_a, alice, 27, start=3)
    many = queries_for_inbox(alice_client)
    assert page(alice_client).count("Client ") == 30
    assert many == few
    assert few <= 12
