"""How search reads a query against the catalog: the muscles, activities and places it names,
and a mistyped word taken for the known word closest to it (the words themselves, and which
phrase claims which: `query`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import NamedTuple

from bodymap.model.places import KIND_WORDS, POSITION_WORDS, PlaceNames, everyday, plain
from bodymap.model.query import (
    Claim,
    claim,
    joined,
    name_words,
    query_words,
    same_as,
    settle,
    words_of,
)
from bodymap.model.schema import Muscle, Zone
from bodymap.model.spelling import MEDICAL_WORDS, respelling
from bodymap.model.text_index import ACTIVITY_WORDS, TextIndex

RESPELL_FROM = 5  # letters: a shorter unknown word is left out, not respelled

# Each everyday phrase of an activity as the words a query must hold to name it ("lie on my
# back" names lying on the back, so "back" there is no place).
_ACTIVITY_PHRASES = {
    phrase: activity for activity, said in ACTIVITY_WORDS.items()
    for phrase in map(name_words, re.split(r"[;,]| or ", said)) if phrase
}


class Reading(NamedTuple):
    """A query as search reads it."""

    words: list[str]  # its words as searched: "sacro-iliac" joined, "piriformus" respelled
    respelled: dict[str, str]  # a word that nothing begins with -> the known word searched
    named: frozenset[str]  # muscles whose whole name or nickname it holds
    zones: list[str]  # the drawn zones it names
    rest: list[str]  # the words no name or place takes, with a place searched as text
    activities: Mapping[str, frozenset[str]]  # activity -> the words of its everyday phrase held


def place_text_words(reading: Reading) -> list[str]:
    """The words a query that names a place searches the texts for: its other words, or with
    none, the place in the zones' everyday words ("lateral hip" as "outer hip"), a plural as
    typed ("quads" is a word typed whole, no beginning of "quadratus")."""
    return [everyday(w) for w in reading.rest or reading.words]


class QueryReader:
    """Reads queries with the names of the muscles (`muscles`), the places of the zones (`places`,
    `zones`; `expand_zones` is `Catalog.expand_zones`) and the words of their texts (`texts`)."""

    def __init__(self, muscles: Mapping[str, Muscle], zones: Mapping[str, Zone],
                 places: PlaceNames, texts: TextIndex,
                 expand_zones: Callable[[Iterable[str]], list[str]]) -> None:
        self.muscles = muscles
        self.zones = zones
        self.places = places
        self.texts = texts
        self.expand_zones = expand_zones

    @cached_property
    def _names(self) -> dict[str, dict[tuple[str, ...], tuple[str, ...]]]:
        """A name's or nickname's first word -> {its words: the muscles it names}, to find whole
        ones. A bracketed qualifier is not needed: "rectus abdominis" names "Rectus abdominis
        (lower part)"."""
        index: dict[str, dict[tuple[str, ...], list[str]]] = defaultdict(lambda: defaultdict(list))
        for muscle in self.muscles.values():
            for name in (muscle.name.split("(", 1)[0], *muscle.also_called):
                if found := name_words(name):
                    index[found[0]][found].append(muscle.id)
        return {first: {name: tuple(ids) for name, ids in names.items()}
                for first, names in index.items()}

    @cached_property
    def _spelling_words(self) -> list[str]:
        """The words a mistyped one may be taken for: the words of names, nicknames, mimics,
        activities, symptoms and places, what students type, not the prose around them."""
        said = {word for muscle in self.muscles.values()
                for field, texts in self.texts.search_texts(muscle).items()
                if field not in ("text", "caution")
                for text in texts for word in words_of(text)}
        # The medical words some caution holds ("pregnancy"), for their other forms ("pregnant").
        medical = MEDICAL_WORDS & self.texts.caution_index[1].keys()
        return sorted(said | medical | self.places.words())

    def _known(self, word: str, last: bool) -> bool:
        """Whether search can match a word (the last one perhaps unfinished)."""
        return (bool(self.texts.matching(word, last)) or self.places.knows(word)
                or bool(self.texts.matching(word, last, self.texts.caution_index[0])))

    def _whole_word(self, word: str) -> bool:
        return word in self.texts.word_index[1] or self.places.knows(word)

    def read(self, text: str) -> Reading | None:
        """A query's words (split words joined, unknown ones respelled when nothing else would
        be found), and what they name: muscles, activities and places."""
        found = joined(query_words(text), self._whole_word)
        if not found:
            return None
        claims, zones = self._names_in(found)
        respelled: dict[str, str] = {}
        # A text search needs every word, so one that nothing begins with finds nothing. When
        # the query names no muscle and no place either, such a word is taken for the closest
        # known one ("piriformus"), or else left out ("severe sciatica"); a word that something
        # begins with is never respelled. A short word is only left out: "bad" is one letter
        # from "band" as a typo, but far more often it is just a word no text holds. So is a
        # word a typo or two from no known one, or a real word of the red flags, cautions or
        # medicine ("fever" is no "severe", "cancer" no "car": see `spelling.respelling`).
        if not zones and not any(c.kind == "muscle" for c in claims):
            for n, word in enumerate(found):
                if not self._known(word, n == len(found) - 1):
                    better = (respelling(word, self._spelling_words, self.texts.real_words)
                              if len(word) >= RESPELL_FROM else None)
                    respelled[word] = found[n] = better or ""
            found = [word for word in found if word]
            if not found:
                return None
            kept = self._narrowed(found, guessed=set(respelled.values()))
            for typed, searched in [*respelled.items(), *((w, w) for w in found)]:
                if searched not in kept:
                    respelled[typed] = ""
            found = kept
            if respelled:
                claims, zones = self._names_in(found)
        elif not any(c.kind == "muscle" for c in claims):
            # A place named beside a mistyped word: the word is respelled when something is that
            # close ("hip flexer" is iliopsoas's "hip flexor", not the hip's zones), else kept.
            taken = {n for c in claims for n in c.words}
            for n, word in enumerate(found):
                if n not in taken and len(word) >= RESPELL_FROM and not self._known(
                        word, n == len(found) - 1) and (better := respelling(
                            word, self._spelling_words, self.texts.real_words)):
                    respelled[word] = found[n] = better
            if respelled:
                claims, zones = self._names_in(found)
        named = {m for c in claims if c.kind == "muscle" for m in c.targets}
        taken = {n for c in claims if c.kind != "activity" for n in c.words}
        activities: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            if c.kind == "activity":
                activities[c.targets[0]].update(found[n] for n in c.words)
        if zones:
            # A kind of place ("joint") is the one the word before it says, whatever that word
            # names alone: "hip joint" asks for the texts about the hip joint.
            kept = {n for n in range(len(found)) if n not in taken}
            kept |= {n - 1 for n in kept if n and plain(found[n]) in KIND_WORDS}
            rest = [found[n] for n in sorted(kept)]
        else:
            rest = found
        return Reading(found, respelled, frozenset(named), zones, rest,
                       {a: frozenset(w) for a, w in activities.items()})

    def _narrowed(self, words: list[str], guessed: set[str]) -> list[str]:
        """The words a text search keeps: all of them when some muscle's texts hold every one,
        else fewer, leaving out one word at a time: a respelled one (`guessed`) before one typed
        as the data writes it, then the one whose leaving lets the rest find the most ("sharp
        sciatica" is searched as "sciatica": no text holds both, and "sciatica" alone is a mimic
        of three muscles)."""
        def standing(rest: list[str]) -> tuple[int, float, float]:
            typed = sum(word not in guessed for word in rest)
            return (typed, sum(self.texts.text_scores(rest, together=False).values()),
                    sum(self.texts.caution_scores(rest).values()))

        while len(words) > 1 and not self.texts.text_scores(words, together=False) and not (
                self.texts.caution_scores(words)):
            words = max((words[:n] + words[n + 1:] for n in range(len(words))), key=standing)
        return words

    def _names_in(self, query: list[str]) -> tuple[list[Claim], list[str]]:
        """The names that a query's words stand for, each word taken by one (`settle`), and the
        drawn zones they name; with no name at all, the zones whose description holds every
        query word ("PSIS")."""
        claims = settle([*self._name_claims(query), *self.places.claims(query),
                         *(c for phrase, activity in _ACTIVITY_PHRASES.items()
                           if (c := claim(query, phrase, "activity", (activity,), begun=False)))])
        zones = [inner for c in claims if c.kind in ("place", "part") for z in c.targets
                 for inner in (z, *self._within.get(z, ()))]
        # A kind of place alone names none, in a description either ("above the sacroiliac
        # joint" is where the low lumbar paraspinal zone ends); nor does a word of where on a
        # part ("upper" found the low lumbar zones, by "the top of the iliac crests").
        if not claims and not all(word in POSITION_WORDS or plain(word) in KIND_WORDS
                                  for word in query):
            zones = [z.id for z in self.zones.values()
                     if set(query) <= set(same_as(words_of(z.description)))]
        return claims, self.expand_zones(dict.fromkeys(zones))

    @cached_property
    def _within(self) -> dict[str, tuple[str, ...]]:
        """zone -> the drawn zones that lie within it: those whose label is its label with
        words added that name no place of their own, words of where on it ("Inner front of the
        thigh" lies within "Front of the thigh", "Upper back of the thigh" within "Back of the
        thigh"). A query that names a zone names these too, so that a muscle referring to one
        of them as essential comes before one that reaches the zone only as spillover."""
        labels = {zone.id: frozenset(map(plain, name_words(zone.label)))
                  for zone in self.zones.values()}
        drawn = [zone.id for zone in self.zones.values() if not zone.is_group]
        within = {}
        for outer, words in labels.items():
            inner = tuple(z for z in drawn if z != outer and labels[z] > words
                          and not any(self.places.claims([w]) for w in labels[z] - words))
            if inner:
                within[outer] = inner
        return within

    def _name_claims(self, query: list[str]) -> list[Claim]:
        """The muscles' names and nicknames whose every word the query holds or begins."""
        found = []
        for n, word in enumerate(query):
            for token in self.texts.matching(word, n == len(query) - 1).keys() & self._names.keys():
                for name, muscle_ids in self._names[token].items():
                    if named := claim(query, name, "muscle", muscle_ids, begun=True):
                        found.append(named)
        return found

    def respellings(self, text: str) -> dict[str, str]:
        """Each word of a query that search respelled -> the word searched, "" for one left out
        (see `Catalog.respellings`)."""
        reading = self.read(text)
        return dict(reading.respelled) if reading else {}

    def respelled(self, text: str) -> str | None:
        """The query as typed with the words `read` respelled or left out as it searched them
        (see `Catalog.respelled`), else None."""
        reading = self.read(text)
        if reading is None or not reading.respelled:
            return None

        def fixed(word: re.Match[str]) -> str:
            return reading.respelled.get("".join(words_of(word.group())), word.group())

        def compound(words: re.Match[str]) -> str:
            # A word left out of "night-time" leaves "night", not "night-".
            return "-".join(part for part in (re.sub(r"[\w'\u2019]+", fixed, w)
                                              for w in words.group().split("-")) if part)

        said = re.sub(r"[\w'\u2019]+(?:-[\w'\u2019]+)*", compound, text.strip())
        return " ".join(said.split())
