"""Planning check-in rows: exactly once, postponed by quiet hours (never dropped), and an
unusable time zone paused with a message rather than an error."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from ancrage.checkins.models import Checkin, Enrolment, Program
from ancrage.checkins.services import CannotEnrol, enrol, plan_checkins, run_scheduler
from ancrage.coaching.models import Coachee, Practice
from tests.checkins.conftest import monday_checkin, new_coachee, questions_to
from tests.conftest import client_for

PARIS = ZoneInfo("Europe/Paris")
LONG_AGO = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def enrolled(coachee: Coachee, cadence: str = "every_n_days", **rule) -> Enrolment:
    """An enrolment not planned yet (created long ago, so that no slot is "before it")."""
    prog = monday_checkin(coachee.practice)
    rule = {"cadence": cadence, "start_on": dt.date(2026, 1, 1), "every_days": 1, **rule}
    enrolment = Enrolment.objects.create(
        practice=coachee.practice, engagement=coachee.current_engagement(), program=prog, **rule
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=LONG_AGO)
    return enrolment


def rows(enrolment: Enrolment) -> list[tuple[dt.date, dt.datetime, int]]:
    checkins = Checkin.objects.filter(enrolment=enrolment).order_by("due_on")
    return list(checkins.values_list("due_on", "due_at", "pk"))


def paris(year, month, day, hour=0, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS)


@pytest.fixture
def quiet_nights_sundays_and_french_holidays(practice_a):
    Practice.objects.filter(pk=practice_a.pk).update(
        quiet_start=dt.time(20, 30),
        quiet_end=dt.time(8, 0),
        quiet_sundays=True,
        quiet_holidays_country="FR",
    )


# -- exactly once -------------------------------------------------------------------------------
def test_planning_twice_gives_each_day_one_check_in(camille):
    enrolment = enrolled(camille)
    now = paris(2026, 6, 10, 12)
    plan_checkins(now)
    first = rows(enrolment)
    plan_checkins(now)
    assert rows(enrolment) == first
    assert [due_on for due_on, _, _ in first] == [dt.date(2026, 6, 10 + i) for i in range(8)]


def test_overlapping_horizons_add_only_the_missing_days(camille):
    enrolment = enrolled(camille)
    plan_checkins(paris(2026, 6, 10, 12), horizon=3)
    short = rows(enrolment)
    plan_checkins(paris(2026, 6, 11, 12), horizon=7)
    plan_checkins(paris(2026, 6, 10, 12), horizon=7)
    longer = rows(enrolment)
    assert longer[: len(short)] == short  # the rows planned first are untouched
    assert [due_on.day for due_on, _, _ in longer] == list(range(10, 19))


def test_planning_again_after_a_crash_before_the_bookmark_adds_no_duplicate(camille):
    enrolment = enrolled(camille)
    plan_checkins(paris(2026, 6, 10, 12))
    before = rows(enrolment)
    # A scheduler died after inserting its rows but before recording how far it planned.
    Enrolment.objects.filter(pk=enrolment.pk).update(planned_until=None)
    plan_checkins(paris(2026, 6, 10, 12))
    assert rows(enrolment) == before


def test_a_slot_earlier_than_the_enrolment_is_not_planned(camille):
    enrolment = enrolled(camille, at_time=dt.time(9, 0))
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=paris(2026, 6, 10, 10))
    plan_checkins(paris(2026, 6, 10, 10, 30))
    assert rows(enrolment)[0][0] == dt.date(2026, 6, 11)  # today's 09:00 had already passed


def test_mondays_at_nine_stay_at_nine_paris_time_across_the_march_change(camille):
    enrolment = enrolled(camille, cadence="weekly", weekdays="0", at_time=dt.time(9, 0))
    plan_checkins(paris(2027, 3, 20, 12), horizon=10)  # Mondays 22 and 29 March
    due = [due_at.astimezone(PARIS) for _, due_at, _ in rows(enrolment)]
    assert [(d.day, d.hour, d.minute) for d in due] == [(22, 9, 0), (29, 9, 0)]


# -- quiet hours postpone, never drop -----------------------------------------------------------
def test_a_sunday_slot_with_quiet_sundays_moves_to_monday_at_eight(
    camille, quiet_nights_sundays_and_french_holidays
):
    enrolment = enrolled(camille, cadence="weekly", weekdays="6", at_time=dt.time(10, 0))
    plan_checkins(paris(2026, 6, 10, 12))  # a Wednesday; Sunday is 14 June
    [(due_on, due_at, _)] = rows(enrolment)
    assert due_on == dt.date(2026, 6, 14)  # still Sunday's check-in...
    assert due_at == paris(2026, 6, 15, 8, 0)  # ...sent on Monday at 08:00 Paris time


def test_a_french_public_holiday_moves_the_check_in_to_the_next_morning(
    camille, quiet_nights_sundays_and_french_holidays
):
    enrolment = enrolled(camille, cadence="weekly", weekdays="1", at_time=dt.time(10, 0))
    plan_checkins(paris(2026, 7, 10, 12))  # Tuesday 14 July is Bastille Day
    [(due_on, due_at, _)] = rows(enrolment)
    assert due_on == dt.date(2026, 7, 14)
    assert due_at == paris(2026, 7, 15, 8, 0)


def test_quiet_hours_postpone_every_day_of_a_week_and_drop_none(
    camille, quiet_nights_sundays_and_french_holidays
):
    enrolment = enrolled(camille, at_time=dt.time(22, 0))  # every evening, in quiet hours
    plan_checkins(paris(2026, 6, 10, 12))
    planned = rows(enrolment)
    assert len(planned) == 8
    for due_on, due_at, _ in planned:
        moved = due_at.astimezone(PARIS)
        assert moved.time() == dt.time(8, 0) and moved.date() > due_on
        assert moved.weekday() != 6  # never on a Sunday


# -- a time zone that no longer exists ----------------------------------------------------------
@pytest.fixture
def lost_in_space(camille, alice):
    """Camille's zone was renamed away (bypassing validation); Paul is fine."""
    paul = new_coachee(camille.practice, alice, "Paul Durand", "+33698765432")
    broken, fine = enrolled(camille), enrolled(paul)
    Coachee.objects.filter(pk=camille.pk).update(timezone="Mars/Olympus")
    return broken, fine


