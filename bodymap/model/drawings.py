"""What a pack defines that the body drawings cannot show.

The drawings are built in: a pack cannot add a shape. The diagram layer knows which muscles and
zones have one and hands their ids to the loader as plain strings (`Drawn`), so the model never
reads an SVG or imports Qt. A muscle with no shape is allowed (it is listed, found by search and
its referral painted), so it gets a note. A zone with no shape is never painted and cannot be
marked, which no teacher means, so it gets a warning at its id.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from bodymap.model.problems import Location, Problem
from bodymap.model.reader import did_you_mean
from bodymap.model.schema import Zone

# Ids that have a shape in some view, by the kind of what they name: "muscle" and "zone".
Drawn = Mapping[str, Set[str]]


def undrawn(drawn: Drawn, defined_at: Mapping[tuple[str, str], Location],
            zones: Mapping[str, Zone]) -> list[Problem]:
    """A note for each defined muscle and a warning for each defined zone with no shape (zone
    groups are never drawn themselves: their parts are)."""
    problems = []
    for (kind, item_id), where in defined_at.items():
        if item_id in drawn.get(kind, ()):
            continue
        if kind == "muscle":
            problems.append(where.problem(
                f"muscle '{item_id}' has no shape in the body drawings, which a pack cannot add: "
                "it is listed, found by search and its referral is painted, but it cannot be "
                "clicked on the body and its trigger points are not marked on it", note=True))
        elif kind == "zone" and not zones[item_id].is_group:
            problems.append(where.problem(
                f"zone '{item_id}' has no shape in the body drawings, so it is never painted "
                "and cannot be marked (a pack cannot add drawings): use a zone the drawings "
                f"have, or make '{item_id}' a group of them ('parts:' in place of 'views:')"
                f"{did_you_mean(item_id, drawn.get('zone', ()))}"))
    return problems
