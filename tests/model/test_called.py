"""`bodymap --muscle NAME` and `bodymap export --muscle NAME`: the muscle a name typed on the
command line stands for, as a teacher types what they know."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.packs import VALID_MUSCLE, insert_line, write_pack

from bodymap.model import Catalog, load_catalog
from bodymap.model.called import muscles_meant, muscles_named, unloaded_called
from bodymap.model.spelling import did_you_mean, respellings


@pytest.mark.parametrize(("typed", "muscle"), [
    ("gluteus_medius", "gluteus_medius"),  # the id
    ("gluteus medius", "gluteus_medius"),  # the name, in any case and punctuation
    ("Gluteus Medius", "gluteus_medius"),
    ("GLUTEUS-MEDIUS", "gluteus_medius"),
    ("  gluteus   medius ", "gluteus_medius"),
    ("Multifidus", "multifidus"),  # the name without its bracketed part ...
    ("multifidus (with rotatores)", "multifidus"),  # ... or with it
    ("rectus abdominis", "rectus_abdominis"),
    ("QL", "quadratus_lumborum"),  # a name it is also called
    ("ql", "quadratus_lumborum"),
    ("glute med", "gluteus_medius"),
    ("Hip flexor", "iliopsoas"),
    ("pseudo sciatica muscle", "gluteus_minimus"),
    ("piriformus", "piriformis"),  # a letter or two wrong
    ("gluteus_medeus", "gluteus_medius"),
    ("quadratus lumborm", "quadratus_lumborum"),
    ("psoaz", "iliopsoas"),
    ("longissimus", "longissimus_thoracis"),  # a word of one muscle's name, and of no other's
    ("Quadratus", "quadratus_lumborum"),
    ("rectus", "rectus_abdominis"),
    ("tensor", "tensor_fasciae_latae"),
    ("medius", "gluteus_medius"),
    ("lumborum quadratus", "quadratus_lumborum"),  # its words, in any order
    ("biceps", "biceps_femoris"),
    ("medial", "medial_hamstrings"),
    # Each of two muscles' names joined: "Semitendinosus and semimembranosus".
    ("semitendinosus", "medial_hamstrings"),
    ("Semimembranosus", "medial_hamstrings"),
])
def test_a_name_of_one_muscle_names_it(catalog: Catalog, typed: str, muscle: str):
    assert muscles_named(catalog.muscles, typed) == [muscle]


@pytest.mark.parametrize(("typed", "muscles"), [
    # A nickname three muscles share, and the bracketed part of three names left out.
    ("Paraspinals", ["iliocostalis_lumborum", "iliocostalis_thoracis", "longissimus_thoracis"]),
    ("erector spinae", ["iliocostalis_lumborum", "iliocostalis_thoracis",
                        "longissimus_thoracis"]),
    # As near one nickname as another: asked, not guessed.
    ("glute mid", ["gluteus_medius", "gluteus_minimus"]),
    ("glute mex", ["gluteus_maximus", "gluteus_medius"]),
    # A word of several muscles' names.
    ("gluteus", ["gluteus_maximus", "gluteus_medius", "gluteus_minimus"]),
    ("Lumborum", ["iliocostalis_lumborum", "quadratus_lumborum"]),
    ("thoracis", ["iliocostalis_thoracis", "longissimus_thoracis"]),
    # A plural: every muscle of that kind, as search finds them (glute max, med and min).
    ("glutes", ["gluteus_maximus", "gluteus_medius", "gluteus_minimus"]),
    ("the Glutes", ["gluteus_maximus", "gluteus_medius", "gluteus_minimus"]),
    # A word of a shown name ("Medial hamstrings") that a nickname of another muscle has too
    # ("Lateral hamstrings", biceps femoris): both, in its plural or singular.
    ("hamstrings", ["biceps_femoris", "medial_hamstrings"]),
    ("hamstring", ["biceps_femoris", "medial_hamstrings"]),
    ("the Hamstrings", ["biceps_femoris", "medial_hamstrings"]),
    # Their shared nickname ("Hamstrings") a letter off: both, asked about, as typed right.
    ("hamstrngs", ["biceps_femoris", "medial_hamstrings"]),
    # A word of several shown names cut short, as the nicknames glute max, med and min cut it:
    # asked which (it was "no muscle is called 'glute'", with the three offered).
    ("glute", ["gluteus_maximus", "gluteus_medius", "gluteus_minimus"]),
    ("ilio", ["iliocostalis_lumborum", "iliocostalis_thoracis", "iliopsoas"]),
])
def test_a_name_of_several_muscles_names_each_not_one(catalog: Catalog, typed: str,
                                                     muscles: list[str]):
    assert muscles_named(catalog.muscles, typed) == muscles


@pytest.mark.parametrize(("typed", "meant"), [
    # A symptom, a place, a diagnosis: what search finds muscles by is no muscle's name.
    ("sciatica", []),
    ("low back", []),
    ("lumbago", []),  # gluteus medius is "the lumbago muscle", but lumbago is not it
    ("back of the knee", []),
    ("abs pain", []),
    ("fevr", []),  # under five letters: not taken for another word
    # A word of a bracketed part, which only qualifies a name ("Rectus abdominis (lower part)").
    ("lower", []),
    # A word of a nickname alone, and of no shown name: what the muscle mimics or does, not
    # what it is ("Hip hiker", "Pseudo-sciatica muscle", "Pear-shaped muscle").
    ("hiker", []),
    ("pseudo", []),
    ("pear", []),
    # Near several names: offered, not taken.
    ("glutes medial", ["gluteus_medius", "gluteus_minimus", "gluteus_maximus"]),
    # A word of several shown names a letter off: each muscle it names, not only the id most
    # like it ("glutius" is as near gluteus maximus and minimus as gluteus medius).
    ("glutius", ["gluteus_maximus", "gluteus_medius", "gluteus_minimus"]),
    # One shown name's word cut short: that muscle, offered, not taken ("longi" is no name).
    ("longi", ["longissimus_thoracis"]),
    # Too many letters off to be taken, near one name: that muscle alone.
    ("pyryformus", ["piriformis"]),
    # A nickname of as many words, a letter or two off ("TFL").
    ("tlf", ["tensor_fasciae_latae"]),
])
def test_no_muscle_is_named_by_what_only_a_search_finds(catalog: Catalog, typed: str,
                                                        meant: list[str]):
    assert muscles_named(catalog.muscles, typed) == []
    assert muscles_meant(catalog.muscles, typed) == meant


def test_a_one_muscle_typo_is_offered_that_muscle_alone(catalog: Catalog):
    # Guards what held before: a respelling of one muscle's name offers that muscle, not every
    # muscle whose name shares a word with it (no other hamstring).
    assert muscles_meant(catalog.muscles, "piriformus") == ["piriformis"]
    assert muscles_meant(catalog.muscles, "biceps femoriss") == ["biceps_femoris"]


def test_a_nickname_a_pack_muscle_shares_names_both_and_the_id_typed_one(tmp_path: Path):
    muscle = insert_line(2, "also_called: [Piriformis]")  # after its name
    pack = write_pack(tmp_path / "pack", {"pack_muscle": muscle})
    catalog = load_catalog([pack])
    assert not [problem for problem in catalog.problems if not problem.note]
    assert muscles_named(catalog.muscles, "Piriformis") == ["piriformis", "pack_muscle"]
    assert muscles_named(catalog.muscles, "piriformis") == ["piriformis"]  # the id, as typed


def test_search_finds_muscles_by_a_symptom_that_names_none(catalog: Catalog):
    for symptom in ("sciatica", "lumbago", "low back"):
        assert catalog.search(symptom)
        assert muscles_named(catalog.muscles, symptom) == []


def test_respellings_are_every_word_as_near():
    # Both, difflib's first first: a tie is for the caller to ask about.
    assert respellings("glute_mid", ["glute_med", "glute_min", "glute_max"]) == [
        "glute_min", "glute_med"]
    assert respellings("glute_mex", ["glute_max", "glute_min"]) == ["glute_max"]
    assert respellings("fevr", ["fever"]) == []


def test_did_you_mean_offers_one_or_several():
    assert did_you_mean(["a"]) == "did you mean 'a'?"
    assert did_you_mean(["a", "b"]) == "did you mean 'a' or 'b'?"
    assert did_you_mean(["a", "b", "c"]) == "did you mean 'a', 'b' or 'c'?"


# A muscle a teacher just added, whose file has a mistake: the name asked for is theirs.
ADDUCTOR = (VALID_MUSCLE.replace("pack_muscle", "adductor_longus")
            .replace("Pack muscle", "Adductor longus").replace("group: hip", "group: hipp"))
# YAML cannot read it (an unclosed '['), but its name still can be read off its lines.
PECTINEUS = 'id: pectineus\nname: "Pectineus"  # pubic\nviews: [anterior\nlayer: deep\n'


@pytest.mark.parametrize(("typed", "file", "name"), [
    ("adductor longus", "adductor_longus", "Adductor longus"),
    ("Adductor Longus", "adductor_longus", "Adductor longus"),
    ("adductor_longus", "adductor_longus", "Adductor longus"),
    ("Pectineus", "pectineus", "Pectineus"),
    ("gracilis", "gracilis", "gracilis"),  # by its file name alone: said as typed
], ids=["name", "name in another case", "id", "name of a file YAML cannot read",
        "file name"])
def test_a_muscle_whose_file_was_left_out_is_said_to_be_in_it(tmp_path: Path, typed: str,
                                                              file: str, name: str):
    pack = write_pack(tmp_path / "pack", {"adductor_longus": ADDUCTOR, "pectineus": PECTINEUS,
                                          "gracilis": "[\n"})
    catalog = load_catalog([pack])
    lost = unloaded_called(catalog.muscles, catalog.unloaded, typed)
    assert lost is not None
    path = str(pack / "muscles" / f"{file}.yaml")
    (problem,) = [p for p in catalog.problems if p.file == path]  # one mistake each
    assert lost.said(typed) == f"'{name}' is in {path}, which was not loaded: {problem}"


def test_a_file_left_out_says_which_of_its_problems_is_first(tmp_path: Path):
    two = ADDUCTOR.replace("[Sciatica]", "[Sciatica]\ncolour: red")  # and a warning after it
    pack = write_pack(tmp_path / "pack", {"adductor_longus": two})
    (lost,) = load_catalog([pack]).unloaded
    path = pack / "muscles" / "adductor_longus.yaml"
    assert lost.said("x") == (
        f"'Adductor longus' is in {path}, which was not loaded; its first of 2 problems: "
        f"{path}:3:8: 'hipp' is not a valid group value; did you mean 'hip'?")


def test_a_muscle_file_out_of_its_folder_is_said_to_hold_it(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {})
    (pack / "adductor_longus.yaml").write_text(ADDUCTOR.replace("hipp", "hip"), encoding="utf-8")
    catalog = load_catalog([pack])
    lost = unloaded_called(catalog.muscles, catalog.unloaded, "adductor longus")
    assert lost is not None and lost.problem.message.startswith(
        "this file is not read: muscle files go in muscles/")


def test_a_loaded_muscle_of_the_name_is_taken_over_a_file_left_out(tmp_path: Path):
    # A copy of piriformis, broken: "piriformis" is the built-in one, as before.
    copy = VALID_MUSCLE.replace("pack_muscle", "piriformis").replace("group: hip", "group: x")
    pack = write_pack(tmp_path / "pack", {"piriformis": copy, "adductor_longus": ADDUCTOR})
    catalog = load_catalog([pack])
    assert [lost.file for lost in catalog.unloaded] == [
        str(pack / "muscles" / f"{name}.yaml") for name in ("adductor_longus", "piriformis")]
    assert unloaded_called(catalog.muscles, catalog.unloaded, "piriformis") is None
    assert unloaded_called(catalog.muscles, catalog.unloaded, "adductor") is None  # not its name
    assert load_catalog().unloaded == ()
