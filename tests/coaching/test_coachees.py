import pytest
from django.urls import reverse

from ancrage.coaching.models import Coachee, Engagement


def create(client, **data):
    payload = {
        "name": "Léa Petit",
        "phone": "06 22 33 44 55",
        "language": "fr",
        "timezone": "Europe/Paris",
        "consent_method": "orally",
        "consent_obtained_on": "2026-12-01",
    }
    payload.update(data)
    return client.post(reverse("coachee_create"), payload)


def test_a_coach_adds_a_client_and_an_intake_engagement_opens(alice_client, alice):
    response = create(alice_client)
    coachee = Coachee.objects.get(name="Léa Petit")
    assert response.status_code == 302 and coachee.phone == "+33622334455"
    assert coachee.practice == alice.practice
    assert Engagement.objects.get(coachee=coachee).status == "intake"


@pytest.mark.parametrize("phone", ["06 12", "+33 6 12 34 56 78 9", "appelez-moi"])
def test_an_invalid_phone_gets_a_specific_error_in_french(alice_client, phone):
    response = create(alice_client, phone=phone)
    html = response.content.decode()
    assert response.status_code == 200
    assert "n’est pas un numéro de téléphone valide" in html
    assert not Coachee.objects.exists()


def test_an_invalid_phone_gets_a_specific_error_in_english(alice_client):
    alice_client.cookies["django_language"] = "en"
    html = create(alice_client, phone="06 12").content.decode()
    assert "is not a valid phone number" in html


def test_a_duplicate_phone_in_the_same_practice_names_the_existing_client(alice_client, camille):
    html = create(alice_client, phone="06 12 34 56 78").content.decode()
    assert "Camille a déjà ce numéro dans votre cabinet." in html
    assert Coachee.objects.count() == 1


def test_the_same_phone_may_exist_in_another_practice(charlie_client, camille):
    response = create(charlie_client, phone="06 12 34 56 78")
    assert response.status_code == 302
    assert Coachee.objects.filter(phone="+33612345678").count() == 2


def test_an_unknown_timezone_is_refused(alice_client):
    html = create(alice_client, timezone="Mars/Olympus").content.decode()
    assert "Mars/Olympus" in html and not Coachee.objects.exists()


def test_naming_an_unknown_sender_makes_them_a_known_client(alice_client, practice_a):
    unknown = Coachee.objects.create(
        practice=practice_a, name="Inconnu", phone="+33611223344", is_unknown=True
    )
    alice_client.post(
        reverse("coachee_edit", args=[unknown.pk]),
        {"name": "Paul", "phone": "+33611223344", "language": "fr", "timezone": "Europe/Paris"},
    )
    unknown.refresh_from_db()
    assert unknown.name == "Paul" and not unknown.is_unknown


def test_an_engagement_moves_through_its_stages_one_step_at_a_time(alice_client, camille):
    engagement = camille.current_engagement()
    url = reverse("engagement_move", args=[engagement.pk])
    alice_client.post(url, {"status": "alumni"})  # skipping "closing" is refused
    engagement.refresh_from_db()
    assert engagement.status == "active"
    alice_client.post(url, {"status": "closing"})
    alice_client.post(url, {"status": "alumni"})
    engagement.refresh_from_db()
    assert engagement.status == "alumni" and engagement.ended_on is not None


def test_notes_and_intentions_are_saved_on_the_engagement(alice_client, camille):
    engagement = camille.current_engagement()
    alice_client.post(
        reverse("engagement_update", args=[engagement.pk]), {"intentions": "Oser ses prix"}
    )
    alice_client.post(reverse("note_add", args=[engagement.pk]), {"note-body": "Très motivée"})
    html = alice_client.get(reverse("coachee_detail", args=[camille.pk])).content.decode()
    assert "Oser ses prix" in html and "Très motivée" in html


def test_the_client_list_shows_each_clients_engagement_stage(alice_client, camille):
    html = alice_client.get(reverse("coachee_list"), headers={"accept-language": "en"}).content
    assert b"Camille" in html and b"Active" in html
    camille.engagements.update(status="closing")
    html = alice_client.get(reverse("coachee_list"), headers={"accept-language": "en"}).content
    assert b"Closing" in html
