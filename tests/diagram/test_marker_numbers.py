"""The trigger points as the window draws them: each X with its number in a corner of it, the
same size in pixels at every zoom. The number is at the upper right, where users look for it,
unless another marker of the muscle lies close there; then it goes to the corner that keeps it
clear. Every X and every number must stand clear of the others at the window's first-start size,
in every view that draws the muscle, or a class cannot tell TrP2 from TrP3."""

from __future__ import annotations

from itertools import combinations

import pytest
from helpers.window import click, trigger
from PySide6.QtCore import QLineF, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from bodymap.diagram import VIEWS, load_view
from bodymap.model import Catalog, load_catalog
from bodymap.ui.body_scene import MarkerItem
from bodymap.ui.main_window import MainWindow

MARGIN = 2.0  # pixels at least between two markers' inks: touching inks read as one mark
NOTHING_NEAR = 60.0  # pixels between two Xs beyond which neither number has cause to move
UPPER_RIGHT = Qt.Corner.TopRightCorner
CORNERS = (UPPER_RIGHT, Qt.Corner.TopLeftCorner, Qt.Corner.BottomRightCorner,
           Qt.Corner.BottomLeftCorner)

CATALOG = load_catalog()
SEVERAL_TRPS = sorted(m.id for m in CATALOG.muscles.values() if len(m.trigger_points) > 1)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return CATALOG


@pytest.fixture
def window(qtbot, tmp_path, catalog: Catalog) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(catalog, settings, progress_path=tmp_path / "progress.sqlite3")
    qtbot.addWidget(win)
    win.resize(1320, 860)  # the size the window opens at on first start
    win.show()
    qtbot.waitExposed(win)
    return win


def ink(window: MainWindow, marker: MarkerItem) -> QRectF:
    """Where the marker's X and number are painted in the viewport."""
    view = window.body_view
    return marker.deviceTransform(view.viewportTransform()).mapRect(marker.ink_rect())


def centre(window: MainWindow, marker: MarkerItem) -> QPointF:
    """Where the marker's X is centred in the viewport."""
    view = window.body_view
    return marker.deviceTransform(view.viewportTransform()).map(QPointF(0, 0))


def gap(a: QRectF, b: QRectF) -> float:
    """Pixels between two rects along the axis they are furthest apart on (< 0: overlapping)."""
    return max(b.left() - a.right(), a.left() - b.right(), b.top() - a.bottom(),
               a.top() - b.bottom())


def check_markers_apart(window: MainWindow, muscle_id: str, side: str) -> set[str]:
    """The muscle's markers on that side that the view shows now: all visible, each numbered,
    each X and number clear of the others, a number with nothing near at the upper right.
    Returns their TrPs' ids."""
    view = window.body_view
    markers = sorted(view.body_scene().markers.get((muscle_id, side), []),
                     key=lambda m: m.number)
    where = f"{muscle_id} ({side}), {view.view_name} view"
    assert all(m.isVisible() for m in markers), where
    assert all(m.number for m in markers), where
    assert len({m.number for m in markers}) == len(markers), where
    for a, b in combinations(markers, 2):
        ink_a, ink_b = ink(window, a), ink(window, b)
        assert ink_a.width() > 20 and ink_a.height() > 20  # an X and its number, in pixels
        assert gap(ink_a, ink_b) >= MARGIN, (
            f"TrP{a.number} and TrP{b.number} of {where} are {gap(ink_a, ink_b):.1f} px "
            f"apart: {ink_a} {ink_b}")
    for marker in markers:
        if all(QLineF(centre(window, marker), centre(window, other)).length() > NOTHING_NEAR
               for other in markers if other is not marker):
            assert marker.corner == UPPER_RIGHT, f"TrP{marker.number} of {where}"
    return {m.region.trp for m in markers}


def test_several_muscles_have_several_trigger_points():
    # What the test below walks through; the three whose numbers once touched among them.
    assert {"gluteus_maximus", "gluteus_medius", "quadratus_lumborum"} <= set(SEVERAL_TRPS)


@pytest.mark.parametrize("side", ["L", "R"])
@pytest.mark.parametrize("muscle_id", SEVERAL_TRPS)
def test_numbers_stand_clear_of_each_other(qtbot, window: MainWindow, muscle_id, side):
    # E.g. gluteus maximus: TrP3, in the lowest, most medial fibres, lies medial to and a little
    # below TrP2 over the sit bone, on the left side to the right on screen, near TrP2's number.
    view = window.body_view
    drawn = [(name, layer) for name, layer in view.layers_of(muscle_id)
             if side in view.body_scene(name).sides_of(muscle_id)]
    assert drawn, f"no view draws {muscle_id} on the {side} side"
    name, layer = drawn[0]  # go where the muscle is drawn, as a person would, and click it
    if name != view.view_name:
        trigger(window, f"actionView{name.title()}")
    if layer != view.layer:
        trigger(window, f"actionLayer{layer.title()}")
    click(qtbot, window, muscle_id, side)
    assert window.selected == (muscle_id, side)
    seen = {view.view_name: check_markers_apart(window, muscle_id, side)}
    # Then the other views that draw its markers (the side view: seen from the muscle's side).
    for other in VIEWS:
        if other not in seen and (muscle_id, side) in view.body_scene(other).markers:
            trigger(window, f"actionView{other.title()}")
            assert view.view_name == other and window.selected == (muscle_id, side)
            seen[other] = check_markers_apart(window, muscle_id, side)
    drawn_trps = {region.trp for each in VIEWS for region in load_view(each, side).regions.values()
                  if region.kind == "marker" and (region.target, region.side) == (
                      muscle_id, side)}
    assert set().union(*seen.values()) == drawn_trps, seen


def painted_bounds(marker: MarkerItem) -> QRectF:
    """The smallest rect round the pixels the marker paints, in its own coordinates."""
    reach = 40
    image = QImage(2 * reach, 2 * reach, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.translate(reach, reach)
    marker.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y).alpha() > 0:
                xs.append(x)
                ys.append(y)
    return QRectF(min(xs) - reach, min(ys) - reach, max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


@pytest.mark.parametrize("corner", CORNERS)
def test_a_number_is_painted_where_its_marker_says(qapp, corner):
    # ink_rect is what the window keeps clear and boundingRect what Qt repaints: both must hold
    # every pixel paint() touches, in whichever corner the number is, or marks are missed or
    # leave trails.
    region = next(r for r in load_view("posterior").regions.values() if r.kind == "marker")
    marker = MarkerItem(region, "TrP3", "3")
    bare = MarkerItem(region, "TrP", "")
    marker.set_corner(corner)
    assert marker.corner == corner and marker.number == "3"
    painted, x_only = painted_bounds(marker), painted_bounds(bare)
    # (Whole pixels: those a rect's edge crosses are painted in part.)
    assert marker.ink_rect().toAlignedRect().contains(painted.toRect()), (
        marker.ink_rect(), painted)
    assert marker.boundingRect().contains(marker.ink_rect())
    marker.set_ringed(True)
    assert marker.boundingRect().toAlignedRect().contains(painted_bounds(marker).toRect())
    # The number reaches out of the X's square on the corner's sides only.
    left = corner in (Qt.Corner.TopLeftCorner, Qt.Corner.BottomLeftCorner)
    upper = corner in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)
    assert (painted.left() < x_only.left()) == left
    assert (painted.right() > x_only.right()) == (not left)
    assert (painted.top() < x_only.top()) == upper
    assert (painted.bottom() > x_only.bottom()) == (not upper)
