"""Driving the window as a person does: actions, clicks at region points, pixels on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)

from bodymap.model import Catalog
from bodymap.ui.body_view import BodyView
from bodymap.ui.main_window import MainWindow

ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def keys_dialog(qtbot, window: MainWindow) -> QDialog:
    """Help > Keyboard and mouse, opened with F1 from the body, as a person asks for it."""
    window.activateWindow()
    window.body_view.setFocus()
    qtbot.keyClick(window.body_view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: (dialog := window.findChild(QDialog, "keysDialog")) is not None
                    and dialog.isVisible())
    return window.findChild(QDialog, "keysDialog")


def reopened(qtbot, catalog: Catalog, settings: QSettings, progress_path: Path) -> MainWindow:
    """The window started again on the same laptop: its settings and progress file kept."""
    window = MainWindow(catalog, settings, progress_path=progress_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def rendered_text(text: str, form: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label (or a tooltip, always AutoText) holding `text` shows, as plain text: Qt
    renders rich text, and AutoText when the text looks like markup."""
    from PySide6 import QtGui  # its Qt namespace has mightBeRichText; QtCore's has not

    if form == Qt.TextFormat.RichText or (
            form == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)):
        document = QtGui.QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def click(qtbot, window: MainWindow, region: str, side: str = "L") -> QPoint:
    view = window.body_view
    point = view.region_point(region, side)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return point


def pick_from_list(qtbot, window: MainWindow, name: str) -> None:
    """Click a muscle by its name in the list of muscles, as a teacher picks one."""
    muscles = window.findChild(QListWidget, "muscleList")
    (item,) = muscles.findItems(name, Qt.MatchFlag.MatchExactly)
    muscles.scrollToItem(item)
    qtbot.mouseClick(muscles.viewport(), Qt.MouseButton.LeftButton,
                     pos=muscles.visualItemRect(item).center())


def turn_wheel(view: BodyView, at: QPoint, notches: int) -> None:
    """Turn the mouse wheel over the body, away from the person for positive notches."""
    event = QWheelEvent(QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def pixel(window: MainWindow, point: QPoint) -> QColor:
    view = window.body_view
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))


def is_red(color: QColor) -> bool:
    """Referral red (essential or stipple), not skin or muscle."""
    return color.red() > 150 and color.green() < 110 and color.blue() < 110


def dark_edge_pixels(window: MainWindow, zone: str, side: str | None = "L") -> int:
    """Dark pixels along the top edge of a zone as the window shows it: the dashed edge of a
    provisional zone (`body_scene.provisional_pen`)."""
    view = window.body_view
    rect = view.body_scene().zones[zone, side].sceneBoundingRect()
    left = view.mapFromScene(rect.left() + rect.width() / 4, rect.top())
    right = view.mapFromScene(rect.right() - rect.width() / 4, rect.top())
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    dark = 0
    for x in range(left.x(), right.x()):
        for y in range(left.y() - 2, left.y() + 3):
            colour = image.pixelColor(int(x * ratio), int(y * ratio))
            dark += colour.red() < 120 and colour.green() < 70 and colour.blue() < 70
    return dark


def child(parent: QWidget, kind: type, name: str):
    """The parent's child widget of that kind and objectName; it must exist."""
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def text(parent: QWidget, name: str) -> str:
    return child(parent, QLabel, name).text()


def press_button(qtbot, parent: QWidget, name: str) -> None:
    """Click a button as a person would: it must be in sight and enabled."""
    button = child(parent, QPushButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def finder_rows(window: MainWindow) -> list[tuple[str, str]]:
    """The pain finder's candidates as it lists them: (muscle and how well it fits, why)."""
    view = child(window, QAbstractItemView, "painCandidates")
    model = view.model()
    return [tuple(model.index(row, 0).data().split("\n", 1))
            for row in range(model.rowCount())]


def names_of(window: MainWindow, rows: list[tuple[str, str]]) -> str:
    """The muscles of pain finder rows (`finder_rows`) by name, each once, in a sentence as a
    handout lists them: "A, B and C"."""
    names = sorted((m.name for m in window.catalog.muscles.values()), key=len, reverse=True)
    said = dict.fromkeys(next(n for n in names if row.startswith(n)) for row, _why in rows)
    *most, last = said
    return f"{', '.join(most)} and {last}" if most else last


def arrow_ways(qtbot, view: BodyView) -> dict[str, list[Qt.Key]]:
    """Each region (by id) the arrow keys reach on the body from where Home puts the focus
    ring, with the arrows that take the ring there from Home: a breadth-first search, each
    region's way pressed again from Home before each arrow is tried from it. The body keeps
    the keys throughout."""
    def key(pressed: Qt.Key) -> str:
        qtbot.keyClick(view, pressed)
        assert QApplication.focusWidget() is view
        return view.body_scene().focused.region.id

    start = key(Qt.Key.Key_Home)
    ways: dict[str, list[Qt.Key]] = {start: []}
    queue = [start]
    while queue:
        here = queue.pop(0)
        for arrow in ARROWS:
            key(Qt.Key.Key_Home)
            for step in ways[here]:
                key(step)
            there = key(arrow)
            if there not in ways:
                ways[there] = [*ways[here], arrow]
                queue.append(there)
    return ways


def ring_by_arrows(qtbot, view: BodyView, region_id: str) -> None:
    """Move the body's focus ring onto a region with Home and the arrow keys, as a person
    finds their way to it."""
    way = arrow_ways(qtbot, view)[region_id]
    for pressed in (Qt.Key.Key_Home, *way):
        qtbot.keyClick(view, pressed)
    assert view.body_scene().focused.region.id == region_id
