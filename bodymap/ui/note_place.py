"""Where a note on the body goes: in a free margin of the view, clear of the body's drawn art.

The body's silhouette is taken as a stack of thin horizontal bands, each as wide as the body is
anywhere within it (`body_bands`): a box clear of every band is clear of the outline, and no note
is squeezed between the legs or between an arm and the trunk. `free_spot` then finds the highest
place for a box of a given size that keeps clear of the bands and of every other obstacle (the
trigger points' marks, the key, the painted referral, the landmark labels).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QPainterPath

from bodymap.diagram import View

BANDS = 160  # bands down the view's drawing: about 7 scene units (a finger's width) each


@functools.lru_cache(maxsize=8)
def body_bands(view: View) -> tuple[QRectF, ...]:
    """The view's body outline as horizontal bands (scene units), each covering the outline's
    whole extent across within its height; empty when the drawing has no outline."""
    outline = view.outline
    if outline.isEmpty():
        return ()
    box = outline.boundingRect()
    height = box.height() / BANDS
    bands = []
    for i in range(BANDS):
        strip = QPainterPath()
        strip.addRect(QRectF(box.left() - 1, box.top() + i * height, box.width() + 2, height))
        part = outline.intersected(strip).boundingRect()
        if not part.isEmpty():
            bands.append(QRectF(part.left(), box.top() + i * height, part.width(), height))
    return tuple(bands)


def free_spot(size: QSize, area: QRectF, obstacles: Sequence[QRectF], *, pad: float,
              step: int, rightward: bool) -> QPoint | None:
    """The highest place inside `area` for a box of `size` that keeps `pad` clear of every
    obstacle (all in the same coordinates), as far right as it can go when `rightward` else as
    far left; None when there is no such place."""
    width, height = size.width(), size.height()
    if width > area.width() or height > area.height():
        return None
    lowest = int(area.bottom() - height)
    for y in [*range(int(area.top()), lowest, max(1, step)), lowest]:
        top, bottom = y - pad, y + height + pad
        taken = sorted((rect.left() - pad, rect.right() + pad) for rect in obstacles
                       if rect.bottom() > top and rect.top() < bottom)
        gaps, start = [], area.left()
        for left, right in taken:
            if left > start:
                gaps.append((start, left))
            start = max(start, right)
        if start < area.right():
            gaps.append((start, area.right()))
        fits = [gap for gap in gaps if gap[1] - gap[0] >= width]
        if fits:
            if rightward:
                return QPoint(int(fits[-1][1] - width), y)
            return QPoint(math.ceil(fits[0][0]), y)
    return None
