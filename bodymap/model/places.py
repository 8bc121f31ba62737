"""Body places a query names: zones by their labels, everyday names and ids, in the words of
anatomy or of everyday speech ("lateral hip" is the outer hip)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from bodymap.model.called import called
from bodymap.model.query import (
    STOP_WORDS,
    Claim,
    name_words,
    query_words,
    same_as,
    settle,
    stem,
    words_of,
)
from bodymap.model.schema import Zone
from bodymap.model.spelling import id_form, respelling

# Anatomy's words for where on the body, and a client's ("down the outside of my leg"), as the
# zones' everyday names say them.
_ANATOMY = {"lateral": "outer", "medial": "inner", "posterior": "back", "anterior": "front",
            "superior": "upper", "inferior": "lower", "outside": "outer", "inside": "inner"}
# Words that say where on a part, not which part: alone, "upper" or "side" names no place.
POSITION_WORDS = frozenset(["back", "base", "behind", "front", "inner", "low", "lower", "mid",
                             "middle", "outer", "side", "top", "upper", *_ANATOMY])
# Words that say what kind of thing a place is, not which one: the sacroiliac joint's "joint" is
# the hip's and the facets' too, and the sit bone's "bone" the hip's and the shin's. Alone, such
# a word names no place; in a muscle's text it speaks of a place only beside the rest of the
# place's name ("facet joint problems" says nothing of the SI joint).
KIND_WORDS = frozenset(["bone", "joint", "junction", "tendon"])


def everyday(word: str) -> str:
    """A word of anatomy in everyday words: "lateral" as "outer"."""
    return _ANATOMY.get(word, word)


def plain(word: str) -> str:
    """A word as the zones' names write it: singular, in everyday words."""
    return stem(everyday(word))


