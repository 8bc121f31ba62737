"""Curve machinery for the body diagrams: smooth splines through knots, shared edges, SVG text.

Everything is drawn in body coordinates (centimetres: `dx` or `ap` across, `h` height above the
floor) and mapped to viewBox pixels by a `Frame` at the end. Zones are built from *pieces* of named
curves, so two neighbouring zones use the very same Bézier segments (one of them reversed): they
adjoin exactly, without gaps and without overlaps.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

Point = tuple[float, float]
Segment = tuple[Point, Point, Point, Point]  # p0, c1, c2, p3


def _dist(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def _cr_segment(p0: Point, p1: Point, p2: Point, p3: Point, alpha: float = 0.5) -> Segment:
    """Centripetal Catmull-Rom segment p1 -> p2 as a cubic Bézier (no cusps, no loops)."""
    d1 = max(_dist(p0, p1), 1e-9)
    d2 = max(_dist(p1, p2), 1e-9)
    d3 = max(_dist(p2, p3), 1e-9)
    a1, a2, a3 = d1**alpha, d2**alpha, d3**alpha
    b1 = tuple(
        (a1 * a1 * p2[i] - a2 * a2 * p0[i] + (2 * a1 * a1 + 3 * a1 * a2 + a2 * a2) * p1[i])
        / (3 * a1 * (a1 + a2))
        for i in range(2)
    )
    b2 = tuple(
        (a3 * a3 * p1[i] - a2 * a2 * p3[i] + (2 * a3 * a3 + 3 * a3 * a2 + a2 * a2) * p2[i])
        / (3 * a3 * (a3 + a2))
        for i in range(2)
    )
    return (p1, b1, b2, p2)  # type: ignore[return-value]


def spline(knots: Sequence[Point], closed: bool = False) -> list[Segment]:
    """Smooth curve through the knots: one cubic per consecutive pair."""
    pts = list(knots)
    n = len(pts)
    if n < 2:
        raise ValueError("a curve needs two knots")
    segs: list[Segment] = []
    if closed:
        for i in range(n):
            segs.append(_cr_segment(pts[i - 1], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]))
        return segs
    if n == 2:
        a, b = pts
        return [(a, _lerp(a, b, 1 / 3), _lerp(a, b, 2 / 3), b)]
    first = (2 * pts[0][0] - pts[1][0], 2 * pts[0][1] - pts[1][1])
    last = (2 * pts[-1][0] - pts[-2][0], 2 * pts[-1][1] - pts[-2][1])
    ext = [first, *pts, last]
    for i in range(1, n):
        segs.append(_cr_segment(ext[i - 1], ext[i], ext[i + 1], ext[i + 2]))
    return segs


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def bezier_point(seg: Segment, t: float) -> Point:
    p0, c1, c2, p3 = seg
    u = 1 - t
    return (
        u**3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * p3[0],
        u**3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * p3[1],
    )


@dataclass
class Curve:
    """An open smooth curve through knots; pieces between two knots are shared by zones."""

    name: str
    knots: list[Point]
    segments: list[Segment] = field(init=False)

    def __post_init__(self) -> None:
        self.segments = spline(self.knots)

    def index(self, p: Point) -> int:
        for i, k in enumerate(self.knots):
            if abs(k[0] - p[0]) < 1e-9 and abs(k[1] - p[1]) < 1e-9:
                return i
        raise KeyError(f"{p} is not a knot of curve {self.name}")

    def piece(self, a: Point, b: Point) -> list[Segment]:
        i, j = self.index(a), self.index(b)
        if i == j:
            raise ValueError(f"empty piece on {self.name}")
        if i < j:
            return self.segments[i:j]
        return [(s[3], s[2], s[1], s[0]) for s in reversed(self.segments[j:i])]

    def sample(self, a: Point, b: Point, n: int) -> list[Point]:
        """n points evenly (by parameter) along the piece a -> b, ends included."""
        segs = self.piece(a, b)
        out = []
        for k in range(n):
            t = k / (n - 1) * len(segs)
            i = min(int(t), len(segs) - 1)
            out.append(bezier_point(segs[i], t - i))
        return out


@dataclass(frozen=True)
class Frame:
    """Maps body centimetres to viewBox pixels. `sign` mirrors the horizontal axis."""

    x0: float
    y0: float
    scale: float
    h_top: float

    def px(self, p: Point, sign: float) -> Point:
        return (self.x0 + sign * p[0] * self.scale, self.y0 + (self.h_top - p[1]) * self.scale)


def fmt(v: float) -> str:
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s


def fmt_pt(p: Point) -> str:
    return f"{fmt(p[0])},{fmt(p[1])}"


Piece = tuple  # (Curve, a, b) or (Curve, a, b, sign)


def chain(pieces: Iterable[Piece], mapper: Callable[[Point, float], Point], sign: float,
          close: bool = True) -> str:
    """SVG path data for consecutive curve pieces; checks that they join end to end."""
    segs: list[tuple[Point, Point, Point, Point]] = []
    for piece in pieces:
        curve, a, b = piece[0], piece[1], piece[2]
        s = piece[3] if len(piece) > 3 else sign
        for seg in curve.piece(a, b):
            segs.append(tuple(mapper(p, s) for p in seg))  # type: ignore[arg-type]
    for prev, nxt in pairwise(segs):
        if _dist(prev[3], nxt[0]) > 1e-6:
            raise ValueError(f"pieces do not join: {prev[3]} -> {nxt[0]}")
    if close and _dist(segs[-1][3], segs[0][0]) > 1e-6:
        raise ValueError(f"outline does not close: {segs[-1][3]} -> {segs[0][0]}")
    return segments_d(segs, close)


def segments_d(segs: Sequence[Segment], close: bool) -> str:
    parts = [f"M {fmt_pt(segs[0][0])}"]
    for s in segs:
        if _is_line(s):
            parts.append(f"L {fmt_pt(s[3])}")
        else:
            parts.append(f"C {fmt_pt(s[1])} {fmt_pt(s[2])} {fmt_pt(s[3])}")
    if close:
        parts.append("Z")
    return " ".join(parts)


def _is_line(s: Segment) -> bool:
    p0, c1, c2, p3 = s
    length = _dist(p0, p3)
    if length < 1e-9:
        return False

    def off(c: Point) -> float:
        return abs((p3[0] - p0[0]) * (c[1] - p0[1]) - (p3[1] - p0[1]) * (c[0] - p0[0])) / length

    return off(c1) < 1e-6 and off(c2) < 1e-6


def closed_d(knots: Sequence[Point], mapper: Callable[[Point, float], Point], sign: float) -> str:
    """A smooth closed shape through the knots."""
    segs = [tuple(mapper(p, sign) for p in s) for s in spline(knots, closed=True)]
    return segments_d(segs, True)  # type: ignore[arg-type]


def open_d(knots: Sequence[Point], mapper: Callable[[Point, float], Point], sign: float) -> str:
    segs = [tuple(mapper(p, sign) for p in s) for s in spline(knots)]
    return segments_d(segs, False)  # type: ignore[arg-type]


def lerp(a: Point, b: Point, t: float) -> Point:
    return _lerp(a, b, t)


def between(a: list, b: list, inset: float = 0.06) -> list:
    """Lines joining matching points of two edges, pulled in from both ends by `inset`."""
    return [(lerp(p, q, inset), lerp(p, q, 1 - inset)) for p, q in zip(a, b, strict=True)]


def fan(origins: list, apex: tuple, stop: float = 0.85, inset: float = 0.05) -> list:
    """Lines from each origin towards one apex (a fan-shaped muscle), stopping short of it."""
    return [(lerp(p, apex, inset), lerp(p, apex, stop)) for p in origins]


def chords(border: Sequence[Point], line: tuple[Point, Point], towards: Point, spacing: float,
           inset: float = 0.06) -> list:
    """Lines parallel to `line`, `spacing` apart, stepping away from it to the side of `towards`
    (to hatch the part of a muscle beyond its last fibre), each from the polyline `border` (the
    muscle's edge) to the border, pulled in from both ends by `inset`; as many as fit."""
    (ax, ay), (bx, by) = line
    length = math.hypot(bx - ax, by - ay)
    ux, uy = (bx - ax) / length, (by - ay) / length
    nx, ny = -uy, ux
    if (towards[0] - ax) * nx + (towards[1] - ay) * ny < 0:
        nx, ny = -nx, -ny
    out = []
    offset = spacing
    while True:
        hits = []
        for p, q in pairwise(border):
            sp = (p[0] - ax) * nx + (p[1] - ay) * ny - offset
            sq = (q[0] - ax) * nx + (q[1] - ay) * ny - offset
            if (sp > 0) != (sq > 0):
                hits.append(_lerp(p, q, sp / (sp - sq)))
        if len(hits) < 2:
            return out
        hits.sort(key=lambda h: (h[0] - ax) * ux + (h[1] - ay) * uy)
        out.append((_lerp(hits[0], hits[-1], inset), _lerp(hits[0], hits[-1], 1 - inset)))
        offset += spacing
