"""The coach's check-in pages: they open, they stay inside the practice, and a bad value or
question is refused with a message rather than stored."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from ancrage.checkins.models import Checkin, Enrolment, Metric, MetricValue, Question
from ancrage.checkins.services import enrol
from ancrage.coaching.models import Coachee
from tests.checkins.conftest import monday_checkin, new_coachee

EN = {"accept-language": "en"}


@pytest.fixture
def enrolled(camille, alice) -> Enrolment:
    return enrol(camille.current_engagement(), monday_checkin(camille.practice),
                 cadence="weekly", weekdays="0", start_on=dt.date.today(), created_by=alice)  # fmt: skip


@pytest.fixture
def sms_value(camille, enrolled) -> MetricValue:
    """Camille said 3 quotes sent, by SMS, on her last check-in."""
    checkin = enrolled.checkins.first()
    answer = checkin.answers.create(body="3 devis", understood=True)
    return MetricValue.objects.create(
        practice=camille.practice, coachee=camille, metric=metric(camille, "quotes_sent"),
        value=3, measured_on=checkin.due_on, answer=answer,
    )  # fmt: skip


def metric(coachee: Coachee, key: str) -> Metric:
    return Metric.objects.get(practice=coachee.practice, key=key)


def page_urls(camille: Coachee) -> list[str]:
    prog = monday_checkin(camille.practice)
    return [
        reverse("program_list"),
        reverse("program_create"),
        reverse("program_edit", args=[prog.pk]),
        reverse("checkin_list"),
        reverse("metrics_overview"),
        reverse("coachee_detail", args=[camille.pk]),
    ]


def test_every_check_in_page_opens_for_the_coach(alice_client, camille, sms_value):
    for url in page_urls(camille):
        assert alice_client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_the_login_page(client, camille):
    for url in page_urls(camille):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_another_practice_cannot_reach_alices_programs_enrolments_or_values(
    charlie_client, camille, enrolled, sms_value
):
    prog = monday_checkin(camille.practice)
    question = prog.ordered_questions()[0]
    assert charlie_client.get(reverse("program_edit", args=[prog.pk])).status_code == 404
    posts = [
        (reverse("program_edit", args=[prog.pk]), {"program-name_fr": "Pris"}),
        (reverse("question_add", args=[prog.pk]), {"new-text_fr": "x", "new-kind": "text"}),
        (reverse("question_save", args=[prog.pk, question.pk]), {}),
        (reverse("question_delete", args=[prog.pk, question.pk]), {}),
        (reverse("question_move", args=[prog.pk, question.pk]), {"direction": "down"}),
        (reverse("enrol", args=[camille.pk]), {"program": prog.pk, "cadence": "once"}),
        (reverse("value_add", args=[camille.pk]), {"value": "1", "measured_on": "2026-01-01"}),
        (reverse("value_correct", args=[sms_value.pk]), {"value": "99"}),
        (reverse("enrolment_stop", args=[enrolled.pk]), {}),
    ]
    for url, data in posts:
        assert charlie_client.post(url, data).status_code == 404, url
    sms_value.refresh_from_db()
    enrolled.refresh_from_db()
    prog.refresh_from_db()
    assert sms_value.value == 3 and enrolled.is_active and prog.name_fr == "Point du lundi"
    assert prog.questions.count() == 2 and MetricValue.objects.count() == 1


def test_another_practice_never_sees_alices_clients_in_its_numbers_or_check_ins(
    charlie_client, alice_client, camille, enrolled, sms_value
):
    Checkin.objects.filter(enrolment=enrolled).update(status="needs_coach")
    for name in ("metrics_overview", "checkin_list"):
        assert "Camille" in alice_client.get(reverse(name)).content.decode()
        html = charlie_client.get(reverse(name)).content.decode()
        assert "Camille" not in html and "Point du lundi" not in html


def test_another_practices_program_is_not_offered_when_enrolling(charlie, alice_client, camille):
    theirs = monday_checkin(charlie.practice)
    response = alice_client.post(
        reverse("enrol", args=[camille.pk]),
        {"program": theirs.pk, "cadence": "weekly", "weekdays": ["0"], "at_time": "09:00",
         "every_days": 7, "start_on": "2026-06-01", "delay_days": 0, "skip_if_wrote_hours": 12},
    )  # fmt: skip
    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def test_correcting_a_value_keeps_what_the_sms_said_and_who_changed_it(
    alice, alice_client, camille, sms_value
):
    alice_client.post(reverse("value_correct", args=[sms_value.pk]), {"value": "4"})
    sms_value.refresh_from_db()
    assert sms_value.value == 4 and sms_value.original_value == 3
    assert sms_value.changed_by == alice and sms_value.changed_at is not None
    alice_client.post(reverse("value_correct", args=[sms_value.pk]), {"value": "5"})
    sms_value.refresh_from_db()
    assert sms_value.value == 5 and sms_value.original_value == 3  # the SMS, not the 4
    html = alice_client.get(reverse("coachee_detail", args=[camille.pk]), headers=EN)
    assert "(SMS said 3)" in html.content.decode()


def test_a_correction_that_is_not_a_number_is_refused_and_changes_nothing(
    alice_client, camille, sms_value
):
    response = alice_client.post(
        reverse("value_correct", args=[sms_value.pk]), {"value": "trois"}, headers=EN, follow=True
    )
    assert "Enter a number" in response.content.decode()
    sms_value.refresh_from_db()
    assert sms_value.value == 3 and sms_value.changed_by is None


def test_a_value_added_by_hand_is_stored_as_the_coachs(alice, alice_client, camille):
    alice_client.post(
        reverse("value_add", args=[camille.pk]),
        {"metric": metric(camille, "confidence").pk, "value": "6", "measured_on": "2026-11-30"},
    )
    value = MetricValue.objects.get()
    assert (value.value, value.source, value.changed_by) == (Decimal(6), "coach", alice)


def test_twelve_on_a_scale_added_by_hand_is_refused_with_a_message(alice_client, camille):
    response = alice_client.post(
        reverse("value_add", args=[camille.pk]),
        {"metric": metric(camille, "confidence").pk, "value": "12", "measured_on": "2026-11-30"},
        headers=EN,
        follow=True,
    )
    assert "A scale value is between 1 and 10." in response.content.decode()
    assert not MetricValue.objects.exists()


def test_a_several_numbers_question_with_one_metric_is_refused_with_a_message(
    alice_client, camille
):
    prog = monday_checkin(camille.practice)
    response = alice_client.post(
        reverse("question_add", args=[prog.pk]),
        {"new-text_fr": "Combien ?", "new-text_en": "How many?", "new-kind": "several",
         "new-metrics": [metric(camille, "quotes_sent").pk]},
        headers=EN,
        follow=True,
    )  # fmt: skip
    assert "A question asking several numbers feeds at least two metrics." in (
        response.content.decode()
    )
    assert prog.questions.count() == 2


def test_a_good_question_is_added_last_with_its_metric(alice_client, camille):
    prog = monday_checkin(camille.practice)
    alice_client.post(
        reverse("question_add", args=[prog.pk]),
        {"new-text_fr": "Ton prix ?", "new-text_en": "Your price?", "new-kind": "money",
         "new-metrics": [metric(camille, "price").pk]},
    )  # fmt: skip
    last = prog.ordered_questions()[-1]
    assert last.text_fr == "Ton prix ?" and [m.key for m in last.metrics()] == ["price"]


def test_the_coachee_page_carries_the_chart_data_once_values_exist(
    alice, alice_client, camille, sms_value
):
    empty = new_coachee(camille.practice, alice, "Léa", "+33611112222")
    html = alice_client.get(reverse("coachee_detail", args=[empty.pk])).content.decode()
    assert 'id="progress-data"' not in html
    html = alice_client.get(reverse("coachee_detail", args=[camille.pk])).content.decode()
    found = re.search(r'<script id="progress-data" type="application/json">(.*?)</script>', html)
    assert found, "no chart data on the page"
    [series] = json.loads(found.group(1))
    assert series["key"] == "quotes_sent" and series["values"] == [3.0]


def test_the_unclear_answers_are_listed_first_on_the_check_ins_page(
    alice_client, camille, enrolled
):
    Checkin.objects.filter(pk=enrolled.checkins.first().pk).update(status="needs_coach")
    html = alice_client.get(reverse("checkin_list"), headers=EN).content.decode()
    assert "Unclear answers, for you to read" in html
    assert html.index("Unclear answers") < html.index("Next to go out")


def test_moving_a_question_up_changes_the_order_the_client_gets_them(alice_client, camille):
    prog = monday_checkin(camille.practice)
    second = prog.ordered_questions()[1]
    alice_client.post(reverse("question_move", args=[prog.pk, second.pk]), {"direction": "up"})
    assert prog.ordered_questions()[0] == second
    assert Question.objects.filter(program=prog).count() == 2
