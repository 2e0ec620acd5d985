"""Issue 13.5: repeated wrong passwords lock the address out; a forgotten password is reset
by e-mail (also how an invited coach chooses a first one)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse


def wrong_passwords(client: Client, url: str, username: str, times: int) -> None:
    for n in range(times):
        client.post(url, {"username": username, "password": f"wrong-{n}"})


@pytest.mark.parametrize("url", ["/login/", "/admin/login/"])
def test_the_right_password_is_refused_after_too_many_wrong_ones(url, alice):
    alice.user.is_staff = True
    alice.user.save()
    client = Client()
    wrong_passwords(client, url, "alice", settings.AXES_FAILURE_LIMIT)
    response = client.post(url, {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives" in response.content.decode()


def test_another_address_can_still_log_in_and_a_success_resets_the_count(alice):
    wrong_passwords(Client(), "/login/", "alice", settings.AXES_FAILURE_LIMIT)
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post("/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302
    mine = Client(REMOTE_ADDR="203.0.113.10")
    wrong_passwords(mine, "/login/", "alice", settings.AXES_FAILURE_LIMIT - 1)
    assert mine.post("/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(settings, alice):
    settings.BEHIND_PROXY = True
    # Every request comes from the proxy; the forged first entry changes each time.
    for n in range(settings.AXES_FAILURE_LIMIT):
        Client(HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 198.51.100.7").post(
            "/login/", {"username": "alice", "password": "wrong"}
        )
    locked = Client(HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7")
    assert locked.post("/login/", {"username": "alice", "password": "pw-alice"}).status_code == 429
    elsewhere = Client(HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert (
        elsewhere.post("/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302
    )


def test_a_coach_chooses_a_new_password_from_an_emailed_link(alice):
    alice.user.email = "alice@example.fr"
    alice.user.save()
    client = Client()
    page = client.get(reverse("password_reset"))
    assert page.status_code == 200 and "Choisir un mot de passe" in page.content.decode()
    client.post(reverse("password_reset"), {"email": "alice@example.fr"})
    [email] = mail.outbox
    link = re.search(r"https?://\S+/password-reset/\S+/", email.body).group(0)
    confirm = client.get(link, follow=True)
    assert confirm.status_code == 200
    form_url = confirm.redirect_chain[-1][0]
    done = client.post(
        form_url, {"new_password1": "ancre-marine-42", "new_password2": "ancre-marine-42"}
    )
    assert done.status_code == 302
    assert (
        Client().post("/login/", {"username": "alice", "password": "ancre-marine-42"}).status_code
        == 302
    )
    assert client.get(link, follow=True).context["validlink"] is False  # works once


def test_an_unknown_address_gets_the_same_answer_and_no_email(alice):
    response = Client().post(reverse("password_reset"), {"email": "nobody@example.fr"})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert not mail.outbox


def test_the_reset_pages_and_email_speak_english_too(alice):
    alice.user.email = "alice@example.fr"
    alice.user.save()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert "Choose a password" in client.get(reverse("password_reset")).content.decode()
    client.post(reverse("password_reset"), {"email": "alice@example.fr"})
    assert "To choose your Ancrage password" in mail.outbox[0].body
    assert get_user_model().objects.get(username="alice").check_password("pw-alice")
