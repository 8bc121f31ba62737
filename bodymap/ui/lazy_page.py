"""A side-panel page built the first time it is shown, so start-up pays only for what is seen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from bodymap.ui.steady_panel import SteadyPanel


class LazyPage(SteadyPanel):
    """Holds the place (and the objectName other code finds) of a page whose content is built
    by `build` on first show or when `content()` is first asked for."""

    def __init__(self, name: str, accessible_name: str, build: Callable[[], QWidget],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self._build = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self.contents)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
            self._content.show()  # now: a child added while its page is being shown stays hidden
            self.setFocusProxy(self._content)
            self.remeasure()
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)
