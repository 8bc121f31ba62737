"""The technique coach's two painted gauges: the 0-10 discomfort scale with the technique's
target band and release point, and the hold bar against the maximum hold."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from bodymap.ui.rich_text import INK, MUTED

# Colours chosen for a washed-out class projector as much as for a laptop: strong, few, and never
# relying on hue alone (every state also has words).
ACCENT = "#0d47a1"
TARGET = "#e65100"
TARGET_FILL = "#ffd8b0"
RELEASE = "#2e7d32"
RELEASE_FILL = "#c8e6c9"
ALARM = "#b71c1c"
# A hold that eased only after running past its maximum: not the green of a hold done right.
OVERHELD = "#8c3a00"
OVERHELD_FILL = "#fff3cd"


# -- the discomfort scale -------------------------------------------------------------------------
class DiscomfortScale(QWidget):
    """A 0-10 scale the practitioner sets from the client's report, showing the technique's
    target band (where the pressure should build to) and the release point."""

    valueChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discomfortScale")
        self.setAccessibleName("Discomfort scale, 0 to 10")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._value = 0
        self.target: tuple[int, int] = (0, 0)
        self.release_at = 0
        self.setAccessibleDescription("0 of 10")

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = max(0, min(10, int(value)))
        if value == self._value:
            return
        self._value = value
        self.setAccessibleDescription(f"{value} of 10")
        self.update()
        self.valueChanged.emit(value)

    def set_target(self, low: int, high: int, release_at: int) -> None:
        self.target = (low, high)
        self.release_at = release_at
        self.update()

    # -- geometry ------------------------------------------------------------------------------
    def _cell_height(self) -> int:
        return max(34, self.fontMetrics().height() * 2)

    def _caption_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:
        return QSize(440, self._cell_height() + self._caption_height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(11 * 22, self.sizeHint().height())

    def _cell(self, value: int) -> QRectF:
        gap = 4.0
        width = (self.width() - 2 - gap * 10) / 11
        return QRectF(1 + value * (width + gap), 1, width, self._cell_height())

    def value_at(self, x: float) -> int:
        for value in range(11):
            cell = self._cell(value)
            if x < cell.right() + 2:
                return value
        return 10

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        low, high = self.target
        number_font = QFont(self.font())
        number_font.setBold(True)
        number_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        for value in range(11):
            cell = self._cell(value)
            in_target = low <= value <= high and high > 0
            is_release = value == self.release_at and high > 0
            if value == self._value:
                fill, border, text, pen_width = QColor(ACCENT), QColor(ACCENT), QColor("white"), 2
            elif in_target:
                fill, border, text, pen_width = QColor(TARGET_FILL), QColor(TARGET), INK, 2
            elif is_release:
                fill, border, text, pen_width = QColor(RELEASE_FILL), QColor(RELEASE), INK, 2
            else:
                fill, border, text, pen_width = QColor("#f1f3f5"), QColor("#c3c9cf"), INK, 1
            painter.setPen(QPen(border, pen_width))
            painter.setBrush(fill)
            painter.drawRoundedRect(cell.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
            painter.setPen(QColor(text))
            painter.setFont(number_font)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(value))
        # Captions under the band and the release cell say in words what the colours mean.
        painter.setFont(self.font())
        top = self._cell_height() + 3
        height = self._caption_height()
        if high > 0:
            band = self._cell(low).united(self._cell(high))
            caption = QRectF(band.left() - 20, top, band.width() + 40, height)
            painter.setPen(QColor(TARGET))
            painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             "target")
            cell = self._cell(self.release_at)
            caption = QRectF(cell.center().x() - 40, top, 80, height)
            painter.setPen(QColor(RELEASE))
            painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             "release")
        painter.setPen(QColor(MUTED))
        for value, word in ((0, "none"), (10, "worst")):
            if high > 0 and (low <= value <= high or value == self.release_at):
                continue
            cell = self._cell(value)
            caption = QRectF(cell.center().x() - 40, top, 80, height)
            painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             word)
        if self.hasFocus():
            painter.setPen(QPen(QColor(ACCENT), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(0, 0, -1, -1))
        painter.end()

    # -- input ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = SCALE_KEYS.get(Qt.Key(event.key()))
        if step is not None:
            self.setValue(self._value + step)
        elif Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9:
            self.setValue(event.key() - Qt.Key.Key_0)
        elif event.key() == Qt.Key.Key_Home:
            self.setValue(0)
        elif event.key() == Qt.Key.Key_End:
            self.setValue(10)
        else:
            event.ignore()  # Space, N, P, ... go on to the coach

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.setValue(self.value_at(event.position().x()))


SCALE_KEYS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: 1,
}


# -- the hold bar ---------------------------------------------------------------------------------
class HoldBar(QWidget):
    """Elapsed hold against the maximum, with a tick at the typical hold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holdBar")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.elapsed = 0.0
        self.typical = 0.0
        self.maximum = 0.0

    def sizeHint(self) -> QSize:
        return QSize(300, 18)

    def set_values(self, elapsed: float, typical: float, maximum: float) -> None:
        self.elapsed, self.typical, self.maximum = elapsed, typical, maximum
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(self.rect()).adjusted(1, 3, -1, -3)
        painter.setPen(Qt.PenStyle.NoPen)
        alarm = self.maximum > 0 and self.elapsed >= self.maximum
        painter.setBrush(QColor(255, 255, 255, 90) if alarm else QColor("#e3e7eb"))
        painter.drawRoundedRect(track, 5, 5)
        if self.maximum > 0:
            fraction = min(1.0, self.elapsed / self.maximum)
            if self.elapsed >= self.maximum:
                colour = "#ffffff"  # the panel itself turns red at the maximum
            elif self.typical and self.elapsed >= self.typical:
                colour = RELEASE
            else:
                colour = ACCENT
            if fraction > 0:
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(
                    QRectF(track.left(), track.top(), track.width() * fraction, track.height()),
                    5, 5)
            if 0 < self.typical < self.maximum:
                x = track.left() + track.width() * self.typical / self.maximum
                painter.setPen(QPen(QColor(ALARM if alarm else INK), 2))
                painter.drawLine(int(x), int(track.top()) - 3, int(x), int(track.bottom()) + 3)
        painter.end()