class PlaceNames:
    """Every name of every zone, to find the places a query names.

    A zone is named by its label, an everyday name or its id, each typed whole ("iliac crest",
    "SI joint", "lateral_thigh" as "lateral thigh"); anatomy's words count as the everyday ones
    ("posterior thigh" is the back of the thigh). One word of a label that is no position word
    ("buttock", "knee", "sacroiliac", "L4") names every zone whose label has it, and so does the
    last word of an everyday name ("leg", of "back of the leg"), but other words of an everyday
    name do not: "sitting" is no part of the "sitting bone"; nor does a word of a kind of
    place (`KIND_WORDS`): the "joint" of "hip joint" is no sacroiliac joint. A position word
    just before a place narrows it to the zones it names ("upper back": the upper lumbar
    zones), and a group to those of its parts ("outer back of the thigh": the lower outer back
    of the thigh, the part of the back of the thigh split into inner and outer halves). A
    muscle's text that says a label says the zone's own other names too (`also_said`).
    """

    def __init__(self, zones: Mapping[str, Zone]) -> None:
        names: dict[tuple[str, ...], dict[str, None]] = defaultdict(dict)
        parts: dict[str, dict[str, None]] = defaultdict(dict)
        self._zone_words: dict[str, set[str]] = defaultdict(set)
        self._zone_names: dict[str, list[frozenset[str]]] = defaultdict(list)  # each, its words
        self._group_parts = {zone.id: zone.parts for zone in zones.values() if zone.is_group}
        spoken: set[tuple[str, ...]] = set()  # the names a label or an everyday name gives
        for zone in zones.values():
            label = name_words(zone.label)
            everyday = [name_words(n) for n in zone.also_called]
            # An id of one word is a word of its label ("buttock" of "Buttock (middle)"), and
            # that names every zone whose label has it.
            ids = [tuple(zone.id.split("_"))] if "_" in zone.id else []
            for name in (label, *everyday, *ids):
                names[tuple(plain(w) for w in name)][zone.id] = None
                self._zone_words[zone.id].update(plain(w) for w in name)
                self._zone_names[zone.id].append(frozenset(plain(w) for w in name))
            spoken.update(tuple(plain(w) for w in name) for name in (label, *everyday))
            for word in (*label, *(name[-1] for name in everyday if name)):
                if word not in POSITION_WORDS:
                    parts[plain(word)][zone.id] = None
        # The names only an id gives are anatomy's: "lateral leg" (`lateral_leg`) is the outer
        # lower leg, but a client's "outside of my leg" is the whole limb's. Such a name stands
        # as a word naming several zones does ("part"), beside what its words name as everyday
        # words (`_narrowed`: "outer leg", the outer thigh and lower leg), not over it.
        self._anatomy_only = frozenset(names.keys() - spoken)
        # Zones in the order zones.yaml lists them, from the back down to the legs.
        self._names = {name: tuple(ids) for name, ids in names.items()}
        self._by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for name in self._names:
            self._by_word[name[0]].append(name)
        # A word of a label, or the last of an everyday name -> the zones whose names have it.
        # A word of a kind of place ("joint") names none of them alone (`_parts`), yet is no
        # zone's own either (`_own_name`).
        self._ending = {word: tuple(ids) for word, ids in parts.items()}
        self._parts = {word: ids for word, ids in self._ending.items() if word not in KIND_WORDS}
        self._words = {w for name in self._names for w in name} | self._parts.keys()
        # For the muscles' texts: each label's words in a row (`_in_a_row`), by its first
        # word, and the words a zone's own other names add to it (`_own_name`).
        self._labels: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self._also_said: dict[str, tuple[str, ...]] = {}
        self._plain: dict[str, str] = {}  # a text's word -> `plain`: texts repeat their words
        # A text's words -> `also_said`: at 100x the data most muscles share their texts.
        self._said: dict[tuple[str, ...], list[str]] = {}
        # A text's words -> `said_in`: at 100x the data most muscles share their texts.
        self._in_texts: dict[tuple[str, ...],
                             frozenset[tuple[frozenset[str], tuple[str, ...]]]] = {}
        self._own: dict[str, tuple[tuple[str, ...], ...]] = {}
        # The words of the names of things that lie at a place rather than of the place
        # (below): the iliotibial tract, "IT band", of the outer thigh.
        self.things: frozenset[str] = frozenset(
            word for zone in zones.values() for name in zone.also_called
            if same_as(words_of(name)) != words_of(name) for word in name_words(name))
        for zone in zones.values():
            label = tuple(self._in_a_row(words_of(zone.label.split("(", 1)[0])))
            if label:
                self._labels[label[0]].append((label, zone.id))
            own = {name: self._own_name(zone.id, name, label) for name in zone.also_called}
            # A text that says the label says the place's other names, not the name of a thing
            # that lies there (`things`), which an everyday phrase of `SAME_AS` writes as one
            # word: "the back of the outer thigh" (where a trigger point of biceps femoris
            # lies) says nothing of the IT band, the iliotibial tract under the outer thigh.
            self._also_said[zone.id] = tuple(dict.fromkeys(
                w for name, added in own.items() if same_as(words_of(name)) == words_of(name)
                for w in added))
            self._own[zone.id] = tuple(name_words(name) for name, added in own.items() if added)

    def _own_name(self, zone_id: str, name: str, label: tuple[str, ...]) -> tuple[str, ...]:
        """The words an everyday name adds to a zone's label when it is the zone's own, another
        name for it ("SI joint", "SIJ" of the sacroiliac joint; "tailbone" of the coccyx): no
        other zone is called so, and none of the words it adds names another place ("top of the
        hip" adds "hip", which names the upper buttock and the greater trochanter; "low back"
        names five zones). A word of where on a part ("side", "top") is not added: alone it
        names nothing, and texts say it of everything. Else none."""
        words = name_words(name)
        if self._names.get(tuple(plain(w) for w in words)) != (zone_id,):
            return ()
        added = tuple(w for w in words if plain(w) not in label and w not in POSITION_WORDS)
        if all({*self._names.get((plain(w),), ()), *self._ending.get(plain(w), ())} <= {zone_id}
               for w in added):
            return added
        return ()

    def _in_a_row(self, words: Sequence[str]) -> list[str]:
        """A text's words as the zones' names write them (`plain`), small words left out, to
        find a label's words in a row: "over the sacroiliac joints" holds "sacroiliac joint"."""
        known = self._plain
        return [known.get(w) or known.setdefault(w, plain(w)) for w in words
                if w not in STOP_WORDS]

    def also_said(self, words: Sequence[str]) -> list[str]:
        """The words a text (its `words_of`) says too when it names a zone by its label (a
        bracketed part aside), its words in a row: those of the zone's own other names (see
        `_own_name`). A text that says "Sacroiliac joint dysfunction" says "SI joint" and "SIJ"
        too, so search finds it by every name of the place, as it finds the place; "facet joint
        problems" says no such thing. Not the other way round: "car seat" says nothing of the
        buttock, though the buttock is called the seat."""
        key = tuple(words)
        found = self._said.get(key)
        if found is None:
            said = self._in_a_row(words)
            labels = self._labels
            zones = dict.fromkeys(zone for n, word in enumerate(said) if word in labels
                                  for label, zone in labels[word]
                                  if tuple(said[n:n + len(label)]) == label)
            found = self._said[key] = [word for zone in zones for word in self._also_said[zone]]
        return found

    def said_in(self, words: Sequence[str]) -> frozenset[tuple[frozenset[str], tuple[str, ...]]]:
        """The places a text (its `words_of`) names, each as the words that name it (`plain`,
        with those of its zones' own other names: "sacroiliac joint" says "SI joint" too, see
        `also_said`) and its zones: read as a query is read (`claims`), but each name's words in
        a row, small words aside. "Pain in the upper back" names the upper back (the upper
        lumbar zones); "the upper back of the thigh" only the upper back of the thigh, its
        longer name taking the words; "the lower thoracic back" the back, no lower back."""
        key = tuple(words)
        found = self._in_texts.get(key)
        if found is None:
            said = self._in_a_row(same_as(list(words)))
            claimed = []
            for n, word in enumerate(said):
                for name in self._by_word.get(word, ()):
                    if tuple(said[n:n + len(name)]) == name:
                        claimed.append(Claim("place", self._names[name],
                                             frozenset(range(n, n + len(name))), len(name)))
                if word in self._parts:
                    claimed.append(Claim("part", self._parts[word], frozenset([n]), 1))
            claimed += filter(None, (self._narrowed(place, said) for place in claimed))
            found = self._in_texts[key] = frozenset(
                (frozenset([*(said[n] for n in place.words),
                            *(w for zone in place.targets for w in self._also_said[zone])]),
                 place.targets)
                for place in settle(claimed))
        return found

    def own_names(self, zone_id: str) -> tuple[tuple[str, ...], ...]:
        """The words of each of a zone's own other names (see `_own_name`): ("si", "joint") and
        ("sij",) of the sacroiliac joint."""
        return self._own.get(zone_id, ())

    def words(self) -> set[str]:
        """Every word of a place's name, singular."""
        return set(self._words)

    def knows(self, word: str) -> bool:
        """Whether a word is a word of a place's name."""
        return plain(word) in self._words

    def claims(self, query: Sequence[str]) -> list[Claim]:
        """The places whose every word the query holds, whole: names, then single words."""
        at: dict[str, set[int]] = defaultdict(set)
        for n, word in enumerate(query):
            at[plain(word)].add(n)
        found = []
        for word, positions in at.items():
            for name in self._by_word.get(word, ()):
                if all(w in at for w in name):
                    taken = frozenset(n for w in name for n in at[w])
                    kind = "part" if name in self._anatomy_only else "place"
                    found.append(Claim(kind, self._names[name], taken, len(taken)))
            if word in self._parts:
                found.append(Claim("part", self._parts[word], frozenset(positions),
                                   len(positions)))
        return [*found, *filter(None, (self._narrowed(place, query) for place in found))]

    def _narrowed(self, place: Claim, query: Sequence[str]) -> Claim | None:
        """The place narrowed by the position word just before it, if it names some of its
        zones, or of a group's parts: "upper back", "outer leg", "inner back of the thigh". A
        group's parts with a name that holds the word and the place's words come before the
        group whole, though another of its names has the word: the "lower sacrum" is the
        sacrum's lower part, not all of the sacrum, which is called the lower back."""
        before = min(place.words) - 1
        word = plain(query[before]) if before >= 0 else ""
        if word not in POSITION_WORDS:
            return None
        words, names = self._zone_words, self._zone_names
        named = {word, *(plain(query[n]) for n in place.words)}

        def narrowed(zone: str) -> Sequence[str]:
            parts = [p for p in self._group_parts.get(zone, ()) if word in words[p]]
            own = [p for p in parts if any(named <= name for name in names[p])]
            return own or ((zone,) if word in words[zone] else parts)

        zones = tuple(dict.fromkeys(found for z in place.targets for found in narrowed(z)))
        return Claim(place.kind, zones, place.words | {before}, place.whole + 1) if zones else None


