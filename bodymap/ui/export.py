"""Pictures for slides and handouts: the body with a muscle's referral, or marked pain.

The same BodyScene the window shows is rendered into an image, an SVG drawing or a PDF page, so
an export looks exactly like the screen.
"""

from __future__ import annotations

import argparse
import os
import sys
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from bodymap.diagram import VIEW_NAMES
from bodymap.ui.body_scene import BOTH, BodyScene, on_side
from bodymap.ui.legend import PAIN_ROW, REFERRAL_ROWS, Row, key_size, paint_key
from bodymap.ui.rich_text import MUTED, zone_names

if TYPE_CHECKING:
    from collections.abc import Iterable

    from bodymap.model import Catalog
    from bodymap.model.schema import Muscle, TriggerPoint

PNG_WIDTH = 1600
TITLE_BAND = 0.09  # the title's band, as a fraction of the picture's width
KEY_FONT_PX = 13  # the key's text before it is scaled with the picture
LANDMARK_FONT_PX = 12  # the landmark labels' (T12, PSIS), before they grow with the picture
KEY_SCALE = 1 / 600  # the key's scale per pixel of picture width: as on screen beside the body
# A slide: 16:9, the body on the left, the title, key and what the picture shows on the right.
PAGE, SLIDE = "page", "slide"
SLIDE_SIZE = QSize(1920, 1080)
SLIDE_PDF = QPageSize(QSizeF(254, 142.875), QPageSize.Unit.Millimeter, "Slide 16:9")
SLIDE_TEXT_PX = 1 / 40  # the slide's text size per pixel of its height
MIN_SLIDE_TEXT = 0.55  # the smallest a slide's words shrink to, to fit all they must say


def muscle_title(scene: BodyScene, muscle: Muscle, trp: TriggerPoint | None = None) -> str:
    """A muscle's picture's title: its trigger points (or the one coached) and referral; on a
    view that does not draw the muscle, only its referral, and where the muscle is drawn."""
    what = f"{muscle.name}, {trp.label}" if trp else muscle.name
    if scene.layer_of(muscle.id) is not None:
        return f"{what}: referral" if trp else f"{what}: trigger points and referral"
    views = " and ".join(VIEW_NAMES.get(v, v) for v in muscle.views)
    where = f" (the muscle is drawn in the {views} view{'s' if len(muscle.views) > 1 else ''})"
    return f"{what}: referral{where if views else ''}"


def marked_names(catalog: Catalog, pain: Iterable[tuple[str, str | None]]) -> list[str]:
    """The marked zones head to foot, each with its side, or "both sides" where both are."""
    order = {zone_id: n for n, zone_id in enumerate(catalog.zones)}
    sides: dict[str, set[str | None]] = {}
    for zone_id, side in pain:
        sides.setdefault(zone_id, set()).add(side)
    names = []
    for zone_id in sorted(sides, key=lambda z: (order.get(z, len(order)), z)):
        label = catalog.zones[zone_id].label if zone_id in catalog.zones else zone_id
        marked = sides[zone_id]
        names += ([on_side(label, BOTH)] if marked == {"L", "R"} else
                  [on_side(label, side) for side in sorted(marked, key=lambda s: s or "")])
    return names


def pain_title(catalog: Catalog, pain: Iterable[tuple[str, str | None]]) -> str:
    """A picture of marked pain says where, in a title short enough to read at a glance."""
    names = marked_names(catalog, pain)
    if not names:
        return "Marked pain"
    return (f"Marked pain: {', '.join(names)}" if len(names) <= 3
            else f"Marked pain in {len(names)} areas")


def key_rows(scene: BodyScene) -> tuple[Row, ...]:
    """What the picture needs explained: the referral key, marked pain, or both."""
    referral, shown, pain = scene.shown_state()
    rows = REFERRAL_ROWS if referral or shown else ()
    if shown and scene.layer_of(shown[0]) is None:  # no X drawn on a view without the muscle
        rows = tuple(row for row in rows if row[0] != "marker")
    return (*rows, PAIN_ROW) if pain else rows


def _key_font() -> QFont:
    font = QFont()
    font.setPixelSize(KEY_FONT_PX)
    return font


def _landmark_font() -> QFont:
    """The landmark labels' size on paper, before they grow with the picture like the X's."""
    font = QFont()
    font.setPixelSize(LANDMARK_FONT_PX)
    return font


