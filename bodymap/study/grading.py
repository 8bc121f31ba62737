"""Grades: how well an answer did (0..1) and whether it counts as right for scheduling."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Zone marking passes at this Jaccard overlap: 3 of 4 essential zones (0.75) or all 3 with one
# extra (0.75) pass; 2 of 3 (0.67) or 1 right and 1 wrong (0.5) do not.
ZONE_PASS_THRESHOLD = 0.7


@dataclass(frozen=True)
class Grade:
    """`score` from 0 (wrong) to 1 (perfect); `correct` is what the scheduler acts on."""

    score: float
    correct: bool


@dataclass(frozen=True)
class ZoneGrade(Grade):
    """A zone-marking grade, with what to show the student afterwards."""

    hits: tuple[str, ...]  # essential zones marked
    missed: tuple[str, ...]  # essential zones not marked
    wrong: tuple[str, ...]  # marked zones outside the referral pattern
    spillover: tuple[str, ...]  # marked spillover zones: neither credited nor penalised
    provisional: tuple[str, ...] = ()  # marked zones the sources do not settle: the same


def grade_choice(chosen: str | None, answer: str) -> Grade:
    """All or nothing: a multiple-choice pick, or the muscle the student clicked."""
    right = chosen == answer
    return Grade(score=1.0 if right else 0.0, correct=right)


def grade_zones(marked: Iterable[str], essential: Iterable[str], spillover: Iterable[str] = (),
                threshold: float = ZONE_PASS_THRESHOLD,
                provisional: Iterable[str] = ()) -> ZoneGrade:
    """Jaccard overlap of the marked zones with the essential zones, as partial credit.

    Marked spillover zones are set aside before the overlap is taken: pain does reach them in
    some people, so marking one is not an error, but the question asks for the essential zones.
    Marked provisional zones (the pattern shows them, the sources do not settle them) are set
    aside too: neither taught as right nor as wrong.

    What the grade lists keeps the order it was given in: the zones hit and missed in the
    essential zones' order (the data's, as the answer says them), those marked outside the
    pattern in the order marked.
    """
    marked = tuple(dict.fromkeys(marked))
    essential = tuple(dict.fromkeys(essential))
    marked_set = frozenset(marked)
    essential_set = frozenset(essential)
    spill = (marked_set & frozenset(spillover)) - essential_set
    unsettled = (marked_set & frozenset(provisional)) - essential_set - spill
    counted = marked_set - spill - unsettled
    union = counted | essential_set
    score = len(counted & essential_set) / len(union) if union else 1.0
    return ZoneGrade(
        score=score,
        correct=score >= threshold,
        hits=tuple(z for z in essential if z in counted),
        missed=tuple(z for z in essential if z not in counted),
        wrong=tuple(z for z in marked if z in counted and z not in essential_set),
        spillover=tuple(z for z in dict.fromkeys(spillover) if z in spill),
        provisional=tuple(z for z in dict.fromkeys(provisional) if z in unsettled),
    )
