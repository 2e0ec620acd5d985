"""The one-click taper: the check-in cadence one step sparser, through checkins' services."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.autonomy.services import CannotTaper, taper_enrolment
from ancrage.autonomy.taper import Cadence, tapered
from ancrage.checkins.models import Checkin, Enrolment
from tests.autonomy.conftest import PARIS


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (Cadence("weekly", (0, 3)), Cadence("weekly", (0,))),
        (Cadence("weekly", (0,)), Cadence("every_n_days", (), 14)),
        (Cadence("every_n_days", (), 7), Cadence("every_n_days", (), 14)),
        (Cadence("every_n_days", (), 14), Cadence("every_n_days", (), 28)),
        (Cadence("every_n_days", (), 20), Cadence("every_n_days", (), 28)),
        (Cadence("every_n_days", (), 28), None),
        (Cadence("once"), None),
    ],
)
def test_each_taper_is_one_step_sparser(current, expected):
    assert tapered(current) == expected


def next_monday() -> dt.date:
    today = timezone.now().astimezone(PARIS).date()
    return today + dt.timedelta(days=-today.weekday() % 7)


def test_one_click_moves_the_monday_checkin_to_every_two_weeks(alice_client, story):
    planned = Checkin.objects.create(
        practice=story.coachee.practice, enrolment=story.enrolment, coachee=story.coachee,
        due_on=next_monday() + dt.timedelta(weeks=1), due_at=timezone.now() + dt.timedelta(days=8),
    )  # fmt: skip
    page = alice_client.post(reverse("autonomy_taper", args=[story.enrolment.pk]), follow=True)
    assert "Points d’étape espacés : Point du lundi." in page.content.decode()
    old = Enrolment.objects.get(pk=story.enrolment.pk)
    new = Enrolment.objects.exclude(pk=old.pk).get()
    assert not old.is_active
    assert (new.cadence, new.every_days, new.at_time) == ("every_n_days", 14, dt.time(9, 0))
    assert new.program_id == old.program_id and new.engagement_id == old.engagement_id
    assert new.start_on == next_monday() and new.start_on.weekday() == 0
    assert new.created_by.user.username == "alice"
    planned.refresh_from_db()
    assert planned.status == "skipped"  # the old rhythm's next check-in does not go out
    assert Checkin.objects.filter(enrolment=story.enrolment, status="answered").count() == 6


def test_the_new_cadence_plans_check_ins_two_weeks_apart(story, alice):
    new = taper_enrolment(story.enrolment.pk, alice)
    from ancrage.checkins.planning import plan_checkins

    plan_checkins(timezone.now(), horizon=35)
    days = sorted(Checkin.objects.filter(enrolment=new).values_list("due_on", flat=True))
    gaps = {b - a for a, b in itertools.pairwise(days)}
    assert len(days) >= 2 and gaps == {dt.timedelta(days=14)}
    assert all(day.weekday() == 0 for day in days)


def test_a_second_click_changes_nothing_and_says_why(alice_client, story):
    url = reverse("autonomy_taper", args=[story.enrolment.pk])
    alice_client.post(url)
    page = alice_client.post(url, follow=True)
    assert "déjà été modifiés ou arrêtés" in page.content.decode()
    assert Enrolment.objects.count() == 2
    assert Enrolment.objects.filter(is_active=True).count() == 1


def test_a_once_only_checkin_cannot_be_tapered_and_stays(story, alice):
    Enrolment.objects.filter(pk=story.enrolment.pk).update(cadence="once")
    with pytest.raises(CannotTaper):
        taper_enrolment(story.enrolment.pk, alice)
    assert Enrolment.objects.get(pk=story.enrolment.pk).is_active


def test_when_enrolling_is_refused_the_old_checkins_keep_going(story, alice):
    story.engagement.status = "alumni"
    story.engagement.save(update_fields=["status"])
    with pytest.raises(CannotTaper, match="terminé"):
        taper_enrolment(story.enrolment.pk, alice)
    assert Enrolment.objects.get(pk=story.enrolment.pk).is_active
    assert Enrolment.objects.count() == 1


def test_a_taper_done_lately_is_not_suggested_again(alice_client, story, alice, acts_by_hand):
    taper_enrolment(story.enrolment.pk, alice)
    html = alice_client.get(reverse("coachee_detail", args=[story.coachee.pk])).content.decode()
    assert "La dépendance diminue." not in html
