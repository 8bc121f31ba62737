"""The pain finder: marked zones -> ranked candidate muscles, each explained."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from helpers.packs import VALID_MUSCLE, write_pack

from bodymap.model import Catalog, ZoneMatch, load_catalog
from bodymap.model.schema import Referral, TriggerPoint


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    pack = write_pack(tmp_path_factory.mktemp("pack"), {"pack_muscle": VALID_MUSCLE})
    return load_catalog([pack])


def synthetic(base: Catalog, **referrals: list[tuple[list[str], list[str]]]) -> Catalog:
    """A catalog of muscles named by the keyword, each TrP given as (essential, spillover)."""
    template = base.muscles["pack_muscle"]
    muscles = {}
    for name, trps in referrals.items():
        points = tuple(
            TriggerPoint(f"trp{i}", f"TrP{i}", "here", Referral(tuple(e), tuple(s)), ("x",))
            for i, (e, s) in enumerate(trps, start=1)
        )
        muscles[name] = dataclasses.replace(template, id=name, name=name.title(),
                                            trigger_points=points)
    return Catalog(muscles, base.zones, base.sources, base.guidance, [])


def ranked(catalog: Catalog, zones: list[str]) -> list[str]:
    return [c.muscle_id for c in catalog.find_sources(zones)]


def test_one_essential_match_beats_two_spillover_matches(base: Catalog):
    catalog = synthetic(base, beta=[(["sacrum_lower"], [])],
                        gamma=[(["calf_lower"], ["sacrum_lower", "coccyx"])])
    candidates = catalog.find_sources(["sacrum_lower", "coccyx"])
    assert [c.muscle_id for c in candidates] == ["beta", "gamma"]
    assert [c.score for c in candidates] == [1.0, 0.8]


def test_ties_break_by_zone_count_then_name(base: Catalog):
    zones = ["sacrum_lower", "coccyx", "buttock", "calf_lower", "groin"]
    catalog = synthetic(
        base,
        two_essential=[(["sacrum_lower", "coccyx"], [])],  # 2.0 from two zones
        five_spillover=[(["flank"], zones)],          # 5 x 0.4 = 2.0 from five zones
        also_two_essential=[(["buttock", "calf_lower"], [])],
    )
    assert ranked(catalog, zones) == ["five_spillover", "also_two_essential", "two_essential"]


def test_then_by_how_closely_a_pattern_fits_the_marked_pain(base: Catalog):
    # Level on score and zone count: the muscle whose trigger point refers to the sacrum and
    # little else fits sacral pain better than one whose pattern spreads over the leg too.
    catalog = synthetic(base, alpha=[(["sacrum_lower", "buttock", "calf_lower", "groin"], [])],
                        beta=[(["calf_lower"], []), (["sacrum_lower"], ["coccyx"])])
    (alpha, beta) = sorted(catalog.find_sources(["sacrum_lower"]), key=lambda c: c.muscle_id)
    assert (alpha.score, alpha.zone_count) == (beta.score, beta.zone_count)
    assert (alpha.unmarked, beta.unmarked) == (3, 1)  # beta's TrP2: the coccyx only
    assert ranked(catalog, ["sacrum_lower"]) == ["beta", "alpha"]


def test_then_by_how_few_muscles_refer_its_essential_zones_as_essential(base: Catalog):
    # Level on score and zone count: three muscles refer to the buttock as essential and reach
    # the calf as spillover; one refers to the calf as essential and the buttock as spillover.
    # Buttock pain is explained by any of the three; calf pain, in nearly everyone, only by the
    # last: it leads, though its pattern runs on to zones not marked.
    catalog = synthetic(base, alpha=[(["buttock"], ["calf_lower"])],
                        beta=[(["buttock"], ["calf_lower"])],
                        gamma=[(["buttock"], ["calf_lower"])],
                        omega=[(["calf_lower", "posterior_knee_lateral", "lateral_ankle"],
                                ["buttock"])])
    candidates = catalog.find_sources(["buttock", "calf_lower"])
    assert len({(c.score, c.zone_count) for c in candidates}) == 1
    assert candidates[0].muscle_id == "omega"
    assert candidates[0].unmarked > max(c.unmarked for c in candidates[1:])
    assert [c.shared for c in candidates] == [(1,), (3,), (3,), (3,)]
    # A zone marked on the other side of the body is the same place to the muscles of that
    # side: it counts every muscle that refers there, not only those that reach across to it
    # (`one_side` refers to its own SI joint as `band` does).
    band = bilateral_catalog(base).find_sources(["si_joint"], other_side=["si_joint"])[0]
    assert (band.muscle_id, band.shared) == ("band", (2, 2))


def test_zone_essential_for_one_trp_and_spillover_for_another_counts_as_essential(base: Catalog):
    catalog = synthetic(base, delta=[(["sacrum_lower"], []), (["calf_lower"], ["sacrum_lower"])])
    (candidate,) = catalog.find_sources(["sacrum_lower"])
    assert candidate.score == 1.0
    assert candidate.essential == ("sacrum_lower",)
    assert candidate.spillover == ()
    assert candidate.trigger_points == ("trp1", "trp2")


def test_candidate_explains_each_match(base: Catalog):
    catalog = synthetic(base, eps=[(["buttock"], ["posterior_thigh_upper_medial"]),
                                   (["calf_lower"], [])])
    (candidate,) = catalog.find_sources(["posterior_thigh_upper_medial", "buttock", "groin"])
    assert candidate.essential == ("buttock",)
    assert candidate.spillover == ("posterior_thigh_upper_medial",)
    assert candidate.trigger_points == ("trp1",)
    assert {(m.zone, m.trigger_point, m.kind) for m in candidate.matches} == {
        ("buttock", "trp1", "essential"), ("posterior_thigh_upper_medial", "trp1", "spillover"),
    }


# -- provisional zones: shown, but the sources do not settle them --------------------------------

def provisional_catalog(base: Catalog) -> Catalog:
    """`alpha` and `omega` refer to the SI joint and the buttock alike, but the sources do not
    settle alpha's SI joint; `mixed` refers to the SI joint as essential only provisionally, and
    as spillover from a settled TrP."""
    template = base.muscles["pack_muscle"]

    def muscle(name: str, *points: TriggerPoint):
        return dataclasses.replace(template, id=name, name=name.title(), trigger_points=points)

    return Catalog({
        "alpha": muscle("alpha", TriggerPoint("trp1", "TrP1", "here", Referral(
            ("si_joint", "buttock"), (), bilateral=("si_joint",), provisional=("si_joint",)),
            ("x",))),
        "omega": muscle("omega", TriggerPoint("trp1", "TrP1", "here", Referral(
            ("si_joint", "buttock"), ()), ("x",))),
        "mixed": muscle("mixed", TriggerPoint("trp1", "TrP1", "here", Referral(
            ("si_joint",), (), provisional=("si_joint",)), ("x",)),
            TriggerPoint("trp2", "TrP2", "here", Referral(("calf",), ("si_joint",)), ("x",))),
    }, base.zones, base.sources, base.guidance, [])


def test_a_match_resting_only_on_a_provisional_zone_ranks_below_an_equal_settled_one(
        base: Catalog):
    catalog = provisional_catalog(base)
    # Equal in all else, alpha would lead by name; its SI joint is provisional.
    found = catalog.find_sources(["si_joint"])
    assert [c.score for c in found] == [1.0, 1.0, 1.0]
    assert found[0].muscle_id == "omega"
    omega, alpha, mixed = (next(c for c in found if c.muscle_id == m)
                           for m in ("omega", "alpha", "mixed"))
    assert (omega.provisional, omega.only_provisional, omega.unsettled) == ((), False, 0.0)
    assert (alpha.provisional, alpha.only_provisional, alpha.unsettled) == (
        ("si_joint",), True, 1.0)
    assert alpha.matches == (ZoneMatch("si_joint", "trp1", "essential", False, True),)
    # Essential only provisionally: its weight rests on that, whatever settled spillover
    # reaches the zone too.
    assert mixed.essential == ("si_joint",) and mixed.provisional == ("si_joint",)
    assert {(m.trigger_point, m.kind, m.provisional) for m in mixed.matches} == {
        ("trp1", "essential", True), ("trp2", "spillover", False)}


def test_a_match_resting_partly_on_a_provisional_zone_says_which(base: Catalog):
    catalog = provisional_catalog(base)
    found = catalog.find_sources(["si_joint", "buttock"])
    assert [c.muscle_id for c in found[:2]] == ["omega", "alpha"]
    alpha = found[1]
    assert (alpha.score, alpha.provisional, alpha.only_provisional, alpha.unsettled) == (
        2.0, ("si_joint",), False, 1.0)
    # Reached across the body by a bilateral referral, it stays provisional there.
    (across,) = catalog.find_sources([], other_side=["si_joint"])
    assert (across.muscle_id, across.other_essential, across.other_provisional) == (
        "alpha", ("si_joint",), ("si_joint",))
    assert across.only_provisional and across.provisional == ()


# -- bilateral referral: felt on both sides whatever the side of the muscle -----------------------

def bilateral_catalog(base: Catalog) -> Catalog:
    """`band` refers a band across the low back (SI joint essential, buttock spillover, both
    on both sides) and the calf on its own side; `one_side` refers to the SI joint only on its
    own side."""
    template = base.muscles["pack_muscle"]
    band = TriggerPoint("trp1", "TrP1", "here", Referral(
        ("si_joint", "calf_lower"), ("buttock",), bilateral=("si_joint", "buttock")), ("x",))
    one_side = TriggerPoint("trp1", "TrP1", "here", Referral(("si_joint",), ()), ("x",))
    muscles = {
        "band": dataclasses.replace(template, id="band", name="Band", trigger_points=(band,)),
        "one_side": dataclasses.replace(template, id="one_side", name="One side",
                                        trigger_points=(one_side,)),
    }
    return Catalog(muscles, base.zones, base.sources, base.guidance, [])


def test_zones_marked_on_the_other_side_reach_only_a_bilateral_referral(base: Catalog):
    catalog = bilateral_catalog(base)
    # The SI joint marked on both sides, the buttock and the calf on the other side only.
    candidates = catalog.find_sources(["si_joint"],
                                      other_side=["si_joint", "buttock", "calf_lower"])
    assert [(c.muscle_id, c.score) for c in candidates] == [("band", 2.4), ("one_side", 1.0)]
    band, one_side = candidates
    assert band.essential == ("si_joint",) and band.spillover == ()
    assert band.other_essential == ("si_joint",) and band.other_spillover == ("buttock",)
    assert {(m.zone, m.kind, m.other_side) for m in band.matches} == {
        ("si_joint", "essential", False), ("si_joint", "essential", True),
        ("buttock", "spillover", True)}
    assert one_side.other_essential == () and one_side.other_spillover == ()  # calf: own side


def test_a_bilateral_referral_is_found_from_the_other_side_alone(base: Catalog):
    catalog = bilateral_catalog(base)
    (candidate,) = catalog.find_sources([], other_side=["si_joint"])
    assert (candidate.muscle_id, candidate.score) == ("band", 1.0)
    assert candidate.essential == () and candidate.other_essential == ("si_joint",)


def test_without_other_side_marks_nothing_changes(base: Catalog):
    catalog = bilateral_catalog(base)
    # Level on score; one_side's whole pattern is the SI joint, so it fits the mark best.
    assert [(c.muscle_id, c.score) for c in catalog.find_sources(["si_joint"])] == [
        ("one_side", 1.0), ("band", 1.0)]


def test_a_band_marked_on_one_side_leaves_its_other_side_unmarked(base: Catalog):
    catalog = bilateral_catalog(base)
    # band's pattern: the SI joint, calf and buttock on its own side, and the SI joint and
    # buttock on the other. Pain at one SI joint leaves four of its zones without pain.
    band = next(c for c in catalog.find_sources(["si_joint"]) if c.muscle_id == "band")
    assert band.unmarked == 4
    # The other SI joint marked too: only the calf and both buttocks are left.
    (band, _) = catalog.find_sources(["si_joint"], other_side=["si_joint"])
    assert (band.muscle_id, band.unmarked) == ("band", 3)


def test_a_zone_marked_on_the_other_side_is_no_pain_on_this_one(base: Catalog):
    # `wide` refers to the SI joint and the buttock on its own side only. The left SI joint
    # and the right buttock marked: the left muscle's pattern still has its buttock unmarked.
    catalog = synthetic(base, wide=[(["si_joint", "buttock"], [])])
    (wide,) = catalog.find_sources(["si_joint"], other_side=["buttock"])
    assert (wide.score, wide.unmarked) == (1.0, 1)


def test_the_low_back_marked_on_one_side_fits_rectus_abdominis_no_better_than_iliopsoas(
        catalog: Catalog):
    # The reference: rectus abdominis refers a band across both sides of the low back, a band
    # on one side points to iliopsoas. Marked on one side, rectus abdominis's band leaves the
    # SI joint, low lumbar spine, sacrum (its upper and lower parts) and lower abdomen of its
    # own side unmarked, and the other side's SI joint and low back: seven zones, as many as
    # iliopsoas's pattern down the back, over the sacrum, to the groin and thigh. It no longer
    # fits better; the two tie and go by name.
    found = catalog.find_sources(["lumbar_paraspinal_lower"])
    rectus, iliopsoas = (next(c for c in found if c.muscle_id == m)
                         for m in ("rectus_abdominis", "iliopsoas"))
    # Five muscles refer there as essential, four in a settled way (longissimus's levels are
    # provisional), and that is what the rarity counts.
    assert (rectus.score, rectus.shared) == (iliopsoas.score, iliopsoas.shared) == (1.0, (4,))
    assert (rectus.unmarked, iliopsoas.unmarked) == (7, 7)
    assert found.index(iliopsoas) < found.index(rectus)


def one_trp_catalog(base: Catalog, **referrals: Referral) -> Catalog:
    """A catalog of muscles named by the keyword, each with one TrP of that referral."""
    template = base.muscles["pack_muscle"]
    return Catalog({name: dataclasses.replace(template, id=name, name=name.title(),
                                              trigger_points=(TriggerPoint(
                                                  "trp1", "TrP1", "here", referral, ("x",)),))
                    for name, referral in referrals.items()},
                   base.zones, base.sources, base.guidance, [])


def test_a_place_searched_is_on_one_side_for_the_fit_of_a_band(base: Catalog):
    # Level on everything else, search breaks ties by the fit of the pattern as the pain
    # finder does. `alpha` refers to the SI joint and its own buttock, and to the buttock on
    # the other side too; `omega` to the SI joint and its own buttock only. A place named is
    # pain on one side: alpha's other buttock is one more zone left without pain.
    catalog = one_trp_catalog(
        base, alpha=Referral(("si_joint", "buttock"), (), bilateral=("buttock",)),
        omega=Referral(("si_joint", "buttock"), ()))
    assert [m.id for m in catalog.search("sacroiliac joint")] == ["omega", "alpha"]


def test_a_place_searched_across_both_sides_is_marked_on_both_for_the_fit(base: Catalog):
    # `zeta` refers a band across both SI joints and to its own buttock; `alpha` to its own SI
    # joint, buttock and coccyx. Asked across both sides, both SI joints are the place: zeta
    # leaves one zone of its pattern out, alpha two.
    catalog = one_trp_catalog(
        base, zeta=Referral(("si_joint", "buttock"), (), bilateral=("si_joint",)),
        alpha=Referral(("si_joint", "buttock", "coccyx"), ()))
    assert [m.id for m in catalog.search("across the sacroiliac joints")] == ["zeta", "alpha"]
    # On one side, zeta's band comes after a muscle that refers there on its own side.
    assert [m.id for m in catalog.search("sacroiliac joint")] == ["alpha", "zeta"]


def test_a_band_across_the_low_back_points_to_rectus_abdominis(catalog: Catalog):
    # The reference: a horizontal band across the low back points to rectus abdominis, a
    # vertical band beside the spine on one side to iliopsoas.
    across = ["si_joint", "lumbar_paraspinal_lower"]
    candidates = catalog.find_sources(across, other_side=across)
    assert (candidates[0].muscle_id, candidates[0].score) == ("rectus_abdominis", 4.0)
    assert candidates[0].other_essential == ("si_joint", "lumbar_paraspinal_lower")
    iliopsoas = next(c for c in candidates if c.muscle_id == "iliopsoas")
    assert iliopsoas.score == 2.0 and iliopsoas.other_essential == ()
    vertical = ["lumbar_paraspinal_upper", "lumbar_paraspinal_lower", "si_joint"]
    assert ranked(catalog, vertical)[0] == "iliopsoas"


def test_a_zone_reached_across_the_body_is_no_rarer_for_it(catalog: Catalog):
    # Both SI joints and both buttocks marked, the left side asked. Left gluteus medius,
    # piriformis and gluteus maximus refer to the left SI joint and buttock; left rectus
    # abdominis to both SI joints, in its band. Level on score and zones, the right SI joint is
    # no rarer a place than the left (seven muscles refer there, those of the right side): the
    # muscles whose zones include the buttock, which fewer muscles refer to, stay ahead.
    marked = ["si_joint", "buttock"]
    found = catalog.find_sources(marked, other_side=marked)
    band = next(c for c in found if c.muscle_id == "rectus_abdominis")
    assert band.score == 2.0 and band.other_essential == ("si_joint",)
    assert band.shared == (7, 7)
    assert {c.muscle_id for c in found[:3]} == {"gluteus_medius", "piriformis", "gluteus_maximus"}
    assert all(c.score == 2.0 and c.shared == (4, 7) for c in found[:3])


# -- zone groups: an old zone id stands for the parts it was split into ---------------------------

def test_a_referral_to_a_group_is_a_referral_to_its_parts(base: Catalog):
    catalog = synthetic(base, old=[(["lumbar_paraspinal"], ["posterior_thigh"])])
    referral = catalog.muscles["old"].trigger_point("trp1").referral
    assert referral.essential == ("lumbar_paraspinal_upper", "lumbar_paraspinal_lower")
    # posterior_thigh_upper and posterior_thigh_lower were split in their turn, into inner and
    # outer halves, and the lower ones again at two-thirds of the way down
    assert referral.spillover == ("posterior_thigh_upper_medial", "posterior_thigh_upper_lateral",
                                  "posterior_thigh_middle_medial",
                                  "posterior_thigh_middle_lateral",
                                  "posterior_thigh_distal_medial",
                                  "posterior_thigh_distal_lateral")
    (candidate,) = catalog.find_sources(["lumbar_paraspinal_upper"])
    assert candidate.essential == ("lumbar_paraspinal_upper",)


def test_a_part_already_essential_is_not_repeated_as_spillover(base: Catalog):
    catalog = synthetic(base, mixed=[(["lumbar_paraspinal_lower"], ["lumbar_paraspinal"])])
    referral = catalog.muscles["mixed"].trigger_point("trp1").referral
    assert referral.essential == ("lumbar_paraspinal_lower",)
    assert referral.spillover == ("lumbar_paraspinal_upper",)


def test_marking_a_group_marks_its_parts(base: Catalog):
    catalog = synthetic(base, low=[(["lumbar_paraspinal_lower"], [])],
                        whole=[(["lumbar_paraspinal_upper", "lumbar_paraspinal_lower"], [])])
    candidates = catalog.find_sources(["lumbar_paraspinal"])
    assert [(c.muscle_id, c.score) for c in candidates] == [("whole", 2.0), ("low", 1.0)]
    assert candidates[0].essential == ("lumbar_paraspinal_upper", "lumbar_paraspinal_lower")
    # a group and one of its parts marked together count that part once
    assert catalog.find_sources(["lumbar_paraspinal", "lumbar_paraspinal_lower"]) == candidates


def test_zone_parts_and_expand_zones(base: Catalog):
    assert base.zone_parts("coccyx") == ("coccyx",)
    assert base.zone_parts("sacrum") == ("sacrum_upper", "sacrum_lower")
    upper = ("posterior_thigh_upper_medial", "posterior_thigh_upper_lateral")
    thigh = (*upper, "posterior_thigh_middle_medial", "posterior_thigh_middle_lateral",
             "posterior_thigh_distal_medial", "posterior_thigh_distal_lateral")
    assert base.zone_parts("posterior_thigh") == thigh
    assert base.zone_parts("posterior_thigh_upper") == upper
    assert base.zone_parts("posterior_knee") == ("posterior_knee_medial", "posterior_knee_lateral")
    assert base.expand_zones(["calf_upper", "posterior_thigh", "posterior_thigh_upper"]) == [
        "calf_upper_medial", "calf_upper_lateral", *thigh]
    with pytest.raises(KeyError, match="butock"):
        base.zone_parts("butock")
    # a group of midline parts is itself midline; it is drawn nowhere itself
    assert base.zones["lumbar_spine"].midline and base.zones["lumbar_spine"].views == ()
    assert not base.zones["lumbar_paraspinal"].midline


def test_grouped_says_the_parts_of_a_group_as_the_group(base: Catalog):
    thigh = base.zone_parts("posterior_thigh")
    assert base.grouped(["sacrum", *thigh, "calf_upper_lateral"]) == [
        "sacrum", "posterior_thigh", "calf_upper_lateral"]  # the largest group; half a calf
    assert base.grouped(["posterior_thigh_middle_lateral", "posterior_knee_medial",
                         "posterior_thigh_distal_lateral", "posterior_knee_lateral"]) == [
        "posterior_thigh_lower_lateral", "posterior_knee"]  # in its first part's place
    assert base.expand_zones(base.grouped(thigh)) == list(thigh)


def test_no_candidates_where_nothing_refers(base: Catalog):
    catalog = synthetic(base, zeta=[(["sacrum_lower"], [])])
    assert catalog.find_sources(["calf_lower"]) == []
    assert catalog.find_sources([]) == []


def test_unknown_zone_is_an_error(base: Catalog):
    with pytest.raises(KeyError, match="butock"):
        base.find_sources(["butock"])


# -- the built-in data answers the questions the reference answers ------------------------------

def test_lateral_leg_to_ankle_points_to_gluteus_minimus(catalog: Catalog):
    assert ranked(catalog, ["lateral_leg", "lateral_ankle"])[0] == "gluteus_minimus"


def test_coccyx_pain_puts_gluteus_maximus_near_the_top(catalog: Catalog):
    assert "gluteus_maximus" in ranked(catalog, ["coccyx"])[:3]
    gmax = next(c for c in catalog.find_sources(["coccyx"]) if c.muscle_id == "gluteus_maximus")
    assert gmax.trigger_points == ("trp3",)  # the lowest, most medial TrP; not TrP2


def test_groin_pain_puts_iliopsoas_near_the_top(catalog: Catalog):
    assert "iliopsoas" in ranked(catalog, ["groin"])[:3]


def test_trochanter_pain_includes_quadratus_lumborum_lower_superficial_trp(catalog: Catalog):
    ql = next(c for c in catalog.find_sources(["greater_trochanter"])
              if c.muscle_id == "quadratus_lumborum")
    assert "trp2" in ql.trigger_points


def test_trochanter_pain_ranks_tfl_and_ql_then_gluteus_minimus_anterior_trp(catalog: Catalog):
    # The reference: tensor fasciae latae and QL's lower superficial TrP refer over the greater
    # trochanter; gluteus minimus's anterior TrPs refer from the lower outer buttock down the
    # outer thigh, past the trochanter, which the manual does not name (so spillover only);
    # gluteus medius's three TrPs stay above it.
    found = catalog.find_sources(["greater_trochanter"])
    assert {c.muscle_id for c in found[:2]} == {"tensor_fasciae_latae", "quadratus_lumborum"}
    assert all(c.essential == ("greater_trochanter",) for c in found[:2])
    gmin = found[2]
    assert gmin.muscle_id == "gluteus_minimus"
    assert (gmin.score, gmin.essential, gmin.spillover) == (0.4, (), ("greater_trochanter",))
    assert gmin.matches == (ZoneMatch("greater_trochanter", "trp1", "spillover"),)
    assert "gluteus_medius" not in [c.muscle_id for c in found]


def test_outer_hip_thigh_and_leg_pain_points_to_gluteus_minimus_first(catalog: Catalog):
    # Pain over the outer hip running down the side of the thigh and leg is the anterior gluteus
    # minimus pattern ("pseudo-sciatica"), ahead of tensor fasciae latae, which stops at the knee.
    zones = ["greater_trochanter", "lateral_thigh", "lateral_leg"]
    first, second = catalog.find_sources(zones)[:2]
    assert (first.muscle_id, second.muscle_id) == ("gluteus_minimus", "tensor_fasciae_latae")
    assert first.trigger_points == ("trp1",)
    assert (first.essential, first.spillover) == (("lateral_thigh", "lateral_leg"),
                                                  ("greater_trochanter",))
    assert first.score > second.score


def test_buttock_and_upper_back_of_thigh_point_to_gluteus_minimus_first(catalog: Catalog):
    # The reference: gluteus minimus, the "pseudo-sciatica" muscle, refers from its posterior
    # TrPs down the back of the thigh to the calf, the farthest of the gluteals. Gluteus medius
    # (TrP2), piriformis and gluteus maximus refer to the buttock and reach the upper back of
    # the thigh only in some people (spillover). Each explains the marked pain as much, but the
    # back of the thigh in nearly everyone points to gluteus minimus alone.
    # (The upper back of the thigh, marked whole, is its inner and outer halves.)
    found = catalog.find_sources(["buttock", "posterior_thigh_upper"])
    upper = ("posterior_thigh_upper_medial", "posterior_thigh_upper_lateral")
    first = found[0]
    assert first.muscle_id == "gluteus_minimus"
    assert first.essential == upper and first.trigger_points == ("trp2",)
    assert {c.muscle_id for c in found[1:4]} == {"gluteus_medius", "piriformis",
                                                 "gluteus_maximus"}
    assert all(c.essential == ("buttock",) and c.spillover == upper for c in found[1:4])
    # bodymap's own reading puts the middle buttock in its spillover, unverified: the thigh,
    # in nearly everyone, is settled, so it leads still, and says which zone is not.
    assert (first.provisional, first.only_provisional) == (("buttock",), False)


def test_a_settled_spillover_comes_before_provisional_ones(catalog: Catalog):
    # The upper buttock: gluteus maximus refers there in nearly everyone; iliopsoas, gluteus
    # medius (TrP1) and longissimus (TrP2) reach it as spillover, the last two only in a
    # reading the sources do not settle. The settled match comes first.
    found = catalog.find_sources(["upper_buttock"])
    assert [c.muscle_id for c in found[:2]] == ["gluteus_maximus", "iliopsoas"]
    assert {c.muscle_id for c in found[2:]} == {"gluteus_medius", "longissimus_thoracis"}
    assert all(c.only_provisional and c.score == 0.4 for c in found[2:])
    # The low lumbar paraspinal: longissimus's levels are not settled; the muscles that refer
    # there for certain come before it.
    low_back = catalog.find_sources(["lumbar_paraspinal_lower"])
    essential = [c.muscle_id for c in low_back if c.score == 1.0]
    assert essential[-1] == "longissimus_thoracis" and len(essential) == 5


def test_si_joint_and_buttock_rank_gluteals_and_piriformis(catalog: Catalog):
    top = ranked(catalog, ["si_joint", "buttock"])[:5]
    assert "piriformis" in top
    assert "gluteus_medius" in top or "gluteus_maximus" in top


def test_pack_muscle_joins_the_ranking(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    catalog = load_catalog([pack])
    assert "pack_muscle" in ranked(catalog, ["buttock"])


def test_a_zone_essential_only_provisionally_weighs_as_spillover(catalog: Catalog):
    # Gluteus minimus's pattern has the back of the knee as essential, provisionally: its
    # score counts it as drawn, its weight as spillover, as biceps femoris's settled thigh is.
    # On equal weight and zones, the outer knee is as rare as minimus's thigh (no other settled
    # essential referral reaches either), and biceps femoris rests on nothing provisional.
    # (The outer halves: across the whole width, minimus explains the inner halves too; and the
    # lowest outer thigh, just above the knee, one zone of the thigh as the knee is one.)
    biceps, minimus = catalog.find_sources(["posterior_knee_lateral",
                                            "posterior_thigh_distal_lateral"])[:2]
    assert (biceps.muscle_id, minimus.muscle_id) == ("biceps_femoris", "gluteus_minimus")
    assert (minimus.score, minimus.weight, minimus.provisional) == (
        2.0, 1.4, ("posterior_knee_lateral",))
    assert (biceps.score, biceps.weight, biceps.provisional) == (1.4, 1.4, ())
    assert biceps.shared == minimus.shared == (1,)
    assert (biceps.unsettled, minimus.unsettled) == (0.0, 1.0)


def test_the_inner_back_of_the_knee_and_calf_point_to_the_medial_hamstrings(catalog: Catalog):
    # The reference: the medial hamstrings refer down the posteromedial thigh to the knee and
    # the medial calf, biceps femoris behind the knee, towards its outer side. Pain marked on
    # the inner half of the back of the knee or the upper calf lists the medial hamstrings
    # first; on the outer half of the knee, biceps femoris.
    for marked in (["calf_upper_medial"], ["posterior_knee_medial"],
                   ["posterior_knee_medial", "calf_upper_medial"]):
        assert ranked(catalog, marked)[0] == "medial_hamstrings", marked
    # Gluteus minimus' pain runs down the whole back of the leg into the calf, which the
    # sources leave open: it reaches the inner calf as provisionally, in a wider pattern.
    first, second = catalog.find_sources(["calf_upper_medial"])
    assert (first.muscle_id, second.muscle_id) == ("medial_hamstrings", "gluteus_minimus")
    assert first.unmarked < second.unmarked
    assert "biceps_femoris" not in ranked(catalog, ["calf_upper_medial"])
    # Biceps femoris reaches the inner half of the knee only provisionally: after them.
    knee = ranked(catalog, ["posterior_knee_medial"])
    assert knee.index("medial_hamstrings") < knee.index("biceps_femoris")
    outer = catalog.find_sources(["posterior_knee_lateral"])
    assert outer[0].muscle_id == "biceps_femoris"
    assert outer[0].essential == ("posterior_knee_lateral",)
    assert "medial_hamstrings" not in {c.muscle_id for c in outer}
