"""Presenter mode: the window full screen for a class, the body and the text large enough to
read from the back of a room, the muscle list out of the way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMainWindow, QWidget

TEXT_SCALE = 1.4  # the side panel's and the key's text, for a projector


class PresenterMode:
    """Turns presenter mode on and off, and puts back exactly what it changed."""

    def __init__(self, window: QMainWindow, *, hide: list[QWidget],
                 enlarge: list[QWidget]) -> None:
        self.window = window
        self._hide = hide
        self._enlarge = enlarge
        self.on = False
        self._was_maximized = False
        self._hidden: list[QWidget] = []
        self._fonts: dict[QWidget, QFont | None] = {}  # None: the widget's font was inherited

    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        self.on = on
        if on:
            self._was_maximized = self.window.isMaximized()
            self._hidden = [w for w in self._hide if w.isVisible()]
            for widget in self._hidden:
                widget.hide()
            for widget in self._enlarge:
                own = widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
                self._fonts[widget] = QFont(widget.font()) if own else None
                font = widget.font()
                font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
                widget.setFont(font)
            self.window.showFullScreen()
        else:
            for widget in self._hidden:
                widget.show()
            for widget, font in self._fonts.items():
                widget.setFont(font if font is not None else QFont())  # QFont(): inherit again
            self._fonts.clear()
            if self._was_maximized:
                self.window.showMaximized()
            else:
                self.window.showNormal()
