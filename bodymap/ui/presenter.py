"""Presenter mode: the window full screen for a class, the body and the text large enough to
read from the back of a room, the muscle list out of the way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMainWindow, QWidget

TEXT_SCALE = 1.4  # the side panel's and the key's text, for a projector


def _styled(widget: QWidget, root: QWidget) -> bool:
    """Whether a style sheet, the widget's own or an ancestor's below `root`, styles it. Qt
    fixes such a widget's font when it polishes it, so a font set on a parent no longer reaches
    it: presenter mode sets its font itself."""
    while widget is not None and widget is not root:
        if widget.styleSheet():
            return True
        widget = widget.parentWidget()
    return False


class PresenterMode:
    """Turns presenter mode on and off, and puts back exactly what it changed.

    Every font under the enlarged widgets grows by the same factor, headings with it, so a
    panel keeps its look, only larger. Pages built on first show are built before (`prepare`),
    so that none is built from the large fonts and keeps them afterwards."""

    def __init__(self, window: QMainWindow, *, hide: list[QWidget], enlarge: list[QWidget],
                 prepare: Callable[[], None] = lambda: None) -> None:
        self.window = window
        self._hide = hide
        self._enlarge = enlarge
        self._prepare = prepare
        self.on = False
        self.saved_geometry = QByteArray()  # the window outside presenter mode, to remember
        self._was_maximized = False
        self._hidden: list[QWidget] = []
        self._fonts: list[tuple[QWidget, QFont | None]] = []  # None: the font was inherited

    def set_on(self, on: bool, *, restore_window: bool = True) -> None:
        """`restore_window=False`: full screen was already left (by the window manager)."""
        if on == self.on:
            return
        self.on = on
        if on:
            self._prepare()
            self.saved_geometry = self.window.saveGeometry()
            self._was_maximized = self.window.isMaximized()
            self._hidden = [w for w in self._hide if w.isVisible()]
            for widget in self._hidden:
                widget.hide()
            self._enlarge_fonts()
            self.window.showFullScreen()
        else:
            for widget in self._hidden:
                widget.show()
            for widget, font in self._fonts:  # parents first: the rest inherit from them
                widget.setFont(font if font is not None else QFont())  # QFont(): inherit
            self._fonts.clear()
            if restore_window:
                if self._was_maximized:
                    self.window.showMaximized()
                else:
                    self.window.showNormal()

    def _enlarge_fonts(self) -> None:
        for root in self._enlarge:
            for widget in (root, *root.findChildren(QWidget)):  # parents before children
                own = widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
                # A menu is a window of its own: fonts do not pass into it from its parent.
                if widget is root or own or widget.isWindow() or _styled(widget, root):
                    self._fonts.append((widget, QFont(widget.font()) if own else None))
        for widget, font in [(w, QFont(w.font())) for w, _ in self._fonts]:
            font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
            widget.setFont(font)
