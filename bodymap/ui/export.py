"""Pictures for slides and handouts: the body with a muscle's referral, or marked pain, drawn on
a page or a slide and written to a PNG, SVG or PDF file; and the `bodymap export` command.

The same BodyScene the window shows is rendered into an image, an SVG drawing or a PDF page, so
an export looks like the screen: framed to the part of the body that matters
(`framing.frame_rect`), with the landmark labels sized for paper or a projector. docs/export.md
gives the sizes. Which views a picture shows is `export_views`' to say, where they go on the
paper `export_layout`'s, what the picture says `export_words`' and how its words are set
`export_typeset`'s; this module draws them together and writes the file.
"""

from __future__ import annotations

import argparse
import base64
import math
import os
import re
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
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
from bodymap.model import prose
from bodymap.ui.body_scene import BOTH, BodyScene
from bodymap.ui.export_layout import Layout, Panel, key_beside, lay_out, slide_views
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
    handout_pages,
    key_rows,
    left_out_words,
    muscle_title,
    page_words,
    pain_title,
    slide_html,
)
from bodymap.ui.framing import BODY, REGION
from bodymap.ui.legend import Row, key_size, paint_key
from bodymap.ui.pain_finder import Refinement
from bodymap.ui.pain_views import faces, not_drawn, view_for_pain
from bodymap.ui.rich_text import MUTED
from bodymap.ui.side_labels import paper_px, side_labels_in_frame

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from bodymap.model import Catalog
    from bodymap.model.schema import Muscle, TriggerPoint

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
# The least a handout's picture shrinks to, as a share of the scale it has on the page alone, to
# make room for its words in full (`_foot_room`): a few lines more cost the body a little of its
# size, not a trigger point its description.
PICTURE_LEAST = 0.75
# The running head of a handout's next pages (`_next_pages`), as a share of its words' size.
RUNNING_HEAD = 0.8


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
          words: bool = False, margins: bool = True, foot: bool | None = None,
          said: Sequence[str] | None = None) -> int | None:
    """Draw the picture on `target`: a slide, or a page with `words` under it, the longest
    that fits of `said` (by default `page_words`; the PDF's first page's, `_handout_pdf`).
    Returns which of them it drew, if any."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(target, QColor("white"))
    if layout == SLIDE:
        _draw_slide(scenes, painter, target, title, frame, text_scale, refinements)
        return None
    room = (_foot_room(scenes, painter.device(), target.width(), title, frame, text_scale,
                       centred, margins, refinements)
            if (words if foot is None else foot) else 0.0)
    below = _draw_page(scenes, painter, target, title, frame, text_scale, centred, margins, room)
    found = (_page_words(painter.device(), target, below, text_scale,
                         page_words(scenes[0], refinements) if said is None else said)
             if words else None)
    if found is None:
        return None
    n, document, start = found
    draw_text(painter, document, start.x(), start.y())
    return n


def _page_words(device: QPaintDevice, paper: QRectF, below: float, text_scale: float,
                said: Sequence[str]) -> tuple[int, QTextDocument, QPointF] | None:
    """The words a handout has room for under its key (`below`): the longest of what it may
    say (`said`, longest first: `page_words`, or the PDF's first page's `handout_pages`) that
    fits above the foot of the page (PAGE_MM's shape, `paper`'s width: a PNG's picture is cut
    off under its words, the page is not), a line's air above them and a letter's room either
    side (a PNG has no margin of paper); which of `said` they are, and where they start. None
    when not even the shortest fits (a tall picture is the page).

    They are as large as the landmark labels (about 9.5 pt on the PDF) and never smaller: a
    handout is read in the hand, and a teacher would rather it say in brief the trigger points
    it has no room for in full (`slide_html`), or name the candidates it leaves out, than print
    them all too small to read. They never move the picture: it is laid out before they come,
    with the room at its foot `_foot_room` keeps for them, and they take what room it leaves."""
    px = label_px(paper.size(), PAGE, text_scale)
    top = below + px
    room = paper.top() + math.floor(_page_height(paper.width())) - top  # a PNG's whole pixels
    for n, html in enumerate(said):
        document = typeset(device, html, paper.width() - 2 * px, px)
        if document.size().height() <= room:
            return n, document, QPointF(paper.left() + px, top)
    return None


def _foot_room(scenes: list[BodyScene], device: QPaintDevice, width: float, title: str,
               frame: str, text_scale: float, centred: bool, margins: bool,
               refinements: Sequence[Refinement]) -> float:
    """The room a handout keeps under its picture and key for its words, with a line's air
    above them: for the longest of `page_words` (all its trigger points described in full, or
    the first so many, the rest in brief) that leaves each of the picture's views at least
    PICTURE_LEAST of the scale it has on the page alone, so a page a few lines short has them
    all (medial hamstrings' TrP2, gluteus maximus's TrP2 and TrP3); else for the least of them
    (the first trigger point or candidate in full, the others in brief or named, the sources
    and "Teaching material, not medical advice"), which a picture as tall as the page (a
    whole body, or a leg's referral to the ankle) gives way to rather than go out without
    them. The views are laid out as `_draw_page` lays them out, on a page `width` wide."""
    said = page_words(scenes[0], refinements)
    if not said:
        return 0.0
    height = _page_height(width)
    px = label_px(QSizeF(width, height), PAGE, text_scale)

    def kept(html: str) -> float:
        # A pixel more: `_page_words` measures to the page's last whole pixel.
        return px + math.ceil(typeset(device, html, width - 2 * px, px).size().height()) + 1

    if len(said) > 1:
        title_band, key_band = _bands(width, title, key_rows(*scenes), text_scale)
        with _on_paper(scenes, px):
            def zooms(foot: float) -> list[float]:
                room = QSizeF(width, height - title_band - key_band - foot)
                views = lay_out(scenes, frame, room, centred=centred, margin=px if margins else 0)
                return [panel.fit.zoom for panel in views.panels]

            alone = zooms(0.0)
            for html in said[:-1]:
                room = kept(html)
                if all(zoom >= PICTURE_LEAST * most
                       for zoom, most in zip(zooms(room), alone, strict=True)):
                    return room
    return kept(said[-1])


def _page_height(width: float) -> float:
    """A page's height, `width` pixels wide: PAGE_MM's shape (the PDF's printable area, the
    tallest a PNG's page is)."""
    return width * PAGE_MM.height() / PAGE_MM.width()


def _draw_page(scenes: list[BodyScene], painter: QPainter, target: QRectF, title: str,
               frame: str, text_scale: float, centred: bool, margins: bool = True,
               foot: float = 0.0) -> float:
    """A handout's page: the title, the picture and the key, one under the other, each centred
    on the page's middle line, from the top down (what is left of a page is at its foot, or
    its words: `_page_words`). Not `centred`, a body with labels on one side is drawn beside
    them rather than in the middle (`lay_out`): the larger for it, where the picture is not
    the page's but beside words. With `margins`, its labels stay a letter in from its sides,
    as its words are (a PNG has no paper beyond its edges, and a printer cuts into them); the
    self-care sheet's picture, set in the sheet's own margins, has none. `foot` is the room
    kept at the foot of the page for words (`_foot_room`). Returns where it ends: the foot of
    the key's band."""
    rows = key_rows(*scenes)
    title_band, key_band = _bands(target.width(), title, rows, text_scale)
    px = label_px(target.size(), PAGE, text_scale)
    with _on_paper(scenes, px):
        # The page's room, not the picture's (a PNG's is cut off under what it draws): so the
        # views are as `picture_size` laid them out, with or without words under them.
        room = QSizeF(target.width(),
                      _page_height(target.width()) - title_band - key_band - foot)
        views = lay_out(scenes, frame, room, centred=centred, margin=px if margins else 0)
        size = views.size
        origin = QPointF(target.center().x() - size.width() / 2, target.top() + title_band)
        _draw_views(views, painter, origin, target)
    scale = _key_scale(target.width(), text_scale)
    metrics = QFontMetricsF(key_font())
    key = key_size(rows, metrics) if rows else QSizeF()
    beside = key_beside(views, key * scale, target.width(), px) if rows else None
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
        views, origin, column = slide_views(scenes, frame, words, room, margin, target.width())
        _draw_views(views, painter, origin, target)
    if heading is not None:  # after the views, which lay white paper round their bodies
        draw_text(painter, heading, inner.left(), inner.top())
    words.draw(painter, column)


@contextmanager
def _on_paper(scenes: list[BodyScene], px: int) -> Iterator[None]:
    """The scenes made ready to print, for as long as the block lasts: the landmark labels in a
    font of `px` pixels and left for the export to draw (it places them round the frame, and the
    caption above it), the art drawn from the SVG itself, not from the screen's cached pixmaps (so
    an SVG or PDF stays vector), no background: the picture is on white paper, and none of what
    helps only a hand on the screen (`BodyScene.for_paper`)."""
    font = print_font(px)
    kept = [(scene.label_font, scene.backgroundBrush(),
             [item.isVisible() for item in scene.landmarks]) for scene in scenes]
    unpointed = ExitStack()
    for scene in scenes:
        unpointed.enter_context(scene.for_paper())
        scene.set_label_font(font)
        for item in scene.landmarks:
            item.setVisible(False)
        scene.setBackgroundBrush(QBrush())  # no fill
        for art in scene.art.values():
            art.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        with unpointed:
            yield
    finally:
        for scene, (screen_font, background, visible) in zip(scenes, kept, strict=True):
            for art in scene.art.values():
                art.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            scene.setBackgroundBrush(background)
            for item, shown in zip(scene.landmarks, visible, strict=True):
                item.setVisible(shown)
            scene.set_label_font(screen_font)


def _draw_views(layout: Layout, painter: QPainter, origin: QPointF, paper: QRectF) -> None:
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


def _render_body(panel: Panel, painter: QPainter, body: QRectF, least: float,
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


def _draw_labels(panel: Panel, painter: QPainter, body: QRectF, top: float) -> None:
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
                 margins: bool = True, foot: bool | None = None) -> QSize:
    """A picture's size in pixels: a slide's; a page's is PNG_WIDTH wide and as tall as its
    title, the framed views and its key need (its labels a letter in from its sides with
    `margins`: `_draw_page`), and with `words`, the words it has room for under them
    (`_page_words`), at most the shape of the PDF's page. `foot`: whether the views leave
    room at the page's foot for those words (`_foot_room`); by default, with `words`."""
    if layout == SLIDE:
        return SLIDE_SIZE
    title_band, key_band = _bands(PNG_WIDTH, title, key_rows(*scenes), text_scale)
    page = QSizeF(PNG_WIDTH, _page_height(PNG_WIDTH))
    px = label_px(page, PAGE, text_scale)
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    kept = (_foot_room(scenes, image, page.width(), title, frame, text_scale, centred, margins,
                       refinements)
            if (words if foot is None else foot) else 0.0)
    with _on_paper(scenes, px):
        room = QSizeF(page.width(), page.height() - title_band - key_band - kept)
        views = lay_out(scenes, frame, room, centred=centred, margin=px if margins else 0)
    rows = key_rows(*scenes)
    # Nothing shown, nothing to key (a window just opened, or pain mode with none marked).
    key = (key_size(rows, QFontMetricsF(key_font())) * _key_scale(PNG_WIDTH, text_scale)
           if rows else QSizeF())
    beside = rows and key_beside(views, key, PNG_WIDTH, px) is not None
    bottom = title_band + views.size.height() + (0.0 if beside else key_band)
    found = (_page_words(image, QRectF(QPointF(0, 0), page), bottom, text_scale,
                         page_words(scenes[0], refinements)) if words else None)
    if found is not None:  # laid out on an image's pixels, as the PNG's (an SVG's within a
        # pixel: the last paragraph's margin is air under it)
        _said, document, start = found
        bottom = start.y() + document.size().height()
    return QSize(PNG_WIDTH, min(math.floor(page.height()), math.ceil(bottom)))


def text_scale_for(printed_mm: float) -> float:
    """The `text_scale` of a page's picture printed `printed_mm` wide: its words print as large
    as on the PDF's page (PAGE_MM wide)."""
    return PAGE_MM.width() / printed_mm


def picture(scene: BodyScene, title: str = "", layout: str = PAGE,
            frame: str = BODY, text_scale: float = 1.0, centred: bool = True,
            refinements: Sequence[Refinement] = (), words: bool = False,
            margins: bool = True, foot: bool | None = None) -> QImage:
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
    sheet's own margins). With `foot`, it is the handout's picture, laid out leaving room for
    words it does not draw (Copy image: `picture_size`)."""
    scenes = picture_views(scene)
    size = picture_size(scenes, title, layout, frame, text_scale, centred, refinements, words,
                        margins, foot)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _draw(scenes, painter, QRectF(0, 0, size.width(), size.height()), title, layout, frame,
          text_scale, centred, refinements, words, margins, foot)
    painter.end()
    return image


def _handout_pdf(scenes: list[BodyScene], writer: QPdfWriter, painter: QPainter, title: str,
                 frame: str, refinements: Sequence[Refinement]) -> None:
    """A handout as a PDF: its first page the PNG's (the same picture, laid out with the same
    room for words: `_foot_room`), but where the PNG says a trigger point in brief, the first
    page names it and the next pages describe it in full, then the sources and the disclaimer
    (`handout_pages`)."""
    paper = QRectF(painter.viewport())
    pages = handout_pages(scenes[0], refinements)
    said = _draw(scenes, painter, paper, title, PAGE, frame, refinements=refinements,
                 words=True, said=[first for first, _following in pages])
    # With no room at all under the picture, all it says goes on the next page.
    following = pages[said][1] if said is not None else [first for first, _ in pages[:1]]
    _next_pages(writer, painter, paper, following, title)


def _next_pages(writer: QPdfWriter, painter: QPainter, paper: QRectF, blocks: Sequence[str],
                title: str) -> None:
    """A handout's words that follow its first page (`handout_pages`) on as many pages as they
    need, as large as on the first, a paragraph never split; each page under a running head,
    "<title> (continued)" and "page 2 of 2", so a loose sheet says whose it is."""
    if not blocks:
        return
    device = painter.device()
    px = label_px(paper.size())
    width = paper.width() - 2 * px
    head = print_font(round(px * RUNNING_HEAD))
    top = paper.top() + QFontMetricsF(head, device).lineSpacing() + 2 * px
    documents = [typeset(device, html, width, px) for html in blocks]
    gap = px * 0.6  # a paragraph's air under it (`typeset`), which its own document leaves out
    pages: list[list[QTextDocument]] = [[]]
    used = 0.0
    for document in documents:
        height = document.size().height() + gap
        if pages[-1] and top + used + height > paper.bottom():
            pages.append([])
            used = 0.0
        pages[-1].append(document)
        used += height
    count = len(pages) + 1
    for number, page in enumerate(pages, start=2):
        writer.newPage()
        painter.fillRect(paper, QColor("white"))
        painter.setFont(head)
        painter.setPen(QColor(MUTED))
        line = QRectF(paper.left() + px, paper.top(), width, top - paper.top() - px)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         f"{title} (continued)")
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         f"page {number} of {count}")
        at = top
        for document in page:
            at = draw_text(painter, document, paper.left() + px, at) + gap


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
    portrait page (a handout: its words under the picture where it has room, `_page_words`;
    a PDF's go on to next pages, `_handout_pdf`) or
    a 16:9 slide, `frame` the region that matters (REGION, `frame_rect`) or the whole body
    (BODY); `refinements`, the pain finder's chips ticked (`picture`)."""
    if unknown := unknown_picture_type(path):
        raise ValueError(unknown)
    suffix = path.suffix.lower()
    scenes = picture_views(scene)
    # Each format is made in memory and written in one go: a file that cannot be written says
    # why ("No such file or directory"), where Qt's writers only fail.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if suffix == ".png":
        picture(scene, title, layout, frame, refinements=refinements,
                words=True).save(buffer, "PNG")
        data = buffer.data().data()
    elif suffix == ".svg":
        size = picture_size(scenes, title, layout, frame, refinements=refinements, words=True)
        generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title or "bodymap")
        painter = QPainter(generator)
        _draw(scenes, painter, QRectF(0, 0, size.width(), size.height()), title, layout, frame,
              refinements=refinements, words=True)
        painter.end()
        data = paper_svg(buffer.data().data(), svg_size_mm(size, layout))
    else:
        writer = QPdfWriter(buffer)
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
        if layout == SLIDE:
            _draw(scenes, painter, QRectF(painter.viewport()), title, layout, frame,
                  refinements=refinements, words=True)
        else:
            _handout_pdf(scenes, writer, painter, title, frame, refinements)
        painter.end()
        data = buffer.data().data()
    if not data:
        raise OSError(f"could not make the picture for {path}")
    try:
        path.write_bytes(data)
    except OSError as error:
        raise OSError(f"could not write {path}: {error.strerror or error}") from error


