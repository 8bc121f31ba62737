"""Validate located YAML values against the schema dataclasses and build them.

Problems are collected, never raised (qutebrowser gathers config errors the same way): a wrong
optional field falls back to its default, a wrong required field drops only the object that holds
it, and everything else still loads. References to other ids (zones, sources, muscles,
techniques) are recorded with their location and resolved once every file has been read.

Reading keeps what could be read (`Fields`) apart from building the object, so the rules that
involve more than one field (a range's low and high, two lists that must not share a zone) are
checked on every part that was read right, even when a mistake elsewhere leaves the object out:
one run reports every mistake a linter could find, and none that only follows from another.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from bodymap.model.problems import Location, Problem
from bodymap.model.spelling import closest
from bodymap.model.yamlnodes import LocatedDict, LocatedList

_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


@dataclass(frozen=True)
class Reference:
    """An id in the data that must name something defined elsewhere."""

    kind: str  # zone | source | muscle | technique
    id: str
    location: Location


def did_you_mean(word: str, known: typing.Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known word, or ''."""
    close = closest(word, known)
    return f"; did you mean '{close}'?" if close else ""


def describe(value: Any) -> str:
    """How a wrong value is named in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})" if len(value) < 40 else "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _noun(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


@cache
def _fields(cls: type) -> tuple[tuple[dataclasses.Field, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        (f, hints[f.name]) for f in dataclasses.fields(cls) if not f.metadata.get("internal")
    )


def _required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def required_keys(cls: type) -> list[str]:
    """The keys a mapping for `cls` must have, in schema order."""
    return [f.name for f, _ in _fields(cls) if _required(f)]


def _missing(cls: type, names: list[str]) -> str:
    """One message for every required key a mapping lacks (in schema order): a skeleton file
    lacking most of them is one mistake to fix, not a screenful of lines at 1:1."""
    if len(names) == 1:
        return f"{_noun(cls)} is missing '{names[0]}'"
    # A muscle file missing several is most often a new one: the documented file to copy.
    see = ("docs/data-format.md has a muscle file to start from, with every one"
           if _noun(cls) == "muscle" else "see docs/data-format.md")
    return f"{_noun(cls)} is missing {len(names)} required keys: {', '.join(names)} ({see})"


class Fields(dict):
    """What could be read of one mapping for dataclass `cls`: its fields' values by name.

    A field read with no mistake holds its value, a nested object its own `Fields`. A field with
    a mistake in it is named in `faulty`, and holds only the parts of it that were read right: a
    list the items that were (an object item as far as it could be read), a nested object its
    `Fields`; a wrong scalar is absent. Checks look at `clean` fields, or at the right parts of a
    faulty one where that cannot mislead, so they never report what follows from a mistake.
    """

    def __init__(self, cls: type, node: LocatedDict | None) -> None:
        super().__init__()
        self.cls = cls
        self.node = node  # None when the value was no mapping at all
        self.faulty: set[str] = set()
        # Indexes (in the reader's problems) of the mistakes that leave the object out: a required
        # field missing or wrong anywhere inside, or the value not being a mapping.
        self.blockers: list[int] = []

    def clean(self, name: str) -> bool:
        """The field is given and has no mistake anywhere in it."""
        return name in self and name not in self.faulty

    def build(self, **extra: Any) -> Any:
        """The dataclass instance, or None when a mistake leaves it out (a wrong optional field
        falls back to its default)."""
        if self.blockers:
            return None
        values = {name: _built(value) for name, value in self.items() if name not in self.faulty}
        return self.cls(**values, **extra)


def _built(value: Any) -> Any:
    if isinstance(value, Fields):
        return value.build()
    if isinstance(value, tuple) and value and isinstance(value[0], Fields):
        return tuple(item.build() for item in value)
    return value


# A rule that involves more than one field of a class, run on what could be read of each object.
Check = Callable[[Fields, list[Problem]], None]


class Reader:
    """Reads one file's values into schema objects, collecting problems and references.

    `checks` holds the cross-field rules by schema class. They run once the whole value has been
    read, so their problems, which never leave anything out, are not taken for the mistakes that
    do (a field is wrong when reading it added a problem)."""

    def __init__(self, problems: list[Problem], references: list[Reference],
                 checks: Mapping[type, Check] | None = None) -> None:
        self.problems = problems
        self.references = references
        self.checks = checks or {}
        self.pending: list[tuple[Check, Fields]] = []
        # The problems that make a value wrong, by index: an unknown key is reported but wrongs
        # nothing, so a typo in an optional key inside a trigger point loses no muscle.
        self.mistakes: list[int] = []

    def report(self, where: Location, message: str, *, wrong: bool = True) -> None:
        if wrong:
            self.mistakes.append(len(self.problems))
        self.problems.append(where.problem(message))

    def read(self, cls: type, node: Any, where: Location, **extra: Any) -> Any:
        """An instance of dataclass `cls` from a mapping, or None if it cannot be built."""
        return self.read_fields(cls, node, where).build(**extra)

    def read_fields(self, cls: type, node: Any, where: Location) -> Fields:
        """What could be read of `node` as a `cls`, with every cross-field rule checked on it and
        on each object inside it."""
        fields = self.fields(cls, node, where)
        pending, self.pending = self.pending, []
        for check, checked in pending:
            check(checked, self.problems)
        return fields

    def leave_out(self, fields: Fields, what: str) -> None:
        """Mark the mistakes that leave `fields`' object out as leaving out `what` (see
        `Problem.left_out`); the other problems in it leave nothing out."""
        for index in fields.blockers:
            self.problems[index] = dataclasses.replace(self.problems[index], left_out=what)

    def fields(self, cls: type, node: Any, where: Location) -> Fields:
        """What could be read of `node` as a `cls`; its checks wait in `pending`."""
        if not isinstance(node, LocatedDict):
            fields = Fields(cls, None)
            fields.blockers.append(len(self.problems))
            self.report(where, f"expected a {_noun(cls)} (a mapping), got {describe(node)}")
            return fields
        fields = Fields(cls, node)
        schema = _fields(cls)
        missing = [f.name for f, _ in schema if _required(f) and f.name not in node]
        misspelt = self.unknown_keys(cls, node, missing, fields)
        missing = [name for name in missing if name not in misspelt]
        if missing:
            fields.blockers.append(len(self.problems))
            self.report(node.location, _missing(cls, missing))
        for f, hint in schema:
            if f.name not in node:
                continue
            count = len(self.mistakes)
            value = self.value(hint, node[f.name], node.where(f.name), f.metadata, f.name)
            if len(self.mistakes) == count:
                fields[f.name] = value
                continue
            fields.faulty.add(f.name)
            if _required(f):
                fields.blockers.extend(self.mistakes[count:])
            if isinstance(value, tuple | Fields):  # the parts of it that were read right
                fields[f.name] = value
        check = self.checks.get(cls)
        if check is not None:
            self.pending.append((check, fields))
        return fields

    def unknown_keys(self, cls: type, node: LocatedDict, missing: list[str],
                     fields: Fields) -> set[str]:
        """Report the keys `cls` does not have, and return the missing required keys that one of
        them is a misspelling of. Such a key is reported once, where the teacher wrote it, as the
        misspelling and the missing key both (`referal:` for `referral:`); that mistake leaves
        the object out, where any other unknown key is only ignored."""
        names = [f.name for f, _ in _fields(cls)]
        misspelt: set[str] = set()
        for key in node:
            if key in names:
                continue
            where, unknown = node.key_where(key), f"unknown key '{key}' in {_noun(cls)}"
            meant = closest(key, names)
            if meant in missing and meant not in misspelt:
                misspelt.add(meant)
                fields.blockers.append(len(self.problems))
                self.report(where, f"{unknown}; did you mean '{meant}'? '{meant}' is required "
                            "and missing")
                continue
            hint = (f"; did you mean '{meant}'?" if meant else
                    f"; expected one of: {', '.join(names)}")
            self.report(where, f"{unknown}{hint}", wrong=False)
        return misspelt

    def value(self, hint: Any, value: Any, where: Location, meta: dict, name: str) -> Any:
        origin = typing.get_origin(hint)
        if origin in (types.UnionType, typing.Union):  # `X | None`
            if value is None:
                return None
            (hint,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
            origin = typing.get_origin(hint)
        if origin is tuple:
            return self.sequence(typing.get_args(hint)[0], value, where, meta, name)
        if dataclasses.is_dataclass(hint):
            return self.fields(hint, value, where)
        if hint is str:
            return self.text(value, where, meta, name)
        if hint is bool:
            if not isinstance(value, bool):
                self.report(where, f"'{name}' must be true or false, got {describe(value)}")
            return value
        if hint in (int, float):
            return self.number(hint, value, where, meta, name)
        raise TypeError(f"schema type {hint!r} is not supported")  # a bug in schema.py

    def sequence(self, item: Any, value: Any, where: Location, meta: dict, name: str) -> tuple:
        if not isinstance(value, LocatedList):
            # '-Pain when sitting' under the key: an item whose '-' has no space after it
            dash = (": if it is meant as a list item, put a space after its '-'"
                    if isinstance(value, str) and value[:1] == "-" else "")
            self.report(where, f"'{name}' must be a list, got {describe(value)}{dash}")
            return ()
        if len(value) < meta.get("min_items", 0):
            need = meta["min_items"]
            self.report(where, f"'{name}' needs at least {need} item{'s' * (need > 1)}")
        items = []
        for index, element in enumerate(value):
            count = len(self.mistakes)
            read = self.value(item, element, value.item_where(index), meta, name)
            # An object item is kept as far as it was read (for the checks); a wrong scalar is
            # dropped. Either way the list is faulty, so it is never built with a wrong item.
            right = len(self.mistakes) == count and read is not None
            if right or (isinstance(read, Fields) and read.node is not None):
                items.append(read)
        return tuple(items)

    def text(self, value: Any, where: Location, meta: dict, name: str) -> str:
        if not isinstance(value, str):
            quote = " (put it in quotes)" if isinstance(value, int | float | bool) else ""
            self.report(where, f"'{name}' must be text, got {describe(value)}{quote}")
            return ""
        if not value.strip():
            self.report(where, f"'{name}' must not be empty")
        choices = meta.get("choices")
        if choices and value not in choices:
            hint = did_you_mean(value, choices) or f"; expected one of: {', '.join(choices)}"
            self.report(where, f"'{value}' is not a valid {name} value{hint}")
        pattern = meta.get("pattern")
        if pattern == "id" and not _ID.match(value):
            self.report(where, f"'{value}' is not a valid id: use lower-case letters, digits and _")
        if pattern == "url" and not value.startswith(("https://", "http://")):
            self.report(where, f"'{name}' must be an http or https address")
        if meta.get("ref"):
            self.references.append(Reference(meta["ref"], value, where))
        return value

    def number(self, kind: type, value: Any, where: Location, meta: dict, name: str) -> Any:
        allowed = (int,) if kind is int else (int, float)
        if isinstance(value, bool) or not isinstance(value, allowed):
            noun = "a whole number" if kind is int else "a number"
            self.report(where, f"'{name}' must be {noun}, got {describe(value)}")
            return None
        low, high = meta.get("low"), meta.get("high")
        if (low is not None and value < low) or (high is not None and value > high):
            self.report(where, f"'{name}' must be between {low:g} and {high:g}, got {value}")
        return value
