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
from bodymap.study.questions import (
    AnyQuestion,
    ZoneQuestion,
    is_locate,
    is_referral,
    is_zones,
)

Mark = tuple[str, str | None]  # a zone marked and its side (None: a midline zone)


@dataclass(frozen=True)
class StudyBoard:
    """What the body diagram should show and accept now; the window applies it to the body view."""

    input: str = "none"  # "none" | "muscle" (a click answers) | "zones" (clicks toggle zones)
    essential: tuple[str, ...] = ()  # zone ids to paint solid red
    spillover: tuple[str, ...] = ()  # zone ids to paint stippled red
    bilateral: tuple[str, ...] = ()  # of those, the zones painted on both sides, not only `side`
    # Of those, the zones the sources do not settle (`Referral.provisional`): a dashed edge over
    # their red, as on the muscle's page. A zone card's answer paints them though it does not
    # ask them, so that the zones its feedback names as not asked are seen where they are.
    provisional: tuple[str, ...] = ()
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
        if is_zones(question) and question.provisional:
            board = _with_unsettled(catalog, question, board)
    else:
        board = StudyBoard(answer=question.muscle_id, side=outlined_side)
    clicked = None
    if is_locate(question) and not grade.correct and isinstance(response, str):
        board = replace(board, clicked=(response, side or "L"))
        clicked = response
    return replace(board, prompt=revealed_prompt(catalog, question, grade, clicked))


def _with_unsettled(catalog: Catalog, question: ZoneQuestion, board: StudyBoard) -> StudyBoard:
    """The answer's board with the zones the card leaves unasked as the sources do not settle
    them, painted as the referral has them (essential where a TrP of the card has it so, else
    spillover) and marked provisional."""
    points = catalog.muscles[question.muscle_id].trigger_points
    referrals = [t.referral for t in points
                 if question.trigger_point_id in (None, t.id)]
    essential = {z for r in referrals for z in r.essential}
    unsure = [z for z in question.provisional
              if z not in board.essential and z not in board.spillover]
    return replace(board, essential=(*board.essential, *(z for z in unsure if z in essential)),
                   spillover=(*board.spillover, *(z for z in unsure if z not in essential)),
                   bilateral=(*board.bilateral, *(z for r in referrals for z in r.bilateral
                                                  if z in unsure and z not in board.bilateral)),
                   provisional=question.provisional)
