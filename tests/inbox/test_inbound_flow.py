"""Every SMS a client sends is triaged by the worker: a thank-you lands in the journal and gets
replies that hand the credit back; STOP gets no reply; nothing is ever counted twice."""

from __future__ import annotations

from ancrage.coaching.models import Coachee
from ancrage.inbox.handlers import on_inbound
from ancrage.inbox.models import JournalEntry, Triage
from ancrage.inbox.services import suggest_replies
from ancrage.messaging.models import Message
from ancrage.messaging.providers.simulator import new_sim_id, signed_request
from ancrage.messaging.services import simulate_inbound, webhook_url
from ancrage.messaging.tasks import process_inbound
from ancrage.messaging.webhooks import handle_webhook_request


def test_a_thank_you_is_triaged_journaled_and_answered_as_gratitude(camille, receive):
    message = receive(camille, "Merci beaucoup pour ton aide, mes devis passent enfin !")
    found = Triage.objects.get(message=message)
    assert found.category == "gratitude" and found.coachee == camille
    entry = JournalEntry.objects.get(coachee=camille, kind="gratitude")
    assert entry.text == message.body and entry.message == message
    assert entry.engagement == camille.current_engagement()
    category, replies = suggest_replies(camille)
    assert category == "gratitude"
    assert replies and all("Camille" in reply.text for reply in replies)


def test_a_thank_you_with_a_win_fills_both_journals(camille, receive):
    receive(camille, "Il a signé, trop contente, merci encore !")
    kinds = set(JournalEntry.objects.filter(coachee=camille).values_list("kind", flat=True))
    assert kinds == {"win", "gratitude"}
    assert suggest_replies(camille)[0] == "gratitude"  # the thank-you frames the reply


def test_a_question_is_triaged_but_not_journaled(camille, receive):
    message = receive(camille, "Est-ce que tu penses que je devrais augmenter mes prix ?")
    assert message.triage.category == "question"
    assert not JournalEntry.objects.exists()


def test_stop_is_triaged_opt_out_and_gets_no_suggestion(camille, receive):
    message = receive(camille, "STOP")
    assert Triage.objects.get(message=message).category == "opt_out"
    assert suggest_replies(camille) == ("opt_out", [])
    camille.refresh_from_db()
    assert not camille.can_receive_sms()


def test_a_message_from_an_unknown_number_is_triaged(practice_a, tasks):
    message = simulate_inbound(practice_a, "+33699887766", "Merci pour le conseil !")
    tasks()
    stranger = Coachee.objects.get(practice=practice_a, phone="+33699887766")
    assert stranger.is_unknown
    assert Triage.objects.get(message=message).category == "gratitude"
    assert JournalEntry.objects.get(coachee=stranger).engagement is None


def test_handling_the_same_sms_again_creates_no_duplicate(camille, receive):
    message = receive(camille, "Il a signé, trop contente, merci encore !")
    assert on_inbound(message.pk) == "gratitude"
    process_inbound.call(message.pk)
    assert Triage.objects.filter(message=message).count() == 1
    assert JournalEntry.objects.filter(message=message).count() == 2  # one win, one thanks


def test_a_webhook_retry_is_not_triaged_twice(camille, tasks):
    url = webhook_url(camille.practice, "simulator", "inbound")
    params = {"MessageSid": new_sim_id(), "From": camille.phone, "Body": "Merci pour tout !"}
    for _attempt in range(2):  # the provider did not hear our first 200 and posts again
        assert handle_webhook_request(signed_request(url, params)).status_code == 200
        tasks()
    assert Message.objects.filter(coachee=camille).count() == 1
    assert Triage.objects.filter(coachee=camille).count() == 1
    assert JournalEntry.objects.filter(coachee=camille).count() == 1


def test_the_handler_ignores_outbound_and_missing_messages(camille, receive):
    message = receive(camille, "Merci !")
    outbound = Message.objects.create(
        practice=camille.practice, coachee=camille, direction=Message.Direction.OUTBOUND,
        body="Avec plaisir", provider="simulator", status=Message.Status.QUEUED,
    )  # fmt: skip
    assert on_inbound(outbound.pk) == "ignored"
    assert on_inbound(message.pk + 10_000) == "ignored"
    assert not Triage.objects.filter(message=outbound).exists()
