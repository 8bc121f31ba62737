"""Pictures for slides and handouts: the body with a muscle's referral, or marked pain.

The same BodyScene the window shows is rendered into an image, an SVG drawing or a PDF page, so
an export looks like the screen: framed to the part of the body that matters (`frame_rect`),
with the landmark labels sized for paper or a projector. docs/export.md gives the sizes.
"""

from __future__ import annotations

import argparse
import base64
import math
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bodymap.diagram import VIEW_NAMES, load_view
from bodymap.ui.body_scene import BOTH, BodyScene, LandmarkItem
from bodymap.ui.export_typeset import (
    SlideWords,
    draw_text,
    key_font,
    print_font,
    title_text,
    typeset,
)
from bodymap.ui.export_views import pain_left_out, picture_views, pictured_pain
from bodymap.ui.export_words import (
    key_rows,
    left_out_words,
    muscle_title,
    page_words,
    pain_title,
    slide_html,
)

# Re-exported: the window (main_window.py) imports its note after an export from here.
from bodymap.ui.export_words import left_out_note as left_out_note
from bodymap.ui.framing import BODY, REGION, frame_rect
from bodymap.ui.legend import Row, key_size, paint_key
from bodymap.ui.pain_finder import Refinement
from bodymap.ui.pain_views import faces, not_drawn, view_for_pain
from bodymap.ui.side_labels import paper_px, side_labels_in_frame

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from bodymap.model import Catalog
    from bodymap.model.schema import Muscle

PNG_WIDTH = 1600
TITLE_BAND = 0.09  # the title's band, as a fraction of the picture's width
KEY_SCALE = 1 / 600  # the key's scale per pixel of picture width: as on screen beside the body
# The landmark labels (T12, PSIS) and the view's caption grow with the page or the slide, not with
# the body: on a page 1/56 of its width (29 px on a 1600 px picture; on the A4 PDF 39 px at 300
# dpi, which Qt's PDF engine prints at about 10 pt), on a slide 1/50 of its height (22 px on
# 1080), which reads from the back of a room.
PAGE_LABEL = 1 / 56
SLIDE_LABEL = 1 / 50
# A slide: 16:9, the body on the left, the title, key and what the picture shows on the right.
PAGE, SLIDE = "page", "slide"
SLIDE_SIZE = QSize(1920, 1080)
SLIDE_PDF = QPageSize(QSizeF(254, 142.875), QPageSize.Unit.Millimeter, "Slide 16:9")
SLIDE_PICTURE = 0.46  # the most of a slide's width the picture takes, the words the rest
# Two views side by side take at least this share, and more, up to the most, while the words
# beside them still fit at their full size (their title then runs across the top of the slide).
SLIDE_PICTURES = 0.58
SLIDE_PICTURES_MOST = 0.72
SLIDE_WORDS_BESIDE_TWO = 0.85  # the words may shrink this far to give two views more width
PANEL_GAP = 0.03  # between two views side by side, as a fraction of the picture's width
# The least the markers and the stipple grow, per pixel of the paper's width: in a small body
# (two views side by side) they would otherwise keep their screen size, and on a 1600-pixel page
# the spillover's dots would blur into a pink haze.
LEAST_GROW = 1 / 1000
SLIDE_TEXT_PX = 1 / 40  # the slide's text size per pixel of its height
# A page is A4 less 12 mm margins: the PDF's, and the shape and paper size of a page's PNG or SVG
# (a picture taller than that shape would be printed narrower, its labels smaller). A slide's
# SVG is as large as the PDF's slide.
PAGE_MARGIN_MM = 12
PAGE_MM = QSizeF(210 - 2 * PAGE_MARGIN_MM, 297 - 2 * PAGE_MARGIN_MM)


def _bands(width: float, title: str, rows: tuple[Row, ...],
           text_scale: float = 1.0) -> tuple[float, float]:
    """Heights of the title band above the body and the key band below it."""
    title_band = width * TITLE_BAND * text_scale if title else 0.0
    key = key_size(rows, QFontMetricsF(key_font())).height() if rows else 0.0
    return title_band, (key + 16) * _key_scale(width, text_scale) if rows else 0.0


def _key_scale(width: float, text_scale: float) -> float:
    """How much a page's key is scaled from its KEY_FONT_PX drawing."""
    return width * KEY_SCALE * text_scale


