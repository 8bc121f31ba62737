"""Which zones are drawn next to which: the places beside a zone, read off the views' outlines."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from bodymap.diagram.views import VIEWS, load_view

ZoneKey = tuple[str, str | None]  # a zone id and its side, "L"/"R", or None for a midline zone

# How near (in viewBox units, the body about 600 wide) two outlines must come to touch: the
# drawings' zones share their edges, so a hair's breadth is enough and no gap is bridged.
TOUCHING = 1.0
SAMPLE = 4.0  # how far apart the points along an outline are that measure a shared edge


@functools.cache
def zone_neighbours() -> Mapping[ZoneKey, tuple[ZoneKey, ...]]:
    """Each drawn zone's neighbours: the zones whose outline touches its own on some view
    (the side view seen from either side), the longest shared edge first (on the view where it
    is longest), then by id. A midline zone touches zones of both sides; the zones of the two
    sides touch where the drawing has them meet (the abdomen at the midline)."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * TOUCHING)
    edges: dict[ZoneKey, dict[ZoneKey, float]] = {}
    for name in VIEWS:
        for view in {id(v): v for v in (load_view(name, "L"), load_view(name, "R"))}.values():
            zones = [r for r in view.regions.values() if r.kind == "zone"]
            rims = [stroker.createStroke(r.path) for r in zones]
            boxes = [rim.boundingRect() for rim in rims]
            outlines = [_outline(r.path) for r in zones]
            for n, here in enumerate(zones):
                for m in range(n + 1, len(zones)):
                    if not boxes[n].intersects(boxes[m]):
                        continue
                    # The shared edge: the stretch of each outline within the other's rim.
                    edge = max(_along(outlines[n], rims[m]), _along(outlines[m], rims[n]))
                    if edge:
                        one, other = (here.target, here.side), (zones[m].target, zones[m].side)
                        for a, b in ((one, other), (other, one)):
                            known = edges.setdefault(a, {})
                            known[b] = max(known.get(b, 0.0), edge)
    return {key: tuple(sorted(near, key=lambda k: (-near[k], k[0], k[1] or "")))
            for key, near in edges.items()}


def _outline(path: QPainterPath) -> list[tuple[QPointF, float]]:
    """Points evenly along a path's outline, each with the length of outline it stands for."""
    steps = max(8, round(path.length() / SAMPLE))
    share = path.length() / steps
    return [(path.pointAtPercent((n + 0.5) / steps), share) for n in range(steps)]


def _along(outline: list[tuple[QPointF, float]], rim: QPainterPath) -> float:
    """How long a stretch of an outline (`_outline`) lies within a rim."""
    return sum(share for point, share in outline if rim.contains(point))
