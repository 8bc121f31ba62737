"""Progress per muscle: counts a student can read and a mastery figure that moves with good
answers yet reaches 1 only through reviews spread over days. Pure functions, no store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bodymap.study import LEARNED_BOX, Answer, LeitnerScheduler, Progress, muscle_progress
from bodymap.study.mastery import muscle_mastery, total

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def ans(card: str, at: datetime, correct: bool = True) -> Answer:
    return Answer(card, at, 1.0 if correct else 0.0, correct)


def test_one_good_session_moves_mastery_visibly():
    # The student's case: ten new cards, seven right. Each muscle here has three cards.
    deck = [f"{kind}:m{n}" for n in range(10) for kind in ("locate", "zones", "referral")]
    history = [ans(f"locate:m{n}", T0 + n * timedelta(minutes=1), correct=n < 7)
               for n in range(10)]
    progress = muscle_progress(deck, history)
    assert progress["m0"] == Progress(cards=3, new=2, learning=1, mastery=pytest.approx(1 / 9))
    assert progress["m9"] == Progress(cards=3, new=2, to_go_over=1, mastery=0.0)
    whole = total(progress.values())
    assert (whole.seen, whole.right_last_time, whole.to_go_over, whole.learned) == (10, 7, 3, 0)
    # One right answer is worth a third of a card at once: 7 of 30 cards right reads 7.8%,
    # where box / top box read 4.7% (and 1% with the built-in deck of 130 cards).
    assert whole.mastery == pytest.approx(7 / 3 / 30)
    assert whole.mastery > 7 * (1 / 5) / 30


def test_a_card_is_learned_after_three_right_reviews_in_a_row():
    scheduler = LeitnerScheduler()
    deck = ["locate:piriformis"]
    history: list[Answer] = []
    seen = []
    for at in (T0, T0 + DAY, T0 + 4 * DAY):  # on the day, a day later, three days after that
        history.append(ans("locate:piriformis", at))
        seen.append(muscle_progress(deck, history, scheduler)["piriformis"])
    assert [p.mastery for p in seen] == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert [(p.learning, p.learned) for p in seen] == [(1, 0), (1, 0), (0, 1)]
    assert LEARNED_BOX == 3
    # Further right reviews keep it learned; a miss sends it back to be gone over again.
    history.append(ans("locate:piriformis", T0 + 11 * DAY))
    assert muscle_progress(deck, history)["piriformis"].mastery == 1.0
    history.append(ans("locate:piriformis", T0 + 30 * DAY, correct=False))
    again = muscle_progress(deck, history)["piriformis"]
    assert (again.to_go_over, again.learned, again.mastery) == (1, 0, 0.0)


def test_unseen_cards_count_so_a_muscle_is_whole_only_when_every_card_is_learned():
    cards = ["locate:piriformis", "zones:piriformis", "locate:iliopsoas"]
    history = [ans("locate:piriformis", T0 + i * 60 * DAY) for i in range(5)]
    mastery = muscle_mastery(cards, history)
    assert mastery == {"iliopsoas": 0.0, "piriformis": 0.5}  # one card learned, one unseen
    progress = muscle_progress(cards, history)
    assert progress["iliopsoas"] == Progress(cards=1, new=1)
    assert progress["piriformis"].seen == 1


def test_a_scheduler_with_fewer_boxes_learns_at_its_top_box():
    scheduler = LeitnerScheduler(intervals=[timedelta(minutes=10), DAY])  # top box 1
    history = [ans("locate:piriformis", T0)]
    progress = muscle_progress(["locate:piriformis"], history, scheduler)["piriformis"]
    assert (progress.learned, progress.mastery) == (1, 1.0)


def test_progress_is_the_same_however_the_history_is_ordered():
    deck = ["locate:piriformis", "zones:piriformis"]
    history = [ans("locate:piriformis", T0), ans("zones:piriformis", T0 + DAY, correct=False),
               ans("locate:piriformis", T0 + 2 * DAY)]
    assert muscle_progress(deck, history) == muscle_progress(deck, history[::-1])


def test_total_of_nothing_is_empty():
    assert total([]) == Progress(cards=0)