def label_px(target: QSizeF | QSize, layout: str = PAGE, text_scale: float = 1.0) -> int:
    """The landmark labels' and the view caption's size in the picture's pixels (a PDF's are
    1/300 inch): a share of the page's width, or of the slide's height, times `text_scale`
    for a picture printed smaller than the page or slide (`picture`)."""
    share = target.height() * SLIDE_LABEL if layout == SLIDE else target.width() * PAGE_LABEL
    return max(8, round(share * text_scale))


def _draw(scenes: list[BodyScene], painter: QPainter, target: QRectF, title: str,
          layout: str = PAGE, frame: str = REGION, text_scale: float = 1.0,
          centred: bool = True, refinements: Sequence[Refinement] = (),
          words: bool = False, margins: bool = True) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(target, QColor("white"))
    if layout == SLIDE:
        _draw_slide(scenes, painter, target, title, frame, text_scale, refinements)
    else:
        below = _draw_page(scenes, painter, target, title, frame, text_scale, centred,
                           margins)
        found = (_page_words(scenes[0], painter.device(), target, below, text_scale, refinements)
                 if words else None)
        if found is not None:
            document, start = found
            draw_text(painter, document, start.x(), start.y())


def _page_words(scene: BodyScene, device: QPaintDevice, paper: QRectF, below: float,
                text_scale: float, refinements: Sequence[Refinement]
                ) -> tuple[QTextDocument, QPointF] | None:
    """The words a handout has room for under its key (`below`), and where they start: the
    longest of `page_words` that fits above the foot of the page (PAGE_MM's shape, `paper`'s
    width: a PNG's picture is cut off under its words, the page is not), a line's air above
    them and a letter's room either side (a PNG has no margin of paper); None when not even
    the shortest fits (a tall picture is the page).

    They are as large as the landmark labels (about 9.5 pt on the PDF) and never smaller: a
    handout is read in the hand, and a teacher would rather it name the trigger points or
    candidates it leaves out (`slide_html`), so a student can look them up, than print them all
    too small to read. Nor do they ever shrink the picture: it is laid out as before they
    came, and they take what room it leaves."""
    px = label_px(paper.size(), PAGE, text_scale)
    top = below + px
    room = paper.top() + math.floor(_page_height(paper.width())) - top  # a PNG's whole pixels
    for html in page_words(scene, refinements):
        document = typeset(device, html, paper.width() - 2 * px, px)
        if document.size().height() <= room:
            return document, QPointF(paper.left() + px, top)
    return None


def _page_height(width: float) -> float:
    """A page's height, `width` pixels wide: PAGE_MM's shape (the PDF's printable area, the
    tallest a PNG's page is)."""
    return width * PAGE_MM.height() / PAGE_MM.width()


def _draw_page(scenes: list[BodyScene], painter: QPainter, target: QRectF, title: str,
               frame: str, text_scale: float, centred: bool, margins: bool = True) -> float:
    """A handout's page: the title, the picture and the key, one under the other, each centred
    on the page's middle line, from the top down (what is left of a page is at its foot, or
    its words: `_page_words`). Not `centred`, a body with labels on one side is drawn beside
    them rather than in the middle (`_lay_out`): the larger for it, where the picture is not
    the page's but beside words. With `margins`, its labels stay a letter in from its sides,
    as its words are (a PNG has no paper beyond its edges, and a printer cuts into them); the
    self-care sheet's picture, set in the sheet's own margins, has none. Returns where it ends:
    the foot of the key's band."""
    rows = key_rows(*scenes)
    title_band, key_band = _bands(target.width(), title, rows, text_scale)
    px = label_px(target.size(), PAGE, text_scale)
    with _on_paper(scenes, px):
        # The page's room, not the picture's (a PNG's is cut off under what it draws): so the
        # views are as `picture_size` laid them out, with or without words under them.
        room = QSizeF(target.width(), _page_height(target.width()) - title_band - key_band)
        views = _lay_out(scenes, frame, room, centred=centred, margin=px if margins else 0)
        size = views.size
        origin = QPointF(target.center().x() - size.width() / 2, target.top() + title_band)
        _draw_views(views, painter, origin, target)
    scale = _key_scale(target.width(), text_scale)
    metrics = QFontMetricsF(key_font())
    key = key_size(rows, metrics) if rows else QSizeF()
    beside = _key_beside(views, key * scale, target.width(), px) if rows else None
    if title:
        size_px = max(10, int(title_band * 0.45))
        font = print_font(size_px)
        font.setBold(True)
        while size_px > 10 and QFontMetricsF(font).horizontalAdvance(title) > target.width() * 0.94:
            size_px -= 2  # narrow views (the side view) get a smaller title, never a clipped one
            font.setPixelSize(size_px)
        painter.setFont(font)
        painter.setPen(QColor(30, 30, 30))
        painter.drawText(QRectF(target.left(), target.top(), target.width(), title_band),
                         Qt.AlignmentFlag.AlignCenter, title)
    if rows:
        painter.save()
        painter.translate(origin + beside if beside is not None else
                          QPointF(target.center().x() - key.width() * scale / 2,
                                  origin.y() + size.height() + 8 * scale))
        painter.scale(scale, scale)
        painter.setFont(key_font())
        paint_key(painter, QRectF(QPointF(0, 0), key), rows, metrics, QColor(30, 30, 30))
        painter.restore()
    return origin.y() + size.height() + (0.0 if beside is not None else key_band)


