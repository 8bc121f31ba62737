"""The body views: each SVG read once into named regions (muscles, zones, TrP markers).

An SVG's top-level groups are its layers (`layer-body`, `layer-superficial`, `layer-deep`,
`layer-zones`, `layer-markers`). Region ids follow docs/ids.md:

    m-<muscle_id>-L|R          a muscle shape           (layer-superficial or layer-deep)
    z-<zone_id>-L|R, z-<id>    a body-surface zone      (layer-zones; no side = midline)
    x-<muscle>-<trp>-L|R       a trigger point marker   (layer-markers; its centre is the TrP)

Anything else carries no id, or an id starting with `art-`. The texts in an `art-landmarks` group
(T12, PSIS, ...) are not part of the art the window draws: they are `View.landmarks`, which the
window draws at a size readable on screen whatever the zoom. Nor are those of the
`art-side-labels` group ("Left", "Right" on the body): they are `View.side_labels`, which the
window draws with the body at their size but above the referral paint, which hides the art.

Parsing a view costs about 10 ms (ElementTree and the path data, in Python), so what it yields is
also kept in the user's cache folder, keyed by the SVG's bytes and this package's code; the next
start reads it back in well under a millisecond.
"""

from __future__ import annotations

import functools
import pickle
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, NamedTuple

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QPointF, QRectF, qVersion
from PySide6.QtGui import QPainterPath

from bodymap import resources
from bodymap.diagram.pathdata import PathDataError, element_path
from bodymap.model.cache import cache_dir, code_fingerprint, content_key, save_replacing
from bodymap.model.schema import VIEW_NAMES

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

__all__ = [
    "LAYERS",
    "VIEWS",
    "VIEW_NAMES",
    "DiagramError",
    "Landmark",
    "Region",
    "View",
    "drawn_ids",
    "load_view",
    "parse_region_id",
    "read_view",
    "view_path",
]

VIEWS: tuple[str, ...] = ("posterior", "lateral", "anterior")
LAYERS: tuple[str, ...] = ("body", "superficial", "deep", "zones", "markers")
REGION_LAYERS: frozenset[str] = frozenset({"superficial", "deep", "zones", "markers"})

Kind = Literal["muscle", "zone", "marker"]

_ID = r"[a-z][a-z0-9_]*"
_MUSCLE = re.compile(rf"m-({_ID})-([LR])")
_ZONE = re.compile(rf"z-({_ID})(?:-([LR]))?")
_MARKER = re.compile(rf"x-({_ID})-({_ID})-([LR])")
_LAYER_OF_KIND: dict[str, frozenset[str]] = {
    "muscle": frozenset({"superficial", "deep"}),
    "zone": frozenset({"zones"}),
    "marker": frozenset({"markers"}),
}

SVG_NS = "http://www.w3.org/2000/svg"


class DiagramError(ValueError):
    """An SVG view that breaks the id/layer contract or cannot be read."""


@dataclass(frozen=True)
class Region:
    """One named shape of a view, in viewBox coordinates.

    Regions compare by what they name (id, kind, target, trp, side, layer), not by geometry.
    The path is shared by the cached view: copy it (QPainterPath(region.path)) before changing it.
    """

    id: str
    kind: Kind
    target: str  # muscle_id for muscles and markers, zone_id for zones
    trp: str | None  # the TrP id, for markers only
    side: Literal["L", "R"] | None  # None for midline zones
    layer: str  # "superficial", "deep", "zones" or "markers"
    path: QPainterPath = field(compare=False, repr=False)


class Landmark(NamedTuple):
    """A label the window draws itself: a landmark's beside the body ("L4 · top of crest"), or
    a side's on it ("Left"), in viewBox coordinates: x where its text is anchored (SVG
    `text-anchor`: start, middle or end), y the level it labels, on which its text is centred,
    and size the drawing's font size (a side label is drawn at it; a landmark's at the window's
    own size whatever the zoom)."""

    text: str
    x: float
    y: float
    anchor: str = "start"
    size: float = 9.0


