"""Reading a search query: its words, and which of them name a muscle, an activity or a body
place. Whatever no name claims is left to search for in the muscles' texts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about which muscle: left out of a query that has others. "Can't" and
# "unable" go too: every muscle here is about what hurts, so "can't sit" asks about sitting;
# and "makes it" ("sitting makes it worse").
STOP_WORDS = frozenset(
    ["a", "along", "an", "and", "around", "at", "by", "can", "cannot", "cant", "down", "for",
     "from", "i", "in", "into", "is", "it", "make", "makes", "me", "my", "of", "on", "or",
     "the", "to", "unable", "when", "while", "with"])
# Everyday names of a symptom, searched as the word the data uses ("pins and needles" had been
# respelled "and knees"; "unable to stand up straight" found only the muscles whose texts say
# "straightening up", not quadratus lumborum, "unable to stand upright"). And the iliotibial
# tract, or band, the "IT band" or "ITB", as one word: there "it" is no small word, and "band"
# alone is any band ("a horizontal band of low back pain").
SAME_AS = {("pins", "and", "needles"): "tingling", ("up", "straight"): "upright",
           ("it", "band"): "iliotibial", ("itb",): "iliotibial",
           ("iliotibial", "band"): "iliotibial", ("iliotibial", "tract"): "iliotibial"}
_SAME_AS_FIRST = frozenset(said[0] for said in SAME_AS)
PAIN_WORDS = frozenset(
    ["ache", "aches", "aching", "hurt", "hurts", "hurting", "pain", "painful", "pains", "sore"])
# How much or how long it hurts says nothing of where it comes from: "severe sciatica" and
# "chronic low back pain" ask what "sciatica" and "low back pain" ask. (The data's own uses of
# these words are about evidence and red flags: "chronic low back pain" trials, "severe night
# pain".)
INTENSITY_WORDS = frozenset(
    ["acute", "agonising", "agonizing", "awful", "bad", "chronic", "excruciating", "extreme",
     "horrible", "intense", "mild", "moderate", "persistent", "really", "severe", "terrible",
     "very"])
# "Worse when sitting" asks what "pain sitting" asks: whose pain the activity aggravates. Kept
# in a query that says nothing else ("worse"), as pain words are.
WORSE_WORDS = frozenset(["aggravate", "aggravated", "aggravates", "worse", "worsened", "worsens"])
# Left out of a name when checking that a query holds all of it ("Lumbago muscle").
_GENERIC_WORDS = STOP_WORDS | {"muscle", "muscles"}


def words_of(text: str) -> list[str]:
    """A text's words, folded: case and accents ("Gesäß" and "gesass" meet) and apostrophes
    ("can't" is one word)."""
    folded = text.casefold().replace("'", "").replace("\u2019", "")
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WORD.findall(folded)


def same_as(words: list[str]) -> list[str]:
    """Words (`words_of`) with each everyday phrase of `SAME_AS` written as the word it means:
    "IT band" as "iliotibial"."""
    if _SAME_AS_FIRST.isdisjoint(words):  # most often
        return words
    found = list(words)
    for said, meant in SAME_AS.items():
        for n in range(len(found) - len(said), -1, -1):
            if tuple(found[n:n + len(said)]) == said:
                found[n:n + len(said)] = [meant]
    return found


def also_meant(words: Sequence[str]) -> list[str]:
    """The words a text (its `words_of`) means by the everyday phrases of `SAME_AS` it holds:
    a text that says "IT band" speaks of the iliotibial tract."""
    if _SAME_AS_FIRST.isdisjoint(words):  # most often
        return []
    return [meant for said, meant in SAME_AS.items()
            if any(tuple(words[n:n + len(said)]) == said for n in range(len(words)))]


def query_words(text: str) -> list[str]:
    """The words of a query that tell muscles apart: every muscle here is about pain, so "low
    back pain" asks about the low back, "severe" or "chronic" pain about where it is, and pain
    "worse" sitting about sitting. An everyday phrase is the word it means (`same_as`)."""
    found = same_as(words_of(text))
    content = [w for w in found if w not in STOP_WORDS]
    specific = [w for w in content
                if w not in PAIN_WORDS and w not in INTENSITY_WORDS and w not in WORSE_WORDS]
    return specific or content or found


def stem(word: str) -> str:
    """A query word without a plural "s" ("glutes", "hips", "knees"), the part every indexed
    word it can match begins with."""
    return word[:-1] if len(word) >= 4 and word.endswith("s") and not word.endswith("ss") else word


# Endings of words that end in "s" and are no plurals: "pelvis", "arthritis", "gluteus".
_NOT_PLURAL = ("is", "us")


def match_strength(word: str, token: str, last: bool) -> float:
    """How well a query word matches an indexed word: 1 exactly (a plural its singular too),
    0.8 as its beginning ("glut" of "gluteus") when the word is the one being typed or is long
    enough to mean a prefix, so that a finished short word ("low") does not also match "lower".
    A plural is a word typed whole: its singular matches only its own forms ("walks":
    walking), no longer word it begins ("quads" is no beginning of "quadratus", nor "lats" of
    "lateral"). A word that only ends in "s" is no plural ("arthritis": arthritic)."""
    singular = stem(word)
    if token in (word, singular):
        return 1.0
    if not (last or len(singular) >= 4):
        return 0.0
    plural = singular != word and not word.endswith(_NOT_PLURAL)
    if token.startswith(word) or (not plural and token.startswith(singular)):
        return 0.8
    return 0.8 if plural and form_of(singular, token) else 0.0


# Endings of grammar: an indexed word that is a query word with one of them is that word in
# another form ("walk": walks, walked, walking; "low": lower), the last letter perhaps doubled
# ("sit": sitting).
_FORM_ENDINGS = frozenset(["", "s", "es", "d", "ed", "ing", "er", "ers"])


def form_of(word: str, token: str) -> bool:
    """Whether an indexed word is a query word in some form (`_FORM_ENDINGS`), or its plural's
    singular in one ("glutes": glute), rather than another word that it only begins ("hernia"
    begins "herniation", "disc" begins "discomfort")."""
    for typed in {word, stem(word)}:
        if token.startswith(typed):
            ending = token[len(typed):]
            if ending in _FORM_ENDINGS or (ending[:1] == typed[-1:]
                                           and ending[1:] in _FORM_ENDINGS - {""}):
                return True
    return False


def name_words(name: str) -> tuple[str, ...]:
    """The words of a name that must all be typed to name it: "Back of the knee" is back, knee;
    "IT band" is iliotibial, as a query has it (`same_as`)."""
    found = same_as(words_of(name))
    return tuple(w for w in found if w not in _GENERIC_WORDS) or tuple(found)


def within(query: Sequence[str], name: Iterable[str]) -> bool:
    """Whether every query word is one of the name's words (the last may be unfinished)."""
    last = len(query) - 1
    return all(any(match_strength(w, t, n == last) for t in name) for n, w in enumerate(query))


