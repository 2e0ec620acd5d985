"""The owner invites a coach by e-mail; the link works once, expires, and only the latest
one sent works; the invitee names themselves, picks a password and lands in the practice."""

from __future__ import annotations

import datetime as dt
import re
import time
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from ancrage.coaching.models import Coach
from ancrage.team.models import Invitation
from tests.conftest import client_for
from tests.team.conftest import english, visitor

PASSWORD = "Ancrage-2026-long"
JOIN = {"first_name": "Inès", "last_name": "Garnier", "password1": PASSWORD, "password2": PASSWORD}


def invite(client, email: str = "ines@example.fr", role: str = "coach"):
    return client.post(reverse("team_invite"), {"email": email, "role": role})


def link_in(message) -> str:
    """The path of the accept link in an invitation e-mail."""
    return re.search(r"https?://[^/\s]+(/team/join/\S+/)", message.body).group(1)


def pending_list(client) -> str:
    html = client.get(reverse("team")).content.decode()
    return html[html.index('id="invitations"') :]


def test_an_invited_coach_joins_signs_in_and_lands_in_the_practice(alice_client, practice_a):
    response = invite(alice_client)
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ines@example.fr"]
    assert "Cabinet Alice" in mail.outbox[0].subject
    path = link_in(mail.outbox[0])

    newcomer = visitor()
    form = newcomer.get(path)
    assert form.status_code == 200 and "ines@example.fr" in form.content.decode()
    landed = newcomer.post(path, JOIN, follow=True)
    assert landed.redirect_chain[-1][0] == reverse("inbox")
    assert "Cabinet Alice" in landed.content.decode()  # signed in, in the practice

    coach = Coach.objects.get(user__username="ines@example.fr")
    assert coach.practice == practice_a and coach.role == "coach"
    assert coach.display_name == "Inès Garnier"
    assert Invitation.objects.get().coach == coach

    again = visitor()
    response = again.post(reverse("login"), {"username": "ines@example.fr", "password": PASSWORD})
    assert response.status_code == 302
    assert again.get(reverse("coachee_list")).status_code == 200


def test_the_invitation_can_make_an_owner(alice_client):
    invite(alice_client, "paul@example.fr", "owner")
    visitor().post(link_in(mail.outbox[0]), JOIN)
    assert Coach.objects.get(user__username="paul@example.fr").is_owner


def test_a_used_link_is_refused_with_a_clear_message(alice_client):
    invite(alice_client)
    path = link_in(mail.outbox[0])
    visitor().post(path, JOIN)
    response = visitor().get(path)
    assert response.status_code == 410
    assert "already been used" in response.content.decode()
    second = visitor().post(path, {**JOIN, "first_name": "Autre"})
    assert second.status_code == 410 and Coach.objects.filter(user__first_name="Autre").count() == 0


def test_an_expired_link_is_refused_with_a_clear_message(alice_client, monkeypatch, settings):
    eight_days_ago = time.time() - 8 * 86400
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: eight_days_ago))
    invite(alice_client)
    monkeypatch.undo()
    Invitation.objects.update(sent_at=timezone.now() - dt.timedelta(days=8))
    path = link_in(mail.outbox[0])
    for response in (visitor().get(path), visitor().post(path, JOIN)):
        assert response.status_code == 410
        assert "This invitation expired on" in response.content.decode()
    assert not get_user_model().objects.filter(username="ines@example.fr").exists()
    page = alice_client.get(reverse("team")).content.decode()
    assert "expired" in page  # the owner sees it and can re-send


def test_re_sending_replaces_the_link(alice_client):
    invite(alice_client)
    old = link_in(mail.outbox[0])
    invitation = Invitation.objects.get()
    alice_client.post(reverse("team_invitation_resend", args=[invitation.pk]))
    assert len(mail.outbox) == 2
    new = link_in(mail.outbox[1])
    response = visitor().get(old)
    assert response.status_code == 410 and "newer invitation" in response.content.decode()
    assert visitor().post(new, JOIN).status_code == 302


def test_a_withdrawn_invitation_no_longer_works(alice_client):
    invite(alice_client)
    invitation = Invitation.objects.get()
    alice_client.post(reverse("team_invitation_revoke", args=[invitation.pk]))
    response = visitor().get(link_in(mail.outbox[0]))
    assert response.status_code == 410 and "withdrew this invitation" in response.content.decode()
    assert "ines@example.fr" not in pending_list(alice_client)


@pytest.mark.parametrize("path", ["/team/join/nonsense/", "/team/join/eyJpIjoxfQ:1:abc/"])
def test_a_forged_link_is_refused(db, path):
    response = visitor().get(path)
    assert response.status_code == 404 and "not valid" in response.content.decode()


def test_a_tampered_link_is_refused(alice_client):
    invite(alice_client)
    path = link_in(mail.outbox[0])
    forged = path.replace("/join/", "/join/x")
    assert visitor().get(forged).status_code == 404


def test_the_passwords_must_match_and_be_strong(alice_client):
    invite(alice_client)
    path = link_in(mail.outbox[0])
    response = visitor().post(path, {**JOIN, "password2": "something-else-1"})
    assert response.status_code == 422 and "The two passwords differ" in response.content.decode()
    response = visitor().post(path, {**JOIN, "password1": "123", "password2": "123"})
    assert response.status_code == 422
    assert not Coach.objects.filter(user__username="ines@example.fr").exists()
    assert Invitation.objects.get().is_pending  # still usable


def test_a_member_or_a_pending_invitee_is_not_invited_twice(alice_client, bob):
    bob.user.email = "bob@example.fr"
    bob.user.save()
    response = invite(alice_client, "BOB@example.fr")
    assert (
        response.status_code == 422
        and "already a coach of your practice" in response.content.decode()
    )
    invite(alice_client)
    response = invite(alice_client, "Ines@Example.fr")
    assert (
        response.status_code == 422
        and "already has a pending invitation" in response.content.decode()
    )
    assert len(mail.outbox) == 1


def test_an_existing_account_cannot_accept(alice_client, charlie):
    charlie.user.username = "ines@example.fr"
    charlie.user.save()
    invite(alice_client)
    response = visitor().get(link_in(mail.outbox[0]))
    assert response.status_code == 410 and "already uses" in response.content.decode()


def test_a_mail_failure_keeps_the_invitation_and_says_so(alice_client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("ancrage.team.invitations.send_mail", broken)
    response = invite(alice_client)
    assert response.status_code == 302
    assert Invitation.objects.get().email == "ines@example.fr"
    page = alice_client.get(reverse("team")).content.decode()
    assert "could not be sent" in page and "ines@example.fr" in page


def test_only_the_owner_invites(bob):
    response = invite(english(client_for(bob)))
    assert response.status_code == 403 and not Invitation.objects.exists()
    assert english(client_for(bob)).get(reverse("team")).status_code == 403


def test_another_practice_cannot_touch_an_invitation(alice_client, charlie_client):
    invite(alice_client)
    invitation = Invitation.objects.get()
    for name in ("team_invitation_resend", "team_invitation_revoke"):
        assert charlie_client.post(reverse(name, args=[invitation.pk])).status_code == 404
    assert Invitation.objects.get().is_pending and len(mail.outbox) == 1
    assert "ines@example.fr" not in pending_list(charlie_client)


def test_the_invitation_email_is_in_french_from_a_french_page(alice):
    client_for(alice).post(reverse("team_invite"), {"email": "a@example.fr", "role": "coach"})
    assert "vous invite" in mail.outbox[0].body
