"""Zone groups: zone ids that stand for drawn zones (`Zone.parts`: `lumbar_paraspinal` for its
upper and lower parts). A catalog resolves them once, when it is built, so that every muscle's
referrals name drawn zones only."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Set

from bodymap.model.schema import Muscle, Referral, Zone


def resolve_groups(zones: Mapping[str, Zone]) -> dict[str, Zone]:
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


def expand_referrals(muscle: Muscle, groups: Mapping[str, tuple[str, ...]]) -> Muscle:
    """The muscle with every group zone in its referrals replaced by the group's parts. A part
    that a TrP already lists as essential is not repeated as its spillover."""
    if not any(z in groups for trp in muscle.trigger_points for z in trp.referral.named()):
        return muscle
    points = []
    for trp in muscle.trigger_points:
        referral = trp.referral
        if not any(z in groups for z in referral.named()):
            points.append(trp)
            continue
        essential = _expand(referral.essential, groups)
        spillover = tuple(z for z in _expand(referral.spillover, groups) if z not in essential)
        points.append(dataclasses.replace(trp, referral=Referral(
            essential, spillover, _expand(referral.bilateral, groups),
            _expand(referral.provisional, groups))))
    return dataclasses.replace(muscle, trigger_points=tuple(points))


def _expand(zone_ids: Iterable[str], groups: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p for z in zone_ids for p in groups.get(z, (z,))))


def grouped(zone_ids: Iterable[str], groups: Mapping[str, tuple[str, ...]],
            *kinds: Set[str]) -> list[str]:
    """Zone ids with the parts of each group of `groups` (group -> its drawn parts) they all
    hold alike, each part in every one of `kinds` or in none of it, said as the group, in the
    place of its first part, the largest groups first (`Catalog.grouped`)."""
    said = list(dict.fromkeys(zone_ids))
    for group, parts in sorted(groups.items(), key=lambda group: -len(group[1])):
        if len(parts) > 1 and set(parts) <= set(said) and all(
                len({part in kind for part in parts}) == 1 for kind in kinds):
            first = min(said.index(part) for part in parts)
            said[first] = group
            said = [z for z in said if z not in parts]
    return said


def head_to_foot(zone_ids: Iterable[str], zones: Mapping[str, Zone],
                 groups: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Zone ids in the order `zones` lists them (zones.yaml: head to foot, the back and side's
    zones, then the front's), a group of `groups` where its first part is; unknown ids last
    (`Catalog.head_to_foot`)."""
    order = {zone: n for n, zone in enumerate(zones)}
    last = len(order)
    return sorted(zone_ids, key=lambda z: order.get(groups.get(z, (z,))[0], last)
                  if z in zones else last)
