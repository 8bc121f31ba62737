"""Files a teacher puts where the loader does not look are reported, never silently lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.packs import PACK_SOURCES, VALID_MUSCLE, write_pack

from bodymap.model import load_catalog

ZONES = "zones:\n  - id: pack_spot\n    label: A spot\n    views: [posterior]\n"

MISPLACED = [
    # (what the teacher did, file written in a valid pack, its content, the message's reason)
    ("muscle at the top", "pack_muscle.yaml", VALID_MUSCLE,
     "muscle files go in muscles/; move it to muscles/pack_muscle.yaml"),
    ("muscle in another folder", "hip/other.yaml", VALID_MUSCLE.replace("pack_muscle", "hip_one"),
     "muscle files go in muscles/; move it to muscles/hip_one.yaml"),
    ("muscle in a folder inside muscles/", "muscles/hip/pack_two.yaml", VALID_MUSCLE,
     "muscle files go directly in muscles/, not in a folder inside it; "
     "move it to muscles/pack_muscle.yaml"),
    ("muscle named .yml", "muscles/pack_two.yml", VALID_MUSCLE,
     "bodymap reads only files ending in .yaml; rename it to pack_two.yaml"),
    ("muscle named .YAML", "muscles/pack_two.YAML", VALID_MUSCLE,
     "bodymap reads only files ending in .yaml; rename it to pack_two.yaml"),
    ("zones named .yml", "zones.yml", ZONES,
     "bodymap reads only files ending in .yaml; rename it to zones.yaml"),
    ("zones in a folder", "data/zones.yaml", ZONES,
     "zones are read only from zones.yaml at the top of the pack folder; move its entries there"),
    ("sources under another name", "refs.yaml", PACK_SOURCES,
     "sources are read only from sources.yaml at the top of the pack folder; "
     "move its entries there"),
    ("guidance under another name", "my_guidance.yaml", "disclaimer: Not medical advice\n",
     "guidance.yaml is only read from the built-in data"),
    ("broken YAML in a stray file", "notes.yaml", "todo: [\n",
     "it is not one of the files a pack holds (muscles/<muscle id>.yaml, zones.yaml and "
     "sources.yaml)"),
]


@pytest.mark.parametrize(
    ("relative", "content", "reason"),
    [case[1:] for case in MISPLACED],
    ids=[case[0] for case in MISPLACED],
)
def test_a_file_the_loader_does_not_read_is_reported(tmp_path: Path, relative: str,
                                                     content: str, reason: str):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / relative).parent.mkdir(parents=True, exist_ok=True)
    (pack / relative).write_text(content, encoding="utf-8")
    problems = load_catalog([pack]).problems
    assert [str(p) for p in problems] == [
        f"{pack / relative}:1:1: this file is not read: {reason}"
    ]


def test_a_pack_with_its_muscle_at_the_top_reports_both_the_file_and_the_empty_pack(
        tmp_path: Path):
    pack = tmp_path / "flat"
    pack.mkdir()
    (pack / "piri_flat.yaml").write_text(VALID_MUSCLE.replace("pack_muscle", "piri_flat"))
    catalog = load_catalog([pack])
    assert "piri_flat" not in catalog.muscles
    assert [(Path(p.file), p.line, p.column, p.message) for p in catalog.problems] == [
        (pack, 1, 1, "this pack adds no muscle, zone or source: bodymap reads "
                     "muscles/<muscle id>.yaml, zones.yaml and sources.yaml in it"),
        (pack / "piri_flat.yaml", 1, 1,
         "this file is not read: muscle files go in muscles/; move it to muscles/piri_flat.yaml"),
    ]


def test_the_muscles_folder_given_as_the_pack_is_told_once_not_file_by_file(tmp_path: Path):
    # Its files are the pack's: each told "not read" would repeat the folder's problem.
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE,
                                          "other_muscle": VALID_MUSCLE})
    assert [str(p) for p in load_catalog([pack / "muscles"]).problems] == [
        f"{pack / 'muscles'}:1:1: this is a pack's muscles/ folder, not a pack: give the folder "
        f"that holds it, {pack}, as the pack"]


def test_an_empty_pack_is_reported(tmp_path: Path):
    (problem,) = load_catalog([tmp_path]).problems
    assert (Path(problem.file), problem.line, problem.column) == (tmp_path, 1, 1)
    assert problem.message.startswith("this pack adds no muscle, zone or source")


def test_a_pack_whose_only_file_is_broken_is_not_also_called_empty(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": "id: [\n"}, sources="sources: []\n")
    problems = load_catalog([pack]).problems
    assert [Path(p.file).name for p in problems] == ["pack_muscle.yaml"]


def test_hidden_folders_and_other_files_are_left_alone(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / ".github" / "workflows").mkdir(parents=True)
    (pack / ".github" / "workflows" / "check.yml").write_text("on: push\n")
    (pack / "README.md").write_text("My class's pack\n")
    (pack / "muscles" / "pack_muscle.yaml~").write_text("editor backup\n")
    assert load_catalog([pack]).problems == []


def test_the_builtin_data_has_no_file_it_does_not_read(catalog):
    assert catalog.problems == []


def test_a_big_folder_given_as_a_pack_is_searched_only_a_few_folders_deep(tmp_path: Path):
    # A teacher who gives a home folder by mistake must not wait while all of it is walked.
    deep = tmp_path / "a" / "b" / "c" / "d"
    deep.mkdir(parents=True)
    (tmp_path / "a" / "b" / "near.yaml").write_text(VALID_MUSCLE, encoding="utf-8")
    (deep / "far.yaml").write_text(VALID_MUSCLE, encoding="utf-8")
    reported = " ".join(str(p) for p in load_catalog([tmp_path]).problems)
    assert "near.yaml" in reported and "far.yaml" not in reported
