"""Which views of the body draw the marked pain, so that a picture of it shows what its title
says: the view that draws most of the marks and, beside it, the view that draws the rest; and for
marks on both sides that only the side view draws, that view from the other side too.

Zones are drawn on some views only (the groin on the front, the sacrum on the back, the outer
ankle on the side), and the side view shows one side of the person at a time: it is seen from
the left or, mirrored, from the right. A mark is a (zone, side) pair; a view, as seen from a
side (`faces`), draws it when it has that zone on that side (a midline zone's side is None).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from bodymap.diagram import VIEW_NAMES, VIEWS, View, load_view
from bodymap.model import Catalog
from bodymap.model.prose import side_label
from bodymap.ui.body_scene import BodyScene

Mark = tuple[str, str | None]


@functools.cache
def faces() -> tuple[View, ...]:
    """Every view as a picture can show it, in the usual order (back, side, front), the side
    view from the left and then from the right."""
    return tuple(dict.fromkeys(load_view(name, side) for name in VIEWS for side in ("L", "R")))


@functools.cache
def drawn_marks(view: View) -> frozenset[Mark]:
    """The (zone, side) pairs this view, as seen from its side, draws."""
    return frozenset((r.target, r.side) for r in view.regions.values() if r.kind == "zone")


def view_words(view: View) -> str:
    """A view as a sentence names it: "back", "left side", "right side"."""
    name = VIEW_NAMES[view.name]
    return f"{side_label(view.facing)} {name}" if view.facing else name


def views_drawing(mark: Mark) -> list[View]:
    """The views that draw the mark, in the usual order (`faces`)."""
    return [view for view in faces() if mark in drawn_marks(view)]


def view_for_pain(pain: Iterable[Mark], catalog: Catalog | None = None) -> View:
    """The view that draws most of the marks; on a tie the first in the usual order (the back
    view, which the window starts on, first). With the `catalog`, an area marked whole is one
    place (`places_drawn`): the sacrum's two parts weigh as one mark beside the groin's two
    sides."""
    marks = set(pain)
    shown = faces()
    return max(shown, key=lambda view: (places_drawn(marks, view, catalog), -shown.index(view)))


def places_drawn(marks: Iterable[Mark], view: View, catalog: Catalog | None) -> float:
    """How much of the marks the view draws: a mark each, or with the `catalog` each place as
    words say it (`Catalog.grouped`: an area whose parts are all marked on a side is one), by
    the share of its parts the view draws (the side view draws two of the calf's three)."""
    drawn = drawn_marks(view)
    if catalog is None:
        return len(set(marks) & drawn)
    by_side: dict[str | None, list[str]] = {}
    for zone, side in marks:
        by_side.setdefault(side, []).append(zone)
    return sum(sum((part, side) in drawn for part in parts) / len(parts)
               for side, zones in by_side.items() for place in catalog.grouped(zones)
               for parts in [catalog.zone_parts(place)])


def not_drawn(pain: Iterable[Mark], views: Iterable[View]) -> set[Mark]:
    """The marks none of these views draws."""
    drawn = frozenset().union(*(drawn_marks(view) for view in views))
    return {mark for mark in pain if mark not in drawn}


def other_side(pain: Iterable[Mark], views: Sequence[View]) -> View | None:
    """The view seen from the other side, when `views` have one seen from one side only (the
    side view) and leave out marks it draws from the other: the outer ankle marked on both
    sides, the left one on the left side view and the right one on the right side view alone.
    None when they leave out no such mark."""
    missing = not_drawn(pain, views)
    for view in views:
        if view.facing in ("L", "R"):
            other = load_view(view.name, "R" if view.facing == "L" else "L")
            if other not in views and drawn_marks(other) & missing:
                return other
    return None


def pain_elsewhere(scene: BodyScene) -> tuple[View, list[Mark]] | None:
    """(view, marks) when the scene has marked pain its view does not draw (the groin, seen from
    behind): another view drawing most of it, and the marks that view draws. None while a
    study question has the body: its marks are a student's answer, the picture the question's."""
    if scene.study is None:
        missing = not_drawn(scene.pain, [scene.view])
        others = [view for view in faces() if view.name != scene.view.name]
        best = max(others, key=lambda view: places_drawn(missing, view, scene.catalog))
        there = sorted(drawn_marks(best) & missing, key=lambda mark: (mark[0], mark[1] or ""))
        if there:
            return best, there
    return None
