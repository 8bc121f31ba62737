"""Where each file of a data folder goes, and where a YAML file the loader does not read belongs.

The loader reads `zones.yaml`, `sources.yaml`, `guidance.yaml` (built-in only) and
`muscles/*.yaml`. A teacher who puts a muscle at the top of the pack, or names a file `.yml`,
would otherwise see it vanish without a word, so every other YAML file under the folder is
reported with the place it belongs.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bodymap.model.schema import Guidance, Muscle, Source, Zone

MUSCLES = "muscles"
LISTINGS = {"zones": "zones.yaml", "sources": "sources.yaml"}  # top-level key -> its file
GUIDANCE = "guidance.yaml"
PACK_FILES = f"{MUSCLES}/<muscle id>.yaml, zones.yaml and sources.yaml"


def _names(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


_GUIDANCE_KEYS = _names(Guidance)
# Keys only a muscle has: a file with one of them is a muscle, wherever it was put.
_MUSCLE_KEYS = _names(Muscle) - _names(Zone) - _names(Source) - _GUIDANCE_KEYS - set(LISTINGS)


def muscle_files(folder: Path) -> list[Path]:
    return sorted((folder / MUSCLES).glob("*.yaml"))


# How deep to look for misplaced files: a pack is shallow, and a teacher who gives a big folder
# (a home folder) by mistake must not wait while the app walks all of it at every start.
SEARCH_DEPTH = 3


def yaml_files(folder: Path) -> Iterator[Path]:
    """Every .yaml or .yml file under the folder, down to SEARCH_DEPTH folders. Hidden folders
    are skipped: a pack kept in git may hold `.github/workflows/*.yml`, which is not data."""
    for root, dirs, files in os.walk(folder):
        deep = len(Path(root).relative_to(folder).parts) >= SEARCH_DEPTH
        dirs[:] = [] if deep else sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith((".yaml", ".yml")):
                yield Path(root, name)


def where_it_belongs(path: Path, folder: Path, document: Any) -> str:
    """Why `path` (under `folder`, not read) is not read and where such a file goes.
    `document` is its parsed content, or None when it could not be parsed."""
    keys = set(document) if isinstance(document, dict) else set()
    place = path.relative_to(folder)
    stem = path.name.rsplit(".", 1)[0]
    if path.suffix != ".yaml" and _read_if_renamed(place, stem):
        return f"bodymap reads only files ending in .yaml; rename it to {stem}.yaml"
    if keys & _MUSCLE_KEYS or place.parts[0] == MUSCLES:
        muscle_id = document.get("id") if isinstance(document, dict) else None
        name = f"{muscle_id if isinstance(muscle_id, str) else stem}.yaml"
        if place.parts[0] == MUSCLES:  # deeper inside muscles/
            return (f"muscle files go directly in {MUSCLES}/, not in a folder inside it; "
                    f"move it to {MUSCLES}/{name}")
        return f"muscle files go in {MUSCLES}/; move it to {MUSCLES}/{name}"
    for key, file in LISTINGS.items():
        if key in keys or path.name == file:
            return (f"{key} are read only from {file} at the top of the pack folder; "
                    "move its entries there")
    if keys & _GUIDANCE_KEYS or path.name == GUIDANCE:
        return f"{GUIDANCE} is only read from the built-in data"
    return f"it is not one of the files a pack holds ({PACK_FILES})"


def _read_if_renamed(place: Path, stem: str) -> bool:
    """Whether the file would be read with a .yaml ending: a muscle file or a listing."""
    if len(place.parts) == 2 and place.parts[0] == MUSCLES:
        return True
    return len(place.parts) == 1 and f"{stem}.yaml" in LISTINGS.values()
