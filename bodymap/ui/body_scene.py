"""One view of the body as a QGraphicsScene: the SVG art, and exact region items above it.

The art (body, then the superficial and deep muscle layers) is drawn by a QSvgRenderer per layer
and cached by Qt per item at device resolution, so a click repaints pixmaps, not SVG. Regions are
QGraphicsPathItems whose shape() is the exact outline, so hit testing never uses a bounding box.
The scene also paints what the app knows: the selected muscle, its TrP markers, its referral
(essential solid red, spillover stippled red) and the zones marked as painful (blue hatch), and
the labels the drawing leaves to it: landmarks beside the body, "Left"/"Right" on it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from bodymap.diagram import VIEWS, Landmark, Region, View, load_view
from bodymap.model import Catalog
from bodymap.model.prose import BOTH, on_side
from bodymap.model.schema import Referral, combined_zones, unsettled_zones

if TYPE_CHECKING:
    from bodymap.model.schema import TriggerPoint
    from bodymap.ui.study_panel import StudyBoard

ESSENTIAL_RED = QColor(211, 47, 47, 205)  # #d32f2f at 80%: readable on skin at a glance
SPILLOVER_RED = QColor(211, 47, 47, 235)
SPILLOVER_LIGHT = QColor(255, 255, 255, 100)  # between the stipple's dots: reads on muscle art
PAIN_BLUE = QColor(25, 95, 200)
PROVISIONAL_EDGE = QColor(70, 20, 20)  # a provisional zone's dashed edge (`provisional_pen`)
HOVER_FILL = QColor(255, 214, 0, 90)
HOVER_EDGE = QColor(120, 90, 0)
FOCUS_HALO = QColor(255, 255, 255, 235)  # either side of the focus ring's line
SELECTED_EDGE = QColor(33, 33, 33)
RING_AMBER = QColor(230, 140, 0)
LANDMARK_INK = QColor(91, 70, 54, 235)  # the drawing's text brown (#5b4636), a little firmer
SIDE_INK = QColor(62, 46, 34)  # that brown darker and opaque: "Left" reads on the referral red
DIMMED_MARKER = 0.35  # the other TrPs while the coach is on one
GHOST_OPACITY = 0.22


# Spillover stipple and pain hatch: Qt's Dense5Pattern and BDiagPattern, drawn as textures. Qt's
# own patterns cannot be scaled (their dots stay one device pixel, a pink haze on a slide) and go
# into SVG files as masks that most viewers fill black; a texture does neither.
STIPPLE = (".x.x.x.x", "..x...x.", ".x.x.x.x", "x...x...") * 2
# The texels between the stipple's dots, under a light wash (`spillover_brush`).
BETWEEN_DOTS = tuple(row.translate(str.maketrans(".x", "x.")) for row in STIPPLE)
HATCH = tuple("." * (7 - i) + "x" + "." * i for i in range(8))
# Over red the hatch is two texels wide: one blue texel in red reads as a speck, not a line.
BOLD_HATCH = tuple("".join("x" if (x + y) % 8 in (6, 7) else "." for x in range(8))
                   for y in range(8))
SOLID = ("x" * 8,) * 8


@functools.cache
def _tile(rgba: int, rows: tuple[str, ...]) -> QImage:
    tile = QImage(len(rows[0]), len(rows), QImage.Format.Format_ARGB32)
    tile.fill(QColor(0, 0, 0, 0))
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            if cell == "x":
                tile.setPixel(x, y, rgba)
    return tile


def texture_brush(color: QColor, rows: tuple[str, ...]) -> QBrush:
    return QBrush(_tile(color.rgba(), rows))


@functools.cache
def _layered_tile(layers: tuple[tuple[int, tuple[str, ...]], ...]) -> QImage:
    """Tiles of one size drawn over one another, the last on top."""
    tile = QImage(_tile(*layers[0]))
    painter = QPainter(tile)
    for rgba, rows in layers[1:]:
        painter.drawImage(0, 0, _tile(rgba, rows))
    painter.end()
    return tile


_SPILLOVER_LAYERS = ((SPILLOVER_LIGHT.rgba(), BETWEEN_DOTS), (SPILLOVER_RED.rgba(), STIPPLE))


def solid_brush(color: QColor) -> QBrush:
    """QBrush(color), built so: choosing among QBrush's constructors for a QColor makes PySide6
    build QGradient's enums (~5 ms), and the first window paints a solid swatch."""
    brush = QBrush()
    brush.setColor(color)
    brush.setStyle(Qt.BrushStyle.SolidPattern)
    return brush


def essential_brush() -> QBrush:
    return solid_brush(ESSENTIAL_RED)


def spillover_brush() -> QBrush:
    """Red dots, each texel between them lightened (`SPILLOVER_LIGHT`): red dots alone vanish
    on the red-brown muscle art (gluteus maximus under gluteus medius's spillover), red and
    light read there as on skin, and never as the solid red of an essential zone."""
    return QBrush(_layered_tile(_SPILLOVER_LAYERS))


def provisional_pen() -> QPen:
    """The edge of a zone painted only by provisional referral: dashed, dark enough to see on
    the red and on skin, so the zone reads as drawn but not settled."""
    pen = QPen(PROVISIONAL_EDGE, 2.0, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)  # the same on screen at any zoom
    return pen


