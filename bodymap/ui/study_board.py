"""What the body shows and accepts while the study has it: `StudyBoard`, the study panel's word
to the window, and the boards for a question waiting for its answer and for one answered.

Apart from the panel because the body view and scene read boards too, and a board is plain
data: made here from a question, the marks and the answer, with no widget.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from bodymap.model import Catalog
from bodymap.study.feedback import Response, revealed_prompt
from bodymap.study.grading import Grade
from bodymap.study.prompts import body_prompt
from bodymap.study.questions import AnyQuestion, is_locate, is_referral, is_zones

Mark = tuple[str, str | None]  # a zone marked and its side (None: a midline zone)


@dataclass(frozen=True)
class StudyBoard:
    """What the body diagram should show and accept now; the window applies it to the body view."""

    input: str = "none"  # "none" | "muscle" (a click answers) | "zones" (clicks toggle zones)
    essential: tuple[str, ...] = ()  # zone ids to paint solid red
    spillover: tuple[str, ...] = ()  # zone ids to paint stippled red
    bilateral: tuple[str, ...] = ()  # of those, the zones painted on both sides, not only `side`
    # The side the pattern is painted on and the answer outlined on (the side view, drawn from
    # one side, turns to show it).
    side: str = "L"
    answer: str | None = None  # a muscle id to reveal: outlined with its TrP markers
    # The trigger point a card asks about: of the answer's TrPs, the only one marked, as the
    # others refer elsewhere (and in a view that marks it, where one does).
    trigger_point: str | None = None
    # A wrong click on a locate question: (muscle id, side) of the muscle the student clicked,
    # so the body can show it beside the answer (e.g. a dashed outline) when it learns to.
    clicked: tuple[str, str] | None = None
    marked: frozenset[tuple[str, str | None]] = frozenset()  # (zone id, side or None: midline)
    mastery: Mapping[str, float] | None = None  # muscle id -> 0..1, to colour the body
    prompt: str = ""  # a one-line instruction the window can show on or near the body
    # The key's words for the `marked` zones: they are the student's answer, not pain.
    marks_label: str = "Your marks"


def question_board(question: AnyQuestion | None, views: tuple[str, ...],
                   marked: frozenset[Mark]) -> StudyBoard:
    """The board while a question waits for its answer: never the answer itself. `views`:
    where a zone question's zones are drawn, main first."""
    if is_referral(question):
        board = StudyBoard(essential=question.essential, spillover=question.spillover,
                           bilateral=question.bilateral)
    elif is_locate(question):
        board = StudyBoard(input="muscle")
    elif is_zones(question):
        board = StudyBoard(input="zones", marked=marked)
    else:
        board = StudyBoard()
    return replace(board, prompt=body_prompt(question, views))


def answer_board(catalog: Catalog, question: AnyQuestion, response: Response, grade: Grade,
                 marked: frozenset[Mark], side: str | None, outlined_side: str) -> StudyBoard:
    """Reveal the answer on the body: the muscle outlined, its zones painted. `side`: the side
    of the body click that answered; `outlined_side`: the side to outline the muscle on."""
    if is_referral(question) or is_zones(question):
        marked = marked if is_zones(question) else frozenset()
        sides = [s for _, s in marked if s]
        # Paint the pattern on the side the student worked on, so marks meet the answer.
        paint_side = max(sorted(set(sides)), key=sides.count) if sides else "L"
        board = StudyBoard(essential=question.essential, spillover=question.spillover,
                           bilateral=question.bilateral, side=paint_side,
                           answer=question.muscle_id, marked=marked,
                           trigger_point=question.trigger_point_id)
    else:
        board = StudyBoard(answer=question.muscle_id, side=outlined_side)
    clicked = None
    if is_locate(question) and not grade.correct and isinstance(response, str):
        board = replace(board, clicked=(response, side or "L"))
        clicked = response
    return replace(board, prompt=revealed_prompt(catalog, question, grade, clicked))
