"""A muscle's cards kept apart in a sitting: one card's feedback must not answer the next."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from study.clock import T0

from bodymap.model import Catalog
from bodymap.study import Answer, LeitnerScheduler, ProgressStore, StudySession, ZoneQuestion
from bodymap.study.questions import muscle_of
from bodymap.study.siblings import SPACED, just_asked

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


def sit(session: StudySession, start: datetime, most: int = 60) -> tuple[list[str], list[str]]:
    """Answer what the session asks, a card a minute, every third one wrong, until it has
    nothing more to ask now (or `most` cards). The cards asked, in order, and those of them
    asked fewer than `SPACED` questions after a card about the same muscle though the session
    had a card about another muscle to ask."""
    asked: list[str] = []
    too_close: list[str] = []
    now = start
    while len(asked) < most and (question := session.next_question(now)) is not None:
        recent = {muscle_of(card) for card in asked[-SPACED:]}
        if question.muscle_id in recent:
            others = [c for c in session.questions if muscle_of(c) not in recent]
            history = session.store.answers(session.profile)
            if session.scheduler.next_card(others, history, now) is not None:
                too_close.append(question.card_id)
        right = len(asked) % 3 != 2
        if isinstance(question, ZoneQuestion):
            response: object = question.essential if right else ()
        else:
            response = question.answer if right else None
        session.answer(question, response, now)
        asked.append(question.card_id)
        now += MINUTE
    return asked, too_close


def test_no_card_follows_another_about_the_same_muscle_over_a_week(catalog: Catalog,
                                                                    store: ProgressStore):
    # The reviewer's week: a first sitting with misses, the misses again later that morning,
    # then days 1, 2 and 4. They got "which muscle refers this pattern" (longissimus TrP2)
    # straight before "mark longissimus TrP2's zones", and four of quadratus lumborum's zone
    # cards in a row.
    ana = store.create_profile("Ana")
    asked_in = {}
    for start in (T0, T0 + 40 * MINUTE, T0 + DAY, T0 + 2 * DAY, T0 + 4 * DAY):
        asked, too_close = sit(StudySession(catalog, store, ana, random.Random(7)), start)
        assert too_close == [], start
        asked_in[start] = asked
    assert sum(map(len, asked_in.values())) > 100  # a week's study, not a few cards


def test_a_sitting_about_one_muscle_still_asks_each_of_its_cards(catalog: Catalog,
                                                                 store: ProgressStore):
    ana = store.create_profile("Ana")
    session = StudySession(catalog, store, ana, random.Random(7), muscle_ids=["piriformis"],
                           scheduler=LeitnerScheduler(new_per_day=50))
    asked, too_close = sit(session, T0)
    assert set(asked) == set(session.questions) and too_close == []


def test_the_last_cards_of_yesterday_hold_nothing_back_today():
    yesterday = [Answer("zones:piriformis:trp1", T0, 1.0, True)]
    assert just_asked(yesterday, T0 + 5 * MINUTE) == {"piriformis"}
    assert just_asked(yesterday, T0 + DAY) == frozenset()


def ans(card: str, at: datetime, correct: bool = True) -> Answer:
    return Answer(card, at, 1.0 if correct else 0.0, correct)


def test_due_cards_kept_apart_come_after_the_other_due_cards():
    scheduler = LeitnerScheduler()
    history = [ans("a", T0, correct=False), ans("b", T0 + MINUTE, correct=False)]
    now = T0 + 20 * MINUTE
    assert scheduler.next_card(["a", "b"], history, now) == "a"  # most overdue first
    assert scheduler.next_card(["a", "b"], history, now, apart={"a"}) == "b"
    assert scheduler.next_card(["a", "b"], history, now, apart={"a", "b"}) == "a"


def test_a_new_card_comes_before_a_review_kept_apart():
    scheduler = LeitnerScheduler(reviews_per_new=3)
    history = [ans("a", T0, correct=False), ans("b", T0 + MINUTE)]  # b: new, no reviews since
    now = T0 + 20 * MINUTE
    assert scheduler.next_card(["a", "b", "c"], history, now) == "a"  # a review is due first
    assert scheduler.next_card(["a", "b", "c"], history, now, apart={"a"}) == "c"
    # A new card kept apart too: the review, as the steady rate of new cards says.
    assert scheduler.next_card(["a", "b", "c"], history, now, apart={"a", "c"}) == "a"


def test_studying_ahead_keeps_apart_too():
    scheduler = LeitnerScheduler(new_per_day=0)
    history = [ans("a", T0), ans("b", T0 + MINUTE), ans("c", T0 + 2 * MINUTE)]
    now = T0 + 30 * MINUTE  # none due yet (a day after), none answered in the last minutes
    assert scheduler.next_card(["a", "b", "c"], history, now, ahead=True) == "a"
    assert scheduler.next_card(["a", "b", "c"], history, now, ahead=True, apart={"a"}) == "b"
