"""The journal of wins and thanks: filled by SMS, and by the coach, who can add, correct and
remove an entry; an entry without text is refused with a message and nothing is stored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.inbox.models import JournalEntry
from ancrage.inbox.services import add_entry

EN = {"accept-language": "en"}
REFUSED = "A journal entry needs a kind and some text."


def post(client, name: str, pk: int, data: dict):
    return client.post(reverse(name, args=[pk]), data, headers=EN, follow=True)


@pytest.fixture
def entry(camille, alice) -> JournalEntry:
    at = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)
    return add_entry(camille, alice, "win", "Premier devis à 2 000 € accepté", at)


def test_the_coach_adds_a_win_to_the_journal(alice_client, alice, camille):
    data = {"kind": "win", "text": "A osé annoncer 2 400 €", "occurred_on": "2026-03-02"}
    response = post(alice_client, "journal_add", camille.pk, data)
    assert response.redirect_chain[-1][0] == reverse("coachee_detail", args=[camille.pk])
    html = response.content.decode()
    assert "Added to the journal." in html
    assert "A osé annoncer 2 400 €" in html
    entry = JournalEntry.objects.get(coachee=camille)
    assert (entry.kind, entry.created_by, entry.message) == ("win", alice, None)
    assert entry.occurred_at.date() == dt.date(2026, 3, 2)
    assert entry.engagement == camille.current_engagement()


def test_an_entry_without_a_date_is_dated_today(alice_client, camille):
    post(alice_client, "journal_add", camille.pk, {"kind": "gratitude", "text": "Merci !"})
    occurred = JournalEntry.objects.get(coachee=camille).occurred_at
    assert timezone.localdate(occurred) == timezone.localdate()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "win", "text": ""},
        {"kind": "win", "text": "   \n  "},
        {"kind": "win"},
        {"kind": "", "text": "Un contrat signé"},
        {"kind": "struggle", "text": "Un contrat signé"},
        {"kind": "win", "text": "x" * 2001},
    ],
    ids=["empty", "blank", "missing", "no-kind", "wrong-kind", "too-long"],
)
def test_an_entry_without_text_or_kind_is_refused_and_nothing_is_stored(
    alice_client, camille, data
):
    response = post(alice_client, "journal_add", camille.pk, data)
    assert REFUSED in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_the_refusal_is_in_french_by_default(alice_client, camille):
    url = reverse("journal_add", args=[camille.pk])
    html = alice_client.post(url, {"kind": "win", "text": ""}, follow=True).content.decode()
    assert "Une entrée du journal demande un type et un texte." in html


def test_the_coach_corrects_an_entry(alice_client, entry):
    data = {"kind": "gratitude", "text": "Merci pour le devis à 2 000 €"}
    response = post(alice_client, "journal_edit", entry.pk, data)
    assert "Journal entry saved." in response.content.decode()
    entry.refresh_from_db()
    assert (entry.kind, entry.text) == ("gratitude", "Merci pour le devis à 2 000 €")
    assert entry.occurred_at.date() == dt.date(2026, 3, 2)  # the date stays


def test_a_correction_without_text_is_refused_and_the_entry_kept(alice_client, entry):
    response = post(alice_client, "journal_edit", entry.pk, {"kind": "win", "text": " "})
    assert REFUSED in response.content.decode()
    entry.refresh_from_db()
    assert entry.text == "Premier devis à 2 000 € accepté"


def test_the_coach_removes_an_entry(alice_client, camille, entry):
    response = post(alice_client, "journal_delete", entry.pk, {})
    assert response.redirect_chain[-1][0] == reverse("coachee_detail", args=[camille.pk])
    html = response.content.decode()
    assert "Journal entry removed." in html
    assert "Premier devis à 2 000 € accepté" not in html
    assert not JournalEntry.objects.exists()


def test_a_colleague_of_the_practice_can_correct_the_journal(bob, entry):
    from tests.conftest import client_for

    post(client_for(bob), "journal_edit", entry.pk, {"kind": "win", "text": "Corrigé par Bob"})
    entry.refresh_from_db()
    assert entry.text == "Corrigé par Bob"


def test_removing_an_entry_needs_a_post(alice_client, entry):
    assert alice_client.get(reverse("journal_delete", args=[entry.pk])).status_code == 405
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_the_client_page_shows_journal_entries_newest_first(alice_client, camille, alice, entry):
    later = dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC)
    add_entry(camille, alice, "gratitude", "Merci pour ces trois mois", later)
    html = alice_client.get(reverse("coachee_detail", args=[camille.pk]), headers=EN)
    text = html.content.decode()
    assert text.index("Merci pour ces trois mois") < text.index("Premier devis à 2 000 €")


def test_a_thank_you_by_sms_appears_in_the_journal_on_the_client_page(
    alice_client, camille, receive
):
    receive(camille, "Merci beaucoup pour ton aide, vraiment !")
    html = alice_client.get(reverse("coachee_detail", args=[camille.pk]), headers=EN)
    assert "<q>Merci beaucoup pour ton aide, vraiment !</q>" in html.content.decode()
