"""Safe YAML reading that remembers where every value came from.

PyYAML's `safe_load` forgets line numbers and silently keeps the last of two duplicate keys.
We compose the node graph instead (with the C parser when PyYAML has it) and turn it into plain
dicts, lists and scalars ourselves, keeping each value's position, so that a semantic mistake found
later can still point at its line (as Home Assistant's loader does).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from bodymap.model.problems import Location, Problem

if TYPE_CHECKING:
    from yaml import Mark

MAX_FILE_BYTES = 1024 * 1024


class LocatedDict(dict):
    """A mapping that knows where it and each of its keys and values sit."""

    location: Location
    key_marks: dict[str, Mark]
    value_marks: dict[str, Mark]

    def where(self, key: str) -> Location:
        """Where the value of `key` starts (the mapping itself when the key is absent)."""
        mark = self.value_marks.get(key)
        return _at(self.location.file, mark) if mark else self.location

    def key_where(self, key: str) -> Location:
        return _at(self.location.file, self.key_marks[key])


class LocatedList(list):
    """A sequence that knows where it and each of its items sit."""

    location: Location
    item_marks: list[Mark]

    def item_where(self, index: int) -> Location:
        return _at(self.location.file, self.item_marks[index])


def _at(file: str, mark: Mark) -> Location:
    # Marks are kept as PyYAML gives them and turned into Locations only when a problem needs
    # one: most values are never reported, and a Location per value doubled the load time.
    return Location(file, mark.line + 1, mark.column + 1)


def read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """A file's content, refusing files over the size limit (checked before reading)."""
    start = Location(display, 1, 1)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [start.problem(f"file is {size} bytes; the limit is 1 MiB")]
        return path.read_bytes(), []
    except OSError as error:
        return None, [start.problem(f"cannot read file: {error.strerror or error}")]


def read_yaml(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Read one YAML file. Returns (document or None, problems); never raises for bad content."""
    raw, problems = read_bytes(path, display)
    if raw is None:
        return None, problems
    return parse_bytes(raw, display)


def parse_bytes(raw: bytes, display: str) -> tuple[Any, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(display, line, column, "file is not UTF-8 text: save it as UTF-8")]
    from bodymap.model.yamlparse import parse_yaml  # PyYAML loads only when a file must be parsed

    return parse_yaml(text, display)
