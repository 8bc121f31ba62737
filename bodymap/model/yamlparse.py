"""Parsing YAML text into located values (see yamlnodes), with PyYAML's C parser when present.

Kept apart from yamlnodes so that PyYAML is imported only when a file has to be parsed: a start
with every file in the cache never loads it.
"""

from __future__ import annotations

from typing import Any

import yaml

from bodymap.model.problems import Location, Problem
from bodymap.model.yamlerrors import merged_list_items, reader_problem, syntax_problem
from bodymap.model.yamlnodes import LocatedDict, LocatedList

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


class _Refused(Exception):
    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.problem = location.problem(message)


def parse_yaml(text: str, display: str) -> tuple[Any, list[Problem]]:
    """Parse YAML text; `display` is the file name used in problems."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [syntax_problem(error, text, display)]
    except yaml.reader.ReaderError as error:  # a control character the reader refuses
        return None, [reader_problem(error, text, display)]
    except yaml.YAMLError as error:
        return None, [Problem(display, 1, 1, f"YAML error: {error}")]
    except RecursionError:
        return None, [Problem(display, 1, 1, "YAML is nested too deeply")]
    if root is None:
        return None, []
    problems: list[Problem] = []
    converter = _Converter(display, problems, text)
    try:
        if "*" in text:  # without an alias, nothing can expand
            _check_expansion(root, display)
        document = converter.value(root, 0)
    except _Refused as refused:
        return None, [refused.problem]
    # Lines joined into one text by a list item out of line are a syntax mistake to the teacher,
    # even though YAML accepts them: the file is left out, as for any other syntax error, rather
    # than loaded with an item silently run into the text of the one above it.
    return (None if converter.out_of_line else document), problems


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
    def __init__(self, display: str, problems: list[Problem], text: str) -> None:
        self.display = display
        self.problems = problems
        self.text = text
        self.lines: list[str] | None = None  # split only when a text runs over several lines
        self.out_of_line = False  # a list item was read as more text of the item above

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
            if not node.style and node.end_mark.line != node.start_mark.line:  # plain (C: "")
                self.joined_lines(node)
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

    def joined_lines(self, node: yaml.ScalarNode) -> None:
        """Unquoted text over several lines: YAML joins them, a line meant as a list item too."""
        if self.lines is None:
            self.lines = self.text.splitlines()
        found = merged_list_items(node.start_mark, node.end_mark, self.lines, self.display)
        self.problems.extend(found)
        self.out_of_line = self.out_of_line or bool(found)

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
