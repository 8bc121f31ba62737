"""A study sitting end to end: next question, answer, record, mastery (no window)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from study.clock import T0

from bodymap.model import Catalog
from bodymap.study import (
    LeitnerScheduler,
    LocateQuestion,
    ProgressStore,
    StudySession,
    ZoneQuestion,
    all_card_ids,
)


def test_a_sitting_records_every_answer_and_raises_mastery(catalog: Catalog,
                                                           store: ProgressStore):
    ana = store.create_profile("Ana")
    session = StudySession(catalog, store, ana, random.Random(5),
                           muscle_ids=["piriformis"], scheduler=LeitnerScheduler(new_per_day=50))
    asked = []
    now = T0
    while (question := session.next_question(now)) is not None:
        response = question.essential if isinstance(question, ZoneQuestion) else question.answer
        assert session.answer(question, response, now).correct
        asked.append(question.card_id)
        now += timedelta(minutes=1)
    assert sorted(asked) == sorted(session.questions)  # every card once, then done for now
    assert [a.card_id for a in store.answers(ana)] == asked
    mastery = session.mastery()
    assert set(mastery) == set(catalog.muscles)
    assert 0 < mastery["piriformis"] < 1 and mastery["iliopsoas"] == 0
    assert store.mastery(ana, all_card_ids(catalog)) == mastery


def test_a_miss_is_asked_again_after_ten_minutes(catalog: Catalog, store: ProgressStore):
    ana = store.create_profile("Ana")
    session = StudySession(catalog, store, ana, random.Random(5), kinds=["locate"],
                           scheduler=LeitnerScheduler(new_per_day=1))
    question = session.next_question(T0)
    assert isinstance(question, LocateQuestion)
    assert not session.answer(question, None, T0).correct  # clicked beside every muscle
    assert session.next_question(T0 + timedelta(minutes=5)) is None
    assert session.next_question(T0 + timedelta(minutes=10)) == question


def test_a_new_session_picks_up_stored_progress(catalog: Catalog, store: ProgressStore):
    ana = store.create_profile("Ana")
    first = StudySession(catalog, store, ana, random.Random(1), kinds=["locate"])
    question = first.next_question(T0)
    assert question is not None
    first.answer(question, question.muscle_id, T0)
    second = StudySession(catalog, store, ana, random.Random(2), kinds=["locate"])
    assert second.counts(T0).new == len(second.questions) - 1


def test_zone_question_wants_zone_ids(catalog: Catalog, store: ProgressStore):
    session = StudySession(catalog, store, store.create_profile("Ana"), random.Random(1),
                           kinds=["zones"])
    question = session.next_question(T0)
    assert isinstance(question, ZoneQuestion)
    with pytest.raises(TypeError):
        session.answer(question, "sacrum", T0)
    assert store.answers(session.profile) == []
