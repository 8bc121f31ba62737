"""Markup typed into a teacher's YAML is shown as written, wherever the window shows it.

One pack muscle (and its source) carries a tag in every text field; the test then goes where a
person goes (the muscle list, each tab, the pain finder) and reads every label and tooltip."""

from __future__ import annotations

from pathlib import Path

from helpers.packs import PACK_SOURCES, VALID_MUSCLE, write_pack
from helpers.window import click, rendered_text, trigger
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QTabWidget, QWidget

from bodymap.model import load_catalog
from bodymap.ui.main_window import MainWindow

TAG = "<b>zq</b>"
MARKED = ("Pack muscle", "Outer ilium", "Below the iliac crest", "Pain when sitting", "Sciatica",
          "Long sitting", "Side-lying", "Pressure release", "Press slowly", "Ball against a wall",
          "Knee to chest", "Stop at tingling or numbness", "Abducts the hip", "TrP1",
          "Superior gluteal nerve (L4-S1)", "Class notes", "Teacher A")


def tagged(text: str) -> str:
    for words in MARKED:
        text = text.replace(words, f"'{words} {TAG}'", 1)
    return text


def unrendered(window: MainWindow) -> list[str]:
    """Every label, tooltip and list row tip that shows the tag's word without the tag."""
    def rendered(text: str, form: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
        shown = rendered_text(text, form)
        return shown.count("zq") != shown.count(TAG)

    found = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel) and rendered(widget.text(), widget.textFormat()):
            found.append(f"label {widget.objectName()}: {widget.text()}")
        if rendered(widget.toolTip()):
            found.append(f"tooltip of {widget.objectName()}: {widget.toolTip()}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) or ""
                if rendered(tip):
                    found.append(f"row tip in {widget.objectName()}: {tip}")
    return found


def test_markup_in_a_pack_is_never_rendered_in_labels_or_tooltips(
        qtbot, tmp_path: Path, settings: QSettings):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": tagged(VALID_MUSCLE)},
                      tagged(PACK_SOURCES))
    catalog = load_catalog([pack])
    assert not [p for p in catalog.problems if not p.note]
    window = MainWindow(catalog, settings, progress_path=tmp_path / "progress.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    names = window.findChild(QListWidget, "muscleList")
    row = next(names.item(n) for n in range(names.count()) if "zq" in names.item(n).text())
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton,
                     pos=names.visualItemRect(row).center())
    assert window.detail_panel.muscle_id == "pack_muscle"
    seen = unrendered(window)
    tabs = window.findChild(QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        seen += unrendered(window)
    trigger(window, "actionPainMode")
    click(qtbot, window, "buttock")  # the pack muscle's essential zone: it is a candidate
    finder = window.findChild(QListWidget, "painCandidates")
    assert any("zq" in finder.item(n).text() for n in range(finder.count()))
    seen += unrendered(window)
    assert not seen, "\n".join(dict.fromkeys(seen))
