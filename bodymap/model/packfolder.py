"""Which folder is the pack, for a path a teacher gives that is not one.

A pack is a folder holding `muscles/`, `zones.yaml` or `sources.yaml` (see `layout`). A teacher
checking the file they are editing gives that file; one who is unsure of the layout gives the
pack's `muscles/` folder, or the folder the pack sits in. Each is the pack named wrongly, not a
mistake in the data, so it is answered with the pack folder they meant.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from bodymap.model.layout import LISTINGS, MUSCLES, SEARCH_DEPTH, yaml_files


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


def packs_meant(folder: Path) -> list[Path]:
    """The packs a teacher meant who gave this folder as one, when it adds nothing: the pack
    whose muscles/ it is, else the packs inside it (none when neither). From the root."""
    folder = absolute(folder)
    return [folder.parent] if folder.name == MUSCLES else packs_inside(folder)


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


class Checked:
    """What `bodymap validate` loads and reports for the paths it is given. A folder is a pack,
    all of whose problems are reported. A file is checked as the pack that holds it loads it
    (`pack_of`, else its own folder), so its ids of the pack's zones and sources resolve, and of
    that pack only the file's problems are reported, as a linter checks the file being edited.
    The built-in data is loaded first anyway, so neither a built-in file nor the built-in folder
    is loaded a second time as a pack (each of its ids would be defined twice)."""

    def __init__(self, paths: Sequence[Path], builtin: Path) -> None:
        self.files = [path for path in paths if path.is_file()]
        self.folders = [path for path in paths if not path.is_file()]  # missing ones included
        given = {absolute(folder) for folder in self.folders}
        self.packs: list[Path] = []  # to load after the built-in data, each once
        self.quiet: list[Path] = []  # packs loaded only for a file in them
        # Files the loader would neither read nor report (not YAML, hidden, too deep), told here.
        self.unread: list[Path] = []
        self.alone = {absolute(file) for file in self.files}  # only their problems are told
        loaded = {absolute(builtin)}
        for path in paths:
            pack = path
            if path.is_file():
                pack = pack_of(path) or absolute(path).parent
                if absolute(path) not in map(absolute, yaml_files(pack)):
                    self.unread.append(path)
                    continue
                if absolute(pack) not in given and pack not in self.quiet:
                    self.quiet.append(pack)
            if absolute(pack) not in loaded:
                loaded.add(absolute(pack))
                self.packs.append(pack)

    def tells(self, file: str) -> bool:
        """Whether a problem in `file` (as problems name it) is reported."""
        where = absolute(Path(file))
        return where in self.alone or not any(where.is_relative_to(pack) for pack in self.quiet)
