"""A coach never reaches another practice's inbox: suggestions, draft checks, the journal and
the inbox listing answer 404 or leave the other practice out; nobody signed out sees a thing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ancrage.inbox.models import JournalEntry, SunshineSetting
from ancrage.inbox.services import add_entry
from tests.inbox.conftest import new_coachee

SECRET = "Merci pour tout, mon devis secret est accepté !"


@pytest.fixture
def alices_entry(camille, alice, receive) -> JournalEntry:
    receive(camille, SECRET)
    return add_entry(camille, alice, "win", "Contrat Dupont signé", camille.created_at)


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "reply_suggestions"),
        ("get", "draft_check"),
        ("post", "journal_add"),
    ],
)
def test_a_coach_of_another_practice_gets_404_on_a_coachees_inbox_pages(
    charlie_client, camille, alices_entry, method, name
):
    before = JournalEntry.objects.count()
    response = getattr(charlie_client, method)(
        reverse(name, args=[camille.pk]), {"body": "x", "kind": "win", "text": "intrusion"}
    )
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert JournalEntry.objects.count() == before


def test_a_coach_of_another_practice_cannot_edit_a_journal_entry(charlie_client, alices_entry):
    url = reverse("journal_edit", args=[alices_entry.pk])
    response = charlie_client.post(url, {"kind": "gratitude", "text": "intrusion"})
    assert response.status_code == 404
    alices_entry.refresh_from_db()
    assert (alices_entry.kind, alices_entry.text) == ("win", "Contrat Dupont signé")


def test_a_coach_of_another_practice_cannot_delete_a_journal_entry(charlie_client, alices_entry):
    response = charlie_client.post(reverse("journal_delete", args=[alices_entry.pk]))
    assert response.status_code == 404
    assert JournalEntry.objects.filter(pk=alices_entry.pk).exists()


def test_another_practices_inbox_never_lists_alices_clients(
    charlie_client, charlie, practice_b, alice_client, alices_entry
):
    new_coachee(practice_b, charlie, "Zoé", "+33633445566")
    theirs = charlie_client.get(reverse("inbox")).content.decode()
    assert "Zoé" in theirs
    assert "Camille" not in theirs and SECRET[:20] not in theirs
    for params in ({"q": "Camille"}, {"q": "612345678"}, {"category": "gratitude"}):
        found = charlie_client.get(reverse("inbox"), params, headers={"accept-language": "en"})
        assert "No conversation matches these filters." in found.content.decode()
    ours = alice_client.get(reverse("inbox")).content.decode()
    assert "Camille" in ours and "Zoé" not in ours


def test_a_colleague_of_the_same_practice_sees_the_suggestions(bob, camille, alices_entry):
    from tests.conftest import client_for

    response = client_for(bob).get(reverse("reply_suggestions", args=[camille.pk]))
    assert response.status_code == 200 and "Camille" in response.content.decode()


def test_saving_the_e_mail_preference_touches_only_ones_own(charlie_client, charlie, alice):
    SunshineSetting.objects.create(coach=alice, when="immediate")
    charlie_client.post(reverse("sunshine_save"), {"when": "off", "language": "en"})
    assert SunshineSetting.objects.get(coach=alice).when == "immediate"
    assert SunshineSetting.objects.get(coach=charlie).when == "off"


@pytest.mark.parametrize(
    ("method", "name", "needs_pk"),
    [
        ("get", "inbox", False),
        ("post", "sunshine_save", False),
        ("get", "reply_suggestions", True),
        ("get", "draft_check", True),
        ("post", "journal_add", True),
        ("post", "journal_edit", "entry"),
        ("post", "journal_delete", "entry"),
    ],
)
def test_someone_signed_out_is_sent_to_the_login_page(
    camille, alices_entry, method, name, needs_pk
):
    args = {False: [], True: [camille.pk], "entry": [alices_entry.pk]}[needs_pk]
    response = getattr(Client(), method)(reverse(name, args=args), {"text": "x", "kind": "win"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert JournalEntry.objects.filter(pk=alices_entry.pk, text="Contrat Dupont signé").exists()
    assert not JournalEntry.objects.filter(text="x").exists()
