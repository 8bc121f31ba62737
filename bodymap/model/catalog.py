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
from bodymap.model.schema import Guidance, Muscle, Referral, Source, Zone

ESSENTIAL_WEIGHT = 1.0
SPILLOVER_WEIGHT = 0.4


# NamedTuples rather than frozen dataclasses: a query at 100x the data builds thousands of these,
# and tuples are built in C (the pain finder's 5 ms budget).
class ZoneMatch(NamedTuple):
    """One reason a muscle is a candidate: this TrP refers to this marked zone."""

    zone: str
    trigger_point: str
    kind: str  # "essential" | "spillover"
    # The zone was marked on the other side of the body from the muscle: the TrP refers there
    # on both sides (`Referral.bilateral`).
    other_side: bool = False


class Candidate(NamedTuple):
    """A muscle that could refer pain to the marked zones, and why."""

    muscle_id: str
    score: float
    essential: tuple[str, ...]  # marked zones inside an essential zone of some TrP
    spillover: tuple[str, ...]  # marked zones inside only spillover zones
    trigger_points: tuple[str, ...]  # TrPs that refer to any marked zone
    matches: tuple[ZoneMatch, ...]
    # The same for zones marked on the other side of the body, reached by bilateral referral.
    other_essential: tuple[str, ...] = ()
    other_spillover: tuple[str, ...] = ()

    @property
    def zone_count(self) -> int:
        """How many marked zones the muscle refers to, on either side: ties break by it."""
        return (len(self.essential) + len(self.spillover) + len(self.other_essential)
                + len(self.other_spillover))


# Search weights: a hit in the name outranks a mimic, then an activity that aggravates the pain
# ("sitting"), then a symptom, and so on. A nickname's words count as a symptom's unless the query
# holds the whole nickname: "hip" alone does not make the "hip hiker" (QL) a name match. Words in
# a text about what eases the pain ("Relief lying down ... or sitting") weigh least of all: that
# activity is no complaint of the muscle.
_FIELD_WEIGHTS = {"name": 10.0, "mimic": 5.0, "activity": 4.0, "symptom": 3.0, "nickname": 3.0,
                  "text": 1.0, "relief": 0.5}
# How the status bar says which field matched ("Best match: Piriformis, aggravated by sitting").
_FIELD_NAMES = {"nickname": "also called", "mimic": "often mistaken for",
                "activity": "aggravated by", "symptom": "symptom:", "text": "its text:",
                "relief": "pain eased by:"}
# These lists are written most characteristic first, as the reference lists them (gluteus
# maximus: sitting, then climbing, then walking; gluteus medius: sitting last, and only
# slouched). Each later place weighs a little less, at most 15% less, so that a mimic still
# outranks any activity and an activity any symptom.
_RANKED_FIELDS = frozenset({"mimic", "activity", "symptom"})
_PLACE_STEP = 0.03
_PLACE_CAP = 5
# A word that the muscle's presentation states in more than one field (rising from a seat among
# its activities and "getting up from a chair" among its symptoms) is a surer hit. Prose never
# adds and neither do more texts of one field: breadth of text alone must not rank a muscle up.
_PRESENTATION = frozenset({"nickname", "mimic", "activity", "symptom"})
_CORROBORATION = 0.5
# A muscle with one text that holds every word of a query ("Difficulty getting up from a deep
# chair") comes before one whose words lie scattered over its page: per query word, more than any
# one word can weigh (a name, 10, with every corroboration).
_HELD = 12.0
# Everyday words for each activity of `aggravated_by` (schema.ACTIVITIES), searched as the
# activity itself: "sneeze" is no beginning of "sneezing", and a student gets "out of a chair".
# A query word matches a longer indexed word but not a shorter one, hence "sleep or sleeping".
# The phrase before ";" names it in the status bar. No phrase holds another activity's word
# ("standing up after sitting" would make every rising muscle a hit for "sitting").
_ACTIVITY_WORDS = {
    "sitting": "sitting; seated",
    "standing": "standing; standing upright",
    "walking": "walking",
    "climbing": "climbing; climbing stairs, stairs, uphill",
    "rising_from_seat": "rising from a seat; getting up or out of a chair, get up",
    "lying_on_back": "lying on the back; lie on the back",
    "lying_on_side": "lying on the side; lie, sleep or sleeping on the side, side-lying",
    "rolling_in_bed": "rolling over in bed; roll or turn over in bed",
    "coughing_sneezing": "coughing or sneezing; cough, sneeze",
    "bending_lifting": "bending or lifting; bend, lift, stoop",
}
# From a word of relief to the end of its clause ("but worse ..." starts a new one).
_RELIEF = re.compile(r"\b(?:relief|relieved|relieves|eased|eases|easier|better)\b"
                     r"[^.;]*?(?=\b(?:but|worse)\b|[.;]|$)", re.IGNORECASE)
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


