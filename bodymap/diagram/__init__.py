"""SVG body views -> named QPainterPaths (muscle shapes, pain zones, TrP markers). No widgets.

    from bodymap.diagram import VIEWS, load_view
    view = load_view("posterior")
    region = view.region_at(point, "superficial")
"""

from bodymap.diagram.neighbours import ZoneKey, zone_neighbours
from bodymap.diagram.pathdata import PathDataError, arc_to_cubics, element_path, parse_path_data
from bodymap.diagram.views import (
    LAYERS,
    VIEW_NAMES,
    VIEWS,
    DiagramError,
    Landmark,
    Region,
    View,
    drawn_ids,
    load_view,
    parse_region_id,
    read_view,
    view_path,
)

__all__ = [
    "LAYERS",
    "VIEWS",
    "VIEW_NAMES",
    "DiagramError",
    "Landmark",
    "PathDataError",
    "Region",
    "View",
    "ZoneKey",
    "arc_to_cubics",
    "drawn_ids",
    "element_path",
    "load_view",
    "parse_path_data",
    "parse_region_id",
    "read_view",
    "view_path",
    "zone_neighbours",
]
