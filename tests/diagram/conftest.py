"""Fixtures for the diagram tests: the built-in data's ids, read straight from data/ and docs/.

The diagram layer never needs a QApplication for its geometry; the one test that renders the SVGs
uses pytest-qt's `qapp`, so the whole test session keeps a single QApplication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bodymap import resources
from bodymap.diagram import VIEWS, View, load_view

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class MuscleIds:
    id: str
    views: tuple[str, ...]
    trps: tuple[str, ...]


@dataclass(frozen=True)
class ZoneIds:
    id: str
    midline: bool
    views: tuple[str, ...]  # () for a group: it is not drawn, its parts are
    parts: tuple[str, ...] = ()


@pytest.fixture(scope="session")
def muscles() -> dict[str, MuscleIds]:
    files = sorted((resources.data_dir() / "muscles").glob("*.yaml"))
    assert files, "data/muscles/ holds no muscle files: nothing to check the diagrams against"
    out = {}
    for file in files:
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert isinstance(doc, dict) and doc.get("id") == file.stem, file
        trps = tuple(t["id"] for t in doc.get("trigger_points") or [])
        assert trps, f"{file.name} lists no trigger points"
        out[doc["id"]] = MuscleIds(doc["id"], tuple(doc.get("views") or ()), trps)
    return out


@pytest.fixture(scope="session")
def zones() -> dict[str, ZoneIds]:
    doc = yaml.safe_load((resources.data_dir() / "zones.yaml").read_text(encoding="utf-8"))
    out = {z["id"]: ZoneIds(z["id"], bool(z.get("midline", False)), tuple(z.get("views", ())),
                            tuple(z.get("parts", ())))
           for z in doc["zones"]}
    assert out, "data/zones.yaml lists no zones"
    return out


@pytest.fixture(scope="session")
def diagram_layers() -> dict[str, str]:
    """muscle id -> its diagram layer ('superficial' or 'deep'), from the table in docs/ids.md."""
    text = (ROOT / "docs" / "ids.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| ([a-z][a-z0-9_]*) \| (superficial|deep)\b", text, re.M))
    assert table, "docs/ids.md has no muscle table"
    return table


@pytest.fixture(scope="session")
def views() -> dict[str, View]:
    return {name: load_view(name) for name in VIEWS}
