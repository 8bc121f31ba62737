"""SVG path data and shape elements -> QPainterPath."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath

from bodymap.diagram import PathDataError, arc_to_cubics, element_path, parse_path_data


def points(path: QPainterPath) -> list[tuple[float, float]]:
    return [(round(path.elementAt(i).x, 4), round(path.elementAt(i).y, 4))
            for i in range(path.elementCount())]


def kinds(path: QPainterPath) -> list[str]:
    names = {QPainterPath.ElementType.MoveToElement: "M",
             QPainterPath.ElementType.LineToElement: "L",
             QPainterPath.ElementType.CurveToElement: "C",
             QPainterPath.ElementType.CurveToDataElement: "d"}
    return [names[path.elementAt(i).type] for i in range(path.elementCount())]


def bounds(path: QPainterPath) -> tuple[float, float, float, float]:
    r = path.boundingRect()
    return (round(r.left(), 2), round(r.top(), 2), round(r.right(), 2), round(r.bottom(), 2))


def end(path: QPainterPath) -> tuple[float, float]:
    p = path.currentPosition()
    return (round(p.x(), 6), round(p.y(), 6))


# --------------------------------------------------------------------------- lines


def test_moveto_lineto_absolute_and_relative():
    assert points(parse_path_data("M 10,20 L 30,40")) == [(10, 20), (30, 40)]
    assert points(parse_path_data("m 10,20 l 30,40")) == [(10, 20), (40, 60)]


def test_implicit_lineto_after_moveto():
    assert points(parse_path_data("M 0,0 10,0 10,10")) == [(0, 0), (10, 0), (10, 10)]
    assert kinds(parse_path_data("M 0,0 10,0 10,10")) == ["M", "L", "L"]
    assert points(parse_path_data("m 5,5 10,0 0,10")) == [(5, 5), (15, 5), (15, 15)]


def test_implicit_repeat_of_other_commands():
    assert points(parse_path_data("M0 0 L1 1 2 2 3 3")) == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert points(parse_path_data("M0 0 h 5 5 v 1 1")) == [(0, 0), (5, 0), (10, 0), (10, 1),
                                                          (10, 2)]


def test_horizontal_and_vertical():
    path = parse_path_data("M 10,10 H 50 V 30 h -20 v 5")
    assert points(path) == [(10, 10), (50, 10), (50, 30), (30, 30), (30, 35)]


def test_close_returns_to_the_subpath_start():
    path = parse_path_data("M 10,10 L 20,10 L 20,20 Z l 5,5")
    assert end(path) == (15, 15)
    path = parse_path_data("M 10,10 L 20,10 L 20,20 z m 1,1 l 1,0")
    assert points(path)[-2:] == [(11, 11), (12, 11)]


def test_second_subpath_after_close_fills_as_a_hole_with_evenodd():
    path = parse_path_data("M0,0 H10 V10 H0 Z M2,2 H8 V8 H2 Z")
    path.setFillRule(Qt.FillRule.OddEvenFill)
    assert path.contains(QPointF(1, 1))
    assert not path.contains(QPointF(5, 5))


@pytest.mark.parametrize(("data", "expected"), [
    ("M1e1,-.5", [(10, -0.5)]),
    ("M-.5.5", [(-0.5, 0.5)]),
    ("M1.5.5L.25-2E-1", [(1.5, 0.5), (0.25, -0.2)]),
    ("M 1e-3 +2", [(0.001, 2)]),
    ("M0,0L-1-1", [(0, 0), (-1, -1)]),
    ("  \n\tM 3 4\n", [(3, 4)]),
])
def test_number_syntax(data, expected):
    assert points(parse_path_data(data)) == expected


# --------------------------------------------------------------------------- curves


def test_cubic_absolute_and_relative():
    absolute = parse_path_data("M 10,10 C 10,20 30,20 30,10")
    relative = parse_path_data("M 10,10 c 0,10 20,10 20,0")
    assert points(absolute) == points(relative) == [(10, 10), (10, 20), (30, 20), (30, 10)]
    assert kinds(absolute) == ["M", "C", "d", "d"]


def test_smooth_cubic_reflects_the_previous_control_point():
    path = parse_path_data("M 0,0 C 0,10 10,10 10,0 S 20,-10 20,0")
    assert points(path)[4:] == [(10, -10), (20, -10), (20, 0)]
    relative = parse_path_data("M 0,0 c 0,10 10,10 10,0 s 10,-10 10,0")
    assert points(relative) == points(path)


def test_smooth_cubic_without_a_previous_cubic_starts_at_the_current_point():
    path = parse_path_data("M 5,5 L 10,5 S 20,10 30,5")
    assert points(path)[2:] == [(10, 5), (20, 10), (30, 5)]


def test_quadratic_is_raised_to_a_cubic():
    path = parse_path_data("M 0,0 Q 30,30 60,0")
    assert points(path) == [(0, 0), (20, 20), (40, 20), (60, 0)]
    assert points(parse_path_data("m 0,0 q 30,30 60,0")) == points(path)


def test_smooth_quadratic_reflects_the_previous_control_point():
    path = parse_path_data("M 0,0 Q 30,30 60,0 T 120,0")
    # reflected control (90,-30): cubic controls at 2/3 towards it from each end
    assert points(path)[4:] == [(80, -20), (100, -20), (120, 0)]
    assert points(parse_path_data("M 0,0 q 30,30 60,0 t 60,0")) == points(path)


def test_smooth_quadratic_without_a_previous_quadratic_is_straight():
    path = parse_path_data("M 0,0 T 30,0")
    assert bounds(path) == (0, 0, 30, 0)


# --------------------------------------------------------------------------- arcs


def test_arc_sweep_flag_picks_the_side():
    above = parse_path_data("M 0,0 A 50,50 0 0 1 100,0")
    below = parse_path_data("M 0,0 A 50,50 0 0 0 100,0")
    assert bounds(above) == (0, -50, 100, 0)
    assert bounds(below) == (0, 0, 100, 50)
    assert end(above) == end(below) == (100, 0)


def test_arc_points_lie_on_the_circle():
    path = parse_path_data("M 0,0 A 50,50 0 0 1 100,0")
    for k in range(1, 20):
        p = path.pointAtPercent(k / 20)
        assert math.hypot(p.x() - 50, p.y()) == pytest.approx(50, abs=0.03)
    assert path.length() == pytest.approx(math.pi * 50, rel=1e-3)


@pytest.mark.parametrize(("large", "sweep", "centre", "turn"), [
    (0, 1, (0, 50), 0.25),  # clockwise on screen (y down) round the lower-left centre
    (1, 1, (50, 0), 0.75),
    (0, 0, (50, 0), 0.25),
    (1, 0, (0, 50), 0.75),
])
def test_arc_large_arc_flag(large, sweep, centre, turn):
    path = parse_path_data(f"M 0,0 A 50 50 0 {large} {sweep} 50,50")
    assert end(path) == (50, 50)
    assert path.length() == pytest.approx(2 * math.pi * 50 * turn, rel=1e-3)
    for k in range(1, 10):
        p = path.pointAtPercent(k / 10)
        assert math.hypot(p.x() - centre[0], p.y() - centre[1]) == pytest.approx(50, abs=0.05)


def test_arc_rotation():
    # rx 100 along the rotated x-axis, i.e. pointing down the screen: a tall half ellipse
    right = parse_path_data("M 0,0 A 100 50 90 0 1 0,200")
    left = parse_path_data("M 0,0 A 100 50 90 0 0 0,200")
    assert bounds(right) == (0, 0, 50, 200)
    assert bounds(left) == (-50, 0, 0, 200)


@pytest.mark.parametrize(("large", "sweep", "turn"), [(0, 1, 0.25), (1, 0, 0.75)])
def test_arc_rotated_45_degrees_stays_on_its_ellipse(large, sweep, turn):
    rx, ry, phi = 80.0, 30.0, math.radians(45)
    c, s = math.cos(phi), math.sin(phi)
    p0 = (rx * c, rx * s)  # the ellipse's parameter 0 ...
    p1 = (-ry * s, ry * c)  # ... and parameter 90 degrees, about the origin
    path = parse_path_data(f"M {p0[0]},{p0[1]} A {rx} {ry} 45 {large} {sweep} {p1[0]},{p1[1]}")
    assert path.currentPosition().x() == pytest.approx(p1[0])
    for k in range(1, 24):
        p = path.pointAtPercent(k / 24)
        u = (p.x() * c + p.y() * s) / rx
        v = (-p.x() * s + p.y() * c) / ry
        assert u * u + v * v == pytest.approx(1.0, abs=2e-3)
    cubics = arc_to_cubics(p0, rx, ry, 45, bool(large), bool(sweep), p1)
    assert len(cubics) == (1 if turn == 0.25 else 3)  # at most a quarter turn per cubic


def test_arc_radii_too_small_are_scaled_up():
    assert bounds(parse_path_data("M 0,0 A 1 1 0 0 1 100,0")) == (0, -50, 100, 0)
    # an ellipse scaled up keeps its aspect ratio: rx:ry = 2:1 -> 50 x 25 half ellipse
    assert bounds(parse_path_data("M 0,0 A 4 2 0 0 1 100,0")) == (0, -25, 100, 0)


def test_arc_with_a_zero_radius_is_a_line():
    path = parse_path_data("M 0,0 A 0 10 0 0 1 100,0")
    assert bounds(path) == (0, 0, 100, 0)
    assert end(path) == (100, 0)


def test_arc_to_the_same_point_is_omitted():
    path = parse_path_data("M 10,10 A 5 5 0 0 1 10,10")
    assert path.elementCount() == 1


def test_relative_arc_and_negative_radii():
    path = parse_path_data("m 10,10 a -50,-50 0 0 1 100,0")
    assert bounds(path) == (10, -40, 110, 10)


@pytest.mark.parametrize("data", [
    "M0,0a50,50 0 0,1 100,0",
    "M0 0a50 50 0 01100 0",
    "M0,0A50,50,0,0,1,100,0",
])
def test_arc_compact_flags(data):
    assert bounds(parse_path_data(data)) == (0, -50, 100, 0)


def test_full_circle_from_two_arcs():
    path = parse_path_data("M 0,50 A 50 50 0 1 1 100,50 A 50 50 0 1 1 0,50 Z")
    assert bounds(path) == (0, 0, 100, 100)
    assert path.contains(QPointF(50, 50))
    assert not path.contains(QPointF(3, 3))


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("data", [
    "10 10",  # no command
    "M 10",  # missing coordinate
    "M 0 0 X 5 5",  # unknown command
    "M 0 0 A 1 1 0 2 0 5 5",  # bad flag
    "M 0 0 L 1 1 Z 5",  # numbers after close
    "M 0 0 C 1 1 2",  # short cubic
])
def test_malformed_data_is_an_error(data):
    with pytest.raises(PathDataError):
        parse_path_data(data)


def test_empty_data_is_an_empty_path():
    assert parse_path_data("").isEmpty()


# --------------------------------------------------------------------------- elements


def element(xml: str) -> ET.Element:
    return ET.fromstring(xml)


def test_circle_and_ellipse():
    circle = element_path(element('<circle cx="10" cy="20" r="5"/>'))
    assert bounds(circle) == (5, 15, 15, 25)
    assert circle.boundingRect().center() == QPointF(10, 20)
    ellipse = element_path(element('<ellipse cx="0" cy="0" rx="8" ry="3"/>'))
    assert bounds(ellipse) == (-8, -3, 8, 3)


def test_rect_plain_and_rounded():
    rect = element_path(element('<rect x="1" y="2" width="10" height="4"/>'))
    assert bounds(rect) == (1, 2, 11, 6)
    assert rect.contains(QPointF(1.2, 2.2))
    rounded = element_path(element('<rect x="0" y="0" width="10" height="10" rx="4"/>'))
    assert not rounded.contains(QPointF(0.3, 0.3))  # ry defaults to rx: the corner is cut
    assert rounded.contains(QPointF(5, 5))


def test_polygon_closes_and_polyline_is_open():
    polygon = element_path(element('<polygon points="0,0 10,0 10,10"/>'))
    polyline = element_path(element('<polyline points="0 0 10 0 10 10"/>'))
    assert polygon.contains(QPointF(8, 2))
    assert points(polygon)[:3] == points(polyline)
    assert points(polygon)[-1] == (0, 0)


def test_namespaced_path_element_and_fill_rule():
    svg_path = element(
        '<path xmlns="http://www.w3.org/2000/svg" fill-rule="evenodd"'
        ' d="M0,0 H10 V10 H0 Z M2,2 H8 V8 H2 Z"/>')
    path = element_path(svg_path)
    assert path.fillRule() == Qt.FillRule.OddEvenFill
    assert not path.contains(QPointF(5, 5))
    nonzero = element_path(element('<path d="M0,0 H10 V10 H0 Z M2,2 H8 V8 H2 Z"/>'))
    assert nonzero.fillRule() == Qt.FillRule.WindingFill
    assert nonzero.contains(QPointF(5, 5))


@pytest.mark.parametrize("xml", [
    '<circle cx="1" cy="1"/>',
    '<rect x="0" y="0" width="1"/>',
    '<polygon points="0,0"/>',
    '<line x1="0" y1="0" x2="1" y2="1"/>',
    '<circle cx="1" cy="1" r="2em"/>',
])
def test_bad_elements_are_errors(xml):
    with pytest.raises(PathDataError):
        element_path(element(xml))
