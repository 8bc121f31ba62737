"""The muscle art under a referral: where it is drawn in full, it must not read as pain.

A view showing the referral of a muscle it does not draw (quadratus lumborum's belly and groin,
from the front) ghosts the muscles, in the window and in every view of an export; and the
spillover stipple reads on muscle art as it does on skin."""

from __future__ import annotations

from pathlib import Path

from helpers.pictures import body_spans, is_skin_colour
from helpers.window import click, trigger
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from bodymap.ui.main_window import MainWindow


def is_muscle_art(colour: QColor) -> bool:
    """The drawing's red-brown muscle, drawn in full: not skin, not referral red, not paper."""
    red, green, blue = colour.getRgb()[:3]
    return 170 < red < 225 and 110 < green < 150 and 95 < blue < 140


def viewport_pixel(window: MainWindow, point: QPoint) -> QColor:
    image = window.body_view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def test_turning_to_a_view_that_shows_only_a_muscles_referral_ghosts_the_muscles(
        qtbot, window: MainWindow):
    trigger(window, "actionViewAnterior")
    rectus = window.body_view.region_point("rectus_abdominis", "R")
    assert is_muscle_art(viewport_pixel(window, rectus))  # drawn in full, nothing selected
    trigger(window, "actionViewPosterior")
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "quadratus_lumborum", "L")
    trigger(window, "actionViewAnterior")  # its lower abdomen and groin spillover is here
    for layer in ("actionLayerDeep", "actionLayerSuperficial"):
        trigger(window, layer)
        qtbot.waitUntil(lambda: is_skin_colour(*viewport_pixel(window, rectus).getRgb()[:3]))
    click(qtbot, window, "rectus_abdominis", "R")  # a muscle this view draws: in full again
    qtbot.waitUntil(lambda: not is_skin_colour(*viewport_pixel(window, rectus).getRgb()[:3]))


def muscle_pixels_per_view(png: Path) -> list[int]:
    """How many pixels of each view of the body in an exported picture are muscle art drawn in
    full, left to right."""
    image = QImage(str(png))
    return [sum(is_muscle_art(image.pixelColor(x, y))
                for x in range(left, right, 2) for y in range(0, image.height(), 2))
            for left, right in body_spans(image)]


def test_the_view_beside_a_slide_ghosts_the_muscles_as_the_main_view_does(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    saved = iter([tmp_path / "ql.png", tmp_path / "rectus.png"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(next(saved)), "PNG image (*.png)"))
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "quadratus_lumborum", "L")
    trigger(window, "actionExportSlide")
    back, front = muscle_pixels_per_view(tmp_path / "ql.png")
    # The back view draws QL and the deep muscles round it; the front, beside it for the belly
    # and groin spillover, drew rectus abdominis and TFL in full under the red stipple (some
    # 6000 pixels; a few dozen of shading match the colour still).
    assert back > 2000 and front < 300, (back, front)
    trigger(window, "actionViewAnterior")
    trigger(window, "actionLayerSuperficial")
    click(qtbot, window, "rectus_abdominis", "R")  # the front is its own view: drawn in full
    trigger(window, "actionExportSlide")
    assert muscle_pixels_per_view(tmp_path / "rectus.png")[0] > 2000


def lightness(colours: list[QColor]) -> float:
    return sum(colour.lightness() for colour in colours) / len(colours)


def test_spillover_reads_on_muscle_art_as_a_stipple_lighter_than_the_muscle(
        qtbot, window: MainWindow):
    # Gluteus medius's spillover over gluteus maximus and the hamstrings: red dots alone, on
    # red-brown art, were all but invisible there.
    view = window.body_view
    spot = view.region_point("lower_buttock_medial", "L", kind="zone")
    around = [spot + QPoint(dx, dy) for dx in range(-6, 7) for dy in range(-6, 7)]
    bare = [viewport_pixel(window, point) for point in around]
    assert sum(map(is_muscle_art, bare)) > len(around) // 2  # muscle art, nothing on it
    click(qtbot, window, "gluteus_medius", "L")
    stippled = [viewport_pixel(window, point) for point in around]
    dots = [c for c in stippled if c.red() > 150 and c.green() < 90]
    between = [c for c in stippled if c not in dots]
    assert len(around) // 5 < len(dots) < len(around) // 2  # a stipple, not solid red
    # Between its dots the muscle shows lighter than bare: the dots stand out from it.
    assert lightness(between) > lightness(bare) + 20, (lightness(between), lightness(bare))
