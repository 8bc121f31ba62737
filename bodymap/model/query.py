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
# "Painful periods" are menstrual pain, as the data says it.
SAME_AS = {("pins", "and", "needles"): "tingling", ("up", "straight"): "upright",
           ("it", "band"): "iliotibial", ("itb",): "iliotibial",
           ("iliotibial", "band"): "iliotibial", ("iliotibial", "tract"): "iliotibial",
           ("painful", "periods"): "menstrual", ("painful", "period"): "menstrual"}
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


# In a query, a period is the menstrual one ("period pain", "periods"), unless a word beside it
# makes it a span of time, as the data's texts use the word ("long periods of sitting"): the
# query is searched for "menstrual", and the texts' spans of time do not match it.
_PERIODS = frozenset(["period", "periods"])
_SPAN_BEFORE = frozenset(["extended", "for", "long", "longer", "prolonged", "short", "shorter",
                          "some"])


def _menstrual(words: list[str]) -> list[str]:
    """A query's words with each menstrual period written "menstrual" (see `_PERIODS`)."""
    if _PERIODS.isdisjoint(words):  # most often
        return words
    return ["menstrual" if word in _PERIODS and (n == 0 or words[n - 1] not in _SPAN_BEFORE)
            and words[n + 1:n + 2] != ["of"] else word for n, word in enumerate(words)]


def query_words(text: str) -> list[str]:
    """The words of a query that tell muscles apart: every muscle here is about pain, so "low
    back pain" asks about the low back, "severe" or "chronic" pain about where it is, and pain
    "worse" sitting about sitting. An everyday phrase is the word it means (`same_as`), and a
    period the menstrual one unless it is a span of time (`_menstrual`)."""
    found = _menstrual(same_as(words_of(text)))
    content = [w for w in found if w not in STOP_WORDS]
    specific = [w for w in content
                if not _of_pain(w) and w not in INTENSITY_WORDS and w not in WORSE_WORDS]
    return specific or content or found


def _of_pain(word: str) -> bool:
    """Whether a word is a pain word or what the texts' index reads as one of its forms: "achs"
    is the "ache" of "aching" (a plural "s" off, a silent "e" back), and no word of a place or
    a symptom ("lower back achs" found the texts that say "aching", a buttock's first)."""
    return word in PAIN_WORDS or stem(word) in PAIN_WORDS or f"{stem(word)}e" in PAIN_WORDS


def stem(word: str) -> str:
    """A query word without a plural "s" ("glutes", "hips", "knees"), the part every indexed
    word it can match begins with."""
    return word[:-1] if len(word) >= 4 and word.endswith("s") and not word.endswith("ss") else word


# Endings of words that end in "s" and are no plurals: "pelvis", "arthritis", "gluteus".
_NOT_PLURAL = ("is", "us")


def is_plural(word: str) -> bool:
    """Whether a word is a plural (`stem` takes its "s" off), not a word that only ends in "s"
    ("pelvis", "gluteus")."""
    return stem(word) != word and not word.endswith(_NOT_PLURAL)


def match_strength(word: str, token: str, last: bool) -> float:
    """How well a query word matches an indexed word: 1 exactly (a plural its singular too),
    0.8 as its beginning ("glut" of "gluteus") when the word is the one being typed or is long
    enough to mean a prefix, so that a finished short word ("low") does not also match "lower".
    A plural is a word typed whole: its singular matches only its own forms ("walks":
    walking), no longer word it begins ("quads" is no beginning of "quadratus", nor "lats" of
    "lateral"). A word that only ends in "s" is no plural ("arthritis": arthritic). A word
    with a verb's ending matches the verb's other forms, 0.8 too ("walking": walk, walked)."""
    singular = stem(word)
    if token in (word, singular):
        return 1.0
    if not (last or len(singular) >= 4):
        return 0.0
    plural = is_plural(word)
    if token.startswith(word) or (not plural and token.startswith(singular)):
        return 0.8
    return 0.8 if form_of(singular if plural else word, token) else 0.0


