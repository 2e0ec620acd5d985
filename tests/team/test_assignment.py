"""The owner puts clients in a coach's charge and shares them; consent is not theirs to change
here: it belongs to the client's number (ancrage.consent)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from ancrage.coaching.access import can_see
from ancrage.coaching.models import Coachee
from ancrage.consent.models import ConsentEvent
from ancrage.consent.services import Source, record_opt_out


def assign(client, coachee: Coachee, coach=None, shared=(), **extra):
    data = {f"c{coachee.pk}-coach": coach.pk if coach else "", **extra}
    data[f"c{coachee.pk}-shared_with"] = [c.pk for c in shared]
    return client.post(reverse("team_assign", args=[coachee.pk]), data, follow=True)


def fresh(coachee: Coachee) -> Coachee:
    return Coachee.objects.get(pk=coachee.pk)


def test_the_owner_moves_a_client_to_another_coach_with_the_engagement(
    alice_client, bob, dora, basile
):
    html = assign(alice_client, basile, dora).content.decode()
    assert "Saved for Basile" in html
    assert fresh(basile).coach == dora and basile.current_engagement().coach == dora
    assert can_see(dora, basile) and not can_see(bob, basile)


def test_the_owner_shares_a_client_with_named_coaches(alice_client, bob, dora, basile):
    assign(alice_client, basile, bob, shared=[dora])
    assert list(fresh(basile).shared_with.all()) == [dora]
    assert can_see(dora, basile)
    assign(alice_client, basile, bob, shared=[])
    assert not can_see(dora, basile)


def test_the_clients_page_lists_every_client_with_its_coach(alice_client, basile, delphine):
    html = alice_client.get(reverse("team_clients")).content.decode()
    assert "Basile" in html and "Delphine" in html and "dora" in html


def test_a_coach_of_another_practice_is_not_a_choice(alice_client, charlie, basile, bob):
    html = assign(alice_client, basile, charlie).content.decode()
    assert "Select a valid choice" in html
    assert fresh(basile).coach == bob


def test_a_deactivated_coach_is_not_given_new_clients(alice_client, dora, basile, bob):
    dora.user.is_active = False
    dora.user.save()
    assign(alice_client, basile, dora)
    assert fresh(basile).coach == bob


def test_another_practice_cannot_assign_our_clients(charlie_client, charlie, basile, bob):
    response = charlie_client.post(reverse("team_assign", args=[basile.pk]), {})
    assert response.status_code == 404 and fresh(basile).coach == bob
    assert "Basile" not in charlie_client.get(reverse("team_clients")).content.decode()


def test_a_coach_cannot_assign_or_share(bob_client, bob, dora, basile):
    response = bob_client.post(
        reverse("team_assign", args=[basile.pk]), {f"c{basile.pk}-shared_with": [dora.pk]}
    )
    assert response.status_code == 403 and not fresh(basile).shared_with.exists()


def test_the_team_pages_do_not_change_consent(alice_client, alice, dora, basile):
    record_opt_out(basile.practice, basile.phone, Source.SMS_KEYWORD, coachee=basile,
                   detail='SMS "STOP"')  # fmt: skip
    events = ConsentEvent.objects.count()
    assign(alice_client, basile, dora, consent="opted_in", consent_source="owner")
    basile = fresh(basile)
    assert basile.coach == dora  # the assignment went through, the consent fields did not
    assert basile.consent == "opted_out" and not basile.can_receive_sms()
    assert ConsentEvent.objects.count() == events


def test_a_client_who_said_stop_stays_out_whoever_follows_them(alice_client, dora, basile):
    record_opt_out(basile.practice, basile.phone, Source.SMS_KEYWORD, coachee=basile)
    assign(alice_client, basile, dora)
    page = alice_client.get(reverse("team_clients")).content.decode()
    assert "STOP" in page  # shown, read-only
    assert not fresh(basile).can_receive_sms()


def test_a_client_added_by_a_coach_is_in_their_charge(bob_client, bob, dora):
    form = {"name": "Nina", "phone": "06 55 44 33 22", "language": "fr",
            "timezone": "Europe/Paris", "consent_method": "written",
            "consent_obtained_on": dt.date.today().isoformat()}  # fmt: skip
    assert bob_client.post(reverse("coachee_create"), form).status_code == 302
    nina = Coachee.objects.get(name="Nina")
    assert nina.coach == bob and not can_see(dora, nina)


def test_starting_an_engagement_takes_an_unassigned_client_in_charge(
    bob_client, bob, dora, practice_a
):
    stranger = Coachee.objects.create(practice=practice_a, name="Inconnu", phone="+33600000009")
    bob_client.post(reverse("engagement_start", args=[stranger.pk]))
    assert fresh(stranger).coach == bob and stranger.current_engagement().coach == bob
    assert not can_see(dora, stranger)
