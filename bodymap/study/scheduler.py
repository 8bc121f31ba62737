"""Spaced repetition with Leitner boxes, replayed from the answer history.

Why Leitner rather than SM-2: a box number is easy to explain to a student ("this card is in
box 3 of 5") and to turn into mastery, and with a few hundred cards SM-2's per-card ease factor
buys little.

Rules:
- A card's state is derived by replaying its answers in time order; nothing else is stored, so
  the answer log in the progress store is the single source of truth.
- The first answer puts a card in box 1 if right, box 0 if wrong. After that a right answer moves
  it up one box (to at most the top box), a wrong one sends it back to box 0.
- A card is due `intervals[box]` after its last answer: 10 minutes in box 0 (so a miss comes back
  in the same sitting), then 1, 3, 7, 16 and 35 days.
- A right answer given ahead of the card's due time, before half of its interval has passed,
  moves it up no box and keeps its due time: remembering a card an hour after seeing it shows
  nothing of whether it will stick for a day. Studying ahead four times in a morning made all of
  a new student's twenty cards "learned" and put them off for weeks. A wrong answer is wrong at
  any time (box 0).
- `next_card` serves due cards first, most overdue first. New cards (never answered) are mixed
  in at a steady rate: while cards are due, one new card after every `reviews_per_new` reviews;
  when nothing is due, new cards one after another; never more than `new_per_day` new cards in
  any 24 hours. New cards come in deck order (a `StudySession` passes its deck in the order its
  new cards may start: `prerequisites.find_before_marking`).
- Cards `next_card` is told to keep `apart` (a `StudySession` gives it the cards about the
  muscles just asked: `siblings`) are served only when no other card of the same source is: due
  ones after the other due ones, and a new card, if one may start, before them; studying ahead
  likewise. New cards come in deck order, which the session arranges for them.
- Studying ahead (nothing due, no new card allowed) serves answered cards not yet due, soonest
  due first, those gone over ahead already since their due time was set after the others, but
  never the card just answered (unless it is the only one) and cards answered within the first
  interval only after the others: asking again a card whose answer the student saw a minute ago
  would move it up a box for remembering the feedback, not for knowing it.
- Time is always passed in (`now`), never read from the system, and must be timezone-aware.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import pairwise

DEFAULT_INTERVALS = (
    timedelta(minutes=10),
    timedelta(days=1),
    timedelta(days=3),
    timedelta(days=7),
    timedelta(days=16),
    timedelta(days=35),
)
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Answer:
    """One graded answer, as the progress store keeps it."""

    card_id: str
    answered_at: datetime
    score: float
    correct: bool


@dataclass(frozen=True)
class CardState:
    card_id: str
    box: int
    due: datetime
    reviews: int  # answers so far, the first included
    lapses: int  # wrong answers
    first_answered: datetime
    last_answered: datetime


@dataclass(frozen=True)
class QueueCounts:
    """What is waiting, for the study panel's header."""

    due: int
    new: int  # never answered, in the deck
    new_allowed_today: int  # new cards that may start today: what `new_per_day` leaves, <= new
    next_due: datetime | None  # when the soonest answered card of the deck is due (past: due now)


def require_aware(moment: datetime, what: str = "now") -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, e.g. datetime.now(UTC)")
    return moment


