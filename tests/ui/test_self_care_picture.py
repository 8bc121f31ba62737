"""The self-care sheet's picture as it prints: its landmark labels and key large enough to read
on paper, clear of the body and of each other, and the body still the most of it.

The picture is a raster image on the sheet, so its words cannot be read back from the PDF: the
labels' and the key's font sizes are caught as the picture is painted, and turned into points
with the width PDFium says the picture prints at."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from helpers.pictures import is_skin_colour
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from bodymap.model import Catalog
from bodymap.ui import export
from bodymap.ui.body_scene import LandmarkItem
from bodymap.ui.safety import write_self_care_pdf

LABEL_PT = 7.0  # the least a landmark label prints at: a book figure's callouts
KEY_PT = 8.0  # the key's least: a client reads it to know what the red means


class Label(NamedTuple):
    text: str
    px: float  # the font's size in the picture's pixels
    ink: QRectF  # where its letters are in the picture


class Painted(NamedTuple):
    """What the sheet's picture drew, and how wide it prints."""

    image: QImage
    labels: list[Label]
    key_px: list[float]
    printed_pt: float  # the picture's width on the sheet, in points


def painted_sheet(catalog: Catalog, muscle_id: str, tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> Painted:
    images: list[QImage] = []
    labels: list[Label] = []
    key_px: list[float] = []
    picture, paint_label, paint_key = export.picture, LandmarkItem.paint, export.paint_key

    def caught_picture(*args, **kwargs) -> QImage:
        images.append(picture(*args, **kwargs))
        return images[-1]

    def caught_label(item: LandmarkItem, painter: QPainter, *args) -> None:
        paint_label(item, painter, *args)
        font = painter.font()
        metrics = QFontMetricsF(font)
        box = item.boundingRect()  # the line's box: its top is the font's ascent over the baseline
        letters = metrics.tightBoundingRect(item.landmark.text).translated(
            box.left(), box.top() + metrics.ascent())
        scale = painter.transform().m22()
        labels.append(Label(item.landmark.text, font.pixelSize() * scale,
                            painter.transform().mapRect(letters)))

    def caught_key(painter: QPainter, *args) -> None:
        paint_key(painter, *args)
        key_px.append(painter.font().pixelSize() * painter.transform().m22())

    monkeypatch.setattr(export, "picture", caught_picture)
    monkeypatch.setattr(LandmarkItem, "paint", caught_label)
    monkeypatch.setattr(export, "paint_key", caught_key)
    path = tmp_path / f"{muscle_id}.pdf"
    write_self_care_pdf(catalog, muscle_id, path)

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(str(path))[0]
    (placed,) = [o for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    left, _bottom, right, _top = placed.get_bounds()
    (image,) = images
    assert placed.get_px_size()[0] == image.width()  # the picture caught is the one printed
    return Painted(image, labels, key_px, right - left)


def test_a_sheets_picture_prints_its_labels_and_key_large_enough_to_read(
        qapp, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Every muscle's sheet: pictures beside the words (7.9 cm wide), under them (up to 15.9 cm)
    # and those the sheet's height narrows.
    small = []
    for muscle_id in catalog.muscles:
        sheet = painted_sheet(catalog, muscle_id, tmp_path, monkeypatch)
        points_per_px = sheet.printed_pt / sheet.image.width()
        assert sheet.labels and sheet.key_px, muscle_id
        label_pt = min(label.px for label in sheet.labels) * points_per_px
        key_pt = min(sheet.key_px) * points_per_px
        if label_pt < LABEL_PT or key_pt < KEY_PT:
            small.append((muscle_id, round(label_pt, 1), round(key_pt, 1)))
    assert not small  # (muscle, labels' points, key's points)


def is_body(image: QImage, x: int, y: int) -> bool:
    red, green, blue, _alpha = image.pixelColor(x, y).getRgb()
    referral = red > 190 and green < 100 and blue < 100
    return referral or is_skin_colour(red, green, blue)


LOW_BACK = {"L4 \N{MIDDLE DOT} top of crest", "S2 \N{MIDDLE DOT} PSIS", "coccyx tip"}


@pytest.mark.parametrize(("muscle_id", "named"), [
    ("piriformis", LOW_BACK), ("gluteus_minimus", LOW_BACK | {"greater trochanter"}),
    ("iliopsoas", LOW_BACK | {"ASIS", "navel"}), ("longissimus_thoracis", LOW_BACK)])
def test_a_sheets_labels_stand_clear_of_the_body_and_of_each_other(
        qapp, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        muscle_id: str, named: set[str]):
    # Larger words on a small picture: the spine's levels (T12, L1, L3, L4), a few millimetres
    # apart on a whole body of two views, would print one over the next.
    sheet = painted_sheet(catalog, muscle_id, tmp_path, monkeypatch)
    crossed = [(a.text, b.text) for n, a in enumerate(sheet.labels)
               for b in sheet.labels[n + 1:] if a.ink.intersects(b.ink)]
    assert not crossed
    on_body = [label.text for label in sheet.labels
               if any(is_body(sheet.image, x, y)
                      for y in range(round(label.ink.top()), round(label.ink.bottom()))
                      for x in range(round(label.ink.left()), round(label.ink.right())))]
    assert not on_body
    # What makes room is a bare level of the spine, never a landmark one feels for.
    assert named <= {label.text for label in sheet.labels}


def test_a_picture_beside_the_words_keeps_its_body_large(qapp, catalog: Catalog,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch):
    # Piriformis stands beside the words, 7.9 cm wide: its labels on one side of the body, not
    # a margin as wide on both sides, so the buttocks print most of the picture's width.
    sheet = painted_sheet(catalog, "piriformis", tmp_path, monkeypatch)
    image = sheet.image
    columns = [x for x in range(0, image.width(), 4)
               if any(is_body(image, x, y) for y in range(0, image.height(), 8))]
    body_mm = (max(columns) - min(columns)) / image.width() * sheet.printed_pt / 72 * 25.4
    assert body_mm >= 50, body_mm
    assert sheet.printed_pt / 72 * 25.4 == pytest.approx(300 / 96 * 25.4, abs=0.5)