def test_an_unusable_time_zone_pauses_that_enrolment_and_plans_the_others(lost_in_space):
    broken, fine = lost_in_space
    plan_checkins(paris(2026, 6, 10, 12))
    broken.refresh_from_db()
    assert "Mars/Olympus" in broken.problem
    assert not rows(broken)
    assert len(rows(fine)) == 8


def test_the_check_ins_page_says_which_time_zone_to_fix(lost_in_space, alice):
    plan_checkins(paris(2026, 6, 10, 12))
    client = client_for(alice)
    response = client.get(reverse("checkin_list"), headers={"accept-language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Camille" in html and "« Mars/Olympus » cannot be used" in html


def test_a_time_zone_lost_after_planning_does_not_stop_sending_to_others(camille, alice):
    paul = new_coachee(camille.practice, alice, "Paul Durand", "+33698765432")
    enrolled(camille, at_time=dt.time(0, 0))
    enrolled(paul, at_time=dt.time(0, 0))
    plan_checkins()  # today's midnight check-ins, due now, for both
    Coachee.objects.filter(pk=camille.pk).update(timezone="Mars/Olympus")
    run_scheduler()
    assert len(questions_to(paul)) == 1
    lost = Checkin.objects.filter(coachee=camille).order_by("due_at").first()
    assert (lost.status, lost.reason) == ("skipped", "timezone")
    assert lost.enrolment.problem == "timezone:Mars/Olympus"


def test_a_coachee_page_with_a_lost_time_zone_still_opens(lost_in_space, alice):
    plan_checkins(paris(2026, 6, 10, 12))
    client = client_for(alice)
    response = client.get(reverse("coachee_detail", args=[lost_in_space[0].engagement.coachee_id]))
    assert response.status_code == 200 and "Camille" in response.content.decode()


# -- enrolling --------------------------------------------------------------------------------
def test_enrolling_in_a_program_with_no_question_is_refused_on_the_coachee_page(
    camille, alice_client
):
    empty = Program.objects.create(practice=camille.practice, name_fr="Vide", name_en="Empty")
    response = alice_client.post(
        reverse("enrol", args=[camille.pk]),
        {"program": empty.pk, "cadence": "weekly", "weekdays": ["0"], "at_time": "09:00",
         "every_days": 7, "start_on": "2026-06-01", "delay_days": 0, "skip_if_wrote_hours": 12},
        headers={"accept-language": "en"},
        follow=True,
    )  # fmt: skip
    assert response.status_code == 200
    assert "This program has no question yet" in response.content.decode()
    assert not Enrolment.objects.exists() and not Checkin.objects.exists()


def test_the_enrol_service_refuses_a_program_with_no_question_too(camille):
    empty = Program.objects.create(practice=camille.practice, name_fr="Vide", name_en="Empty")
    with pytest.raises(CannotEnrol, match="no question"):
        enrol(camille.current_engagement(), empty, cadence="weekly", weekdays="0",
              start_on=dt.date(2026, 6, 1))  # fmt: skip
    assert not Enrolment.objects.exists()


def test_a_good_enrolment_from_the_coachee_page_plans_the_next_week(camille, alice_client):
    prog = monday_checkin(camille.practice)
    alice_client.post(
        reverse("enrol", args=[camille.pk]),
        {"program": prog.pk, "cadence": "every_n_days", "at_time": "23:59", "every_days": 1,
         "start_on": dt.date.today().isoformat(), "delay_days": 0, "skip_if_wrote_hours": 12},
    )  # fmt: skip
    enrolment = Enrolment.objects.get()
    assert enrolment.program == prog and 7 <= enrolment.checkins.count() <= 9


def test_a_planned_row_holds_the_same_defaults_as_a_new_checkin(camille):
    # Planning inserts rows in SQL (for speed), bypassing the model's defaults.
    enrolment = enrolled(camille)
    plan_checkins(paris(2026, 6, 10, 12))
    planned = Checkin.objects.filter(enrolment=enrolment).first()
    fresh = Checkin()
    for name in ["status", "reason", "position", "reasked", "asked_id", "opened_at", "closes_at"]:
        assert getattr(planned, name) == getattr(fresh, name), name
    assert planned.practice_id == camille.practice_id and planned.coachee_id == camille.pk
