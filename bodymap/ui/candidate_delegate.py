"""How the pain finder draws a candidate: the muscle's name in bold, and how well it fits (a word
and a three-step meter) on the first line; why it is a candidate below, smaller and dimmer. Nine
candidates then read as a list of names to scan, not a wall of text.

The item's own text stays the plain two lines (`pain_finder.candidate_lines`), for copying,
tests and the slide; the item's accessible text says the name, the strength and the reason."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from bodymap.ui.candidate_row import ROW_ROLE, CandidateRow
from bodymap.ui.rich_text import MUTED

PAD_X, PAD_Y, LINE_GAP = 8, 5, 2
REASON_SCALE = 0.9  # the reason's font, against the list's
STEP_HEIGHT = 0.6  # a step of the meter, against the height of the reason's font
STEP_GAP = 2
METER_GAP = 6  # between the meter and its word
FULL_STEP = QColor("#37474f")  # dark slate: beside the name, not louder than it
EMPTY_STEP = QColor("#cfd5da")


class CandidateDelegate(QStyledItemDelegate):
    """Paints a `CandidateRow` (in ROW_ROLE); anything else as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, CandidateRow):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws the background, selection and focus; we the words
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        dim = ink if selected else QColor(MUTED)
        bold, small = _fonts(opt.font)
        box = opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        line = QRect(box.left(), box.top(), box.width(), QFontMetrics(bold).height())
        painter.save()
        # The strength at the right end of the first line, the name before it.
        word_width = QFontMetrics(small).horizontalAdvance(row.word)
        step = meter_step(opt.font)
        meter_width = 3 * step.width() + 2 * STEP_GAP
        meter = QRect(line.right() - word_width - METER_GAP - meter_width, 0,
                      meter_width, step.height())
        meter.moveTop(line.center().y() - step.height() // 2)
        for n in range(3):
            cell = QRect(meter.left() + n * (step.width() + STEP_GAP), meter.top(),
                         step.width(), step.height())
            painter.fillRect(cell, (ink if selected else FULL_STEP) if n < row.level else
                             (QColor(255, 255, 255, 90) if selected else EMPTY_STEP))
        painter.setFont(small)
        painter.setPen(dim)
        painter.drawText(QRect(meter.right() + METER_GAP, line.top(), word_width + 1,
                               line.height()), Qt.AlignmentFlag.AlignVCenter, row.word)
        room = meter.left() - METER_GAP - line.left()
        painter.setFont(bold)
        painter.setPen(ink)
        name = QFontMetrics(bold).elidedText(row.name, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRect(line.left(), line.top(), room, line.height()),
                         Qt.AlignmentFlag.AlignVCenter, name)
        used = QFontMetrics(bold).horizontalAdvance(name)
        if row.note and used < room:
            painter.setFont(small)
            painter.setPen(dim)
            note = QFontMetrics(small).elidedText(f"  · {row.note}", Qt.TextElideMode.ElideRight,
                                                  room - used)
            painter.drawText(QRect(line.left() + used, line.top(), room - used, line.height()),
                             Qt.AlignmentFlag.AlignVCenter, note)
        painter.setFont(small)
        painter.setPen(dim)
        painter.drawText(QRect(box.left(), line.bottom() + 1 + LINE_GAP, box.width(),
                               box.bottom() - line.bottom()),
                         Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, row.reason)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        row = index.data(ROW_ROLE)
        if not isinstance(row, CandidateRow):
            return super().sizeHint(option, index)
        bold, small = _fonts(option.font)
        width = _row_width(option)
        reason = QFontMetrics(small).boundingRect(
            QRect(0, 0, max(1, width - 2 * PAD_X), 100_000),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, row.reason)
        return QSize(width, 2 * PAD_Y + QFontMetrics(bold).height() + LINE_GAP
                     + reason.height())


def _fonts(font: QFont) -> tuple[QFont, QFont]:
    bold = QFont(font)
    bold.setBold(True)
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * REASON_SCALE)
    return bold, small


def meter_step(font: QFont) -> QSize:
    """One step of the meter, in proportion to the text: presenter mode enlarges both."""
    height = max(6, round(QFontMetrics(_fonts(font)[1]).height() * STEP_HEIGHT))
    return QSize(round(height * 0.8), height)


def _row_width(option: QStyleOptionViewItem) -> int:
    """The width a row is laid out at: the list's (which lays its rows out again when that
    changes, a scroll bar coming or going included: `QListView.ResizeMode.Adjust`)."""
    view = option.widget
    width = view.viewport().width() if isinstance(view, QAbstractItemView) else option.rect.width()
    return max(width, 120)
