"""The names a study card speaks of, as the student reads them: a muscle's, a trigger point's
label, a zone's with its side, a choice's label.

Each falls back on the id it was given, so a card whose muscle or zone a pack no longer has
still reads, rather than fail in the middle of a session.
"""

from __future__ import annotations

from collections.abc import Iterable

from bodymap.model import Catalog
from bodymap.model.prose import BOTH, listed, on_side
from bodymap.study.questions import AnyQuestion, is_choice


def muscle_name(catalog: Catalog, muscle_id: str) -> str:
    muscle = catalog.muscles.get(muscle_id)
    return muscle.name if muscle else muscle_id


def trp_label(catalog: Catalog, muscle_id: str, trp_id: str) -> str:
    muscle = catalog.muscles.get(muscle_id)
    try:
        return muscle.trigger_point(trp_id).label if muscle else trp_id
    except KeyError:
        return trp_id


def zone_name(catalog: Catalog, zone_id: str, side: str | None) -> str:
    zone = catalog.zones.get(zone_id)
    return on_side(zone.label if zone else zone_id, side)


def zones_named(catalog: Catalog, zone_ids: Iterable[str], both_sides: Iterable[str] = (),
                said: bool = False) -> str:
    """Zone names, listed after a colon ("A, B, C") or, `said` in a sentence, as one
    ("A, B and C"); those in `both_sides` (a bilateral referral) say "both sides"."""
    both_sides = set(both_sides)
    # Head to foot, as the muscle's page lists a referral, an area whose parts are all here
    # alike said whole ("Lower buttock"), as the page and the pain finder say it.
    zones = catalog.head_to_foot(catalog.grouped(zone_ids, both_sides))
    names = [zone_name(catalog, z, BOTH if catalog.in_kind(z, both_sides) else None)
             for z in zones]
    return listed(names) if said else ", ".join(names)


def choice_label(question: AnyQuestion, key: str | tuple[str, ...] | None) -> str:
    """What the student read for the choice `key` of a multiple-choice question."""
    if is_choice(question):
        for choice in question.choices:
            if choice.key == key:
                return choice.label
    return str(key)
