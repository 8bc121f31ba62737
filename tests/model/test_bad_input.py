"""A teacher's mistakes, one per case, each reported at its line with a clear message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers.packs import PACK_SOURCES, VALID_MUSCLE, insert_line, replace_line, write_pack

from bodymap.model import load_catalog
from bodymap.model.yamlnodes import MAX_FILE_BYTES


def delete_line(number: int) -> str:
    lines = VALID_MUSCLE.splitlines()
    del lines[number - 1]
    return "\n".join(lines) + "\n"


def pack_problems(tmp_path: Path, text: str, name: str = "pack_muscle") -> list[str]:
    pack = write_pack(tmp_path / "pack", {name: text})
    catalog = load_catalog([pack])
    prefix = str(pack / "muscles" / f"{name}.yaml")
    return [
        f"{p.line}: {p.message}" for p in catalog.problems if Path(p.file).resolve() ==
        Path(prefix).resolve()
    ]


BAD_CASES = [
    # (what is wrong, file text, expected line, words the message must contain)
    ("syntax error", replace_line(2, "name: Pack: muscle"), 2, "YAML syntax error"),
    ("tab indentation", replace_line(11, "\tlabel: TrP1"), 11, "YAML syntax error"),
    ("duplicate key", insert_line(2, "name: Again"), 3, "duplicate key 'name'"),
    ("unknown key, close", replace_line(17, "symptom: [Pain]"), 17,
     "unknown key 'symptom' in muscle; did you mean 'symptoms'?"),
    ("unknown key, far", insert_line(30, "colour: red"), 31, "unknown key 'colour'"),
    ("required key misspelt", replace_line(13, "    referal:"), 13,
     "unknown key 'referal' in trigger point; did you mean 'referral'? 'referral' is required "
     "and missing"),
    ("missing required", delete_line(8), 1, "muscle is missing 'innervation'"),
    ("text expected", replace_line(8, "innervation: 5"), 8, "'innervation' must be text"),
    ("bad choice", replace_line(3, "group: hipp"), 3, "did you mean 'hip'?"),
    ("list expected", replace_line(18, "often_mistaken_for: Sciatica"), 18,
     "'often_mistaken_for' must be a list"),
    ("a lone list item with no space after '-'", replace_line(17, "symptoms:\n  -Pain"), 18,
     "'symptoms' must be a list, got text ('-Pain'): if it is meant as a list item, put a "
     "space after its '-'"),
    ("mapping expected", replace_line(20, "palpation: flat"), 20,
     "expected a palpation (a mapping)"),
    ("empty list", replace_line(5, "views: []"), 5, "'views' needs at least 1 item"),
    ("unknown zone", replace_line(14, "      essential: [butock]"), 14,
     "unknown zone 'butock'; did you mean 'buttock'?"),
    # A place in words, not a typo of an id: the zones the words name, as `--zones` reads them.
    ("unknown zone named in words", replace_line(14, "      essential: [inner_knee]"), 14,
     "unknown zone 'inner_knee'; did you mean 'posterior_knee_medial'?"),
    ("unknown zone of a place several zones make",
     replace_line(14, "      essential: [low_back]"), 14,
     "unknown zone 'low_back'; did you mean 'lumbar_paraspinal_lower', 'lumbar_spine_lower', "
     "'iliac_crest', 'si_joint' or 'sacrum'?"),
    # Never the other side of the place named: the back of the knee (posterior_knee, a few
    # letters off) for the front of it; the front of the leg below it is offered instead.
    ("unknown zone on a side no zone is", replace_line(14, "      essential: [anterior_knee]"),
     14, "unknown zone 'anterior_knee'; did you mean 'anterior_leg'?"),
    ("unknown zone like none", replace_line(14, "      essential: [heel]"), 14,
     "unknown zone 'heel'; the zone ids are listed by: bodymap list zones"),
    ("unknown source", replace_line(16, "    sources: [pack_sorce]"), 16,
     "unknown source 'pack_sorce'; did you mean 'pack_source'?"),
    ("unknown muscle", insert_line(30, "related_muscles: [gluteus_maximu]"), 31,
     "unknown muscle 'gluteus_maximu'; did you mean 'gluteus_maximus'?"),
    ("unknown technique", insert_line(21, "  based_on: guided_compresion"), 22,
     "unknown technique 'guided_compresion'"),
    ("id not the file name", replace_line(1, "id: other_muscle"), 1,
     "does not match the file name 'pack_muscle.yaml'"),
    ("id with bad characters", replace_line(10, "  - id: TrP-1"), 10, "is not a valid id"),
    ("number out of range",
     replace_line(24, "  target_discomfort: {start: [6, 7], release_at: 11}"),
     24, "'release_at' must be between 0 and 10"),
    ("number expected", replace_line(25, "  hold_seconds: {typical: five, max: 90}"), 25,
     "'typical' must be a number"),
    ("hold max below typical", replace_line(25, "  hold_seconds: {typical: 50, max: 10}"), 25,
     "'max' is below 'typical'"),
    ("essential and spillover", replace_line(15, "      spillover: [buttock]"), 15,
     "zone buttock is listed as both essential and spillover"),
    ("bilateral zone outside the referral", insert_line(15, "      bilateral: [calf]"), 16,
     "zone 'calf' is in 'bilateral' but not in this referral's 'essential' or 'spillover'"),
    ("bilateral unknown zone", insert_line(15, "      bilateral: [butock]"), 16,
     "unknown zone 'butock'; did you mean 'buttock'?"),
    ("bilateral not a list", insert_line(15, "      bilateral: true"), 16,
     "'bilateral' must be a list, got true/false (true)"),
    ("bilateral zone twice", insert_line(15, "      bilateral: [buttock, buttock]"), 16,
     "zone 'buttock' is listed twice in 'bilateral'"),
    ("provisional zone outside the referral", insert_line(15, "      provisional: [calf]"), 16,
     "zone 'calf' is in 'provisional' but not in this referral's 'essential' or 'spillover': "
     "list it there too ('provisional' says which of them the sources do not settle)"),
    ("provisional zone twice", insert_line(15, "      provisional: [buttock, buttock]"), 16,
     "zone 'buttock' is listed twice in 'provisional'"),
    ("provisional place not yes or no", insert_line(12, "    location_provisional: maybe"), 13,
     "'location_provisional' must be true or false"),
    ("python tag refused", replace_line(2, "name: !!python/object/apply:os.system [echo]"), 2,
     "unsupported tag"),
    ("recursive alias", insert_line(30, "stretches_again: &a [*a]"), 31, "refers to itself"),
    ("root is a list", "- id: pack_muscle\n", 1, "expected a muscle (a mapping), got a list"),
    ("empty file", "", 1, "file is empty"),
]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [case[1:] for case in BAD_CASES],
    ids=[case[0] for case in BAD_CASES],
)
def test_mistake_is_reported_at_its_line(tmp_path: Path, text: str, line: int, message: str):
    problems = pack_problems(tmp_path, text)
    assert any(p.startswith(f"{line}: ") and message in p for p in problems), problems


def test_valid_pack_muscle_has_no_problems(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    catalog = load_catalog([pack])
    assert catalog.problems == []


# The drawn parts of the back of the thigh: its upper half's inner and outer halves, and the
# lower half's (the lower half was split first), each cut again at two-thirds of the way down.
THIGH = ("posterior_thigh_upper_medial", "posterior_thigh_upper_lateral",
         "posterior_thigh_middle_medial", "posterior_thigh_middle_lateral",
         "posterior_thigh_distal_medial", "posterior_thigh_distal_lateral")


def test_a_bilateral_referral_loads_with_no_problems(tmp_path: Path):
    # A group in `bilateral` stands for its parts, as it does in `spillover`.
    text = insert_line(15, "      bilateral: [buttock, posterior_thigh]")
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    catalog = load_catalog([pack])
    assert catalog.problems == []
    referral = catalog.muscles["pack_muscle"].trigger_point("trp1").referral
    assert referral.bilateral == ("buttock", *THIGH)
    # The pack names `posterior_thigh`, a zone split since: the old id stands for its parts.
    assert catalog.muscles["pack_muscle"].trigger_points[0].referral.spillover == THIGH


def test_a_provisional_referral_loads_with_no_problems(tmp_path: Path):
    # A teacher marks what the sources do not settle; a group stands for its parts there too.
    text = edit((13, "    location_provisional: true\n    referral:"),
                (15, "      spillover: [posterior_thigh]\n      provisional: [posterior_thigh]"))
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    catalog = load_catalog([pack])
    assert catalog.problems == []
    trp = catalog.muscles["pack_muscle"].trigger_point("trp1")
    assert trp.location_provisional
    assert trp.referral.provisional == THIGH
    assert trp.referral.settled().spillover == ()



def edit(*changes: tuple[int, str]) -> str:
    """The valid muscle with several lines replaced at once (line numbers of the valid one)."""
    text = VALID_MUSCLE
    for number, new in sorted(changes, reverse=True):  # from the bottom: numbers stay true
        text = replace_line(number, new, text)
    return text


SECOND_TRP = (
    "  - id: trp1\n"
    "    label: TrP2\n"
    "    location: Above the trochanter\n"
    "    referral: {essential: [lateral_thigh]}\n"
    "    sources: [pack_source]"
)

ALL_AT_ONCE = [
    # (what is wrong, muscle file text, every problem expected as "line: message", in file order)
    ("a wrong type elsewhere and a range backwards",
     edit((8, "innervation: 5"), (24, "  target_discomfort: {start: [7, 5], release_at: 4}")),
     ["8: 'innervation' must be text, got a number (5) (put it in quotes)",
      "24: 'start' must be [low, high], low <= high"]),
    ("an unknown key beside a hold max below typical",
     edit((25, "  hold_seconds: {typical: 60, max: 30, maxi: 90}")),
     ["25: 'max' is below 'typical'",
      "25: unknown key 'maxi' in hold seconds; did you mean 'max'?"]),
    ("a typo in a trigger point whose zone is in both lists",
     edit((12, "    location: Below the iliac crest\n    notez: x"),
          (15, "      spillover: [buttock]")),
     ["13: unknown key 'notez' in trigger point; did you mean 'notes'?",
      "16: zone buttock is listed as both essential and spillover"]),
    ("a trigger point id used twice, the second with a wrong label",
     edit((16, "    sources: [pack_source]\n" + SECOND_TRP.replace("TrP2", "5"))),
     ["17: trigger point id 'trp1' is used twice in this muscle",
      "18: 'label' must be text, got a number (5) (put it in quotes)"]),
    ("a required key missing and a release above the start",
     edit((8, "# no innervation"), (24, "  target_discomfort: {start: [3, 7], release_at: 5}")),
     ["1: muscle is missing 'innervation'",
      "24: 'release_at' must not be above the start of the discomfort target"]),
    ("the teacher's four cross-field mistakes beside one schema error",
     edit((3, "group: hipp"), (15, "      spillover: [buttock]"),
          (16, "    sources: [pack_source]\n" + SECOND_TRP),
          (24, "  target_discomfort: {start: [7, 5], release_at: 4}"),
          (25, "  hold_seconds: {typical: 60, max: 30}")),
     ["3: 'hipp' is not a valid group value; did you mean 'hip'?",
      "15: zone buttock is listed as both essential and spillover",
      "17: trigger point id 'trp1' is used twice in this muscle",
      "29: 'start' must be [low, high], low <= high",
      "30: 'max' is below 'typical'"]),
    # A part that could not be read is not checked against the others: no follow-on mistakes.
    ("a hold time out of range is not also compared with max",
     edit((24, "  target_discomfort: {start: [7, 5], release_at: 4}"),
          (25, "  hold_seconds: {typical: 700, max: 90}")),
     ["24: 'start' must be [low, high], low <= high",
      "25: 'typical' must be between 0 and 600, got 700"]),
    ("a start that is not a number is not checked as a range",
     edit((15, "      spillover: [buttock]"),
          (24, "  target_discomfort: {start: [7, x], release_at: 9}")),
     ["15: zone buttock is listed as both essential and spillover",
      "24: 'start' must be a whole number, got text ('x')"]),
    ("bilateral zones are not said to be missing from an essential list that is no list",
     edit((14, "      essential: buttock"),
          (15, "      spillover: [posterior_thigh]\n      bilateral: [buttock, buttock]")),
     ["14: 'essential' must be a list, got text ('buttock')",
      "16: zone 'buttock' is listed twice in 'bilateral'"]),
    ("an id that is no valid id is not also said to be used twice",
     edit((10, "  - id: TrP-1"), (16, "    sources: [pack_source]\n" + SECOND_TRP.replace(
         "trp1", "TrP-1")), (25, "  hold_seconds: {typical: 60, max: 30}")),
     ["10: 'TrP-1' is not a valid id: use lower-case letters, digits and _",
      "17: 'TrP-1' is not a valid id: use lower-case letters, digits and _",
      "30: 'max' is below 'typical'"]),
    # A misspelt required key is one mistake, at the key, not also "missing" at 1:1.
    ("a required key misspelt",
     edit((13, "    referal:")),
     ["13: unknown key 'referal' in trigger point; did you mean 'referral'? 'referral' is "
      "required and missing"]),
    ("a required key misspelt beside an optional one",
     edit((8, "innervaton: Superior gluteal nerve"), (12, "    location: Below the crest\n"
                                                      "    note: x")),
     ["8: unknown key 'innervaton' in muscle; did you mean 'innervation'? 'innervation' is "
      "required and missing",
      "13: unknown key 'note' in trigger point; did you mean 'notes'?"]),
    # The required keys a mapping lacks are one mistake, listed in the order of the docs' table.
    ("a skeleton muscle file",
     "id: pack_muscle\nname: Pack muscle\n",
     ["1: muscle is missing 16 required keys: group, layer, views, attachments, actions, "
      "innervation, trigger_points, symptoms, often_mistaken_for, perpetuating_factors, "
      "palpation, technique, self_care, stretches, cautions, sources (docs/data-format.md "
      "has a muscle file to start from, with every one)"]),
    ("a skeleton with a misspelt key and a trigger point lacking two keys",
     "id: pack_muscle\nnmae: Pack muscle\ntrigger_points:\n  - id: trp1\n    label: TrP1\n"
     "    sources: [pack_source]\n",
     ["1: muscle is missing 15 required keys: group, layer, views, attachments, actions, "
      "innervation, symptoms, often_mistaken_for, perpetuating_factors, palpation, technique, "
      "self_care, stretches, cautions, sources (docs/data-format.md has a muscle file to "
      "start from, with every one)",
      "2: unknown key 'nmae' in muscle; did you mean 'name'? 'name' is required and missing",
      "4: trigger point is missing 2 required keys: location, referral (see "
      "docs/data-format.md)"]),
    ("a muscle id that is no text is not compared with the file name",
     edit((1, "id: 5"), (25, "  hold_seconds: {typical: 60, max: 30}")),
     ["1: 'id' must be text, got a number (5) (put it in quotes)",
      "25: 'max' is below 'typical'"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [case[1:] for case in ALL_AT_ONCE],
    ids=[case[0] for case in ALL_AT_ONCE],
)
def test_one_run_reports_every_mistake_in_a_file(tmp_path: Path, text: str,
                                                 expected: list[str]):
    """Cross-field rules are checked on whatever could be read, beside the schema mistakes, so
    a teacher never fixes one batch only to be shown a second one."""
    assert pack_problems(tmp_path, text) == expected



LEFT_OUT_BUT_USED = [
    # (what is left out, files of the pack by name, every problem as "file:line: message")
    ("a source with a wrong year, cited by the muscle",
     {"sources.yaml": PACK_SOURCES + "  - id: pack_notes\n    authors: Teacher B\n"
      "    year: twenty\n    title: Notes\n    published_in: Handout\n",
      "muscles/pack_muscle.yaml": replace_line(30, "sources: [pack_source, pack_notes]")},
     ["sources.yaml:9: 'year' must be a whole number, got text ('twenty')"]),
    ("a zone with a wrong label, in the muscle's referral",
     {"sources.yaml": PACK_SOURCES,
      "zones.yaml": "zones:\n  - id: buttock_spot\n    label: 5\n    parts: [buttock]\n",
      "muscles/pack_muscle.yaml": replace_line(14, "      essential: [buttock_spot]")},
     ["zones.yaml:3: 'label' must be text, got a number (5) (put it in quotes)"]),
    ("a muscle with a syntax error, related to another",
     {"sources.yaml": PACK_SOURCES,
      "muscles/pack_muscle.yaml": replace_line(2, "name: Pack: muscle"),
      "muscles/other_muscle.yaml": VALID_MUSCLE.replace("pack_muscle", "other_muscle")
      + "related_muscles: [pack_muscle]\n"},
     ["muscles/pack_muscle.yaml:2: YAML syntax error: a ':' followed by a space inside a "
      'value: put the whole value in quotes, e.g. name: "Pack: muscle"']),
    ("a muscle with a wrong group, related to another",
     {"sources.yaml": PACK_SOURCES,
      "muscles/pack_muscle.yaml": replace_line(3, "group: hipp"),
      "muscles/other_muscle.yaml": VALID_MUSCLE.replace("pack_muscle", "other_muscle")
      + "related_muscles: [pack_muscle]\n"},
     ["muscles/pack_muscle.yaml:3: 'hipp' is not a valid group value; did you mean 'hip'?"]),
    # A sources.yaml or zones.yaml YAML cannot read is left out whole: the ids its lines write
    # are its entries all the same, so an entry it holds is not asked for a second time.
    ("a sources.yaml with a quote never closed, cited by the muscle",
     {"sources.yaml": PACK_SOURCES.replace("title: Class notes", 'title: "Class notes'),
      "muscles/pack_muscle.yaml": VALID_MUSCLE},
     ["sources.yaml:7: YAML syntax error: the quote \" opened at line 5, column 12 is never "
      "closed (YAML reached the end of the file looking for it): add the closing quote"]),
    ("a sources.yaml with no 'sources:' list, cited by the muscle",
     {"sources.yaml": PACK_SOURCES.replace("sources:", "source:"),
      "muscles/pack_muscle.yaml": VALID_MUSCLE},
     ["sources.yaml:1: expected a top-level 'sources:' list"]),
    ("a zones.yaml with a tab, in the muscle's referral",
     {"sources.yaml": PACK_SOURCES,
      "zones.yaml": "zones:\n  - id: buttock_spot\n\tlabel: Spot\n    parts: [buttock]\n",
      "muscles/pack_muscle.yaml": replace_line(14, "      essential: [buttock_spot]")},
     ["zones.yaml:3: YAML syntax error: a tab character is used for indentation here; YAML "
      "indents with spaces only: replace the tab with spaces"]),
]


@pytest.mark.parametrize(
    ("files", "expected"),
    [case[1:] for case in LEFT_OUT_BUT_USED],
    ids=[case[0] for case in LEFT_OUT_BUT_USED],
)
def test_what_is_left_out_is_not_also_unknown_where_it_is_used(
        tmp_path: Path, files: dict[str, str], expected: list[str]):
    """Its own mistake is reported where it is; fixing it fixes what uses it too, so calling
    the id unknown there would be a second, misleading report of the same mistake."""
    pack = tmp_path / "pack"
    for name, text in files.items():
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(text, encoding="utf-8")
    problems = [p for p in load_catalog([pack]).problems if not p.note]
    assert [f"{Path(p.file).relative_to(pack).as_posix()}:{p.line}: {p.message}"
            for p in problems] == expected


# -- zone groups in a pack's zones.yaml ------------------------------------------------------------

VALID_ZONES = textwrap.dedent(
    """\
    zones:
      - id: pack_thigh
        label: Whole back of the thigh
        parts: [posterior_thigh_upper, posterior_thigh_lower]
      - id: pack_spot
        label: A spot
        views: [posterior]
    """
)


def replace_zone_line(number: int, new: str) -> str:
    return replace_line(number, new, VALID_ZONES)


def insert_zone_line(after: int, new: str) -> str:
    return insert_line(after, new, VALID_ZONES)


def zone_problems(tmp_path: Path, zones: str) -> list[str]:
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "zones.yaml").write_text(zones, encoding="utf-8")
    catalog = load_catalog([pack])
    return [f"{p.line}: {p.message}" for p in catalog.problems
            if Path(p.file).resolve() == (pack / "zones.yaml").resolve()]


ZONE_CASES = [
    # (what is wrong, zones.yaml text, expected line, words the message must contain)
    ("unknown part", replace_zone_line(4, "    parts: [posterior_thigh_upper, posterior_thig]"),
     4, "unknown zone 'posterior_thig'; did you mean 'posterior_thigh'?"),
    ("group inside a group",
     VALID_ZONES + "  - id: pack_leg\n    label: Leg\n    parts: [pack_thigh, calf_lower]\n", 10,
     "'pack_thigh' is a zone group itself; a group's parts must be drawn zones: list its "
     "parts (posterior_thigh_upper_medial, posterior_thigh_upper_lateral, "
     "posterior_thigh_middle_medial, posterior_thigh_middle_lateral, "
     "posterior_thigh_distal_medial, posterior_thigh_distal_lateral) instead"),
    ("group lists itself", replace_zone_line(4, "    parts: [calf_upper, pack_thigh]"), 4,
     "zone group 'pack_thigh' lists itself"),
    ("group with views", insert_zone_line(4, "    views: [posterior]"), 5,
     "zone group 'pack_thigh' is not drawn itself, so it takes no 'views'"),
    ("group with midline", insert_zone_line(4, "    midline: true"), 5,
     "zone group 'pack_thigh' is not drawn itself, so it takes no 'midline'"),
    ("empty parts", replace_zone_line(4, "    parts: []"), 4, "'parts' needs at least 1 item"),
    ("parts not a list", replace_zone_line(4, "    parts: calf"), 4, "'parts' must be a list"),
    ("part listed twice", replace_zone_line(4, "    parts: [calf_upper, sacrum, calf_upper]"), 4,
     "part 'calf_upper' is listed twice"),
    ("neither views nor parts", VALID_ZONES.replace("    views: [posterior]\n", ""), 5,
     "zone is missing 'views' (the diagrams that draw it); a group of zones lists 'parts'"),
]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [case[1:] for case in ZONE_CASES],
    ids=[case[0] for case in ZONE_CASES],
)
def test_zone_group_mistake_is_reported_at_its_line(tmp_path: Path, text: str, line: int,
                                                    message: str):
    problems = zone_problems(tmp_path, text)
    assert any(p.startswith(f"{line}: ") and message in p for p in problems), problems


def test_a_mistyped_part_is_never_offered_its_own_group(tmp_path: Path):
    # 'pack_thigh' is closest to 'pack_thig', but a group listing itself is a mistake too.
    text = replace_zone_line(4, "    parts: [pack_thig]")
    assert zone_problems(tmp_path, text) == [
        "4: unknown zone 'pack_thig'; did you mean 'pack_spot'?"]


def test_valid_zone_group_has_no_problems(tmp_path: Path):
    assert zone_problems(tmp_path, VALID_ZONES) == []


@pytest.mark.parametrize(("parts", "stands_for"), [
    # The lumbar band, split into its upper and lower parts.
    ("[lumbar_paraspinal, lumbar_spine_lower, lumbar_spine]",
     ("lumbar_paraspinal_upper", "lumbar_paraspinal_lower", "lumbar_spine_lower",
      "lumbar_spine_upper")),
    # The docs' example group as written before the lower back of the thigh, the back of the
    # knee and the upper calf were split into inner and outer halves; a half listed as well is
    # not counted twice.
    ("[posterior_thigh_upper, posterior_thigh_lower, posterior_knee, calf_upper, calf_lower, "
     "posterior_knee_medial]",
     (*THIGH, "posterior_knee_medial", "posterior_knee_lateral", "calf_upper_medial",
      "calf_upper_lateral", "calf_lower")),
    # The same group as the docs wrote it before the halves of the lower back of the thigh
    # were cut again at two-thirds of the way down (and the upper back of the thigh split into
    # halves): it still covers the thigh, with no gap.
    ("[posterior_thigh_upper, posterior_thigh_lower_medial, posterior_thigh_lower_lateral, "
     "posterior_knee_medial, posterior_knee_lateral, calf_upper_medial, calf_upper_lateral, "
     "calf_lower]",
     ("posterior_thigh_upper_medial", "posterior_thigh_upper_lateral",
      "posterior_thigh_middle_medial", "posterior_thigh_distal_medial",
      "posterior_thigh_middle_lateral", "posterior_thigh_distal_lateral",
      "posterior_knee_medial", "posterior_knee_lateral", "calf_upper_medial",
      "calf_upper_lateral", "calf_lower")),
], ids=["lumbar band", "back of the leg", "back of the leg, in halves"])
def test_a_pack_group_written_before_a_split_keeps_standing_for_the_whole(
        tmp_path: Path, parts: str, stands_for: tuple[str, ...]):
    # A teacher's group lists built-in zones split since: each old id is a built-in group now,
    # and stands for its parts there as in a referral, with nothing to fix.
    pack = write_pack(tmp_path / "pack", {
        "pack_muscle": VALID_MUSCLE.replace("spillover: [posterior_thigh]",
                                            "spillover: [pack_area]")})
    (pack / "zones.yaml").write_text(
        f"zones:\n  - id: pack_area\n    label: Area\n    parts: {parts}\n", encoding="utf-8")
    catalog = load_catalog([pack])
    assert catalog.problems == []
    assert catalog.zone_parts("pack_area") == stands_for
    assert catalog.muscles["pack_muscle"].trigger_points[0].referral.spillover == stands_for


def test_a_zone_left_out_for_its_label_is_still_checked_as_a_group(tmp_path: Path):
    text = textwrap.dedent(
        """\
        zones:
          - id: pack_hip
            label: Hip
            parts: [buttock, upper_buttock]
          - id: pack_thigh
            label: 5
            parts: [pack_hip, calf_lower, calf_lower, pack_thigh]
            views: [posterior]
        """
    )
    assert zone_problems(tmp_path, text) == [
        "6: 'label' must be text, got a number (5) (put it in quotes)",
        "7: 'pack_hip' is a zone group itself; a group's parts must be drawn zones: list "
        "its parts (buttock, upper_buttock) instead",
        "7: part 'calf_lower' is listed twice",
        "7: zone group 'pack_thigh' lists itself",
        "8: zone group 'pack_thigh' is not drawn itself, so it takes no 'views': remove it (its "
        "parts carry their own)",
    ]


def test_zone_group_problem_prints_as_path_line_column(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "zones.yaml").write_text(insert_zone_line(4, "    midline: true"), encoding="utf-8")
    (problem,) = load_catalog([pack]).problems
    assert str(problem).startswith(f"{problem.file}:5:5: zone group 'pack_thigh' is not drawn")
    assert problem.file.endswith("zones.yaml")


def test_a_mistaken_group_still_stands_for_its_good_parts(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {
        "pack_muscle": VALID_MUSCLE.replace("spillover: [posterior_thigh]",
                                            "spillover: [pack_leg]")})
    (pack / "zones.yaml").write_text(
        VALID_ZONES + "  - id: pack_leg\n    label: Leg\n    parts: [pack_thigh, calf_lower, "
        "nowhere]\n", encoding="utf-8")
    catalog = load_catalog([pack])
    assert len(catalog.problems) == 2  # the group inside the group, the unknown part
    assert catalog.zones["pack_leg"].parts == ("calf_lower",)
    assert catalog.muscles["pack_muscle"].trigger_points[0].referral.spillover == ("calf_lower",)


def test_problem_prints_as_path_line_column(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": replace_line(3, "group: hipp")})
    (problem,) = load_catalog([pack]).problems
    message = "'hipp' is not a valid group value; did you mean 'hip'?"
    assert str(problem) == f"{problem.file}:3:8: {message}"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path):
    good = VALID_MUSCLE.replace("pack_muscle", "good_muscle").replace("Pack muscle", "Good one")
    pack = write_pack(tmp_path / "pack", {
        "pack_muscle": replace_line(2, "name: Pack: muscle"),
        "good_muscle": good,
    })
    catalog = load_catalog([pack])
    assert "good_muscle" in catalog.muscles
    assert "pack_muscle" not in catalog.muscles
    assert len(catalog.problems) == 1
    assert "gluteus_medius" in catalog.muscles  # the built-in data still loads too


def test_same_muscle_id_in_two_files(tmp_path: Path):
    clash = VALID_MUSCLE.replace("pack_muscle", "gluteus_medius")
    pack = write_pack(tmp_path / "pack", {"gluteus_medius": clash})
    catalog = load_catalog([pack])
    (problem,) = catalog.problems
    assert problem.line == 1
    assert "muscle id 'gluteus_medius' is already defined at" in problem.message
    assert "gluteus_medius.yaml:1:" in problem.message
    assert catalog.muscles["gluteus_medius"].name == "Gluteus medius"  # the first one stays


@pytest.mark.parametrize(("sources", "said"), [
    (PACK_SOURCES, "sources are declared in the pack's sources.yaml: add an entry with id: "
     "my_class (and its authors, year, title and published_in) to {file}"),
    (None, "sources are declared in the pack's sources.yaml, which this pack does not have "
     "yet: create {file} with a 'sources:' list holding an entry with id: my_class (and its "
     "authors, year, title and published_in)"),
], ids=["the pack has sources.yaml", "the pack has none"])
def test_an_unknown_source_is_told_where_sources_are_declared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: str | None, said: str):
    """A source named nowhere and close to no source: where the teacher declares it, the path
    that is read, as the problems name their files (here, from the folder that holds the pack)."""
    muscle = VALID_MUSCLE.replace("pack_source", "my_class")  # each source it names
    pack = write_pack(tmp_path / "pack", {"pack_muscle": muscle}, sources=sources or "")
    if sources is None:
        (pack / "sources.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    problems = [str(p) for p in load_catalog(["pack"]).problems if not p.note]
    message = f"unknown source 'my_class'; {said.format(file='pack/sources.yaml')}"
    assert problems == [f"pack/muscles/pack_muscle.yaml:{at}: {message}"
                        for at in ("16:15", "26:13", "30:11")]


@pytest.mark.parametrize(("sources", "problem"), [
    ("", "1:1: file is empty"),
    (PACK_SOURCES.replace("pack_source", "other_source").replace("title: Class notes",
                                                                 "title: 'Class notes"),
     "7:1: YAML syntax error: the quote ' opened at line 5, column 12 is never closed (YAML "
     "reached the end of the file looking for it): add the closing quote"),
], ids=["empty", "a quote never closed, without the entry"])
def test_a_source_missing_from_a_sources_yaml_not_loaded_is_told_that_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: str, problem: str):
    """A source no line of the pack's unreadable sources.yaml gives: the file's own mistake is
    named where the source is used, before the entry to add, so a teacher reading from the top
    fixes the file, and adds the entry as they do."""
    write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE}, sources=sources)
    monkeypatch.chdir(tmp_path)
    problems = [str(p) for p in load_catalog(["pack"]).problems if not p.note]
    cause = f"pack/sources.yaml:{problem}"
    message = ("source 'pack_source' is not known: the pack's sources.yaml was not loaded "
               f"({cause}), and no line of it gives id: pack_source, so add an entry with id: "
               "pack_source (and its authors, year, title and published_in) as you fix it")
    assert problems == [*(f"pack/muscles/pack_muscle.yaml:{at}: {message}"
                          for at in ("16:15", "26:13", "30:11")), cause]


def test_same_source_id_twice(tmp_path: Path):
    sources = PACK_SOURCES + PACK_SOURCES.split("\n", 1)[1]  # the entry again, same file
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE}, sources=sources)
    (problem,) = load_catalog([pack]).problems
    assert problem.line == 7
    assert "source id 'pack_source' is already defined at" in problem.message


def test_a_builtin_file_copied_into_a_pack_says_how_to_adapt_it(tmp_path: Path):
    from bodymap.resources import data_dir

    pack = tmp_path / "pack"
    (pack / "muscles").mkdir(parents=True)
    copy = pack / "muscles" / "piriformis.yaml"
    copy.write_bytes((data_dir() / "muscles" / "piriformis.yaml").read_bytes())
    (pack / "zones.yaml").write_text("zones:\n  - id: sacrum\n    label: Sacrum\n"
                                     "    views: [posterior]\n    midline: true\n")
    catalog = load_catalog([pack])
    muscle, zone = catalog.problems
    # A pack cannot replace built-in data, and a renamed copy has no drawing: the teacher is told
    # both, and where a correction goes, not offered a rename as if it kept the muscle drawn.
    assert (muscle.file, muscle.line, muscle.column) == (str(copy), 1, 5)
    assert muscle.message == (
        f"muscle id 'piriformis' is already defined at {builtin('muscles/piriformis.yaml')}:1:5, "
        "a built-in muscle, which a pack cannot replace: this copy is left out and the built-in "
        "one is shown. To correct the built-in muscle, edit data/muscles/piriformis.yaml in the "
        "bodymap source; to keep your version beside it, give it a new id and file name, e.g. "
        "piriformis_custom: it is then listed and found by search, but has no shape on the body")
    assert catalog.muscles["piriformis"].file == data_dir() / "muscles" / "piriformis.yaml"
    assert (zone.file, zone.line, zone.column) == (str(pack / "zones.yaml"), 2, 9)
    assert zone.message.startswith("zone id 'sacrum' is already defined at ")
    assert zone.message.endswith(
        ", a built-in zone, which a pack cannot replace: this entry is left out and the built-in "
        "one is used wherever 'sacrum' is named, so delete this entry (a copy under a new id "
        "would have no shape on the body, so it would never be painted). To correct the "
        "built-in zone, edit data/zones.yaml in the bodymap source")


def builtin(relative: str) -> str:
    """A built-in data file as problems name it."""
    from bodymap.model.loader import builtin_data_dir, display_path

    return display_path(builtin_data_dir() / relative)


def test_the_same_id_in_two_packs_is_told_how_to_keep_both(tmp_path: Path):
    # Neither is built in, and neither has a drawing: a new id keeps both, as before.
    first = write_pack(tmp_path / "first", {"pack_muscle": VALID_MUSCLE})
    second = write_pack(tmp_path / "second", {"pack_muscle": VALID_MUSCLE},
                        sources=PACK_SOURCES.replace("pack_source", "second_source"))
    (problem,) = [p for p in load_catalog([first, second]).problems if not p.note]
    assert problem.file == str(second / "muscles" / "pack_muscle.yaml")
    assert problem.message == (
        f"muscle id 'pack_muscle' is already defined at {first / 'muscles' / 'pack_muscle.yaml'}"
        ":1:5; this one is left out: ids must be unique, so give it a new id, e.g. "
        "pack_muscle_custom, and rename the file pack_muscle_custom.yaml, or delete this file to "
        "use the one already defined")


def test_file_over_one_mebibyte_is_refused(tmp_path: Path):
    padding = "# " + "x" * 100 + "\n"
    big = VALID_MUSCLE + padding * (MAX_FILE_BYTES // len(padding) + 1)
    problems = pack_problems(tmp_path, big)
    assert problems == [f"1: file is {len(big.encode())} bytes; the limit is 1 MiB"]


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path):
    # Nine levels of ten aliases each: a billion strings if expanded.
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    problems = pack_problems(tmp_path, "\n".join(lines) + "\n")
    assert len(problems) == 1
    assert "alias bomb" in problems[0]


def test_not_utf8(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {})
    (pack / "muscles" / "latin1.yaml").write_bytes("id: x\nname: Gesäß\n".encode("latin-1"))
    problems = [p for p in load_catalog([pack]).problems if p.file.endswith("latin1.yaml")]
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, 10, "file is not UTF-8 text: save it as UTF-8")
    ]


def test_missing_pack_folder(tmp_path: Path):
    (problem,) = load_catalog([tmp_path / "nowhere"]).problems
    assert problem.message == "no such data folder"


def test_a_group_with_no_good_part_is_left_out(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "zones.yaml").write_text(replace_zone_line(4, "    parts: [nowhere]"),
                                     encoding="utf-8")
    catalog = load_catalog([pack])
    assert [p.message for p in catalog.problems] == [
        "unknown zone 'nowhere'; the zone ids are listed by: bodymap list zones"]
    assert "pack_thigh" not in catalog.zones and "pack_spot" in catalog.zones


def test_a_group_whose_parts_were_all_left_out_is_named_as_left_out(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    zones = replace_zone_line(4, "    parts: [pack_spot]").replace("label: A spot",
                                                                 "label: [A spot]")
    (pack / "zones.yaml").write_text(zones, encoding="utf-8")
    catalog = load_catalog([pack])
    assert [(p.line, p.message, p.left_out) for p in catalog.problems] == [
        (4, "zone 'pack_spot' was left out for its own mistake, so zone group 'pack_thigh' has "
            "no part to stand for until that is fixed", "zone 'pack_thigh'"),
        (6, "'label' must be text, got a list", "zone 'pack_spot'"),
    ]
    assert not {"pack_thigh", "pack_spot"} & set(catalog.zones)


# -- which mistakes leave something out (skipped) and which only warn --------------------------

OUTCOMES = [
    # (what is wrong, muscle file text, whether the muscle is left out)
    ("syntax error", replace_line(2, "name: Pack: muscle"), True),
    ("required field wrong", replace_line(3, "group: hipp"), True),
    ("required field missing", delete_line(8), True),
    ("required key misspelt", replace_line(13, "    referal:"), True),
    ("optional key misspelt", insert_line(30, "related_muscle: [piriformis]"), False),
    ("unknown key inside a trigger point", insert_line(12, "    notez: x"), False),
    ("unknown key at the top", insert_line(30, "colour: red"), False),
    ("unknown zone", replace_line(14, "      essential: [butock]"), False),
    ("duplicate key", insert_line(2, "name: Again"), False),
    ("id not the file name", replace_line(1, "id: other_muscle"), False),
]


@pytest.mark.parametrize(
    ("text", "left_out"),
    [case[1:] for case in OUTCOMES],
    ids=[case[0] for case in OUTCOMES],
)
def test_a_file_is_skipped_exactly_when_its_muscle_is_left_out(tmp_path: Path, text: str,
                                                               left_out: bool):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    catalog = load_catalog([pack])
    (problem_file,) = {p.file for p in catalog.problems}
    muscle_ids = {"pack_muscle", "other_muscle"}
    assert (not muscle_ids & set(catalog.muscles)) is left_out
    assert catalog.skipped_files == ({problem_file} if left_out else set())


def test_a_zone_left_out_skips_its_file_and_a_second_definition_is_skipped(tmp_path: Path):
    clash = VALID_MUSCLE.replace("pack_muscle", "gluteus_medius")
    pack = write_pack(tmp_path / "pack", {"gluteus_medius": clash})
    (pack / "zones.yaml").write_text(replace_zone_line(6, "    label: 5"))
    catalog = load_catalog([pack])
    assert "pack_spot" not in catalog.zones and "pack_thigh" in catalog.zones
    assert {Path(f).name for f in catalog.skipped_files} == {"zones.yaml", "gluteus_medius.yaml"}
    duplicate = next(p for p in catalog.problems if "already defined" in p.message)
    assert duplicate.message.endswith(
        "a built-in muscle, which a pack cannot replace: this copy is left out and the built-in "
        "one is shown. To correct the built-in muscle, edit data/muscles/gluteus_medius.yaml in "
        "the bodymap source; to keep your version beside it, give it a new id and file name, "
        "e.g. gluteus_medius_custom: it is then listed and found by search, but has no shape on "
        "the body")
