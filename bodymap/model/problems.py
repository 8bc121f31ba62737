"""A problem found in a data file, reported the way compilers and linters do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# `Problem.left_out` of a mistake that leaves out all its file describes (a muscle file's
# muscle, a file that does not parse or is not read).
WHOLE_FILE = "the whole file"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file. Line and column are 1-based, as editors show them.

    A note is not a mistake: it says what loaded but cannot be shown in full (a pack muscle with
    no shape in the drawings), as a compiler's "note:" does, and leaves `validate` passing.

    `left_out` says what the mistake leaves out until it is fixed: "" when nothing (a warning:
    the rest loads), `WHOLE_FILE`, or one entry of the file, e.g. "zone 'pack_spot'"."""

    file: str
    line: int
    column: int
    message: str
    note: bool = False
    left_out: str = ""

    def __str__(self) -> str:
        kind = "note: " if self.note else ""
        return f"{self.file}:{self.line}:{self.column}: {kind}{self.message}"


@dataclass(frozen=True)
class Location:
    """Where a value sits in a file (1-based)."""

    file: str
    line: int
    column: int

    def problem(self, message: str, note: bool = False, left_out: str = "") -> Problem:
        return Problem(self.file, self.line, self.column, message, note, left_out)


def left_out_by_file(problems: Iterable[Problem]) -> dict[str, tuple[str, ...]]:
    """What the mistakes leave out, by file (as problems name it), in the problems' order: `()`
    when the whole file is left out, else the entries left out ("zone 'pack_spot'"), while the
    rest of the file loaded. Files whose mistakes leave nothing out are not listed."""
    lost: dict[str, dict[str, None]] = {}
    for problem in problems:
        if problem.left_out:
            lost.setdefault(problem.file, {})[problem.left_out] = None
    return {file: () if WHOLE_FILE in entries else tuple(entries)
            for file, entries in lost.items()}


@dataclass(frozen=True)
class Unloaded:
    """A file left out whole that may hold a muscle (a muscle file with a mistake, a YAML file
    where the loader does not look), so that a muscle asked for by a name it gives is said to be
    there, not to be unknown. `names` are its file name's stem and the `id:` and `name:` it
    gives, "" where they could not be read; `problem` is the first mistake that leaves it out,
    and `more` counts its other problems."""

    file: str
    names: tuple[str, str, str]
    problem: Problem
    more: int = 0

    def said(self, typed: str, quotes: tuple[str, str] = ("'", "'")) -> str:
        """"'Adductor longus' is in pack/muscles/adductor_longus.yaml, which was not loaded:
        <its problem>" (`lead`, then the problem)."""
        return f"{self.lead(typed, quotes)}: {self.problem}"

    def lead(self, typed: str, quotes: tuple[str, str] = ("'", "'")) -> str:
        """"'Adductor longus' is in pack/muscles/adductor_longus.yaml, which was not loaded",
        and "; its first of 3 problems" when it has more than one: the muscle by the name the
        file gives it, else as typed."""
        which = f"; its first of {self.more + 1} problems" if self.more else ""
        return (f"{quotes[0]}{self.names[2] or typed}{quotes[1]} is in {self.file}, which was "
                f"not loaded{which}")


def unloaded_files(problems: Iterable[Problem],
                   names: dict[str, tuple[str, str, str]]) -> tuple[Unloaded, ...]:
    """The files of `names` (file -> the names it gives, as `Unloaded.names`) that the problems
    leave out whole, each with the first problem that does."""
    mine: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.file in names and not problem.note:
            mine.setdefault(problem.file, []).append(problem)
    return tuple(Unloaded(file, names[file], min(whole), len(its) - 1)
                 for file, its in mine.items()
                 if (whole := [p for p in its if p.left_out == WHOLE_FILE]))