class LeitnerScheduler:
    """Decides when each card is due and which card to ask next."""

    def __init__(self, intervals: Sequence[timedelta] = DEFAULT_INTERVALS,
                 reviews_per_new: int = 3, new_per_day: int = 20) -> None:
        if len(intervals) < 2 or any(b <= a for a, b in pairwise(intervals)):
            raise ValueError("intervals must be at least two, strictly increasing")
        if reviews_per_new < 0 or new_per_day < 0:
            raise ValueError("reviews_per_new and new_per_day cannot be negative")
        self.intervals = tuple(intervals)
        self.reviews_per_new = reviews_per_new
        self.new_per_day = new_per_day

    @property
    def top_box(self) -> int:
        return len(self.intervals) - 1

    def advance(self, state: CardState | None, answer: Answer) -> CardState:
        """The card's state after one more answer."""
        at = require_aware(answer.answered_at, "answered_at")
        if state is None:
            box = 1 if answer.correct else 0
            first, reviews, lapses = at, 0, 0
        else:
            box = min(state.box + 1, self.top_box) if answer.correct else 0
            first, reviews, lapses = state.first_answered, state.reviews, state.lapses
            if answer.correct and 2 * (at - state.last_answered) < state.due - state.last_answered:
                # Too early to tell whether it sticks (see the module's rules).
                return replace(state, reviews=reviews + 1, last_answered=at)
        return CardState(
            card_id=answer.card_id,
            box=box,
            due=at + self.intervals[box],
            reviews=reviews + 1,
            lapses=lapses + (not answer.correct),
            first_answered=first,
            last_answered=at,
        )

    def card_states(self, history: Iterable[Answer]) -> dict[str, CardState]:
        """Every answered card's state, from its answers replayed in time order."""
        states: dict[str, CardState] = {}
        for answer in sorted(history, key=lambda a: a.answered_at):  # stable: log order on ties
            states[answer.card_id] = self.advance(states.get(answer.card_id), answer)
        return states

    def due_cards(self, deck: Iterable[str], states: dict[str, CardState],
                  now: datetime) -> list[CardState]:
        """Answered cards of the deck due at `now`, most overdue first."""
        require_aware(now)
        due = [states[c] for c in deck if c in states and states[c].due <= now]
        return sorted(due, key=lambda s: (s.due, s.box, s.card_id))

    def _new_allowed(self, history: Sequence[Answer], now: datetime) -> tuple[int, int]:
        """(new cards still allowed in the last 24 hours, reviews since the last new card)."""
        seen: set[str] = set()
        new_recently = 0
        reviews_since_new = 0
        for answer in sorted(history, key=lambda a: a.answered_at):
            if answer.card_id in seen:
                reviews_since_new += 1
                continue
            seen.add(answer.card_id)
            reviews_since_new = 0
            if now - answer.answered_at < _DAY:
                new_recently += 1
        return max(self.new_per_day - new_recently, 0), reviews_since_new

    def counts(self, deck: Sequence[str], history: Sequence[Answer], now: datetime) -> QueueCounts:
        states = self.card_states(history)
        allowed, _ = self._new_allowed(history, require_aware(now))
        new = sum(1 for c in deck if c not in states)
        dues = [states[c].due for c in deck if c in states]
        return QueueCounts(
            due=len(self.due_cards(deck, states, now)),
            new=new,
            new_allowed_today=min(allowed, new),
            next_due=min(dues, default=None),
        )

    def next_card(self, deck: Sequence[str], history: Sequence[Answer], now: datetime, *,
                  ahead: bool = False, apart: Collection[str] = frozenset()) -> str | None:
        """The card to ask next, or None when nothing is due and no new card may start.

        With `ahead`, "nothing to do" instead gives an answered card not yet due (studying
        ahead of schedule; see the module's rules), if there is one. Cards in `apart` come
        after the others (see the module's rules).
        """
        states = self.card_states(history)
        due = self.due_cards(deck, states, now)
        if apart:
            due = [*(s for s in due if s.card_id not in apart),
                   *(s for s in due if s.card_id in apart)]
        allowed, reviews_since_new = self._new_allowed(history, now)
        fresh = next((c for c in deck if c not in states), None)
        if fresh is not None and allowed > 0 and (
            not due or reviews_since_new >= self.reviews_per_new
            or (due[0].card_id in apart and fresh not in apart)
        ):
            return fresh
        if due:
            return due[0].card_id
        return self._ahead_card(deck, history, states, now, apart) if ahead else None

    def _ahead_card(self, deck: Sequence[str], history: Sequence[Answer],
                    states: dict[str, CardState], now: datetime,
                    apart: Collection[str]) -> str | None:
        waiting = [states[c] for c in deck if c in states]
        if len(waiting) > 1:
            # The card answered last (of answers at the same moment, the one logged last).
            just_answered = max(reversed(history), key=lambda a: a.answered_at).card_id
            waiting = [s for s in waiting if s.card_id != just_answered]

        def order(state: CardState) -> tuple[bool, bool, bool, datetime, str]:
            recent = now - state.last_answered < self.intervals[0]
            # Answered ahead already since its due time was set (which that answer left as it
            # was): after the cards not yet gone over ahead, or a sitting ahead would serve the
            # soonest due again and again.
            again = state.last_answered > state.due - self.intervals[state.box]
            return (state.card_id in apart, recent, again,
                    state.last_answered if recent else state.due, state.card_id)

        return min(waiting, key=order).card_id if waiting else None
