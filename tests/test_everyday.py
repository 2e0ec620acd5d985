"""What a new coach tripped over (issue 16), each point as the coach would see it.

The two points that need a real browser (an HTMX 422 shown, the 390-px top bar) are in
tests/browser/test_everyday_browser.py; every page in both languages and widths is swept by
tests/browser/test_every_page.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from ancrage.coaching.models import Coachee, Engagement
from ancrage.consent.models import ConsentEvent
from ancrage.messaging.models import Message

BASE = "ancrage/templates/base.html"


def new_client(client, **data):
    payload = {
        "name": "Léa Petit",
        "phone": "06 22 33 44 55",
        "language": "fr",
        "timezone": "",
        "consent_method": "orally",
        "consent_obtained_on": "2026-12-01",
    }
    payload.update(data)
    return client.post(reverse("coachee_create"), payload)


# --- 1. An empty or too long SMS is refused visibly -----------------------------------------


def test_htmx_swaps_a_422_so_the_composers_errors_show():
    html = (Path(__file__).resolve().parents[1] / BASE).read_text(encoding="utf-8")
    config = json.loads(re.search(r"name=\"htmx-config\" content='([^']+)'", html).group(1))
    rules = config["responseHandling"]
    first_for_422 = next(rule for rule in rules if re.fullmatch(rule["code"], "422"))
    assert first_for_422["swap"] is True
    first_for_500 = next(rule for rule in rules if re.fullmatch(rule["code"], "500"))
    assert first_for_500["swap"] is False  # a crash never replaces the composer


def test_an_empty_sms_answers_422_with_the_reason_in_the_composer(alice_client, camille):
    response = alice_client.post(reverse("send", args=[camille.pk]), {"body": "  "})
    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode() and not Message.objects.exists()


# --- 3. Error pages in the coach's language, and a favicon ----------------------------------


def test_an_unknown_address_gets_a_404_page_in_french_then_in_english(alice_client):
    response = alice_client.get("/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html and "Not Found" not in html
    alice_client.cookies["django_language"] = "en"
    assert "Page not found" in alice_client.get("/nowhere/").content.decode()


def test_another_practices_client_is_a_404_page_too(charlie_client, camille):
    response = charlie_client.get(reverse("coachee_detail", args=[camille.pk]))
    assert response.status_code == 404 and "Page introuvable" in response.content.decode()


def test_a_form_posted_without_its_csrf_token_gets_a_403_page_in_french(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)
    response = client.post(reverse("coachee_create"), {"name": "X"})
    assert response.status_code == 403 and "Formulaire expiré" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Une erreur est survenue"), ("en", "Something went wrong")]
)
def test_the_500_page_is_in_the_coachs_language(rf, language, title):
    from django.views.defaults import server_error

    with translation.override(language):
        response = server_error(rf.get("/"))
    assert response.status_code == 500 and title in response.content.decode()


def test_every_page_links_a_favicon_and_the_old_address_finds_it(alice_client):
    html = alice_client.get(reverse("coachee_list")).content.decode()
    assert re.search(r'<link rel="icon" href="[^"]+favicon\.svg"', html)
    redirect = alice_client.get("/favicon.ico")
    assert redirect.status_code == 301 and redirect["Location"].endswith("favicon.svg")
    assert alice_client.get(redirect["Location"]).status_code == 200


# --- 4. A scheduled time says whose clock it is ----------------------------------------------


@pytest.fixture
def emma(practice_a, alice) -> Coachee:
    coachee = Coachee.objects.create(
        practice=practice_a, name="Emma Clarke", phone="+447911123456", timezone="Europe/London"
    )
    Engagement.objects.create(practice=practice_a, coach=alice, coachee=coachee, status="active")
    return coachee


def test_a_message_scheduled_for_london_shows_her_time_and_the_coachs(alice_client, emma):
    eight_in_london = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)  # 09:00 in Paris
    Message.objects.create(
        practice=emma.practice, coachee=emma, direction="out", status="queued",
        provider="simulator", body="Hi Emma", send_after=eight_in_london,
    )  # fmt: skip
    html = alice_client.get(reverse("thread", args=[emma.pk])).content.decode()
    assert "08:00 pour Emma (09:00 pour vous)" in html


def test_in_quiet_hours_the_schedule_button_says_whose_morning_it_is(alice_client, emma):
    emma.practice.quiet_start, emma.practice.quiet_end = dt.time(0, 0), dt.time(23, 59)
    emma.practice.save()
    response = alice_client.post(reverse("send", args=[emma.pk]), {"body": "Hi Emma"})
    html = response.content.decode()
    # 23:59 in London is 00:59 the next day in Paris: the coach's clock then gives the date
    assert re.search(
        r"Programmer pour \w+ \d+ \w+ 23:59 pour Emma \(\w+ \d+ \w+ 00:59 pour vous\)", html
    )


def test_for_a_client_in_the_coachs_own_zone_one_time_is_enough(alice_client, camille):
    at = timezone.now() + dt.timedelta(days=1)
    Message.objects.create(
        practice=camille.practice, coachee=camille, direction="out", status="queued",
        provider="simulator", body="Demain", send_after=at,
    )  # fmt: skip
    html = alice_client.get(reverse("thread", args=[camille.pk])).content.decode()
    assert "programmé pour" in html and "pour vous" not in html


# --- 5. A landline is not a mobile -----------------------------------------------------------


@pytest.mark.parametrize("landline", ["01 42 68 53 00", "+33 1 42 68 53 00", "0800 123 456"])
def test_a_landline_or_service_number_is_refused_with_the_reason(alice_client, landline):
    response = new_client(alice_client, phone=landline)
    html = response.content.decode()
    assert response.status_code == 200 and "numéro fixe ou de service" in html
    assert not Coachee.objects.exists()


@pytest.mark.parametrize("mobile", ["06 22 33 44 55", "07 81 23 45 67", "+1 212 555 1234"])
def test_mobiles_and_north_american_numbers_are_accepted(alice_client, mobile):
    assert new_client(alice_client, phone=mobile).status_code == 302


# --- 6. The time zone: a searchable list, from the number's country --------------------------


def test_the_time_zone_field_is_a_searchable_list_empty_for_a_new_client(alice_client):
    html = alice_client.get(reverse("coachee_create")).content.decode()
    assert re.search(r'<input[^>]+name="timezone"[^>]+list="timezones"', html)
    assert '<option value="Europe/London">' in html and '<option value="America/Montreal">' in html
    field = re.search(r'<input[^>]+name="timezone"[^>]*>', html).group(0)
    assert 'value="' not in field or 'value=""' in field


@pytest.mark.parametrize(
    ("phone", "zone"),
    [("06 22 33 44 55", "Europe/Paris"), ("+44 7911 123456", "Europe/London"),
     ("+32 470 12 34 56", "Europe/Brussels"), ("+1 212 555 1234", "America/New_York")],
)  # fmt: skip
def test_an_empty_time_zone_is_the_one_of_the_numbers_country(alice_client, phone, zone):
    assert new_client(alice_client, phone=phone).status_code == 302
    assert Coachee.objects.get().timezone == zone


def test_a_country_with_several_clocks_asks_the_coach_to_choose(alice_client):
    html = new_client(alice_client, phone="+61 412 345 678").content.decode()
    assert "plusieurs fuseaux horaires" in html and "Australia/Perth" in html
    assert not Coachee.objects.exists()
    response = new_client(alice_client, phone="+61 412 345 678", timezone="Australia/Perth")
    assert response.status_code == 302 and Coachee.objects.get().timezone == "Australia/Perth"


def test_a_zone_chosen_by_the_coach_wins_over_the_numbers_country(alice_client):
    assert new_client(alice_client, timezone="America/Montreal").status_code == 302
    assert Coachee.objects.get().timezone == "America/Montreal"  # a French mobile abroad


# --- 7. Consent, how and when, recorded when a client is added -------------------------------


def test_adding_a_client_records_how_and_when_they_agreed(alice_client, alice):
    assert new_client(alice_client, consent_method="written").status_code == 302
    coachee = Coachee.objects.get()
    event = ConsentEvent.objects.get(coachee=coachee)
    assert (event.source, event.method, event.obtained_on) == (
        "obtained", "written", dt.date(2026, 12, 1),
    )  # fmt: skip
    assert event.actor == alice.user and not event.opted_out and coachee.can_receive_sms()
    html = alice_client.get(reverse("coachee_detail", args=[coachee.pk])).content.decode()
    assert "A accepté de recevoir des SMS" in html and "Par écrit" in html


def test_consent_is_required_and_cannot_be_in_the_future(alice_client):
    html = new_client(alice_client, consent_method="").content.decode()
    assert "Ce champ est obligatoire" in html
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    html = new_client(alice_client, consent_obtained_on=tomorrow).content.decode()
    assert "dans le futur" in html and not Coachee.objects.exists()


def test_a_coachs_word_does_not_opt_a_stopped_number_back_in(alice_client, camille, client):
    from ancrage.consent.services import Source, record_opt_out

    record_opt_out(camille.practice, "+33622334455", Source.SMS_KEYWORD, detail="STOP")
    response = new_client(alice_client)
    assert response.status_code == 302
    newcomer = Coachee.objects.get(phone="+33622334455")
    assert not newcomer.can_receive_sms()
    assert not ConsentEvent.objects.filter(source="obtained").exists()
    page = alice_client.get(response["Location"]).content.decode()
    assert "a déjà répondu STOP" in page


def test_editing_a_client_does_not_ask_for_consent_again(alice_client, camille):
    html = alice_client.get(reverse("coachee_edit", args=[camille.pk])).content.decode()
    assert "consent_method" not in html


# --- 8. The demo: its SMS in daytime, and on the simulator phone -----------------------------


@pytest.fixture
def demo(db):
    from ancrage.checkins.demo import ensure_demo_checkins
    from ancrage.coaching.demo import DEMO_SLUG, ensure_demo
    from ancrage.coaching.models import Practice
    from ancrage.inbox.demo import ensure_demo_inbox

    ensure_demo()
    practice = Practice.objects.get(slug=DEMO_SLUG)
    ensure_demo_checkins(practice)
    ensure_demo_inbox(practice)
    return practice


def test_no_demo_sms_from_the_coach_was_sent_in_quiet_hours(demo):
    rules = demo.quiet_hours()
    outbound = Message.objects.filter(practice=demo, direction="out").select_related("coachee")
    assert outbound.count() > 20
    at_night = [
        f"{m.coachee.name} {m.created_at.astimezone(dt.UTC):%a %d %H:%M} UTC: {m.body[:30]}"
        for m in outbound
        if rules.is_quiet(m.created_at, m.coachee.timezone)
    ]
    assert at_night == []


def test_the_demo_history_is_not_read_again_by_the_worker(db, capsys):
    from ancrage.cli import main

    assert main(["demo", "--no-serve"]) == 0
    inbound = Message.objects.filter(direction="in")
    assert inbound.exists() and not inbound.filter(handled_at__isnull=True).exists()


def test_the_simulator_phone_shows_the_coachs_demo_messages(demo, client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="coach"))
    marc = Coachee.objects.get(practice=demo, phone="+33687654321")
    html = client.get(reverse("simulator", args=[marc.pk])).content.decode()
    assert "Belle route Marc" in html  # the coach's SMS, received by his phone
    assert "Mes devis sont acceptés" in html  # and his reply


# --- 9. Webhook URLs carry the port actually served ------------------------------------------


def test_serve_on_another_port_shows_webhook_urls_on_that_port(alice_client, monkeypatch, settings):
    from ancrage import commands

    monkeypatch.delenv("ANCRAGE_PUBLIC_URL", raising=False)
    monkeypatch.setattr("os.environ", {**__import__("os").environ})  # restored after the test
    commands._public_url_from_bind("0.0.0.0:8123")
    assert settings.PUBLIC_BASE_URL == "http://127.0.0.1:8123"
    html = alice_client.get(reverse("sms_settings")).content.decode()
    assert "http://127.0.0.1:8123/webhooks/twilio/" in html and ":8000/" not in html


def test_an_explicit_public_url_is_kept(monkeypatch, settings):
    from ancrage import commands

    monkeypatch.setattr("os.environ", {"ANCRAGE_PUBLIC_URL": "https://sms.example.com"})
    settings.PUBLIC_BASE_URL = "https://sms.example.com"
    commands._public_url_from_bind("127.0.0.1:8123")
    assert settings.PUBLIC_BASE_URL == "https://sms.example.com"


# --- 10. Wording a coach understands --------------------------------------------------------


def test_the_sms_settings_page_says_what_sends_and_counts_sms_in_words(alice_client):
    html = alice_client.get(reverse("sms_settings")).content.decode()
    assert "le simulateur SMS local" in html and ">simulator<" not in html
    assert "parts de SMS" not in html and "SMS envoyés" in html
    assert "Accusés de réception (status)" in html


def test_the_analysis_pages_never_send_a_coach_to_the_command_line(alice_client, settings):
    settings.ANCRAGE_MAX_UPLOAD_MB = 1
    response = alice_client.post(
        reverse("analysis_upload"), {"transcript": ""}, CONTENT_LENGTH=2_000_000
    )
    html = response.content.decode()
    assert response.status_code == 413 and "`" not in html and "ancrage analyze" not in html


def test_report_figures_are_written_the_french_way(alice_client, alice, camille):
    from ancrage.messaging.services import simulate_inbound

    for text in ("De quoi as-tu besoin ?", "Qu'est-ce qui compte pour toi ?"):
        Message.objects.create(
            practice=camille.practice, coachee=camille, direction="out", status="delivered",
            provider="simulator", body=text, sent_by=alice,
        )  # fmt: skip
        simulate_inbound(camille.practice, camille.phone, "Oser annoncer mon prix, vraiment.")
    html = alice_client.get(reverse("thread_analysis", args=[camille.pk])).content.decode()
    values = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td>", html)
    assert values and not [v for v in values if re.search(r"\d\.\d|:1\b|\d%", v)], values


# --- 11. From a thread's analysis back to the thread ----------------------------------------


def test_a_threads_analysis_links_back_to_the_thread(alice_client, alice, camille):
    from ancrage.messaging.services import simulate_inbound

    Message.objects.create(
        practice=camille.practice, coachee=camille, direction="out", status="delivered",
        provider="simulator", body="De quoi as-tu besoin cette semaine ?", sent_by=alice,
    )  # fmt: skip
    simulate_inbound(camille.practice, camille.phone, "D'oser envoyer mes devis.")
    html = alice_client.get(reverse("thread_analysis", args=[camille.pk])).content.decode()
    back = reverse("coachee_detail", args=[camille.pk]) + "#conversation"
    assert f'href="{back}"' in html and "Retour à l’échange avec Camille" in html.replace("'", "’")


def test_typing_a_number_fills_the_time_zone_of_its_country(alice_client):
    url = reverse("timezone_for_phone")
    html = alice_client.get(url, {"phone": "+44 7911 123456", "timezone": ""}).content.decode()
    assert 'value="Europe/London"' in html and 'name="tz_auto" value="Europe/London"' in html
    changed = {"phone": "06 12 34 56 78", "timezone": "Europe/London", "tz_auto": "Europe/London"}
    assert 'value="Europe/Paris"' in alice_client.get(url, changed).content.decode()
    chosen = {"phone": "06 12 34 56 78", "timezone": "America/Montreal", "tz_auto": ""}
    assert 'value="America/Montreal"' in alice_client.get(url, chosen).content.decode()


def test_the_phone_field_asks_for_its_time_zone_as_the_coach_types(alice_client):
    html = alice_client.get(reverse("coachee_create")).content.decode()
    phone = re.search(r'<input[^>]+name="phone"[^>]*>', html).group(0)
    assert f'hx-get="{reverse("timezone_for_phone")}"' in phone
    assert 'id="field-timezone"' in html
