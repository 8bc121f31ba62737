"""Which new card a student starts next: a muscle is found on the body before its referral is
marked ("find before marking").

Why: marking a referral (a zone card) is the hardest kind of card. The student recalls a whole
pattern, for some muscles four zones or more, some on both sides, on a body they may not yet
find their way around. The deck is shuffled, so a student created a moment earlier could get
one as the very first question, and a first session of them ends at 2 of 10: discouraging for
someone studying alone, and a miss teaches little while the student cannot yet find the muscle.
Finding the muscle (a locate card) and the multiple-choice cards (name the muscle from a painted
pattern, a symptom, a mimic) are the way in.

The rule: a muscle's zone cards wait, as new cards, until the student has found the muscle
(its locate card answered right, once is enough) or has answered `KNOWN_AFTER` cards about it
right (any kind, the same card twice included: reviews that show the student knows it). Until
then every other new card starts first, in the deck's order; held-back cards keep theirs behind
them, so when nothing else is left to start (a deck of zone cards alone, or a muscle the student
keeps missing once every other card has started) they start after all: the rule orders what is
new, it never leaves a card unasked.

It only orders new cards. Cards already answered are served as the scheduler says (due ones
most overdue first), whatever this order: `LeitnerScheduler.next_card` takes new cards in deck
order and sorts the others by their state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from bodymap.study.questions import kind_of, muscle_of
from bodymap.study.scheduler import Answer

KNOWN_AFTER = 2  # right answers about a muscle that open its zone cards without a locate card
_MARKING = "zones"
_FINDING = "locate"


def muscles_found(history: Iterable[Answer]) -> frozenset[str]:
    """The muscles whose referral the student may be asked to mark: found on the body (a right
    answer to the locate card) or known from `KNOWN_AFTER` right answers about them."""
    found: set[str] = set()
    right: Counter[str] = Counter()
    for answer in history:
        if not answer.correct:
            continue
        muscle = muscle_of(answer.card_id)
        right[muscle] += 1
        if kind_of(answer.card_id) == _FINDING or right[muscle] >= KNOWN_AFTER:
            found.add(muscle)
    return frozenset(found)


def waits_to_be_found(card: str, found: Iterable[str]) -> bool:
    """Whether `card` is a zone card of a muscle not in `found` (see `muscles_found`)."""
    return kind_of(card) == _MARKING and muscle_of(card) not in found


def find_before_marking(deck: Sequence[str], history: Iterable[Answer]) -> list[str]:
    """The deck in the order its new cards may start: every card but the zone cards of muscles
    not found yet, in deck order, then those, in deck order (see the module's rule)."""
    found = muscles_found(history)
    ready = [card for card in deck if not waits_to_be_found(card, found)]
    waiting = [card for card in deck if waits_to_be_found(card, found)]
    return ready + waiting
