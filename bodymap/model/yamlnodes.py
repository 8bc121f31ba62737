"""Safe YAML reading that remembers where every value came from.

PyYAML's `safe_load` forgets line numbers and silently keeps the last of two duplicate keys.
We compose the node graph instead (with the C parser when PyYAML has it) and turn it into plain
dicts, lists and scalars ourselves, keeping each value's position, so that a semantic mistake found
later can still point at its line (as Home Assistant's loader does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bodymap.model.problems import Location, Problem

MAX_FILE_BYTES = 1024 * 1024
# Values after alias expansion. The built-in muscle files hold about 300; a document that expands
# past this is an alias bomb ("billion laughs"), refused before anything is expanded.
MAX_EXPANDED_VALUES = 50_000
MAX_DEPTH = 40

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Scalars are built by PyYAML's safe constructors, called directly so that nothing is cached
# between files; any tag without a safe constructor (`!!python/...`) is refused.
_SAFE = yaml.constructor.SafeConstructor
_scalars = _SAFE()
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class LocatedDict(dict):
    """A mapping that knows where it and each of its keys and values sit."""

    location: Location
    key_marks: dict[str, yaml.Mark]
    value_marks: dict[str, yaml.Mark]

    def where(self, key: str) -> Location:
        """Where the value of `key` starts (the mapping itself when the key is absent)."""
        mark = self.value_marks.get(key)
        return _at(self.location.file, mark) if mark else self.location

    def key_where(self, key: str) -> Location:
        return _at(self.location.file, self.key_marks[key])


class LocatedList(list):
    """A sequence that knows where it and each of its items sit."""

    location: Location
    item_marks: list[yaml.Mark]

    def item_where(self, index: int) -> Location:
        return _at(self.location.file, self.item_marks[index])


def _at(file: str, mark: yaml.Mark) -> Location:
    # Marks are kept as PyYAML gives them and turned into Locations only when a problem needs
    # one: most values are never reported, and a Location per value doubled the load time.
    return Location(file, mark.line + 1, mark.column + 1)


class _Refused(Exception):
    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.problem = location.problem(message)


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
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text; `display` is the file name used in problems."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        return None, [Problem(display, line, column, f"YAML syntax error: {what}")]
    except yaml.YAMLError as error:  # e.g. control characters the reader refuses
        return None, [Problem(display, 1, 1, f"YAML error: {error}")]
    except RecursionError:
        return None, [Problem(display, 1, 1, "YAML is nested too deeply")]
    if root is None:
        return None, []
    problems: list[Problem] = []
    try:
        if "*" in text:  # without an alias, nothing can expand
            _check_expansion(root, display)
        return _Converter(display, problems).value(root, 0), problems
    except _Refused as refused:
        return None, [refused.problem]


def _location(node: yaml.Node, display: str) -> Location:
    return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _check_expansion(root: yaml.Node, display: str) -> None:
    """Count values after alias expansion without expanding; refuse bombs and cycles."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node, depth: int = 0) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _Refused(_location(node, display), "an alias refers to itself (recursive anchor)")
        if depth > MAX_DEPTH:
            raise _Refused(_location(node, display), f"nested more than {MAX_DEPTH} levels deep")
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(item, depth + 1) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        open_nodes.discard(key)
        if total > MAX_EXPANDED_VALUES:
            raise _Refused(
                _location(root, display),
                f"aliases expand this document to more than {MAX_EXPANDED_VALUES} values; "
                "refused (an alias bomb?)",
            )
        sizes[key] = total
        return total

    size(root)


class _Converter:
    def __init__(self, display: str, problems: list[Problem]) -> None:
        self.display = display
        self.problems = problems

    def value(self, node: yaml.Node, depth: int) -> Any:
        where = _location(node, self.display) if not isinstance(node, yaml.ScalarNode) else None
        if depth > MAX_DEPTH:
            where = where or _location(node, self.display)
            raise _Refused(where, f"nested more than {MAX_DEPTH} levels deep")
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self.problems.append(where.problem(f"unsupported tag {node.tag}"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth, where)
        if isinstance(node, yaml.SequenceNode):
            items = LocatedList(self.value(item, depth + 1) for item in node.value)
            items.location = where
            items.item_marks = [item.start_mark for item in node.value]
            return items
        if node.tag == "tag:yaml.org,2002:str":  # most values: no constructor call needed
            return node.value
        construct = _SAFE.yaml_constructors.get(node.tag)
        where = _location(node, self.display)
        if construct is None or node.tag in _COLLECTION_TAGS:
            self.problems.append(where.problem(f"unsupported tag {node.tag}"))
            return None
        try:
            return construct(_scalars, node)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
            reason = getattr(error, "problem", None) or str(error)
            self.problems.append(where.problem(f"unsupported value: {reason}"))
            return None

    def mapping(self, node: yaml.MappingNode, depth: int, where: Location) -> LocatedDict:
        result = LocatedDict()
        result.location = where
        result.key_marks = {}
        result.value_marks = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                key_where = _location(key_node, self.display)
                self.problems.append(key_where.problem("a key must be plain text"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                key_where = _location(key_node, self.display)
                self.problems.append(key_where.problem("merge keys (<<) are not supported"))
                continue
            key = str(key_node.value)
            if key in result:
                first = result.key_marks[key].line + 1
                self.problems.append(_location(key_node, self.display).problem(
                    f"duplicate key '{key}' (first given at line {first})"))
                continue
            result[key] = self.value(value_node, depth + 1)
            result.key_marks[key] = key_node.start_mark
            result.value_marks[key] = value_node.start_mark
        return result
