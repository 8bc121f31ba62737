"""Which zones are drawn next to which (`zone_neighbours`), read off the views' outlines."""

from __future__ import annotations

from bodymap.diagram import VIEWS, load_view, zone_neighbours


def test_touching_goes_both_ways():
    near = zone_neighbours()
    for key, others in near.items():
        assert key not in others
        for other in others:
            assert key in near[other]
    # The two sides touch where the drawing meets them, the abdomen at the midline.
    assert ("lower_abdomen", "R") in near["lower_abdomen", "L"]


def test_every_drawn_zone_has_a_neighbour_on_each_of_its_sides():
    drawn = {(r.target, r.side) for name in VIEWS for side in ("L", "R")
             for r in load_view(name, side).regions.values() if r.kind == "zone"}
    assert set(zone_neighbours()) == drawn


def test_the_lower_calf_lies_under_the_upper_calf_far_from_the_buttock():
    below_knee = set(zone_neighbours()["calf_lower", "L"])
    assert {("calf_upper_medial", "L"), ("calf_upper_lateral", "L")} <= below_knee
    assert ("buttock", "L") not in below_knee
    assert ("calf_upper_medial", "R") not in below_knee
    # A midline zone lies between the sides: the lower sacrum, below the line of the PSIS
    # dimples, touches both SI joints, which run just below and beside them, and the upper
    # sacrum above it.
    lower_sacrum = set(zone_neighbours()["sacrum_lower", None])
    assert {("si_joint", "L"), ("si_joint", "R"), ("sacrum_upper", None)} <= lower_sacrum


def test_the_longest_shared_border_comes_first():
    # The upper lumbar spine is a narrow strip down the midline: its long sides border the
    # paraspinal ridges, its short ends the spine above and below.
    first = zone_neighbours()["lumbar_spine_upper", None][:2]
    assert set(first) == {("lumbar_paraspinal_upper", "L"), ("lumbar_paraspinal_upper", "R")}
