"""Which views of the body draw the marked pain, so that a picture of it shows what its title
says: the view that draws most of the marks and, beside it, the view that draws the rest.

Zones are drawn on some views only (the groin on the front, the sacrum on the back, the outer
ankle on the side), and the side view draws the left side only. A mark is a (zone, side) pair; a
view draws it when it has that zone on that side (a midline zone's side is None).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from bodymap.diagram import VIEWS, load_view
from bodymap.ui.body_scene import BodyScene

Mark = tuple[str, str | None]


@functools.cache
def drawn_marks(view_name: str) -> frozenset[Mark]:
    """The (zone, side) pairs this view draws."""
    return frozenset((r.target, r.side) for r in load_view(view_name).regions.values()
                     if r.kind == "zone")


def views_drawing(mark: Mark) -> list[str]:
    """The views that draw the mark, in the usual order (back, side, front)."""
    return [name for name in VIEWS if mark in drawn_marks(name)]


def view_for_pain(pain: Iterable[Mark]) -> str:
    """The view that draws most of the marks; on a tie the first in the usual order (the back
    view, which the window starts on, first)."""
    marks = set(pain)
    return max(VIEWS, key=lambda name: (len(marks & drawn_marks(name)), -VIEWS.index(name)))


def not_drawn(pain: Iterable[Mark], view_names: Sequence[str]) -> set[Mark]:
    """The marks none of these views draws."""
    drawn = frozenset().union(*(drawn_marks(name) for name in view_names))
    return {mark for mark in pain if mark not in drawn}


def pain_elsewhere(scene: BodyScene) -> tuple[str, list[Mark]] | None:
    """(view, marks) when the scene has marked pain its view does not draw (the groin, seen from
    behind): the other view drawing most of it, and the marks that view draws. None while a
    study question has the body: its marks are a student's answer, the picture the question's."""
    if scene.study is None:
        missing = not_drawn(scene.pain, [scene.view.name])
        others = [name for name in VIEWS if name != scene.view.name]
        best = max(others, key=lambda name: len(drawn_marks(name) & missing))
        there = sorted(drawn_marks(best) & missing, key=lambda mark: (mark[0], mark[1] or ""))
        if there:
            return best, there
    return None