def parse_region_id(region_id: str) -> tuple[Kind, str, str | None, str | None] | None:
    """(kind, target, trp, side) for an m-/z-/x- id; None for other ids."""
    if m := _MUSCLE.fullmatch(region_id):
        return "muscle", m.group(1), None, m.group(2)
    if m := _ZONE.fullmatch(region_id):
        return "zone", m.group(1), None, m.group(2)
    if m := _MARKER.fullmatch(region_id):
        return "marker", m.group(1), m.group(2), m.group(3)
    return None


class View:
    """One body view: its SVG and its regions. Get it from `load_view` (cached).

    name, svg_path, svg_bytes (the file, for QSvgRenderer), view_box (QRectF), regions,
    facing: the side of the person a view from the side shows ("L", "R"; None: both), and
    outline: the body silhouette (`art-body-outline`, empty if the file has none),
    landmarks: the labels of the `art-landmarks` group, side_labels: the "Left"/"Right" of the
    `art-side-labels` group, and art_svg(layer): one art layer as a document of its own, for
    drawing (without the texts of those two groups).
    """

    def __init__(self, name: str, svg_path: Path, svg_bytes: bytes) -> None:
        import xml.etree.ElementTree as ET  # only when parsing; a cached view never needs it

        try:
            root = ET.fromstring(svg_bytes)
        except ET.ParseError as exc:
            raise DiagramError(f"{svg_path}: not well-formed XML: {exc}") from None
        regions, outline = _read_regions(root, svg_path)
        landmarks = _take_labels(root, "art-landmarks")
        side_labels = _take_labels(root, "art-side-labels")
        art = {layer: _art_document(root, layer) for layer in LAYERS}
        self._take(name, svg_path, svg_bytes, _view_box(root, svg_path), regions, outline, art,
                   landmarks, side_labels)

    def _take(self, name: str, svg_path: Path, svg_bytes: bytes, view_box: QRectF,
              regions: dict[str, Region], outline: QPainterPath, art: dict[str, bytes],
              landmarks: tuple[Landmark, ...], side_labels: tuple[Landmark, ...]) -> None:
        self.name = name
        self.landmarks = landmarks
        self.side_labels = side_labels
        self.svg_path = svg_path
        self.svg_bytes = svg_bytes
        self.view_box = view_box
        self._regions: Mapping[str, Region] = MappingProxyType(regions)
        sides = {region.side for region in regions.values() if region.side}
        # The one side of the person a view drawn from the side shows ("L"); None for a view
        # showing both, from behind or in front.
        self.facing: str | None = sides.pop() if len(sides) == 1 else None
        self.outline = outline
        self._art = art
        self._by_layer: dict[str, list[tuple[QRectF, Region]]] = {n: [] for n in REGION_LAYERS}
        for region in regions.values():
            self._by_layer[region.layer].append((region.path.boundingRect(), region))

    @property
    def regions(self) -> Mapping[str, Region]:
        """Every region by SVG id, in document order (later ones are drawn on top)."""
        return self._regions

    def regions_in(self, layer: str) -> list[Region]:
        """The regions of one layer, in document order."""
        return [region for _, region in self._layer(layer)]

    def region_at(self, point: QPointF, layer: str) -> Region | None:
        """The topmost region of the layer whose exact outline contains the point."""
        for rect, region in reversed(self._layer(layer)):
            if rect.contains(point) and region.path.contains(point):
                return region
        return None

    def art_svg(self, layer: str) -> bytes:
        """One art layer (`body`, `superficial`, `deep`) as an SVG document of its own, with the
        view's viewBox and defs, so it is drawn into the view box without asking QtSvg for the
        group's bounds (which costs more than parsing three small documents)."""
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r}; expected one of {LAYERS}")
        return self._art[layer]

    def _layer(self, layer: str) -> list[tuple[QRectF, Region]]:
        try:
            return self._by_layer[layer]
        except KeyError:
            raise ValueError(
                f"unknown layer {layer!r}; expected one of {sorted(REGION_LAYERS)}") from None

    # -- the on-disk cache -----------------------------------------------------------------------
    def snapshot(self) -> bytes:
        """Everything parsing yielded, as plain values and Qt's own path serialisation."""
        paths = QByteArray()
        stream = QDataStream(paths, QIODevice.OpenModeFlag.WriteOnly)
        for region in self._regions.values():
            stream << region.path
        stream << self.outline
        box = self.view_box
        return pickle.dumps({
            "view_box": (box.x(), box.y(), box.width(), box.height()),
            "regions": [(r.id, r.kind, r.target, r.trp, r.side, r.layer)
                        for r in self._regions.values()],
            "paths": paths.data(),
            "art": self._art,
            "landmarks": [tuple(landmark) for landmark in self.landmarks],
            "side_labels": [tuple(label) for label in self.side_labels],
        }, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_snapshot(cls, name: str, svg_path: Path, svg_bytes: bytes, data: bytes) -> View:
        """The view `snapshot` saved. Raises on anything unreadable (the caller parses then)."""
        saved = pickle.loads(data)  # our own file, in the user's own cache folder
        stream = QDataStream(QByteArray(saved["paths"]))
        regions = {}
        for region_id, kind, target, trp, side, layer in saved["regions"]:
            path = QPainterPath()
            stream >> path
            regions[region_id] = Region(region_id, kind, target, trp, side, layer, path)
        outline = QPainterPath()
        stream >> outline
        if stream.status() != QDataStream.Status.Ok:
            raise ValueError("truncated path data")
        view = cls.__new__(cls)
        view._take(name, svg_path, svg_bytes, QRectF(*saved["view_box"]), regions, outline,
                   saved["art"], tuple(Landmark(*landmark) for landmark in saved["landmarks"]),
                   tuple(Landmark(*label) for label in saved["side_labels"]))
        return view

    def __repr__(self) -> str:
        return f"<View {self.name}: {len(self._regions)} regions from {self.svg_path.name}>"


def view_path(name: str) -> Path:
    """The SVG file of a view."""
    if name not in VIEWS:
        raise ValueError(f"unknown view {name!r}; expected one of {VIEWS}")
    return resources.asset_path(f"body-{name}.svg")


def load_view(name: str, side: str | None = None) -> View:
    """The named view, read once per process (see `read_view`). Given a side of the person
    ("L", "R"), a view drawn from one side only (the side view, drawn from the left) is seen
    from that side: from the other one, as its mirror image (`mirror.mirrored`). Views that
    show both sides, and any other `side` (None, "both"), give the drawing as it is."""
    drawing = _drawing(name)
    if side in ("L", "R") and drawing.facing not in (None, side):
        return _mirror(name)
    return drawing


@functools.cache
def _drawing(name: str) -> View:
    return read_view(name, view_path(name))


@functools.cache
def _mirror(name: str) -> View:
    from bodymap.diagram.mirror import mirrored  # it builds on this module

    return mirrored(_drawing(name))


def drawn_ids() -> dict[str, frozenset[str]]:
    """The muscles and zones some view has a shape for, by kind ("muscle", "zone"), as plain
    ids: the loader checks packs against them without Qt (`load_catalog(drawn=...)`)."""
    regions = [region for name in VIEWS for region in load_view(name).regions.values()]
    return {kind: frozenset(r.target for r in regions if r.kind == kind)
            for kind in ("muscle", "zone")}


def read_view(name: str, svg_path: Path) -> View:
    """A view from the cache folder when its SVG and this package's code are unchanged, else
    parsed from the SVG, and the result saved there for the next start."""
    svg_bytes = svg_path.read_bytes()
    key = content_key(svg_bytes, code_fingerprint(Path(__file__).parent).encode(),
                      qVersion().encode())  # the paths are in Qt's own stream format
    cached = cache_dir() / f"view-{name}-{key}.pickle"
    try:
        return View.from_snapshot(name, svg_path, svg_bytes, cached.read_bytes())
    except Exception:  # missing, stale or broken: parse the SVG instead
        pass
    view = View(name, svg_path, svg_bytes)
    save_replacing(cached, view.snapshot(), f"view-{name}-*.pickle")
    return view


def _take_labels(root: ET.Element, group_id: str) -> tuple[Landmark, ...]:
    """The texts of every group with this id, taken out of the tree so the art leaves them to
    the window. A text without a usable position is left in the art."""
    labels = []
    for group in root.iter(f"{{{SVG_NS}}}g"):
        if group.get("id") != group_id:
            continue
        for text in list(group):
            if _local(text.tag) != "text":
                continue
            try:
                x, y = float(text.get("x", "")), float(text.get("y", ""))
                size = float(text.get("font-size", "9"))
            except ValueError:
                continue
            anchor = text.get("text-anchor", "start")
            # SVG places a text by its baseline; a third of the font size up is about the middle
            # of its letters, the level the label names.
            labels.append(Landmark("".join(text.itertext()).strip(), x, y - size / 3,
                                   anchor if anchor in ("middle", "end") else "start", size))
            group.remove(text)
    return tuple(labels)


def _art_document(root: ET.Element, layer: str) -> bytes:
    """One layer group with the root's attributes (viewBox) and defs, as plain SVG."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SVG_NS)  # written as plain SVG, which QtSvg reads
    ET.register_namespace("inkscape", "http://www.inkscape.org/namespaces/inkscape")
    document = ET.Element(root.tag, root.attrib)
    for child in root:
        if _local(child.tag) == "defs" or child.get("id") == f"layer-{layer}":
            document.append(child)
    return ET.tostring(document)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _view_box(root: ET.Element, svg_path: Path) -> QRectF:
    raw = root.get("viewBox")
    if raw is None:
        raise DiagramError(f"{svg_path}: the <svg> element needs a viewBox")
    try:
        x, y, w, h = (float(v) for v in raw.replace(",", " ").split())
    except ValueError:
        raise DiagramError(f"{svg_path}: malformed viewBox {raw!r}") from None
    return QRectF(x, y, w, h)


def _read_regions(root: ET.Element, svg_path: Path) -> tuple[dict[str, Region], QPainterPath]:
    regions: dict[str, Region] = {}
    outline = QPainterPath()
    seen_layers: set[str] = set()

    def visit(element: ET.Element, layer: str, transformed: str | None) -> None:
        nonlocal outline
        element_id = element.get("id")
        if "transform" in element.attrib:
            transformed = element_id or f"<{_local(element.tag)}>"
        parsed = parse_region_id(element_id) if element_id else None
        if element_id == "art-body-outline":
            outline = _shape(element, svg_path, element_id)
        elif parsed is not None:
            kind, target, trp, side = parsed
            if layer not in _LAYER_OF_KIND[kind]:
                raise DiagramError(f"{svg_path}: {element_id!r} is a {kind} but lies in "
                                   f"layer-{layer}")
            if transformed:
                raise DiagramError(
                    f"{svg_path}: {element_id!r} is moved by the transform on {transformed}; "
                    "apply the transform to the coordinates (see docs/diagram.md)")
            if element_id in regions:
                raise DiagramError(f"{svg_path}: duplicate id {element_id!r}")
            regions[element_id] = Region(
                id=element_id, kind=kind, target=target, trp=trp, side=side,  # type: ignore[arg-type]
                layer=layer, path=_shape(element, svg_path, element_id))
        elif element_id and element_id[:2] in ("m-", "z-", "x-"):
            raise DiagramError(f"{svg_path}: malformed region id {element_id!r}")
        for child in element:
            visit(child, layer, transformed)

    for child in root:
        child_id = child.get("id", "")
        if not child_id.startswith("layer-"):
            continue
        layer = child_id.removeprefix("layer-")
        if layer not in LAYERS:
            raise DiagramError(f"{svg_path}: unknown layer group {child_id!r}")
        if layer in seen_layers:
            raise DiagramError(f"{svg_path}: layer {child_id!r} appears twice")
        seen_layers.add(layer)
        visit(child, layer, None)
    for element in root.iter():
        element_id = element.get("id", "")
        if parse_region_id(element_id) and element_id not in regions:
            raise DiagramError(f"{svg_path}: {element_id!r} lies outside the layer groups")
    return regions, outline


def _shape(element: ET.Element, svg_path: Path, element_id: str) -> QPainterPath:
    try:
        return element_path(element)
    except PathDataError as exc:
        raise DiagramError(f"{svg_path}: {element_id}: {exc}") from None
