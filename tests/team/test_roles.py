"""Roles set by the owner, the last owner kept, deactivation that stops sign-in and keeps data."""

from __future__ import annotations

from django.urls import reverse

from ancrage.coaching.models import Coach, Coachee
from tests.conftest import make_coach
from tests.team.conftest import visitor


def set_role(client, coach: Coach, role: str):
    return client.post(reverse("team_coach_role", args=[coach.pk]), {"role": role}, follow=True)


def set_active(client, coach: Coach, active: bool):
    url = reverse("team_coach_active", args=[coach.pk])
    return client.post(url, {"active": "1" if active else "0"}, follow=True)


def role_of(coach: Coach) -> str:
    return Coach.objects.get(pk=coach.pk).role


def test_the_owner_makes_a_coach_owner_and_back(alice_client, bob):
    assert "bob is now owner" in set_role(alice_client, bob, "owner").content.decode()
    assert role_of(bob) == "owner"
    set_role(alice_client, bob, "coach")
    assert role_of(bob) == "coach"


def test_the_last_owner_cannot_be_demoted(alice_client, alice, bob):
    html = set_role(alice_client, alice, "coach").content.decode()
    assert "alice is the last owner of the practice" in html
    assert role_of(alice) == "owner"


def test_an_owner_steps_down_once_another_owner_exists(alice_client, alice, bob):
    set_role(alice_client, bob, "owner")
    response = set_role(alice_client, alice, "coach")
    assert role_of(alice) == "coach"
    assert response.redirect_chain[-1][0] == reverse("inbox")  # no longer on the Team page
    assert alice_client.get(reverse("team")).status_code == 403


def test_a_deactivated_owner_does_not_count_as_an_owner(alice_client, alice, practice_a):
    former = make_coach("former", practice_a, "owner")
    former.user.is_active = False
    former.user.save()
    assert "last owner" in set_role(alice_client, alice, "coach").content.decode()
    assert role_of(alice) == "owner"


def test_an_unknown_role_is_refused(alice_client, bob):
    assert "Unknown role" in set_role(alice_client, bob, "admin").content.decode()
    assert role_of(bob) == "coach"


def test_a_deactivated_coach_is_signed_out_and_cannot_sign_in_but_their_data_stays(
    alice_client, bob, bob_client, basile
):
    assert bob_client.get(reverse("coachee_list")).status_code == 200
    html = set_active(alice_client, bob, False).content.decode()
    assert "bob can no longer sign in" in html and "deactivated" in html
    response = bob_client.get(reverse("coachee_list"))  # the open session ends
    assert response.status_code == 302 and "/login/" in response["Location"]
    login = visitor().post(reverse("login"), {"username": "bob", "password": "pw-bob"})
    assert login.status_code == 200  # the form again, not a redirect into the app
    basile = Coachee.objects.get(pk=basile.pk)
    assert basile.coach == bob and basile.current_engagement().coach == bob
    assert basile.messages.count() == 1
    assert "Basile" in alice_client.get(reverse("coachee_list")).content.decode()

    set_active(alice_client, bob, True)
    again = visitor().post(reverse("login"), {"username": "bob", "password": "pw-bob"})
    assert again.status_code == 302


def test_the_owner_cannot_deactivate_themselves(alice_client, alice):
    html = set_active(alice_client, alice, False).content.decode()
    assert "You cannot deactivate yourself" in html
    alice.user.refresh_from_db()
    assert alice.user.is_active


def test_an_owner_can_deactivate_another_owner_but_never_the_last_active_one(
    alice_client, alice, bob
):
    set_role(alice_client, bob, "owner")
    set_active(alice_client, bob, False)
    bob.user.refresh_from_db()
    assert not bob.user.is_active  # alice remains, active


def test_a_coach_cannot_change_roles_or_deactivate(bob_client, alice, bob):
    assert (
        bob_client.post(reverse("team_coach_role", args=[bob.pk]), {"role": "owner"}).status_code
        == 403
    )
    assert (
        bob_client.post(reverse("team_coach_active", args=[alice.pk]), {"active": "0"}).status_code
        == 403
    )
    assert role_of(bob) == "coach"
    alice.user.refresh_from_db()
    assert alice.user.is_active


def test_another_practices_owner_gets_404_on_our_coaches(charlie_client, bob):
    for name, data in (
        ("team_coach_role", {"role": "owner"}),
        ("team_coach_active", {"active": "0"}),
    ):
        assert charlie_client.post(reverse(name, args=[bob.pk]), data).status_code == 404
    bob.user.refresh_from_db()
    assert role_of(bob) == "coach" and bob.user.is_active
    assert "bob" not in charlie_client.get(reverse("team")).content.decode().split("<main>")[1]


def test_the_team_link_is_in_the_owners_menu_only(alice_client, bob_client):
    link = f'href="{reverse("team")}"'
    assert link in alice_client.get(reverse("coachee_list")).content.decode()
    assert link not in bob_client.get(reverse("coachee_list")).content.decode()


def test_a_deactivated_coach_receives_no_more_news_of_clients_by_e_mail(alice_client, bob, basile):
    from django.core import mail
    from django.utils import timezone

    from ancrage.inbox.models import SunshineNotice, SunshineSetting
    from ancrage.inbox.notify import send_pending

    bob.user.email = "bob@example.fr"
    bob.user.save()
    SunshineSetting.objects.create(coach=bob, when="immediate")
    SunshineNotice.objects.create(coach=bob, entry=basile.journal.get())
    set_active(alice_client, bob, False)
    assert send_pending(Coach.objects.get(pk=bob.pk), timezone.now()) == 0
    assert mail.outbox == []
    set_active(alice_client, bob, True)
    assert send_pending(Coach.objects.get(pk=bob.pk), timezone.now()) == 1
