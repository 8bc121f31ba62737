"""The built-in knowledge base: complete, cited, and clean."""

from __future__ import annotations

import pytest

from bodymap.model import Catalog

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


def test_builtin_data_has_no_problems(catalog: Catalog):
    assert [str(p) for p in catalog.problems] == []


def test_every_design_muscle_and_zone_is_present(catalog: Catalog):
    assert set(DESIGN_MUSCLES) <= set(catalog.muscles)
    assert set(DESIGN_ZONES) <= set(catalog.zones)
    assert {catalog.zones[z].midline for z in ("sacrum", "coccyx", "lumbar_spine")} == {True}


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
    assert "posterior_thigh" in piriformis.spillover
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
