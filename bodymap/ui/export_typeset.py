"""Words set on paper: a picture's title, key and words laid out for the device they are painted
on, in the application's font with its OpenType shaping, and a slide's column of key, words and
sources, its words shrunk to fit.

`export_words` says what the words are; this module sets them, at the sizes `export` gives,
alike on a PNG's pixels, an SVG's and a PDF's 300 dpi.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPaintDevice, QPainter, QTextDocument

from bodymap.ui.legend import Row, key_size, paint_key
from bodymap.ui.rich_text import escape

KEY_FONT_PX = 13  # the key's text before it is scaled with the picture
MIN_SLIDE_TEXT = 0.55  # the smallest a slide's words shrink to, to fit all they must say


def print_font(px: int) -> QFont:
    """The application's font at `px` pixels, shaped: the window skips OpenType shaping for
    speed (`prefer_unshaped_text`), but a slide or handout keeps its kerning."""
    font = QFont()
    font.setStyleStrategy(QFont.StyleStrategy.PreferDefault)
    font.setPixelSize(px)
    return font


def key_font() -> QFont:
    return print_font(KEY_FONT_PX)


def typeset(device: QPaintDevice, html: str, width: float, px: int) -> QTextDocument:
    """Rich text laid out for the device it is painted on (a PNG's pixels or a PDF's 300 dpi)
    with spacing in the same pixels, so every format lays out alike."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(print_font(px))
    document.setDocumentMargin(0)
    # Style-sheet pixels are 1/96 inch on the device; the font's pixels are the device's own.
    gap = px * 0.6 * 96 / device.logicalDpiY()
    document.setDefaultStyleSheet(f"p {{ margin-top: 0px; margin-bottom: {gap:.1f}px; }}")
    # A list's numbers ("5.") go in its indent, which is as wide as the text is large: Qt's own
    # 40 pixels printed them left of where the words begin, past a page's margin.
    document.setIndentWidth(2 * px)
    document.setHtml(html)
    document.setTextWidth(width)
    return document


def draw_text(painter: QPainter, document: QTextDocument, left: float, top: float) -> float:
    """Draw the laid-out text from (left, top); returns where it ends."""
    painter.save()
    painter.translate(left, top)
    document.drawContents(painter)
    painter.restore()
    return top + document.size().height()


def title_text(device: QPaintDevice, title: str, width: float,
               px: int) -> QTextDocument | None:
    """A slide's title, bold at 1.8 times its words' size; None for no title."""
    if not title:
        return None
    return typeset(device, f"<b>{escape(title)}</b>", width, round(px * 1.8))


class SlideWords:
    """What a slide says beside its picture (its title runs across the top): the key, the words
    and, at the foot, the sources. The words shrink, down to `MIN_SLIDE_TEXT`, to fit what they
    must say above the foot, so nothing is cut (a long candidate list)."""

    def __init__(self, device: QPaintDevice, rows: tuple[Row, ...], body_html: str,
                 foot_html: str, px: int) -> None:
        self.device, self.rows, self.px = device, rows, px
        self.body_html, self.foot_html = body_html, foot_html

    def _key_scale(self) -> float:
        return self.px / KEY_FONT_PX

    def key_width(self) -> float:
        """The key's width on the slide: the column must be as wide, or it runs past the
        slide's margin (rectus abdominis's did, its "Essential referral zone" to 28 px from
        the edge)."""
        if not self.rows:
            return 0.0
        return key_size(self.rows, QFontMetricsF(key_font())).width() * self._key_scale()

    def _key_height(self) -> float:
        if not self.rows:
            return 0.0
        key = key_size(self.rows, QFontMetricsF(key_font()))
        return (key.height() + 12) * self._key_scale() + self.px * 0.6

    def _foot(self, width: float) -> QTextDocument:
        return typeset(self.device, self.foot_html, width, round(self.px * 0.8))

    def _room_for_words(self, width: float, height: float) -> float:
        return height - self._key_height() - self._foot(width).size().height() - self.px

    def fit(self, width: float, height: float, shrunk: float = 1.0) -> bool:
        """Whether everything fits in a column this size with the words at `shrunk` times their
        full size."""
        if self.key_width() > width:
            return False
        words = typeset(self.device, self.body_html, width, round(self.px * shrunk))
        return words.size().height() <= self._room_for_words(width, height)

    def draw(self, painter: QPainter, column: QRectF) -> None:
        top = column.top()
        if self.rows:
            metrics = QFontMetricsF(key_font())
            scale = self._key_scale()
            painter.save()
            painter.translate(column.left(), top + self.px * 0.6)
            painter.scale(scale, scale)
            painter.setFont(key_font())
            paint_key(painter, QRectF(QPointF(0, 0), key_size(self.rows, metrics)), self.rows,
                      metrics, QColor(30, 30, 30))
            painter.restore()
            top += self._key_height()
        room = self._room_for_words(column.width(), column.height())
        px = self.px
        words = typeset(self.device, self.body_html, column.width(), px)
        while words.size().height() > room and px > self.px * MIN_SLIDE_TEXT:
            px -= 1
            words = typeset(self.device, self.body_html, column.width(), px)
        draw_text(painter, words, column.left(), top)
        foot = self._foot(column.width())
        draw_text(painter, foot, column.left(), column.bottom() - foot.size().height())
