"""The loaded knowledge base: lookups, the pain finder and search."""

from __future__ import annotations

import bisect
import dataclasses
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


# Search weights: a hit in the name outranks a mimic, then an activity that aggravates the pain
# ("sitting"), then a symptom, and so on. A nickname's words count as a symptom's unless the query
# holds the whole nickname: "hip" alone does not make the "hip hiker" (QL) a name match.
_FIELD_WEIGHTS = {"name": 10.0, "mimic": 5.0, "activity": 4.0, "symptom": 3.0, "nickname": 3.0,
                  "text": 1.0}
# How the status bar says which field matched ("Best match: Piriformis, aggravated by sitting").
_FIELD_NAMES = {"nickname": "also called", "mimic": "often mistaken for",
                "activity": "aggravated by", "symptom": "symptom:", "text": "its text:"}
# A query naming a body area ("knee", "IT band", "low back") is answered as the pain finder would
# answer it: by referral to that area. Text hits then only break ties (at most ~0.2, less than the
# smallest step between two pain finder scores), and muscles found by text alone come last.
_TEXT_TIE = 0.005
_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about which muscle: left out of a query that has others.
_STOP_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "i", "in", "is", "my", "of", "on", "or", "the",
     "to", "when", "while", "with"])
_PAIN_WORDS = frozenset(
    ["ache", "aches", "aching", "hurt", "hurts", "hurting", "pain", "painful", "pains", "sore"])
# A query that holds a muscle's whole name or nickname ("piriformis syndrome", "hip hiker") puts
# that muscle first, even when its texts lack the query's other words.
_NAMED = 100.0
# Left out of a nickname when checking that a query holds all of it ("Lumbago muscle").
_GENERIC_WORDS = _STOP_WORDS | {"muscle", "muscles"}
_BREADTH = 0.05  # per further text of a muscle with the word: more mentions, a little higher


def _query_words(text: str) -> list[str]:
    """The words of a query that tell muscles apart: every muscle here is about pain, so "low
    back pain" asks about the low back."""
    words = _words(text)
    content = [w for w in words if w not in _STOP_WORDS]
    specific = [w for w in content if w not in _PAIN_WORDS]
    return specific or content or words


def _stem(word: str) -> str:
    """A query word without a plural "s" ("glutes", "hips", "knees"), the part every indexed
    word it can match begins with."""
    return word[:-1] if len(word) >= 4 and word.endswith("s") and not word.endswith("ss") else word


def _matches(word: str, token: str, last: bool) -> float:
    """How well a query word matches an indexed word: 1 exactly (a plural its singular too),
    0.8 as its beginning ("glut" of "gluteus", "glutes" of "gluteus") when the word is the one
    being typed or is long enough to mean a prefix, so that a finished short word ("low") does
    not also match "lower"."""
    stem = _stem(word)
    if token in (word, stem):
        return 1.0
    long_enough = last or len(stem) >= 4
    return 0.8 if long_enough and (token.startswith(word) or token.startswith(stem)) else 0.0


def _name_words(name: str) -> tuple[str, ...]:
    """The words of a name that must all be typed to name it: "Back of the knee" is back, knee."""
    words = _words(name)
    return tuple(w for w in words if w not in _GENERIC_WORDS) or tuple(words)


def _within(words: list[str], name_words: Iterable[str]) -> bool:
    """Whether every query word is one of the name's words (the last may be unfinished)."""
    last = len(words) - 1
    return all(any(_matches(w, t, n == last) for t in name_words) for n, w in enumerate(words))


def _holds(words: list[str], name_words: Iterable[str]) -> bool:
    """Whether the query holds every word of the name (the last query word may be unfinished)."""
    last = len(words) - 1
    return all(any(_matches(w, t, n == last) for n, w in enumerate(words)) for t in name_words)


def _words(text: str) -> list[str]:
    folded = text.casefold()
    if not folded.isascii():  # "Gesäß" and "gesass" should meet: drop accents
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _WORD.findall(folded)


def _resolve_groups(zones: Mapping[str, Zone]) -> dict[str, Zone]:
    """The zones with each group's parts narrowed to the drawn zones it names (the loader reports
    unknown parts and groups inside groups) and its `midline` set from them."""
    resolved = dict(zones)
    for zone in zones.values():
        if not zone.is_group:
            continue
        parts = tuple(dict.fromkeys(p for p in zone.parts if p in zones and not zones[p].is_group))
        if not parts:  # nothing left to stand for: an id as unknown as any mistyped one
            del resolved[zone.id]
            continue
        midline = all(zones[p].midline for p in parts)
        if (parts, midline, zone.views) != (zone.parts, zone.midline, ()):
            resolved[zone.id] = dataclasses.replace(zone, parts=parts, midline=midline, views=())
    return resolved


