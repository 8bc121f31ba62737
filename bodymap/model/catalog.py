"""The loaded knowledge base: lookups, and the pain finder (`pain_sources`) and search
(`search`) over it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from functools import cached_property
from types import MappingProxyType

from bodymap.model import red_flags
from bodymap.model.pain_sources import Candidate, PainSources
from bodymap.model.problems import Problem, Unloaded
from bodymap.model.prose import counted
from bodymap.model.schema import Guidance, Muscle, RedFlag, Source, Zone
from bodymap.model.search import Search
from bodymap.model.zone_groups import expand_referrals, grouped, head_to_foot, resolve_groups


class Catalog:
    """Muscles, zones, sources and guidance, with the problems found while loading them.

    Zone groups (zones with `parts`, see `Zone`) are resolved here, however the catalog was
    built: in every muscle's referrals a group id is replaced by its parts, so `muscles` only
    name drawn zones. `zones` keeps the groups, so an old id still has its label.
    """

    def __init__(
        self,
        muscles: Mapping[str, Muscle],
        zones: Mapping[str, Zone],
        sources: Mapping[str, Source],
        guidance: Guidance | None,
        problems: list[Problem],
        skipped_files: Iterable[str] = (),
        unloaded: Iterable[Unloaded] = (),
        undrawn_muscles: Iterable[str] = (),
    ) -> None:
        zones = resolve_groups(zones)
        groups = {zone.id: zone.parts for zone in zones.values() if zone.is_group}
        if groups:
            muscles = {muscle_id: expand_referrals(muscle, groups)
                       for muscle_id, muscle in muscles.items()}
        self.muscles: Mapping[str, Muscle] = MappingProxyType(dict(muscles))
        self.zones: Mapping[str, Zone] = MappingProxyType(dict(zones))
        self.sources: Mapping[str, Source] = MappingProxyType(dict(sources))
        self.guidance = guidance
        self.problems = problems
        # Files, as `problems` name them, that a mistake left out in whole or part (a muscle
        # file: the whole muscle); the other files with problems loaded, with warnings.
        self.skipped_files = frozenset(skipped_files)
        # Files left out whole that may hold a muscle: one asked for by a name they give is
        # said to be there, with their first mistake (`unloaded_called`).
        self.unloaded: tuple[Unloaded, ...] = tuple(unloaded)
        # Muscles with no shape in the body drawings (a pack's: `drawings.undrawn`), which
        # cannot be clicked there; none when the loader was not told what is drawn (the
        # built-in data is all drawn).
        self.undrawn_muscles = frozenset(undrawn_muscles)
        self._groups = groups

    # -- lookups ---------------------------------------------------------------------------
    def sources_of(self, ids: Iterable[str]) -> list[Source]:
        """Sources by id, in the given order, skipping unknown ids (reported while loading)."""
        return [self.sources[i] for i in ids if i in self.sources]

    def trigger_point_count(self) -> int:
        return sum(len(m.trigger_points) for m in self.muscles.values())

    def summary(self) -> str:
        return (f"{len(self.muscles)} muscles, {self.trigger_point_count()} trigger points, "
                f"{self.zone_summary()}")

    def zone_summary(self) -> str:
        """How many zones there are and how many groups of them: every zone id is one or the
        other ("28 zones and 4 zone groups": 32 ids). `bodymap validate` and `bodymap export`
        count them alike."""
        groups = sum(1 for zone in self.zones.values() if zone.is_group)
        drawn = len(self.zones) - groups
        return counted(drawn, "zone") + (f" and {counted(groups, 'zone group')}" if groups else "")

    def zone_parts(self, zone_id: str) -> tuple[str, ...]:
        """The drawn zones a zone id stands for: a group's parts, else the zone itself.
        Unknown ids raise KeyError."""
        if zone_id not in self.zones:
            raise KeyError(f"unknown zone {zone_id!r}")
        return self._groups.get(zone_id, (zone_id,))

    def expand_zones(self, zone_ids: Iterable[str]) -> list[str]:
        """Zone ids with each group replaced by its parts, in order, without repeats: the drawn
        zones they name. Unknown ids raise KeyError."""
        return list(dict.fromkeys(p for z in zone_ids for p in self.zone_parts(z)))

    def grouped(self, zone_ids: Iterable[str], *kinds: AbstractSet[str]) -> list[str]:
        """Zone ids with the parts of each zone group they all hold said as the group, in the
        place of its first part, the largest groups first: both halves of the upper back of the
        thigh are `posterior_thigh_upper`, all six parts of the back of the thigh
        `posterior_thigh`. The inverse of `expand_zones`, for words: a referral reads as one
        area where a zone was split only to draw a narrower one. With `kinds` (zones on both
        sides, provisional ones), only a group whose parts are all alike in each: a group is
        in a kind where its parts are."""
        return grouped(zone_ids, self._groups, *kinds)

    def in_kind(self, zone_id: str, kind: AbstractSet[str]) -> bool:
        """Whether a zone id of `grouped`, a group or not, is in `kind`: a group is where its
        parts are (`grouped` joins only parts alike)."""
        return zone_id in kind or (zone_id in self.zones and self.zone_parts(zone_id)[0] in kind)

    def head_to_foot(self, zone_ids: Iterable[str]) -> list[str]:
        """Zone ids in the order zones.yaml lists the zones, head to foot (the back and side's
        zones, then the front's), a group where its first part is; unknown ids last."""
        return head_to_foot(zone_ids, self.zones, self._groups)

    # The pain finder and search build their indexes on first use: loading stays cheap and a
    # catalog that is only validated never pays for them.
    # -- pain finder -----------------------------------------------------------------------
    @cached_property
    def _pain_sources(self) -> PainSources:
        return PainSources(self.muscles, self.zones, self.expand_zones)

    def find_sources(self, zones: Iterable[str],
                     other_side: Iterable[str] = ()) -> list[Candidate]:
        """Muscles whose TrPs refer pain to the marked zones, best candidates first: each marked
        zone adds 1.0 to a muscle's score when it lies in an essential zone of one of its TrPs,
        0.4 when only in spillover zones. `other_side` holds the zones marked on the other side
        of the body at the same time, which only bilateral referral reaches. The ranking and its
        tie-breaks: `PainSources.find_sources`. Unknown zone ids raise KeyError."""
        return self._pain_sources.find_sources(zones, other_side)

    # -- search ----------------------------------------------------------------------------
    @cached_property
    def _search(self) -> Search:
        return Search(self.muscles, self.zones, self._red_flags, self._pain_sources,
                      self.expand_zones)

    @property
    def _red_flags(self) -> tuple[RedFlag, ...]:
        return self.guidance.red_flags if self.guidance else ()

    def search(self, text: str) -> list[Muscle]:
        """Muscles that match a query, best first: by their names and nicknames, the places
        they refer pain to, the activities that aggravate it, their symptoms, the conditions
        they are mistaken for and the other words of their pages. The ranking: `Search.search`.
        `search_reason` says why a muscle was found."""
        return self._search.search(text)

    def red_flags_in(self, text: str) -> list[RedFlag]:
        """The red flags a query names (`red_flags.flags_named`): "cauda equina", "numbness in the
        saddle area", "fever and back pain"; "night pain" and "back pain at night" but not "hip
        pain at night", which a muscle explains (see `Search.explains`). Such a query is for a
        physician before any muscle.

        Read from the query as typed, never as search respelled it: a condition's name must
        raise its flag whatever search makes of it."""
        return red_flags.flags_named(text, self._red_flags, self._search.explains)

    def respelled(self, text: str) -> str | None:
        """The query as `search` searched it when it took a mistyped word for a known one
        ("gluteus medeus" as "gluteus medius") or left an unknown one out ("bad sciatica" as
        "sciatica"), else None."""
        return self._search.reader.respelled(text)

    def respellings(self, text: str) -> dict[str, str]:
        """The query words that `respelled` changed -> the word searched, "" for a word left out:
        {"medeus": "medius"}, {"bad": ""}."""
        return self._search.reader.respellings(text)

    def search_referral(self, muscle_id: str, text: str) -> Candidate | None:
        """The candidate of `find_sources` by which `search` found a muscle for the place a query
        names (`Search.search_referral`), else None: the window shows that referral."""
        return self._search.search_referral(muscle_id, text)

    def found_closely(self, muscle_id: str, text: str) -> bool:
        """Whether `search(text)` found a muscle by its name, its referral to a place named, its
        presentation or its cautions, not by other words of its page (`Search.found_closely`)."""
        return self._search.found_closely(muscle_id, text)

    def search_reason(self, muscle_id: str, text: str) -> str:
        """Why `search(text)` found a muscle, in a few words for the status bar
        (`Search.search_reason`)."""
        return self._search.search_reason(muscle_id, text)
