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
