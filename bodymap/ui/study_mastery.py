"""The study's progress per muscle, weakest first: one row a muscle with '2 of 6' cards right
last time over a bar, dark for the cards learned, light for those right and still being
checked, and the counts in words in its tooltip.

A widget of its own so the panel need not know how a row is drawn; the words come from
`bodymap.study.progress_words`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from bodymap.study.mastery import Progress
from bodymap.study.progress_words import progress_tip
from bodymap.ui.rich_text import plain_tip

BAR = "#0d47a1"
BAR_ROLE = Qt.ItemDataRole.UserRole + 1  # (learned, right last time) as fractions of the cards


class MasteryDelegate(QStyledItemDelegate):
    """Draws a bar under the count, so the weak muscles stand out at a glance: dark for the
    cards learned, light for those right last time and still being checked."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(BAR_ROLE)
        if isinstance(value, (list, tuple)) and len(value) == 2:
            rect = QRect(option.rect).adjusted(2, 4, -2, -4)
            painter.save()
            painter.fillRect(rect, QColor("#e3e7eb"))
            for fraction, alpha in ((value[1], 70), (value[0], 150)):
                filled = QRect(rect)
                filled.setWidth(round(rect.width() * max(0.0, min(1.0, float(fraction)))))
                bar = QColor(BAR)
                bar.setAlpha(alpha)
                painter.fillRect(filled, bar)
            painter.restore()
        super().paint(painter, option, index)


class MasteryList(QTreeWidget):
    """One row per muscle, weakest first (objectName `studyMastery`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyMastery")
        self.setAccessibleName("Progress per muscle, weakest first")
        self.setColumnCount(2)
        self.setHeaderLabels(["Muscle", "Cards right"])
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setItemDelegateForColumn(1, MasteryDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 140)

    def show_progress(self, progress: Mapping[str, Progress], name: Callable[[str], str],
                      intervals: tuple[timedelta, ...]) -> None:
        """'2 of 6' cards right last time per muscle, the bar dark for the learned ones, the
        tooltip in words. `name`: a muscle's shown name, from its id."""
        self.clear()
        for muscle_id, part in sorted(progress.items(), key=lambda kv: (
                kv[1].mastery, name(kv[0]).casefold())):
            shown = name(muscle_id)
            item = QTreeWidgetItem([shown, f"{part.right_last_time} of {part.cards}"])
            item.setData(0, Qt.ItemDataRole.UserRole, muscle_id)
            item.setData(1, Qt.ItemDataRole.UserRole, float(part.mastery))
            cards = part.cards or 1
            item.setData(1, BAR_ROLE, [part.learned / cards, part.right_last_time / cards])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
            tip = plain_tip(progress_tip(shown, part, intervals))
            item.setToolTip(0, tip)
            item.setToolTip(1, tip)
            self.addTopLevelItem(item)