def zone_called(zones: Mapping[str, Zone], typed: str) -> str | None:
    """The zone a name typed on the command line stands for: the zone with that id, else the one
    zone whose label, or id, has the typed words in any case and punctuation ("Outer thigh",
    "low lumbar paraspinal (L4-S1)", "SI joint"), a label's bracketed part left out or not
    ("Low lumbar paraspinal"). None when no zone is called so, or more than one is."""
    if typed in zones:
        return typed
    called = _called(zones, typed)
    return called[0] if len(called) == 1 else None


def _called(zones: Mapping[str, Zone], typed: str) -> list[str]:
    """The zones whose label, label without its bracketed part, or id has the typed words."""
    return called({zone.id: (zone.label, zone.id) for zone in zones.values()}, typed)


# Words of where on the body, each with the words for the other side of it.
_SIDES_OF = (({"anterior", "front"}, {"posterior", "back", "behind"}),
             ({"medial", "inner", "inside"}, {"lateral", "outer", "outside"}),
             ({"upper", "top"}, {"lower", "bottom", "low", "lowest"}))
_OPPOSITES = {word: other for one, two in _SIDES_OF
              for words, other in ((one, two), (two, one)) for word in words}


def on_the_side_typed(zones: Mapping[str, Zone], typed: str, zone: str) -> bool:
    """Whether a zone is not on the other side of a place a name typed says: "anterior_knee"
    is no back of the knee (a letter or two from posterior_knee), which a teacher in a hurry
    would take, putting the pain behind the knee."""
    opposite = {other for word in query_words(typed) for other in _OPPOSITES.get(word, ())}
    label = zones[zone].label if zone in zones else ""
    return not opposite & {*id_form(zone).split("_"), *query_words(label)}


def zones_meant(zones: Mapping[str, Zone], typed: str) -> list[str]:
    """The zones someone may have meant who typed a name no one zone is called (`zone_called`),
    in the order zones.yaml lists them: every zone called so, when several are (a pack's zone
    labelled as a built-in one); else the id with a letter or two wrong ("si_jiont",
    "buttocks"); else the zones its words name as search reads a place (`PlaceNames`: an
    everyday name, a word of a label; "low back": the low lumbar zones, the iliac crest, the SI
    joint and the sacrum). None when nothing is that close: "low back" is no typo of
    lower_buttock."""
    called = _called(zones, typed)
    if called:
        return called
    def same_side(zone: str) -> bool:
        return on_the_side_typed(zones, typed, zone)

    words = query_words(typed)
    respelled = respelling(id_form(typed), zones)
    if respelled is not None:
        return [respelled] if same_side(respelled) else []
    named = {zone for found in settle(PlaceNames(zones).claims(words)) for zone in found.targets}
    return [zone for zone in zones if zone in named and same_side(zone)]
