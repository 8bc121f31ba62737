"""Reading an exported picture as a person looks at it: where its views of the body are."""

from __future__ import annotations

from PySide6.QtGui import QImage


def is_skin_colour(red: int, green: int, blue: int) -> bool:
    return red > 200 and 150 < green < 235 and 115 < blue < 215 and red - blue > 25


def body_spans(image: QImage) -> list[tuple[int, int]]:
    """Where the picture's views of the body are across it, left to right: the spans of columns
    with skin in them, apart where white paper parts them (the key's pink swatch is too narrow
    to be a body)."""

    def has_skin(x: int) -> bool:
        return any(is_skin_colour(*image.pixelColor(x, y).getRgb()[:3])
                   for y in range(0, image.height(), 4))

    spans: list[tuple[int, int]] = []
    for x in range(0, image.width(), 2):
        if has_skin(x):
            if spans and x - spans[-1][1] <= 40:  # a shaded flank, not paper: the same body
                spans[-1] = (spans[-1][0], x)
            else:
                spans.append((x, x))
    return [(left, right) for left, right in spans if right - left > 150]


def unlike_pixels(image: QImage, top: QImage, tolerance: int = 48) -> int:
    """How many of `top`'s pixels differ from `image`'s at the same place (`image` as wide,
    and as tall or taller: `top` is its top) by more than `tolerance` in a colour: two renders
    of one picture differ by a few levels where anti-aliasing rounds otherwise (by up to 23,
    seen in the letters of "Left" on a side view), a moved or shrunk one by far more."""
    assert image.width() == top.width() and image.height() >= top.height()
    a = image.convertToFormat(QImage.Format.Format_RGB32)
    b = top.convertToFormat(QImage.Format.Format_RGB32)
    unlike = 0
    for y in range(b.height()):
        row_a = bytes(a.constScanLine(y))[:4 * a.width()]
        row_b = bytes(b.constScanLine(y))[:4 * b.width()]
        if row_a != row_b:
            unlike += sum(1 for x in range(0, len(row_b), 4)
                          if max(abs(p - q) for p, q in zip(row_a[x:x + 3], row_b[x:x + 3],
                                                            strict=True)) > tolerance)
    return unlike
