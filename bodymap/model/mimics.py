"""The conditions a muscle is often mistaken for (`Muscle.often_mistaken_for`), by the places
they name: a search for a place puts first the muscles mistaken for a condition of it ("SI joint":
"Sacroiliac joint dysfunction"), the earlier in their lists the surer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import cached_property

from bodymap.model.places import PlaceNames
from bodymap.model.query import name_words, same_as, within, words_of
from bodymap.model.schema import Muscle, Zone
from bodymap.model.text_index import split_relief

# A muscle's place in its own list of conditions it is mistaken for when none names the place
# searched: after every place a list can have.
NOT_MISTAKEN = 1_000_000


class Mimics:
    """Where the conditions each muscle is mistaken for lie, by zone (`places` names them)."""

    def __init__(self, muscles: Mapping[str, Muscle], zones: Mapping[str, Zone],
                 places: PlaceNames) -> None:
        self.muscles = muscles
        self.zones = zones
        self.places = places

    @cached_property
    def _mimic_places(self) -> dict[str, dict[str, frozenset[int]]]:
        """zone -> {muscle: the places in its `often_mistaken_for` of the conditions that name
        the zone}: each word of the zone's label, whole or begun ("Sacroiliac joint
        dysfunction" names the sacroiliac joint), or of one of its own other names
        (`PlaceNames.own_names`: "Iliotibial band syndrome" names the outer thigh, the IT
        band's). At 100x the data most muscles share their texts, so each text is read once."""
        names = {zone.id: (name_words(zone.label.split("(", 1)[0]),
                           *self.places.own_names(zone.id))
                 for zone in self.zones.values() if not zone.is_group}
        named: dict[str, tuple[str, ...]] = {}  # a condition's text -> the zones it names
        places: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for muscle in self.muscles.values():
            for place, condition in enumerate(muscle.often_mistaken_for):
                if condition not in named:
                    said = same_as(words_of(split_relief(condition)[0]))
                    named[condition] = tuple(z for z, its in names.items()
                                             if any(within(name, said) for name in its))
                for zone in named[condition]:
                    places[zone][muscle.id].append(place)
        return {zone: {m: frozenset(found) for m, found in muscles.items()}
                for zone, muscles in places.items()}

    @cached_property
    def _mimic_firsts(self) -> dict[str, dict[str, int]]:
        """zone -> {muscle: the first place in `_mimic_places`}."""
        return {zone: {m: min(places) for m, places in muscles.items()}
                for zone, muscles in self._mimic_places.items()}

    def mistaken_for_place(self, zones: list[str]) -> Mapping[str, int]:
        """Muscle -> the place in its `often_mistaken_for` of the first condition that names
        every zone a query names (`_mimic_places`); a muscle with none is left out (after any
        place, `NOT_MISTAKEN`): a condition of one joint is no condition of the whole low
        back."""
        if len(zones) == 1:  # most often: answered from the index, at 100x the data
            return self._mimic_firsts.get(zones[0], {})
        return {m: min(places) for m, places in self._conditions_of(zones).items()}

    def _conditions_of(self, zones: list[str]) -> Mapping[str, frozenset[int]]:
        """Muscle -> the places in its `often_mistaken_for` of the conditions that name every
        zone (`_mimic_places`)."""
        found: Mapping[str, frozenset[int]] | None = None
        for zone in zones:
            here = self._mimic_places.get(zone, {})
            found = here if found is None else {
                m: kept for m, places in found.items() if (kept := places & here.get(m, set()))}
            if not found:
                return {}
        return found or {}

    def mistaken_for_saying(self, zones: list[str], words: list[str]) -> Mapping[str, int]:
        """Muscle -> the place in its `often_mistaken_for` of the first condition that names
        every zone (`_conditions_of`) and holds every word ("syndrome": "Iliotibial band
        syndrome")."""
        said = self._condition_words
        found = {}
        for muscle_id, places in self._conditions_of(zones).items():
            conditions = self.muscles[muscle_id].often_mistaken_for
            held = [p for p in places if within(words, said[conditions[p]])]
            if held:
                found[muscle_id] = min(held)
        return found

    @cached_property
    def _condition_words(self) -> dict[str, list[str]]:
        """Each text of `often_mistaken_for` -> its words, an everyday phrase as the word it
        means ("IT band": iliotibial), without what it says eases the pain."""
        return {condition: same_as(words_of(split_relief(condition)[0]))
                for muscle in self.muscles.values() for condition in muscle.often_mistaken_for}
