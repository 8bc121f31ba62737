"""Search over names, nicknames, symptoms and what a pain is mistaken for."""

from __future__ import annotations

from bodymap.model import Catalog


def ids(catalog: Catalog, text: str) -> list[str]:
    return [m.id for m in catalog.search(text)]


def test_name_prefixes_find_the_muscle_first(catalog: Catalog):
    assert ids(catalog, "glut med")[0] == "gluteus_medius"
    assert ids(catalog, "Piriformis")[0] == "piriformis"
    assert ids(catalog, "QUADRATUS")[0] == "quadratus_lumborum"


def test_mimic_finds_the_pseudo_sciatica_muscles(catalog: Catalog):
    found = ids(catalog, "sciatica")
    assert "gluteus_minimus" in found
    assert "piriformis" in found


def test_every_word_must_match(catalog: Catalog):
    assert ids(catalog, "gluteus zzzz") == []
    assert ids(catalog, "   ") == []


def test_name_hits_rank_above_text_hits(catalog: Catalog):
    found = ids(catalog, "iliopsoas")
    assert found[0] == "iliopsoas"


def test_a_body_area_finds_the_muscles_that_refer_pain_there(catalog: Catalog):
    # "IT band" is nowhere in the muscles' own text: the outer-thigh zone's description names it.
    found = ids(catalog, "IT band pain")
    assert {"gluteus_minimus", "tensor_fasciae_latae"} <= set(found[:3])
    referring = {c.muscle_id for c in catalog.find_sources(["si_joint"])}
    assert set(ids(catalog, "SI joint")) == referring


def test_pain_and_small_words_do_not_decide(catalog: Catalog):
    assert ids(catalog, "pain in the tailbone") == ids(catalog, "tailbone")
    assert ids(catalog, "pain") != []  # a query of nothing else still searches for it