def hover_pen() -> QPen:
    """The edge of the region under the pointer (muscle or zone), with the yellow fill: a
    style the key does not use."""
    pen = QPen(HOVER_EDGE, 2.0)
    pen.setCosmetic(True)
    return pen


def focus_pens(colour: QColor) -> tuple[QPen, QPen]:
    """The keyboard's focus ring on a region: a solid line of the palette's focus colour
    between two white edges (a wide white pen, the line over its middle). The key uses no
    double line: a provisional zone's edge is dashed dark red, marked pain a plain blue line,
    the selected muscle a plain dark one (dashed on the other layer)."""
    halo = QPen(FOCUS_HALO, 6.0)
    line = QPen(colour, 2.5)
    for pen in (halo, line):
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return halo, line


def pain_brush() -> QBrush:
    return texture_brush(PAIN_BLUE, HATCH)


def pain_over_brush(kind: str) -> QBrush:
    """Marked pain under a referral ('essential' or 'spillover'): the pain hatch drawn over the
    red, so a student comparing a candidate's pattern (or a study answer) with what was marked
    still sees the marks, not only a thin outline around red."""
    under = ((ESSENTIAL_RED.rgba(), SOLID),) if kind == "essential" else _SPILLOVER_LAYERS
    return QBrush(_layered_tile((*under, (PAIN_BLUE.rgba(), BOLD_HATCH))))


def mastery_colour(value: float) -> QColor:
    """How well a muscle is known, 0..1, translucent over the art. Nothing known yet is a
    neutral grey, not red: on this body red means referred pain, and a first session leaves
    most muscles at 0. Then one green, paler to deeper as more of its cards are learned."""
    value = min(max(value, 0.0), 1.0)
    if value == 0:
        return QColor(120, 120, 120, 110)
    return QColor.fromHsv(140, round(70 + 160 * value), round(220 - 90 * value), 170)


def mastery_brush(value: float) -> QBrush:
    return solid_brush(mastery_colour(value))


class SvgLayerItem(QGraphicsItem):
    """One art layer of the view (`layer-body`, `-superficial`, `-deep`), drawn over the view box
    and cached by Qt as a pixmap at device resolution."""

    def __init__(self, view: View, layer: str) -> None:
        super().__init__()
        self._renderer = QSvgRenderer(view.art_svg(layer))
        self._bounds = QRectF(view.view_box)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self._renderer.render(painter, self._bounds)


class RegionItem(QGraphicsPathItem):
    """A muscle shape or a body-surface zone, exactly as outlined in the SVG."""

    def __init__(self, region: Region, label: str) -> None:
        super().__init__(region.path)
        self.region = region
        self.label = label
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setBrush(QBrush())  # no fill (see solid_brush: why not QBrush(NoBrush))
        self.setToolTip(label)
        self.setAcceptHoverEvents(False)  # the view tracks hover itself, exactly, via shape()
        self._inner: QPen | None = None  # a narrower line over the middle of the edge (`style`)

    def style(self, brush: QBrush, pen: QPen | None = None, inner: QPen | None = None) -> None:
        """Fill and edge; `inner`, narrower, is drawn over the middle of `pen` (a double line:
        the keyboard's focus ring). The widest pen is the item's own, so it sets the bounds."""
        self.setBrush(brush)
        self.setPen(pen or QPen(Qt.PenStyle.NoPen))
        if inner is not None or self._inner is not None:
            self._inner = inner
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        super().paint(painter, option, widget)
        if self._inner is not None:
            painter.setPen(self._inner)
            painter.setBrush(QBrush())
            painter.drawPath(self.path())


def trp_number(trigger_points: tuple[TriggerPoint, ...], trp: TriggerPoint) -> str:
    """What a TrP's X is numbered on the body: the number its label starts with ("TrP2 (...)"),
    else its place in the muscle's list; "" when the muscle has only one."""
    if len(trigger_points) < 2:
        return ""
    said = re.match(r"TrP\s*(\d+)", trp.label, re.IGNORECASE)
    return said.group(1) if said else str(trigger_points.index(trp) + 1)


UPPER_RIGHT = Qt.Corner.TopRightCorner
# Where a TrP's number may go round its X, the usual place first: a number stays at the upper
# right unless another corner is clearer of the muscle's other markers.
NUMBER_CORNERS = (UPPER_RIGHT, Qt.Corner.TopLeftCorner, Qt.Corner.BottomRightCorner,
                  Qt.Corner.BottomLeftCorner)
UPPER_CORNERS = (UPPER_RIGHT, Qt.Corner.TopLeftCorner)


