"""The built-in knowledge base: complete, cited, and clean."""

from __future__ import annotations

import re

import pytest
import yaml

from bodymap import resources
from bodymap.model import Catalog
from bodymap.model.coaching import steps_by_point

DESIGN_MUSCLES = [
    "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis", "quadratus_lumborum",
    "iliocostalis_lumborum", "iliocostalis_thoracis", "longissimus_thoracis", "multifidus",
    "iliopsoas", "rectus_abdominis", "tensor_fasciae_latae",
]
DESIGN_ZONES = [
    "thoracolumbar", "lumbar_paraspinal", "lumbar_spine", "flank", "iliac_crest", "si_joint",
    "sacrum", "coccyx", "upper_buttock", "buttock", "lower_buttock", "greater_trochanter",
    "posterior_thigh", "lateral_thigh", "posterior_knee", "calf", "lateral_leg", "lateral_ankle",
    "lower_abdomen", "groin", "anterior_thigh", "anteromedial_thigh",
]


# Zones split in finer parts; the old id stays as a group, so teachers' packs keep working.
# The lower buttock, the upper and lower back of the thigh, the back of the knee and the upper
# calf were split again, into inner and outer halves, and the lower back of the thigh's halves
# again, at two-thirds of the way down; the groups that held them hold the parts (a group
# holds no group).
SPLIT_ZONES = {
    "lumbar_paraspinal": ("lumbar_paraspinal_upper", "lumbar_paraspinal_lower"),
    "lumbar_spine": ("lumbar_spine_upper", "lumbar_spine_lower"),
    "sacrum": ("sacrum_upper", "sacrum_lower"),
    "lower_buttock": ("lower_buttock_medial", "lower_buttock_lateral"),
    "posterior_thigh": ("posterior_thigh_upper_medial", "posterior_thigh_upper_lateral",
                        "posterior_thigh_middle_medial", "posterior_thigh_middle_lateral",
                        "posterior_thigh_distal_medial", "posterior_thigh_distal_lateral"),
    "posterior_thigh_upper": ("posterior_thigh_upper_medial", "posterior_thigh_upper_lateral"),
    "posterior_thigh_lower": ("posterior_thigh_middle_medial", "posterior_thigh_middle_lateral",
                              "posterior_thigh_distal_medial", "posterior_thigh_distal_lateral"),
    "posterior_thigh_lower_medial": ("posterior_thigh_middle_medial",
                                     "posterior_thigh_distal_medial"),
    "posterior_thigh_lower_lateral": ("posterior_thigh_middle_lateral",
                                      "posterior_thigh_distal_lateral"),
    "posterior_knee": ("posterior_knee_medial", "posterior_knee_lateral"),
    "calf": ("calf_upper_medial", "calf_upper_lateral", "calf_lower"),
    "calf_upper": ("calf_upper_medial", "calf_upper_lateral"),
}
LOWER_BUTTOCK = {"lower_buttock_medial", "lower_buttock_lateral"}
UPPER_THIGH = {"posterior_thigh_upper_medial", "posterior_thigh_upper_lateral"}
MIDDLE_THIGH = {"posterior_thigh_middle_medial", "posterior_thigh_middle_lateral"}
LOWEST_THIGH = {"posterior_thigh_distal_medial", "posterior_thigh_distal_lateral"}


def test_builtin_data_has_no_problems(catalog: Catalog):
    assert [str(p) for p in catalog.problems] == []


def test_every_design_muscle_and_zone_is_present(catalog: Catalog):
    assert set(DESIGN_MUSCLES) <= set(catalog.muscles)
    assert set(DESIGN_ZONES) <= set(catalog.zones)
    assert {catalog.zones[z].midline for z in ("sacrum", "coccyx", "lumbar_spine")} == {True}


@pytest.mark.parametrize(("group", "parts"), SPLIT_ZONES.items())
def test_a_split_zone_is_a_group_of_its_parts(catalog: Catalog, group: str, parts: tuple):
    zone = catalog.zones[group]
    assert zone.is_group and zone.parts == parts and zone.views == ()
    assert catalog.zone_parts(group) == parts
    for part in parts:
        assert not catalog.zones[part].is_group and catalog.zones[part].views
        assert catalog.zones[part].midline == zone.midline


