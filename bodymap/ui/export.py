"""Pictures for slides and handouts: the body with a muscle's referral, or marked pain.

The same BodyScene the window shows is rendered into an image, an SVG drawing or a PDF page, so
an export looks exactly like the screen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator

from bodymap.ui.body_scene import BodyScene

PNG_WIDTH = 1600
TITLE_HEIGHT = 0.06  # of the picture's height


def _draw(scene: BodyScene, painter: QPainter, target: QRectF, title: str) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(target, QColor("white"))
    band = target.height() * TITLE_HEIGHT if title else 0.0
    if title:
        font = QFont()
        font.setBold(True)
        size = max(10, int(band * 0.45))
        font.setPixelSize(size)
        while size > 10 and QFontMetricsF(font).horizontalAdvance(title) > target.width() * 0.94:
            size -= 2  # narrow views (the side view) get a smaller title, never a clipped one
            font.setPixelSize(size)
        painter.setFont(font)
        painter.setPen(QColor(30, 30, 30))
        painter.drawText(QRectF(target.left(), target.top(), target.width(), band),
                         Qt.AlignmentFlag.AlignCenter, title)
    body = QRectF(target.left(), target.top() + band, target.width(), target.height() - band)
    # Markers keep a constant size on screen; on paper they grow with the picture.
    rect = scene.sceneRect()
    zoom = min(body.width() / rect.width(), body.height() / rect.height())
    markers = [m for group in scene.markers.values() for m in group]
    for marker in markers:
        marker.setScale(max(1.0, zoom * 0.9))
    try:
        scene.render(painter, body, rect, Qt.AspectRatioMode.KeepAspectRatio)
    finally:
        for marker in markers:
            marker.setScale(1.0)


def export_scene(scene: BodyScene, path: Path, title: str = "") -> None:
    """Write the scene to path; the suffix (.png, .svg, .pdf) picks the format."""
    suffix = path.suffix.lower()
    rect = scene.sceneRect()
    aspect = rect.height() / rect.width() / (1 - TITLE_HEIGHT if title else 1)
    size = QSize(PNG_WIDTH, round(PNG_WIDTH * aspect))
    if suffix == ".png":
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        _draw(scene, painter, QRectF(0, 0, size.width(), size.height()), title)
        painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
    elif suffix == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title or "bodymap")
        painter = QPainter(generator)
        _draw(scene, painter, QRectF(0, 0, size.width(), size.height()), title)
        painter.end()
    elif suffix == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setTitle(title or "bodymap")
        layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                             QPageLayout.Orientation.Portrait, QMarginsF(12, 12, 12, 12))
        writer.setPageLayout(layout)
        writer.setResolution(300)
        painter = QPainter(writer)
        page = QRectF(painter.viewport())
        _draw(scene, painter, page, title)
        painter.end()
    else:
        raise ValueError(f"unknown picture type '{path.suffix}': use .png, .svg or .pdf")
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")


def export_command(args: argparse.Namespace) -> int:
    """`bodymap export`: headless, so it works over SSH and in scripts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bodymap.diagram import load_view
    from bodymap.model import load_catalog

    catalog = load_catalog(args.data)
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    muscle = catalog.muscles.get(args.export_muscle) if args.export_muscle else None
    if args.export_muscle and muscle is None:
        print(f"bodymap export: unknown muscle '{args.export_muscle}'", file=sys.stderr)
        return 2
    zones = [z.strip() for z in args.zones.split(",") if z.strip()]
    unknown = [z for z in zones if z not in catalog.zones]
    if unknown:
        print(f"bodymap export: unknown zone(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    if muscle is None and not zones:
        print("bodymap export: give --muscle ID and/or --zones A,B", file=sys.stderr)
        return 2
    view_name = args.export_view or (muscle.views[0] if muscle else "posterior")
    app = QApplication.instance() or QApplication([])  # noqa: F841 - scenes need an app
    scene = BodyScene(load_view(view_name), catalog)
    sides = ("L", "R") if args.side == "both" else (args.side,)
    pain = {(z, None if catalog.zones[z].midline else s) for z in zones for s in sides}
    layer = (scene.layer_of(muscle.id) if muscle else None) or "superficial"
    scene.set_state(layer=layer, mode="muscle", selected=(muscle.id, sides[0]) if muscle else None,
                    pain=pain)
    title = f"{muscle.name}: trigger points and referral" if muscle else "Marked pain"
    try:
        export_scene(scene, args.output, title=title)
    except (OSError, ValueError) as error:
        print(f"bodymap export: {error}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0
