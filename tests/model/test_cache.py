"""The cache of validated files only ever saves time: it never changes what is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.packs import VALID_MUSCLE, write_pack

from bodymap.model import load_catalog
from bodymap.model.cache import FileCache


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BODYMAP_CACHE_DIR", str(folder))
    return folder


def test_second_load_matches_the_first_and_uses_the_cache(tmp_path: Path, own_cache: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE.replace("hip", "hipp", 1)})
    first = load_catalog([pack])
    assert len(list(own_cache.glob("data-*.pickle"))) == 2  # built-in data, and the pack
    second = load_catalog([pack])
    assert second.problems == first.problems
    assert second.muscles == first.muscles
    cached = FileCache(pack, own_cache)
    assert any(key[0].endswith("pack_muscle.yaml") for key in cached.entries)


def test_an_edited_file_is_read_again(tmp_path: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    assert load_catalog([pack]).problems == []
    (pack / "muscles" / "pack_muscle.yaml").write_text(VALID_MUSCLE.replace("hip", "hipp", 1))
    (problem,) = load_catalog([pack]).problems
    assert "did you mean 'hip'" in problem.message


def test_a_broken_cache_file_is_ignored(tmp_path: Path, own_cache: Path):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    load_catalog([pack])
    for path in own_cache.glob("data-*.pickle"):
        path.write_bytes(b"not a pickle")
    catalog = load_catalog([pack])
    assert catalog.problems == []
    assert "pack_muscle" in catalog.muscles


def test_the_cache_of_a_folder_no_longer_loaded_is_deleted_in_time(tmp_path: Path,
                                                                   own_cache: Path):
    import os
    import time

    from bodymap.model.cache import UNUSED_DAYS

    load_catalog([])  # the built-in data's cache file
    (built_in,) = own_cache.glob("data-*.pickle")
    days_ago = lambda days: time.time() - days * 24 * 3600  # noqa: E731
    gone, recent = own_cache / "data-0123456789abcdef-x.pickle", own_cache / "data-fe-x.pickle"
    for path, age in ((gone, UNUSED_DAYS + 1), (recent, UNUSED_DAYS - 1),
                      (built_in, UNUSED_DAYS + 1)):
        path.touch()
        os.utime(path, (days_ago(age), days_ago(age)))
    # A pack loaded with the built-in data: the built-in file is read (so in use), the pack's
    # written, and the file of a folder unread for longer than UNUSED_DAYS goes.
    load_catalog([write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})])
    assert not gone.exists()
    assert recent.exists() and built_in.exists()
    assert len(list(own_cache.glob("data-*.pickle"))) == 3  # built-in, recent, the pack
