"""A ray of sunshine: the coach who asked for it gets an e-mail when a client sends a win or a
thank-you, at once or in an evening digest, never inside the quiet hours of the practice (in
the server's time zone), and never twice for the same news."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ancrage.inbox.models import SunshineNotice, SunshineSetting
from ancrage.inbox.notify import send_pending, send_time
from ancrage.inbox.tasks import send_sunshine

THANKS = "Merci beaucoup pour ton aide, vraiment !"
TASK = "ancrage.inbox.tasks.send_sunshine"


@pytest.fixture(autouse=True)
def outbox(db, settings) -> list:
    """The e-mails sent during the test: the list the locmem backend appends to, which the
    database fixture replaces (so it is taken after it)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return mail.outbox


@pytest.fixture
def wants(alice):
    alice.user.email = "alice@example.org"
    alice.user.save()

    def wants(when: str, language: str = "en") -> SunshineSetting:
        return SunshineSetting.objects.create(coach=alice, when=when, language=language)

    return wants


def pending_sunshine_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=TASK, status="READY"))


def quiet_now(practice, settings) -> None:
    """Quiet hours from an hour ago to two hours from now, on the server's clock."""
    now = timezone.now().astimezone(ZoneInfo(settings.TIME_ZONE))
    practice.quiet_start = (now - dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    practice.quiet_end = (now + dt.timedelta(hours=2)).time().replace(second=0, microsecond=0)
    practice.save()


def test_an_immediate_e_mail_names_the_client_and_quotes_her(camille, wants, receive, outbox):
    wants("immediate")
    receive(camille, THANKS)
    assert len(outbox) == 1
    email = outbox[0]
    assert email.to == ["alice@example.org"]
    assert email.subject == "A ray of sunshine: 1 win(s) and thanks from your clients"
    assert "Camille" in email.body and THANKS in email.body
    assert "The credit is theirs" in email.body
    assert SunshineNotice.objects.get().sent_at is not None


def test_the_e_mail_speaks_the_coachs_language(camille, wants, receive, outbox):
    wants("immediate", language="fr")
    receive(camille, THANKS)
    assert outbox[0].subject.startswith("Un rayon de soleil : 1 victoire(s)")
    assert "De bonnes nouvelles de vos clients :" in outbox[0].body


def test_a_win_and_thanks_in_one_sms_make_one_e_mail(camille, wants, receive, outbox):
    wants("immediate")
    receive(camille, "Il a signé, trop contente, merci encore !")
    assert len(outbox) == 1
    assert outbox[0].subject.startswith("A ray of sunshine: 2 win(s)")


@pytest.mark.parametrize(
    "body", ["Est-ce qu'on peut décaler jeudi ?", "Encore un refus, je doute.", "STOP"]
)
def test_no_e_mail_for_an_sms_that_is_neither_win_nor_thanks(camille, wants, receive, outbox, body):
    wants("immediate")
    receive(camille, body)
    assert outbox == [] and not SunshineNotice.objects.exists()


def test_a_coach_who_said_never_gets_no_e_mail(camille, wants, receive, outbox):
    wants("off")
    receive(camille, THANKS)
    assert outbox == []
    assert not SunshineNotice.objects.exists() and pending_sunshine_tasks() == []


def test_a_coach_who_never_chose_gets_no_e_mail(camille, alice, receive, outbox):
    receive(camille, THANKS)
    assert outbox == [] and not SunshineNotice.objects.exists()


def test_a_coach_without_an_e_mail_address_gets_nothing_and_nothing_breaks(
    camille, alice, receive, outbox
):
    SunshineSetting.objects.create(coach=alice, when="immediate")
    receive(camille, THANKS)
    assert outbox == []


def test_inside_quiet_hours_nothing_is_sent_now_and_the_sending_waits(
    camille, practice_a, wants, receive, outbox, settings
):
    quiet_now(practice_a, settings)
    wants("immediate")
    receive(camille, THANKS)
    assert outbox == []
    waiting = pending_sunshine_tasks()
    assert len(waiting) == 1
    assert waiting[0].run_after > timezone.now() + dt.timedelta(hours=1)
    assert SunshineNotice.objects.get().sent_at is None


def test_a_sending_due_inside_quiet_hours_is_requeued_for_later(
    camille, alice, practice_a, wants, receive, outbox, settings, tasks
):
    wants("immediate")
    quiet_now(practice_a, settings)
    receive(camille, THANKS)
    send_sunshine.enqueue(alice.pk)  # queued before the quiet hours began, due now
    tasks()
    assert outbox == []
    ran = DBTaskResult.objects.filter(task_path=TASK, status="SUCCESSFUL")
    assert [t.return_value for t in ran] == [0]
    later = pending_sunshine_tasks()
    assert len(later) == 2  # the first sending, and the one moved out of the quiet hours
    assert all(t.run_after > timezone.now() + dt.timedelta(hours=1) for t in later)


def test_news_held_by_quiet_hours_goes_once_they_end(
    camille, alice, practice_a, wants, receive, outbox, settings
):
    wants("immediate")
    quiet_now(practice_a, settings)
    receive(camille, THANKS)
    practice_a.quiet_start = practice_a.quiet_end  # the quiet hours are over
    practice_a.save()
    assert send_sunshine.call(alice.pk) == 1
    assert len(outbox) == 1 and "Camille" in outbox[0].body


def test_quiet_hours_follow_the_server_clock_not_the_clients(
    camille, practice_a, wants, receive, outbox, settings
):
    camille.timezone = "Asia/Tokyo"  # their night is not the coach's
    camille.save()
    quiet_now(practice_a, settings)
    wants("immediate")
    receive(camille, THANKS)
    assert outbox == []


def test_two_runs_never_send_the_same_news_twice(camille, alice, wants, receive, outbox):
    wants("immediate")
    receive(camille, THANKS)
    assert send_sunshine.call(alice.pk) == 0
    assert send_pending(alice, timezone.now()) == 0
    assert len(outbox) == 1


def test_two_tasks_queued_before_either_runs_send_one_e_mail(
    camille, alice, wants, receive, outbox, tasks
):
    wants("immediate")
    receive(camille, THANKS)
    send_sunshine.enqueue(alice.pk)
    send_sunshine.enqueue(alice.pk)
    tasks()
    receive(camille, "J'ai signé le contrat avec le nouveau client ce matin !")
    assert len(outbox) == 2
    assert "signé le contrat" in outbox[1].body and THANKS not in outbox[1].body


def test_a_digest_is_scheduled_for_six_in_the_evening(camille, wants, receive, outbox, settings):
    wants("digest")
    receive(camille, THANKS)
    assert outbox == []
    (task,) = pending_sunshine_tasks()
    local = task.run_after.astimezone(ZoneInfo(settings.TIME_ZONE))
    assert (local.hour, local.minute) == (18, 0)
    assert dt.timedelta(0) < task.run_after - timezone.now() <= dt.timedelta(days=1)


def test_a_digest_gathers_the_days_news_in_one_e_mail(camille, alice, wants, receive, outbox):
    wants("digest")
    receive(camille, THANKS)
    receive(camille, "J'ai signé le contrat avec le nouveau client ce matin !")
    assert outbox == []
    assert send_sunshine.call(alice.pk) == 2  # what the worker does at 18:00
    assert len(outbox) == 1 and outbox[0].subject.startswith("A ray of sunshine: 2 win(s)")


PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 3, 2, 10, 0), dt.datetime(2026, 3, 2, 18, 0)),
        (dt.datetime(2026, 3, 2, 17, 59), dt.datetime(2026, 3, 2, 18, 0)),
        (dt.datetime(2026, 3, 2, 18, 0), dt.datetime(2026, 3, 3, 18, 0)),
        (dt.datetime(2026, 3, 2, 23, 30), dt.datetime(2026, 3, 3, 18, 0)),
        (dt.datetime(2026, 3, 29, 9, 0), dt.datetime(2026, 3, 29, 18, 0)),  # clocks went forward
    ],
)
def test_the_digest_goes_at_the_next_six_pm_paris_time(alice, settings, now, expected):
    settings.TIME_ZONE = "Europe/Paris"
    at = send_time(alice, "digest", now.replace(tzinfo=PARIS))
    assert at.astimezone(PARIS).replace(tzinfo=None) == expected


