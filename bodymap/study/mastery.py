"""Progress per muscle: how many of its cards a student knows, in words a student reads.

Each card is in one of four states, from its Leitner box (see `scheduler`):

- *new*: never answered;
- *to go over*: the last answer was wrong (box 0), so it comes back in minutes;
- *learning*: the last answer was right, not yet at `LEARNED_BOX`; it comes back after a day,
  then three days, to check it has stuck;
- *learned*: right at `LEARNED_BOX` reviews in a row (box 3: the next check is a week away).

A muscle's mastery, 0..1, is the mean over all its cards (new ones included) of
min(box, LEARNED_BOX) / LEARNED_BOX: a right answer earns a card a third at once, and the card
counts in full once learned. So one good session moves it visibly, while only reviews spread over
days (the point of spaced repetition) bring a muscle to 1. (Box / top box, the figure before,
needed five right reviews over four weeks per card: 4% after a good first session.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bodymap.study.questions import muscle_of
from bodymap.study.scheduler import Answer, CardState, LeitnerScheduler

LEARNED_BOX = 3  # right at three reviews in a row (on the day, a day later, three days later)


@dataclass(frozen=True)
class Progress:
    """One muscle's cards, counted by state (see the module docstring)."""

    cards: int
    new: int = 0
    to_go_over: int = 0
    learning: int = 0  # right last time, not learned yet
    learned: int = 0
    mastery: float = 0.0  # 0..1

    @property
    def seen(self) -> int:
        return self.cards - self.new

    @property
    def right_last_time(self) -> int:
        """Cards whose last answer was right: learning or learned."""
        return self.learning + self.learned


def _learned_box(scheduler: LeitnerScheduler) -> int:
    return min(LEARNED_BOX, scheduler.top_box)


def card_credit(state: CardState | None, learned_box: int = LEARNED_BOX) -> float:
    """What one card adds to mastery: 0 new or missed, 1 learned, a share of it on the way."""
    return 0.0 if state is None else min(state.box, learned_box) / learned_box


def muscle_progress(card_ids: Iterable[str], history: Iterable[Answer],
                    scheduler: LeitnerScheduler | None = None) -> dict[str, Progress]:
    """Each muscle's cards by state, and its mastery. `card_ids` is the whole deck (every card
    that could be asked): cards not seen yet count, so a muscle is at 1.0 only when every card
    about it is learned."""
    scheduler = scheduler or LeitnerScheduler()
    learned_box = _learned_box(scheduler)
    states = scheduler.card_states(history)
    by_muscle: defaultdict[str, list[CardState | None]] = defaultdict(list)
    for card in dict.fromkeys(card_ids):
        by_muscle[muscle_of(card)].append(states.get(card))
    progress = {}
    for muscle, cards in sorted(by_muscle.items()):
        boxes = [s.box for s in cards if s is not None]
        progress[muscle] = Progress(
            cards=len(cards),
            new=len(cards) - len(boxes),
            to_go_over=sum(1 for box in boxes if box == 0),
            learning=sum(1 for box in boxes if 0 < box < learned_box),
            learned=sum(1 for box in boxes if box >= learned_box),
            mastery=sum(card_credit(s, learned_box) for s in cards) / len(cards),
        )
    return progress


def muscle_mastery(card_ids: Iterable[str], history: Iterable[Answer],
                   scheduler: LeitnerScheduler | None = None) -> dict[str, float]:
    """Mastery 0..1 per muscle (see the module docstring), e.g. to colour the body."""
    return {muscle: p.mastery
            for muscle, p in muscle_progress(card_ids, history, scheduler).items()}


def total(progress: Iterable[Progress]) -> Progress:
    """Every muscle's counts added up (mastery: the mean over all their cards)."""
    parts = list(progress)
    cards = sum(p.cards for p in parts)
    return Progress(
        cards=cards,
        new=sum(p.new for p in parts),
        to_go_over=sum(p.to_go_over for p in parts),
        learning=sum(p.learning for p in parts),
        learned=sum(p.learned for p in parts),
        mastery=sum(p.mastery * p.cards for p in parts) / cards if cards else 0.0,
    )
