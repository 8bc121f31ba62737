"""The pain finder: which muscles' trigger points refer pain to the zones marked on the body,
best candidates first, and why (`Candidate`, `ZoneMatch`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from bodymap.model.schema import Muscle, Referral, Zone

ESSENTIAL_WEIGHT = 1.0
SPILLOVER_WEIGHT = 0.4
# In the pain finder's ranking, a marked zone that a muscle has as essential only provisionally
# (`Referral.provisional`) weighs as spillover, less than a settled essential one: all that is
# settled is that the pain may reach there. A muscle whose settled pattern covers what is marked
# so ranks above one that reaches it as essential only provisionally: the back of the knee and the
# lower back of the thigh are biceps femoris's (essential and spillover) before gluteus minimus's
# (the thigh essential, the knee essential provisionally). A provisional spillover zone weighs as
# spillover still, the least a zone of a pattern weighs; on equal weight the tie-breaks put the
# settled one first (`Candidate.only_provisional`, `Candidate.unsettled`). The score, and the
# fit the window says, count every zone as drawn: how it fits if the referral holds.
PROVISIONAL_ESSENTIAL_WEIGHT = SPILLOVER_WEIGHT

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
    # The TrP's referral lists the zone as provisional: the sources do not settle it
    # (`Referral.provisional`).
    provisional: bool = False


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
    # Zones in the referral pattern of its closest TrP that were not marked, on each side of
    # the body the pattern covers: the fewer, the more the marked pain looks like that pattern.
    # A band across both sides (`Referral.bilateral`) marked on one side leaves the other
    # side's half of it unmarked. Ties in score break by it.
    unmarked: int = 0
    # For each marked zone in `essential` and `other_essential` that is settled (not in
    # `provisional`), how many muscles of the catalog refer pain there as essential in a settled
    # way, fewest first: a zone that few muscles refer to in nearly everyone points to them more
    # than one that many do, and a referral the sources do not settle says no one does. Ties in
    # `weight` break by it before `unmarked` (see `PainSources.find_sources`). A zone on the other
    # side of the body counts the same muscles: those of that side refer there as they do on
    # this one.
    shared: tuple[int, ...] = ()
    # The marked zones of `essential` and `spillover` whose match rests only on provisional
    # zones: every TrP that refers there as the candidate has it (essential, or spillover when
    # none does as essential) lists the zone as provisional (`Referral.provisional`). The
    # sources do not settle that the muscle refers there.
    provisional: tuple[str, ...] = ()
    # The same for `other_essential` and `other_spillover`.
    other_provisional: tuple[str, ...] = ()

    @property
    def zone_count(self) -> int:
        """How many marked zones the muscle refers to, on either side: ties break by it."""
        return (len(self.essential) + len(self.spillover) + len(self.other_essential)
                + len(self.other_spillover))

    @property
    def weight(self) -> float:
        """What it ranks by (`PainSources.find_sources`): `score`, with each marked zone that it has
        as essential only provisionally weighed `PROVISIONAL_ESSENTIAL_WEIGHT`."""
        unsure = (sum(z in self.provisional for z in self.essential)
                  + sum(z in self.other_provisional for z in self.other_essential))
        return _weighed(len(self.essential) + len(self.other_essential) - unsure,
                        len(self.spillover) + len(self.other_spillover), unsure)

    @property
    def unsettled(self) -> float:
        """The part of `score` that rests only on provisional zones."""
        return _unsettled(self.essential, self.provisional, self.other_essential,
                          self.other_provisional)

    @property
    def only_provisional(self) -> bool:
        """Whether every marked zone it refers to rests only on provisional zones: the sources
        do not settle that it refers to any of the pain marked."""
        unsure = len(self.provisional) + len(self.other_provisional)
        return bool(unsure) and unsure == self.zone_count


def _weighed(essential: int, spillover: int, unsure: int = 0) -> float:
    """The score of so many zones in essential and only in spillover zones, and the `unsure`
    ones essential only provisionally (`PROVISIONAL_ESSENTIAL_WEIGHT`; for the score, they are
    among `essential`), rounded so that equal counts give equal scores whatever the order they
    were counted in."""
    return round(ESSENTIAL_WEIGHT * essential + SPILLOVER_WEIGHT * spillover
                 + PROVISIONAL_ESSENTIAL_WEIGHT * unsure, 6)


def _unsettled(essential: tuple[str, ...], provisional: tuple[str, ...],
               far_essential: tuple[str, ...], far_provisional: tuple[str, ...]) -> float:
    """The score of the provisional zones of a candidate (`Candidate.unsettled`)."""
    if not (provisional or far_provisional):
        return 0.0
    near = (sum(z in provisional for z in essential)
            + sum(z in far_provisional for z in far_essential))
    return _weighed(near, len(provisional) + len(far_provisional) - near)


# zone -> muscle -> (every TrP match there, whether any TrP has it as essential).
_Referring = dict[str, dict[str, tuple[tuple[ZoneMatch, ...], bool]]]
# zone -> muscles, and muscle -> zones, where a match rests only on provisional zones.
_Doubts = tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]


class PainSources:
    """Where the muscles' trigger points refer pain, indexed by zone: `find_sources` ranks the
    muscles for the zones marked, and search asks it how they refer pain to a place it names.

    `zones` are the catalog's, `expand_zones` its `Catalog.expand_zones`: a zone group stands for
    its parts, and an unknown zone id raises KeyError.
    """

    def __init__(self, muscles: Mapping[str, Muscle], zones: Mapping[str, Zone],
                 expand_zones: Callable[[Iterable[str]], list[str]]) -> None:
        self.muscles = muscles
        self.zones = zones
        self.expand_zones = expand_zones

    # Indexes are built on first use: loading stays cheap and a catalog that is only validated
    # never pays for them.
    @cached_property
    def referrals(self) -> _Referring:
        """zone -> muscle -> (every TrP match there, whether any TrP has it as essential)."""
        return self._index_referrals(other_side=False)

    @cached_property
    def _settled_essential(self) -> dict[str, frozenset[str]]:
        """zone -> the muscles with a TrP that has it as essential in a settled way (not
        provisionally): what `area_scores` counts as essential, looked up once a zone."""
        return {zone: frozenset(m for m, (found, _) in muscles.items()
                                if any(x.kind == "essential" and not x.provisional
                                       for x in found))
                for zone, muscles in self.referrals.items()}

    @cached_property
    def _other_side_referrals(self) -> _Referring:
        return self._index_referrals(other_side=True)

    @cached_property
    def _patterns(self) -> dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]:
        """Muscle id -> each TrP's whole referral pattern: its zones (essential and spillover) on
        the muscle's own side, and those it refers to on the other side of the body too (its
        bilateral zones; a midline zone is on its own side already). Muscles with the same
        patterns share one tuple, which `unmarked` looks up once."""
        shared: dict[tuple[tuple[frozenset[str], frozenset[str]], ...],
                     tuple[tuple[frozenset[str], frozenset[str]], ...]] = {}
        return {m.id: shared.setdefault(patterns, patterns) for m in self.muscles.values()
                for patterns in [tuple(self._pattern(t.referral) for t in m.trigger_points)]}

    def _pattern(self, referral: Referral) -> tuple[frozenset[str], frozenset[str]]:
        """A TrP's zones on the muscle's side and on the other side (`_patterns`)."""
        across = referral.other_side()
        return (frozenset(referral.essential) | frozenset(referral.spillover),
                frozenset(z for z in (*across.essential, *across.spillover)
                          if not (z in self.zones and self.zones[z].midline)))

    def unmarked(self, muscle_id: str, here: frozenset[str], opposite: frozenset[str],
                 memo: dict[int, int]) -> int:
        """How many zones of the pattern closest to the marked ones are not marked, over the
        muscle's TrPs that refer to any of them (`Candidate.unmarked`): its zones on the muscle's
        side not in `here`, and those it refers to on the other side not in `opposite`, the
        zones marked there. A band across both sides marked on one side only leaves the other
        side's half of it unmarked. `memo`, kept for one query, answers a muscle whose patterns
        another had (at 100x the data, most do)."""
        patterns = self._patterns[muscle_id]
        unmarked = memo.get(id(patterns))
        if unmarked is None:
            unmarked = memo[id(patterns)] = min(
                (len(own - here) + len(across - opposite) for own, across in patterns
                 if own & here or across & opposite), default=0)
        return unmarked

    def _index_referrals(self, other_side: bool) -> _Referring:
        """zone -> muscle -> (every TrP match there, whether any TrP has it as essential); with
        `other_side`, only the zones felt on the other side of the body from the muscle.

        The matches are built once here, so a query only gathers them."""
        index: dict[str, dict[str, list[ZoneMatch]]] = defaultdict(lambda: defaultdict(list))
        for muscle in self.muscles.values():
            for trp in muscle.trigger_points:
                referral = trp.referral.other_side() if other_side else trp.referral
                unsettled = frozenset(referral.provisional)
                for zone in referral.essential:
                    index[zone][muscle.id].append(
                        ZoneMatch(zone, trp.id, "essential", other_side, zone in unsettled))
                for zone in referral.spillover:
                    index[zone][muscle.id].append(
                        ZoneMatch(zone, trp.id, "spillover", other_side, zone in unsettled))
        return {
            zone: {m: (tuple(found), any(x.kind == "essential" for x in found))
                   for m, found in muscles.items()}
            for zone, muscles in index.items()
        }

    @cached_property
    def _alike_points(self) -> dict[str, tuple[tuple[str, Referral], ...]]:
        """Muscle id -> its trigger points' ids and referrals, one tuple shared by the muscles
        whose trigger points are the same: `find_sources` makes their candidates alike."""
        shared: dict[tuple[tuple[str, Referral], ...], tuple[tuple[str, Referral], ...]] = {}
        return {m.id: shared.setdefault(points, points) for m in self.muscles.values()
                for points in [tuple((t.id, t.referral) for t in m.trigger_points)]}

    @cached_property
    def _doubtful(self) -> _Doubts:
        return self._index_doubts(self.referrals)

    @cached_property
    def _other_side_doubtful(self) -> _Doubts:
        return self._index_doubts(self._other_side_referrals)

    def _index_doubts(self, index: _Referring) -> _Doubts:
        """Where the index's matches rest only on provisional zones (`Candidate.provisional`):
        zone -> the muscles whose match there does, and muscle -> those zones. Only the matches
        that give a zone its weight count: a zone essential only provisionally rests on that,
        whatever settled spillover reaches it too. Muscles with the same referrals share one
        set of zones, so that a query works it out once for all of them (at 100x the data,
        most)."""
        by_zone: dict[str, set[str]] = defaultdict(set)
        by_muscle: dict[str, set[str]] = defaultdict(set)
        for zone, muscles in index.items():
            for muscle_id, (matches, essential) in muscles.items():
                kind = "essential" if essential else "spillover"
                if all(m.provisional for m in matches if m.kind == kind):
                    by_zone[zone].add(muscle_id)
                    by_muscle[muscle_id].add(zone)
        alike: dict[tuple[Referral, ...], frozenset[str]] = {}
        return ({zone: frozenset(found) for zone, found in by_zone.items()},
                {muscle_id: alike.setdefault(
                    tuple(t.referral for t in self.muscles[muscle_id].trigger_points),
                    frozenset(zones))
                 for muscle_id, zones in by_muscle.items()})

    @cached_property
    def _essential_counts(self) -> dict[str, int]:
        """zone -> how many muscles refer pain there as essential in a settled way
        (`Candidate.shared`), on either side of the body: a zone marked on the other side is the
        same place to the muscles of that side. Counting there only the muscles that reach across
        (bilateral referral, rectus abdominis alone) made the zone look rare and lifted them over
        muscles that explain more of what was marked. A referral the sources do not settle
        counts no muscle: the back of the knee is biceps femoris's alone, not gluteus minimus's
        too, whose pattern reaches it provisionally."""
        return {zone: sum(any(m.kind == "essential" and not m.provisional for m in matches)
                          for matches, _ in muscles.values())
                for zone, muscles in self.referrals.items()}

    def find_sources(self, zones: Iterable[str],
                     other_side: Iterable[str] = ()) -> list[Candidate]:
        """Muscles whose TrPs refer pain to the marked zones, best candidates first.

        Each marked zone adds 1.0 to a muscle's score when it lies in an essential zone of one of
        the muscle's TrPs, or 0.4 when it lies only in spillover zones, so one essential match
        beats two spillover matches. Candidates rank by that score, but with a zone essential
        only provisionally (`Candidate.provisional`: the sources do not settle that the muscle
        refers there) weighing as spillover (`Candidate.weight`, `PROVISIONAL_ESSENTIAL_WEIGHT`):
        for the back of the knee and the lower back of the thigh, biceps femoris, whose settled
        pattern covers both, before gluteus minimus, whose reaches the knee only provisionally.
        Ties break by the number of zones matched; then by how
        few muscles refer the marked zones a candidate has as essential there too, in a settled
        way (`Candidate.shared`): the rarer such a zone, the more it points to the muscle. For the
        middle buttock and the upper back of the thigh, gluteus medius, piriformis and gluteus
        maximus refer to the buttock as essential and reach the thigh only as spillover;
        gluteus minimus alone refers to the thigh as essential, so it leads them, rather than
        coming last for a pattern that runs on down the leg. Then by how closely a TrP's whole
        pattern fits what is marked (`Candidate.unmarked`, fewest first: for the sacrum alone,
        multifidus, which refers there and to one zone more, before iliopsoas, whose pattern
        runs the length of the back), then by name. A marked zone whose match rests only on
        provisional zones scores as any other, but ranks as said above, and a candidate resting
        on nothing else (`Candidate.only_provisional`) comes after every other of equal weight,
        and on equal weight, zones and rarity, the one with less of its score so resting
        (`unsettled`) comes before `unmarked` decides: a settled match before an equal
        provisional one.
        Zone ids carry no side: referral is on the muscle's own side, so callers ask once per side
        of the body (midline zones such as the sacrum belong to both). `other_side` holds the
        zones marked on the other side of the body at the same time: only a TrP that refers to
        a zone on both sides (`Referral.bilateral`) reaches them, and each scores as above, so
        a band marked across the low back counts twice for rectus abdominis. Such a zone is as
        rare as on this side for the tie-break above: the muscles of that side refer there.
        For `unmarked`, a pattern's zones on the muscle's side are compared with `zones` and
        those it refers to across the body with `other_side`: with the low back marked on one
        side only, lower rectus abdominis's band leaves the other side of it unmarked, so it
        fits no better than iliopsoas's one-sided band. A zone group (`lumbar_paraspinal`)
        stands for its parts, as if each part were marked, so the candidates name the parts.
        Unknown zone ids raise KeyError.
        """
        found: dict[str, list[ZoneMatch]] = defaultdict(list)
        here = self.expand_zones(zones)
        in_essential, in_spillover = self._gather(here, self.referrals, found)
        # A midline zone is on both sides already: it belongs in `zones`, not here as well.
        opposite = [z for z in self.expand_zones(other_side) if not self.zones[z].midline]
        near_marked, far_marked = frozenset(here), frozenset(opposite)
        memo: dict[int, int] = {}
        # Asked only when marked: at 100x the data this loop is most of the pain finder's time.
        other_essential, other_spillover = self._gather(
            opposite, self._other_side_referrals, found) if opposite else ({}, {})
        # The few muscles whose match to some marked zone rests only on provisional zones.
        doubtful_zones, doubtful = self._doubtful
        doubted_muscles = set().union(*(doubtful_zones.get(z, ()) for z in here))
        far_doubtful: dict[str, frozenset[str]] = {}
        if opposite:
            far_zones, far_doubtful = self._other_side_doubtful
            doubted_muscles.update(*(far_zones.get(z, ()) for z in opposite))
        names, patterns = self._sort_names, self._patterns
        counts = self._essential_counts
        scores: dict[tuple[int, int], float] = {}  # few (near, far) pairs; round() is slow
        # Candidates with the same essential zones share their `shared`: at 100x the data, most.
        shares: dict[object, tuple[int, ...]] = {}
        # Muscles with the same referrals rest alike on provisional zones (`_index_doubts`).
        doubted: dict[tuple[int, int], tuple[tuple[str, ...], tuple[str, ...], float, bool]] = {}
        nothing: frozenset[str] = frozenset()
        # Muscles with the same trigger points are candidates alike but for their id and name:
        # the first is worked out, the others copy it (at 100x the data, all but a few).
        alike_points = self._alike_points
        made: dict[int, tuple[tuple[object, ...], tuple[object, ...]]] = {}
        ranked = []
        for muscle_id, matches in found.items():
            group = id(alike_points[muscle_id])
            done = made.get(group)
            if done is not None:
                ranking, fields = done
                ranked.append(((*ranking, names[muscle_id]),
                               Candidate._make((muscle_id, *fields))))
                continue
            essential = tuple(in_essential.get(muscle_id, ()))
            spillover = tuple(in_spillover.get(muscle_id, ()))
            if opposite:
                far_essential = tuple(other_essential.get(muscle_id, ()))
                far_spillover = tuple(other_spillover.get(muscle_id, ()))
                near = len(essential) + len(far_essential)
                far = len(spillover) + len(far_spillover)
            else:
                far_essential = far_spillover = ()
                near, far = len(essential), len(spillover)
            both = (essential, far_essential) if far_essential else essential
            shared = shares.get(both)
            if shared is None:
                shared = shares[both] = tuple(sorted(
                    [*(counts[z] for z in essential), *(counts[z] for z in far_essential)]))
            score = scores.get((near, far))
            if score is None:
                score = scores[near, far] = _weighed(near, far)
            if muscle_id not in doubted_muscles:
                provisional = far_provisional = ()
                doubt, only, weight = 0.0, False, score
            else:
                unsure = doubtful.get(muscle_id, nothing)
                far_unsure = far_doubtful.get(muscle_id, nothing)
                alike = (id(unsure), id(far_unsure))
                doubts = doubted.get(alike)
                if doubts is None:
                    provisional = tuple(z for z in (*essential, *spillover) if z in unsure)
                    far_provisional = tuple(z for z in (*far_essential, *far_spillover)
                                            if z in far_unsure)
                    # Essential only provisionally: weighed as spillover, and no rare zone.
                    settled = [z for z in essential if z not in unsure]
                    far_settled = [z for z in far_essential if z not in far_unsure]
                    doubtful_essential = near - len(settled) - len(far_settled)
                    doubts = doubted[alike] = (
                        provisional, far_provisional,
                        _unsettled(essential, provisional, far_essential, far_provisional),
                        bool(provisional or far_provisional)
                        and len(provisional) + len(far_provisional) == near + far,
                        _weighed(near - doubtful_essential, far, doubtful_essential),
                        tuple(sorted([*(counts[z] for z in settled),
                                      *(counts[z] for z in far_settled)]))
                        if doubtful_essential else shared)
                provisional, far_provisional, doubt, only, weight, shared = doubts
            trps = ((matches[0].trigger_point,) if len(matches) == 1
                    else tuple(dict.fromkeys([m.trigger_point for m in matches])))
            # `unmarked`, its memo read here: a call per candidate costs more than the look-up.
            unmarked = memo.get(id(patterns[muscle_id]))
            if unmarked is None:
                unmarked = self.unmarked(muscle_id, near_marked, far_marked, memo)
            # The sort key is made here, from what is at hand: at 100x the data, a key function
            # reading each candidate back costs a fifth of the query; `_make` skips the keyword
            # handling of the named tuple's own constructor, a tenth.
            ranking = (-weight, only, -(near + far), shared, doubt, unmarked)
            fields = (score, essential, spillover, trps, tuple(matches), far_essential,
                      far_spillover, unmarked, shared, provisional, far_provisional)
            made[group] = ranking, fields
            ranked.append(((*ranking, names[muscle_id]), Candidate._make((muscle_id, *fields))))
        ranked.sort(key=itemgetter(0))
        return [candidate for _, candidate in ranked]

    @staticmethod
    def _gather(marked: Iterable[str], index: _Referring,
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

    def area_scores(self, zones: Iterable[str]) -> dict[str, int]:
        """Muscle -> how many of the zones it refers to as essential, each counting more than
        all the zones there are, plus how many only as spillover: `find_sources` matches,
        counted alone for search (at 100x the data, building every candidate's reasons would
        take most of its 5 ms). A place named is not pain marked all over it: where a muscle
        refers in nearly everyone (essential) outranks any number of zones where it does in
        some (spillover). A zone essential only provisionally counts as spillover, as it weighs
        in `find_sources`: gluteus minimus' unsettled knee does not put it before biceps
        femoris, whose outer knee is settled. Whole numbers: a sum of fractions would tie or not
        by the order of its terms."""
        drawn = self.expand_zones(zones)
        essential_count = len(drawn) + 1
        scores: dict[str, int] = defaultdict(int)
        for zone in drawn:
            settled = self._settled_essential.get(zone, frozenset())
            for muscle_id in self.referrals.get(zone, {}):
                scores[muscle_id] += essential_count if muscle_id in settled else 1
        return scores

    @cached_property
    def _sort_names(self) -> dict[str, str]:
        return {muscle_id: m.name.casefold() for muscle_id, m in self.muscles.items()}

    @cached_property
    def _bands(self) -> dict[str, frozenset[str]]:
        """zone -> the muscles that refer pain there only as part of a band across both sides of
        the body: a trigger point with `bilateral` zones (rectus abdominis) reaches them, and the
        midline between them, on both sides at once."""
        across: dict[str, set[str]] = defaultdict(set)
        one_side: dict[str, set[str]] = defaultdict(set)
        for muscle in self.muscles.values():
            for trp in muscle.trigger_points:
                referral = trp.referral
                for zone in (*referral.essential, *referral.spillover):
                    midline = zone in self.zones and self.zones[zone].midline
                    band = bool(referral.bilateral) and (zone in referral.bilateral or midline)
                    (across if band else one_side)[zone].add(muscle.id)
        return {zone: frozenset(found - one_side[zone]) for zone, found in across.items()
                if found - one_side[zone]}

    def band_only(self, zones: list[str]) -> set[str]:
        """The muscles that refer pain to these zones only as a band across both sides."""
        found = set().union(*(self._bands.get(zone, ()) for zone in zones))
        return {muscle_id for muscle_id in found
                if all(muscle_id in self._bands.get(zone, ()) for zone in zones
                       if muscle_id in self.referrals.get(zone, {}))}
