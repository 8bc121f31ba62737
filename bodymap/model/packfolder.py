"""Which folder is the pack, for a path a teacher gives that is not one.

A pack is a folder holding `muscles/`, `zones.yaml` or `sources.yaml` (see `layout`). A teacher
checking the file they are editing gives that file; one who is unsure of the layout gives the
pack's `muscles/` folder, or the folder the pack sits in. Each is the pack named wrongly, not a
mistake in the data, so it is answered with the pack folder they meant.
"""

from __future__ import annotations

import os
from pathlib import Path

from bodymap.model.layout import LISTINGS, MUSCLES, SEARCH_DEPTH


def absolute(path: Path) -> Path:
    """The path from the root, with `..` and `.` worked out (`Path.absolute` keeps them), so
    its name and its parents are the folders a person means by it."""
    return Path(os.path.abspath(path))


def is_pack(folder: Path) -> bool:
    return (folder / MUSCLES).is_dir() or any((folder / name).is_file()
                                              for name in LISTINGS.values())


def pack_of(file: Path) -> Path | None:
    """The pack a file belongs to: the nearest folder above it that is a pack, looking as far up
    as the loader looks down (so `pack/muscles/extra/x.yaml` is in `pack`), or None."""
    for folder in absolute(file).parents[:SEARCH_DEPTH]:
        if is_pack(folder):
            return folder
    return None


def packs_inside(folder: Path) -> list[Path]:
    """The packs below a folder that is not one, as deep as the loader looks for files. A pack's
    own folders are not searched: the pack is what the teacher meant."""
    found = []
    for root, dirs, _ in os.walk(folder):
        depth = len(Path(root).relative_to(folder).parts)
        if depth and is_pack(Path(root)):
            found.append(Path(root))
            dirs[:] = []
            continue
        dirs[:] = [] if depth >= SEARCH_DEPTH else sorted(d for d in dirs if not d.startswith("."))
    return found

