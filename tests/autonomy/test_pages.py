"""The autonomy panel on the client's page and the closing view, as a coach sees them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from ancrage.checkins.models import Enrolment
from ancrage.inbox.models import JournalEntry
from ancrage.messaging.models import Message


def test_the_clients_page_shows_the_autonomy_charts_with_their_tables_and_reading(
    alice_client, story, acts_by_hand
):
    page = alice_client.get(reverse("coachee_detail", args=[story.coachee.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="autonomy"' in html
    assert "Léa ouvre désormais" in html and "échanges sur 10" in html
    data = json.loads(html.split('id="autonomy-data" type="application/json">')[1].split("<")[0])
    assert [series["key"] for series in data] == [
        "initiative", "unprompted", "coach_words", "questions", "confidence",
    ]  # fmt: skip
    confidence = data[-1]["values"]
    assert confidence[:8] == [4, 4, 5, 5, 7, 7, 8, 8]
    assert html.count("<table") >= 5  # a table behind every chart
    assert "autonomy/autonomy.js" in html and "<script>" not in html  # no inline script (CSP)


def test_the_page_suggests_spacing_out_the_monday_checkin_when_reliance_falls(
    alice_client, story, acts_by_hand
):
    html = alice_client.get(reverse("coachee_detail", args=[story.coachee.pk])).content.decode()
    assert "Passer « Point du lundi » à toutes les deux semaines ?" in html
    assert reverse("autonomy_taper", args=[story.enrolment.pk]) in html


def test_no_suggestion_when_reliance_does_not_fall(alice_client, camille):
    html = alice_client.get(reverse("coachee_detail", args=[camille.pk])).content.decode()
    assert "Trop tôt pour comparer" in html
    assert "autonomy_taper" not in html and "/taper/" not in html


def test_the_page_still_shows_when_the_analyzer_fails(alice_client, story, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("weights missing")

    monkeypatch.setattr("ancrage.autonomy.acts.analyze", broken)
    page = alice_client.get(reverse("coachee_detail", args=[story.coachee.pk]))
    assert page.status_code == 200
    assert "l’analyseur n’a pas pu lire cet échange" in page.content.decode()


def test_the_closing_view_sets_intentions_beside_the_numbers_then_and_now(
    alice_client, story, acts_by_hand
):
    JournalEntry.objects.create(
        practice=story.coachee.practice, coachee=story.coachee, engagement=story.engagement,
        kind="win", text="Premier devis à 3 000 € signé", occurred_at=story.end,
    )  # fmt: skip
    page = alice_client.get(reverse("autonomy_closing", args=[story.engagement.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Oser annoncer mes prix sans m&#x27;excuser." in html  # intentions
    assert "Premier devis à 3 000 € signé" in html  # the journal
    assert "J&#x27;ai osé annoncer mon prix sans détour." in html  # her own words
    assert "3 devis envoyés, 1 accepté" not in html  # numbers answered to a check-in are not
    assert "Confiance" in html and "4/10" in html and "8/10" in html  # first and latest week
    assert "Échanges ouverts par le client" in html and "0 %" in html
    assert "@media print" in _stylesheet(alice_client)
    assert "data-print" in html


def _stylesheet(client) -> str:
    from django.contrib.staticfiles import finders

    return open(finders.find("autonomy/autonomy.css"), encoding="utf-8").read()


def test_the_closing_view_speaks_english_to_an_english_speaking_coach(alice_client, story):
    alice_client.cookies["django_language"] = "en"
    html = alice_client.get(reverse("autonomy_closing", args=[story.engagement.pk])).content
    assert b"the road travelled" in html and b"Intentions set at intake" in html


def test_an_engagement_without_any_data_gets_a_closing_view_that_says_so(alice_client, camille):
    engagement = camille.current_engagement()
    html = alice_client.get(reverse("autonomy_closing", args=[engagement.pk])).content.decode()
    assert "Pas encore de chiffres pour cet accompagnement." in html
    assert "Pas encore de victoire" in html


def test_an_unknown_engagement_is_a_404_not_an_error(alice_client, db):
    assert alice_client.get(reverse("autonomy_closing", args=[999999])).status_code == 404


# -- tenant isolation ----------------------------------------------------------------------------
def test_a_coach_of_another_practice_cannot_see_the_closing_view(charlie_client, story):
    page = charlie_client.get(reverse("autonomy_closing", args=[story.engagement.pk]))
    assert page.status_code == 404
    assert b"L\xc3\xa9a" not in page.content


def test_a_coach_of_another_practice_cannot_taper_anothers_checkins(charlie_client, story):
    page = charlie_client.post(reverse("autonomy_taper", args=[story.enrolment.pk]))
    assert page.status_code == 404
    assert Enrolment.objects.get(pk=story.enrolment.pk).is_active
    assert Enrolment.objects.count() == 1


def test_signed_out_visitors_are_sent_to_the_login_page(client, story):
    page = client.get(reverse("autonomy_closing", args=[story.engagement.pk]))
    assert page.status_code == 302 and "/login/" in page["Location"]


@pytest.mark.parametrize("method", ["get", "put"])
def test_the_taper_action_only_accepts_a_post(alice_client, story, method):
    page = getattr(alice_client, method)(reverse("autonomy_taper", args=[story.enrolment.pk]))
    assert page.status_code == 405


def test_the_closing_view_counts_only_this_engagements_messages(alice_client, story, alice):
    from ancrage.coaching.models import Engagement

    Message.objects.create(
        practice=story.coachee.practice, coachee=story.coachee, direction="in",
        body="Un message bien avant le début de cet accompagnement-là", status="received",
        provider="simulator", created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    assert Engagement.objects.filter(coachee=story.coachee).count() == 1
    html = alice_client.get(reverse("autonomy_closing", args=[story.engagement.pk])).content
    assert "bien avant le début".encode() not in html


def test_a_client_without_engagement_has_no_autonomy_section(alice_client, practice_a):
    from ancrage.coaching.models import Coachee

    coachee = Coachee.objects.create(practice=practice_a, name="Noé", phone="+33611112222")
    page = alice_client.get(reverse("coachee_detail", args=[coachee.pk]))
    assert page.status_code == 200 and b'id="autonomy"' not in page.content