# Endings of grammar: an indexed word that is a query word with one of them is that word in
# another form ("walk": walks, walked, walking; "low": lower), the last letter perhaps doubled
# ("sit": sitting).
_FORM_ENDINGS = frozenset(["", "s", "es", "d", "ed", "ing", "er", "ers"])
# The endings a verb's forms take that its other forms do not begin with: "walking" and "walked"
# are forms of "walk", as "walks" is, and so of each other.
_VERB_ENDINGS = ("ing", "ed")
# Words that end as a verb's forms do and are none: "evening" is no form of "even".
_NO_VERB_FORMS = frozenset(["anything", "during", "evening", "everything", "morning", "nothing",
                            "something"])


def verb_roots(word: str) -> frozenset[str]:
    """What a word with a verb's ending ("walking", "walked") may be a form of: the word
    without it ("walk"), a last letter doubled for it single ("sitting": sit) and a silent e
    dropped for it put back ("rising": rise). None for a word without such an ending, or with
    fewer than three letters left ("lying", "bed"), or one that is no verb's form
    (`_NO_VERB_FORMS`)."""
    if word in _NO_VERB_FORMS:
        return frozenset()
    for ending in _VERB_ENDINGS:
        root = word.removesuffix(ending)
        if root != word and len(root) >= 3:
            doubled = root[-1] == root[-2] and root[-1] not in "aeiou"
            return frozenset([root, root + "e", *([root[:-1]] if doubled else [])])
    return frozenset()


def prefix(word: str) -> str:
    """The part every indexed word a query word can match begins with (`match_strength`): its
    singular ("glutes": glute), or for a verb's form the shortest of its roots ("walking":
    walk, "sitting": sit) and for a word with a silent e the word without it ("rise": rising)."""
    found = min((stem(word), *verb_roots(word)), key=len)
    return found[:-1] if found.endswith("e") and len(found) >= 4 else found


def same_word(typed: str, token: str) -> bool:
    """Whether a query word is a word of a name as typed whole: the word itself, its plural or
    singular, or, for a verb's form, another form of the verb ("walked": walk, walking). A word
    without a verb's ending is not read as a verb's root: "seat" is no "seated"."""
    if stem(typed) == stem(token):
        return True
    roots = verb_roots(typed)
    return bool(roots) and not roots.isdisjoint({token, *verb_roots(token)})


def form_of(word: str, token: str) -> bool:
    """Whether an indexed word is a query word in some form (`_FORM_ENDINGS`), or its plural's
    singular in one ("glutes": glute), or the verb it is a form of in one ("walking": walk,
    walked), rather than another word that it only begins ("hernia" begins "herniation",
    "disc" begins "discomfort")."""
    for typed in {word, stem(word), *verb_roots(word)}:
        if token.startswith(typed):
            ending = token[len(typed):]
            if ending in _FORM_ENDINGS or (ending[:1] == typed[-1:]
                                           and ending[1:] in _FORM_ENDINGS - {""}):
                return True
        # A silent e goes before a verb's ending: "rise", rising; "ache", aching.
        if (typed.endswith("e") and len(typed) >= 4 and token.startswith(typed[:-1])
                and token[len(typed) - 1:] in _VERB_ENDINGS):
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
    `begun`, a query word may be the beginning of a name's word (as `match_strength` allows) or
    the word in its other number;
    without, it is the word, its plural or, with a verb's ending, another form of the verb
    ("walked" holds "walk" and "walking")."""
    last = len(query) - 1
    taken: set[int] = set()
    whole = 0
    for token in name:
        # A name's word typed in its other number is typed whole ("hamstring" is the
        # nickname "Hamstrings", not the beginning of it).
        best = max(((max(match_strength(w, token, n == last), float(same_word(w, token)))
                     if begun else float(same_word(w, token)), n) for n, w in enumerate(query)),
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
