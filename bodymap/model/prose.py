"""Lists said in a sentence, as a person writes them."""

from __future__ import annotations

from collections.abc import Iterable


def listed(items: Iterable[str], conjunction: str = "and") -> str:
    """The items in a sentence: "A", "A and B", "A, B and C" (or "A, B or C"); "" for none."""
    said = list(items)
    if len(said) < 2:
        return "".join(said)
    return f"{', '.join(said[:-1])} {conjunction} {said[-1]}"
