"""File ▸ Export image as a teacher uses it: marked pain on several views, and the save dialog
as Qt's own dialog answers on Linux (no suffix added to a name typed without one)."""

from __future__ import annotations

from pathlib import Path

from helpers.marks import marked_per_view
from helpers.svg_text import svg_texts, view_captions
from helpers.window import click, trigger
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bodymap.ui.main_window import MainWindow

TYPES = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"


def answer_save_dialog(monkeypatch, *answers: tuple[str, str]) -> list[str]:
    """The save dialog answers (what the person typed, the type they picked) in turn; the
    paths it was opened at are listed."""
    opened: list[str] = []
    queue = iter(answers)

    def dialog(_parent, _title, path, _types):
        opened.append(path)
        return next(queue)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return opened


def mark(qtbot, window: MainWindow, view_action: str, *zones: str) -> None:
    trigger(window, view_action)
    for zone in zones:
        click(qtbot, window, zone, "L")


def test_pain_marked_on_the_front_is_exported_beside_the_back_view(qtbot, window: MainWindow,
                                                                    tmp_path: Path,
                                                                    monkeypatch):
    trigger(window, "actionPainMode")
    mark(qtbot, window, "actionViewAnterior", "groin")
    mark(qtbot, window, "actionViewPosterior", "sacrum")
    svg, png = tmp_path / "pain.svg", tmp_path / "pain.png"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"),
                       (str(png), "PNG image (*.png)"))
    trigger(window, "actionExport")
    trigger(window, "actionExport")
    views = view_captions(svg)
    assert list(views) == ["Back view", "Front view"]  # the view shown, then the groin's
    back, front = marked_per_view(QImage(str(png)), list(views.values()))
    assert back > 1000 and front > 1000, (back, front)
    assert "Marked pain: Sacrum, Groin (left)" in svg_texts(svg)
    assert window.findChild(QMessageBox, "painLeftOut") is None  # nothing left out


def test_pain_on_all_three_views_is_named_where_the_picture_leaves_it_out(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # Marks on the front, the side and the back: a picture shows two views, so one mark is
    # left out; the title names what the picture shows, and a note says what is left out and
    # where it is drawn.
    trigger(window, "actionPainMode")
    mark(qtbot, window, "actionViewAnterior", "groin")
    mark(qtbot, window, "actionViewLateral", "lateral_leg")
    mark(qtbot, window, "actionViewPosterior", "sacrum")
    svg = tmp_path / "pain.svg"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"))
    trigger(window, "actionExport")
    assert len(view_captions(svg)) == 2
    note = window.findChild(QMessageBox, "painLeftOut")
    assert note is not None and note.isVisible()
    assert note.text() == ("The picture leaves out Groin (left), which the front view draws: "
                           "export from the front view for a picture with it.")
    assert "Marked pain: Sacrum, Outer lower leg (left)" in svg_texts(svg)
    note.close()