def _key_beside(views: _Layout, key: QSizeF, width: float, px: int) -> QPointF | None:
    """Where a page's key goes, from the views' top left, when it fits on the paper a short
    second view leaves under it, beside the main view (iliopsoas's back view, beside the front
    from the ribs to the knees): a letter under that view, as wide as it is or, failing that,
    up to a letter in from the page's edge (`width` wide, the views centred on it); the band
    the key took under the picture is then the handout's words' (iliopsoas's TrP3). None where
    it does not fit there, or the picture has one view, or three, or its second under the
    first (`_lay_out`)."""
    if len(views.panels) != 2 or views.places[1].y() > 0:
        return None
    main, other = (panel.fit.size for panel in views.panels)
    left = views.places[1].x()
    right = min(width / 2 + views.size.width() / 2 - px, left + max(other.width(), key.width()))
    top = other.height() + px
    if key.width() > right - left or top + key.height() > main.height():
        return None
    return QPointF(left + max(0.0, (other.width() - key.width()) / 2), top)


def _draw_slide(scenes: list[BodyScene], painter: QPainter, target: QRectF, title: str,
                frame: str, text_scale: float, refinements: Sequence[Refinement]) -> None:
    margin = target.height() * 0.04
    inner = target.marginsRemoved(QMarginsF(margin, margin, margin, margin))
    text_px = max(8, round(target.height() * SLIDE_TEXT_PX * text_scale))
    device = painter.device()
    top = inner.top()
    heading = title_text(device, title, inner.width(), text_px)
    if heading is not None:
        # The title runs across the top, out of the words' way: two bodies side by side are
        # as wide as the slide lets them be, the words beside them need less width, and a
        # long title (marked pain in three places) is two lines, not four in the column.
        top += heading.size().height() + text_px * 0.6
    words = SlideWords(device, key_rows(*scenes), *slide_html(scenes[0], refinements), text_px)
    room = QRectF(inner.left(), top, inner.width(), inner.bottom() - top)
    with _on_paper(scenes, label_px(target.size(), SLIDE, text_scale)):
        views, origin, column = _slide_views(scenes, frame, words, room, margin, target.width())
        _draw_views(views, painter, origin, target)
    if heading is not None:  # after the views, which lay white paper round their bodies
        draw_text(painter, heading, inner.left(), inner.top())
    words.draw(painter, column)


def _slide_views(scenes: list[BodyScene], frame: str, words: SlideWords, room: QRectF,
                 margin: float, width: float) -> tuple[_Layout, QPointF, QRectF]:
    """A slide's views laid out in `room` (under its title, inside its margins), where they go
    and the column left for the key and the words: the views side by side at the left, as
    tall as the room between the title and the foot allows, or as wide as the words beside
    them leave (`_pictures_share`); or, where that makes the main one larger, the second over
    the words (`_over_words`) or the two one over the other (`_stacked`); three (the side
    view from both sides beside another) also each group over the next (`_in_one_column`)."""
    share = (SLIDE_PICTURE if len(scenes) == 1
             else _pictures_share(words, width, margin, room.height()))
    views = _lay_out(scenes, frame, QSizeF(width * share, room.height()), centred=False)
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
                margin: float) -> tuple[_Layout, QPointF, QRectF] | None:
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
    layout = _Layout([_Panel(main, main_frame, main_fit), _Panel(other, other_frame, other_fit)],
                     [QPointF(0, 0), QPointF(left, 0)], QSizeF(left + other_fit.size.width(),
                                         max(main_fit.size.height(), other_fit.size.height())))
    below = other_fit.size.height() + margin
    return (layout, room.topLeft(),
            QRectF(room.left() + left, room.top() + below, width, size.height() - below))


_Laid = TypeVar("_Laid")


