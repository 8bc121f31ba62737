"""Lists, counts and names said in a sentence, as a person writes them: "A, B and C",
"3 trigger points", "Sacrum (left)".

Pure words, below the widgets: the window, the exports and the study's feedback all say a name
with its side the same way.
"""

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


BOTH = "both"  # the side of a muscle shown on the left and right at once (exports)


def side_label(side: str | None) -> str:
    return {"L": "left", "R": "right", BOTH: "both sides"}.get(side or "", "")


def on_side(name: str, side: str | None) -> str:
    """A muscle's or zone's name with its side: "Gluteus medius (left)", and "Rectus abdominis
    (lower part, left)" for a name that has a bracket already."""
    return bracketed(name, side_label(side))


def bracketed(name: str, word: str) -> str:
    """A name with a word added in brackets, inside the bracket it may have already: "Sacrum
    (provisional)", "Sacroiliac joint (both sides, provisional)". A bracket that names what
    comes with the muscle rather than which part of it, "Multifidus (with rotatores)", keeps
    the word apart with a semicolon: "(with rotatores, either side)" reads as if the rotatores
    were on either side."""
    if not word:
        return name
    if not name.endswith(")"):
        return f"{name} ({word})"
    joint = "; " if name[name.rfind("(") + 1:].startswith("with ") else ", "
    return f"{name[:-1]}{joint}{word})"