def _split_relief(text: str) -> tuple[str, str]:
    """A text as what it states and what it says eases the pain: "Worse standing, eased by
    sitting" states standing; sitting eases it."""
    relieved = " ".join(m.group() for m in _RELIEF.finditer(text))
    return (_RELIEF.sub(" ", text), relieved) if relieved else (text, "")


def _field_weight(field: str, place: int) -> float:
    if field not in _RANKED_FIELDS:
        return _FIELD_WEIGHTS[field]
    return _FIELD_WEIGHTS[field] * (1.0 - _PLACE_STEP * min(place, _PLACE_CAP))


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
    def named(referral: Referral) -> tuple[str, ...]:
        return (*referral.essential, *referral.spillover, *referral.bilateral)

    if not any(z in groups for trp in muscle.trigger_points for z in named(trp.referral)):
        return muscle
    points = []
    for trp in muscle.trigger_points:
        referral = trp.referral
        if not any(z in groups for z in named(referral)):
            points.append(trp)
            continue
        essential = _expand(referral.essential, groups)
        spillover = tuple(z for z in _expand(referral.spillover, groups) if z not in essential)
        bilateral = _expand(referral.bilateral, groups)
        points.append(dataclasses.replace(trp, referral=Referral(essential, spillover, bilateral)))
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
        return self._index_referrals(other_side=False)

    @cached_property
    def _other_side_referrals(self) -> dict[str, dict[str, tuple[tuple[ZoneMatch, ...], bool]]]:
        return self._index_referrals(other_side=True)

    @cached_property
    def _word_index(self) -> tuple[list[str], dict[str, dict[str, float]],
                                   dict[str, dict[str, int]]]:
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
    def _index_referrals(self, other_side: bool
                         ) -> dict[str, dict[str, tuple[tuple[ZoneMatch, ...], bool]]]:
        """zone -> muscle -> (every TrP match there, whether any TrP has it as essential); with
        `other_side`, only the zones felt on the other side of the body from the muscle.

        The matches are built once here, so a query only gathers them."""
        index: dict[str, dict[str, list[ZoneMatch]]] = defaultdict(lambda: defaultdict(list))
        for muscle in self.muscles.values():
            for trp in muscle.trigger_points:
                referral = trp.referral.other_side() if other_side else trp.referral
                for zone in referral.essential:
                    index[zone][muscle.id].append(
                        ZoneMatch(zone, trp.id, "essential", other_side))
                for zone in referral.spillover:
                    index[zone][muscle.id].append(
                        ZoneMatch(zone, trp.id, "spillover", other_side))
        return {
            zone: {m: (tuple(found), any(x.kind == "essential" for x in found))
                   for m, found in muscles.items()}
            for zone, muscles in index.items()
        }

    def find_sources(self, zones: Iterable[str],
                     other_side: Iterable[str] = ()) -> list[Candidate]:
        """Muscles whose TrPs refer pain to the marked zones, best candidates first.

        Each marked zone adds 1.0 to a muscle's score when it lies in an essential zone of one of
        the muscle's TrPs, or 0.4 when it lies only in spillover zones, so one essential match
        beats two spillover matches. Ties break by the number of zones matched, then by name.
        Zone ids carry no side: referral is on the muscle's own side, so callers ask once per side
        of the body (midline zones such as the sacrum belong to both). `other_side` holds the
        zones marked on the other side of the body at the same time: only a TrP that refers to
        a zone on both sides (`Referral.bilateral`) reaches them, and each scores as above, so
        a band marked across the low back counts twice for rectus abdominis. A zone group
        (`lumbar_paraspinal`) stands for its parts, as if each part were marked, so the
        candidates name the parts. Unknown zone ids raise KeyError.
        """
        found: dict[str, list[ZoneMatch]] = defaultdict(list)
        in_essential, in_spillover = self._gather(self.expand_zones(zones), self._referrals,
                                                  found)
        # A midline zone is on both sides already: it belongs in `zones`, not here as well.
        opposite = [z for z in self.expand_zones(other_side) if not self.zones[z].midline]
        # Asked only when marked: at 100x the data this loop is most of the pain finder's time.
        other_essential, other_spillover = self._gather(
            opposite, self._other_side_referrals, found) if opposite else ({}, {})
        candidates = []
        for muscle_id, matches in found.items():
            essential = tuple(in_essential.get(muscle_id, ()))
            spillover = tuple(in_spillover.get(muscle_id, ()))
            far_essential = tuple(other_essential.get(muscle_id, ()))
            far_spillover = tuple(other_spillover.get(muscle_id, ()))
            score = (ESSENTIAL_WEIGHT * (len(essential) + len(far_essential))
                     + SPILLOVER_WEIGHT * (len(spillover) + len(far_spillover)))
            trps = tuple(dict.fromkeys(m.trigger_point for m in matches))
            candidates.append(Candidate(muscle_id, round(score, 6), essential, spillover, trps,
                                        tuple(matches), far_essential, far_spillover))
        candidates.sort(key=lambda c: (-c.score, -c.zone_count, self._sort_names[c.muscle_id]))
        return candidates

    @staticmethod
    def _gather(marked: Iterable[str],
                index: dict[str, dict[str, tuple[tuple[ZoneMatch, ...], bool]]],
                found: dict[str, list[ZoneMatch]]) -> tuple[dict[str, list[str]], ...]:
        """Add the index's matches for the marked zones to `found`; return muscle -> marked
        zones in an essential zone, and muscle -> marked zones only in spillover."""
        in_essential: dict[str, list[str]] = defaultdict(list)
        only_spillover: dict[str, list[str]] = defaultdict(list)
        for zone in marked:
            for muscle_id, (matches, essential) in index.get(zone, {}).items():
                found[muscle_id].extend(matches)
                (in_essential if essential else only_spillover)[muscle_id].append(zone)
        return in_essential, only_spillover

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
        """A muscle's searchable texts by field (see `_FIELD_WEIGHTS`), each list in its order."""
        return {
            "name": [muscle.name, muscle.id.replace("_", " ")],
            "nickname": list(muscle.also_called),
            "mimic": list(muscle.often_mistaken_for),
            "activity": [_ACTIVITY_WORDS.get(a, a.replace("_", " ")) for a in muscle.aggravated_by],
            "symptom": list(muscle.symptoms),
            "text": [
                *muscle.perpetuating_factors,
                *muscle.actions,
                *(t.location for t in muscle.trigger_points),
                *(self.zones[z].label for z in set().union(*muscle.referral_zones())
                  if z in self.zones),
            ],
        }

    def _search_hits(self, muscle: Muscle) -> Iterable[tuple[float, str, str, list[str]]]:
        """(weight, field, text, its words) for each text of a muscle, what a text says eases the
        pain apart as field "relief"."""
        for field, texts in self._search_texts(muscle).items():
            for place, text in enumerate(texts):
                stated, relieved = _split_relief(text) if field != "name" else (text, "")
                yield _field_weight(field, place), field, text, _words(stated)
                if relieved:
                    yield _FIELD_WEIGHTS["relief"], "relief", text, _words(relieved)

    def _index_words(self) -> tuple[list[str], dict[str, dict[str, float]],
                                    dict[str, dict[str, int]]]:
        """A sorted word list (for prefix look-up with bisect), word -> {muscle: weight} (the
        weight of the word's best text, plus `_CORROBORATION` per further presentation field
        that states it) and word -> {muscle: the texts that hold it, as bits}."""
        postings: dict[str, dict[str, float]] = defaultdict(dict)
        texts: dict[str, dict[str, int]] = defaultdict(dict)
        for muscle in self.muscles.values():
            best: dict[str, float] = {}
            fields: dict[str, set[str]] = defaultdict(set)
            held: dict[str, int] = defaultdict(int)
            for n, (weight, field, _, words) in enumerate(self._search_hits(muscle)):
                for word in words:
                    best[word] = max(best.get(word, 0.0), weight)
                    held[word] |= 1 << n
                    if field in _PRESENTATION:
                        fields[word].add(field)
            for word, weight in best.items():
                further = max(len(fields.get(word, ())) - 1, 0)
                postings[word][muscle.id] = weight + _CORROBORATION * further
                texts[word][muscle.id] = held[word]
        return sorted(postings), dict(postings), dict(texts)

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
        `_matches`): name hits outrank mimics, then aggravating activities (in everyday words,
        `_ACTIVITY_WORDS`), then symptoms, then prose; what a text says eases the pain counts
        least. Earlier entries of a list outrank later ones, and a word stated in two fields
        (an activity and a symptom) outranks one stated in one; more texts saying it do not. A
        muscle with one text holding every query word comes before one whose words are
        scattered. A query that names a body area (a zone's label or everyday name, see
        `_zones_named`) is answered by referral, as the pain finder ranks the muscles that refer
        pain there; text hits then break ties and come after them. Before all, a query holding a
        muscle's whole name or nickname puts that muscle first ("piriformis syndrome").
        `search_reason` says why a muscle was found.
        """
        words = _query_words(text)
        if not words:
            return []
        tokens, postings, texts = self._word_index
        scores: dict[str, float] | None = None
        held: dict[str, int] | None = None  # per muscle, its texts that hold every word so far
        typed: set[str] = set()  # indexed words that some query word matches
        for n, word in enumerate(words):
            last = n == len(words) - 1
            weights: dict[str, float] = {}
            holding: dict[str, int] = {}
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
                if len(words) > 1:  # one word is held by any text that has it
                    for muscle_id, bits in texts[token].items():
                        holding[muscle_id] = holding.get(muscle_id, 0) | bits
            scores = weights if scores is None else {
                m: s + weights[m] for m, s in scores.items() if m in weights
            }
            held = holding if held is None else {m: b & holding.get(m, 0) for m, b in held.items()}
        scores = dict(scores or {})
        named = {muscle_id for token in typed & self._names.keys()
                 for muscle_id, name in self._names[token] if typed.issuperset(name)}
        if areas := self._area_scores(self._zones_named(words)):
            scores = {m: _TEXT_TIE * s for m, s in scores.items()}
            for muscle_id, score in areas.items():
                scores[muscle_id] = scores.get(muscle_id, 0.0) + score
        else:  # with an area, text only breaks ties, and _HELD would outgrow that
            for muscle_id, bits in (held or {}).items():
                if bits and muscle_id in scores:
                    scores[muscle_id] += _HELD * len(words)
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
        # The best single text that holds every query word: the hit that ranked the muscle.
        held = [(weight, field, found) for weight, field, found, found_words
                in self._search_hits(muscle) if _within(words, found_words)]
        if held:
            _, field, found = max(held, key=lambda hit: hit[0])  # the first of equals
            if field == "name":
                return "by its name"
            if field == "activity":
                return f"{_FIELD_NAMES[field]} {found.split(';', 1)[0]}"
            return f"{_FIELD_NAMES[field]} “{found}”"
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
