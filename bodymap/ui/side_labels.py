"""Where a picture writes "Left" and "Right" on the body when its frame leaves out the drawing's
place for them (mid-thigh): a picture framed to the calves, or to the low back, would otherwise
have none, and the back and front views mirror the sides, so a class could read them the wrong
way round.

They go on one line, low in the frame, each over its side's half of the body (its leg, where the
legs are apart), where they are clear of the trigger points' X marks and of the marked pain, as
far as the frame allows; else where they cover the least of them. On the referral red they are
welcome: it is what a class must read the side of, and the letters carry a white halo.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontInfo, QPainterPath

from bodymap.ui.body_scene import BodyScene, SideLabelItem

STEP = 0.25  # the levels tried, a quarter of the letters' height apart
# Room round the letters, as a share of their height: to the frame's edge, and of skin to the
# body's outline.
PAD = 0.2
# Moved, they are at most twice the landmark labels' size on the paper: they grow with the body,
# and in a picture framed close (the calves) would be as wide as an ankle.
MOST = 2.0
COVER_SAMPLES = 7  # a label's letters are looked at on a grid this many points wide, 3 high


def _placed(item: SideLabelItem, at: QPointF, scale: float = 1.0) -> QRectF:
    """Where the label's letters and halo are, in scene units, anchored at `at` and drawn at
    `scale` times the drawing's size."""
    ink = item.ink_rect()
    return QRectF(ink.topLeft() * scale, ink.bottomRight() * scale).translated(at)


def needs_placing(scene: BodyScene, frame: QRectF) -> bool:
    """Whether the frame leaves a side label's place in the drawing out, wholly or in part."""
    return any(not frame.contains(_placed(item, item.home)) for item in scene.side_labels)


def _halves(scene: BodyScene, frame: QRectF) -> list[tuple[SideLabelItem, QRectF]]:
    """Each label with the part of the frame across which its side of the body lies: the half
    of the body its drawing puts it on, or all of it for a view with one (the side view)."""
    middle = scene.view.outline.boundingRect().center().x()
    labels = scene.side_labels
    if len(labels) < 2:
        return [(item, frame) for item in labels]
    left = QRectF(frame.left(), frame.top(), middle - frame.left(), frame.height())
    right = QRectF(middle, frame.top(), frame.right() - middle, frame.height())
    return [(item, left if item.home.x() < middle else right) for item in labels]


def _on_body(scene: BodyScene, half: QRectF, item: SideLabelItem, y: float,
             scale: float) -> tuple[QPointF, bool]:
    """The label's anchor at level `y`, in the middle of its side's body there, and whether its
    letters lie on the body there with skin round them (not over a heel's curve or the sole's
    outline, nor where a leg narrows into the ankle)."""
    ink = _placed(item, QPointF(0, 0), scale)
    band = QPainterPath()
    band.addRect(QRectF(half.left(), y + ink.top(), half.width(), ink.height()))
    body = scene.view.outline.intersected(band).boundingRect()
    if body.isEmpty():
        return QPointF(half.center().x() - ink.center().x(), y), False
    at = QPointF(body.center().x() - ink.center().x(), y)
    air = PAD * ink.height()
    return at, scene.view.outline.contains(ink.translated(at).adjusted(-air, -air, air, air))


def _covered(rect: QRectF, marks: list[QPainterPath], markers: list[QRectF]) -> float:
    """How much of the letters would lie on what they must stay clear of: each X marker they
    touch counts one, the marked pain the share of the letters on it."""
    hits = sum(1.0 for marker in markers if marker.intersects(rect))
    points = [QPointF(rect.left() + rect.width() * i / (COVER_SAMPLES - 1),
                      rect.top() + rect.height() * j / 2)
              for i in range(COVER_SAMPLES) for j in range(3)]  # the halo's edges too
    on_pain = sum(1 for point in points if any(mark.contains(point) for mark in marks))
    return hits + on_pain / len(points)


