"""Leitner scheduling: misses come back sooner, due before new, new cards at a steady rate."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from study.clock import T0

from bodymap.study import Answer, LeitnerScheduler

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def ans(card: str, at: datetime, correct: bool = True) -> Answer:
    return Answer(card, at, 1.0 if correct else 0.0, correct)


class Student:
    """Answers whatever the scheduler serves, one card per minute, and logs what it was."""

    def __init__(self, scheduler: LeitnerScheduler, deck: list[str],
                 history: list[Answer] | None = None) -> None:
        self.scheduler = scheduler
        self.deck = deck
        self.history = list(history or [])

    def study(self, start: datetime, count: int, correct: bool = True) -> list[str]:
        served = []
        for step in range(count):
            now = start + step * MINUTE
            card = self.scheduler.next_card(self.deck, self.history, now)
            if card is None:
                break
            is_new = all(a.card_id != card for a in self.history)
            served.append(("new:" if is_new else "due:") + card)
            self.history.append(ans(card, now, correct))
        return served


def test_wrong_answer_comes_back_sooner_than_right_one():
    scheduler = LeitnerScheduler()
    states = scheduler.card_states([ans("right", T0), ans("wrong", T0, correct=False)])
    assert states["wrong"].due < states["right"].due
    assert states["wrong"].due == T0 + timedelta(minutes=10)  # same sitting
    assert states["right"].due == T0 + DAY


def test_missed_card_is_asked_again_in_the_same_sitting():
    scheduler = LeitnerScheduler()
    history = [ans("a", T0, correct=False), ans("b", T0 + MINUTE)]
    assert scheduler.next_card(["a", "b"], history, T0 + 11 * MINUTE) == "a"


def test_right_answers_climb_the_boxes_and_a_miss_drops_to_box_zero():
    scheduler = LeitnerScheduler()
    history, at = [], T0
    boxes = []
    for correct in (True, True, True, False, True):
        history.append(ans("c", at, correct))
        state = scheduler.card_states(history)["c"]
        boxes.append(state.box)
        at = state.due
    assert boxes == [1, 2, 3, 0, 1]
    assert scheduler.card_states(history)["c"].lapses == 1
    assert scheduler.card_states(history)["c"].reviews == 5


def test_top_box_is_the_ceiling():
    scheduler = LeitnerScheduler()
    history = [ans("c", T0 + i * 60 * DAY) for i in range(10)]
    assert scheduler.card_states(history)["c"].box == scheduler.top_box


def test_replay_order_is_by_time_not_by_list_order():
    scheduler = LeitnerScheduler()
    history = [ans("c", T0 + DAY), ans("c", T0, correct=False)]
    assert scheduler.card_states(history)["c"].box == 1  # miss, then right


def test_due_cards_come_before_new_ones():
    scheduler = LeitnerScheduler(reviews_per_new=3)
    history = [ans(c, T0 + i * MINUTE) for i, c in enumerate("abc")]
    deck = ["d", "a", "b", "c", "e"]
    served = Student(scheduler, deck, history).study(T0 + 2 * DAY, 4)
    assert served == ["due:a", "due:b", "due:c", "new:d"]


def test_new_cards_are_mixed_in_one_per_n_reviews():
    scheduler = LeitnerScheduler(reviews_per_new=3, new_per_day=100)
    old = [f"old{i:02}" for i in range(12)]
    history = [ans(c, T0 + i * MINUTE) for i, c in enumerate(old)]
    deck = old + [f"new{i:02}" for i in range(10)]
    served = Student(scheduler, deck, history).study(T0 + 2 * DAY, 16)
    kinds = [s.split(":")[0] for s in served]
    assert kinds == ["due", "due", "due", "new"] * 4
    assert [s for s in served if s.startswith("new")] == [f"new:new0{i}" for i in range(4)]


def test_new_cards_flow_when_nothing_is_due_up_to_the_daily_limit():
    scheduler = LeitnerScheduler(new_per_day=5)
    deck = [f"c{i}" for i in range(8)]
    student = Student(scheduler, deck)
    assert student.study(T0, 8) == [f"new:c{i}" for i in range(5)]  # then nothing to do
    assert scheduler.next_card(deck, student.history, T0 + 10 * MINUTE) is None
    assert scheduler.counts(deck, student.history, T0 + 10 * MINUTE).new_allowed_today == 0
    # A day later the five are due and new cards may start again.
    later = student.study(T0 + DAY + 10 * MINUTE, 9)
    assert later[:3] == ["due:c0", "due:c1", "due:c2"] and "new:c5" in later


def test_study_ahead_offers_the_card_due_soonest():
    scheduler = LeitnerScheduler(new_per_day=0)
    history = [ans("a", T0 + HOUR), ans("b", T0), ans("c", T0 + 2 * HOUR)]
    now = T0 + 3 * HOUR
    assert scheduler.next_card(["a", "b", "c"], history, now) is None
    assert scheduler.next_card(["a", "b", "c"], history, now, ahead=True) == "b"


def test_study_ahead_never_repeats_the_card_whose_answer_was_just_shown():
    scheduler = LeitnerScheduler(new_per_day=0)
    deck = ["a", "b", "c"]
    history = [ans("a", T0), ans("b", T0), ans("c", T0)]
    served = []
    for step in range(9):  # studying ahead two hours later, missing every card
        now = T0 + 2 * HOUR + step * MINUTE
        card = scheduler.next_card(deck, history, now, ahead=True)
        assert card is not None
        served.append(card)
        history.append(ans(card, now, correct=False))
    assert all(first != second for first, second in pairwise(served))
    assert set(served) == set(deck)  # the misses take turns rather than one coming back


def test_study_ahead_prefers_cards_not_answered_in_the_last_minutes():
    scheduler = LeitnerScheduler(new_per_day=0)
    history = [ans("old", T0), ans("missed", T0 + HOUR, correct=False),
               ans("last", T0 + HOUR + MINUTE)]
    # "missed" is due soonest (ten minutes after its miss) but its answer was seen two minutes ago.
    assert scheduler.next_card(["old", "missed", "last"], history, T0 + HOUR + 2 * MINUTE,
                               ahead=True) == "old"


def test_studying_ahead_the_same_morning_moves_no_card_up():
    # The reviewer's cramming: twenty new cards right at 09:00, then "Study ahead" at 09:30,
    # 10:00, 10:30 and 11:00, all right. It made every card "learned" and put them off for
    # weeks; a right answer an hour after the last shows nothing of a day's recall.
    scheduler = LeitnerScheduler(new_per_day=20)
    deck = [f"c{n}" for n in range(20)]
    student = Student(scheduler, deck)
    assert len(student.study(T0, 20)) == 20
    before = scheduler.card_states(student.history)
    for start in (T0 + 30 * MINUTE, T0 + HOUR, T0 + 90 * MINUTE, T0 + 2 * HOUR):
        for step in range(20):
            now = start + step * MINUTE
            card = scheduler.next_card(deck, student.history, now, ahead=True)
            student.history.append(ans(card, now))
    after = scheduler.card_states(student.history)
    assert {c: s.box for c, s in after.items()} == {c: 1 for c in deck}
    assert {c: s.due for c, s in after.items()} == {c: s.due for c, s in before.items()}
    assert sum(s.reviews for s in after.values()) == 100 and all(
        s.reviews >= 2 for s in after.values())  # every card asked ahead, one or more times


def test_a_card_answered_ahead_late_in_its_interval_moves_up():
    scheduler = LeitnerScheduler()
    history = [ans("a", T0), ans("a", T0 + DAY)]  # box 2: due three days on
    assert scheduler.card_states(history)["a"].box == 2
    early = scheduler.card_states([*history, ans("a", T0 + DAY + 12 * HOUR)])["a"]
    assert (early.box, early.due) == (2, T0 + 4 * DAY)  # half a day of three: too early
    late = scheduler.card_states([*history, ans("a", T0 + 3 * DAY)])["a"]
    assert (late.box, late.due) == (3, T0 + 10 * DAY)  # two days of three, ahead all the same
    missed = scheduler.card_states([*history, ans("a", T0 + DAY + HOUR, correct=False)])["a"]
    assert missed.box == 0  # wrong is wrong, ahead or not


def test_study_ahead_on_a_one_card_deck_asks_that_card():
    scheduler = LeitnerScheduler(new_per_day=0)
    history = [ans("only", T0)]
    assert scheduler.next_card(["only"], history, T0 + MINUTE, ahead=True) == "only"
    assert scheduler.next_card(["other"], history, T0 + MINUTE, ahead=True) is None


def test_cards_outside_the_deck_are_not_served():
    scheduler = LeitnerScheduler()
    history = [ans("gone", T0, correct=False)]
    assert scheduler.next_card(["kept"], history, T0 + DAY) == "kept"


def test_counts():
    scheduler = LeitnerScheduler(new_per_day=10)
    history = [ans("a", T0), ans("b", T0, correct=False)]
    counts = scheduler.counts(["a", "b", "c", "d"], history, T0 + HOUR)
    assert (counts.due, counts.new, counts.new_allowed_today) == (1, 2, 2)  # 8 allowed, 2 left
    assert counts.next_due == T0 + 10 * MINUTE  # b, missed
    untouched = scheduler.counts(["c", "d"], [], T0)
    assert (untouched.new_allowed_today, untouched.next_due) == (2, None)


def test_naive_times_are_refused():
    scheduler = LeitnerScheduler()
    with pytest.raises(ValueError, match="timezone-aware"):
        scheduler.next_card(["a"], [], datetime(2025, 1, 1))


@pytest.mark.parametrize(
    "kwargs",
    [{"intervals": [DAY]}, {"intervals": [DAY, DAY]}, {"reviews_per_new": -1}],
)
def test_bad_settings_are_refused(kwargs: dict):
    with pytest.raises(ValueError):
        LeitnerScheduler(**kwargs)
