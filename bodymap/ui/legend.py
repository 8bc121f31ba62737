"""The key to the body's colours (Travell & Simons' convention): in the view's corner, and on
every exported picture, drawn by the same code so both read alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from bodymap.ui.body_scene import (
    PAIN_BLUE,
    essential_brush,
    mastery_brush,
    pain_brush,
    pain_over_brush,
    provisional_pen,
    solid_brush,
    spillover_brush,
)

Row = tuple[str, str]  # (kind, text)
REFERRAL_ROWS: tuple[Row, ...] = (
    ("essential", "Essential referral zone"), ("spillover", "Spillover zone"),
    ("marker", "Trigger point"))
PAIN_ROW: Row = ("pain", "Marked pain")
# In the window's key, under the referral rows: the dashed edge is explained where it is seen.
PROVISIONAL_ROW: Row = ("provisional", "Provisional zone")
MASTERY_ROWS: tuple[Row, ...] = (
    ("mastery-0", "Not known yet"), ("mastery-0.4", "Learning"), ("mastery-1", "Known well"))
SKIN = QColor(240, 214, 196)  # under each swatch, as the zones lie on skin


def key_size(rows: Sequence[Row], metrics: QFontMetricsF,
             widest: Sequence[Row] | None = None) -> QSizeF:
    """The key's size for `rows` in this font; `widest` (default: rows) sets the width, so a key
    that changes rows need not change width."""
    width = max(metrics.horizontalAdvance(text) for _, text in widest or rows)
    line = metrics.height() + 6
    return QSizeF(width + 44, len(rows) * line + 10)


def paint_key(painter: QPainter, box: QRectF, rows: Sequence[Row], metrics: QFontMetricsF,
              ink: QColor) -> None:
    """Draw the key into `box` (sized by `key_size`) with the painter's font."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(0, 0, 0, 60)))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    line = metrics.height() + 6
    for row, (kind, text) in enumerate(rows):
        top = box.top() + 6 + row * line
        swatch = QRectF(box.left() + 8, top + 2, 22, line - 8)
        if kind == "marker":
            painter.setPen(QPen(QColor(20, 20, 20), 2.4))
            c = swatch.center()
            painter.drawLine(c + QPointF(-5, -5), c + QPointF(5, 5))
            painter.drawLine(c + QPointF(-5, 5), c + QPointF(5, -5))
        elif kind == "pain":
            _paint_pain_swatch(painter, swatch)
        elif kind == "provisional":
            _fill(painter, swatch, solid_brush(SKIN))
            _fill(painter, swatch, essential_brush())
            painter.setPen(provisional_pen())
            painter.setBrush(QBrush())
            painter.drawRect(swatch)
        else:
            painter.setPen(QPen(QColor(90, 90, 90), 1))
            _fill(painter, swatch, solid_brush(SKIN))
            painter.setBrush(_swatch_brush(kind))
            painter.drawRect(swatch)
            painter.setBrush(QBrush())
        painter.setPen(ink)
        painter.drawText(QRectF(box.left() + 38, top, box.width() - 40, line),
                         Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()


def _paint_pain_swatch(painter: QPainter, swatch: QRectF) -> None:
    """Marked pain as the body draws it, ringed in blue: hatched on skin (left half), and
    hatched over a referral's red (right half), as when a candidate is shown over the pain."""
    left, right = QRectF(swatch), QRectF(swatch)
    left.setRight(swatch.center().x())
    right.setLeft(swatch.center().x())
    _fill(painter, swatch, solid_brush(SKIN))
    _fill(painter, left, pain_brush())
    _fill(painter, right, pain_over_brush("essential"))
    painter.setPen(QPen(PAIN_BLUE, 2))
    painter.setBrush(QBrush())
    painter.drawRect(swatch)


def _fill(painter: QPainter, rect: QRectF, brush: QBrush) -> None:
    """painter.fillRect(rect, brush), without choosing among its nine overloads: that makes
    PySide6 build QGradient's enums (~5 ms) while the first window paints its key."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush)
    painter.drawRect(rect)
    painter.restore()


def _swatch_brush(kind: str) -> QBrush:
    if kind.startswith("mastery-"):
        return mastery_brush(float(kind.removeprefix("mastery-")))
    return {"essential": essential_brush, "spillover": spillover_brush}[kind]()


class Legend(QWidget):
    """The key in the body view's corner: the referral key (with marked pain when some is
    marked), or the mastery key while study colours the body."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.rows: tuple[Row, ...] = (*REFERRAL_ROWS, PROVISIONAL_ROW)
        self.pain_row: Row = PAIN_ROW
        self.setAccessibleName("Legend: " + ", ".join(text for _, text in self.rows))

    def show_rows(self, *, pain: bool, mastery: bool, pain_label: str = PAIN_ROW[1]) -> None:
        """`pain_label` names the blue marks: a client's pain, or a student's answer."""
        self.pain_row = ("pain", pain_label)
        referral = (*REFERRAL_ROWS, PROVISIONAL_ROW)
        self.rows = (MASTERY_ROWS if mastery else
                     (*referral, self.pain_row) if pain else referral)
        self.setAccessibleName("Legend: " + ", ".join(text for _, text in self.rows))
        self.adjustSize()
        self.update()

    def sizeHint(self):
        every = (*REFERRAL_ROWS, PROVISIONAL_ROW, PAIN_ROW, self.pain_row, *MASTERY_ROWS)
        return key_size(self.rows, QFontMetricsF(self.font()), every).toSize()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_key(painter, QRectF(self.rect()), self.rows, QFontMetricsF(self.font()),
                  self.palette().text().color())