def label_scale(scene: BodyScene, zoom: float) -> float:
    """The side labels' scale in a picture drawn at `zoom` paper pixels a scene unit: their own
    size, or less where that is over MOST times the landmark labels' (`scene.label_font`)."""
    size = max((item.label.size for item in scene.side_labels), default=0.0)
    most = MOST * QFontInfo(scene.label_font).pixelSize()  # the window's font has a point size
    return min(1.0, most / (size * zoom)) if size > 0 and most > 0 else 1.0


def side_label_places(scene: BodyScene, frame: QRectF, zoom: float,
                      marker_scale: float) -> dict[SideLabelItem, tuple[QPointF, float]]:
    """Where to draw each side label, and at what scale, in a picture of the scene framed to
    `frame` (scene units) at `zoom` paper pixels a unit, its X markers `marker_scale` units a
    pixel of theirs: nothing to move when the frame holds the drawing's places; else one level
    for all, the lowest clear one (`_covered` nothing, each label on its side's body), or
    failing that the least covered."""
    if not scene.side_labels or scene.view.outline.isEmpty() or not needs_placing(scene, frame):
        return {}
    scale = label_scale(scene, zoom)
    _referral, _shown, pain = scene.shown_state()
    marks = [scene.zones[key].path() for key in pain if key in scene.zones]
    markers = [QRectF(marker.ink_rect().topLeft() * marker_scale,
                      marker.ink_rect().bottomRight() * marker_scale).translated(marker.pos())
               for group in scene.markers.values() for marker in group if marker.isVisible()]
    halves = _halves(scene, frame)
    ink = QRectF()
    for item, _half in halves:
        ink = ink.united(_placed(item, QPointF(0, 0), scale))
    room = frame.adjusted(0, PAD * ink.height(), 0, -PAD * ink.height())
    best: tuple[tuple[float, int, float], dict[SideLabelItem, QPointF]] | None = None
    y = room.bottom() - ink.bottom()
    while y >= room.top() - ink.top():
        places = {item: _on_body(scene, half, item, y, scale) for item, half in halves}
        rects = [_placed(item, at, scale) for item, (at, _fits) in places.items()]
        if all(frame.contains(rect) for rect in rects):
            cover = sum(_covered(rect, marks, markers) for rect in rects)
            unfit = sum(not fits for _at, fits in places.values())
            merit = (cover, unfit, room.bottom() - y)  # clear, on the body, then low
            if best is None or merit < best[0]:
                best = merit, {item: at for item, (at, _fits) in places.items()}
            if cover == 0 and unfit == 0:
                break  # the lowest clear level: nothing lower is left to try
        y -= STEP * ink.height()
    return {item: (at, scale) for item, at in best[1].items()} if best is not None else {}


def keep_in_view(scene: BodyScene, frame: QRectF, zoom: float) -> None:
    """The side labels where a window's view framed to `frame` (scene units) at `zoom` screen
    pixels a unit shows them: at their places in the drawing when the frame holds those, else
    moved into it as a picture's are (`side_label_places`; the X markers keep their screen
    size). A view zoomed to the low back or the calves would otherwise show neither word."""
    places = side_label_places(scene, frame, zoom, marker_scale=1 / zoom)
    for item in scene.side_labels:
        at, scale = places.get(item, (item.home, 1.0))
        if item.pos() != at:
            item.setPos(at)
        if item.scale() != scale:
            item.setScale(scale)


@contextmanager
def side_labels_in_frame(scene: BodyScene, frame: QRectF, zoom: float,
                         marker_scale: float) -> Iterator[None]:
    """The scene's side labels moved into the frame (`side_label_places`) while the block
    draws it, then back where the window shows them."""
    places = side_label_places(scene, frame, zoom, marker_scale)
    kept = {item: (item.pos(), item.scale()) for item in places}
    for item, (at, scale) in places.items():
        item.setPos(at)
        item.setScale(scale)
    try:
        yield
    finally:
        for item, (at, scale) in kept.items():
            item.setPos(at)
            item.setScale(scale)
