"""Which zones are drawn next to which: the places beside a zone, read off the views' outlines."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtGui import QPainterPathStroker

from bodymap.diagram.views import VIEWS, load_view

ZoneKey = tuple[str, str | None]  # a zone id and its side, "L"/"R", or None for a midline zone

# How near (in viewBox units, the body about 600 wide) two outlines must come to touch: the
# drawings' zones share their edges, so a hair's breadth is enough and no gap is bridged.
TOUCHING = 1.0


@functools.cache
def zone_neighbours() -> Mapping[ZoneKey, frozenset[ZoneKey]]:
    """Each drawn zone's neighbours: the zones whose outline touches its own on some view
    (the side view seen from either side). A midline zone touches zones of both sides; the
    zones of the two sides touch where the drawing has them meet (the abdomen at the midline)."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * TOUCHING)
    found: dict[ZoneKey, set[ZoneKey]] = {}
    for name in VIEWS:
        for view in {id(v): v for v in (load_view(name, "L"), load_view(name, "R"))}.values():
            zones = [r for r in view.regions.values() if r.kind == "zone"]
            grown = [(stroker.createStroke(r.path).united(r.path), r) for r in zones]
            for n, (near, here) in enumerate(grown):
                for there in zones[n + 1:]:
                    if near.intersects(there.path):
                        one, other = (here.target, here.side), (there.target, there.side)
                        found.setdefault(one, set()).add(other)
                        found.setdefault(other, set()).add(one)
    return {key: frozenset(near) for key, near in found.items()}
