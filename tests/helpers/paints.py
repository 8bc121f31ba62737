"""Counting a window's paints: which widgets an action painted, how often, and where."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

Rect = tuple[int, int, int, int]


class Paints(QObject):
    """Counts the paint events of the widgets it watches, and where each widget was then."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.widgets = widgets
        self.seen: list[tuple[QObject, Rect]] = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.append((watched, watched.geometry().getRect()))
        return False

    def not_once_in_place(self, *widgets: QWidget) -> dict[str, list[Rect]]:
        """The widgets watched (or those of them given) that were not painted exactly once,
        where they lie now (say, first where the last text's layout left them, then again),
        each with where it was painted."""
        wrong = {}
        for widget in widgets or self.widgets:
            places = [rect for painted, rect in self.seen if painted is widget]
            if places != [widget.geometry().getRect()]:
                wrong[name(widget)] = places
        return wrong


def name(widget: QWidget) -> str:
    """Its object name; or its kind and words (the pain finder's chips have no name)."""
    words = widget.text() if hasattr(widget, "text") else ""
    return widget.objectName() or f"{type(widget).__name__} {words!r}"


def settle(qtbot) -> None:
    """Every turn of events an action left, and the text's background layout after it."""
    qtbot.wait(120)
