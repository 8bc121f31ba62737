"""Presenter mode: the window full screen for a class, the body and the text large enough to
read from the back of a room, the dialogs opened meanwhile and the names under the pointer too,
the muscle list out of the way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QToolTip, QWidget
from shiboken6 import isValid

from bodymap.ui.sizing import resize_within_screen

TEXT_SCALE = 1.4  # the side panel's, the key's and the dialogs' text, for a projector


def _styled(widget: QWidget, root: QWidget) -> bool:
    """Whether a style sheet, the widget's own or an ancestor's below `root`, styles it. Qt
    fixes such a widget's font when it polishes it, so a font set on a parent no longer reaches
    it: presenter mode sets its font itself."""
    while widget is not None and widget is not root:
        if widget.styleSheet():
            return True
        widget = widget.parentWidget()
    return False


def _set_tooltip_font(font: QFont) -> None:
    QToolTip.hideText()  # one on show now would keep its size for a moment
    QToolTip.setFont(font)
    # Qt keeps the label of the last tooltip, hidden, for the next one, with the font it had.
    for widget in QApplication.topLevelWidgets():
        if widget.inherits("QTipLabel"):
            widget.setFont(font)


def _opened_from(dialog: QWidget, window: QWidget) -> bool:
    parent = dialog.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is not None


class PresenterMode(QObject):
    """Turns presenter mode on and off, and puts back exactly what it changed.

    Every font under the enlarged widgets grows by the same factor, headings with it, so a
    panel keeps its look, only larger. Pages built on first show are built before (`prepare`),
    so that none is built from the large fonts and keeps them afterwards. A dialog the window
    opens while presenting (its own, a panel's, Qt's message and file dialogs) grows too, and so
    do tooltips: the name of the muscle under the teacher's pointer is read from the room."""

    def __init__(self, window: QMainWindow, *, hide: list[QWidget], enlarge: list[QWidget],
                 prepare: Callable[[], None] = lambda: None) -> None:
        super().__init__(window)
        self.window = window
        self._hide = hide
        self._enlarge = enlarge
        self._prepare = prepare
        self.on = False
        self.saved_geometry = QByteArray()  # the window outside presenter mode, to remember
        self._was_maximized = False
        self._hidden: list[QWidget] = []
        self._fonts: list[tuple[QWidget, QFont | None]] = []  # None: the font was inherited
        self._tooltip_font = QFont()  # the tooltips' own outside presenter mode

    def set_on(self, on: bool, *, restore_window: bool = True) -> None:
        """`restore_window=False`: full screen was already left (by the window manager)."""
        if on == self.on:
            return
        self.on = on
        if on:
            self._prepare()
            self.saved_geometry = self.window.saveGeometry()
            self._was_maximized = self.window.isMaximized()
            # Hidden unless hidden already: on a tab not open now a widget is not visible, but
            # would be once its tab is opened.
            self._hidden = [w for w in self._hide if not w.isHidden()]
            for widget in self._hidden:
                widget.hide()
            for root in self._enlarge:
                self._enlarge_fonts(root)
            self._tooltip_font = QToolTip.font()
            tooltip = QFont(self._tooltip_font)
            tooltip.setPointSizeF(tooltip.pointSizeF() * TEXT_SCALE)
            _set_tooltip_font(tooltip)
            QApplication.instance().installEventFilter(self)  # for the dialogs: eventFilter
            self.window.showFullScreen()
        else:
            QApplication.instance().removeEventFilter(self)
            for widget in self._hidden:
                widget.show()
            for widget, font in self._fonts:  # parents first: the rest inherit from them
                if isValid(widget):  # not a dialog closed (and deleted) since
                    widget.setFont(font if font is not None else QFont())  # QFont(): inherit
            self._fonts.clear()
            _set_tooltip_font(self._tooltip_font)
            if restore_window:
                if self._was_maximized:
                    self.window.showMaximized()
                else:
                    self.window.showNormal()

    def _enlarge_fonts(self, root: QWidget) -> None:
        chosen = []
        for widget in (root, *root.findChildren(QWidget)):  # parents before children
            own = widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
            # A menu is a window of its own: fonts do not pass into it from its parent.
            if widget is root or own or widget.isWindow() or _styled(widget, root):
                chosen.append((widget, QFont(widget.font()) if own else None))
        self._fonts += chosen
        for widget, font in [(w, QFont(w.font())) for w, _ in chosen]:  # all read, then grown
            font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
            widget.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A dialog is a window of its own, so the window's large fonts do not reach it. It is
        # enlarged when polished, as it is first shown: before it takes its size from its text
        # (a message box, an input dialog), and before its style sheets fix their fonts. Once:
        # one made earlier inside an enlarged panel grew with it.
        if (event.type() == QEvent.Type.Polish and isinstance(watched, QDialog)
                and _opened_from(watched, self.window)
                and all(widget is not watched for widget, _ in self._fonts)):
            self._enlarge_fonts(watched)
            if watched.testAttribute(Qt.WidgetAttribute.WA_Resized):  # sized for small text
                resize_within_screen(watched, round(watched.width() * TEXT_SCALE),
                                     round(watched.height() * TEXT_SCALE))
        return False
