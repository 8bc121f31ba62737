"""A path given as a pack that is not one (a file of a pack, its muscles/ folder, the folder the
pack sits in) is answered with the pack folder meant, not with "no such data folder" or advice
to move files that are where they belong."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.packs import VALID_MUSCLE, write_pack

from bodymap.model import load_catalog
from bodymap.model.packfolder import pack_of


def messages(path: Path) -> list[tuple[Path, int, int, str]]:
    return [(Path(p.file), p.line, p.column, p.message)
            for p in load_catalog([path]).problems if not p.note]


def test_a_file_given_as_a_pack_names_the_pack_that_holds_it(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    muscle = pack / "muscles" / "pack_muscle.yaml"
    assert messages(muscle) == [(muscle, 1, 1, "this is a file, not a data folder: give the "
                                              f"pack folder that holds it, {pack}")]


def test_a_file_in_no_pack_is_told_what_a_pack_holds(tmp_path: Path):
    lone = tmp_path / "hamstrings.yaml"
    lone.write_text(VALID_MUSCLE, encoding="utf-8")
    assert messages(lone) == [(lone, 1, 1, "this is a file, not a data folder: give the pack "
                                           "folder it belongs in (a pack holds muscles/<muscle "
                                           "id>.yaml, zones.yaml and sources.yaml)")]


def test_the_muscles_folder_is_answered_with_its_pack_at_the_folder(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    assert messages(pack / "muscles")[0] == (
        pack / "muscles", 1, 1, "this is a pack's muscles/ folder, not a pack: give the folder "
        f"that holds it, {pack}, as the pack")


def test_the_muscles_folder_given_as_dot_is_answered_with_its_pack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    monkeypatch.chdir(pack / "muscles")
    assert messages(Path("."))[0][3] == (
        "this is a pack's muscles/ folder, not a pack: give the folder that holds it, "
        ".. (the folder above), as the pack")
    monkeypatch.chdir(pack)
    assert messages(Path("muscles"))[0][3].endswith(
        "give the folder that holds it, . (the current folder), as the pack")


def test_a_folder_holding_a_pack_names_it_and_not_its_files(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    # Its files are where they belong in their pack: "move it to muscles/" would be wrong.
    write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    monkeypatch.chdir(tmp_path)
    assert messages(Path(".")) == [
        (Path("."), 1, 1, "this folder is not a pack, but holds one: give pack as the pack")]


def test_a_folder_holding_packs_names_them_all(tmp_path: Path):
    first = write_pack(tmp_path / "class" / "first", {"pack_muscle": VALID_MUSCLE})
    second = write_pack(tmp_path / "second", {"other_muscle": VALID_MUSCLE})
    assert messages(tmp_path) == [
        (tmp_path, 1, 1, f"this folder is not a pack, but holds several: give {first}, "
                         f"{second} as the packs")]


def test_a_file_belongs_to_the_nearest_pack_above_it(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "muscles" / "extra").mkdir()
    deep = pack / "muscles" / "extra" / "x.yaml"
    deep.write_text(VALID_MUSCLE, encoding="utf-8")
    assert pack_of(deep) == pack_of(pack / "sources.yaml") == pack
    assert pack_of(tmp_path / "pack" / ".." / "pack" / "sources.yaml") == pack
    assert pack_of(tmp_path / "lone.yaml") is None