@functools.cache
def _digits(number: str, corner: Qt.Corner = UPPER_RIGHT) -> QPainterPath:
    """A marker's number as a path in one corner of its X, made once per number and corner:
    laying text out as a path is slow, and every muscle's markers share the same few digits."""
    if corner != UPPER_RIGHT:
        # The upper right's box mirrored about the X's centre (the digits themselves are not),
        # so a number sits as close to its X, and as clear of its arms, in every corner.
        path = _digits(number, UPPER_RIGHT)
        box = path.boundingRect()
        left = corner in (Qt.Corner.TopLeftCorner, Qt.Corner.BottomLeftCorner)
        lower = corner in (Qt.Corner.BottomLeftCorner, Qt.Corner.BottomRightCorner)
        return path.translated(-(box.left() + box.right()) if left else 0.0,
                               -(box.top() + box.bottom()) if lower else 0.0)
    path = QPainterPath()
    if number:
        font = QFont()
        font.setPixelSize(MarkerItem.NUMBER_FONT_PX)
        font.setBold(True)
        # Beside the upper arm's tip, the digits' middle near its level: any higher and they
        # would stand further out from the X, into a close neighbour's room.
        path.addText(QPointF(MarkerItem.SIZE + 1, -MarkerItem.SIZE + 4), font, number)
    return path


@functools.cache
def _ink(number: str, corner: Qt.Corner) -> QRectF:
    """Where a marker's X and its number in that corner are painted, in pixels round its point
    (the ring aside: it is drawn for one TrP at a time)."""
    s = MarkerItem.SIZE + 3
    return QRectF(-s, -s, 2 * s, 2 * s).united(_digits(number, corner).boundingRect().adjusted(
        -2, -2, 2, 2))


