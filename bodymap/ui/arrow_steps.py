"""Where an arrow key takes the body's focus ring: the region the eye meets next that way.

The regions are taken as their bounding boxes as the view shows them (the back view's left is the
person's left, the front view's the person's right, the side view is mirrored for the right
side), the arrow as a direction on the screen. A box is a candidate when it lies further on in
that direction: its middle well past the start's (by 0.4 of the shorter box's length) and neither
of its ends short of the start's, so that a long strip beside a short tile is beside it, not
below it, and two long back muscles side by side are not above one another.

Candidates are taken in rings, the first ring holding any wins:
0. in line: within 45 degrees of the arrow, middle to middle, or overlapping the start across
   the arrow (by 0.4 of the wider box, or along the whole start: a strip the start lies beside);
   for Up and Down, on the start's side of the body (or the midline);
1. the same on the other side of the body, for Up and Down where the start's side has none;
2. a wider cone, up to 56 degrees off the arrow, so that a region reached only obliquely is not
   left unreachable.
Within a ring the nearest wins: the distance along the arrow between the middles, plus twice
how far each middle lies off the other box across the arrow (on average), plus half the distance
across between the middles; of two as near, the earlier box (the view lists them in reading
order). With no candidate the ring stays: there is nothing that way, and no
wrap to the far end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import QRectF

Direction = Literal["up", "down", "left", "right"]
DIRECTIONS: tuple[Direction, ...] = ("up", "down", "left", "right")
SIDEWAYS = 2.0  # how much a middle's distance off the other box counts, for one unit along
CENTRES = 0.5  # and how much the distance across between the middles
PAST = 0.4  # a candidate's middle lies past the start's by this share of the shorter's length
SLACK = 0.1  # an end may fall short of the start's by this share of the shorter box's length
ALIGNED = 0.4  # boxes overlapping across by this share of the wider are in line
BESIDE = 0.9  # or by this share of the start's own width: the start lies beside it
WIDE = 1.5  # the last ring's cone: at most this far across for each unit along (56 degrees)


def _along(box: QRectF, direction: Direction) -> tuple[float, float, float, float]:
    """The box as (near end, far end, low side, high side) with the direction pointing to
    growing values along it: the box turned so that the arrow points down its first axis."""
    if direction == "down":
        return box.top(), box.bottom(), box.left(), box.right()
    if direction == "up":
        return -box.bottom(), -box.top(), box.left(), box.right()
    if direction == "right":
        return box.left(), box.right(), box.top(), box.bottom()
    return -box.right(), -box.left(), box.top(), box.bottom()


def _outside(x: float, low: float, high: float) -> float:
    """How far `x` lies outside the span from `low` to `high` (0 within it)."""
    return max(low - x, 0.0, x - high)


def next_box(boxes: Sequence[QRectF], start: int, direction: Direction,
             sides: Sequence[str | None] | None = None) -> int:
    """The index of the box an arrow in `direction` moves to from `boxes[start]`; `start` itself
    when nothing lies that way. `sides`, one for each box ("L", "R", or None on the midline),
    keeps Up and Down on the start's side of the body where the other side offers as good."""
    near, far, low, high = _along(boxes[start], direction)
    middle, across = (near + far) / 2, (low + high) / 2
    own_side = sides[start] if sides is not None else None
    best: tuple[int, float, int] | None = None
    for index, box in enumerate(boxes):
        if index == start:
            continue
        c_near, c_far, c_low, c_high = _along(box, direction)
        on = (c_near + c_far) / 2 - middle
        shorter = min(far - near, c_far - c_near)
        if on <= 0 or on < PAST * shorter or min(c_near - near, c_far - far) < -SLACK * shorter:
            continue  # not further that way: behind, level, or reaching back past the start
        c_across = (c_low + c_high) / 2
        offset = abs(c_across - across)
        overlap = min(c_high, high) - max(c_low, low)
        if (offset <= on or overlap >= ALIGNED * max(high - low, c_high - c_low)
                or overlap >= BESIDE * (high - low)):
            other_side = (direction in ("up", "down") and own_side is not None
                          and sides is not None and sides[index] not in (None, own_side))
            ring = 1 if other_side else 0
        elif offset <= WIDE * on:
            ring = 2
        else:
            continue
        # Off to the side: each middle's distance from the other's span across, on average.
        aside = (_outside(across, c_low, c_high) + _outside(c_across, low, high)) / 2
        candidate = (ring, on + SIDEWAYS * aside + CENTRES * offset, index)
        if best is None or candidate < best:
            best = candidate
    return start if best is None else best[2]
