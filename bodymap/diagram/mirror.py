"""A view drawn from one side of the person, seen from the other side: its mirror image.

The side view is drawn once, from the person's left. A therapist who selects a muscle on the
right and turns to the side view expects to see the right hip, so the window shows the drawing
mirrored left to right: the art, every region (its id and side turned to the other side, so
`m-gluteus_medius-L` becomes `m-gluteus_medius-R`), the body outline and the places of the labels
the window draws itself. Those labels keep reading left to right; only their wording turns with
the body ("Left" becomes "Right", "← front · Left side view · back →" becomes "← back · Right
side view · front →").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtGui import QTransform

from bodymap.diagram.views import LAYERS, SVG_NS, Landmark, Region, View

OTHER_SIDE = {"L": "R", "R": "L"}
_ANCHORS = {"start": "end", "end": "start", "middle": "middle"}
_SIDE_WORDS = {"left": "right", "right": "left", "Left": "Right", "Right": "Left",
               "LEFT": "RIGHT", "RIGHT": "LEFT"}
_SIDE_WORD = re.compile(r"\b(?:left|right|Left|Right|LEFT|RIGHT)\b")
_PARTS = " · "  # a caption's parts, read left to right ("← front · Left side view · back →")


def mirrored(view: View) -> View:
    """The view seen from the person's other side. Only a view drawn from one side has one."""
    if view.facing is None:
        raise ValueError(f"the {view.name} view draws both sides; it has no other side")
    box = view.view_box
    middle = box.left() + box.right()  # x maps to middle - x: the view box stays where it is
    flip = QTransform(-1, 0, 0, 1, middle, 0)
    regions = {}
    for region in view.regions.values():
        side = OTHER_SIDE[region.side] if region.side else None
        region_id = f"{region.id[:-1]}{side}" if side else region.id
        regions[region_id] = Region(region_id, region.kind, region.target, region.trp, side,
                                    region.layer, flip.map(region.path))
    art = {layer: _mirrored_art(view.art_svg(layer), middle) for layer in LAYERS}
    seen = View.__new__(View)
    seen._take(view.name, view.svg_path, view.svg_bytes, box, regions, flip.map(view.outline),
               art, tuple(_mirrored_label(label, middle) for label in view.landmarks),
               tuple(_mirrored_label(label, middle) for label in view.side_labels))
    return seen


def mirrored_text(text: str) -> str:
    """A label's words for the mirror image: a side's name turned to the other side, and a
    caption whose parts point at the body's ends (an arrow at the side of the picture that
    end is on) read in the other order, each arrow pointing the other way."""
    parts = text.split(_PARTS)
    if len(parts) > 1 or text.startswith("← ") or text.endswith(" →"):
        parts = [_turned_arrow(part) for part in reversed(parts)]
    return _SIDE_WORD.sub(lambda word: _SIDE_WORDS[word.group()], _PARTS.join(parts))


def _turned_arrow(part: str) -> str:
    if part.startswith("← "):
        return f"{part[2:]} →"
    if part.endswith(" →"):
        return f"← {part[:-2]}"
    return part


def _mirrored_label(label: Landmark, middle: float) -> Landmark:
    """A label at its mirrored place, anchored at the other end of its text, so it still
    reaches away from the body (the landmarks beside it) or sits centred on it."""
    return label._replace(text=mirrored_text(label.text), x=middle - label.x,
                          anchor=_ANCHORS.get(label.anchor, label.anchor))


def _mirrored_art(document: bytes, middle: float) -> bytes:
    """An art layer's document with its drawing flipped left to right inside the view box. A
    text in the art is flipped back about its anchor, so it stays readable where it moved."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("inkscape", "http://www.inkscape.org/namespaces/inkscape")
    root = ET.fromstring(document)
    flipped = ET.Element(f"{{{SVG_NS}}}g", {"transform": f"matrix(-1,0,0,1,{middle:g},0)"})
    for child in list(root):
        if child.tag != f"{{{SVG_NS}}}defs":
            root.remove(child)
            flipped.append(child)
    for text in flipped.iter(f"{{{SVG_NS}}}text"):
        try:
            x = float(text.get("x", "0"))
        except ValueError:  # a list of glyph places: left as drawn
            continue
        # Innermost, in the text's own coordinates (after any transform it has).
        own = text.get("transform", "")
        text.set("transform", f"{own} matrix(-1,0,0,1,{2 * x:g},0)".strip())
        text.set("text-anchor", _ANCHORS.get(text.get("text-anchor", "start"), "end"))
    root.append(flipped)
    return ET.tostring(root)
