"""Did you mean: the known word closest to a mistyped one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# How close a word must be to a known one to be taken for it (difflib's
# own default), in search and in `bodymap validate`: "piriformus" is piriformis, "zzzz" nothing.
CUTOFF = 0.6


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word most like `word`, if any is close enough."""
    import difflib  # only when a word is not known: most searches never need it

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=CUTOFF)
    return close[0] if close else None


def meant_id(typed: str, names: Mapping[str, str]) -> str | None:
    """The id someone meant who typed an unknown one (`names`: id -> name as shown): the id of
    a name typed as shown ("SI joint", "Gluteus medius"), else the closest id ("si_jiont")."""
    as_id = "_".join(typed.lower().replace("-", " ").split())
    if as_id in names:
        return as_id
    by_name = {name.lower(): known for known, name in names.items()}
    return by_name.get(typed.strip().lower()) or closest(as_id, names)
