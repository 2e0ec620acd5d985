"""Replies by SMS, end to end through the simulator and the task queue: read against the open
check-in, stored as numbers, re-asked once when unclear, then left for the coach."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from ancrage.checkins.answering import on_inbound
from ancrage.checkins.models import Answer, Checkin, MetricValue
from ancrage.checkins.services import close_windows
from ancrage.coaching.models import Coachee
from ancrage.messaging.models import Message
from ancrage.messaging.services import simulate_inbound
from tests.checkins.conftest import enrol_soon, monday_checkin, questions_to, send_due

NUMBERS = "3 devis partis, 1 signé à 3 100 €"
CONFIDENCE_FR = "Et ta confiance cette semaine, sur 10 ?"


@pytest.fixture
def reply(camille, tasks):
    """Camille texts `body`; the queue runs (her reply is read, our SMS go out)."""

    def send(body: str, phone: str | None = None) -> Message:
        message = simulate_inbound(camille.practice, phone or camille.phone, body)
        tasks()
        return message

    return send


def values(coachee: Coachee) -> dict[str, Decimal]:
    return dict(MetricValue.objects.filter(coachee=coachee).values_list("metric__key", "value"))


def status(checkin: Checkin) -> str:
    checkin.refresh_from_db()
    return checkin.status


def test_several_numbers_in_one_reply_are_stored_and_the_next_question_follows(
    asked, camille, reply
):
    reply(NUMBERS)
    assert values(camille) == {
        "quotes_sent": Decimal(3), "quotes_accepted": Decimal(1), "price": Decimal(3100),
    }  # fmt: skip
    assert questions_to(camille)[-1] == CONFIDENCE_FR
    assert status(asked) == Checkin.Status.OPEN
    value = MetricValue.objects.get(metric__key="price")
    assert value.source == "sms" and value.measured_on == asked.due_on
    assert value.answer.body == NUMBERS


def test_a_score_in_words_is_stored_and_the_numbers_are_confirmed_by_sms(asked, camille, reply):
    reply(NUMBERS)
    reply("neuf sur dix")
    assert values(camille)["confidence"] == Decimal(9)
    assert status(asked) == Checkin.Status.ANSWERED
    confirmation = questions_to(camille)[-1]
    assert confirmation.startswith("Noté : ") and confirmation.endswith("Merci !")
    for said in ("devis envoyés 3", "devis acceptés 1", "prix demandé 3 100 €", "confiance 9/10"):
        assert said in confirmation


def test_no_confirmation_when_the_program_does_not_ask_for_one(asked, camille, reply):
    asked.enrolment.program.__class__.objects.filter(pk=asked.enrolment.program_id).update(
        confirm=False
    )
    reply(NUMBERS)
    reply("8")
    assert status(asked) == Checkin.Status.ANSWERED
    assert not any(body.startswith("Noté") for body in questions_to(camille))


def test_an_unclear_reply_is_asked_again_once_with_an_example(asked, camille, reply):
    reply(NUMBERS)
    reply("bof")
    reask = questions_to(camille)[-1]
    assert reask.startswith("Pardon, je n'ai pas compris.") and CONFIDENCE_FR in reask
    assert "Répondez par un chiffre de 1 à 10, par exemple : 7" in reask
    assert status(asked) == Checkin.Status.OPEN
    reply("7")
    assert values(camille)["confidence"] == Decimal(7)
    assert status(asked) == Checkin.Status.ANSWERED


def test_unclear_twice_is_left_for_the_coach_with_no_value_and_no_third_sms(asked, camille, reply):
    reply("bof")
    reask = questions_to(camille)[-1]
    assert "Répondez par exemple : 3 devis envoyés, 3 devis acceptés, 2 500 €" in reask
    reply("bof bof")
    assert status(asked) == Checkin.Status.NEEDS_COACH
    assert values(camille) == {}
    assert len(questions_to(camille)) == 2  # the question and its one re-ask
    assert [a.understood for a in Answer.objects.order_by("pk")] == [False, False]


def test_twelve_on_a_one_to_ten_scale_is_not_taken(asked, camille, reply):
    reply(NUMBERS)
    reply("12")
    assert "confidence" not in values(camille)
    assert "de 1 à 10" in questions_to(camille)[-1]
    assert status(asked) == Checkin.Status.OPEN


def test_stop_during_a_check_in_opts_out_and_is_not_read_as_an_answer(asked, camille, reply):
    reply("STOP")
    camille.refresh_from_db()
    assert camille.consent == Coachee.Consent.OPTED_OUT
    assert not Answer.objects.exists() and values(camille) == {}
    close_windows()
    assert status(asked) == Checkin.Status.UNANSWERED


def test_a_reply_after_the_window_closed_stays_in_the_thread_only(asked, camille, reply):
    Checkin.objects.filter(pk=asked.pk).update(closes_at=timezone.now() - dt.timedelta(hours=1))
    message = reply("3 devis, 1 signé, 2 000 €")
    assert not Answer.objects.exists() and values(camille) == {}
    assert Message.objects.get(pk=message.pk).coachee == camille  # kept for the coach to read
    close_windows()
    assert status(asked) == Checkin.Status.UNANSWERED


def test_a_reply_before_the_question_went_out_is_not_read_as_its_answer(camille, reply):
    enrol_soon(camille, monday_checkin(camille.practice))
    send_due()  # queued, but the worker has not sent it yet
    message = simulate_inbound(camille.practice, camille.phone, "3")
    assert on_inbound(message.pk) == "not_an_answer"
    assert not Answer.objects.exists()


def test_an_sms_from_an_unknown_number_creates_no_value(asked, camille, reply):
    reply(NUMBERS, phone="+33 7 45 67 89 01")
    assert not MetricValue.objects.exists() and not Answer.objects.exists()
    assert status(asked) == Checkin.Status.OPEN
    assert len(questions_to(camille)) == 1


def test_the_same_reply_delivered_twice_is_read_once(asked, camille, reply):
    message = reply(NUMBERS)
    assert on_inbound(message.pk) == "not_an_answer"
    assert MetricValue.objects.count() == 3


@pytest.mark.parametrize(
    "body",
    ["😀👍🎉", "très " * 200, "1" * 1000],
    ids=["emoji-only", "1000-characters-of-words", "1000-digits"],
)
def test_odd_replies_store_nothing_and_ask_again(asked, camille, reply, body):
    reply(body)
    assert values(camille) == {}
    assert questions_to(camille)[-1].startswith("Pardon")
    assert status(asked) == Checkin.Status.OPEN
    assert Answer.objects.get().body == body  # kept as sent, for the coach


def test_a_reply_to_the_coachs_own_sms_is_left_for_the_coach(asked, alice, tasks):
    from ancrage.messaging.services import queue_message

    queue_message(asked.coachee, "Au fait, on décale jeudi ?", sent_by=alice)
    tasks()
    simulate_inbound(asked.coachee.practice, asked.coachee.phone, "Oui pas de souci, 14h ?")
    tasks()
    asked.refresh_from_db()
    assert asked.status == "open" and asked.answers.count() == 0
    assert not asked.reasked  # nothing asked again: the coachee was answering the coach
