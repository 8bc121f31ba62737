"""How a picture's views are arranged on its paper: each framed view as large as its room allows
with its landmark labels beside it and its caption above (`_fit`), and the views of one picture
at one scale, side by side or one over the other (`lay_out`); on a page, where its key goes
(`key_beside`); on a slide, the views beside the column of its words, as large as those words
leave them (`slide_views`).

Only sizes and places, in the paper's pixels, of scenes made ready for paper (`export._on_paper`:
their labels in the print font, which their room depends on): `export` draws the views where this
puts them, and `export_typeset` sets the words that share the paper with them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF

from bodymap.ui.body_scene import BodyScene, LandmarkItem
from bodymap.ui.framing import frame_rect

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from bodymap.ui.export_typeset import SlideWords

PANEL_GAP = 0.03  # between two views side by side, as a fraction of the picture's width
SLIDE_PICTURE = 0.46  # the most of a slide's width the picture takes, the words the rest
# Two views side by side take at least this share, and more, up to the most, while the words
# beside them still fit at their full size (their title then runs across the top of the slide).
SLIDE_PICTURES = 0.58
SLIDE_PICTURES_MOST = 0.72
SLIDE_WORDS_BESIDE_TWO = 0.85  # the words may shrink this far to give two views more width


def _body_height(scene: BodyScene) -> float:
    outline = scene.view.outline.boundingRect()
    return outline.height() if not outline.isEmpty() else scene.sceneRect().height()


def _body_width(scene: BodyScene) -> float:
    outline = scene.view.outline.boundingRect()
    return outline.width() if not outline.isEmpty() else scene.sceneRect().width()


def _top_of_body(scene: BodyScene) -> float:
    outline = scene.view.outline.boundingRect()
    return outline.top() if not outline.isEmpty() else scene.sceneRect().top()


class _Fit(NamedTuple):
    """The framed view laid out on paper: its scale, where the body goes within the picture (the
    picture's top left at 0, 0; labels and caption around it) and the whole picture's size."""

    zoom: float
    body: QRectF
    size: QSizeF
    labels: tuple[LandmarkItem, ...]  # those beside the framed part of the body
    caption: LandmarkItem | None  # the view's title ("Back view"), drawn above the body
    # How far the caption reaches past the picture's left and right sides: a side view's, with
    # "front" and "back" either side of its name, is wider than a leg and its labels.
    overhang: tuple[float, float] = (0.0, 0.0)


def _fit(scene: BodyScene, frame: QRectF, room: QSizeF, centred: bool,
         most: float = math.inf, margin: float = 0.0) -> _Fit:
    """Lay the framed view out as large as `room` allows (at most `most` times life size), the
    labels of the levels it shows beside it (with room on both sides alike when `centred`, so
    the body is in the middle of the picture), `margin` more beyond them, and the caption above
    it. The labels keep their size, so the room they take is found at the scale it leaves."""
    top_of_body = _top_of_body(scene)
    caption = next((item for item in scene.landmarks if item.y() < top_of_body), None)
    labels = tuple(item for item in scene.landmarks
                   if item is not caption and frame.top() <= item.y() <= frame.bottom())
    cap = 0.0
    if caption is not None:
        reach = caption.reach()
        cap = reach.top() + reach.bottom() + 0.3 * caption.boundingRect().height()
    edges = QMarginsF()
    zoom = min(room.width() / frame.width(), (room.height() - cap) / frame.height(), most)
    for _ in range(4):  # the labels' room shrinks the body, which gives them more room
        edges = QMarginsF(0, cap, 0, 0)
        for item in _spaced(labels, zoom, scene.label_font):  # their reach past the frame
            reach = item.reach()
            edges.setLeft(max(edges.left(),
                              reach.left() + margin - (item.x() - frame.left()) * zoom))
            edges.setRight(max(edges.right(),
                               reach.right() + margin - (frame.right() - item.x()) * zoom))
            edges.setTop(max(edges.top(), reach.top() - (item.y() - frame.top()) * zoom))
            edges.setBottom(max(edges.bottom(),
                                reach.bottom() - (frame.bottom() - item.y()) * zoom))
        if centred:
            edges.setLeft(max(edges.left(), edges.right()))
            edges.setRight(edges.left())
        zoom = min((room.width() - edges.left() - edges.right()) / frame.width(),
                   (room.height() - edges.top() - edges.bottom()) / frame.height(), most)
    body = QRectF(edges.left(), edges.top(), frame.width() * zoom, frame.height() * zoom)
    size = QSizeF(body.width() + edges.left() + edges.right(),
                  body.height() + edges.top() + edges.bottom())
    overhang = (0.0, 0.0)
    if caption is not None:  # centred over the body, it may be wider than the body and labels
        middle, reach = body.left() + (caption.x() - frame.left()) * zoom, caption.reach()
        overhang = (max(0.0, reach.left() - middle),
                    max(0.0, middle + reach.right() - size.width()))
    return _Fit(zoom, body, size, _spaced(labels, zoom, scene.label_font), caption, overhang)


_SPINE_LEVEL = re.compile(r"[CTLS]\d+")
LABEL_AIR = 0.25  # the least air between two labels' letters, as a share of a capital's height


def _spaced(labels: tuple[LandmarkItem, ...], zoom: float,
            font: QFont) -> tuple[LandmarkItem, ...]:
    """The labels that can be drawn at this scale without one's letters on another's: in a small
    body (two views side by side, or a picture printed small with its words large) the spine's
    levels, a few millimetres apart, would print one over the next. Named landmarks (S2 · PSIS,
    coccyx tip) come first, as one feels for them; a bare level (T12, L1) is counted from them."""
    metrics = QFontMetricsF(font)
    air = metrics.capHeight() * LABEL_AIR

    def ink(item: LandmarkItem) -> QRectF:
        """Where its letters are on the paper (capitals and digits stand on the baseline, so
        "T12" over "L1" reads closer than the lines' heights), with air round them."""
        box = item.boundingRect()
        letters = metrics.tightBoundingRect(item.landmark.text)
        return letters.translated(item.x() * zoom + box.left(),
                                  item.y() * zoom + box.top() + metrics.ascent()).marginsAdded(
            QMarginsF(air, air, air, air))

    kept: list[LandmarkItem] = []
    for item in sorted(labels, key=lambda item: (bool(_SPINE_LEVEL.fullmatch(item.landmark.text)),
                                                   item.y())):
        if not any(ink(item).intersects(ink(other)) for other in kept):
            kept.append(item)
    return tuple(sorted(kept, key=lambda item: item.y()))


class Panel(NamedTuple):
    """One view in a picture: the scene, the part of it framed, and how it is laid out."""

    scene: BodyScene
    frame: QRectF
    fit: _Fit


class Layout(NamedTuple):
    """The views of a picture, side by side or one over the other, the picture's top left at
    (0, 0) and each view's at its `places` entry, taking `size` in all."""

    panels: list[Panel]
    places: list[QPointF]
    size: QSizeF


def lay_out(scenes: list[BodyScene], frame: str, room: QSizeF, centred: bool,
             margin: float = 0.0) -> Layout:
    """Each view framed and laid out in `room`, side by side, `PANEL_GAP` apart, as large as
    the room allows at one scale: one body seen from two sides, not two sizes of it; its
    labels `margin` in from the room's sides (a page's: no label at its very edge, where a
    PNG has no paper round it and a printer cuts it off). The views' drawings differ in
    proportions (the front's is stouter), so the views beside the main one (for what it
    cannot show) are drawn with their bodies no taller than the main view's, nor wider, from
    the front or the back: the view with the muscle and its trigger points is never the
    smaller. The side view seen from both sides (`export_views.pictured_views`) may instead be
    one over the other, in one column, where that draws the views notably larger (two outer
    ankles, short and wide, beside the back's sacrum), or side by side under the back view
    (the buttocks over two whole outer legs, where a column left the back alone over blank
    paper); so set, the picture is no taller than it is wide."""
    frames = [frame_rect(scene, frame) for scene in scenes]
    if len(scenes) == 1:
        fit = _fit(scenes[0], frames[0], room, centred, margin=margin)
        return Layout([Panel(scenes[0], frames[0], fit)], [QPointF(0, 0)], fit.size)
    gap = room.width() * PANEL_GAP
    ratios = _scale_ratios(scenes)

    def fits(zoom: float) -> list[_Fit]:
        return [_fit(scene, framed, room, False, zoom * ratio, margin)
                for scene, framed, ratio in zip(scenes, frames, ratios, strict=True)]

    best: tuple[float, list[_Fit], _Arrangement] | None = None
    arrangements = _side_by_side(scenes)
    if len(scenes) > 2:  # the back over both side views, as wide as the page
        arrangements = list(dict.fromkeys([*arrangements, _pair_across(scenes)]))
    for n, arrangement in enumerate(arrangements):
        # Past the first (all side by side), views one over the other grow down a page: no
        # taller than it is wide, so a handout keeps room for its words under them (two outer
        # ankles filled A4 with feet and no word).
        tallest = room.height() if n == 0 else min(room.height(), room.width())

        def room_for(zoom: float, arrangement: _Arrangement = arrangement,
                     tallest: float = tallest) -> list[_Fit] | None:
            laid = fits(zoom)
            size = _laid_out(laid, arrangement, gap)[1]
            return laid if size.width() <= room.width() and size.height() <= tallest else None

        laid = _largest(room_for, _fit(scenes[0], frames[0], room, False, margin=margin).zoom)
        laid = fits(0.0) if laid is None else laid  # no room at all: nothing to see
        if best is None or laid[0].zoom > best[0] * 1.02:  # side by side, unless notably smaller
            best = (laid[0].zoom, laid, arrangement)
    _zoom, laid, arrangement = best
    return Layout([Panel(scene, framed, fit) for scene, framed, fit in
                    zip(scenes, frames, laid, strict=True)], *_laid_out(laid, arrangement, gap))


@dataclass(frozen=True)
class _Across:
    """Views (or groups of them) side by side, their tops level."""

    parts: tuple[_Arrangement, ...]


@dataclass(frozen=True)
class _Down:
    """Views (or groups of them) one over the other, each centred across the widest."""

    parts: tuple[_Arrangement, ...]


_Arrangement = int | _Across | _Down  # an int: a view, by its place in the picture's views


def _groups(scenes: list[BodyScene]) -> list[tuple[int, ...]]:
    """The views in their order, those of one view seen from both sides together
    (`export_views.pictured_views` puts them next to each other): the two side views, a pair to
    set one over the other or side by side as a pair."""
    groups: list[tuple[int, ...]] = []
    for n, scene in enumerate(scenes):
        if groups and scenes[groups[-1][-1]].view.name == scene.view.name:
            groups[-1] += (n,)
        else:
            groups.append((n,))
    return groups


def _side_by_side(scenes: list[BodyScene]) -> list[_Arrangement]:
    """The ways a row of views is set out: each beside the next; and, where one view is seen
    from both sides, those two one over the other in the row."""
    row = _Across(tuple(range(len(scenes))))
    paired = _Across(tuple(group[0] if len(group) == 1 else _Down(group)
                           for group in _groups(scenes)))
    return [row] if paired == row else [row, paired]


def _in_one_column(scenes: list[BodyScene]) -> list[_Arrangement]:
    """The ways views are set out at a slide's left, its words beside them (`_stacked`): one
    over the other; with three (the side view from both sides beside the back), also the
    back over the pair side by side (`_groups`), and as a row (`_side_by_side`)."""
    if len(scenes) < 3:
        return [_Down(tuple(range(len(scenes))))]
    return list(dict.fromkeys([
        _Down(tuple(range(len(scenes)))), _pair_across(scenes), *_side_by_side(scenes)]))


def _pair_across(scenes: list[BodyScene]) -> _Arrangement:
    """The views one over the other, those of one view seen from both sides side by side
    (`_groups`): the back over the two side views."""
    return _Down(tuple(group[0] if len(group) == 1 else _Across(group)
                       for group in _groups(scenes)))


class _Extent(NamedTuple):
    """What views set out together take: their size, and how far their captions reach past
    its left and right sides."""

    size: QSizeF
    left: float
    right: float


def _extent(fits: Sequence[_Fit], part: _Arrangement, gap: float) -> _Extent:
    """What views laid out (`fits`) take, set out as `part` says, `gap` apart (`_apart`)."""
    if isinstance(part, int):
        return _Extent(fits[part].size, *fits[part].overhang)
    extents = [_extent(fits, inner, gap) for inner in part.parts]
    if isinstance(part, _Across):
        apart = _apart(extents, gap, len(fits))
        return _Extent(QSizeF(sum(e.size.width() for e in extents) + sum(apart),
                              max(e.size.height() for e in extents)),
                       extents[0].left, extents[-1].right)
    width = max(e.size.width() for e in extents)
    return _Extent(QSizeF(width, sum(e.size.height() for e in extents) + gap * (len(extents) - 1)),
                   max(e.left - (width - e.size.width()) / 2 for e in extents),
                   max(e.right - (width - e.size.width()) / 2 for e in extents))


def _apart(extents: list[_Extent], gap: float, views: int) -> list[float]:
    """The room between each two of views side by side: `gap`; among three `views`, or more
    if their captions need it, so neither reaches past the other's side (a side view's is
    wider than its leg and labels: `_Fit.overhang`). Two views' captions stand on one line
    over their bodies, so one reaching into the gap is above the other's labels (the side
    view beside the back, gluteus minimus's); among three, a side view's may stand level
    with the labels of the back view beside it, framed short (the buttocks)."""
    if views < 3:
        return [gap] * (len(extents) - 1)
    return [max(gap, left.right + right.left) for left, right in pairwise(extents)]


def _places(fits: Sequence[_Fit], arrangement: _Arrangement, gap: float) -> list[QPointF]:
    """Each view's top left, the picture's at (0, 0), set out as `arrangement` says."""
    places = [QPointF(0, 0)] * len(fits)

    def place(part: _Arrangement, at: QPointF) -> None:
        if isinstance(part, int):
            places[part] = at
            return
        extents = [_extent(fits, inner, gap) for inner in part.parts]
        if isinstance(part, _Across):
            apart = [*_apart(extents, gap, len(fits)), 0.0]
            for inner, extent, room in zip(part.parts, extents, apart, strict=True):
                place(inner, at)
                at = at + QPointF(extent.size.width() + room, 0)
            return
        width = max(extent.size.width() for extent in extents)
        for inner, extent in zip(part.parts, extents, strict=True):
            place(inner, at + QPointF((width - extent.size.width()) / 2, 0))
            at = at + QPointF(0, extent.size.height() + gap)

    place(arrangement, QPointF(0, 0))
    return places


def _laid_out(fits: Sequence[_Fit], arrangement: _Arrangement,
              gap: float) -> tuple[list[QPointF], QSizeF]:
    """Each view's top left and the size the views take, set out as `arrangement` says
    (`_places`, `_extent`), with room for a caption reaching past their outer sides (a side
    view's under the back view, at the picture's left, ran off the slide)."""
    extent = _extent(fits, arrangement, gap)
    left, right = max(0.0, extent.left), max(0.0, extent.right)
    return ([place + QPointF(left, 0) for place in _places(fits, arrangement, gap)],
            QSizeF(extent.size.width() + left + right, extent.size.height()))


def _scale_ratios(scenes: list[BodyScene]) -> list[float]:
    """Each view's scale per the main (first) view's (`_scale_ratio`)."""
    return [1.0, *(_scale_ratio(scenes[0], other) for other in scenes[1:])]


def _scale_ratio(main: BodyScene, other: BodyScene) -> float:
    """The other view's scale per the main view's: its whole body no taller than the main
    view's and, front beside back, no wider (`lay_out`)."""
    ratio = _body_height(main) / _body_height(other)
    if "lateral" not in (main.view.name, other.view.name):  # from the side, width is depth
        ratio = min(ratio, _body_width(main) / _body_width(other))
    return ratio


_Laid = TypeVar("_Laid")


def _largest(laid: Callable[[float], _Laid | None], most: float) -> _Laid | None:
    """Views as `laid` lays them out at the largest scale, up to `most`, it can (it can at
    every scale under that one), or None where it can at none."""
    low, high = 0.0, most
    for _ in range(12):  # to a 4000th of the largest scale: far below a pixel
        middle = (low + high) / 2
        low, high = (middle, high) if laid(middle) is not None else (low, middle)
    return laid(low) if low > 0 else None


def key_beside(views: Layout, key: QSizeF, width: float, px: int) -> QPointF | None:
    """Where a page's key goes, from the views' top left, when it fits on the paper a short
    second view leaves under it, beside the main view (iliopsoas's back view, beside the front
    from the ribs to the knees): a letter under that view, as wide as it is or, failing that,
    up to a letter in from the page's edge (`width` wide, the views centred on it); the band
    the key took under the picture is then the handout's words' (iliopsoas's TrP3). None where
    it does not fit there, or the picture has one view, or three, or its second under the
    first (`lay_out`)."""
    if len(views.panels) != 2 or views.places[1].y() > 0:
        return None
    main, other = (panel.fit.size for panel in views.panels)
    left = views.places[1].x()
    right = min(width / 2 + views.size.width() / 2 - px, left + max(other.width(), key.width()))
    top = other.height() + px
    if key.width() > right - left or top + key.height() > main.height():
        return None
    return QPointF(left + max(0.0, (other.width() - key.width()) / 2), top)


def slide_views(scenes: list[BodyScene], frame: str, words: SlideWords, room: QRectF,
                 margin: float, width: float) -> tuple[Layout, QPointF, QRectF]:
    """A slide's views laid out in `room` (under its title, inside its margins), where they go
    and the column left for the key and the words: the views side by side at the left, as
    tall as the room between the title and the foot allows, or as wide as the words beside
    them leave (`_pictures_share`); or, where that makes the main one larger, the second over
    the words (`_over_words`) or the two one over the other (`_stacked`); three (the side
    view from both sides beside another) also each group over the next (`_in_one_column`)."""
    share = (SLIDE_PICTURE if len(scenes) == 1
             else _pictures_share(words, width, margin, room.height()))
    views = lay_out(scenes, frame, QSizeF(width * share, room.height()), centred=False)
    origin = QPointF(room.left(), room.top() + (room.height() - views.size.height()) / 2)
    left = origin.x() + views.size.width() + 2 * margin
    column = QRectF(left, room.top(), room.right() - left, room.height())
    if len(scenes) == 1:
        return views, origin, column
    best = (views, origin, column)
    others = [_over_words(scenes, frame, words, room, margin)] if len(scenes) == 2 else []
    others += [_stacked(scenes, frame, words, room, margin, arrangement)
               for arrangement in _in_one_column(scenes)]
    for other in others:
        if other is not None and other[0].panels[0].fit.zoom > best[0].panels[0].fit.zoom * 1.02:
            best = other
    return best


def _over_words(scenes: list[BodyScene], frame: str, words: SlideWords, room: QRectF,
                margin: float) -> tuple[Layout, QPointF, QRectF] | None:
    """Two views on a slide, the main one at the left, as tall as `room` lets it be, and the
    other at the top of the column beside it, at one scale (`_scale_ratio`), over the key and
    the words; and that column under it. A view beside the main one for the band of the body
    it cannot show (rectus abdominis's low back, beside the front from the chest to the
    thighs) is short: side by side, both bodies are as small as the slide's width leaves
    them, with paper above and below. None when the words do not fit under it (at
    `SLIDE_WORDS_BESIDE_TWO` of their size) with the main view larger than it would be alone
    beside them."""
    main, other = scenes
    main_frame, other_frame = frame_rect(main, frame), frame_rect(other, frame)
    ratio = _scale_ratio(main, other)
    size = room.size()

    def laid(zoom: float) -> tuple[_Fit, _Fit, float] | None:
        main_fit = _fit(main, main_frame, size, False, zoom)
        width = size.width() - main_fit.size.width() - 2 * margin
        if main_fit.zoom < zoom * 0.999 or width <= 0:
            return None
        other_fit = _fit(other, other_frame, QSizeF(width, size.height()), False, zoom * ratio)
        if other_fit.zoom < zoom * ratio * 0.999:  # not at one scale with the main view
            return None
        under = size.height() - other_fit.size.height() - margin
        if not words.fit(width, under, SLIDE_WORDS_BESIDE_TWO):
            return None
        return main_fit, other_fit, width

    found = _largest(laid, _fit(main, main_frame, size, False).zoom)
    if found is None:
        return None
    main_fit, other_fit, width = found
    left = main_fit.size.width() + 2 * margin
    layout = Layout([Panel(main, main_frame, main_fit), Panel(other, other_frame, other_fit)],
                     [QPointF(0, 0), QPointF(left, 0)], QSizeF(left + other_fit.size.width(),
                                         max(main_fit.size.height(), other_fit.size.height())))
    below = other_fit.size.height() + margin
    return (layout, room.topLeft(),
            QRectF(room.left() + left, room.top() + below, width, size.height() - below))


def _stacked(scenes: list[BodyScene], frame: str, words: SlideWords, room: QRectF,
             margin: float, arrangement: _Arrangement) -> tuple[Layout, QPointF, QRectF] | None:
    """Views on a slide at the left, set out as `arrangement` says (`_in_one_column`: two one
    over the other, the main one on top), at one scale (`_scale_ratio`), `margin` apart,
    centred across the column they make, and the key and the words beside them. Two short
    views (the groin from the front, the sacrum from behind) side by side are as small as the
    slide's width leaves them, each about a quarter of its height with paper above and below;
    stacked, they share its height. None when the words do not fit beside them at
    `SLIDE_WORDS_BESIDE_TWO` of their size, however small the views."""
    frames = [frame_rect(scene, frame) for scene in scenes]
    ratios = _scale_ratios(scenes)
    widest = QSizeF(room.width() * SLIDE_PICTURES_MOST, room.height())

    def laid(zoom: float) -> list[_Fit] | None:
        fits = [_fit(scene, framed, widest, False, zoom * ratio)
                for scene, framed, ratio in zip(scenes, frames, ratios, strict=True)]
        if any(fit.zoom < zoom * ratio * 0.999 for fit, ratio in zip(fits, ratios, strict=True)):
            return None
        size = _laid_out(fits, arrangement, margin)[1]
        if size.height() > room.height() or not words.fit(
                room.width() - size.width() - 2 * margin, room.height(), SLIDE_WORDS_BESIDE_TWO):
            return None
        return fits

    fits = _largest(laid, _fit(scenes[0], frames[0], widest, False).zoom)
    if fits is None:
        return None
    places, size = _laid_out(fits, arrangement, margin)
    layout = Layout([Panel(scene, framed, fit) for scene, framed, fit in
                      zip(scenes, frames, fits, strict=True)], places, size)
    origin = QPointF(room.left(), room.top() + (room.height() - size.height()) / 2)
    left = room.left() + size.width() + 2 * margin
    return layout, origin, QRectF(left, room.top(), room.right() - left, room.height())


def _pictures_share(words: SlideWords, width: float, margin: float, height: float) -> float:
    """The share of a slide's width two views take: the most, up to `SLIDE_PICTURES_MOST`, that
    leaves the words beside them room at `SLIDE_WORDS_BESIDE_TWO` of their size, and at least
    `SLIDE_PICTURES`."""
    def fits(share: float) -> bool:  # the column's width as `export._draw_slide` leaves it, at most
        return words.fit(width * (1 - share) - 4 * margin, height, SLIDE_WORDS_BESIDE_TWO)

    low, high = SLIDE_PICTURES, SLIDE_PICTURES_MOST
    if fits(high):
        return high
    for _ in range(6):  # to about a 500th of the slide's width
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low
