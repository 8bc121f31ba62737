"""Which views a picture of a scene shows, and which of the marked pain they draw.

A view cannot draw everything a picture is of: the back view has no groin, the front no low-back
band of rectus abdominis's referral, the side view one side of the person at a time. So a picture
shows, beside the scene's own view, the one that draws what it cannot (`companion_view`), and the
side view from both sides for pain marked on both that only it draws. What the views still leave
out is grouped by the view that draws it, for the title, the window's note and the command's
advice to name (`export_words`). Which views a zone is drawn on is `pain_views`' to say; this
module picks those of one picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bodymap.diagram import View, load_view
from bodymap.ui.pain_views import not_drawn, other_side, pain_elsewhere, views_drawing

if TYPE_CHECKING:
    from collections.abc import Callable

    from bodymap.ui.body_scene import BodyScene


def companion_view(scene: BodyScene) -> View | None:
    """The view a picture shows beside the scene's, if any: the one drawing the rest of its
    referral when the scene's view cannot (rectus abdominis from the front: its low-back band
    on the back view), else the one marking trigger points it cannot (gluteus medius from
    behind: TrP3, near the front of the hip, on the side view), else the one drawing marked
    pain it cannot (the groin, seen from behind; in a picture of marked pain, pain mode, this
    comes first: the marks are what it is of). So no essential zone, no TrP the handout's text
    lists and no mark its title names is left off its picture. The side view beside is seen
    from the side shown (a right-side muscle's from the right), as the window turns it."""

    def seen(find: Callable[[], tuple[str, object] | None]) -> Callable[[], View | None]:
        def view() -> View | None:
            found = find()
            return None if found is None else load_view(found[0], scene.side_shown())
        return view

    def pain() -> View | None:
        found = pain_elsewhere(scene)
        return None if found is None else found[0]

    finds = [seen(scene.referral_elsewhere), seen(scene.markers_elsewhere)]
    finds = [pain, *finds] if scene.mode == "pain" else [*finds, pain]
    return next((view for find in finds if (view := find()) is not None), None)


def picture_views(scene: BodyScene) -> list[BodyScene]:
    """The views a picture of the scene shows (`pictured_views`): the scene, then the others."""
    return [scene, *(scene.twin(view) for view in pictured_views(scene)[1:])]


def pictured_views(scene: BodyScene) -> list[View]:
    """The views a picture of the scene shows: its own, its `companion_view` if any, and the
    side view seen from the other side, next to the one seen from this side, for pain marked
    on both sides that only the side view draws (`other_side`: both outer ankles, which a
    class must see both of). Without the scenes beside, which `picture_views` builds."""
    views = [scene.view]
    if (beside := companion_view(scene)) is not None:
        views.append(beside)
    if (mirror := other_side(_marked_now(scene), views)) is not None:
        views.insert(next(n for n, view in enumerate(views) if view.name == mirror.name) + 1,
                     mirror)
    return views


def _marked_now(scene: BodyScene) -> set[tuple[str, str | None]]:
    """The pain marked on the body: none while a study question has it (its marks are a
    student's answer, and the picture the question's)."""
    return set() if scene.study is not None else set(scene.pain)


def pictured_pain(scene: BodyScene) -> set[tuple[str, str | None]]:
    """The marked pain a picture of the scene draws, on its view or the one beside it: what
    its title names (`export_words.pain_title`)."""
    marks = _marked_now(scene)
    return marks - not_drawn(marks, pictured_views(scene))


def pain_left_out(scene: BodyScene) -> list[tuple[list[tuple[str, str | None]], View | None]]:
    """The marked pain a picture of the scene cannot draw, head to foot, grouped by the view
    that draws it (None: no view does). A picture shows two views (three only for the side
    view seen from both sides, `pictured_views`), so there may be some (marks on all three
    views): the person is told (`export_words.left_out_words`)."""
    order = {zone_id: n for n, zone_id in enumerate(scene.catalog.zones)}
    by_view: dict[View | None, list[tuple[str, str | None]]] = {}
    for mark in sorted(not_drawn(_marked_now(scene), pictured_views(scene)),
                       key=lambda mark: (order.get(mark[0], len(order)), mark[0], mark[1] or "")):
        drawing = views_drawing(mark)
        by_view.setdefault(drawing[0] if drawing else None, []).append(mark)
    return [(marks, view) for view, marks in by_view.items()]

