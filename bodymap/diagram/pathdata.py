"""SVG geometry -> QPainterPath: path data (every command), circles, ellipses, rects, polygons.

QtSvg draws an SVG but gives no access to its shapes, so the regions are read here. Units are the
SVG user units of the viewBox. Transforms are not supported on purpose: region shapes must carry
their coordinates directly (see docs/diagram.md).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath

if TYPE_CHECKING:  # only parsed elements are passed in; ElementTree loads when an SVG is parsed
    import xml.etree.ElementTree as ET

__all__ = ["PathDataError", "arc_to_cubics", "element_path", "parse_path_data"]

_COMMANDS = frozenset("MmLlHhVvCcSsQqTtAaZz")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_SEPARATORS = " \t\r\n\f,"
SVG_NS = "{http://www.w3.org/2000/svg}"


class PathDataError(ValueError):
    """Malformed SVG geometry (path data, points or attributes)."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def skip(self) -> None:
        text, n = self.text, len(self.text)
        while self.pos < n and text[self.pos] in _SEPARATORS:
            self.pos += 1

    def at_end(self) -> bool:
        self.skip()
        return self.pos >= len(self.text)

    def peek(self) -> str:
        self.skip()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def number(self) -> float:
        self.skip()
        match = _NUMBER.match(self.text, self.pos)
        if not match:
            raise PathDataError(f"expected a number at {self.pos} in {self._context()!r}")
        self.pos = match.end()
        return float(match.group())

    def flag(self) -> bool:
        self.skip()
        ch = self.text[self.pos: self.pos + 1]
        if ch not in ("0", "1"):
            raise PathDataError(f"expected an arc flag 0 or 1 at {self.pos} in {self._context()!r}")
        self.pos += 1
        return ch == "1"

    def _context(self) -> str:
        return self.text[max(0, self.pos - 20): self.pos + 20]


def arc_to_cubics(
    start: tuple[float, float], rx: float, ry: float, rotation_deg: float, large_arc: bool,
    sweep: bool, end: tuple[float, float],
) -> list[tuple[tuple[float, float], tuple[float, float], tuple[float, float]]]:
    """An SVG elliptical arc as cubic Béziers [(c1, c2, end), ...] (SVG 1.1 appendix F.6).

    Returns [] when the end point equals the start (the arc is omitted), and one straight
    "cubic" when a radius is zero (the arc is a line).
    """
    x1, y1 = start
    x2, y2 = end
    if x1 == x2 and y1 == y2:
        return []
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0:
        return [((x1, y1), (x2, y2), (x2, y2))]
    phi = math.radians(rotation_deg % 360.0)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx2, dy2 = (x1 - x2) / 2, (y1 - y2) / 2
    x1p = cos_p * dx2 + sin_p * dy2
    y1p = -sin_p * dx2 + cos_p * dy2
    lam = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if lam > 1:  # radii too small to reach: scale them up just enough
        s = math.sqrt(lam)
        rx, ry = rx * s, ry * s
    num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    coef = math.sqrt(max(0.0, num / den)) if den else 0.0
    if large_arc == sweep:
        coef = -coef
    cxp = coef * rx * y1p / ry
    cyp = -coef * ry * x1p / rx
    cx = cos_p * cxp - sin_p * cyp + (x1 + x2) / 2
    cy = sin_p * cxp + cos_p * cyp + (y1 + y2) / 2

    def angle(ux: float, uy: float, vx: float, vy: float) -> float:
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    ux, uy = (x1p - cxp) / rx, (y1p - cyp) / ry
    vx, vy = (-x1p - cxp) / rx, (-y1p - cyp) / ry
    theta1 = angle(1.0, 0.0, ux, uy)
    dtheta = angle(ux, uy, vx, vy)
    if not sweep and dtheta > 0:
        dtheta -= 2 * math.pi
    elif sweep and dtheta < 0:
        dtheta += 2 * math.pi

    def on_ellipse(x: float, y: float) -> tuple[float, float]:
        return (cx + rx * cos_p * x - ry * sin_p * y, cy + rx * sin_p * x + ry * cos_p * y)

    count = max(1, math.ceil(abs(dtheta) / (math.pi / 2) - 1e-9))
    delta = dtheta / count
    t = 4.0 / 3.0 * math.tan(delta / 4)
    out = []
    for i in range(count):
        a1 = theta1 + i * delta
        a2 = a1 + delta
        c1 = on_ellipse(math.cos(a1) - t * math.sin(a1), math.sin(a1) + t * math.cos(a1))
        c2 = on_ellipse(math.cos(a2) + t * math.sin(a2), math.sin(a2) - t * math.cos(a2))
        p = on_ellipse(math.cos(a2), math.sin(a2))
        out.append((c1, c2, p))
    last_c1, last_c2, _ = out[-1]
    out[-1] = (last_c1, last_c2, (x2, y2))  # land exactly on the given end point
    return out


