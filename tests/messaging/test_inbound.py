from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from ancrage.coaching.models import Coachee
from ancrage.messaging.models import Message, WebhookEvent
from ancrage.messaging.providers.simulator import new_sim_id, signed_request
from ancrage.messaging.services import simulate_inbound, webhook_url


def post_webhook(client, request):
    path = (
        request.url.split("127.0.0.1:8000", 1)[1]
        if "127.0.0.1:8000" in request.url
        else request.url
    )
    return client.generic(
        "POST",
        path,
        request.body,
        content_type="application/x-www-form-urlencoded",
        headers={"X-Simulator-Signature": request.header("x-simulator-signature")},
    )


def test_a_simulated_reply_lands_in_the_coachees_thread(alice_client, camille):
    simulate_inbound(camille.practice, "06 12 34 56 78", "3 devis envoyés !")
    response = alice_client.get(reverse("coachee_detail", args=[camille.pk]))
    assert "3 devis envoyés !" in response.content.decode()


def test_an_sms_from_an_unknown_number_creates_a_flagged_coachee_nothing_is_dropped(
    alice_client, practice_a
):
    simulate_inbound(practice_a, "+33 7 45 67 89 01", "Bonjour, c'est Paul de l'atelier")
    coachee = Coachee.objects.get(practice=practice_a, phone="+33745678901")
    assert coachee.is_unknown
    html = alice_client.get(reverse("coachee_list")).content.decode()
    assert "numéro inconnu" in html and "Bonjour, c&#x27;est Paul" in html


def test_the_list_counts_unread_replies_until_the_thread_is_opened(alice_client, camille):
    simulate_inbound(camille.practice, camille.phone, "Une question")
    simulate_inbound(camille.practice, camille.phone, "Et une autre")
    assert Message.objects.filter(read_at__isnull=True).count() == 2
    alice_client.get(reverse("coachee_detail", args=[camille.pk]))
    assert Message.objects.filter(read_at__isnull=True).count() == 0


def test_a_forged_webhook_is_refused_and_nothing_is_stored(client, camille):
    url = webhook_url(camille.practice, "simulator", "inbound")
    good = signed_request(url, {"MessageSid": new_sim_id(), "From": camille.phone, "Body": "x"})
    forged = signed_request(url, {"MessageSid": new_sim_id(), "From": camille.phone, "Body": "y"})
    tampered = type(good)(good.url, "POST", good.headers, forged.body)
    assert post_webhook(client, tampered).status_code == 403
    assert not Message.objects.exists() and not WebhookEvent.objects.exists()


def test_a_webhook_replayed_ten_times_gives_one_message(client, camille):
    url = webhook_url(camille.practice, "simulator", "inbound")
    request = signed_request(
        url, {"MessageSid": new_sim_id(), "From": camille.phone, "Body": "Merci"}
    )
    for _ in range(10):
        assert post_webhook(client, request).status_code == 200
    assert Message.objects.filter(body="Merci").count() == 1
    assert WebhookEvent.objects.get().duplicates == 9  # the raw payload kept once, replays counted


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicate_webhooks_give_one_message(camille):
    url = webhook_url(camille.practice, "simulator", "inbound")
    request = signed_request(
        url, {"MessageSid": new_sim_id(), "From": camille.phone, "Body": "Top"}
    )

    def deliver(_):
        from django.db import connection
        from django.test import Client

        try:
            return post_webhook(Client(), request).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = list(pool.map(deliver, range(8)))
    assert codes == [200] * 8
    assert Message.objects.filter(body="Top").count() == 1


def test_a_malformed_webhook_gets_a_400_and_its_payload_is_kept(client, camille):
    url = webhook_url(camille.practice, "simulator", "inbound")
    request = signed_request(url, {"From": camille.phone})  # no MessageSid, no Body
    response = post_webhook(client, request)
    assert response.status_code == 400 and "MessageSid" in response.content.decode()
    assert WebhookEvent.objects.get().error


def test_a_webhook_for_an_unknown_practice_is_404(client, db):
    response = client.post("/webhooks/simulator/nope/inbound", {"a": "b"})
    assert response.status_code == 404
