"""A problem found in a data file, reported the way compilers and linters do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file. Line and column are 1-based, as editors show them.

    A note is not a mistake: it says what loaded but cannot be shown in full (a pack muscle with
    no shape in the drawings), as a compiler's "note:" does, and leaves `validate` passing."""

    file: str
    line: int
    column: int
    message: str
    note: bool = False

    def __str__(self) -> str:
        kind = "note: " if self.note else ""
        return f"{self.file}:{self.line}:{self.column}: {kind}{self.message}"


@dataclass(frozen=True)
class Location:
    """Where a value sits in a file (1-based)."""

    file: str
    line: int
    column: int

    def problem(self, message: str, note: bool = False) -> Problem:
        return Problem(self.file, self.line, self.column, message, note)
