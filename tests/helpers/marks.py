"""Reading the marked pain in an exported picture as a person looks for it: the blue hatch on
each view of the body."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QImage


def _rows(image: QImage) -> list[bytes]:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data, line = bytes(image.constBits()), image.bytesPerLine()
    return [data[y * line:y * line + 4 * image.width()] for y in range(image.height())]


def is_pain_blue(red: int, green: int, blue: int) -> bool:
    """The marked pain's hatch (#195fc8 lines), not skin, muscle, referral red or text."""
    return blue > 150 and red < 110 and green < 150


def picture_rows(image: QImage) -> tuple[int, int]:
    """The rows of the views of the body: the tallest run of rows with something drawn (the
    title above and the key below are runs of their own, white paper between)."""
    runs: list[list[int]] = []
    for y, row in enumerate(_rows(image)):
        if any(min(row[i:i + 3]) <= 248 for i in range(0, len(row), 8)):
            if runs and y <= runs[-1][1] + 4:
                runs[-1][1] = y
            else:
                runs.append([y, y])
    top, bottom = max(runs, key=lambda run: run[1] - run[0])
    return top, bottom


def is_bluish(red: int, green: int, blue: int) -> bool:
    """Any blue a person would take for the key's blue of marked pain, faint lines included."""
    return blue > red + 25 and blue > green + 10


def marked_per_view(image: QImage, centres: list[float],
                    colour: Callable[[int, int, int], bool] = is_pain_blue) -> list[int]:
    """How many pixels of the pain hatch (or of another `colour`) each view of the body has,
    the views given by their middles across the picture (their captions' middles), left to
    right: each pixel counts for the nearest. The key's hatched swatch, under the views, is not
    counted."""
    top, bottom = picture_rows(image)
    counts = [0] * len(centres)
    for row in _rows(image)[top:bottom + 1]:
        for x in range(image.width()):
            if colour(row[4 * x + 2], row[4 * x + 1], row[4 * x]):
                counts[min(range(len(centres)), key=lambda n: abs(centres[n] - x))] += 1
    return counts
