"""Did you mean: the known word closest to a mistyped one."""

from __future__ import annotations

from collections.abc import Iterable

# How close a word must be to a known one to be taken for it (difflib's
# own default), in search and in `bodymap validate`: "piriformus" is piriformis, "zzzz" nothing.
CUTOFF = 0.6


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word most like `word`, if any is close enough."""
    import difflib  # only when a word is not known: most searches never need it

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=CUTOFF)
    return close[0] if close else None