def _bands(width: float, title: str, rows: tuple[Row, ...]) -> tuple[float, float]:
    """Heights of the title band above the body and the key band below it."""
    title_band = width * TITLE_BAND if title else 0.0
    key = key_size(rows, QFontMetricsF(_key_font())).height() if rows else 0.0
    return title_band, (key + 16) * width * KEY_SCALE if rows else 0.0


def slide_html(scene: BodyScene) -> tuple[str, str]:
    """What the slide's picture shows, in words: each trigger point shown and where it refers,
    and the marked pain; then, for the foot of the slide, the sources behind them."""
    catalog = scene.catalog
    _referral, shown, pain = scene.shown_state()
    muscle = catalog.muscles.get(shown[0]) if shown else None
    parts, source_ids = [], []
    if pain:
        parts.append("<p><b>Marked pain</b>: " + escape(", ".join(marked_names(catalog, pain)))
                     + "</p>")
    if muscle is not None and shown is not None:
        if pain:  # the pain finder's candidate shown over the marks
            parts.append(f"<p><b>Candidate: {escape(on_side(muscle.name, shown[1]))}</b></p>")
        coached = scene.coached_trigger_point()
        for trp in [coached] if coached else muscle.trigger_points:
            both = trp.referral.bilateral
            spillover = (f"<br>Spillover: {zone_names(catalog, trp.referral.spillover, both)}"
                         if trp.referral.spillover else "")
            parts.append(f"<p><b>{escape(trp.label)}</b>: {escape(trp.location)}<br>"
                         f"<span style='color:#b71c1c'>Essential:</span> "
                         f"{zone_names(catalog, trp.referral.essential, both)}{spillover}</p>")
            source_ids += trp.sources
        source_ids += muscle.sources
    sources = "; ".join(dict.fromkeys(s.short() for s in catalog.sources_of(source_ids)))
    foot = (f"<p style='color:{MUTED}'>" + (f"Sources: {escape(sources)}<br>" if sources else "")
            + "<i>Teaching material, not medical advice.</i></p>")
    return "".join(parts), foot


def _draw(scene: BodyScene, painter: QPainter, target: QRectF, title: str,
          layout: str = PAGE) -> None:
    if layout == SLIDE:
        _draw_slide(scene, painter, target, title)
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(target, QColor("white"))
    rows = key_rows(scene)
    title_band, key_band = _bands(target.width(), title, rows)
    if title:
        font = QFont()
        font.setBold(True)
        size = max(10, int(title_band * 0.45))
        font.setPixelSize(size)
        while size > 10 and QFontMetricsF(font).horizontalAdvance(title) > target.width() * 0.94:
            size -= 2  # narrow views (the side view) get a smaller title, never a clipped one
            font.setPixelSize(size)
        painter.setFont(font)
        painter.setPen(QColor(30, 30, 30))
        painter.drawText(QRectF(target.left(), target.top(), target.width(), title_band),
                         Qt.AlignmentFlag.AlignCenter, title)
    body = QRectF(target.left(), target.top() + title_band, target.width(),
                  target.height() - title_band - key_band)
    _draw_body(scene, painter, body)
    if rows:
        scale = target.width() * KEY_SCALE
        metrics = QFontMetricsF(_key_font())
        size = key_size(rows, metrics)
        painter.save()
        painter.translate(target.center().x() - size.width() * scale / 2,
                          body.bottom() + 8 * scale)
        painter.scale(scale, scale)
        painter.setFont(_key_font())
        paint_key(painter, QRectF(QPointF(0, 0), size), rows, metrics, QColor(30, 30, 30))
        painter.restore()


