"""Find before marking: a new student starts with finding muscles and multiple-choice cards; a
muscle's zone cards (mark its referral) start only once the student has found it on the body, or
answered cards about it right; cards already answered keep the scheduler's order."""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from study.clock import T0

from bodymap.model import Catalog
from bodymap.study import (
    Answer,
    LeitnerScheduler,
    ProgressStore,
    StudySession,
    ZoneQuestion,
    generate_questions,
)
from bodymap.study.prerequisites import KNOWN_AFTER, find_before_marking, muscles_found

PROPERTY = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
# A sitting writes each answer to a progress file (a few ms each) and words a deck (~0.1 s).
SITTINGS = settings(PROPERTY, max_examples=15)
DAY_OF_STUDY = 30  # questions: three sessions of ten, more than a day's new cards (20)


def kind(card: str) -> str:
    return card.split(":")[0]


def muscle(card: str) -> str:
    return card.split(":")[1]


def right_response(question):
    return question.essential if isinstance(question, ZoneQuestion) else question.answer


def wrong_response(question):
    return () if isinstance(question, ZoneQuestion) else None


def ans(card: str, minutes: float, correct: bool = True) -> Answer:
    return Answer(card, T0 + timedelta(minutes=minutes), 1.0 if correct else 0.0, correct)


@SITTINGS
@given(seed=st.integers(0, 2**32 - 1),
       rights=st.lists(st.booleans(), min_size=DAY_OF_STUDY, max_size=DAY_OF_STUDY))
def test_a_new_student_marks_no_referral_of_a_muscle_not_found_yet(catalog: Catalog, seed: int,
                                                                   rights: list[bool]):
    # The oracle, from what the student did in this sitting: a muscle is found by a right
    # answer to its locate card, or known after KNOWN_AFTER right answers about it.
    found: set[str] = set()
    right_about: Counter[str] = Counter()
    asked: list[str] = []
    with tempfile.TemporaryDirectory() as folder, \
            ProgressStore.open(Path(folder) / "progress.sqlite3") as store:
        session = StudySession(catalog, store, store.create_profile("New"), random.Random(seed))
        now = T0
        for right in rights:
            question = session.next_question(now)
            if question is None:  # today's new cards started, the misses not due yet
                break
            card = question.card_id
            asked.append(card)
            assert kind(card) != "zones" or muscle(card) in found, asked
            response = right_response(question) if right else wrong_response(question)
            grade = session.answer(question, response, now)
            assert grade.correct == right
            if right:
                right_about[muscle(card)] += 1
                if kind(card) == "locate" or right_about[muscle(card)] >= KNOWN_AFTER:
                    found.add(muscle(card))
            now += timedelta(minutes=1)
    assert kind(asked[0]) in {"locate", "referral", "mimic", "symptom"}


def test_a_muscle_found_on_the_body_opens_its_zone_cards(catalog: Catalog,
                                                         store: ProgressStore):
    marked = sorted({q.muscle_id for q in generate_questions(catalog, random.Random(0), ["zones"])})
    assert len(marked) > 10
    for n, muscle_id in enumerate(marked):
        session = StudySession(catalog, store, store.create_profile(f"Student {n}"),
                               random.Random(n), kinds=["locate", "zones"],
                               muscle_ids=[muscle_id])
        first = session.next_question(T0)
        assert first is not None and first.card_id == f"locate:{muscle_id}"
        assert session.answer(first, muscle_id, T0).correct
        then = session.next_question(T0 + timedelta(minutes=1))
        assert isinstance(then, ZoneQuestion) and then.muscle_id == muscle_id


def test_found_muscles_zone_cards_start_in_deck_order(questions):
    deck = [q.card_id for q in questions]
    for located in sorted({muscle(c) for c in deck if kind(c) == "zones"}):
        order = find_before_marking(deck, [ans(f"locate:{located}", 0)])
        ready = [c for c in deck if kind(c) != "zones" or muscle(c) == located]
        assert order[:len(ready)] == ready  # its zone cards in their places, among the others
        assert sorted(order) == sorted(deck)


def test_right_answers_about_a_muscle_show_the_student_knows_it():
    referral = "referral:piriformis:trp1"
    assert muscles_found([ans("locate:piriformis", 0, correct=False)]) == frozenset()
    assert muscles_found([ans(referral, 0), ans(referral, 10, correct=False)]) == frozenset()
    assert KNOWN_AFTER == 2
    assert muscles_found([ans(referral, 0), ans(referral, 60 * 24)]) == {"piriformis"}
    assert muscles_found([ans(referral, 0), ans("mimic:piriformis:abc", 1)]) == {"piriformis"}
    assert muscles_found([ans("locate:piriformis", 0, correct=False),
                          ans("locate:piriformis", 10)]) == {"piriformis"}


def test_zone_cards_held_back_start_once_nothing_else_is_left(catalog: Catalog,
                                                              store: ProgressStore):
    # A student who cannot find the muscle yet still gets its cards once every other card has
    # started: the rule orders new cards, it never leaves one unasked.
    session = StudySession(catalog, store, store.create_profile("Ana"), random.Random(3),
                           kinds=["locate", "zones"], muscle_ids=["piriformis"])
    first = session.next_question(T0)
    assert first is not None and first.kind == "locate"
    assert not session.answer(first, None, T0).correct
    then = session.next_question(T0 + timedelta(minutes=1))
    assert then is not None and then.kind == "zones"


@st.composite
def studied(draw, deck: list[str]):
    """A history over some of the deck's cards: answers at times over two months, right or not."""
    cards = draw(st.lists(st.sampled_from(deck), max_size=60))
    return [ans(card, draw(st.integers(0, 60 * 24 * 60)), draw(st.booleans()))
            for card in cards]


@PROPERTY
@given(data=st.data(), ahead=st.booleans())
def test_cards_already_answered_keep_the_schedulers_order(questions, data, ahead: bool):
    deck = [q.card_id for q in questions]
    history = data.draw(studied(deck))
    now = T0 + timedelta(minutes=data.draw(st.integers(0, 60 * 24 * 90)))
    scheduler = LeitnerScheduler(new_per_day=data.draw(st.integers(0, 25)))
    order = find_before_marking(deck, history)
    assert sorted(order) == sorted(deck)
    states = scheduler.card_states(history)
    assert scheduler.due_cards(order, states, now) == scheduler.due_cards(deck, states, now)
    plain = scheduler.next_card(deck, history, now, ahead=ahead)
    served = scheduler.next_card(order, history, now, ahead=ahead)
    if plain is None or plain in states:  # nothing, or a card answered before: the same
        assert served == plain
    else:  # a new card: a new card too, maybe another
        assert served is not None and served not in states
