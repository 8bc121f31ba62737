"""What the study panel says above the student row about its progress file and what it did:
a damaged file moved aside, said prominently until dismissed, and a one-line message (red for
an error) with "Try again" while the file cannot be opened.

Apart from the panel so that opening the store, and saying why it failed, reads as a few calls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from bodymap.ui.rich_text import INK, caution_box_style, text_label
from bodymap.ui.study_pages import WRONG, study_button


class RecoveryWarning(QFrame):
    """'⚠ <what was moved aside> [OK]' (objectName `studyWarningBox`), hidden until shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyWarningBox")
        self.setStyleSheet(caution_box_style("studyWarningBox"))
        self.warning = text_label("studyWarning")
        self.warning.setAccessibleName("Study progress warning")
        dismiss = study_button("OK", "studyWarningDismiss", "Hide this message")
        dismiss.clicked.connect(lambda: self.hide())
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(QLabel("⚠"), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.warning, 1)
        row.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.show()


class MessageLine(QWidget):
    """A one-line message (`studyMessage`), or none, with `studyRetry` beside it when asked;
    the line takes no room while it says nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = text_label("studyMessage")
        self.message.setAccessibleName("Study message")
        self.message.hide()
        self.retry = study_button("Try again", "studyRetry",
                                  "Try to open the study progress file again")
        self.retry.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, text: str, *, error: bool = False) -> None:
        """The message (errors in red), or none for ""."""
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{WRONG if error else INK};")
        self.message.setVisible(bool(text))
        self._fit()

    def offer_retry(self, offered: bool) -> None:
        self.retry.setVisible(offered)
        self._fit()

    def _fit(self) -> None:
        self.setVisible(not self.message.isHidden() or not self.retry.isHidden())
