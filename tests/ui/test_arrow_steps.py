"""Where an arrow takes the focus ring, on plain rectangles (the view passes its regions'
bounding boxes as the screen shows them)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from bodymap.ui.arrow_steps import DIRECTIONS, next_box


def grid(columns: int, rows: int, size: float = 50) -> list[QRectF]:
    """Tiles touching edge to edge, row by row."""
    return [QRectF(x * size, y * size, size, size) for y in range(rows) for x in range(columns)]


def reached(boxes: list[QRectF], start: int = 0, sides=None) -> set[int]:
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for direction in DIRECTIONS:
            there = next_box(boxes, here, direction, sides)
            if there not in seen:
                seen.add(there)
                todo.append(there)
    return seen


def test_each_arrow_goes_to_the_neighbouring_tile():
    tiles = grid(3, 3)
    middle = 4
    assert next_box(tiles, middle, "up") == 1
    assert next_box(tiles, middle, "down") == 7
    assert next_box(tiles, middle, "left") == 3
    assert next_box(tiles, middle, "right") == 5


def test_at_the_edge_the_ring_stays_with_no_wrap():
    tiles = grid(3, 3)
    assert next_box(tiles, 2, "right") == 2
    assert next_box(tiles, 2, "up") == 2
    assert next_box(tiles, 6, "left") == 6
    assert next_box(tiles, 8, "down") == 8


def test_down_skips_a_long_strip_beside_for_the_tile_below():
    # A tall strip on the right reaches lower than the top tile, and its middle is lower: it is
    # beside the tile, not below it.
    top, below, strip = QRectF(0, 0, 60, 40), QRectF(0, 40, 60, 40), QRectF(60, 0, 30, 200)
    assert next_box([top, below, strip], 0, "down") == 1
    assert next_box([top, below, strip], 0, "right") == 2


def test_a_box_level_with_the_start_is_not_below_it():
    # Two long muscles side by side, one reaching a little lower: Down does not step across.
    left, right = QRectF(0, 0, 40, 260), QRectF(40, 0, 30, 300)
    assert next_box([left, right], 0, "down") == 0
    assert next_box([left, right], 0, "right") == 1


def test_across_the_body_the_same_region_on_the_other_side():
    # A buttock each side, a lower back muscle reaching down beside the left one's top.
    left, right, back = QRectF(150, 250, 100, 120), QRectF(350, 250, 100, 120), QRectF(
        260, 40, 30, 300)
    assert next_box([left, right, back], 0, "right") == 1
    assert next_box([left, right, back], 1, "left") == 0


def test_up_and_down_keep_to_the_side_of_the_body_where_they_can():
    # Below the left thigh: the right knee, nearer, under a part of it, and the left knee.
    thigh = QRectF(0, 0, 100, 100)
    right_knee, left_knee = QRectF(60, 110, 100, 40), QRectF(0, 160, 60, 40)
    boxes = [thigh, right_knee, left_knee]
    assert next_box(boxes, 0, "down") == 1  # by the boxes alone
    assert next_box(boxes, 0, "down", ["L", "R", "L"]) == 2
    # A region on the midline belongs to either side.
    assert next_box(boxes, 0, "down", ["L", None, "L"]) == 1
    # Left and Right cross the body.
    assert next_box([thigh, QRectF(120, 0, 100, 100)], 0, "right", ["L", "R"]) == 1


def test_a_region_only_off_the_straight_line_is_still_reached():
    # Nothing straight right of the start; a box 50 degrees off is, as nothing nearer is.
    start, aside = QRectF(0, 0, 20, 20), QRectF(100, 120, 20, 20)
    assert next_box([start, aside], 0, "right") == 1
    # Far off to the side (70 degrees) it is not that way at all.
    assert next_box([start, QRectF(100, 275, 20, 20)], 0, "right") == 0
    # And a box straight on wins over it.
    assert next_box([start, aside, QRectF(300, 0, 20, 20)], 0, "right") == 2


def test_every_tile_of_a_ragged_grid_is_reached():
    # Rows of different widths, offset from each other, as the zones down a leg are.
    boxes = [QRectF(x * 45 + row * 12, row * 50, 45, 50)
             for row in range(6) for x in range(2 + row % 3)]
    assert reached(boxes) == set(range(len(boxes)))
