from django.urls import reverse

from ancrage.consent.services import Source, record_opt_out
from ancrage.messaging.models import Message, SimulatedSms
from ancrage.messaging.tasks import deliver_message


def send(client, coachee, body):
    return client.post(reverse("send", args=[coachee.pk]), {"body": body})


def test_a_coach_message_reaches_the_simulated_phone_and_comes_back_delivered(
    alice_client, camille, tasks
):
    response = send(alice_client, camille, "Qu'attends-tu de notre séance de jeudi ?")
    assert response.status_code == 200
    message = Message.objects.get(coachee=camille, direction="out")
    assert message.status == "queued" and message.encoding == "GSM-7" and message.segments == 1

    tasks()  # the worker sends; the simulator's delivery report comes back as a webhook task
    message.refresh_from_db()
    assert message.status == "delivered"
    assert message.provider_message_id.startswith("SM") and message.sent_at and message.delivered_at
    phone = SimulatedSms.objects.get(to=camille.phone)
    assert phone.body == "Qu'attends-tu de notre séance de jeudi ?"


def test_the_send_task_is_idempotent_a_message_is_never_sent_twice(alice_client, camille, tasks):
    send(alice_client, camille, "Combien de devis envoyés cette semaine ?")
    message = Message.objects.get(coachee=camille)
    deliver_message.enqueue(message.pk)  # a duplicate task, as after a retry or a double click
    deliver_message.enqueue(message.pk)
    tasks()
    assert SimulatedSms.objects.filter(to=camille.phone).count() == 1
    message.refresh_from_db()
    assert message.attempts == 1


def test_an_opted_out_coachee_is_never_sent_anything_even_if_already_queued(
    alice_client, camille, tasks
):
    send(alice_client, camille, "Un dernier message")
    record_opt_out(camille.practice, camille.phone, Source.COACH, detail="STOP")
    tasks()
    message = Message.objects.get(coachee=camille)
    assert message.status == "failed" and message.error_code == "opted_out"
    assert not SimulatedSms.objects.exists()
    response = send(alice_client, camille, "Et celui-ci ?")
    assert response.status_code == 422
    assert "opted out" in response.content.decode() or "désinscrit" in response.content.decode()
    assert Message.objects.filter(coachee=camille).count() == 1


def test_an_empty_message_is_refused_with_a_clear_error_in_french(alice_client, camille):
    response = send(alice_client, camille, "   ")
    assert response.status_code == 422
    assert "Le message est vide." in response.content.decode()
    assert not Message.objects.exists()


def test_a_message_over_ten_sms_is_refused_in_english_for_an_english_coach(alice_client, camille):
    alice_client.cookies["django_language"] = "en"
    response = send(alice_client, camille, "ê" * 700)  # UCS-2, 67 per part: 11 parts
    assert response.status_code == 422
    assert "This message would take 11 SMS; the limit is 10." in response.content.decode()
    assert not Message.objects.exists()


def test_the_composer_shows_the_cost_and_the_characters_forcing_ucs2(alice_client):
    response = alice_client.get(reverse("sms_cost"), {"body": "C’est « top »"})
    html = response.content.decode()
    assert "UCS-2" in html and "<code>’</code>" in html and "C&#x27;est &quot;top&quot;" in html
    response = alice_client.get(reverse("sms_cost"), {"body": "a" * 161})
    assert "2 SMS (GSM-7)" in response.content.decode()
