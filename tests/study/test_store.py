"""The progress store: answers, profiles, notes, CSV export, and recovery from a damaged file."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from study.clock import T0

from bodymap.study import Grade, ProfileError, ProgressStore, StoreError
from bodymap.study.store import CSV_COLUMNS, SCHEMA_VERSION

RIGHT = Grade(1.0, True)
WRONG = Grade(0.0, False)


def test_new_database_is_versioned_and_in_wal_mode(store: ProgressStore, db_path: Path):
    assert store.recovery_message is None and store.moved_aside is None
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_answers_persist_across_reopening(db_path: Path):
    with ProgressStore.open(db_path) as store:
        ana = store.create_profile("Ana")
        first = store.record_answer(ana, "referral:piriformis:trp1", RIGHT, T0)
        second = store.record_answer(ana, "zones:piriformis", Grade(0.75, True),
                                     T0 + timedelta(seconds=1, microseconds=5))
    with ProgressStore.open(db_path) as store:
        assert store.recovery_message is None
        assert store.answers(ana) == [first, second]
    assert second.answered_at == T0 + timedelta(seconds=1, microseconds=5)
    assert second.score == 0.75 and second.correct


def test_answers_come_back_in_time_order_and_in_utc(store: ProgressStore):
    ana = store.create_profile("Ana")
    local = T0.astimezone(timezone(timedelta(hours=-5)))
    store.record_answer(ana, "locate:iliopsoas", RIGHT, T0 + timedelta(hours=1))
    store.record_answer(ana, "locate:piriformis", RIGHT, local)
    answers = store.answers(ana)
    assert [a.card_id for a in answers] == ["locate:piriformis", "locate:iliopsoas"]
    assert answers[0].answered_at == T0 and answers[0].answered_at.utcoffset() == timedelta(0)


def test_profiles_are_isolated(store: ProgressStore):
    ana, ben = store.create_profile("Ana"), store.create_profile("Ben")
    store.record_answer(ana, "locate:piriformis", RIGHT, T0)
    store.record_answer(ben, "locate:iliopsoas", WRONG, T0)
    store.set_note(ana, "piriformis", "Ana's note")
    assert [a.card_id for a in store.answers(ana)] == ["locate:piriformis"]
    assert [a.card_id for a in store.answers(ben)] == ["locate:iliopsoas"]
    assert store.note(ben, "piriformis") == ""
    assert store.mastery(ben, ["locate:piriformis"]) == {"piriformis": 0.0}
    assert store.mastery(ana, ["locate:piriformis"])["piriformis"] > 0


def test_profiles_create_list_rename_delete(store: ProgressStore):
    ben = store.create_profile("  Ben  ")
    ana = store.create_profile("ana")
    assert ben.name == "Ben"
    assert [p.name for p in store.profiles()] == ["ana", "Ben"]
    renamed = store.rename_profile(ana, "Ana Silva")
    assert renamed.id == ana.id and store.profile(ana.id).name == "Ana Silva"
    assert store.rename_profile(ben, "BEN").name == "BEN"  # a change of case is a rename
    store.record_answer(ben, "locate:piriformis", RIGHT, T0)
    store.set_note(ben, "piriformis", "note")
    store.delete_profile(ben)
    assert store.profiles() == [renamed]
    assert store.answers(ben) == [] and store.notes(ben) == {}
    newcomer = store.create_profile("Cleo")
    assert newcomer.id not in (ana.id, ben.id)  # ids of deleted profiles are never reused


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "needs a name"), ("   ", "needs a name"), ("x" * 61, "at most 60"),
     ("ANA", "already a profile")],
)
def test_bad_profile_names(store: ProgressStore, name: str, message: str):
    store.create_profile("Ana")
    with pytest.raises(ProfileError, match=message):
        store.create_profile(name)
    assert [p.name for p in store.profiles()] == ["Ana"]


def test_rename_onto_another_name_or_unknown_profile(store: ProgressStore):
    ana, ben = store.create_profile("Ana"), store.create_profile("Ben")
    with pytest.raises(ProfileError, match="already"):
        store.rename_profile(ben, "ana")
    store.delete_profile(ana)
    with pytest.raises(ProfileError, match="no profile"):
        store.rename_profile(ana, "Zed")
    with pytest.raises(ProfileError, match="no profile"):
        store.record_answer(ana, "locate:piriformis", RIGHT, T0)


def test_bad_answers_are_refused(store: ProgressStore):
    ana = store.create_profile("Ana")
    with pytest.raises(ValueError, match="timezone-aware"):
        store.record_answer(ana, "locate:piriformis", RIGHT, T0.replace(tzinfo=None))
    with pytest.raises(ValueError, match="between 0 and 1"):
        store.record_answer(ana, "locate:piriformis", Grade(1.5, True), T0)
    with pytest.raises(ValueError, match="card id"):
        store.record_answer(ana, "nonsense", RIGHT, T0)
    assert store.answers(ana) == []


def test_notes_per_muscle_per_profile(store: ProgressStore):
    ana = store.create_profile("Ana")
    assert store.note(ana, "piriformis") == ""
    store.set_note(ana, "piriformis", "Check with the knee bent")
    store.set_note(ana, "iliopsoas", "Go slowly: the abdominal aorta lies near")
    store.set_note(ana, "piriformis", "Sciatic nerve nearby <b>not bold</b>")
    assert store.note(ana, "piriformis") == "Sciatic nerve nearby <b>not bold</b>"
    assert list(store.notes(ana)) == ["iliopsoas", "piriformis"]
    store.set_note(ana, "iliopsoas", "  ")
    assert store.notes(ana) == {"piriformis": "Sciatic nerve nearby <b>not bold</b>"}


def test_export_csv(store: ProgressStore, tmp_path: Path):
    ana = store.create_profile("=Ana, \"the\" student")  # formula-like, comma and quotes
    store.record_answer(ana, "referral:gluteus_medius:trp1", RIGHT, T0)
    store.record_answer(ana, "zones:piriformis", Grade(0.5, False), T0 + timedelta(minutes=1))
    store.record_answer(store.create_profile("Ben"), "locate:iliopsoas", RIGHT, T0)
    target = tmp_path / "ana.csv"
    assert store.export_csv(ana, target) == 2
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows == [
        list(CSV_COLUMNS),
        ["'=Ana, \"the\" student", "2025-03-01T09:00:00.000000Z", "referral:gluteus_medius:trp1",
         "referral", "gluteus_medius", "1", "1"],
        ["'=Ana, \"the\" student", "2025-03-01T09:01:00.000000Z", "zones:piriformis", "zones",
         "piriformis", "0.5", "0"],
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["ana.csv", "data"]  # no temporary left
    # Readable as any file the person saves (mkstemp's own is the owner's alone): a teacher's
    # export on a shared computer is for others to open.
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_export_of_unknown_profile_leaves_no_file(store: ProgressStore, tmp_path: Path):
    with pytest.raises(ProfileError):
        store.export_csv(12345, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def seed_progress(path: Path) -> None:
    with ProgressStore.open(path) as store:
        ana = store.create_profile("Ana")
        for minute in range(50):
            store.record_answer(ana, f"locate:m{minute}", RIGHT, T0 + timedelta(minutes=minute))
            store.set_note(ana, f"m{minute}", "a note " * 100)


def damage_garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 16)


def damage_truncate(path: Path) -> None:
    seed_progress(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damage_short(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


def damage_page(path: Path) -> None:
    seed_progress(path)
    data = bytearray(path.read_bytes())
    data[4096 * 2: 4096 * 3] = b"\xff" * 4096  # a b-tree page overwritten
    path.write_bytes(bytes(data))


def damage_foreign(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE photos (id INTEGER)")
    raw.commit()
    raw.close()


@pytest.mark.parametrize(
    "damage", [damage_garbage, damage_truncate, damage_short, damage_page, damage_foreign])
def test_damaged_database_is_moved_aside_and_a_fresh_one_started(
    db_path: Path, damage: Callable[[Path], None]
):
    db_path.parent.mkdir(parents=True)
    damage(db_path)
    damaged = db_path.read_bytes()
    store = ProgressStore.open(db_path, now=T0)
    try:
        assert store.recovery_message and "damaged" in store.recovery_message
        assert store.recovery_detail
        assert store.moved_aside == db_path.with_name("progress.sqlite3.corrupt-20250301T090000Z")
        assert store.moved_aside.name in store.recovery_message
        assert store.moved_aside.read_bytes() == damaged  # kept as it was, for rescue
        assert store.profiles() == []
        ana = store.create_profile("Ana")
        store.record_answer(ana, "locate:piriformis", RIGHT, T0)
    finally:
        store.close()
    with ProgressStore.open(db_path) as again:  # the fresh file is healthy
        assert again.recovery_message is None
        assert [a.card_id for a in again.answers(ana)] == ["locate:piriformis"]


def test_second_recovery_in_the_same_second_gets_its_own_name(db_path: Path):
    db_path.parent.mkdir(parents=True)
    moved = []
    for _ in range(2):
        damage_garbage(db_path)
        with ProgressStore.open(db_path, now=T0) as store:
            moved.append(store.moved_aside)
    assert moved[0] != moved[1] and all(m and m.exists() for m in moved)


def test_stale_wal_goes_aside_with_its_database(db_path: Path):
    db_path.parent.mkdir(parents=True)
    damage_garbage(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    wal.write_bytes(b"old journal")
    with ProgressStore.open(db_path, now=T0) as store:
        assert store.moved_aside is not None
        assert store.moved_aside.with_name(store.moved_aside.name + "-wal").read_bytes() == (
            b"old journal")
        assert store.profiles() == []


def test_empty_file_is_a_new_database_not_damage(db_path: Path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with ProgressStore.open(db_path) as store:
        assert store.recovery_message is None
        assert store.profiles() == []


def test_database_from_a_newer_bodymap_is_refused_and_left_alone(db_path: Path):
    seed_progress(db_path)
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        ProgressStore.open(db_path)
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]


def test_two_windows_share_one_database(db_path: Path):
    with ProgressStore.open(db_path) as one, ProgressStore.open(db_path) as two:
        ana = one.create_profile("Ana")
        two.record_answer(ana, "locate:piriformis", RIGHT, T0)
        assert [a.card_id for a in one.answers(ana)] == ["locate:piriformis"]


def test_a_file_held_by_another_copy_is_a_store_error_and_loses_nothing(db_path: Path,
                                                                        monkeypatch):
    import bodymap.study.store as store_module

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.05)
    with ProgressStore.open(db_path) as store:
        ana = store.create_profile("Ana")
        kept = store.record_answer(ana, "locate:piriformis", RIGHT, T0)
        other = sqlite3.connect(db_path, isolation_level=None)  # a second copy, mid-write
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match=r"could not be saved \(database is locked\)"):
            store.record_answer(ana, "locate:iliopsoas", WRONG, T0 + timedelta(minutes=1))
        with pytest.raises(StoreError, match="Another copy of bodymap"):
            store.set_note(ana, "piriformis", "thumb, not elbow")
        with pytest.raises(StoreError):
            store.create_profile("Ben")
        other.execute("ROLLBACK")
        other.close()
        later = store.record_answer(ana, "locate:iliopsoas", WRONG, T0 + timedelta(minutes=2))
        store.set_note(ana, "piriformis", "thumb, not elbow")
        assert store.answers(ana) == [kept, later]
        assert store.note(ana, "piriformis") == "thumb, not elbow"
        assert [p.name for p in store.profiles()] == ["Ana"]