def trigger_point_called(muscle: Muscle, typed: str) -> TriggerPoint | None:
    """The muscle's trigger point typed by its id or its number, in any case: "trp2", "TrP2",
    "2"."""
    wanted = typed.strip().lower().replace(" ", "")
    return next((t for t in muscle.trigger_points
                 if wanted in (t.id.lower(), t.id.lower().removeprefix("trp"))), None)


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
    import shlex

    from PySide6.QtWidgets import QApplication

    from bodymap.cli import list_command
    from bodymap.model import load_catalog
    from bodymap.model.called import muscles_meant, muscles_named, unloaded_called
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
    # A muscle a teacher just added, whose file has a mistake: where it is, and what is wrong.
    if typed and (lost := unloaded_called(catalog.muscles, catalog.unloaded, typed)):
        print(f"bodymap export: {lost.said(typed)}; fix it and check it with: bodymap "
              f"validate {shlex.quote(lost.file)}", file=sys.stderr)
        return 2
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
    trp = None
    if args.export_trp:
        if muscle is None:
            print("bodymap export: --trp needs --muscle: whose trigger point?", file=sys.stderr)
            return 2
        trp = trigger_point_called(muscle, args.export_trp)
        if trp is None:
            points = prose.listed((f"{t.id} ({t.label})" for t in muscle.trigger_points), "or")
            print(f"bodymap export: {muscle.name} has no trigger point '{args.export_trp}'; "
                  f"give {points}", file=sys.stderr)
            return 2
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
    view_name = args.export_view or (muscle.views[0] if muscle
                                     else view_for_pain(pain, catalog).name)
    scene = muscle_scene(catalog, muscle, view_name, args.side, pain)
    if trp:
        scene.set_state(trigger_point=trp.id)
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
    title = muscle_title(scene, muscle, trp) if muscle else pain_title(catalog,
                                                                       pictured_pain(scene))
    try:
        export_scene(scene, args.output, title=title, layout=args.layout, frame=args.frame)
    except OSError as error:
        print(f"bodymap export: {error}", file=sys.stderr)
        return 1
    # A muscle typed other than by its id (a nickname, a letter wrong) is said by name, so a
    # respelling taken is seen at once.
    taken = f" ({muscle.name})" if muscle and typed != muscle.id else ""
    if muscle and trp:  # a number alone says nothing of which point it is
        taken = f" ({muscle.name}, {trp.label})"
    print(f"wrote {args.output}{taken}")
    return 0
