"""Upgrading keeps what every coach of an existing practice sees (migration 0004)."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from ancrage.coaching.access import visible_coachees
from ancrage.coaching.models import Coach, Coachee, Engagement, Practice
from tests.conftest import make_coach

upgrade = import_module("ancrage.coaching.migrations.0004_assign_existing_coachees")


def as_before_upgrade(practice: Practice, coach: Coach, name: str, phone: str) -> Coachee:
    """A client as they were before assignment existed: an engagement, nobody in charge."""
    coachee = Coachee.objects.create(practice=practice, name=name, phone=phone)
    Engagement.objects.create(practice=practice, coach=coach, coachee=coachee)
    return coachee


def names(coach: Coach) -> set[str]:
    return set(visible_coachees(Coach.objects.get(pk=coach.pk)).values_list("name", flat=True))


def test_every_coach_of_a_team_still_sees_every_client(db):
    practice = Practice.objects.create(name="Cabinet", slug="cabinet")
    first, second = make_coach("first", practice), make_coach("second", practice)  # no owner
    as_before_upgrade(practice, first, "Anne", "+33611111111")
    as_before_upgrade(practice, second, "Bruno", "+33622222222")
    Coachee.objects.create(practice=practice, name="Inconnu", phone="+33633333333")
    upgrade.keep_what_coaches_see(apps, None)
    assert Coach.objects.get(pk=first.pk).is_owner  # someone can manage the team now
    assert names(first) == names(second) == {"Anne", "Bruno", "Inconnu"}
    assert Coachee.objects.get(name="Bruno").coach == second
    assert Coachee.objects.get(name="Inconnu").coach is None


def test_a_single_coach_practice_sees_no_difference(db):
    practice = Practice.objects.create(name="Solo", slug="solo")
    solo = make_coach("solo", practice, "owner")
    as_before_upgrade(practice, solo, "Anne", "+33611111111")
    upgrade.keep_what_coaches_see(apps, None)
    assert names(solo) == {"Anne"} and Coachee.objects.get().coach == solo
    assert not Coachee.objects.get().shared_with.exists()


def test_a_new_client_after_the_upgrade_is_private_to_their_coach(db):
    practice = Practice.objects.create(name="Cabinet", slug="cabinet")
    owner, first, second = (make_coach(n, practice) for n in ("owner", "first", "second"))
    Coach.objects.filter(pk=owner.pk).update(role="owner")
    as_before_upgrade(practice, first, "Anne", "+33611111111")
    upgrade.keep_what_coaches_see(apps, None)
    Coachee.objects.create(practice=practice, name="Nouvelle", phone="+33644444444", coach=first)
    assert "Nouvelle" in names(first) and "Nouvelle" not in names(second)
    assert "Anne" in names(second)  # shared by the upgrade, until the owner says otherwise
