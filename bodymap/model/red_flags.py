"""Red flags a search query names: signs in back pain that are for a physician before any
muscle (the guidance's `RedFlag`s), named by their titles and everyday phrases."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from bodymap.model.query import (
    INTENSITY_WORDS,
    PAIN_WORDS,
    STOP_WORDS,
    holds,
    name_words,
    within,
    words_of,
)
from bodymap.model.schema import RedFlag


def flags_named(text: str, flags: Sequence[RedFlag],
                explained: Callable[[list[str], list[str]], bool]) -> list[RedFlag]:
    """The flags a query names by their title ("cauda equina", "fracture") or one of their
    everyday phrases (`RedFlag.also_called`), each word of it in the query, in any order:
    "numbness in the saddle area", "losing bladder control", "fever and back pain". A phrase
    that says how bad ("severe night pain") is named without it by a query that says nothing
    else ("night pain", "pain at night", "night-time pain") or only where, unless a muscle
    explains it there (`explained`, see `_names_flag`): "back pain at night" names it, "hip pain
    at night" (gluteus minimus wakes people rolling onto the hip) does not."""
    words = _flag_words(text)
    return [flag for flag in flags
            if any(_names_flag(words, phrase, explained) for phrase in _flag_phrases(flag))]


# "night-time", "nighttime", "night time": the night, as the red flags say it.
_NIGHT = re.compile(r"\bnight[\s-]*time\b")


def _flag_words(text: str) -> list[str]:
    return words_of(_NIGHT.sub("night", text.casefold()))


def _flag_phrases(flag: RedFlag) -> Iterable[str]:
    """What names a red flag: its title without "Possible" and "syndrome" ("cauda equina"), and
    its everyday phrases."""
    yield re.sub(r"^possible\s+|\s+syndrome\b", "", flag.title, flags=re.IGNORECASE)
    yield from flag.also_called


def _names_flag(words: list[str], phrase: str,
                explained: Callable[[list[str], list[str]], bool]) -> bool:
    """Whether a query's words name a red flag's phrase: every word of it, in any order; or, for
    a phrase that says how bad ("severe night pain"), every other word of it with a word for pain,
    and beside them nothing but a place where no muscle explains them ("night pain", "pain at
    night", "back pain at night"). `explained(places, key)` says whether the places' words name
    a place where some muscle refers pain and its texts say the phrase's key words: "hip pain at
    night" is what gluteus minimus explains, a hip that wakes someone rolling onto it."""
    said = name_words(phrase)
    if holds(words, said):
        return True
    key = [w for w in said if w not in INTENSITY_WORDS]
    if len(key) == len(said):
        return False  # nothing to leave out
    hurts = [w for w in key if w in PAIN_WORDS]
    key = [w for w in key if w not in PAIN_WORDS]
    rest = [w for w in words if w not in STOP_WORDS and w not in PAIN_WORDS]
    if not (key and rest and (not hurts or any(w in PAIN_WORDS for w in words))
            and holds(rest, key)):
        return False
    places = [w for w in rest if not within([w], key)]
    return not places or not explained(places, key)
