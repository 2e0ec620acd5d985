"""The figures on a thread whose reliance falls by construction equal hand-computed values."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from ancrage.autonomy import figures
from ancrage.autonomy.figures import CLIENT, COACH, CheckinRun, Sms, openings, unprompted
from ancrage.autonomy.services import autonomy_of

T0 = dt.datetime(2026, 10, 5, 9, 0, tzinfo=dt.UTC)


def h(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


# -- exchanges, as defined in figures.openings --------------------------------------------------
def test_messages_within_twelve_hours_belong_to_one_exchange():
    thread = [Sms(h(0), COACH, "a"), Sms(h(1), CLIENT, "b"), Sms(h(11), COACH, "c")]
    assert openings(thread) == [True, False, False]


def test_the_coach_replying_next_morning_to_a_message_sent_at_night_is_still_the_clients_exchange():
    thread = [Sms(h(0), CLIENT, "J'ai signé !"), Sms(h(14), COACH, "Bravo, comment ?")]
    assert openings(thread) == [True, False]


def test_a_reply_after_three_days_opens_a_new_exchange():
    thread = [Sms(h(0), CLIENT, "Une question"), Sms(h(72), COACH, "Oui ?")]
    assert openings(thread) == [True, True]


def test_after_a_back_and_forth_whoever_writes_after_the_silence_opens_the_next_exchange():
    thread = [Sms(h(0), CLIENT, "a"), Sms(h(1), COACH, "b"), Sms(h(20), CLIENT, "c")]
    assert openings(thread) == [True, False, True]
    thread = [Sms(h(0), CLIENT, "a"), Sms(h(1), COACH, "b"), Sms(h(20), COACH, "c")]
    assert openings(thread) == [True, False, True]


def test_a_checkin_is_unprompted_only_when_no_coach_message_came_before_the_answer():
    run = CheckinRun(h(0), h(2))
    assert unprompted(run, [h(-5), h(3)])
    assert not unprompted(run, [h(1)])
    assert not unprompted(CheckinRun(h(0), None), [])


def test_a_share_over_several_weeks_adds_the_counts_rather_than_averaging_shares():
    weeks = [figures.Week(dt.date(2026, 10, 5)), figures.Week(dt.date(2026, 10, 12))]
    weeks[0].ratios["initiative"].add(1, 1)
    weeks[1].ratios["initiative"].add(0, 3)
    assert figures.pooled(weeks, "initiative") == 1 / 4


def test_a_window_with_too_few_exchanges_is_not_read_as_a_share():
    weeks = [figures.Week(dt.date(2026, 10, 5)), figures.Week(dt.date(2026, 10, 12))]
    weeks[0].ratios["initiative"].add(0, 1)
    weeks[1].ratios["initiative"].add(0, 1)
    assert figures.pooled(weeks, "initiative") is None  # not "0 in 10" from two exchanges
    weeks[1].ratios["initiative"].add(1, 1)
    assert figures.pooled(weeks, "initiative") == 1 / 3


def test_it_is_too_early_to_compare_with_fewer_than_four_weeks():
    weeks = [figures.Week(dt.date(2026, 10, 5) + dt.timedelta(weeks=i)) for i in range(3)]
    assert figures.changes(weeks) == {}


# -- the story of tests/autonomy/conftest.py --------------------------------------------------
THEN_REMINDED = {"initiative": (0, 3), "unprompted": (0, 1), "coach_words": (29, 39),
                 "questions": (2, 4)}  # fmt: skip
THEN_SILENT = {"initiative": (0, 2), "unprompted": (0, 1), "coach_words": (22, 32),
               "questions": (1, 3)}  # fmt: skip
NOW = {"initiative": (2, 3), "unprompted": (1, 1), "coach_words": (19, 47), "questions": (2, 3)}
EXPECTED_WEEKS = [THEN_REMINDED] * 2 + [THEN_SILENT] * 2 + [NOW] * 4


def test_each_week_counts_what_was_written_by_hand(story, acts_by_hand):
    autonomy = autonomy_of(story.engagement, now=story.end)
    assert [w.start for w in autonomy.weeks] == [
        story.week0 + dt.timedelta(weeks=i) for i in range(8)
    ]
    for week, expected in zip(autonomy.weeks, EXPECTED_WEEKS, strict=True):
        found = {key: (r.part, r.whole) for key, r in week.ratios.items()}
        assert found == expected, week.start
    assert [w.confidence for w in autonomy.weeks] == [4, 4, 5, 5, 7, 7, 8, 8]


def test_every_figure_moves_towards_autonomy_by_the_hand_computed_amount(story, acts_by_hand):
    changes = autonomy_of(story.engagement, now=story.end).changes
    expected = {
        "initiative": (0 / 10, 8 / 12),
        "unprompted": (0 / 4, 4 / 4),
        "coach_words": (102 / 142, 76 / 188),
        "questions": (6 / 14, 8 / 12),
        "confidence": (4.5, 7.5),
    }
    for key, (then, now) in expected.items():
        assert changes[key].then == pytest.approx(then), key
        assert changes[key].now == pytest.approx(now), key
        assert changes[key].direction == 1, key
        assert changes[key].weeks_apart == 4
    assert figures.reliance_falls(changes)


def test_the_reading_says_it_in_the_coachs_language(story, acts_by_hand):
    with translation.override("en"):
        readings = autonomy_of(story.engagement, now=story.end).readings
    assert readings["initiative"] == "Léa now opens 7 exchanges in 10 (0 in 10, 4 weeks ago)."
    assert readings["coach_words"] == "You now write 40% of the words (72%, 4 weeks ago)."
    assert readings["confidence"] == "Léa now rates their confidence 7.5/10 (4.5/10, 4 weeks ago)."
    with translation.override("fr"):
        autonomy = autonomy_of(story.engagement, now=story.end)
    assert (
        autonomy.headline == "Léa ouvre désormais 7 échanges sur 10 (0 sur 10 il y a 4 semaines)."
    )
    assert "7,5/10" in autonomy.readings["confidence"]


def test_the_figures_read_a_bounded_number_of_queries_however_long_the_thread(
    story, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        autonomy_of(story.engagement, now=story.end)


def test_another_engagement_of_the_same_client_is_not_mixed_in(story, alice):
    from ancrage.coaching.models import Engagement

    later = Engagement.objects.create(
        practice=story.coachee.practice, coach=alice, coachee=story.coachee, status="intake",
        started_on=story.end.date() + dt.timedelta(days=1),
    )  # fmt: skip
    autonomy = autonomy_of(later, now=story.end + dt.timedelta(days=3))
    assert all(r.whole == 0 for w in autonomy.weeks for r in w.ratios.values())


def test_the_analyzer_reads_the_coachs_questions_and_the_share_of_questions_rises(story):
    """The real analyzer, through its public API: the four questions are questions, and
    whatever it makes of the advice, the coach asks more than before."""
    from ancrage.autonomy.acts import with_acts
    from ancrage.autonomy.loading import load

    thread, read = with_acts(load(story.engagement, now=story.end).thread, "fr")
    assert read
    asked = {m.text for m in thread if m.side == COACH and "question" in m.acts}
    assert asked == {
        "As-tu vu le point du lundi ?",
        "Comment as-tu présenté ton prix ?",
        "Qu'est-ce qui a fait la différence ?",
        "Comment veux-tu les préparer ?",
    }
    changes = autonomy_of(story.engagement, now=story.end).changes
    assert changes["questions"].direction == 1


def test_when_the_analyzer_fails_the_other_figures_still_show(story, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("weights missing")

    monkeypatch.setattr("ancrage.autonomy.acts.analyze", broken)
    autonomy = autonomy_of(story.engagement, now=story.end)
    assert not autonomy.acts_read
    assert autonomy.changes["questions"].now is None
    assert autonomy.changes["initiative"].now == pytest.approx(8 / 12)


def test_the_pure_modules_never_import_django():
    import subprocess
    import sys

    code = (
        "import sys; import ancrage.autonomy.figures, ancrage.autonomy.taper, "
        "ancrage.autonomy.acts; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