def _draw_slide(scene: BodyScene, painter: QPainter, target: QRectF, title: str) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(target, QColor("white"))
    margin = target.height() * 0.04
    rect = scene.sceneRect()
    body_height = target.height() - 2 * margin
    body = QRectF(target.left() + margin, target.top() + margin,
                  body_height * rect.width() / rect.height(), body_height)
    _draw_body(scene, painter, body)
    column = QRectF(body.right() + 2 * margin, target.top() + margin,
                    target.right() - body.right() - 3 * margin, body_height)
    text_px = max(8, round(target.height() * SLIDE_TEXT_PX))
    top = column.top()
    if title:
        title_doc = _text(painter, f"<b>{escape(title)}</b>", column.width(), round(text_px * 1.8))
        top = _draw_text(painter, title_doc, column.left(), top)
    rows = key_rows(scene)
    if rows:
        scale = text_px / KEY_FONT_PX
        metrics = QFontMetricsF(_key_font())
        size = key_size(rows, metrics)
        painter.save()
        painter.translate(column.left(), top + text_px * 0.6)
        painter.scale(scale, scale)
        painter.setFont(_key_font())
        paint_key(painter, QRectF(QPointF(0, 0), size), rows, metrics, QColor(30, 30, 30))
        painter.restore()
        top += (size.height() + 12) * scale + text_px * 0.6
    body_html, foot_html = slide_html(scene)
    foot = _text(painter, foot_html, column.width(), round(text_px * 0.8))
    room = column.bottom() - foot.size().height() - text_px - top
    # The words shrink until they fit above the foot, so nothing is cut (a long candidate list).
    px = text_px
    words = _text(painter, body_html, column.width(), px)
    while words.size().height() > room and px > text_px * MIN_SLIDE_TEXT:
        px -= 1
        words = _text(painter, body_html, column.width(), px)
    _draw_text(painter, words, column.left(), top)
    _draw_text(painter, foot, column.left(), column.bottom() - foot.size().height())


def _text(painter: QPainter, html: str, width: float, px: int) -> QTextDocument:
    """Rich text laid out for the painter's device (a PNG's pixels or a PDF's 300 dpi) with
    spacing in the same pixels, so every format lays out alike."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(painter.device())
    font = QFont()
    font.setPixelSize(px)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    # Style-sheet pixels are 1/96 inch on the device; the font's pixels are the device's own.
    gap = px * 0.6 * 96 / painter.device().logicalDpiY()
    document.setDefaultStyleSheet(f"p {{ margin-top: 0px; margin-bottom: {gap:.1f}px; }}")
    document.setHtml(html)
    document.setTextWidth(width)
    return document


def _draw_text(painter: QPainter, document: QTextDocument, left: float, top: float) -> float:
    """Draw the laid-out text from (left, top); returns where it ends."""
    painter.save()
    painter.translate(left, top)
    document.drawContents(painter)
    painter.restore()
    return top + document.size().height()


def _draw_body(scene: BodyScene, painter: QPainter, body: QRectF) -> None:
    """The scene, as on screen but sized for paper: markers and stipple grow with the picture
    (on screen they keep one size at every zoom), and the art is drawn from the SVG itself, not
    from the screen's cached pixmaps, so an SVG or PDF export stays vector."""
    rect = scene.sceneRect()
    zoom = min(body.width() / rect.width(), body.height() / rect.height())
    paper = max(1.0, zoom * 0.9)
    markers = [m for group in scene.markers.values() for m in group]
    for item in (*markers, *scene.landmarks):
        item.setScale(paper)
    screen_font = scene.label_font
    scene.set_label_font(_landmark_font())
    for art in scene.art.values():
        art.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    source = rect
    for _ in range(2):  # room for the labels around the body: they keep their size on paper
        source = rect.marginsAdded(scene.label_overhang(zoom) / zoom)
        zoom = min(body.width() / source.width(), body.height() / source.height())
    screen_texel = scene.texel
    scene.set_texel(paper / zoom)
    try:
        scene.render(painter, body, source, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        scene.set_texel(screen_texel)
        for art in scene.art.values():
            art.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        for item in (*markers, *scene.landmarks):
            item.setScale(1.0)
        scene.set_label_font(screen_font)


def picture_size(scene: BodyScene, title: str, layout: str = PAGE) -> QSize:
    if layout == SLIDE:
        return SLIDE_SIZE
    rect = scene.sceneRect()
    title_band, key_band = _bands(PNG_WIDTH, title, key_rows(scene))
    return QSize(PNG_WIDTH, round(PNG_WIDTH * rect.height() / rect.width() + title_band
                                  + key_band))


def picture(scene: BodyScene, title: str = "", layout: str = PAGE) -> QImage:
    """The picture as an image: what a PNG export holds, and what Copy image copies."""
    size = picture_size(scene, title, layout)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    _draw(scene, painter, QRectF(0, 0, size.width(), size.height()), title, layout)
    painter.end()
    return image


def export_scene(scene: BodyScene, path: Path, title: str = "", layout: str = PAGE) -> None:
    """Write the scene to path; the suffix (.png, .svg, .pdf) picks the format, `layout` a
    portrait page or a 16:9 slide."""
    suffix = path.suffix.lower()
    size = picture_size(scene, title, layout)
    if suffix == ".png":
        if not picture(scene, title, layout).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
    elif suffix == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title or "bodymap")
        painter = QPainter(generator)
        _draw(scene, painter, QRectF(0, 0, size.width(), size.height()), title, layout)
        painter.end()
    elif suffix == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setTitle(title or "bodymap")
        if layout == SLIDE:
            page = QPageLayout(SLIDE_PDF, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        else:
            page = QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                               QPageLayout.Orientation.Portrait, QMarginsF(12, 12, 12, 12))
        writer.setPageLayout(page)
        writer.setResolution(300)
        painter = QPainter(writer)
        _draw(scene, painter, QRectF(painter.viewport()), title, layout)
        painter.end()
    else:
        raise ValueError(f"unknown picture type '{path.suffix}': use .png, .svg or .pdf")
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")