def test_a_digest_inside_quiet_hours_waits_for_them_to_end(alice, practice_a, settings):
    settings.TIME_ZONE = "Europe/Paris"
    practice_a.quiet_start, practice_a.quiet_end = dt.time(17, 0), dt.time(20, 30)
    practice_a.save()
    at = send_time(alice, "digest", dt.datetime(2026, 3, 2, 10, 0, tzinfo=PARIS))
    assert at.astimezone(PARIS) == dt.datetime(2026, 3, 2, 20, 30, tzinfo=PARIS)


def test_an_immediate_sending_goes_now_outside_quiet_hours(alice, settings):
    now = dt.datetime(2026, 3, 2, 10, 0, tzinfo=PARIS)
    assert send_time(alice, "immediate", now) == now


def test_news_from_an_unknown_number_goes_to_the_practice_owner(practice_a, wants, outbox, tasks):
    from ancrage.messaging.services import simulate_inbound

    wants("immediate")
    simulate_inbound(practice_a, "+33699887766", THANKS)
    tasks()
    assert len(outbox) == 1 and "+33 6 99 88 77 66" in outbox[0].body


def test_only_the_clients_own_coach_hears_the_news(camille, bob, wants, receive, outbox):
    wants("immediate")
    bob.user.email = "bob@example.org"
    bob.user.save()
    SunshineSetting.objects.create(coach=bob, when="immediate")
    receive(camille, THANKS)
    assert [e.to for e in outbox] == [["alice@example.org"]]


def test_news_is_not_lost_when_the_e_mail_cannot_be_sent(camille, alice, wants, receive, outbox):
    from unittest import mock

    wants("immediate")
    with mock.patch("ancrage.inbox.notify.send_mail", side_effect=OSError("SMTP down")):
        receive(camille, THANKS)
    assert outbox == []
    send_sunshine.call(alice.pk)  # the server is back
    assert len(outbox) == 1
