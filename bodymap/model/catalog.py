"""The loaded knowledge base: lookups, the pain finder and search."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import NamedTuple

from bodymap.model.problems import Problem
from bodymap.model.schema import Guidance, Muscle, Source, Zone

ESSENTIAL_WEIGHT = 1.0
SPILLOVER_WEIGHT = 0.4


# NamedTuples rather than frozen dataclasses: a query at 100x the data builds thousands of these,
# and tuples are built in C (the pain finder's 5 ms budget).
class ZoneMatch(NamedTuple):
    """One reason a muscle is a candidate: this TrP refers to this marked zone."""

    zone: str
    trigger_point: str
    kind: str  # "essential" | "spillover"


class Candidate(NamedTuple):
    """A muscle that could refer pain to the marked zones, and why."""

    muscle_id: str
    score: float
    essential: tuple[str, ...]  # marked zones inside an essential zone of some TrP
    spillover: tuple[str, ...]  # marked zones inside only spillover zones
    trigger_points: tuple[str, ...]  # TrPs that refer to any marked zone
    matches: tuple[ZoneMatch, ...]


# Search weights: a hit in the name outranks a mimic, which outranks a symptom, and so on.
_FIELD_WEIGHTS = {"name": 10.0, "mimic": 5.0, "symptom": 3.0, "text": 1.0}
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    folded = text.casefold()
    if not folded.isascii():  # "Gesäß" and "gesass" should meet: drop accents
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WORD.findall(folded)


class Catalog:
    """Muscles, zones, sources and guidance, with the problems found while loading them."""

    def __init__(
        self,
        muscles: Mapping[str, Muscle],
        zones: Mapping[str, Zone],
        sources: Mapping[str, Source],
        guidance: Guidance | None,
        problems: list[Problem],
    ) -> None:
        self.muscles: Mapping[str, Muscle] = MappingProxyType(dict(muscles))
        self.zones: Mapping[str, Zone] = MappingProxyType(dict(zones))
        self.sources: Mapping[str, Source] = MappingProxyType(dict(sources))
        self.guidance = guidance
        self.problems = problems

    # Indexes are built on first use: loading stays cheap and a catalog that is only validated
    # never pays for them.
    @cached_property
    def _referrals(self) -> dict[str, dict[str, tuple[tuple[ZoneMatch, ...], bool]]]:
        return self._index_referrals()

    @cached_property
    def _word_index(self) -> tuple[list[str], dict[str, dict[str, float]]]:
        return self._index_words()

    # -- lookups ---------------------------------------------------------------------------
    def sources_of(self, ids: Iterable[str]) -> list[Source]:
        """Sources by id, in the given order, skipping unknown ids (reported while loading)."""
        return [self.sources[i] for i in ids if i in self.sources]

    def trigger_point_count(self) -> int:
        return sum(len(m.trigger_points) for m in self.muscles.values())

    def summary(self) -> str:
        return (
            f"{len(self.muscles)} muscles, {self.trigger_point_count()} trigger points, "
            f"{len(self.zones)} zones"
        )

    # -- pain finder -----------------------------------------------------------------------
    def _index_referrals(self) -> dict[str, dict[str, tuple[tuple[ZoneMatch, ...], bool]]]:
        """zone -> muscle -> (every TrP match there, whether any TrP has it as essential).

        The matches are built once here, so a query only gathers them."""
        index: dict[str, dict[str, list[ZoneMatch]]] = defaultdict(lambda: defaultdict(list))
        for muscle in self.muscles.values():
            for trp in muscle.trigger_points:
                for zone in trp.referral.essential:
                    index[zone][muscle.id].append(ZoneMatch(zone, trp.id, "essential"))
                for zone in trp.referral.spillover:
                    index[zone][muscle.id].append(ZoneMatch(zone, trp.id, "spillover"))
        return {
            zone: {m: (tuple(found), any(x.kind == "essential" for x in found))
                   for m, found in muscles.items()}
            for zone, muscles in index.items()
        }

    def find_sources(self, zones: Iterable[str]) -> list[Candidate]:
        """Muscles whose TrPs refer pain to the marked zones, best candidates first.

        Each marked zone adds 1.0 to a muscle's score when it lies in an essential zone of one of
        the muscle's TrPs, or 0.4 when it lies only in spillover zones, so one essential match
        beats two spillover matches. Ties break by the number of zones matched, then by name.
        Zone ids carry no side: referral is on the muscle's own side, so callers ask once per side
        of the body (midline zones such as the sacrum belong to both). Unknown zone ids raise
        KeyError.
        """
        marked = list(dict.fromkeys(zones))
        for zone in marked:
            if zone not in self.zones:
                raise KeyError(f"unknown zone {zone!r}")
        found: dict[str, list[ZoneMatch]] = defaultdict(list)
        in_essential: dict[str, list[str]] = defaultdict(list)
        only_spillover: dict[str, list[str]] = defaultdict(list)
        for zone in marked:
            for muscle_id, (matches, essential) in self._referrals.get(zone, {}).items():
                found[muscle_id].extend(matches)
                (in_essential if essential else only_spillover)[muscle_id].append(zone)
        candidates = []
        for muscle_id, matches in found.items():
            essential = tuple(in_essential.get(muscle_id, ()))
            spillover = tuple(only_spillover.get(muscle_id, ()))
            score = ESSENTIAL_WEIGHT * len(essential) + SPILLOVER_WEIGHT * len(spillover)
            trps = tuple(dict.fromkeys(m.trigger_point for m in matches))
            candidates.append(Candidate(muscle_id, round(score, 6), essential, spillover, trps,
                                        tuple(matches)))
        candidates.sort(key=lambda c: (-c.score, -(len(c.essential) + len(c.spillover)),
                                       self._sort_names[c.muscle_id]))
        return candidates

    @cached_property
    def _sort_names(self) -> dict[str, str]:
        return {muscle_id: m.name.casefold() for muscle_id, m in self.muscles.items()}

    # -- search ----------------------------------------------------------------------------
    def _index_words(self) -> tuple[list[str], dict[str, dict[str, float]]]:
        """A sorted word list (for prefix look-up with bisect) and word -> {muscle: weight}."""
        postings: dict[str, dict[str, float]] = defaultdict(dict)
        for muscle in self.muscles.values():
            fields = {
                "name": [muscle.name, muscle.id.replace("_", " "), *muscle.also_called],
                "mimic": list(muscle.often_mistaken_for),
                "symptom": list(muscle.symptoms),
                "text": [
                    *muscle.perpetuating_factors,
                    *muscle.actions,
                    *(t.location for t in muscle.trigger_points),
                    *(self.zones[z].label for z in set().union(*muscle.referral_zones())
                      if z in self.zones),
                ],
            }
            for field, texts in fields.items():
                weight = _FIELD_WEIGHTS[field]
                for text in texts:
                    for word in _words(text):
                        posting = postings[word]
                        posting[muscle.id] = max(posting.get(muscle.id, 0.0), weight)
        return sorted(postings), dict(postings)

    def search(self, text: str) -> list[Muscle]:
        """Muscles whose name, nicknames, symptoms, mimics or other text match every word of
        `text` (each as a word prefix), best first: name hits outrank mimics, then symptoms."""
        words = _words(text)
        if not words:
            return []
        tokens, postings = self._word_index
        scores: dict[str, float] | None = None
        for word in words:
            weights: dict[str, float] = {}
            start = bisect.bisect_left(tokens, word)
            for token in tokens[start:]:
                if not token.startswith(word):
                    break
                exact = 1.0 if token == word else 0.8
                for muscle_id, weight in postings[token].items():
                    weights[muscle_id] = max(weights.get(muscle_id, 0.0), weight * exact)
            scores = weights if scores is None else {
                m: s + weights[m] for m, s in scores.items() if m in weights
            }
            if not scores:
                return []
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self.muscles[item[0]].name))
        return [self.muscles[muscle_id] for muscle_id, _ in ranked]