def test_builtin_muscles_name_the_parts_not_the_groups():
    # The Catalog expands groups, so read the files: built-in data says which part it means.
    for path in sorted((resources.data_dir() / "muscles").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for trp in doc["trigger_points"]:
            named = set(trp["referral"]["essential"]) | set(trp["referral"].get("spillover", []))
            assert not named & set(SPLIT_ZONES), f"{path.name} {trp['id']}: {named}"


def zones_of(catalog: Catalog, muscle_id: str, trp_id: str) -> set[str]:
    referral = catalog.muscles[muscle_id].trigger_point(trp_id).referral
    return set(referral.essential) | set(referral.spillover)


def test_low_back_referral_stays_low(catalog: Catalog):
    # Gluteus medius refers to the low lumbar area near the crest and sacrum, not up to L1;
    # nor do the erector and multifidus patterns that land below their own level.
    for muscle_id, trp_id in (("gluteus_medius", "trp1"), ("gluteus_medius", "trp3"),
                              ("multifidus", "trp1"), ("iliocostalis_lumborum", "trp1"),
                              ("longissimus_thoracis", "trp1"), ("longissimus_thoracis", "trp2")):
        zones = zones_of(catalog, muscle_id, trp_id)
        assert "lumbar_paraspinal_lower" in zones, (muscle_id, trp_id)
        assert "lumbar_paraspinal_upper" not in zones, (muscle_id, trp_id)
    assert "lumbar_spine_upper" not in zones_of(catalog, "multifidus", "trp1")
    # Iliopsoas' vertical band runs the whole lumbar length.
    for trp in catalog.muscles["iliopsoas"].trigger_points:
        assert {"lumbar_paraspinal_upper", "lumbar_paraspinal_lower"} <= set(trp.referral.essential)


def test_the_upper_or_the_lower_sacrum_only_where_the_reference_says_which(catalog: Catalog):
    # A review: quadratus lumborum's "band across the upper sacrum" (bilateral deep TrPs,
    # unverified) and gluteus maximus TrP2's "lower sacrum" each painted the whole sacrum, from
    # L5 down to the coccyx. The sacrum is split on the line of the PSIS dimples (S2).
    upper, lower = SPLIT_ZONES["sacrum"]  # in that order: a set has none
    ql = catalog.muscles["quadratus_lumborum"].trigger_point("trp3").referral
    assert zones_of(catalog, "quadratus_lumborum", "trp3") & {upper, lower} == {upper}
    assert upper in ql.spillover and upper in ql.provisional  # still unverified
    assert zones_of(catalog, "gluteus_maximus", "trp2") & {upper, lower} == {lower}
    assert lower in catalog.muscles["gluteus_maximus"].trigger_point("trp2").referral.essential
    # Where the reference gives no level ("over the sacrum", "bilateral sacrum", "to the
    # sacrum", a band across the low back, the crescent's spillover), or sources disagree
    # (multifidus' sacral level), the whole sacrum: painted, and said, as the sacrum.
    for muscle_id, trp_id in (("gluteus_medius", "trp1"), ("gluteus_medius", "trp3"),
                              ("multifidus", "trp1"), ("multifidus", "trp2"),
                              ("iliopsoas", "trp1"), ("rectus_abdominis", "trp1"),
                              ("gluteus_maximus", "trp1")):
        zones = zones_of(catalog, muscle_id, trp_id)
        assert {upper, lower} <= zones, (muscle_id, trp_id)
        assert "sacrum" in catalog.grouped(zones), (muscle_id, trp_id)
    assert "sacrum" not in catalog.grouped(zones_of(catalog, "quadratus_lumborum", "trp3"))


def test_gluteal_spillover_reaches_only_the_upper_back_of_the_thigh(catalog: Catalog):
    # Gluteus maximus refers locally, not far down the leg, and gluteus medius only "sometimes
    # [to the] upper posterior thigh": the upper back of the thigh, to about mid-thigh, with no
    # side given: both its halves.
    for muscle_id, trp_id in (("gluteus_maximus", "trp1"), ("gluteus_medius", "trp2")):
        zones = zones_of(catalog, muscle_id, trp_id)
        assert zones >= UPPER_THIGH and not zones & (MIDDLE_THIGH | LOWEST_THIGH)
    # Piriformis' spillover covers "the upper two-thirds of the posterior thigh": down through
    # the band below mid-thigh, across its width, and not the lowest third above the knee.
    for trp_id in ("trp1", "trp2"):
        zones = zones_of(catalog, "piriformis", trp_id)
        assert {*UPPER_THIGH, *MIDDLE_THIGH} <= zones and not zones & LOWEST_THIGH
    # Gluteus minimus' posterior TrP refers down the whole back of the thigh, through the back
    # of the knee as one band, into the calf: its upper, muscular half, not down to the heel.
    # Where it stops in the calf the sources do not settle, so the upper calf is provisional.
    # No source puts it on the inner or the outer side of the leg: it takes both halves.
    minimus = catalog.muscles["gluteus_minimus"].trigger_point("trp2").referral
    halves = {*SPLIT_ZONES["posterior_thigh_lower"], *SPLIT_ZONES["posterior_knee"],
              *SPLIT_ZONES["calf_upper"]}
    assert {*UPPER_THIGH, *halves} <= set(minimus.essential)
    assert "calf_lower" not in minimus.essential + minimus.spillover
    assert set(SPLIT_ZONES["calf_upper"]) <= set(minimus.provisional)


def test_the_hamstrings_refer_down_their_own_side_of_the_back_of_the_leg(catalog: Catalog):
    # The reference: semitendinosus and semimembranosus to the lower gluteal fold, the
    # posteromedial thigh to the knee and the medial calf; biceps femoris behind the knee,
    # gathering to its outer side and up the back-outer thigh. From the lower buttock down each
    # keeps to its half: the inner hamstrings' strongest pain, at the fold, is the inner half of
    # the lower buttock and of the upper back of the thigh, and none of it the outer halves.
    outer = {z for halves in SPLIT_ZONES.values() for z in halves if z.endswith("_lateral")}
    inner = {z for halves in SPLIT_ZONES.values() for z in halves if z.endswith("_medial")}
    for trp in catalog.muscles["medial_hamstrings"].trigger_points:
        zones = set(trp.referral.essential) | set(trp.referral.spillover)
        assert inner <= zones and not zones & outer, trp.id
        assert {"lower_buttock_medial", "posterior_thigh_upper_medial"} <= set(
            trp.referral.essential)
        assert "calf_upper_medial" in trp.referral.provisional  # how far down is not settled
    for trp in catalog.muscles["biceps_femoris"].trigger_points:
        referral = trp.referral
        assert referral.essential == ("posterior_knee_lateral",), trp.id
        assert {*SPLIT_ZONES["posterior_thigh_lower_lateral"], "posterior_thigh_upper_lateral"} <= (
            set(referral.spillover))
        # "Behind the knee" without a side in the reference, the outer side in secondary
        # material: the inner half of the knee is spillover, and provisional.
        assert referral.provisional == ("posterior_knee_medial",)
        assert not (inner - {"posterior_knee_medial"}) & set(referral.spillover)
        assert not {"calf_upper_lateral", "calf_lower"} & set(referral.spillover)


def test_the_lower_buttocks_halves_are_named_as_the_reference_gives_a_side(catalog: Catalog):
    # A therapist's review: gluteus maximus TrP1 ("a crescent along the gluteal cleft including
    # the SI joint, down to above the gluteal fold") and TrP2 ("the whole buttock") painted the
    # lower buttock alike. TrP1 refers to the inner half, along the cleft, TrP2 to both. The
    # reference gives gluteus minimus' anterior TrPs the lower lateral buttock, its posterior
    # ones the lower medial buttock; the medial hamstrings the lower gluteal fold, posteromedial.
    def lower_buttock(muscle_id: str, trp_id: str) -> set[str]:
        return zones_of(catalog, muscle_id, trp_id) & LOWER_BUTTOCK

    gmax_trp1 = catalog.muscles["gluteus_maximus"].trigger_point("trp1").referral
    assert set(gmax_trp1.essential) == {"si_joint", "gluteal_cleft", "lower_buttock_medial"}
    assert lower_buttock("gluteus_maximus", "trp2") == LOWER_BUTTOCK
    assert lower_buttock("gluteus_minimus", "trp1") == {"lower_buttock_lateral"}
    assert lower_buttock("gluteus_minimus", "trp2") == {"lower_buttock_medial"}
    for trp in ("trp1", "trp2"):
        assert lower_buttock("medial_hamstrings", trp) == {"lower_buttock_medial"}
    # No side given: the lower buttock whole (quadratus lumborum's deep lower TrP, longissimus'
    # "low buttock / SI region"), and the spillover from the buttock into the thigh (gluteus
    # medius TrP2, piriformis).
    for muscle_id, trp_id in (("quadratus_lumborum", "trp4"), ("longissimus_thoracis", "trp1"),
                              ("gluteus_medius", "trp2"), ("piriformis", "trp1"),
                              ("piriformis", "trp2")):
        assert lower_buttock(muscle_id, trp_id) == LOWER_BUTTOCK, (muscle_id, trp_id)


def test_the_strip_beside_the_gluteal_cleft_is_gluteus_maximus_pain_only(catalog: Catalog):
    # A review: when the strip beside the coccyx was part of the lower inner buttock, every
    # muscle referring to the lower inner buttock painted it, though the reference puts the
    # medial hamstrings' pain at the lower gluteal fold and gluteus minimus TrP2's at the lower
    # medial buttock. The strip became a zone of its own, and was then given to every referral
    # to the middle buttock: a second review found pain beside the tailbone pointing to
    # iliocostalis lumborum, gluteus medius and piriformis, whose pain the reference puts in the
    # middle or outer buttock ("mid/lateral buttock", "down to the mid-buttock", "across the
    # buttock"). The strip is gluteus maximus's: TrP1's crescent along the cleft, and TrP2's
    # whole buttock.
    assert "gluteal_cleft" not in catalog.zones["lower_buttock"].parts
    assert "gluteal_cleft" in zones_of(catalog, "gluteus_maximus", "trp1")
    assert "gluteal_cleft" in zones_of(catalog, "gluteus_maximus", "trp2")
    for muscle_id, trp_id in (("medial_hamstrings", "trp1"), ("medial_hamstrings", "trp2"),
                              ("gluteus_minimus", "trp2"), ("quadratus_lumborum", "trp4"),
                              ("longissimus_thoracis", "trp1"), ("gluteus_medius", "trp2"),
                              ("iliocostalis_lumborum", "trp1"), ("piriformis", "trp1"),
                              ("piriformis", "trp2")):
        assert "gluteal_cleft" not in zones_of(catalog, muscle_id, trp_id), (muscle_id, trp_id)
    assert [c.muscle_id for c in catalog.find_sources(["gluteal_cleft"])] == ["gluteus_maximus"]


def test_gluteus_minimus_anterior_pain_runs_down_the_peroneal_strip_not_the_shin(
        catalog: Catalog):
    referral = catalog.muscles["gluteus_minimus"].trigger_point("trp1").referral
    assert {"lateral_thigh", "lateral_leg"} <= set(referral.essential)
    assert "lateral_ankle" in referral.spillover
    assert "anterior_leg" not in referral.essential + referral.spillover
    assert "shin" in catalog.zones["anterior_leg"].also_called
    assert "peroneal" in catalog.zones["lateral_leg"].description


def test_technique_steps_name_trigger_points_in_the_coachs_order(catalog: Catalog):
    # The coach walks a muscle's TrPs in data order (TrP1, TrP2, ...): a step that names
    # several of them names them in that order.
    for muscle in catalog.muscles.values():
        for step in muscle.technique.steps:
            numbers = [int(n) for n in re.findall(r"TrP(\d)", step)]
            assert numbers == sorted(numbers), (muscle.id, step)


def test_at_every_point_the_warnings_come_before_the_pressure(catalog: Catalog):
    # Review 29: at iliopsoas TrP3 (psoas, through the abdomen, over the aorta and iliac
    # vessels) the steps sank in, pressed and held, and only the release step said to stop at a
    # pulse. At each point the coach walks, a step that checks for a pulse or warns of a nerve
    # (tingling, numbness) comes before the step that builds the pressure ("... out of 10").
    warning = re.compile(r"pulse|puls|nerve|tingl|numb", re.IGNORECASE)
    for muscle in catalog.muscles.values():
        steps = muscle.technique.steps
        for point, plan in enumerate(steps_by_point(steps, len(muscle.trigger_points)), 1):
            shown = [steps[i] for i in plan]
            pressure = next(i for i, step in enumerate(shown) if "out of 10" in step)
            late = [step for step in shown[pressure + 1:] if warning.search(step)]
            assert not late, (muscle.id, f"TrP{point}", late)


def test_iliopsoas_psoas_point_feels_for_a_pulse_before_any_pressure(catalog: Catalog):
    muscle = catalog.muscles["iliopsoas"]
    steps = muscle.technique.steps
    plan = steps_by_point(steps, len(muscle.trigger_points))
    for point in (0, 2):  # the femoral triangle, and psoas through the abdomen
        shown = [steps[i] for i in plan[point]]
        pressure = next(i for i, step in enumerate(shown) if "out of 10" in step)
        assert any("pulse" in step for step in shown[:pressure]), point
    # The abdominal vessels' caution names TrP3, so the coach shows it first there.
    assert [c for c in muscle.cautions if "TrP3" in c and "pulsating mass" in c]


@pytest.mark.parametrize("muscle_id", DESIGN_MUSCLES)
def test_muscle_is_fully_described_and_cited(catalog: Catalog, muscle_id: str):
    muscle = catalog.muscles[muscle_id]
    for part in ("symptoms", "often_mistaken_for", "perpetuating_factors", "self_care",
                 "stretches", "cautions", "actions"):
        assert getattr(muscle, part), f"{muscle_id} has no {part}"
    assert len(muscle.technique.steps) >= 3
    for trp in muscle.trigger_points:
        assert trp.sources and trp.referral.essential and trp.location
    assert all(source in catalog.sources for source in muscle.sources)


@pytest.mark.parametrize(
    "muscle_id", ["gluteus_maximus", "gluteus_medius", "quadratus_lumborum", "multifidus",
                  "iliocostalis_thoracis", "longissimus_thoracis"],
)
def test_unverified_or_conflicting_facts_are_flagged(catalog: Catalog, muscle_id: str):
    # The reference marks these muscles' facts UNVERIFIED or CONFLICT; the data must say so.
    notes = catalog.muscles[muscle_id].notes_on_evidence or ""
    assert len(notes) > 40


def test_reference_facts_about_referral(catalog: Catalog):
    gmax = catalog.muscles["gluteus_maximus"]
    trp2 = gmax.trigger_point("trp2")
    assert "coccyx" not in trp2.referral.essential + trp2.referral.spillover
    assert "coccyx" in gmax.trigger_point("trp3").referral.essential
    minimus_anterior = catalog.muscles["gluteus_minimus"].trigger_point("trp1").referral
    assert {"lateral_thigh", "lateral_leg"} <= set(
        minimus_anterior.essential + minimus_anterior.spillover)
    piriformis = catalog.muscles["piriformis"].trigger_point("trp1").referral
    assert set(piriformis.spillover) >= UPPER_THIGH
    assert "groin" in set().union(*catalog.muscles["iliopsoas"].referral_zones())


def test_cautions_name_what_lies_beneath(catalog: Catalog):
    iliopsoas = " ".join(catalog.muscles["iliopsoas"].cautions).lower()
    assert "femoral" in iliopsoas
    piriformis = " ".join(catalog.muscles["piriformis"].cautions).lower()
    assert "sciatic" in piriformis


def test_guidance_is_complete(catalog: Catalog):
    guidance = catalog.guidance
    assert guidance is not None
    assert "not medical advice" in guidance.disclaimer.lower()
    assert {f.id for f in guidance.red_flags} >= {
        "fracture", "tumour_or_infection", "cauda_equina", "not_improving", "non_spinal_causes"}
    assert {t.id for t in guidance.techniques} >= {"guided_compression", "ischemic_compression"}
    guided = guidance.technique("guided_compression")
    assert guided.target_discomfort.start == (6, 7)
    assert guided.target_discomfort.release_at == 4
    ischemic = guidance.technique("ischemic_compression")
    assert ischemic.target_discomfort.start == (7, 8)
