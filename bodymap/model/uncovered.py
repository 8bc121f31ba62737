"""Marked pain the data has no muscle for: which zones, what the data does cover, and the zones
next to them that some muscle refers to, said in a sentence or two a student reads at a glance."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from bodymap.model.catalog import Catalog
from bodymap.model.prose import listed, on_side
from bodymap.model.schema import GROUP_NAMES, GROUPS

Mark = tuple[str, str | None]  # a drawn zone and its side; None for a midline zone


def covered(catalog: Catalog) -> str:
    """The parts of the body the catalog's muscles are from, by their groups, in words: "hip,
    low back and abdominal wall"."""
    groups = {muscle.group for muscle in catalog.muscles.values()}
    return listed(GROUP_NAMES[g].lower() for g in GROUPS if g in groups)


def places_to_try(catalog: Catalog, unexplained: Iterable[Mark],
                  neighbours: Mapping[Mark, Sequence[Mark]], marked: Collection[Mark],
                  most: int = 2) -> list[Mark]:
    """Up to `most` zones drawn next to the unexplained marks that some muscle refers to, none
    of them marked, nearest first: `neighbours` gives each mark's in order (as
    `diagram.zone_neighbours` does, the longest shared edge first), and each mark's nearest
    comes before any mark's second. A sided mark's places are on its own side (or the midline);
    a midline mark's are named once for both sides, without a side."""
    places: dict[Mark, int] = {}
    for zone, side in unexplained:
        nearest = [(near, near_side if side is not None else None)
                   for near, near_side in neighbours.get((zone, side), ())
                   if (near, near_side) not in marked and near != zone
                   and (side is None or near_side in (side, None))]
        referred = [place for place in dict.fromkeys(nearest)
                    if catalog.find_sources([place[0]])]
        for n, place in enumerate(referred):
            places.setdefault(place, n)
    return sorted(places, key=places.__getitem__)[:most]


def beyond_the_data(catalog: Catalog, unexplained: list[Mark],
                    neighbours: Mapping[Mark, Sequence[Mark]], marked: Collection[Mark]) -> str:
    """What to say of marked zones no muscle in the data refers to ("" when there are none).
    When nothing marked is explained (the zones were just named): "No muscle in the data refers
    there", what the data covers, and a zone or two next to them that muscles do refer to, places
    to try. When some are, which ones are not, and what the data covers."""
    if not unexplained:
        return ""
    areas = covered(catalog)
    if set(marked) - set(unexplained):  # some are explained: the list is not empty
        names = listed((on_side(catalog.zones[z].label, s) for z, s in unexplained), "or")
        return f"No candidate refers to {names}: the data holds {areas} muscles only."
    said = f"No muscle in the data refers there: it holds {areas} muscles only."
    places = places_to_try(catalog, unexplained, neighbours, marked)
    if not places:
        return said
    where = listed(on_side(catalog.zones[z].label, s) for z, s in places)
    them = "it" if len(unexplained) == 1 else "them"
    return f"{said} Next to {them}, muscles refer to {where}."