def _largest(laid: Callable[[float], _Laid | None], most: float) -> _Laid | None:
    """Views as `laid` lays them out at the largest scale, up to `most`, it can (it can at
    every scale under that one), or None where it can at none."""
    low, high = 0.0, most
    for _ in range(12):  # to a 4000th of the largest scale: far below a pixel
        middle = (low + high) / 2
        low, high = (middle, high) if laid(middle) is not None else (low, middle)
    return laid(low) if low > 0 else None


def _stacked(scenes: list[BodyScene], frame: str, words: SlideWords, room: QRectF,
             margin: float, arrangement: _Arrangement) -> tuple[_Layout, QPointF, QRectF] | None:
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
    layout = _Layout([_Panel(scene, framed, fit) for scene, framed, fit in
                      zip(scenes, frames, fits, strict=True)], places, size)
    origin = QPointF(room.left(), room.top() + (room.height() - size.height()) / 2)
    left = room.left() + size.width() + 2 * margin
    return layout, origin, QRectF(left, room.top(), room.right() - left, room.height())


def _pictures_share(words: SlideWords, width: float, margin: float, height: float) -> float:
    """The share of a slide's width two views take: the most, up to `SLIDE_PICTURES_MOST`, that
    leaves the words beside them room at `SLIDE_WORDS_BESIDE_TWO` of their size, and at least
    `SLIDE_PICTURES`."""
    def fits(share: float) -> bool:  # the column's width as `_draw_slide` leaves it, at most
        return words.fit(width * (1 - share) - 4 * margin, height, SLIDE_WORDS_BESIDE_TWO)

    low, high = SLIDE_PICTURES, SLIDE_PICTURES_MOST
    if fits(high):
        return high
    for _ in range(6):  # to about a 500th of the slide's width
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low


# -- what the picture frames --------------------------------------------------------------------
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


@contextmanager
def _on_paper(scenes: list[BodyScene], px: int) -> Iterator[None]:
    """The scenes made ready to print, for as long as the block lasts: the landmark labels in a
    font of `px` pixels and left for the export to draw (it places them round the frame, and the
    caption above it), the art drawn from the SVG itself, not from the screen's cached pixmaps (so
    an SVG or PDF stays vector), and no background: the picture is on white paper."""
    font = print_font(px)
    kept = [(scene.label_font, scene.backgroundBrush(),
             [item.isVisible() for item in scene.landmarks]) for scene in scenes]
    for scene in scenes:
        scene.set_label_font(font)
        for item in scene.landmarks:
            item.setVisible(False)
        scene.setBackgroundBrush(QBrush())  # no fill
        for art in scene.art.values():
            art.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for scene, (screen_font, background, visible) in zip(scenes, kept, strict=True):
            for art in scene.art.values():
                art.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            scene.setBackgroundBrush(background)
            for item, shown in zip(scene.landmarks, visible, strict=True):
                item.setVisible(shown)
            scene.set_label_font(screen_font)


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


class _Panel(NamedTuple):
    """One view in a picture: the scene, the part of it framed, and how it is laid out."""

    scene: BodyScene
    frame: QRectF
    fit: _Fit


class _Layout(NamedTuple):
    """The views of a picture, side by side or one over the other, the picture's top left at
    (0, 0) and each view's at its `places` entry, taking `size` in all."""

    panels: list[_Panel]
    places: list[QPointF]
    size: QSizeF


