"""A tiny writer for readable, Inkscape-friendly SVG: one element per line, layers as groups."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from geometry import Point, fmt

LAYERS = ("body", "superficial", "deep", "zones", "markers")
LABELS = {
    "body": "Body (art)",
    "superficial": "Superficial muscles",
    "deep": "Deep muscles",
    "zones": "Pain zones",
    "markers": "Trigger points",
}

SKIN = "#f2d8c2"
SKIN_SHADE = "#e2bb9d"
OUTLINE = "#7d5a45"
BONE = "#efe6d2"
BONE_EDGE = "#a5947a"
CREASE = "#a77d62"
MUSCLE = "#a8443a"
# A lighter, warmer muscle tone for a muscle that meets another along a shared edge and must be
# told apart from it at a glance (gluteus medius beside gluteus maximus). Lighter rather than
# darker, so the referral red (#d32f2f solid, or its stipple) painted over it reads even better.
MUSCLE_LIGHT = "#d06a50"
MUSCLE_EDGE = "#6d2a24"
APONEUROSIS = "#e9dccd"  # pale tendinous sheet a muscle blends into (erector spinae on the sacrum)
APONEUROSIS_EDGE = "#c4ab98"
DEEP = "#9a4a5a"
DEEP_EDGE = "#5e2535"
FIBRE = "#5f1d18"
TEXT = "#5b4636"

MUSCLE_STYLE = dict(fill=MUSCLE, fill_opacity="0.55", stroke=MUSCLE_EDGE, stroke_width="1")
# Per-muscle styles every view shares, so a muscle has one colour wherever it is drawn.
MUSCLE_STYLES = {"gluteus_medius": {**MUSCLE_STYLE, "fill": MUSCLE_LIGHT}}
DEEP_STYLE = dict(fill=DEEP, fill_opacity="0.6", stroke=DEEP_EDGE, stroke_width="1")
ZONE_STYLE = dict(fill="#808080", fill_opacity="0", stroke="none")  # invisible: hit areas only

Mapper = Callable[[Point, float], Point]  # body cm and a side's sign -> viewBox pixels


def attrs(**kw: object) -> str:
    out = []
    for k, v in kw.items():
        if v is None:
            continue
        name = k.rstrip("_").replace("_", "-")
        out.append(f"{name}={quoteattr(str(v))}")
    return " ".join(out)


class Svg:
    def __init__(self, title: str, width: int, height: int) -> None:
        self.title = title
        self.width = width
        self.height = height
        self.defs: list[str] = []
        self.layers: dict[str, list[str]] = {name: [] for name in LAYERS}

    def comment(self, layer: str, text: str) -> None:
        self.layers[layer].append(f"<!-- {text} -->")

    def el(self, layer: str, tag: str, **kw: object) -> None:
        self.layers[layer].append(f"<{tag} {attrs(**kw)}/>")

    def text(self, layer: str, x: float, y: float, content: str, **kw: object) -> None:
        self.layers[layer].append(
            f"<text {attrs(x=f'{x:.1f}', y=f'{y:.1f}', **kw)}>{escape(content)}</text>")

    def landmarks(self, layer: str, labels: Sequence[tuple[str, float, float]],
                  anchor: str = "start",
                  captions: Sequence[tuple[str, float, float, int]] = ()) -> None:
        """Landmark labels beside the body, each with a short tick pointing at its level, and
        `captions` above it (the view's title, which way is front: text, x, baseline y, font
        size), centred on x, in the `art-landmarks` group: the window draws these texts itself,
        at a size readable on screen whatever the zoom (docs/diagram.md). `anchor="end"`: a
        label ends at x, its tick after it."""
        self.raw(layer, '<g id="art-landmarks">')
        for label, x, y in labels:
            tick = (x - 12, x - 3) if anchor == "start" else (x + 3, x + 12)
            self.el(layer, "line", x1=fmt(tick[0]), y1=fmt(y), x2=fmt(tick[1]), y2=fmt(y),
                    stroke=TEXT, stroke_width="0.8", stroke_opacity="0.5")
            self.text(layer, x, y + 3, label, font_family="sans-serif", font_size="9", fill=TEXT,
                      fill_opacity="0.8", text_anchor=None if anchor == "start" else anchor)
        for caption, x, y, size in captions:
            self.text(layer, x, y, caption, font_family="sans-serif", font_size=str(size),
                      fill=TEXT, text_anchor="middle")
        self.raw(layer, "</g>")

    def raw(self, layer: str, line: str) -> None:
        self.layers[layer].append(line)

    def skin_gradient(self, edge: float) -> None:
        """`art-skin-gradient`: skin shaded towards both sides, flat between `edge` and 1-edge."""
        self.defs.append(
            '<linearGradient id="art-skin-gradient" x1="0" y1="0" x2="1" y2="0">'
            f'<stop offset="0" stop-color="{SKIN_SHADE}"/><stop offset="{edge:g}" '
            f'stop-color="{SKIN}"/><stop offset="{1 - edge:g}" stop-color="{SKIN}"/>'
            f'<stop offset="1" stop-color="{SKIN_SHADE}"/></linearGradient>'
        )

    def linear_gradient(self, gradient_id: str, start: Point, end: Point,
                        stops: Sequence[tuple[float, str]]) -> str:
        """A gradient in viewBox pixels from `start` to `end`, the same for every shape painted
        with it whatever its bounds; returns the paint (`url(#id)`) for a fill or a stroke."""
        stop_xml = "".join(f'<stop offset="{offset:g}" stop-color="{colour}"/>'
                           for offset, colour in stops)
        self.defs.append(
            f'<linearGradient id="{gradient_id}" gradientUnits="userSpaceOnUse" '
            f'x1="{fmt(start[0])}" y1="{fmt(start[1])}" x2="{fmt(end[0])}" y2="{fmt(end[1])}">'
            f"{stop_xml}</linearGradient>")
        return f"url(#{gradient_id})"

    def fibres(self, layer: str, lines: Sequence[tuple[Point, Point]], px: Mapper,
               sign: float) -> None:
        """Fibre direction strokes over a muscle, one straight line each."""
        d = " ".join(
            f"M {fmt(px(a, sign)[0])},{fmt(px(a, sign)[1])} L {fmt(px(b, sign)[0])},"
            f"{fmt(px(b, sign)[1])}" for a, b in lines)
        self.el(layer, "path", d=d, fill="none", stroke=FIBRE, stroke_width="0.8",
                stroke_opacity="0.45", stroke_linecap="round")

    def side_labels(self, at: Point, sides: Mapping[str, float], px: Mapper) -> None:
        """"Left" and "Right" in large letters at `at` on each side, so no one misreads a view,
        in the `art-side-labels` group: the window draws these texts itself, with the body at its
        size but above the referral paint, which would hide art beneath it (docs/diagram.md)."""
        self.raw("body", '<g id="art-side-labels">')
        for side, sign in sides.items():
            x, y = px(at, sign)
            self.text("body", x, y, "Left" if side == "L" else "Right", font_family="sans-serif",
                      font_size="20", font_weight="bold", fill=TEXT, text_anchor="middle")
        self.raw("body", "</g>")

    def markers(self, markers: Mapping[tuple[str, str], Point], sides: Mapping[str, float],
                px: Mapper) -> None:
        """The trigger points: a circle each (its centre is the TrP) on every side drawn."""
        for side, sign in sides.items():
            for (muscle, trp), p in markers.items():
                x, y = px(p, sign)
                self.el("markers", "circle", id=f"x-{muscle}-{trp}-{side}", cx=fmt(x),
                        cy=fmt(y), r="4", fill="#2b1d1d", fill_opacity="0.5", stroke="none")

    def render(self) -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            "<!-- Generated by tools/draw/draw_body.py, then safe to edit by hand or in Inkscape.",
            "     Ids and layers are a contract: see docs/diagram.md. No transforms. -->",
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny"',
            '     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"',
            f'     width="{self.width}" height="{self.height}"'
            f' viewBox="0 0 {self.width} {self.height}">',
            f"  <title>{escape(self.title)}</title>",
        ]
        if self.defs:
            lines.append("  <defs>")
            lines += [f"    {d}" for d in self.defs]
            lines.append("  </defs>")
        for name in LAYERS:
            lines.append(
                f'  <g id="layer-{name}" inkscape:groupmode="layer"'
                f' inkscape:label="{LABELS[name]}">'
            )
            lines += [f"    {line}" for line in self.layers[name]]
            lines.append("  </g>")
        lines.append("</svg>")
        return "\n".join(lines) + "\n"