def parse_path_data(d: str) -> QPainterPath:
    """SVG path data -> QPainterPath (nonzero fill, SVG's default)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    sc = _Scanner(d)
    x = y = 0.0
    start_x = start_y = 0.0
    last_cubic: tuple[float, float] | None = None  # second control point of the last C/S
    last_quad: tuple[float, float] | None = None  # control point of the last Q/T
    cmd = ""
    while not sc.at_end():
        ch = sc.peek()
        if ch.isalpha():
            if ch not in _COMMANDS:
                raise PathDataError(f"unknown path command {ch!r} in {d[:40]!r}")
            cmd = ch
            sc.pos += 1
        elif not cmd:
            raise PathDataError(f"path data must start with a command: {d[:40]!r}")
        elif cmd in "Zz":
            raise PathDataError(f"numbers after Z in {d[:40]!r}")
        upper = cmd.upper()
        rel = cmd.islower()
        ox, oy = (x, y) if rel else (0.0, 0.0)
        if upper == "Z":
            path.closeSubpath()
            x, y = start_x, start_y
            last_cubic = last_quad = None
            continue
        if upper == "M":
            x, y = ox + sc.number(), oy + sc.number()
            path.moveTo(x, y)
            start_x, start_y = x, y
            cmd = "l" if rel else "L"  # further pairs are implicit lineto
            last_cubic = last_quad = None
            continue
        if upper == "L":
            x, y = ox + sc.number(), oy + sc.number()
            path.lineTo(x, y)
            last_cubic = last_quad = None
        elif upper == "H":
            x = ox + sc.number()
            path.lineTo(x, y)
            last_cubic = last_quad = None
        elif upper == "V":
            y = oy + sc.number()
            path.lineTo(x, y)
            last_cubic = last_quad = None
        elif upper in "CS":
            if upper == "C":
                c1 = (ox + sc.number(), oy + sc.number())
            else:
                c1 = (2 * x - last_cubic[0], 2 * y - last_cubic[1]) if last_cubic else (x, y)
            c2 = (ox + sc.number(), oy + sc.number())
            x, y = ox + sc.number(), oy + sc.number()
            path.cubicTo(c1[0], c1[1], c2[0], c2[1], x, y)
            last_cubic, last_quad = c2, None
        elif upper in "QT":
            if upper == "Q":
                q = (ox + sc.number(), oy + sc.number())
            else:
                q = (2 * x - last_quad[0], 2 * y - last_quad[1]) if last_quad else (x, y)
            x, y = ox + sc.number(), oy + sc.number()
            path.quadTo(q[0], q[1], x, y)
            last_quad, last_cubic = q, None
        else:  # A
            rx, ry, rot = sc.number(), sc.number(), sc.number()
            large, sweep = sc.flag(), sc.flag()
            end = (ox + sc.number(), oy + sc.number())
            for c1, c2, p in arc_to_cubics((x, y), rx, ry, rot, large, sweep, end):
                path.cubicTo(c1[0], c1[1], c2[0], c2[1], p[0], p[1])
            x, y = end
            last_cubic = last_quad = None
    return path


def _length(element: ET.Element, name: str, default: float | None = None) -> float:
    raw = element.get(name)
    if raw is None:
        if default is None:
            raise PathDataError(f"<{_local(element.tag)}> needs a {name!r} attribute")
        return default
    text = raw.strip()
    if text.endswith("px"):
        text = text[:-2]
    try:
        return float(text)
    except ValueError:
        raise PathDataError(f"{name}={raw!r} is not a number in user units") from None


def _points(element: ET.Element) -> list[QPointF]:
    raw = element.get("points", "")
    values = [float(v) for v in _NUMBER.findall(raw)]
    if len(values) % 2 or len(values) < 4:
        raise PathDataError(f"points={raw[:40]!r} needs at least two x,y pairs")
    return [QPointF(values[i], values[i + 1]) for i in range(0, len(values), 2)]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _fill_rule(element: ET.Element) -> Qt.FillRule:
    rule = element.get("fill-rule")
    style = element.get("style", "")
    match = re.search(r"fill-rule\s*:\s*(\w+)", style)
    if match:
        rule = match.group(1)
    return Qt.FillRule.OddEvenFill if rule == "evenodd" else Qt.FillRule.WindingFill


def element_path(element: ET.Element) -> QPainterPath:
    """The shape of one SVG element: path, circle, ellipse, rect, polygon or polyline."""
    tag = _local(element.tag)
    if tag == "path":
        path = parse_path_data(element.get("d", ""))
    elif tag in ("circle", "ellipse"):
        path = QPainterPath()
        cx, cy = _length(element, "cx", 0.0), _length(element, "cy", 0.0)
        if tag == "circle":
            rx = ry = _length(element, "r")
        else:
            rx, ry = _length(element, "rx"), _length(element, "ry")
        path.addEllipse(QPointF(cx, cy), rx, ry)
    elif tag == "rect":
        path = QPainterPath()
        rect = QRectF(_length(element, "x", 0.0), _length(element, "y", 0.0),
                      _length(element, "width"), _length(element, "height"))
        rx_raw, ry_raw = element.get("rx"), element.get("ry")
        rx = _length(element, "rx") if rx_raw is not None else None
        ry = _length(element, "ry") if ry_raw is not None else None
        rx = rx if rx is not None else ry
        ry = ry if ry is not None else rx
        if rx and ry:
            path.addRoundedRect(rect, min(rx, rect.width() / 2), min(ry, rect.height() / 2))
        else:
            path.addRect(rect)
    elif tag in ("polygon", "polyline"):
        path = QPainterPath()
        points = _points(element)
        path.moveTo(points[0])
        for p in points[1:]:
            path.lineTo(p)
        if tag == "polygon":
            path.closeSubpath()
    else:
        raise PathDataError(f"<{tag}> has no area; use path, circle, ellipse, rect or polygon")
    path.setFillRule(_fill_rule(element))
    return path