def holds(query: Sequence[str], name: Iterable[str]) -> bool:
    """Whether the query holds every word of the name (the last query word may be unfinished)."""
    last = len(query) - 1
    return all(any(match_strength(w, t, n == last) for n, w in enumerate(query)) for t in name)


def joined(query: Sequence[str], known: Callable[[str], bool]) -> list[str]:
    """The query with each pair of neighbours written as one word where the data writes it so
    and one of the two alone is no word of it: "sacro-iliac" and "sacro iliac" are "sacroiliac",
    "tail bone" is "tailbone", but "side lying" stays two words. `known(word)` says whether the
    data has a word, whole."""
    out: list[str] = []
    n = 0
    while n < len(query):
        pair = query[n:n + 2]
        if len(pair) == 2 and known("".join(pair)) and not all(map(known, pair)):
            out.append("".join(pair))
            n += 2
        else:
            out.append(query[n])
            n += 1
    return out


class Claim(NamedTuple):
    """Query words that together name something: a muscle (by name or nickname), an everyday
    activity ("lying on the back") or a body place ("iliac crest")."""

    kind: str  # "muscle" | "activity" | "place" | "part" (one word of a place's name)
    targets: tuple[str, ...]  # muscle ids, or zone ids; none for an activity
    words: frozenset[int]  # positions of the query words it takes
    whole: int  # how many of them are typed whole, not only begun


def claim(query: Sequence[str], name: Sequence[str], kind: str, targets: tuple[str, ...],
          begun: bool) -> Claim | None:
    """The claim of a name on the query when the query holds every word of it, or None. With
    `begun`, a query word may be the beginning of a name's word (as `match_strength` allows)."""
    last = len(query) - 1
    taken: set[int] = set()
    whole = 0
    for token in name:
        best = max(((match_strength(w, token, n == last) if begun
                     else float(stem(w) == stem(token)), n) for n, w in enumerate(query)),
                   default=(0.0, 0))
        if not best[0]:
            return None
        taken.add(best[1])
        whole += best[0] == 1.0
    return Claim(kind, targets, frozenset(taken), whole)


# On equal length and equal whole words, a muscle's name is what a query means ("ilio" begins
# both iliopsoas and the iliac crest), and an activity before a place ("lying on the back").
_KIND_ORDER = {"muscle": 0, "activity": 1, "place": 2, "part": 3}


def settle(claims: Iterable[Claim]) -> list[Claim]:
    """The claims that stand, each query word taken once: the longer name first ("hip hiker"
    is QL, not the hip), then the one typed whole ("iliac crest" is a place, not the beginning of
    "iliacus"), then by kind. Claims of the same standing on the same words all stand ("ilio"
    begins two names)."""
    kept: list[Claim] = []
    taken: set[int] = set()
    for found in sorted(claims, key=_standing):
        if taken.isdisjoint(found.words) or (
                kept and (_standing(kept[-1]), kept[-1].words) == (_standing(found), found.words)):
            kept.append(found)
            taken |= found.words
    return kept


def _standing(found: Claim) -> tuple[int, int, int]:
    return -len(found.words), -found.whole, _KIND_ORDER[found.kind]
