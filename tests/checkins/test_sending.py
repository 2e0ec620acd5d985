"""Sending a due check-in: its first question in the client's language, or a recorded reason
not to (opted out, wrote recently, too late), and never two open at once for one client."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from ancrage.checkins.models import Checkin
from ancrage.checkins.services import run_scheduler, send_due_checkins
from ancrage.coaching.models import Coachee
from ancrage.consent.services import Source, record_opt_out
from ancrage.messaging.models import Message, SimulatedSms
from ancrage.messaging.services import simulate_inbound
from tests.checkins.conftest import (
    enrol_soon,
    monday_checkin,
    only_checkin,
    program,
    questions_to,
    send_due,
)

FIRST_FR = "Point du lundi : combien de devis envoyés cette semaine"
FIRST_EN = "Monday check-in: how many quotes sent this week"


def test_a_due_check_in_sends_its_first_question_in_french(camille, tasks):
    enrol_soon(camille, monday_checkin(camille.practice))
    assert send_due() == {"sent": 1}
    tasks()
    message = Message.objects.get(coachee=camille)
    assert message.kind == Message.Kind.AUTOMATED and message.status in {"sent", "delivered"}
    assert message.body.startswith(FIRST_FR)
    assert SimulatedSms.objects.get().body.startswith(FIRST_FR)
    assert only_checkin(camille).status == Checkin.Status.OPEN


def test_an_english_speaking_client_gets_the_question_in_english(camille):
    Coachee.objects.filter(pk=camille.pk).update(language="en")
    camille.refresh_from_db()
    enrol_soon(camille, monday_checkin(camille.practice))
    send_due()
    assert [body[: len(FIRST_EN)] for body in questions_to(camille)] == [FIRST_EN]


def test_nothing_goes_out_before_its_time(camille):
    enrol_soon(camille, monday_checkin(camille.practice))
    assert send_due_checkins(timezone.now()) == {}
    assert questions_to(camille) == []
    assert only_checkin(camille).status == Checkin.Status.SCHEDULED


def test_a_client_who_just_wrote_is_not_interrupted_by_a_check_in(camille):
    simulate_inbound(camille.practice, camille.phone, "Je t'appelle demain")
    enrol_soon(camille, monday_checkin(camille.practice), skip_if_wrote_hours=12)
    assert send_due() == {"skipped": 1}
    checkin = only_checkin(camille)
    assert (checkin.status, checkin.reason) == ("skipped", "wrote_recently")
    assert questions_to(camille) == []


def test_a_message_older_than_the_skip_window_does_not_skip_the_check_in(camille):
    message = simulate_inbound(camille.practice, camille.phone, "Je t'appelle demain")
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - dt.timedelta(hours=13))
    enrol_soon(camille, monday_checkin(camille.practice), skip_if_wrote_hours=12)
    assert send_due() == {"sent": 1}


def test_an_opted_out_client_is_skipped_and_no_sms_reaches_the_provider(camille, tasks):
    record_opt_out(camille.practice, camille.phone, Source.COACH, detail="test")
    enrol_soon(camille, monday_checkin(camille.practice))
    send_due()
    tasks()
    checkin = only_checkin(camille)
    assert (checkin.status, checkin.reason) == ("skipped", "opted_out")
    assert not SimulatedSms.objects.exists()


def test_a_client_who_opts_out_after_the_question_was_queued_never_receives_it(camille, tasks):
    enrol_soon(camille, monday_checkin(camille.practice))
    send_due()
    record_opt_out(camille.practice, camille.phone, Source.COACH, detail="test")
    tasks()
    assert not SimulatedSms.objects.exists()
    assert Message.objects.get(coachee=camille).status == "failed"


def test_a_check_in_that_could_not_go_out_within_its_validity_expires(camille):
    enrol_soon(camille, monday_checkin(camille.practice))
    Checkin.objects.update(due_at=timezone.now() - dt.timedelta(hours=25))  # validity: 24 h
    assert send_due() == {"expired": 1}
    assert only_checkin(camille).status == Checkin.Status.EXPIRED
    assert questions_to(camille) == []


def test_a_stopped_enrolment_sends_nothing_more(camille, alice_client):
    enrolment = enrol_soon(camille, monday_checkin(camille.practice))
    alice_client.post(f"/enrolments/{enrolment.pk}/stop/")
    assert send_due() == {}
    assert only_checkin(camille).status == Checkin.Status.SKIPPED
    assert questions_to(camille) == []


def test_a_second_check_in_waits_while_one_is_open_for_the_same_client(camille):
    enrol_soon(camille, monday_checkin(camille.practice))
    send_due()
    enrol_soon(camille, program(camille.practice, "Clôture"))
    assert send_due() == {}
    assert len(questions_to(camille)) == 1
    Checkin.objects.filter(status="open").update(status="answered")
    assert send_due() == {"sent": 1}
    assert questions_to(camille)[1].startswith("Pour clore")


def test_two_check_ins_due_at_once_for_one_client_open_one_at_a_time(camille):
    """One pass of the scheduler finds both due: only one question may go out, or the next
    reply would be read against the wrong one."""
    enrol_soon(camille, monday_checkin(camille.practice))
    enrol_soon(camille, program(camille.practice, "Clôture"))
    send_due()
    assert Checkin.objects.filter(coachee=camille, status="open").count() == 1
    assert len(questions_to(camille)) == 1


def test_the_scheduler_pass_closes_windows_with_no_answer(camille):
    enrol_soon(camille, monday_checkin(camille.practice))
    send_due()
    Checkin.objects.update(closes_at=timezone.now() - dt.timedelta(minutes=1))
    assert run_scheduler()["closed"] == 1
    assert only_checkin(camille).status == Checkin.Status.UNANSWERED