def _expand_referrals(muscle: Muscle, groups: Mapping[str, tuple[str, ...]]) -> Muscle:
    """The muscle with every group zone in its referrals replaced by the group's parts. A part
    that a TrP already lists as essential is not repeated as its spillover."""
    if not any(z in groups for trp in muscle.trigger_points
               for z in (*trp.referral.essential, *trp.referral.spillover)):
        return muscle
    points = []
    for trp in muscle.trigger_points:
        referral = trp.referral
        if not any(z in groups for z in (*referral.essential, *referral.spillover)):
            points.append(trp)
            continue
        essential = _expand(referral.essential, groups)
        spillover = tuple(z for z in _expand(referral.spillover, groups) if z not in essential)
        points.append(dataclasses.replace(
            trp, referral=dataclasses.replace(referral, essential=essential, spillover=spillover)))
    return dataclasses.replace(muscle, trigger_points=tuple(points))


def _expand(zone_ids: Iterable[str], groups: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for z in zone_ids for p in groups.get(z, (z,))))


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
    ) -> None:
        zones = _resolve_groups(zones)
        groups = {zone.id: zone.parts for zone in zones.values() if zone.is_group}
        if groups:
            muscles = {muscle_id: _expand_referrals(muscle, groups)
                       for muscle_id, muscle in muscles.items()}
        self.muscles: Mapping[str, Muscle] = MappingProxyType(dict(muscles))
        self.zones: Mapping[str, Zone] = MappingProxyType(dict(zones))
        self.sources: Mapping[str, Source] = MappingProxyType(dict(sources))
        self.guidance = guidance
        self.problems = problems
        # Files, as `problems` name them, that a mistake left out in whole or part (a muscle
        # file: the whole muscle); the other files with problems loaded, with warnings.
        self.skipped_files = frozenset(skipped_files)
        self._groups = groups

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
        drawn = sum(1 for zone in self.zones.values() if not zone.is_group)
        return (
            f"{len(self.muscles)} muscles, {self.trigger_point_count()} trigger points, "
            f"{drawn} zones"
        )

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
        of the body (midline zones such as the sacrum belong to both). A zone group
        (`lumbar_paraspinal`) stands for its parts, as if each part were marked, so the
        candidates name the parts. Unknown zone ids raise KeyError.
        """
        marked = self.expand_zones(zones)
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

    def _area_scores(self, zones: Iterable[str]) -> dict[str, float]:
        """`find_sources` scores alone, for search: at 100x the data, building every candidate's
        reasons would take most of its 5 ms."""
        scores: dict[str, float] = defaultdict(float)
        for zone in self.expand_zones(zones):
            for muscle_id, (_, essential) in self._referrals.get(zone, {}).items():
                scores[muscle_id] += ESSENTIAL_WEIGHT if essential else SPILLOVER_WEIGHT
        return scores

    @cached_property
    def _sort_names(self) -> dict[str, str]:
        return {muscle_id: m.name.casefold() for muscle_id, m in self.muscles.items()}

    # -- search ----------------------------------------------------------------------------
    def _search_texts(self, muscle: Muscle) -> dict[str, list[str]]:
        """A muscle's searchable texts by field (see `_FIELD_WEIGHTS`)."""
        return {
            "name": [muscle.name, muscle.id.replace("_", " ")],
            "nickname": list(muscle.also_called),
            "mimic": list(muscle.often_mistaken_for),
            "activity": [a.replace("_", " ") for a in muscle.aggravated_by],
            "symptom": list(muscle.symptoms),
            "text": [
                *muscle.perpetuating_factors,
                *muscle.actions,
                *(t.location for t in muscle.trigger_points),
                *(self.zones[z].label for z in set().union(*muscle.referral_zones())
                  if z in self.zones),
            ],
        }

    def _index_words(self) -> tuple[list[str], dict[str, dict[str, float]]]:
        """A sorted word list (for prefix look-up with bisect) and word -> {muscle: weight}."""
        postings: dict[str, dict[str, float]] = defaultdict(dict)
        for muscle in self.muscles.values():
            mentions: dict[str, int] = defaultdict(int)
            for field, texts in self._search_texts(muscle).items():
                weight = _FIELD_WEIGHTS[field]
                for text in texts:
                    for word in set(_words(text)):
                        posting = postings[word]
                        posting[muscle.id] = max(posting.get(muscle.id, 0.0), weight)
                        mentions[word] += 1
            for word, count in mentions.items():  # ties between muscles go to the one that
                postings[word][muscle.id] += _BREADTH * (count - 1)  # says it more often
        return sorted(postings), dict(postings)

    @cached_property
    def _names(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """A name's or nickname's first word -> (muscle id, its words), to find whole ones. A
        bracketed qualifier is not needed: "rectus abdominis" names "Rectus abdominis (lower
        part)"."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for muscle in self.muscles.values():
            for name in (muscle.name.split("(", 1)[0], *muscle.also_called):
                if words := _name_words(name):
                    index[words[0]].append((muscle.id, words))
        return dict(index)

    def search(self, text: str) -> list[Muscle]:
        """Muscles that match a query, best first.

        A muscle matches when every word of the query ("pain" and small words left out) is in
        its name, nicknames, symptoms, mimics or other text, whole or as a word's beginning (see
        `_matches`): name hits outrank mimics, then aggravating activities, then symptoms. A
        query that names a body area (a zone's label or everyday name, see `_zones_named`) is
        answered by referral, as the pain finder ranks the muscles that refer pain there; text
        hits then break ties and come after them. Before all, a query holding a muscle's whole
        name or nickname puts that muscle first ("piriformis syndrome"). `search_reason` says
        why a muscle was found.
        """
        words = _query_words(text)
        if not words:
            return []
        tokens, postings = self._word_index
        scores: dict[str, float] | None = None
        typed: set[str] = set()  # indexed words that some query word matches
        for n, word in enumerate(words):
            last = n == len(words) - 1
            weights: dict[str, float] = {}
            stem = _stem(word)  # every token the word can match begins with it
            start = bisect.bisect_left(tokens, stem)
            for token in tokens[start:]:
                if not token.startswith(stem):
                    break
                exact = _matches(word, token, last)
                if not exact:
                    continue
                typed.add(token)
                for muscle_id, weight in postings[token].items():
                    weights[muscle_id] = max(weights.get(muscle_id, 0.0), weight * exact)
            scores = weights if scores is None else {
                m: s + weights[m] for m, s in scores.items() if m in weights
            }
        scores = dict(scores or {})
        named = {muscle_id for token in typed & self._names.keys()
                 for muscle_id, name in self._names[token] if typed.issuperset(name)}
        if areas := self._area_scores(self._zones_named(words)):
            scores = {m: _TEXT_TIE * s for m, s in scores.items()}
            for muscle_id, score in areas.items():
                scores[muscle_id] = scores.get(muscle_id, 0.0) + score
        for muscle_id in named:
            scores[muscle_id] = scores.get(muscle_id, 0.0) + _NAMED
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self.muscles[item[0]].name))
        return [self.muscles[muscle_id] for muscle_id, _ in ranked]

    def search_reason(self, muscle_id: str, text: str) -> str:
        """Why `search(text)` found a muscle, in a few words for the status bar, in the order
        `search` ranks by: its name or nickname in the query, else the area it refers pain to
        when the query names one, else the field and text that hold every query word."""
        words = _query_words(text)
        if not words:
            return ""
        muscle = self.muscles[muscle_id]
        if _holds(words, _name_words(muscle.name.split("(", 1)[0])):
            return "by its name"
        for nickname in muscle.also_called:
            if _holds(words, _name_words(nickname)):
                return f"also called “{nickname}”"
        for candidate in self.find_sources(self._zones_named(words)):
            if candidate.muscle_id == muscle_id:
                zones = candidate.essential or candidate.spillover
                labels = ", ".join(self.zones[z].label for z in zones)
                kind = "essential" if candidate.essential else "spillover"
                return f"refers pain to {labels} ({kind} zone{'s' if len(zones) > 1 else ''})"
        for field, texts in self._search_texts(muscle).items():
            for found in texts:
                if _within(words, _words(found)):
                    if field == "name":
                        return "by its name"
                    return f"{_FIELD_NAMES[field]} {found if field == 'activity' else f'“{found}”'}"
        return "the words appear across its page"

    def _zones_named(self, words: list[str]) -> list[str]:
        """Zones a query names. Best, zones with a name (label or everyday name) that is exactly
        the query ("back" is the low back, not the back of the knee); else zones whose label holds
        every query word ("knee": back of the knee); else zones whose description holds them all
        as whole words. A group named counts as its parts."""
        exact: list[str] = []
        within: list[str] = []
        for zone in self.zones.values():
            label = _name_words(zone.label)
            names = [label, *(_name_words(name) for name in zone.also_called)]
            if any(_within(words, name) and _holds(words, name) for name in names):
                exact.append(zone.id)
            elif _within(words, label):  # an everyday name is typed whole: "sitting" is no
                within.append(zone.id)   # part of the "sitting bone"
        named = exact or within or [z.id for z in self.zones.values()
                                    if set(words) <= set(_words(z.description))]
        return self.expand_zones(named)