class MarkerItem(QGraphicsItem):
    """A trigger point: an X at the SVG circle's centre, the same size at every zoom, with its
    number ("2" for TrP2) when the muscle has more than one, so a class can match the X on the
    body to the TrP the panel, the slide or the teacher speaks of. The number is at the X's upper
    right, or in the corner its scene gives it (`set_corner`) where the muscle's other markers
    lie close."""

    SIZE = 7.0
    RING = SIZE + 6  # the ring round the one TrP the technique coach is on
    NUMBER_FONT_PX = 13

    def __init__(self, region: Region, label: str, number: str = "") -> None:
        super().__init__()
        self.region = region
        self.number = number
        self.ringed = False
        self.setPos(region.path.boundingRect().center())
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setToolTip(label)
        self.setZValue(30)
        self.corner = UPPER_RIGHT
        # Laid out when first shown: a view has dozens of markers and shows one muscle's, and
        # the first text laid out as a path loads the font's outlines (~8 ms of start-up).
        self._digits: QPainterPath | None = None

    def set_corner(self, corner: Qt.Corner) -> None:
        """Put the number in this corner of the X."""
        if corner != self.corner:
            self.prepareGeometryChange()  # the bounding rect moves with the number
            self.corner = corner
            self._digits = None

    def digits(self) -> QPainterPath:
        """The number's outline, in pixels round the marker's point."""
        if self._digits is None:
            self._digits = _digits(self.number, self.corner)
        return self._digits

    def set_ringed(self, ringed: bool) -> None:
        if ringed != self.ringed:
            self.ringed = ringed
            self.update()

    def boundingRect(self) -> QRectF:
        s = self.RING + 3  # the ring's white pen reaches 2.5 px past it, antialiasing 0.5 more
        return QRectF(-s, -s, 2 * s, 2 * s).united(self.digits().boundingRect().adjusted(
            -3, -3, 3, 3))

    def ink_rect(self) -> QRectF:
        """Where the X and its number are painted, in pixels round the marker's point (the
        ring aside: it is drawn for one TrP at a time)."""
        return QRectF(_ink(self.number, self.corner))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.ringed:
            r = self.RING
            for color, width in ((QColor("white"), 5.0), (RING_AMBER, 2.8)):
                painter.setPen(QPen(color, width))
                painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
        s = self.SIZE
        cross = QPainterPath()
        cross.moveTo(-s, -s)
        cross.lineTo(s, s)
        cross.moveTo(-s, s)
        cross.lineTo(s, -s)
        for color, width in ((QColor("white"), 5.5), (QColor(20, 20, 20), 2.6)):
            pen = QPen(color, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPath(cross)
        if self.number:  # dark digits in a white halo: legible on skin, muscle and red alike
            halo = QPen(QColor("white"), 3.5)
            halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.strokePath(self.digits(), halo)
            painter.fillPath(self.digits(), QColor(20, 20, 20))


# The scale, in screen pixels per scene unit, that numbers are placed for. The window at its
# first-start size fits the back and side views at about 0.68 and the front at 0.76 (an export
# of usual size draws its markers as if at about 1.1). Markers keep their pixel size while the
# body grows, so inks apart at this scale are further apart at every larger one; a little under
# the first fit leaves room for a smaller window.
NUMBERS_PLACED_AT = 0.65
CLEAR_PX = 6.0  # inks this far apart read as apart: no need to move a number from upper right


def _gap(a: QRectF, b: QRectF) -> float:
    """Pixels between two rects along the axis they are furthest apart on; < 0 if they overlap."""
    return max(b.left() - a.right(), a.left() - b.right(), b.top() - a.bottom(),
               a.top() - b.bottom())


def number_corners(markers: Sequence[MarkerItem],
                   scale: float = NUMBERS_PLACED_AT) -> list[Qt.Corner]:
    """A corner for each marker's number, the markers being shown together (one muscle's, on
    one side), all chosen at once: with the body drawn at `scale`, the narrowest gap between two
    markers' inks (X and number) as wide as can be up to CLEAR_PX, then the next narrowest, and
    so on; then as many numbers at the upper right as can be, then as many above their X (the
    nearer the usual place); then the widest gaps. A number is moved for a neighbour's sake,
    never to gain room nobody needs."""
    count = len(markers)
    if count < 2:
        return [UPPER_RIGHT] * count
    inks = [[_ink(m.number, corner).translated(m.pos() * scale) for corner in NUMBER_CORNERS]
            for m in markers]
    tables = [(i, j, [[_gap(a, b) for b in inks[j]] for a in inks[i]])
              for i, j in itertools.combinations(range(count), 2)]
    if all(table[0][0] >= CLEAR_PX for _i, _j, table in tables):
        return [UPPER_RIGHT] * count  # what the search would find, without it

    def merit(choice: tuple[int, ...]) -> tuple:
        apart = sorted([table[choice[i]][choice[j]] for i, j, table in tables])
        upper = sum(NUMBER_CORNERS[k] in UPPER_CORNERS for k in choice)
        return [min(gap, CLEAR_PX) for gap in apart], choice.count(0), upper, apart

    # At most four TrPs a muscle: 4**4 choices, each a few look-ups (about 1 ms).
    best = max(itertools.product(range(len(NUMBER_CORNERS)), repeat=count), key=merit)
    return [NUMBER_CORNERS[k] for k in best]


def _anchored_left(label: Landmark, width: float) -> float:
    """Where a label's text of this width starts, from its anchor point (SVG `text-anchor`)."""
    return {"start": 0.0, "middle": -width / 2, "end": -width}[label.anchor]


class LandmarkItem(QGraphicsItem):
    """A landmark's label beside the body ("S2 · PSIS"), anchored where the drawing puts it and
    in the font it is given, the same size at every zoom: readable in a small window, and large
    from the back of a class in presenter mode."""

    def __init__(self, landmark: Landmark, font: QFont) -> None:
        super().__init__()
        self.landmark = landmark
        self.setPos(landmark.x, landmark.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to what is beneath
        self.setZValue(5)  # over the art, under the regions' highlights
        self._rect = QRectF()
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.prepareGeometryChange()
        self._font = QFont(font)
        metrics = QFontMetricsF(self._font)
        width = metrics.horizontalAdvance(self.landmark.text)
        left = _anchored_left(self.landmark, width)
        # Centred on its level: capitals (T12) and small letters (coccyx tip) alike.
        self._baseline = (metrics.capHeight() + metrics.xHeight()) / 4
        self._rect = QRectF(left, self._baseline - metrics.ascent(), width, metrics.height())

    def reach(self) -> QMarginsF:
        """How far the text reaches left, up, right and down from its anchor, in pixels at
        scale 1, with a little air around its letters."""
        rect = self._rect.marginsAdded(QMarginsF(2, 2, 2, 2))
        return QMarginsF(-rect.left(), -rect.top(), rect.right(), rect.bottom())

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setFont(self._font)
        painter.setPen(LANDMARK_INK)
        painter.drawText(QPointF(self._rect.left(), self._baseline), self.landmark.text)


class SideLabelItem(QGraphicsItem):
    """"Left" or "Right" on the body, so nobody confuses sides. It grows with the body, as the
    drawing has it, but is drawn above the referral paint and the muscle outlines (under the
    TrP markers): the side of a referral is exactly what a class must read, and red painted down
    the thigh would hide art. Bold dark letters in a white halo read on skin, muscle and red
    alike. It takes no clicks and no hover: what is beneath it stays reachable."""

    HALO = 0.2  # the halo's width, as a share of the font size

    def __init__(self, label: Landmark) -> None:
        super().__init__()
        self.label = label
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(1, round(label.size)))
        metrics = QFontMetricsF(font)
        left = _anchored_left(label, metrics.horizontalAdvance(label.text))
        # Centred on its level as the drawing centres it (a third of the size above the baseline).
        self._glyphs = QPainterPath()
        self._glyphs.addText(QPointF(left, label.size / 3), font, label.text)
        self._halo = QPen(QColor("white"), label.size * self.HALO)
        self._halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.home = QPointF(label.x, label.y)  # its place in the drawing; a frame may move it
        self.setPos(self.home)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to what is beneath
        self.setZValue(25)  # over zones (10) and muscles (20), under the markers (30)

    def glyphs(self) -> QPainterPath:
        """The letters' outline, in the item's coordinates (scene units round its anchor)."""
        return QPainterPath(self._glyphs)

    def ink_rect(self) -> QRectF:
        """Where the letters and their halo are painted, in the item's coordinates."""
        half = self._halo.widthF() / 2
        return self._glyphs.boundingRect().adjusted(-half, -half, half, half)

    def boundingRect(self) -> QRectF:
        return self.ink_rect().adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.strokePath(self._glyphs, self._halo)
        painter.fillPath(self._glyphs, SIDE_INK)


OTHER_SIDE = {"L": "R", "R": "L"}


def _is_shown(key: tuple[str, str | None], shown: tuple[str, str] | None) -> bool:
    """Whether a (muscle, side) region belongs to the muscle shown, on its side or BOTH."""
    return shown is not None and key[0] == shown[0] and shown[1] in (key[1], BOTH)


def _marked(view: View, shown: tuple[str, str]) -> set[str]:
    """The TrP ids a view marks for a muscle on a side (or BOTH)."""
    return {r.trp for r in view.regions.values() if r.kind == "marker" and r.trp is not None
            and _is_shown((r.target, r.side), shown)}


class BodyScene(QGraphicsScene):
    """A view of the body with the app's state painted on it."""

    def __init__(self, view: View, catalog: Catalog) -> None:
        super().__init__()
        self.view = view
        self.catalog = catalog
        self.setSceneRect(view.view_box)
        self.setBackgroundBrush(QColor(250, 250, 248))
        # Scene units per texel of the stipple and hatch. The view keeps a texel one screen pixel
        # at every zoom, as Qt's own patterns are; an export asks for bigger ones (set_texel).
        self.texel = 1.0
        # The markers' size, times their own: they keep one size on screen at every zoom, and
        # grow with the text in presenter mode (set_marker_scale).
        self.marker_scale = 1.0
        self.art = {name: SvgLayerItem(view, name) for name in ("body", "superficial", "deep")}
        for z, item in enumerate(self.art.values()):
            item.setZValue(z)
            self.addItem(item)
        self.muscles: dict[tuple[str, str | None], RegionItem] = {}
        self.zones: dict[tuple[str, str | None], RegionItem] = {}
        self.markers: dict[tuple[str, str | None], list[MarkerItem]] = {}
        for region in view.regions.values():
            self._add_region(region)
        # The muscles (and sides) whose markers have their numbers' corners: placed once, when
        # first shown, as they depend only on where the drawing puts the markers.
        self._numbered: set[tuple[str, str | None]] = set()
        self.label_font = QFont()
        self.landmarks = [LandmarkItem(landmark, self.label_font) for landmark in view.landmarks]
        for item in self.landmarks:
            self.addItem(item)
        self.side_labels = [SideLabelItem(label) for label in view.side_labels]
        for item in self.side_labels:
            self.addItem(item)
        self.layer = "superficial"
        self.mode = "muscle"
        self.selected: tuple[str, str] | None = None
        self.pain: set[tuple[str, str | None]] = set()
        self.preview: tuple[str, str] | None = None  # a pain-finder candidate shown over the pain
        self.study: StudyBoard | None = None  # a study question's picture, over everything else
        # The selected muscle's TrP the technique coach is on: its X ringed, only its referral.
        self.trigger_point: str | None = None
        self.hovered: RegionItem | None = None
        self.focused: RegionItem | None = None
        self._on_paper = False  # drawn for a picture (`for_paper`)
        self.refresh()

    def _add_region(self, region: Region) -> None:
        if region.kind == "marker":
            muscle = self.catalog.muscles.get(region.target)
            trp = next((t for t in muscle.trigger_points if t.id == region.trp), None) if (
                muscle) else None
            label = f"{muscle.name}: {trp.label}" if muscle and trp else region.id
            number = trp_number(muscle.trigger_points, trp) if muscle and trp else ""
            marker = MarkerItem(region, label, number)
            self.markers.setdefault((region.target, region.side), []).append(marker)
            self.addItem(marker)
            return
        table = self.muscles if region.kind == "muscle" else self.zones
        if region.kind == "muscle":
            known = self.catalog.muscles.get(region.target)
            name = known.name if known else region.target
        else:
            known = self.catalog.zones.get(region.target)
            name = known.label if known else region.target
        item = RegionItem(region, on_side(name, region.side))
        item.setZValue(20 if region.kind == "muscle" else 10)
        table[region.target, region.side] = item
        self.addItem(item)

    # -- other views ---------------------------------------------------------------------------
    def referral_elsewhere(self) -> tuple[str, list[str]] | None:
        """(view, zone ids) when the referral painted now has zones this view does not draw (the
        low back of rectus abdominis, seen from the front): the other view drawing most of
        them, and those it draws, essential first. Sides count: the side view is the one seen
        from the side shown (`side_shown`), as the window turns it when it goes there. A
        study question's pattern counts as any other: a student asked whose pattern it is sees
        that part of it is on another view (zones, never the muscle)."""
        painted = self.shown_state()[0]
        missing = dict.fromkeys(key for key, kind in sorted(
            painted.items(), key=lambda item: (item[1] != "essential", item[0][0]))
            if key not in self.zones)
        if not missing:
            return None
        drawn = {name: {(r.target, r.side) for r in load_view(name, self.side_shown())
                        .regions.values() if r.kind == "zone"}
                 for name in VIEWS if name != self.view.name}
        best = max(drawn, key=lambda name: len(drawn[name] & missing.keys()))
        shown = list(dict.fromkeys(zone for zone, side in missing if (zone, side) in drawn[best]))
        return (best, shown) if shown else None

    def markers_elsewhere(self) -> tuple[str, list[str]] | None:
        """(view, TrP ids) when the muscle shown has trigger points this view does not mark
        (gluteus medius's TrP3, in front of the hip, seen from behind): the other view marking
        most of them on the muscle's side, and those it marks, in the muscle's order. While the
        coach is on one TrP, or a study card about one shows its answer, only that one. None
        while a study question waits for its answer (no muscle is shown then)."""
        shown = self.shown_state()[1]
        if shown is None or shown[0] not in self.catalog.muscles:
            return None
        coached = self.coached_trigger_point()
        asked = self.study.trigger_point if self.study is not None else None
        wanted = ([coached.id] if coached is not None else [asked] if asked is not None
                  else [t.id for t in self.catalog.muscles[shown[0]].trigger_points])
        missing = [trp for trp in wanted if trp not in _marked(self.view, shown)]
        if not missing:
            return None
        marked = {name: _marked(load_view(name, shown[1]), shown)
                  for name in VIEWS if name != self.view.name}
        best = max(marked, key=lambda name: len(marked[name].intersection(missing)))
        there = [trp for trp in missing if trp in marked[best]]
        return (best, there) if there else None

    def twin(self, view: View) -> BodyScene:
        """The same muscle, trigger point, referral and marked pain on another view of the
        body, on the layer that draws the muscle there (else the surface, as the body is first
        seen: another layer's muscles would look part of the answer): a picture's second view."""
        other = BodyScene(view, self.catalog)
        shown = self.preview if self.mode == "pain" else self.selected
        layer = (other.layer_of(shown[0]) if shown else None) or "superficial"
        other.set_state(layer=layer, mode=self.mode, selected=self.selected, pain=self.pain,
                        preview=self.preview, trigger_point=self.trigger_point)
        return other

    def side_shown(self) -> str | None:
        """The side of the person whose muscle or referral is painted ("L", "R", BOTH), the
        side a view drawn from one side is seen from to show it; None when nothing is."""
        if self.study is not None:
            return self.study.side
        shown = self.shown_state()[1]
        return shown[1] if shown is not None else None

    # -- what is interactive -------------------------------------------------------------------
    def layer_of(self, muscle_id: str) -> str | None:
        """The diagram layer ('superficial' or 'deep') that draws this muscle in this view."""
        for (target, _side), item in self.muscles.items():
            if target == muscle_id:
                return item.region.layer
        return None

    def sides_of(self, muscle_id: str) -> set[str]:
        """The sides ('L', 'R') on which this view draws the muscle (the side view: the one it
        is seen from)."""
        return {side for (target, side) in self.muscles if target == muscle_id and side}

    def active_items(self) -> list[RegionItem]:
        """Regions a click can reach now: the current layer's muscles, or the zones."""
        if self.mode == "pain":
            return list(self.zones.values())
        return [i for i in self.muscles.values() if i.region.layer == self.layer]

    def region_at(self, point: QPointF) -> RegionItem | None:
        """The topmost active region whose exact outline contains the scene point."""
        for item in self.items(point, Qt.ItemSelectionMode.ContainsItemShape,
                               Qt.SortOrder.DescendingOrder):
            if isinstance(item, RegionItem) and item.isVisible() and self._is_active(item):
                return item
        return None

    def zone_at(self, point: QPointF) -> RegionItem | None:
        """The zone under a scene point, whatever the mode (zones do not overlap)."""
        for item in self.items(point, Qt.ItemSelectionMode.ContainsItemShape):
            if isinstance(item, RegionItem) and item.region.kind == "zone":
                return item
        return None

    def _is_active(self, item: RegionItem) -> bool:
        if self.mode == "pain":
            return item.region.kind == "zone"
        return item.region.kind == "muscle" and item.region.layer == self.layer

    # -- state -------------------------------------------------------------------------------
    def set_state(self, *, layer: str | None = None, mode: str | None = None,
                  selected: tuple[str, str] | bool | None = False,
                  pain: Iterable[tuple[str, str | None]] | None = None,
                  preview: tuple[str, str] | bool | None = False,
                  study: StudyBoard | bool | None = False,
                  trigger_point: str | bool | None = False) -> None:
        if layer is not None:
            self.layer = layer
        if mode is not None:
            self.mode = mode
        if selected is not False:
            self.selected = selected  # type: ignore[assignment]
        if pain is not None:
            self.pain = set(pain)
        if preview is not False:
            self.preview = preview  # type: ignore[assignment]
        if study is not False:
            self.study = study  # type: ignore[assignment]
        if trigger_point is not False:
            self.trigger_point = trigger_point  # type: ignore[assignment]
        self.refresh()

    def set_hovered(self, item: RegionItem | None) -> None:
        if item is not self.hovered:
            self.hovered = item
            self.refresh_regions()

    def set_focused(self, item: RegionItem | None) -> None:
        """The region ringed for the keyboard (None: no ring); the view rings one only while
        it has the focus."""
        if item is not self.focused:
            self.focused = item
            self.refresh_regions()

    def focus_colour(self) -> QColor:
        """The palette's highlight, opaque: the colour the platform shows keyboard focus in."""
        colour = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        colour.setAlpha(255)
        return colour

    def set_label_font(self, font: QFont) -> None:
        """The landmarks' font; the view gives them its own, so they grow with presenter mode."""
        self.label_font = QFont(font)
        for item in self.landmarks:
            item.set_font(font)

    def label_overhang(self, scale: float, box: QRectF | None = None) -> QMarginsF:
        """How many pixels the landmark labels beside `box` (by default the scene rect) reach
        past each of its edges when the scene is drawn at `scale` (the labels keep their size):
        room a fit must leave."""
        box = box or self.sceneRect()
        left = top = right = bottom = 0.0
        for item in self.landmarks:
            if not box.top() <= item.y() <= box.bottom():
                continue  # not beside this part of the body: off the view when it is framed
            reach = item.reach() * item.scale()
            left = max(left, reach.left() - (item.x() - box.left()) * scale)
            top = max(top, reach.top() - (item.y() - box.top()) * scale)
            right = max(right, reach.right() - (box.right() - item.x()) * scale)
            bottom = max(bottom, reach.bottom() - (box.bottom() - item.y()) * scale)
        return QMarginsF(left, top, right, bottom)

    def set_marker_scale(self, scale: float) -> None:
        if scale != self.marker_scale:
            self.marker_scale = scale
            for marker in (m for group in self.markers.values() for m in group):
                marker.setScale(scale)

    def set_texel(self, texel: float) -> None:
        if texel != self.texel:
            self.texel = texel
            self.refresh_regions()

    def _textured(self, brush: QBrush) -> QBrush:
        brush.setTransform(QTransform.fromScale(self.texel, self.texel))
        return brush

    def refresh(self) -> None:
        deep = self.layer == "deep"
        away = self.referral_away()
        # On the deep layer the superficial muscles are ghosts over it; on a view showing the
        # referral of a muscle it does not draw (quadratus lumborum's belly and groin, from the
        # front) every muscle is: drawn in full under the red, rectus abdominis's columns would
        # read as pain.
        self.art["superficial"].setOpacity(GHOST_OPACITY if deep or away else 1.0)
        self.art["deep"].setVisible(deep)
        self.art["deep"].setOpacity(GHOST_OPACITY if away else 1.0)
        self.refresh_regions()

    def referral_away(self) -> bool:
        """Whether this view paints the referral of a muscle it does not draw (the selected
        muscle's, or the pain finder's candidate shown over the pain): the view beside a
        picture's main one, or the window turned to it. A study question's picture aside: how
        its art is drawn must not say whose pattern it is."""
        if self.study is not None:
            return False
        shown = self.preview if self.mode == "pain" else self.selected
        if shown is None or shown[0] not in self.catalog.muscles or self.layer_of(shown[0]):
            return False
        return any(key in self.zones for key in self.shown_state()[0])

    def referral_of(self, shown: tuple[str, str] | None) -> dict[tuple[str, str | None], str]:
        """(zone, side) -> 'essential' | 'spillover' for a muscle on one side."""
        if shown is None or shown[0] not in self.catalog.muscles:
            return {}
        muscle_id, side = shown
        return self.painted_referrals(
            [t.referral for t in self.catalog.muscles[muscle_id].trigger_points], side)

    def painted_referrals(self, referrals: Iterable[Referral],
                          side: str) -> dict[tuple[str, str | None], str]:
        """(zone, side) -> 'essential' | 'spillover' for TrPs of a muscle on `side` (or BOTH):
        on the muscle's side, and their bilateral zones on the other side as well."""
        referrals = list(referrals)
        if side == BOTH:
            zones = combined_zones(referrals)
            return {**self.painted(*zones, "L"), **self.painted(*zones, "R")}
        other = combined_zones(r.other_side() for r in referrals)
        return {**self.painted(*other, OTHER_SIDE[side]),
                **self.painted(*combined_zones(referrals), side)}

    def painted(self, essential: Iterable[str], spillover: Iterable[str],
                side: str) -> dict[tuple[str, str | None], str]:
        """(zone, side) -> 'essential' | 'spillover'; essential wins where both are listed."""
        painted = {}
        for zone_id, kind in [*((z, "spillover") for z in spillover),
                              *((z, "essential") for z in essential)]:
            zone = self.catalog.zones.get(zone_id)
            if zone is not None:
                painted[zone_id, None if zone.midline else side] = kind
        return painted

    def shown_state(self) -> tuple[dict[tuple[str, str | None], str], tuple[str, str] | None,
                                    set[tuple[str, str | None]]]:
        """What to paint now: referral, the outlined muscle (with markers) and the marked zones.
        A study board, when set, decides all three."""
        board = self.study
        referrals, side = self.shown_referrals()
        painted = self.painted_referrals(referrals, side) if referrals else {}
        if board is not None:
            return painted, (board.answer, board.side) if board.answer else None, set(
                board.marked)
        return painted, self.preview if self.mode == "pain" else self.selected, self.pain

    def shown_referrals(self) -> tuple[list[Referral], str]:
        """The referral patterns painted now and the side of the body they belong to: a study
        board's; in the pain finder, the candidate previewed; else the TrP the coach is on, or
        every TrP of the selected muscle. ([], "") when none is."""
        board = self.study
        if board is not None:
            return [Referral(board.essential, board.spillover, board.bilateral,
                             board.provisional)], board.side
        trp = self.coached_trigger_point() if self.mode != "pain" else None
        if trp is not None and self.selected is not None:
            return [trp.referral], self.selected[1]
        shown = self.preview if self.mode == "pain" else self.selected
        if shown is None or shown[0] not in self.catalog.muscles:
            return [], ""
        return [t.referral for t in self.catalog.muscles[shown[0]].trigger_points], shown[1]

    def unsettled_shown(self) -> set[tuple[str, str | None]]:
        """The painted zones (keys as `shown_state` gives them) whose paint rests only on
        provisional referral (`unsettled_zones`): drawn with a dashed edge, as the sources do
        not settle them."""
        referrals, side = self.shown_referrals()
        if not referrals:
            return set()
        if side == BOTH:
            unsure = unsettled_zones(referrals)
            return {*self._keys(unsure, "L"), *self._keys(unsure, "R")}
        return {*self._keys(unsettled_zones(referrals), side),
                *self._keys(unsettled_zones(r.other_side() for r in referrals), OTHER_SIDE[side])}

    def _keys(self, zone_ids: Iterable[str], side: str) -> set[tuple[str, str | None]]:
        return {(z, None if self.catalog.zones[z].midline else side)
                for z in zone_ids if z in self.catalog.zones}

    def place_numbers(self, key: tuple[str, str | None]) -> list[MarkerItem]:
        """A muscle's markers on a side, each number in its corner: chosen together, once."""
        markers = self.markers.get(key, [])
        if key not in self._numbered:
            self._numbered.add(key)
            for marker, corner in zip(markers, number_corners(markers), strict=True):
                marker.set_corner(corner)
        return markers

    def coached_trigger_point(self) -> TriggerPoint | None:
        """The selected muscle's TrP the technique coach is on, while the explorer shows it."""
        if self.trigger_point is None or self.selected is None or self.study is not None:
            return None
        muscle = self.catalog.muscles.get(self.selected[0])
        return next((t for t in muscle.trigger_points if t.id == self.trigger_point),
                    None) if muscle else None

    @contextmanager
    def for_paper(self) -> Iterator[None]:
        """The scene as a picture of it shows it, for as long as it is drawn: without what
        helps only a hand on the screen, the dashed outline pain mode draws round every zone
        to click (on a handout, in the key's blue of marked pain, it read as more pain marked)
        and the ring of the region under the pointer or the keys."""
        hovered, focused = self.hovered, self.focused
        self.hovered = self.focused = None
        self._on_paper = True
        self.refresh_regions()
        try:
            yield
        finally:
            self.hovered, self.focused = hovered, focused
            self._on_paper = False
            self.refresh_regions()

    def refresh_regions(self) -> None:
        referral, shown, pain = self.shown_state()
        unsettled = self.unsettled_shown()
        outlined = shown if self.study is not None else self.selected
        mastery = (self.study.mastery if self.study is not None else None) or {}
        in_pain_mode = self.mode == "pain"
        for key, item in self.zones.items():
            kind = referral.get(key)
            brush = (essential_brush() if kind == "essential" else
                     self._textured(spillover_brush()) if kind == "spillover" else
                     QBrush())
            pen = inner = None
            if in_pain_mode and not self._on_paper:
                pen = QPen(QColor(40, 70, 140, 110), 1.2, Qt.PenStyle.DashLine)
                pen.setCosmetic(True)
            if kind is not None and key in unsettled:
                pen = provisional_pen()
            if key in pain:  # under a referral: the red, hatched and ringed in blue
                pen = QPen(PAIN_BLUE, 2.2 if kind is None else 3.2)
                pen.setCosmetic(True)
                brush = self._textured(pain_brush() if kind is None else pain_over_brush(kind))
            if item is self.hovered:  # as a muscle is: blue would read as pain marked there
                pen = hover_pen()
                if kind is None and key not in pain:
                    brush = solid_brush(HOVER_FILL)
            if item is self.focused:
                pen, inner = focus_pens(self.focus_colour())
            item.style(brush, pen, inner)
            item.setVisible(True)
        for key, item in self.muscles.items():
            on_layer = item.region.layer == self.layer
            selected = _is_shown(key, outlined)
            # The selected muscle stays outlined on the other layer too (dashed: above or beneath
            # what is shown), so its X marks never seem to belong to the muscle drawn there.
            item.setVisible((on_layer or selected) and not in_pain_mode)
            brush = (mastery_brush(mastery[key[0]]) if key[0] in mastery
                     else QBrush())
            pen = inner = None
            if selected:  # outline only: a tint would turn the referral red orange beneath it
                pen = QPen(SELECTED_EDGE, 2.4,
                           Qt.PenStyle.SolidLine if on_layer else Qt.PenStyle.DashLine)
                pen.setCosmetic(True)
            if item is self.hovered:
                brush = solid_brush(HOVER_FILL)
                pen = hover_pen()
            if item is self.focused:
                pen, inner = focus_pens(self.focus_colour())
            item.style(brush, pen, inner)
        coached = self.coached_trigger_point()
        asked = self.study.trigger_point if self.study is not None else None
        for (muscle_id, side), markers in self.markers.items():
            visible = _is_shown((muscle_id, side), shown)
            if visible:
                self.place_numbers((muscle_id, side))
            for marker in markers:
                # A card about one TrP marks it alone: the others point at other patterns.
                marker.setVisible(visible and asked in (None, marker.region.trp))
                on_it = coached is not None and marker.region.trp == coached.id
                marker.set_ringed(visible and on_it)
                marker.setOpacity(DIMMED_MARKER if coached is not None and not on_it else 1.0)
