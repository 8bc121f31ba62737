"""Where a picture writes "Left" and "Right" on the body when its frame leaves out the drawing's
place for them (mid-thigh): a picture framed to the calves, or to the low back, would otherwise
have none, and the back and front views mirror the sides, so a class could read them the wrong
way round.

They go on one line, low in the frame, each over its side's half of the body (its leg, where the
legs are apart), where they are clear of the trigger points' X marks and of the marked pain, as
far as the frame allows. Where the body there is all marks (pain marked down the whole leg),
each goes beside its side's half instead, on the paper, clear of the body; only failing both,
where it covers the least of them. Never across the body's outline, where its letters would
run over a heel or the sole of a foot. On the referral red they are welcome: it is what a class
must read the side of, and the letters carry a white halo.
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
    body = _body_across(scene, half, ink, y)
    if body.isEmpty():
        return QPointF(half.center().x() - ink.center().x(), y), False
    at = QPointF(body.center().x() - ink.center().x(), y)
    air = PAD * ink.height()
    return at, scene.view.outline.contains(ink.translated(at).adjusted(-air, -air, air, air))


def _body_across(scene: BodyScene, half: QRectF, ink: QRectF, y: float) -> QRectF:
    """Where the body is across `half` in the band the letters (`ink`, anchored at level `y`)
    would take, with air above and below them."""
    air = PAD * ink.height()
    band = QPainterPath()
    band.addRect(QRectF(half.left(), y + ink.top() - air, half.width(), ink.height() + 2 * air))
    return scene.view.outline.intersected(band).boundingRect()


def _beside(scene: BodyScene, half: QRectF, item: SideLabelItem, y: float, scale: float,
            outer: bool) -> QPointF | None:
    """The label's anchor at level `y` beside its side's body there, on the paper a letter's
    air away from it: on the outer side of its half (the left of the picture's left half), or
    the inner side when not `outer`; None where no body is there to stand beside."""
    ink = _placed(item, QPointF(0, 0), scale)
    body = _body_across(scene, half, ink, y)
    if body.isEmpty():
        return None
    air = 2 * PAD * ink.height()  # clear of the body by more than `_standing` asks
    on_left = (half.center().x() < scene.view.outline.boundingRect().center().x()) == outer
    x = body.left() - air - ink.right() if on_left else body.right() + air - ink.left()
    return QPointF(x, y)


def _covered(rect: QRectF, marks: list[QPainterPath], markers: list[QRectF]) -> float:
    """How much of the letters would lie on what they must stay clear of: each X marker they
    touch counts one, the marked pain the share of the letters on it."""
    hits = sum(1.0 for marker in markers if marker.intersects(rect))
    points = [QPointF(rect.left() + rect.width() * i / (COVER_SAMPLES - 1),
                      rect.top() + rect.height() * j / 2)
              for i in range(COVER_SAMPLES) for j in range(3)]  # the halo's edges too
    on_pain = sum(1 for point in points if any(mark.contains(point) for mark in marks))
    return hits + on_pain / len(points)


def label_scale(scene: BodyScene, zoom: float, most_px: float | None = None) -> float:
    """The side labels' scale in a picture drawn at `zoom` paper pixels a scene unit: their own
    size, or less where that is over MOST times the landmark labels' (`scene.label_font`) or
    over `most_px` paper pixels (`paper_px`: a picture's other view's, so both say the sides
    alike)."""
    size = max((item.label.size for item in scene.side_labels), default=0.0)
    most = MOST * QFontInfo(scene.label_font).pixelSize()  # the window's font has a point size
    if most_px is not None:
        most = min(most, most_px)
    return min(1.0, most / (size * zoom)) if size > 0 and most > 0 else 1.0


def paper_px(scene: BodyScene, zoom: float) -> float:
    """How large the side labels are on a picture's paper drawn at `zoom` (`label_scale`): 0 for
    a view with none."""
    size = max((item.label.size for item in scene.side_labels), default=0.0)
    return size * zoom * label_scale(scene, zoom)


# How a place for a label stands, best first: on its side's body clear of the marks, beside
# the body clear of it (first in a picture of marked pain: `side_label_places`), on the body
# over the marks (ranked further by how much it covers), and across the body's outline, taken
# only when nothing else is in the frame.
ON_BODY, BESIDE, OVER_MARKS, ACROSS_OUTLINE = 0, 1, 2, 100
# A place clear of the marks but within CROWD_AIR of the letters' height of them stands this
# much worse: after one with air round it, before one on the marks.
CROWD_AIR, CROWDED = 0.5, 0.5


def _standing(scene: BodyScene, rect: QRectF, fits: bool, cover: float,
              beside_first: bool) -> float:
    """How a label's letters (`rect`, halo included) stand at a place (`ON_BODY` ...): `fits`
    says they lie on the body with skin round them; `cover`, how much they cover (`_covered`);
    `beside_first` puts a place beside the body before one on it."""
    if fits:
        if cover == 0:
            return BESIDE if beside_first else ON_BODY
        return OVER_MARKS + cover
    air = PAD * rect.height()
    clear = QPainterPath()
    clear.addRect(rect.adjusted(-air, -air, air, air))
    if not scene.view.outline.intersects(clear) and cover == 0:
        return ON_BODY if beside_first else BESIDE
    return ACROSS_OUTLINE + cover


def side_label_places(scene: BodyScene, frame: QRectF, zoom: float, marker_scale: float,
                      picture: bool = False, most_px: float | None = None
                      ) -> dict[SideLabelItem, tuple[QPointF, float]]:
    """Where to draw each side label, and at what scale, in a view of the scene framed to
    `frame` (scene units) at `zoom` paper pixels a unit, its X markers `marker_scale` units a
    pixel of theirs: nothing to move when the frame holds the drawing's places; else one level
    for all, the lowest where each label is on its side's body clear of the marks and the
    landmarks' labels, or failing that beside it, clear of the body (`_standing`); failing
    both, the level where they stand best, the lowest of equals. The labels stand alike, all
    on the body or all beside it, and never across the body's outline while the frame has
    another place for them.

    A `picture` of marked pain has them beside the body, clear of it, level with the middle of
    the frame where they can be: on the body they would cover or crowd the marks the picture is
    of, or stand on a foot, the only part of a leg marked all over that is left."""
    if not scene.side_labels or scene.view.outline.isEmpty():
        return {}
    _referral, _shown, pain = scene.shown_state()
    marks = [scene.zones[key].path() for key in pain if key in scene.zones]
    beside_first = picture and bool(marks)
    scale = label_scale(scene, zoom, most_px)
    if not beside_first and not needs_placing(scene, frame):
        # In their places, smaller where `most_px` says so (scaled about their anchors).
        return {item: (item.home, scale) for item in scene.side_labels} if scale < 1 else {}
    markers = [QRectF(marker.ink_rect().topLeft() * marker_scale,
                      marker.ink_rect().bottomRight() * marker_scale).translated(marker.pos())
               for group in scene.markers.values() for marker in group if marker.isVisible()]
    # The landmarks' labels keep their size on the paper, `zoom` pixels a unit.
    markers += [QRectF(item.boundingRect().topLeft() / zoom,
                       item.boundingRect().bottomRight() / zoom).translated(item.pos())
                for item in scene.landmarks]
    halves = _halves(scene, frame)
    ink = QRectF()
    for item, _half in halves:
        ink = ink.united(_placed(item, QPointF(0, 0), scale))
    room = frame.adjusted(0, PAD * ink.height(), 0, -PAD * ink.height())
    levels = []
    y = room.bottom() - ink.bottom()
    while y >= room.top() - ink.top():
        levels.append(y)
        y -= STEP * ink.height()
    if beside_first:  # from the middle out
        levels.sort(key=lambda level: abs(level + ink.center().y() - frame.center().y()))
    # A view with one label (the side view) has it beside the body on the side away from the
    # landmarks' labels first.
    outline = scene.view.outline.boundingRect()
    ticks_left = sum(item.x() < outline.center().x() for item in scene.landmarks) > len(
        scene.landmarks) / 2
    sides = (True,) if len(halves) > 1 else (ticks_left, not ticks_left)

    def stands(item: SideLabelItem, place: QPointF, on_skin: bool) -> float | None:
        rect = _placed(item, place, scale)
        if not frame.contains(rect):
            return None
        cover = _covered(rect, marks, markers)
        # On the body clear of the marks but against them (the sacrum's hatch, the word's halo
        # on its outline), a label reads as part of the mark: a place with air round it is
        # better. Beside the body, the outline stands between them.
        air = CROWD_AIR * rect.height()
        crowded = (on_skin and cover == 0
                   and _covered(rect.adjusted(-air, -air, air, air), marks, []) > 0)
        return _standing(scene, rect, on_skin, cover, beside_first) + CROWDED * crowded

    best: tuple[tuple[float, int], dict[SideLabelItem, QPointF]] | None = None
    for n, y in enumerate(levels):
        on_body: dict[SideLabelItem, tuple[float, QPointF]] = {}
        beside: dict[SideLabelItem, tuple[float, QPointF]] = {}
        for item, half in halves:
            at, fits = _on_body(scene, half, item, y, scale)
            if (standing := stands(item, at, fits)) is not None:
                on_body[item] = (standing, at)
            found = [(standing, place) for outer in sides
                     if (place := _beside(scene, half, item, y, scale, outer)) is not None
                     and (standing := stands(item, place, False)) is not None]
            if found:
                beside[item] = min(found, key=lambda each: each[0])  # the first of equals
        for way in (on_body, beside):
            if len(way) == len(halves):
                merit = sum(standing for standing, _at in way.values())
                if best is None or (merit, n) < best[0]:
                    best = (merit, n), {item: at for item, (_standing, at) in way.items()}
        if best is not None and best[0][0] == ON_BODY:
            break  # the first level where every label stands best: no later one is better
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
def side_labels_in_frame(scene: BodyScene, frame: QRectF, zoom: float, marker_scale: float,
                         most_px: float | None = None) -> Iterator[None]:
    """The scene's side labels where a picture framed to `frame` has them
    (`side_label_places`, at most `most_px` on the paper) while the block draws it, then back
    where the window shows them."""
    places = side_label_places(scene, frame, zoom, marker_scale, picture=True, most_px=most_px)
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
