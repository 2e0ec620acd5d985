"""Erasing a client: no trace of their name or number anywhere, counts kept, erasure recorded."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse

from ancrage.audit.models import AuditEntry, Event
from ancrage.checkins.models import MetricValue
from ancrage.coaching.models import Coachee
from ancrage.conversations.models import AnalysisJob
from ancrage.inbox.models import JournalEntry, Triage
from ancrage.messaging.models import Message
from ancrage.privacy.erase import erase_coachee
from ancrage.privacy.models import Erasure
from tests.conftest import client_for
from tests.privacy.dbsearch import columns_mentioning


def traces_of(person) -> list[str]:
    digits = person.e164.lstrip("+")
    national = "0" + digits[2:]
    return [person.name, person.raw_phone, person.e164, digits, national, person.secret]


def erase_through_the_page(client, person):
    return client.post(
        reverse("privacy_erase", args=[person.coachee.pk]), {"confirm_name": person.name}
    )


def test_before_erasure_the_search_finds_the_client_everywhere(zoe):
    # The search itself works: it finds the client in the tables the fixture filled.
    found = " ".join(columns_mentioning(traces_of(zoe)))
    for column in (
        "coaching.Coachee.name",
        "messaging.Message.body",
        "messaging.WebhookEvent.body",
        "checkins.Answer.body",
        "inbox.JournalEntry.text",
        "coaching.Note.body",
        "conversations.AnalysisJob.report",
        "admin.LogEntry.object_repr",
        "django_tasks_database.DBTaskResult.args_kwargs",
    ):
        assert column in found


def test_after_erasure_no_column_of_the_database_holds_the_name_or_the_number(
    alice_client, zoe, other_zoe, outsider
):
    response = erase_through_the_page(alice_client, zoe)
    assert response.status_code == 302
    assert columns_mentioning(traces_of(zoe)) == []
    # The other clients are untouched, even the one sharing a first name and words.
    assert columns_mentioning([other_zoe.name, other_zoe.e164, other_zoe.secret])
    assert columns_mentioning([outsider.name, outsider.e164, outsider.secret])


def practice_counts(practice_id: int) -> dict[str, object]:
    return {
        "clients": Coachee.objects.filter(practice_id=practice_id).count(),
        "messages": Message.objects.filter(practice_id=practice_id).count(),
        "by_direction": dict(
            Message.objects.filter(practice_id=practice_id)
            .values_list("direction")
            .annotate(n=Count("id"))
        ),
        "segments": sum(
            Message.objects.filter(practice_id=practice_id).values_list("segments", flat=True)
        ),
        "metric_values": list(
            MetricValue.objects.filter(practice_id=practice_id)
            .order_by("id")
            .values_list("value", flat=True)
        ),
        "journal": JournalEntry.objects.filter(practice_id=practice_id).count(),
        "triage": dict(
            Triage.objects.filter(practice_id=practice_id)
            .values_list("category")
            .annotate(n=Count("id"))
        ),
    }


def test_the_practices_counts_and_numbers_are_the_same_after_erasure(alice, zoe, other_zoe):
    before = practice_counts(zoe.coachee.practice_id)
    erase_coachee(zoe.coachee, actor=alice.user)
    assert practice_counts(zoe.coachee.practice_id) == before


def test_the_erasure_is_recorded_without_the_personal_data(alice_client, alice, zoe):
    erase_through_the_page(alice_client, zoe)
    erasure = Erasure.objects.get(coachee=zoe.coachee)
    assert erasure.erased_by == alice.user and erasure.reason == "request"
    assert erasure.counts["messages"] == 2 and erasure.counts["analyses"] == 2  # done + queued
    entry = AuditEntry.objects.get(event=Event.ERASED)
    assert entry.actor == alice.user and entry.object_id == zoe.coachee.pk
    assert entry.additional_data["messages"] == 2


def test_an_uploaded_analysis_keeps_the_coachs_words_once_the_client_is_erased(alice, zoe):
    erase_coachee(zoe.coachee, actor=alice.user)
    job = AnalysisJob.objects.get(practice=zoe.coachee.practice, focus=f"#{zoe.coachee.pk}")
    utterances = job.report["utterances"]
    assert utterances[0] == {**utterances[0], "speaker": f"#{zoe.coachee.pk}", "text": ""}
    assert utterances[1]["text"] == "Et vos devis ?" and job.report["service_score"] == 71


def test_the_client_page_says_the_data_was_erased(alice_client, zoe):
    erase_through_the_page(alice_client, zoe)
    page = alice_client.get(reverse("coachee_detail", args=[zoe.coachee.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Zoé Martin" not in html
    assert "effacées" in html or "erased" in html


def test_a_wrong_name_erases_nothing_and_says_what_to_type(alice_client, zoe):
    response = alice_client.post(
        reverse("privacy_erase", args=[zoe.coachee.pk]), {"confirm_name": "Zoé Marchand"}
    )
    assert response.status_code == 400
    assert "Zoé Martin" in response.content.decode()  # the name to type, shown
    assert not Erasure.objects.exists()
    assert Coachee.objects.get(pk=zoe.coachee.pk).name == "Zoé Martin"


def test_the_name_is_accepted_whatever_the_case_and_spaces(alice_client, zoe):
    response = alice_client.post(
        reverse("privacy_erase", args=[zoe.coachee.pk]), {"confirm_name": "  zoé   MARTIN "}
    )
    assert response.status_code == 302 and Erasure.objects.count() == 1


def test_the_confirmation_page_asks_for_the_name(alice_client, zoe):
    html = alice_client.get(reverse("privacy_erase", args=[zoe.coachee.pk])).content.decode()
    assert 'name="confirm_name"' in html and "Zoé Martin" in html


def test_erasing_twice_is_harmless(alice_client, zoe):
    erase_through_the_page(alice_client, zoe)
    again = alice_client.post(
        reverse("privacy_erase", args=[zoe.coachee.pk]), {"confirm_name": "x"}
    )
    assert again.status_code == 302 and Erasure.objects.count() == 1


def test_nothing_more_is_sent_to_an_erased_client(alice, zoe):
    queued = Message.objects.create(
        practice=zoe.coachee.practice,
        coachee=zoe.coachee,
        direction="out",
        status="queued",
        provider="simulator",
        body="Encore un message",
    )
    erase_coachee(zoe.coachee, actor=alice.user)
    queued.refresh_from_db()
    assert queued.status == "failed" and queued.body == ""
    assert not zoe.coachee.engagements.first().enrolments.filter(is_active=True).exists()


def test_a_coach_of_another_practice_cannot_erase(charlie_client, zoe):
    url = reverse("privacy_erase", args=[zoe.coachee.pk])
    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url, {"confirm_name": zoe.name}).status_code == 404
    assert not Erasure.objects.exists()


def test_a_colleague_who_is_not_the_clients_coach_cannot_erase(bob, zoe):
    response = client_for(bob).post(
        reverse("privacy_erase", args=[zoe.coachee.pk]), {"confirm_name": zoe.name}
    )
    assert response.status_code in (403, 404)
    assert not Erasure.objects.exists()
