"""What is said of marked pain no muscle in the data refers to (`model.uncovered`)."""

from __future__ import annotations

from bodymap.model import Catalog
from bodymap.model.uncovered import beyond_the_data, covered, places_to_try


def only(catalog: Catalog, group: str) -> Catalog:
    """The catalog with the muscles of one group alone, as a teacher's data might be."""
    return Catalog({k: m for k, m in catalog.muscles.items() if m.group == group},
                   catalog.zones, catalog.sources, catalog.guidance, [])


def test_what_the_data_covers_is_its_muscles_groups(catalog):
    assert covered(catalog) == "hip, low back and abdominal wall"
    assert covered(only(catalog, "low_back")) == "low back"
    said = beyond_the_data(only(catalog, "hip"), [("calf_lower", "L")], {}, [("calf_lower", "L")])
    assert said == "No muscle in the data refers there: it holds hip muscles only."


def test_places_to_try_are_the_nearest_unmarked_zones_muscles_refer_to(catalog):
    neighbours = {("calf_lower", "L"): (("calf_lower", "R"), ("anterior_leg", "L"),
                                         ("calf_upper_medial", "R"), ("calf_upper_medial", "L"),
                                         ("calf_upper_lateral", "L"), ("lateral_leg", "L")),
                  ("lumbar_spine_upper", None): (("lumbar_paraspinal_upper", "R"),
                                                 ("lumbar_paraspinal_upper", "L"))}
    # Not the same zone across the body, nor one no muscle refers to (the front of the lower
    # leg), nor the other side's, nor one marked already: the nearest two of the rest.
    marked = {("calf_lower", "L")}
    assert places_to_try(catalog, marked, neighbours, marked) == [
        ("calf_upper_medial", "L"), ("calf_upper_lateral", "L")]
    marked.add(("calf_upper_medial", "L"))
    assert places_to_try(catalog, [("calf_lower", "L")], neighbours, marked) == [
        ("calf_upper_lateral", "L"), ("lateral_leg", "L")]
    # A midline zone's neighbours on both sides are one place, named without a side.
    assert places_to_try(catalog, [("lumbar_spine_upper", None)], neighbours,
                         {("lumbar_spine_upper", None)}) == [("lumbar_paraspinal_upper", None)]
