"""The side view seen from the person's right: the left side's drawing, mirrored.

The window shows it when a muscle on the right is selected, so the regions must be the right
side's (ids, sides, places), the art must be the same picture flipped, and the labels the window
draws must read as before, with their words turned to the other side.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from bodymap.diagram import VIEWS, load_view
from bodymap.diagram.mirror import mirrored, mirrored_text


def test_only_the_side_view_is_drawn_from_one_side():
    assert {name: load_view(name).facing for name in VIEWS} == {
        "posterior": None, "lateral": "L", "anterior": None}
    # Asked for a side, a view of both sides is the drawing itself, as is the side view from
    # the side it is drawn from.
    for side in ("L", "R", "both", None):
        assert load_view("posterior", side) is load_view("posterior")
    assert load_view("lateral", "L") is load_view("lateral")
    assert load_view("lateral", "R") is load_view("lateral", "R")  # built once
    with pytest.raises(ValueError, match="draws both sides"):
        mirrored(load_view("posterior"))


def test_the_right_side_view_has_the_left_ones_regions_on_the_right_mirrored():
    left, right = load_view("lateral"), load_view("lateral", "R")
    assert right.name == "lateral" and right.facing == "R"
    assert right.view_box == left.view_box
    width = left.view_box.width()
    assert len(right.regions) == len(left.regions)
    for region in left.regions.values():
        turned = right.regions[region.id[:-1] + "R"]
        assert (turned.kind, turned.target, turned.trp, turned.layer, turned.side) == (
            region.kind, region.target, region.trp, region.layer, "R")
        box, seen = region.path.boundingRect(), turned.path.boundingRect()
        assert seen.left() == pytest.approx(width - box.right())
        assert (seen.top(), seen.width(), seen.height()) == pytest.approx(
            (box.top(), box.width(), box.height()))
    # Hit testing finds the same muscle at the mirrored point.
    centre = left.regions["x-gluteus_medius-trp3-L"].path.boundingRect().center()
    assert left.region_at(centre, "superficial").target == "gluteus_medius"
    flipped = QPointF(width - centre.x(), centre.y())
    assert right.region_at(flipped, "superficial").id == "m-gluteus_medius-R"
    outline = left.outline.boundingRect()
    assert right.outline.boundingRect().left() == pytest.approx(width - outline.right())


def test_the_labels_read_as_before_and_name_the_other_side():
    left, right = load_view("lateral"), load_view("lateral", "R")
    assert [label.text for label in right.side_labels] == ["Right"]
    caption = next(label for label in left.landmarks if "side view" in label.text)
    assert caption.text == "← front · Left side view · back →"
    assert [label.text for label in right.landmarks if "side view" in label.text] == [
        "← back · Right side view · front →"]  # from the right, the front is on the right
    width = left.view_box.width()
    for before, after in zip(left.landmarks, right.landmarks, strict=True):
        assert after.x == pytest.approx(width - before.x)
        assert after.y == before.y
        # Beside the body on the other side, its text still reaches away from it.
        assert (before.anchor, after.anchor) in {("start", "end"), ("end", "start"),
                                                 ("middle", "middle")}


@pytest.mark.parametrize(("text", "turned"), [
    ("Left", "Right"),
    ("right", "left"),
    ("greater trochanter", "greater trochanter"),
    ("lateral malleolus", "lateral malleolus"),  # "lateral" is no side of the person
    ("← front · Left side view · back →", "← back · Right side view · front →"),
])
def test_a_labels_words_for_the_mirror_image(text, turned):
    assert mirrored_text(text) == turned


def _drawn(svg: bytes, size: QRectF) -> QImage:
    image = QImage(int(size.width()), int(size.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    QSvgRenderer(svg).render(painter, size)
    painter.end()
    return image


def test_the_art_is_the_same_picture_flipped(qapp):
    left, right = load_view("lateral"), load_view("lateral", "R")
    box = QRectF(0, 0, left.view_box.width(), left.view_box.height())
    for layer in ("body", "superficial", "deep"):
        drawn = _drawn(left.art_svg(layer), box)
        flipped = drawn.flipped(Qt.Orientation.Horizontal)
        seen = _drawn(right.art_svg(layer), box)
        inked = same = 0
        for y in range(0, seen.height(), 7):
            for x in range(0, seen.width(), 7):
                expected = flipped.pixelColor(x, y)
                if expected != QColor("white"):
                    inked += 1
                    got = seen.pixelColor(x, y)
                    same += all(abs(a - b) <= 24 for a, b in zip(
                        expected.getRgb(), got.getRgb(), strict=True))
        assert inked > 100, layer
        assert same >= 0.97 * inked, (layer, same, inked)
