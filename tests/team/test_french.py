"""The Team pages and the invitation speak French first (the default language)."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for


def test_the_team_page_and_its_refusals_are_in_french(alice):
    owner = client_for(alice)  # no language chosen: French
    html = owner.get(reverse("team")).content.decode()
    assert "Équipe" in html and "Inviter un coach" in html and "Invitations en attente" in html
    refused = owner.post(
        reverse("team_coach_role", args=[alice.pk]), {"role": "coach"}, follow=True
    )
    assert "est le dernier responsable du cabinet" in refused.content.decode()


def test_the_invitation_and_its_accept_page_are_in_french(alice):
    client_for(alice).post(reverse("team_invite"), {"email": "lea@example.fr", "role": "coach"})
    body = mail.outbox[0].body
    assert "vous invite à rejoindre Cabinet Alice" in body and "une seule fois" in body
    path = re.search(r"(/team/join/\S+/)", body).group(1)
    html = Client().get(path).content.decode()
    assert (
        "Rejoindre Cabinet Alice" in html and "Votre identifiant sera votre adresse e-mail" in html
    )
    assert "n’est pas valide" in Client().get("/team/join/abc/").content.decode()
