"""The retention rule anonymises former clients past the practice's months, and only them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ancrage.audit.models import AuditEntry, Event
from ancrage.coaching.models import Coachee, Engagement
from ancrage.messaging.models import Message
from ancrage.privacy.models import Erasure, RetentionSetting
from ancrage.privacy.retention import apply_retention
from ancrage.privacy.tasks import RETENTION_TASK_PATH, ensure_retention, run_retention
from tests.conftest import client_for


def client_of(practice, coach, name: str, phone: str, *, ended_days_ago=None, wrote_days_ago=400):
    coachee = Coachee.objects.create(practice=practice, name=name, phone=phone)
    today = timezone.localdate()
    ended = today - dt.timedelta(days=ended_days_ago) if ended_days_ago is not None else None
    Engagement.objects.create(
        practice=practice,
        coach=coach,
        coachee=coachee,
        status="alumni" if ended else "active",
        started_on=today - dt.timedelta(days=800),
        ended_on=ended,
    )
    Message.objects.create(
        practice=practice,
        coachee=coachee,
        direction="in",
        status="received",
        provider="simulator",
        body=f"Merci, c'est {name}",
        created_at=timezone.now() - dt.timedelta(days=wrote_days_ago),
    )
    return coachee


@pytest.fixture
def clients(practice_a, practice_b, alice, charlie):
    RetentionSetting.objects.create(practice=practice_a, alumni_months=12)
    return {
        "old": client_of(practice_a, alice, "Ancien Client", "+33600000001", ended_days_ago=400),
        "recent": client_of(practice_a, alice, "Récent Client", "+33600000002", ended_days_ago=330),
        "active": client_of(practice_a, alice, "Actif Client", "+33600000003"),
        "wrote_again": client_of(
            practice_a,
            alice,
            "Revenu Client",
            "+33600000004",
            ended_days_ago=400,
            wrote_days_ago=20,
        ),
        "other_practice": client_of(
            practice_b, charlie, "Autre Cabinet", "+33600000005", ended_days_ago=900
        ),
    }


def names() -> set[str]:
    return set(Coachee.objects.values_list("name", flat=True))


def test_only_alumni_ended_longer_ago_than_the_setting_are_anonymised(clients):
    assert apply_retention(now=timezone.now()) == 1
    old = Coachee.objects.get(pk=clients["old"].pk)
    assert old.name == f"#{old.pk}" and old.phone == f"erased-{old.pk}"
    assert Message.objects.get(coachee=old).body == ""
    assert names() >= {"Récent Client", "Actif Client", "Revenu Client", "Autre Cabinet"}
    assert Erasure.objects.get().reason == "retention"


def test_the_anonymisation_is_in_the_audit_log_as_done_by_ancrage(clients):
    apply_retention(now=timezone.now())
    entry = AuditEntry.objects.get(event=Event.ANONYMISED)
    assert entry.actor is None and entry.object_id == clients["old"].pk


def test_a_second_pass_changes_nothing(clients):
    now = timezone.now()
    apply_retention(now=now)
    assert apply_retention(now=now) == 0 and Erasure.objects.count() == 1


def test_without_a_setting_nothing_is_anonymised(clients):
    RetentionSetting.objects.update(alumni_months=None)
    assert apply_retention(now=timezone.now()) == 0


def test_the_task_keeps_exactly_one_pass_queued(db):
    ensure_retention()
    ensure_retention()
    queued = DBTaskResult.objects.filter(
        task_path=RETENTION_TASK_PATH, status=TaskResultStatus.READY
    )
    assert queued.count() == 1
    assert queued.get().run_after > timezone.now() + dt.timedelta(minutes=30)


def test_each_pass_queues_the_next_while_a_practice_has_a_rule(clients):
    assert run_retention.call() == {"anonymised": 1}
    assert DBTaskResult.objects.filter(task_path=RETENTION_TASK_PATH).count() == 1


def test_without_any_rule_the_chain_stops(db):
    assert run_retention.call() == {"anonymised": 0}
    assert not DBTaskResult.objects.filter(task_path=RETENTION_TASK_PATH).exists()


def test_saving_a_rule_queues_a_pass(alice):
    client_for(alice).post(reverse("privacy_personal_data"), {"alumni_months": "24"})
    client_for(alice).post(reverse("privacy_personal_data"), {"alumni_months": "18"})
    assert DBTaskResult.objects.filter(task_path=RETENTION_TASK_PATH).count() == 1


def test_the_owner_sets_the_months_on_the_personal_data_page(alice, practice_a):
    client = client_for(alice)
    page = client.get(reverse("privacy_personal_data"))
    assert page.status_code == 200 and 'name="alumni_months"' in page.content.decode()
    assert client.post(reverse("privacy_personal_data"), {"alumni_months": "18"}).status_code == 302
    assert RetentionSetting.objects.get(practice=practice_a).alumni_months == 18
    entry = AuditEntry.objects.filter(event=Event.UPDATED, practice=practice_a).first()
    assert entry is not None and entry.actor == alice.user


def test_an_impossible_number_of_months_is_refused_in_words(alice, practice_a):
    response = client_for(alice).post(reverse("privacy_personal_data"), {"alumni_months": "0"})
    assert response.status_code == 400
    assert "240" in response.content.decode()


def test_a_coach_reads_the_page_but_cannot_change_the_rule(bob, practice_a):
    client = client_for(bob)
    assert client.get(reverse("privacy_personal_data")).status_code == 200
    assert client.post(reverse("privacy_personal_data"), {"alumni_months": "1"}).status_code == 403
    assert not RetentionSetting.objects.filter(alumni_months=1).exists()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_says_what_is_stored_and_why_in_both_languages(alice, lang):
    client = client_for(alice)
    client.cookies["django_language"] = lang
    html = client.get(reverse("privacy_personal_data"), HTTP_ACCEPT_LANGUAGE=lang).content
    text = html.decode()
    expected = "consent" if lang == "en" else "consentement"
    assert expected in text.lower()
    assert ("Why" in text) if lang == "en" else ("Pourquoi" in text)


def test_the_worker_keeps_the_retention_pass_queued_while_a_rule_exists(practice_a):
    from django_tasks_db.models import DBTaskResult

    from ancrage.privacy.models import RetentionSetting
    from ancrage.privacy.tasks import RETENTION_TASK_PATH
    from ancrage.workers.heal import REQUEUE_PREFIXES
    from ancrage.workers.loop import ensure_retention_pass

    queued = DBTaskResult.objects.filter(task_path=RETENTION_TASK_PATH)
    queued.delete()
    ensure_retention_pass()
    assert not queued.exists()  # no rule, no pass
    RetentionSetting.objects.update_or_create(practice=practice_a, defaults={"alumni_months": 6})
    queued.delete()
    ensure_retention_pass()
    ensure_retention_pass()
    assert queued.count() == 1  # one pass, never two
    assert RETENTION_TASK_PATH.startswith(REQUEUE_PREFIXES)  # a pass lost with its worker returns