def muscle_scene(catalog: Catalog, muscle: Muscle | None, view_name: str | None = None,
                 side: str = BOTH, pain: Iterable[tuple[str, str | None]] = ()) -> BodyScene:
    """A scene for a picture: a muscle's trigger points and referral on the given view (its
    own first view by default), on its layer, and any marked pain."""
    from bodymap.diagram import load_view

    view_name = view_name or (muscle.views[0] if muscle else "posterior")
    scene = BodyScene(load_view(view_name), catalog)
    layer = (scene.layer_of(muscle.id) if muscle else None) or "superficial"
    scene.set_state(layer=layer, mode="muscle", selected=(muscle.id, side) if muscle else None,
                    pain=set(pain))
    return scene


def export_command(args: argparse.Namespace) -> int:
    """`bodymap export`: headless, so it works over SSH and in scripts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bodymap.model import load_catalog
    from bodymap.model.loader import builtin_data_dir, display_path
    from bodymap.model.spelling import meant_id

    catalog = load_catalog(args.data)
    for problem in catalog.problems:
        print(problem, file=sys.stderr)

    def unknown(kind: str, typed: str, names: dict[str, str], listed_in: str) -> str:
        """What to type instead (`meant_id`); else the ids themselves when few enough to read,
        or where they are listed (`names`: id -> name)."""
        close = meant_id(typed, names)
        hint = f"; did you mean '{close}'?" if close else ""
        if not hint:
            hint = (f"; expected one of: {', '.join(sorted(names))}" if len(names) <= 15 else
                    f"; the {len(names)} {kind} ids are listed in "
                    f"{display_path(builtin_data_dir() / listed_in)}"
                    f"{' and the packs given' if args.data else ''}")
        return f"bodymap export: unknown {kind} '{typed}'{hint}"

    muscle = catalog.muscles.get(args.export_muscle) if args.export_muscle else None
    if args.export_muscle and muscle is None:
        names = {m.id: m.name for m in catalog.muscles.values()}
        print(unknown("muscle", args.export_muscle, names, "muscles/"), file=sys.stderr)
        return 2
    zones = [z.strip() for z in args.zones.split(",") if z.strip()]
    missing = [z for z in zones if z not in catalog.zones]
    for zone in missing:
        names = {z.id: z.label for z in catalog.zones.values()}
        print(unknown("zone", zone, names, "zones.yaml"), file=sys.stderr)
    if missing:
        return 2
    zones = catalog.expand_zones(zones)  # a zone group (lumbar_paraspinal) marks its parts
    if muscle is None and not zones:
        print("bodymap export: give --muscle ID and/or --zones A,B", file=sys.stderr)
        return 2
    view_name = args.export_view or (muscle.views[0] if muscle else "posterior")
    app = QApplication.instance() or QApplication([])  # noqa: F841 - scenes need an app
    sides = ("L", "R") if args.side == BOTH else (args.side,)
    pain = {(z, None if catalog.zones[z].midline else s) for z in zones for s in sides}
    scene = muscle_scene(catalog, muscle, view_name, args.side, pain)
    if muscle and scene.layer_of(muscle.id) is None:
        here = {zone for zone, _side in scene.zones}
        essential, spillover = muscle.referral_zones()
        if not (essential | spillover) & here and not pain:
            print(f"bodymap export: the {VIEW_NAMES[view_name]} view shows neither "
                  f"{muscle.id} nor its referral; try --view {muscle.views[0]}", file=sys.stderr)
            return 2
    title = muscle_title(scene, muscle) if muscle else pain_title(catalog, pain)
    try:
        export_scene(scene, args.output, title=title, layout=args.layout)
    except (OSError, ValueError) as error:
        print(f"bodymap export: {error}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0
