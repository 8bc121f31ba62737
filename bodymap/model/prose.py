"""Lists and counts said in a sentence, as a person writes them."""

from __future__ import annotations

from collections.abc import Iterable


def listed(items: Iterable[str], conjunction: str = "and") -> str:
    """The items in a sentence: "A", "A and B", "A, B and C" (or "A, B or C"); "" for none."""
    said = list(items)
    if len(said) < 2:
        return "".join(said)
    return f"{', '.join(said[:-1])} {conjunction} {said[-1]}"


def counted(number: int, noun: str, plural: str = "") -> str:
    """"1 trigger point", "3 trigger points"; `plural` for a noun that does not add -s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
