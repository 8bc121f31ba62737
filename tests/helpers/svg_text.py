"""Reading the words of an exported SVG picture where it draws them: in the PNG's pixels, as
the SVG's viewBox is them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QFont, QFontMetricsF

SVG = "{http://www.w3.org/2000/svg}"
Matrix = tuple[float, float, float, float, float, float]  # as SVG's matrix(a, b, c, d, e, f)


def svg_texts(svg: Path) -> dict[str, tuple[float, float, float]]:
    """Each text an SVG draws: where its baseline starts and its font size, in the viewBox's
    units (a picture's pixels), through the transforms of the groups round it."""
    found: dict[str, tuple[float, float, float]] = {}

    def walk(node: ET.Element, m: Matrix) -> None:
        if match := re.fullmatch(r"\s*matrix\(([^)]*)\)\s*", node.get("transform", "")):
            a, b, c, d, e, f = (float(v) for v in match[1].split(","))
            m = (m[0] * a + m[2] * b, m[1] * a + m[3] * b, m[0] * c + m[2] * d,
                 m[1] * c + m[3] * d, m[0] * e + m[2] * f + m[4], m[1] * e + m[3] * f + m[5])
        if node.tag == f"{SVG}text":
            x, y = float(node.get("x", 0)), float(node.get("y", 0))
            found["".join(node.itertext()).strip()] = (
                m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5],
                float(node.get("font-size", 0)) * m[3])
        for child in node:
            walk(child, m)

    walk(ET.parse(svg).getroot(), (1, 0, 0, 1, 0, 0))
    return found


def view_captions(svg: Path) -> dict[str, float]:
    """The views' captions an SVG picture draws, left to right, each with its middle across
    the picture (in the PNG's pixels: the SVG's viewBox is them)."""
    middles = {}
    for text, (x, _y, size) in svg_texts(svg).items():
        if text in ("Back view", "Front view") or "side view" in text:
            font = QFont()
            font.setPixelSize(round(size))
            middles[text] = x + QFontMetricsF(font).horizontalAdvance(text) / 2
    return dict(sorted(middles.items(), key=lambda item: item[1]))


def svg_words(svg: Path) -> str:
    """The words an SVG picture draws, in the order it draws them, one space apart whatever
    lines (and bold or coloured runs) they are drawn in."""
    texts = ET.parse(svg).getroot().iter(f"{SVG}text")
    return " ".join(" ".join(" ".join(node.itertext()) for node in texts).split())