def _lay_out(scenes: list[BodyScene], frame: str, room: QSizeF, centred: bool,
             margin: float = 0.0) -> _Layout:
    """Each view framed and laid out in `room`, side by side, `PANEL_GAP` apart, as large as
    the room allows at one scale: one body seen from two sides, not two sizes of it; its
    labels `margin` in from the room's sides (a page's: no label at its very edge, where a
    PNG has no paper round it and a printer cuts it off). The views' drawings differ in
    proportions (the front's is stouter), so the views beside the main one (for what it
    cannot show) are drawn with their bodies no taller than the main view's, nor wider, from
    the front or the back: the view with the muscle and its trigger points is never the
    smaller. The side view seen from both sides (`pictured_views`) may instead be one over the
    other, in one column, where that draws the views notably larger (two outer ankles, short
    and wide, beside the back's sacrum); so set, the picture is no taller than it is wide."""
    frames = [frame_rect(scene, frame) for scene in scenes]
    if len(scenes) == 1:
        fit = _fit(scenes[0], frames[0], room, centred, margin=margin)
        return _Layout([_Panel(scenes[0], frames[0], fit)], [QPointF(0, 0)], fit.size)
    gap = room.width() * PANEL_GAP
    ratios = _scale_ratios(scenes)

    def fits(zoom: float) -> list[_Fit]:
        return [_fit(scene, framed, room, False, zoom * ratio, margin)
                for scene, framed, ratio in zip(scenes, frames, ratios, strict=True)]

    best: tuple[float, list[_Fit], _Arrangement] | None = None
    for n, arrangement in enumerate(_side_by_side(scenes)):
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
    return _Layout([_Panel(scene, framed, fit) for scene, framed, fit in
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
    (`pictured_views` puts them next to each other): the two side views, a pair to set one
    over the other or side by side as a pair."""
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
    groups = _groups(scenes)
    return list(dict.fromkeys([
        _Down(tuple(range(len(scenes)))),
        _Down(tuple(group[0] if len(group) == 1 else _Across(group) for group in groups)),
        *_side_by_side(scenes)]))


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
    view's and, front beside back, no wider (`_lay_out`)."""
    ratio = _body_height(main) / _body_height(other)
    if "lateral" not in (main.view.name, other.view.name):  # from the side, width is depth
        ratio = min(ratio, _body_width(main) / _body_width(other))
    return ratio


def _draw_views(layout: _Layout, painter: QPainter, origin: QPointF, paper: QRectF) -> None:
    """The views as laid out, the first's top left at `origin` on `paper`: markers and stipple
    grow with the picture (on screen they keep one size at every zoom); each body is cut at its
    frame, its labels and caption drawn round it. Draw the rest of the page after it: the bodies
    are cut by clipping and by white paper laid round their frames, as QtSvg's renderer draws
    no clip paths."""
    tops = [origin + place for place in layout.places]
    bodies = [panel.fit.body.translated(top)
              for panel, top in zip(layout.panels, tops, strict=True)]
    # "Left" and "Right" alike in both views, at the smaller view's size: a second view drawn
    # smaller (the back beside the front) had them smaller than the main view's.
    sizes = [size for panel in layout.panels if (size := paper_px(panel.scene, panel.fit.zoom))]
    side_px = min(sizes) if len(sizes) > 1 else None
    for panel, body in zip(layout.panels, bodies, strict=True):
        _render_body(panel, painter, body, least=paper.width() * LEAST_GROW, side_px=side_px)
    paper_path = QPainterPath()
    paper_path.addRect(paper)
    for body in bodies:
        framed = QPainterPath()
        framed.addRect(body)
        paper_path = paper_path.subtracted(framed)
    painter.fillPath(paper_path, QColor("white"))
    for panel, body, top in zip(layout.panels, bodies, tops, strict=True):
        _draw_labels(panel, painter, body, top.y())


def _render_body(panel: _Panel, painter: QPainter, body: QRectF, least: float,
                 side_px: float | None = None) -> None:
    scene, fit = panel.scene, panel.fit
    grow = max(least, fit.zoom * 0.9)  # the markers' and the stipple's scale, as the body's
    screen_markers, screen_texel = scene.marker_scale, scene.texel
    scene.set_marker_scale(grow)
    scene.set_texel(grow / fit.zoom)
    try:
        # "Left" and "Right" inside the frame, where it leaves out the drawing's place for them.
        with side_labels_in_frame(scene, panel.frame, fit.zoom, marker_scale=grow / fit.zoom,
                                  most_px=side_px):
            painter.save()
            painter.setClipRect(body, Qt.ClipOperation.IntersectClip)
            scene.render(painter, body, panel.frame, Qt.AspectRatioMode.IgnoreAspectRatio)
            painter.restore()
    finally:
        scene.set_texel(screen_texel)
        scene.set_marker_scale(screen_markers)


def _draw_labels(panel: _Panel, painter: QPainter, body: QRectF, top: float) -> None:
    """The landmark labels beside the body at their levels, and the view's caption above."""
    frame, fit = panel.frame, panel.fit
    places = [(item, QPointF(body.left() + (item.x() - frame.left()) * fit.zoom,
                             body.top() + (item.y() - frame.top()) * fit.zoom))
              for item in fit.labels]
    if fit.caption is not None:
        places.append((fit.caption, QPointF(
            body.left() + (fit.caption.x() - frame.left()) * fit.zoom,
            top + fit.caption.reach().top())))
    option = QStyleOptionGraphicsItem()
    for item, place in places:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(place)
        item.paint(painter, option)
        painter.restore()


def picture_size(scenes: list[BodyScene], title: str, layout: str = PAGE,
                 frame: str = REGION, text_scale: float = 1.0, centred: bool = True,
                 refinements: Sequence[Refinement] = (), words: bool = False,
                 margins: bool = True) -> QSize:
    """A picture's size in pixels: a slide's; a page's is PNG_WIDTH wide and as tall as its
    title, the framed views and its key need (its labels a letter in from its sides with
    `margins`: `_draw_page`), and with `words`, the words it has room for under them
    (`_page_words`), at most the shape of the PDF's page."""
    if layout == SLIDE:
        return SLIDE_SIZE
    title_band, key_band = _bands(PNG_WIDTH, title, key_rows(*scenes), text_scale)
    page = QSizeF(PNG_WIDTH, _page_height(PNG_WIDTH))
    px = label_px(page, PAGE, text_scale)
    with _on_paper(scenes, px):
        room = QSizeF(page.width(), page.height() - title_band - key_band)
        views = _lay_out(scenes, frame, room, centred=centred, margin=px if margins else 0)
    rows = key_rows(*scenes)
    key = key_size(rows, QFontMetricsF(key_font())) * _key_scale(PNG_WIDTH, text_scale)
    beside = rows and _key_beside(views, key, PNG_WIDTH, px) is not None
    bottom = title_band + views.size.height() + (0.0 if beside else key_band)
    found = (_page_words(scenes[0], QImage(1, 1, QImage.Format.Format_ARGB32),
                         QRectF(QPointF(0, 0), page), bottom, text_scale, refinements)
             if words else None)
    if found is not None:  # laid out on an image's pixels, as the PNG's (an SVG's within a
        # pixel: the last paragraph's margin is air under it)
        document, start = found
        bottom = start.y() + document.size().height()
    return QSize(PNG_WIDTH, min(math.floor(page.height()), math.ceil(bottom)))


def text_scale_for(printed_mm: float) -> float:
    """The `text_scale` of a page's picture printed `printed_mm` wide: its words print as large
    as on the PDF's page (PAGE_MM wide)."""
    return PAGE_MM.width() / printed_mm


def picture(scene: BodyScene, title: str = "", layout: str = PAGE,
            frame: str = BODY, text_scale: float = 1.0, centred: bool = True,
            refinements: Sequence[Refinement] = (), words: bool = False,
            margins: bool = True) -> QImage:
    """The picture as an image: what a PNG export holds (it passes its frame; the default here
    is the standing body). With the scene, the view that draws the rest of its referral or
    trigger points, if any (`picture_views`). Its words (title, labels, key) are sized for the
    picture printed as wide as the page or shown as large as the slide; one printed smaller
    passes `text_scale`, how many times smaller (`text_scale_for`), so they print as large; one
    set beside words, `centred=False` (`_draw_page`). A slide of marked pain lists the
    candidates as the pain finder does with `refinements`, its chips ticked. A page has the
    slide's words under its key with `words` (a handout: `_page_words`); without, it is the
    picture alone (Copy image, the self-care sheet's). Its labels keep a letter's room to its
    sides, as a handout's, unless `margins` is False (the self-care sheet's picture, set in the
    sheet's own margins)."""
    scenes = picture_views(scene)
    size = picture_size(scenes, title, layout, frame, text_scale, centred, refinements, words,
                        margins)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _draw(scenes, painter, QRectF(0, 0, size.width(), size.height()), title, layout, frame,
          text_scale, centred, refinements, words, margins)
    painter.end()
    return image


def svg_size_mm(size: QSize, layout: str = PAGE) -> QSizeF:
    """An SVG's size on paper: the PDF's slide; or a page's picture as large as it is on the
    PDF's page (it fits A4 with 12 mm margins), its shape kept."""
    box = SLIDE_PDF.size(QPageSize.Unit.Millimeter) if layout == SLIDE else PAGE_MM
    scale = min(box.width() / size.width(), box.height() / size.height())
    return QSizeF(size.width() * scale, size.height() * scale)


_SVG_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')
_PATTERN_IMAGE = re.compile(r'(<pattern\b[^>]*>)\s*<image\b([^>]*)/>')


def _vector_tile(match: re.Match[str]) -> str:
    """A pattern's tile (the spillover stipple, the pain hatch) as one small square per dot:
    QtSvg's own renderer draws a pattern of a PNG at some scales only (at half size, not at all),
    and viewers smooth a PNG tile's dots into a pink haze; squares stay dots everywhere."""
    attributes = dict(re.findall(r'([\w:-]+)="([^"]*)"', match[2]))
    href = attributes.get("xlink:href", attributes.get("href", ""))
    prefix = "data:image/png;base64,"
    tile = QImage.fromData(base64.b64decode(href.removeprefix(prefix)), "PNG")
    if not href.startswith(prefix) or tile.isNull():
        return match[0]
    x, y = float(attributes.get("x", 0)), float(attributes.get("y", 0))
    sx = float(attributes.get("width", tile.width())) / tile.width()
    sy = float(attributes.get("height", tile.height())) / tile.height()
    dots = []
    for row in range(tile.height()):
        for column in range(tile.width()):
            colour = tile.pixelColor(column, row)
            if colour.alpha():
                dots.append(f'<rect x="{x + column * sx:g}" y="{y + row * sy:g}" '
                            f'width="{sx:g}" height="{sy:g}" fill="{colour.name()}" '
                            f'fill-opacity="{colour.alphaF():.3g}"/>')
    return match[1] + "".join(dots)


def paper_svg(svg: bytes, size_mm: QSizeF) -> bytes:
    """QSvgGenerator's SVG made fit to hand out: its size on paper `size_mm` (Qt writes its
    pixels as 1/72 inch, a 1600 px picture 56 cm wide), and no claim to be SVG Tiny 1.2, which
    has no <pattern> (strict viewers then fill the spillover black): plain SVG, as browsers,
    Inkscape, Word and QtSvg read it, with the pattern tiles drawn as vector squares."""
    text = svg.decode("utf-8")
    text = _SVG_SIZE.sub(f'<svg width="{size_mm.width():.1f}mm" '
                         f'height="{size_mm.height():.1f}mm"', text, count=1)
    text = text.replace(' version="1.2" baseProfile="tiny"', "", 1)
    return _PATTERN_IMAGE.sub(_vector_tile, text).encode("utf-8")


PICTURE_TYPES = (".png", ".svg", ".pdf")


def unknown_picture_type(path: Path) -> str | None:
    """Why a picture cannot be written to `path`, or None: its suffix picks the format."""
    if path.suffix.lower() in PICTURE_TYPES:
        return None
    if not path.suffix:
        return f"'{path.name}' has no picture type: end it in .png, .svg or .pdf"
    return f"unknown picture type '{path.suffix}': use .png, .svg or .pdf"


def export_scene(scene: BodyScene, path: Path, title: str = "", layout: str = PAGE,
                 frame: str = REGION, refinements: Sequence[Refinement] = ()) -> None:
    """Write the scene to path; the suffix (.png, .svg, .pdf) picks the format, `layout` a
    portrait page (a handout: its words under the picture where it has room, `_page_words`) or
    a 16:9 slide, `frame` the region that matters (REGION, `frame_rect`) or the whole body
    (BODY); `refinements`, the pain finder's chips ticked (`picture`)."""
    if unknown := unknown_picture_type(path):
        raise ValueError(unknown)
    suffix = path.suffix.lower()
    scenes = picture_views(scene)
    if suffix == ".png":
        if not picture(scene, title, layout, frame, refinements=refinements,
                       words=True).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
    elif suffix == ".svg":
        size = picture_size(scenes, title, layout, frame, refinements=refinements, words=True)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title or "bodymap")
        painter = QPainter(generator)
        _draw(scenes, painter, QRectF(0, 0, size.width(), size.height()), title, layout, frame,
              refinements=refinements, words=True)
        painter.end()
        path.write_bytes(paper_svg(buffer.data().data(), svg_size_mm(size, layout)))
    elif suffix == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setTitle(title or "bodymap")
        if layout == SLIDE:
            page = QPageLayout(SLIDE_PDF, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        else:
            page = QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                               QPageLayout.Orientation.Portrait,
                               QMarginsF(*[PAGE_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)
        writer.setPageLayout(page)
        writer.setResolution(300)
        painter = QPainter(writer)
        _draw(scenes, painter, QRectF(painter.viewport()), title, layout, frame,
              refinements=refinements, words=True)
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")


def muscle_scene(catalog: Catalog, muscle: Muscle | None, view_name: str | None = None,
                 side: str = BOTH, pain: Iterable[tuple[str, str | None]] = ()) -> BodyScene:
    """A scene for a picture: a muscle's trigger points and referral on the given view (its
    own first view by default), on its layer, and any marked pain."""
    view_name = view_name or (muscle.views[0] if muscle else "posterior")
    scene = BodyScene(load_view(view_name, side), catalog)  # the side view from `side`
    layer = (scene.layer_of(muscle.id) if muscle else None) or "superficial"
    scene.set_state(layer=layer, mode="muscle", selected=(muscle.id, side) if muscle else None,
                    pain=set(pain))
    return scene


def export_command(args: argparse.Namespace) -> int:
    """`bodymap export`: headless, so it works over SSH and in scripts. Exits as `bodymap
    --help` says: 2 for what was typed wrong (checked before anything is drawn), 1 when the
    picture could not be written."""
    if unknown := unknown_picture_type(args.output):
        print(f"bodymap export: {unknown}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bodymap.cli import list_command
    from bodymap.model import load_catalog
    from bodymap.model.called import muscles_meant, muscles_named
    from bodymap.model.places import zone_called, zones_meant
    from bodymap.model.spelling import did_you_mean

    catalog = load_catalog(args.data)
    for problem in catalog.problems:
        print(problem, file=sys.stderr)

    def listed_by(kind: str, listed: str) -> str:
        """The command that lists what may be typed, with the packs given (`listed`: how many
        there are, as validate counts them)."""
        return f"the {listed} are listed by: {list_command(f'{kind}s', args.data)}"

    def unknown(kind: str, typed: str, meant: Sequence[str], listed: str) -> str:
        """What to type instead (`meant`, best first), else the command that lists it."""
        hint = did_you_mean(meant) if meant else listed_by(kind, listed)
        return f"bodymap export: unknown {kind} '{typed}'; {hint}"

    # A muscle is named by its id, its name or a nickname ("QL"), as `muscles_named` reads it.
    typed = args.export_muscle
    named = muscles_named(catalog.muscles, typed) if typed else []
    muscle = catalog.muscles[named[0]] if len(named) == 1 else None
    if typed and muscle is None:
        count = len(catalog.muscles)
        listed = f"{count} muscle{'s' * (count != 1)}"
        print(f"bodymap export: muscle '{typed}' could be any of {len(named)}; "
              f"{did_you_mean(named)} ({listed_by('muscle', listed)})" if named else
              unknown("muscle", typed, muscles_meant(catalog.muscles, typed), listed),
              file=sys.stderr)
        return 2
    # A zone is named by its id or by the label the window shows ("Outer thigh").
    called = [(z.strip(), zone_called(catalog.zones, z.strip()))
              for z in args.zones.split(",") if z.strip()]
    zones = [zone for _typed, zone in called if zone is not None]
    missing = [typed for typed, zone in called if zone is None]
    for zone in missing:
        print(unknown("zone", zone, zones_meant(catalog.zones, zone), catalog.zone_summary()),
              file=sys.stderr)
    if missing:
        return 2
    zones = catalog.expand_zones(zones)  # a zone group (lumbar_paraspinal) marks its parts
    if muscle is None and not zones:
        print("bodymap export: give --muscle NAME and/or --zones A,B", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])  # noqa: F841 - scenes need an app
    sides = ("L", "R") if args.side == BOTH else (args.side,)
    pain = {(z, None if catalog.zones[z].midline else s) for z in zones for s in sides}
    if muscle is None and not_drawn(pain, faces()) == pain:  # no picture of nothing marked
        print(f"bodymap export: nothing to draw: {left_out_words(catalog, list(pain), None)}",
              file=sys.stderr)
        return 2
    # Marked pain alone: the view that draws most of it (and beside it, the rest).
    view_name = args.export_view or (muscle.views[0] if muscle else view_for_pain(pain).name)
    scene = muscle_scene(catalog, muscle, view_name, args.side, pain)
    if muscle and scene.layer_of(muscle.id) is None:
        here = {zone for zone, _side in scene.zones}
        essential, spillover = muscle.referral_zones()
        if not (essential | spillover) & here and not pain:
            print(f"bodymap export: the {VIEW_NAMES[view_name]} view shows neither "
                  f"{muscle.id} nor its referral; try --view {muscle.views[0]}", file=sys.stderr)
            return 2
    for marks, view in pain_left_out(scene):  # the views cannot show them all: say so
        advice = f"; try --view {view.name}" if view else ""
        # The side view is seen from --side; with both, from both where marks need it.
        if view is not None and view.facing == "R" and args.side != BOTH:
            advice += " --side R"
        print(f"bodymap export: the picture leaves out {left_out_words(catalog, marks, view)}"
              f"{advice}", file=sys.stderr)
    title = muscle_title(scene, muscle) if muscle else pain_title(catalog, pictured_pain(scene))
    try:
        export_scene(scene, args.output, title=title, layout=args.layout, frame=args.frame)
    except OSError as error:
        print(f"bodymap export: {error}", file=sys.stderr)
        return 1
    # A muscle typed other than by its id (a nickname, a letter wrong) is said by name, so a
    # respelling taken is seen at once.
    taken = f" ({muscle.name})" if muscle and typed != muscle.id else ""
    print(f"wrote {args.output}{taken}")
    return 0
