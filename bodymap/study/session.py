"""A study sitting: the glue the study panel calls (pick a card, grade, record, mastery)."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping
from datetime import datetime

from bodymap.model import Catalog
from bodymap.study.generators import generate_questions
from bodymap.study.grading import Grade
from bodymap.study.mastery import Progress, muscle_mastery, muscle_progress
from bodymap.study.prerequisites import find_before_marking
from bodymap.study.questions import AnyQuestion, ZoneQuestion
from bodymap.study.scheduler import Answer, LeitnerScheduler, QueueCounts
from bodymap.study.siblings import apart_last, kept_apart
from bodymap.study.store import Profile, ProgressStore


def all_card_ids(catalog: Catalog) -> list[str]:
    """Every card the catalog yields (card ids do not depend on the seed)."""
    return sorted(q.card_id for q in generate_questions(catalog, random.Random(0)))


class StudySession:
    """One profile studying a deck: the cards of `kinds` about `muscle_ids` (default: all).

    The answer history is read once and kept in step with what this session records.
    """

    def __init__(self, catalog: Catalog, store: ProgressStore, profile: Profile | int,
                 rng: random.Random, *, kinds: Collection[str] | None = None,
                 muscle_ids: Collection[str] | None = None,
                 scheduler: LeitnerScheduler | None = None) -> None:
        self.catalog = catalog
        self.store = store
        self.profile = profile
        self.scheduler = scheduler or LeitnerScheduler()
        questions = generate_questions(catalog, rng, kinds, muscle_ids)
        self.questions: Mapping[str, AnyQuestion] = {q.card_id: q for q in questions}
        self._deck = [q.card_id for q in questions]
        self._history: list[Answer] = store.answers(profile)
        self._all_cards: list[str] | None = None

    def counts(self, now: datetime) -> QueueCounts:
        return self.scheduler.counts(self._deck, self._history, now)

    def next_question(self, now: datetime, *, ahead: bool = False) -> AnyQuestion | None:
        """The question to ask now; None when the student is done for now.

        New cards start in the deck's order, but a muscle's zone cards only once the student has
        found it on the body (`find_before_marking`); cards already answered are served as the
        scheduler says, which that order does not touch. Cards about a muscle just asked wait
        while another card may be asked (`siblings`).
        """
        apart = kept_apart(self._deck, self._history, now)
        deck = find_before_marking(apart_last(self._deck, apart), self._history)
        card = self.scheduler.next_card(deck, self._history, now, ahead=ahead, apart=apart)
        return None if card is None else self.questions[card]

    def answer(self, question: AnyQuestion, response: str | Iterable[str] | None,
               now: datetime) -> Grade:
        """Grade the response and record it: a choice key or clicked muscle id (None for no
        answer), or the marked zone ids for a `ZoneQuestion`."""
        if isinstance(question, ZoneQuestion):
            if isinstance(response, str):
                raise TypeError("a zone question is answered with zone ids, not one string")
            grade: Grade = question.grade(response or ())
        else:
            if response is not None and not isinstance(response, str):
                raise TypeError("this question is answered with one key")
            grade = question.grade(response)
        self.record(question, grade, now)
        return grade

    def record(self, question: AnyQuestion, grade: Grade, now: datetime) -> Answer:
        answer = self.store.record_answer(self.profile, question.card_id, grade, now)
        self._history.append(answer)
        return answer

    def mastery(self) -> dict[str, float]:
        """Mastery per muscle over every card of the catalog, not only this session's deck."""
        return muscle_mastery(self._every_card(), self._history, self.scheduler)

    def progress(self) -> dict[str, Progress]:
        """Each muscle's cards by state (new, to go over, learning, learned) and its mastery,
        over every card of the catalog."""
        return muscle_progress(self._every_card(), self._history, self.scheduler)

    def _every_card(self) -> list[str]:
        if self._all_cards is None:
            self._all_cards = all_card_ids(self.catalog)
        return self._all_cards
