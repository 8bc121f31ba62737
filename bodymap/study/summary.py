"""What the end of a session says: the score, why it ended, what its answers did to the
student's progress, and each question missed with its right answer, to go over.

A missed question is said again in full, as the body no longer shows it: a referral card names
the zones its pattern painted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from bodymap.model import Catalog
from bodymap.model.prose import listed
from bodymap.study.feedback import Response, answer_text
from bodymap.study.grading import Grade
from bodymap.study.mastery import Progress, total
from bodymap.study.names import zones_named
from bodymap.study.progress_words import span
from bodymap.study.questions import AnyQuestion, is_choice, is_referral, is_zones


@dataclass(frozen=True)
class Outcome:
    """One question of the running session and how it went."""

    question: AnyQuestion
    response: Response
    grade: Grade
    saved: bool  # False when the store refused the answer (shown, and counted, but not kept)


def score_text(results: Sequence[Outcome]) -> str:
    right = sum(1 for r in results if r.grade.correct)
    return f"{right} right of {len(results)}"


def notes_text(results: Sequence[Outcome], end_note: str = "") -> str:
    """Why the session ended, if not by its length, and what was not saved; "" for nothing."""
    notes = []
    if end_note:
        notes.append(end_note)
    if not results:
        notes.append("No questions were answered.")
    unsaved = sum(1 for r in results if not r.saved)
    if unsaved:
        notes.append(f"{unsaved} answer{'s' if unsaved != 1 else ''} could not be saved.")
    return " ".join(notes)


def missed_text(catalog: Catalog, question: AnyQuestion) -> str:
    """A missed question, asked again, and its answer on the next line."""
    asked = question.prompt
    if is_zones(question) and question.where:  # which TrP: the hint is gone too
        asked = f"{asked} {question.where}"
    if is_referral(question):  # the pattern is no longer on the body
        zones = zones_named(catalog, question.essential, question.bilateral)
        asked = f"Which muscle refers pain to {zones}?"
    if is_choice(question):
        # Among which: more muscles than the one answer refer to a place (seven to the SI
        # joint), and "SI joint pain → quadratus lumborum" is the one-cause reading that the
        # pain finder is there to undo.
        asked += f" (of {listed((c.label for c in question.choices), 'or')})"
    return f"{asked}\n→ {answer_text(catalog, question)}"


def session_progress_text(results: Sequence[Outcome], intervals: tuple[timedelta, ...],
                          progress: Mapping[str, Progress]) -> str:
    """What a session's answers did, honest about spaced repetition: a right answer is not
    yet a learned card; it comes back later to check it has stuck."""
    if not results:
        return ""
    right = sum(1 for r in results if r.grade.correct)
    parts = []
    if right:
        parts.append(f"Cards you got right come back in {span(intervals[1])} or more, to "
                     "check they have stuck.")
    if right < len(results):
        parts.append(f"Cards you missed come back in {span(intervals[0])}.")
    if progress:
        whole = total(progress.values())
        parts.append(f"Across all {whole.cards} cards: {whole.right_last_time} right last "
                     f"time, {whole.learned} learned.")
    return " ".join(parts)
