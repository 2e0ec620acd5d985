"""Every new practice starts with four metrics and three programs, in French and English."""

from __future__ import annotations

from ancrage.checkins.models import Metric, Program
from ancrage.coaching.models import Practice
from ancrage.lib.sms_encoding import GSM7, sms_cost


def new_practice(slug: str = "neuf") -> Practice:
    return Practice.objects.create(name="Cabinet Neuf", slug=slug)


def test_a_new_practice_gets_the_four_starter_metrics(db):
    practice = new_practice()
    metrics = Metric.objects.filter(practice=practice)
    assert [(m.key, m.kind) for m in metrics] == [
        ("quotes_sent", "number"), ("quotes_accepted", "number"),
        ("price", "money"), ("confidence", "scale"),
    ]  # fmt: skip
    assert all(m.label_fr and m.label_en and m.keyword_list() for m in metrics)


def test_a_new_practice_gets_intake_monday_and_closing_programs(db):
    practice = new_practice()
    programs = Program.objects.filter(practice=practice)
    assert [(p.name_fr, p.purpose) for p in programs] == [
        ("Démarrage", "intake"), ("Point du lundi", "recurring"), ("Clôture", "closing"),
    ]  # fmt: skip
    assert [len(p.ordered_questions()) for p in programs] == [3, 2, 3]


def test_every_starter_question_is_written_in_french_and_in_english(db):
    practice = new_practice()
    for program in Program.objects.filter(practice=practice):
        assert program.name_fr and program.name_en and program.name_fr != program.name_en
        for question in program.ordered_questions():
            assert question.text_fr.strip() and question.text_en.strip()
            assert question.text_fr != question.text_en


def test_starter_questions_feed_the_practices_own_metrics_of_the_right_kind(db):
    practice = new_practice()
    monday = Program.objects.get(practice=practice, purpose="recurring")
    several, confidence = monday.ordered_questions()
    assert [m.key for m in several.metrics()] == ["quotes_sent", "quotes_accepted", "price"]
    assert [m.key for m in confidence.metrics()] == ["confidence"]
    assert {m.practice_id for m in several.metrics() + confidence.metrics()} == {practice.pk}


def test_every_starter_question_costs_a_single_gsm_7_sms_in_both_languages(db):
    practice = new_practice()
    for program in Program.objects.filter(practice=practice):
        for question in program.ordered_questions():
            for text in (question.text_fr, question.text_en):
                cost = sms_cost(text)
                assert (cost.encoding, cost.segments) == (GSM7, 1), text


def test_two_practices_get_separate_kits_and_saving_again_adds_nothing(db):
    first, second = new_practice("un"), new_practice("deux")
    first.name = "Renamed"
    first.save()
    assert Metric.objects.filter(practice=first).count() == 4
    assert Program.objects.filter(practice=first).count() == 3
    assert Metric.objects.filter(practice=second).count() == 4
