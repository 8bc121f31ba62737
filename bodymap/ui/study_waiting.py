"""A study question left waiting: said in the status bar, with a button back to it.

Looking a muscle up mid-question (the muscle list, search) opens the Muscle tab, and the window
gives the body back to the explorer. The question is kept and comes back when the Study tab is
opened again; this tells the student so, where the question's own prompt stood in the status bar,
and on the Study tab's title, which stays in sight in presenter mode (that hides the status bar).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QWidget

WAITING_TAB = "Study (waiting)"


class WaitingQuestion(QWidget):
    """A permanent status-bar widget: a line on what waits, and "Back to the question". A
    permanent widget, not a message: the status bar's messages come and go with every hover and
    search, and the way back must stay in sight until it is taken."""

    def __init__(self, go_back: QAction, tabs: QTabWidget, page: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyWaiting")
        self._tabs = tabs
        self._page = page
        self._title = tabs.tabText(tabs.indexOf(page))
        self.note = QLabel()
        self.note.setObjectName("studyWaitingNote")
        keys = go_back.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.button = QPushButton(f"Back to the question ({keys})" if keys
                                  else "Back to the question")
        self.button.setObjectName("studyBackToQuestion")
        self.button.setToolTip("Open the Study tab: the question is shown on the body again")
        self.button.clicked.connect(go_back.trigger)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 4, 0)
        row.addWidget(self.note)
        row.addWidget(self.button)
        self.hide()

    def show_waiting(self, note: str) -> None:
        """Say what waits (`note`, from the study panel) until `clear`."""
        self.note.setText(note)
        self.button.setAccessibleDescription(note)
        index = self._tabs.indexOf(self._page)
        self._tabs.setTabText(index, WAITING_TAB)
        self._tabs.setTabToolTip(index, f"{note} Open this tab to go back to it.")
        self.show()

    def clear(self) -> None:
        index = self._tabs.indexOf(self._page)
        self._tabs.setTabText(index, self._title)
        self._tabs.setTabToolTip(index, "")
        self.hide()
