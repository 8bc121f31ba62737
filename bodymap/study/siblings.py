"""A muscle's cards kept apart in a sitting ("siblings apart").

Why: a muscle's cards answer one another. "Which muscle refers pain in this pattern?" paints the
pattern that "Mark the essential referral zones of ..., TrP2" then asks for; the whole muscle's
zone card is its trigger points' zone cards together. Asked one after the other, the second is
answered from the feedback of the first, seen seconds before, and a right answer moves it up a
box for remembering that feedback, not for knowing the muscle. Answered together, they also fall
due together, and would follow one another again on each later day (a reviewer got four of
quadratus lumborum's zone cards in a row).

The rule: while any other card may be asked, no card is asked about a muscle that one of the
last `SPACED` answers of the sitting was about (answers within `SITTING` of now; yesterday's last
cards do not hold back today's first). Due cards about other muscles come before due cards about
those, and new cards likewise, each in their own order; whether a new card or a review comes
next is otherwise as the scheduler says, but a new card about another muscle comes before a
review about one just asked. With every card about those muscles (a sitting on one muscle), they
are asked as before: the rule orders, it never leaves a card unasked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from bodymap.study.questions import muscle_of
from bodymap.study.scheduler import Answer

SPACED = 3  # a muscle's cards at least this many questions apart, where the deck allows it
SITTING = timedelta(minutes=30)  # answers this recent are of the sitting going on


def just_asked(history: Iterable[Answer], now: datetime) -> frozenset[str]:
    """The muscles of the last `SPACED` answers given within `SITTING` of `now`."""
    recent = sorted((a for a in history if now - a.answered_at < SITTING),
                    key=lambda a: a.answered_at)  # stable: log order on ties
    return frozenset(muscle_of(a.card_id) for a in recent[-SPACED:])


def kept_apart(deck: Sequence[str], history: Iterable[Answer], now: datetime) -> frozenset[str]:
    """The cards of `deck` to ask only when no other card may be asked: those about a muscle
    just asked (`just_asked`)."""
    muscles = just_asked(history, now)
    return frozenset(card for card in deck if muscles and muscle_of(card) in muscles)


def apart_last(deck: Sequence[str], apart: frozenset[str]) -> list[str]:
    """The deck with the cards of `apart` after the others, each keeping its order."""
    return [*(c for c in deck if c not in apart), *(c for c in deck if c in apart)]
