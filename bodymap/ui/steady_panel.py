"""A side-panel page whose size hints stay put while its text changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QWidget


class SteadyPanel(QWidget):
    """A page of the side panels that lays its widgets out on `contents` (give that one the
    layout), which always fills it, and whose size hints are those `contents` had when last
    measured (`remeasure`, and again after a font or style change), not those of the text it
    shows now.

    Qt tells a widget's parent that its size may have changed after every run of its layout,
    whether or not it did. For a page of the side panels' tab widget that meant, on each click
    of a muscle, the tab widget, the splitter and the window laid out again and the whole side
    repainted, tab bar and notes box included (about 1.5 ms of a click's 10); and a muscle with
    a long caution raised the window's minimum height. Here that news stops at the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contents = QWidget(self)
        self._hints: tuple[QSize, QSize] | None = None

    def remeasure(self) -> None:
        """Take the size hints of `contents` as it is laid out now (once it holds what it
        will usually show), and tell the tab widget."""
        self._hints = None
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return self._measured()[0]

    def minimumSizeHint(self) -> QSize:
        return self._measured()[1]

    def _measured(self) -> tuple[QSize, QSize]:
        if self._hints is None:
            self._hints = (self.contents.sizeHint(), self.contents.minimumSizeHint())
        return self._hints

    def resizeEvent(self, event) -> None:
        self.contents.setGeometry(self.rect())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.LayoutRequest:  # posted by `contents` after each layout of it
            self._lay_out_wrapped_text()
            return True
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # presenter mode
            self.remeasure()
        return super().event(event)

    def _lay_out_wrapped_text(self) -> None:
        """Lay the wrapped text of each widget out at the width the layout just gave it. A
        wrapping rich-text QLabel that was resized lays its text out again when it is painted,
        and asks for a second paint as it does (the caution banner was painted twice per
        click); asked its height at its width first, it has laid the text out already. The
        layouts above the page used to ask that, as they followed its hints."""
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for child in self.contents.findChildren(QWidget, options=direct):
            if child.isVisible() and child.hasHeightForWidth():
                child.heightForWidth(child.width())
