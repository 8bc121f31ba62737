"""Study progress in one sqlite3 file: profiles, one row per answer, notes per muscle.

Several students may share one laptop, so everything belongs to a profile. Each answer is
committed in its own transaction (WAL journal, synchronous=FULL), so killing the app loses no
answer that `record_answer` returned from.

Opening checks the file (header, `PRAGMA quick_check`, schema version). A damaged file is moved
aside to `<name>.corrupt-<timestamp>` (with its -wal/-shm companions), a fresh database is
started, and `ProgressStore.recovery_message` says so in words a student understands; opening
never fails because of a damaged file. `StoreError` is raised only when the file cannot be used
at all and is not damaged: locked, unwritable, or written by a newer bodymap.

`PRAGMA user_version` holds the schema version; `_MIGRATIONS[n]` brings version n to n + 1.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bodymap.study.grading import Grade
from bodymap.study.mastery import muscle_mastery
from bodymap.study.questions import kind_of, muscle_of
from bodymap.study.scheduler import Answer, LeitnerScheduler, require_aware

_SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"  # fixed width, so stamps sort as text
_MAX_NAME = 60
BUSY_TIMEOUT_S = 5.0  # how long a write waits for another copy of bodymap to finish its own

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 0 -> 1
        # AUTOINCREMENT: a deleted profile's id is never reused, so a stale Profile held by the
        # window can never write into someone else's progress.
        """CREATE TABLE profiles (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        )""",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            card_id TEXT NOT NULL,
            muscle_id TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
            correct INTEGER NOT NULL CHECK (correct IN (0, 1))
        )""",
        "CREATE INDEX answers_by_profile ON answers (profile_id, answered_at)",
        """CREATE TABLE notes (
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            muscle_id TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (profile_id, muscle_id)
        ) WITHOUT ROWID""",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)
_TABLES = frozenset({"profiles", "answers", "notes"})

CSV_COLUMNS = ("profile", "answered_at", "card_id", "kind", "muscle_id", "score", "correct")


class StoreError(Exception):
    """The progress database cannot be used; the message is meant for the student."""


class ProfileError(ValueError):
    """A profile name is empty, too long or taken, or a profile does not exist."""


def store_errors() -> tuple[type[Exception], ...]:
    """Errors that mean "the progress file cannot be used right now", as opposed to a bug.

    sqlite3's own errors are here because `record_answer` lets e.g. "database is locked"
    through unwrapped. (An `except` clause evaluates this only when something was raised.)
    """
    return (StoreError, ProfileError, OSError, sqlite3.Error)


class _Damaged(Exception):
    """The file is not a healthy bodymap database; `str()` says what is wrong."""


@dataclass(frozen=True)
class Profile:
    id: int
    name: str


def _stamp(moment: datetime) -> str:
    return require_aware(moment, "answered_at").astimezone(UTC).strftime(_STAMP)


def _parse_stamp(text: str) -> datetime:
    return datetime.strptime(text, _STAMP).replace(tzinfo=UTC)


def _umask() -> int:
    """The process's file-creation mask (reading it means setting it: set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _profile_id(profile: Profile | int) -> int:
    return profile.id if isinstance(profile, Profile) else int(profile)


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # no code (older sqlite3 module): judge by the message
        return "malformed" in str(error) or "not a database" in str(error)
    return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _check_header(path: Path) -> None:
    """Refuse a non-empty file that does not start like an SQLite database."""
    try:
        with path.open("rb") as file:
            head = file.read(100)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(f"The study progress file {path} cannot be read: {error}.") from error
    if head and (len(head) < 100 or not head.startswith(_SQLITE_HEADER)):
        raise _Damaged("it is not an SQLite database")


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write, all or nothing. A file that cannot be written now (another copy of bodymap
    holding it past the busy timeout, a full disk, a read-only folder) is a `StoreError`."""
    try:
        # IMMEDIATE takes the write lock up front, so a second copy of the app waits instead of
        # failing half-way through.
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # a failed COMMIT may have ended it already
                db.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as error:
        raise StoreError(f"Study progress could not be saved ({error}). Another copy of "
                         "bodymap may be using the file, or the disk may be full.") from error


def _inspect(db: sqlite3.Connection) -> None:
    """Read-only checks, before anything is written to a file that may not be ours."""
    rows = db.execute("PRAGMA quick_check").fetchall()
    if rows != [("ok",)]:
        raise _Damaged(f"its integrity check failed: {rows[0][0]}")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise _Damaged("it holds tables that are not bodymap's")
    if version > SCHEMA_VERSION:
        raise StoreError(
            "The study progress file was written by a newer version of bodymap. Progress will "
            "not be saved until bodymap is updated."
        )


def _migrate(db: sqlite3.Connection) -> None:
    with _transaction(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        # Re-read inside the write lock: another copy of the app may have migrated meanwhile.
        for statements in _MIGRATIONS[version:]:
            for statement in statements:
                db.execute(statement)
        if version < SCHEMA_VERSION:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if missing := _TABLES - tables:
        raise _Damaged(f"tables are missing: {', '.join(sorted(missing))}")


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to a checked, migrated database; `_Damaged` if the file is damaged."""
    _check_header(path)
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"The study progress file {path} cannot be opened: {error}.") from error
    try:
        _inspect(db)
        db.execute("PRAGMA foreign_keys = ON")
        # WAL: a crash mid-write never touches committed data; FULL: a power cut neither.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        _migrate(db)
    except sqlite3.Error as error:
        db.close()
        if _is_damage(error):
            raise _Damaged(f"sqlite reports: {error}") from error
        raise StoreError(f"The study progress file {path} cannot be used: {error}.") from error
    except BaseException:
        db.close()
        raise
    return db


def _move_aside(path: Path, now: datetime) -> Path:
    """Rename the damaged file (and its journal companions) to `<name>.corrupt-<timestamp>`."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    try:
        os.replace(path, target)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():  # a stale WAL would otherwise be replayed into the new file
                os.replace(companion, target.with_name(target.name + suffix))
    except OSError as error:
        raise StoreError(
            f"The study progress file {path} is damaged and could not be moved aside: {error}."
        ) from error
    return target


def _csv_text(text: str) -> str:
    """Keep a spreadsheet from running a profile name such as '=HYPERLINK(...)' as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class ProgressStore:
    """The progress database. Open with `ProgressStore.open(path)`; close when done."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        # Set when a damaged file was moved aside on open: show the message to the student once;
        # the detail (what sqlite found) is for a log or a bug report.
        self.recovery_message: str | None = None
        self.recovery_detail: str | None = None
        self.moved_aside: Path | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, now: datetime | None = None) -> ProgressStore:
        """Open or create the database at `path`; a damaged file is moved aside (see module).

        `now` only names the moved-aside file.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"The folder for study progress cannot be made: {error}.") from error
        try:
            return cls(_connect(path), path)
        except _Damaged as damage:
            moved = _move_aside(path, now or datetime.now(UTC))
            reason = str(damage)
        try:
            db = _connect(path)
        except _Damaged as damage:  # a fresh file cannot be damaged; the disk must be failing
            raise StoreError(f"A new study progress file cannot be started: {damage}.") from damage
        store = cls(db, path)
        store.recovery_message = (
            "Your study progress file was damaged and could not be read, so a new one was "
            f"started. The old file was kept as {moved.name} in {moved.parent}."
        )
        store.recovery_detail = reason
        store.moved_aside = moved
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- profiles --------------------------------------------------------------------------
    def profiles(self) -> list[Profile]:
        """Every profile, by name (ignoring case)."""
        rows = self._db.execute("SELECT id, name FROM profiles ORDER BY name COLLATE NOCASE, id")
        return [Profile(id, name) for id, name in rows]

    def profile(self, profile_id: int) -> Profile:
        row = self._db.execute("SELECT id, name FROM profiles WHERE id = ?",
                               (profile_id,)).fetchone()
        if row is None:
            raise ProfileError(f"There is no profile number {profile_id}.")
        return Profile(*row)

    def _clean_name(self, name: str, keep_id: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise ProfileError("A profile needs a name.")
        if len(name) > _MAX_NAME:
            raise ProfileError(f"A profile name can be at most {_MAX_NAME} characters long.")
        row = self._db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
        if row is not None and row[0] != keep_id:
            raise ProfileError(f"There is already a profile named {name!r}.")
        return name

    def create_profile(self, name: str) -> Profile:
        with _transaction(self._db):
            name = self._clean_name(name)
            cursor = self._db.execute("INSERT INTO profiles (name) VALUES (?)", (name,))
        assert cursor.lastrowid is not None
        return Profile(cursor.lastrowid, name)

    def rename_profile(self, profile: Profile | int, name: str) -> Profile:
        profile_id = _profile_id(profile)
        with _transaction(self._db):
            self.profile(profile_id)
            name = self._clean_name(name, keep_id=profile_id)
            self._db.execute("UPDATE profiles SET name = ? WHERE id = ?", (name, profile_id))
        return Profile(profile_id, name)

    def delete_profile(self, profile: Profile | int) -> None:
        """Delete a profile with all its answers and notes."""
        with _transaction(self._db):
            self._db.execute("DELETE FROM profiles WHERE id = ?", (_profile_id(profile),))

    # -- answers ---------------------------------------------------------------------------
    def record_answer(self, profile: Profile | int, card_id: str, grade: Grade,
                      answered_at: datetime) -> Answer:
        """Store one answer, committed before this returns."""
        if not 0.0 <= grade.score <= 1.0:
            raise ValueError(f"score must be between 0 and 1, not {grade.score}")
        muscle_id = muscle_of(card_id)
        stamp = _stamp(answered_at)
        profile_id = _profile_id(profile)
        try:
            with _transaction(self._db):
                self._db.execute(
                    "INSERT INTO answers (profile_id, card_id, muscle_id, answered_at, score,"
                    " correct) VALUES (?, ?, ?, ?, ?, ?)",
                    (profile_id, card_id, muscle_id, stamp, grade.score, int(grade.correct)),
                )
        except sqlite3.IntegrityError as error:  # the profile was deleted meanwhile
            raise ProfileError(f"There is no profile number {profile_id}.") from error
        return Answer(card_id, _parse_stamp(stamp), grade.score, grade.correct)

    def answers(self, profile: Profile | int) -> list[Answer]:
        """The profile's answers, oldest first."""
        rows = self._db.execute(
            "SELECT card_id, answered_at, score, correct FROM answers WHERE profile_id = ?"
            " ORDER BY answered_at, id",
            (_profile_id(profile),),
        )
        return [Answer(card, _parse_stamp(at), score, bool(correct))
                for card, at, score, correct in rows]

    def mastery(self, profile: Profile | int, card_ids: Iterable[str],
                scheduler: LeitnerScheduler | None = None) -> dict[str, float]:
        """Mastery 0..1 per muscle over the deck `card_ids`; see `muscle_mastery`."""
        return muscle_mastery(card_ids, self.answers(profile), scheduler)

    # -- notes -----------------------------------------------------------------------------
    def note(self, profile: Profile | int, muscle_id: str) -> str:
        """The student's own note on a muscle ("" if none)."""
        row = self._db.execute(
            "SELECT text FROM notes WHERE profile_id = ? AND muscle_id = ?",
            (_profile_id(profile), muscle_id),
        ).fetchone()
        return row[0] if row else ""

    def notes(self, profile: Profile | int) -> dict[str, str]:
        rows = self._db.execute(
            "SELECT muscle_id, text FROM notes WHERE profile_id = ? ORDER BY muscle_id",
            (_profile_id(profile),),
        )
        return dict(rows.fetchall())

    def set_note(self, profile: Profile | int, muscle_id: str, text: str) -> None:
        """Save a note; blank text deletes it."""
        profile_id = _profile_id(profile)
        try:
            with _transaction(self._db):
                if text.strip():
                    self._db.execute(
                        "INSERT INTO notes (profile_id, muscle_id, text) VALUES (?, ?, ?)"
                        " ON CONFLICT (profile_id, muscle_id) DO UPDATE SET text = excluded.text",
                        (profile_id, muscle_id, text),
                    )
                else:
                    self._db.execute("DELETE FROM notes WHERE profile_id = ? AND muscle_id = ?",
                                     (profile_id, muscle_id))
        except sqlite3.IntegrityError as error:
            raise ProfileError(f"There is no profile number {profile_id}.") from error

    # -- export ----------------------------------------------------------------------------
    def export_csv(self, profile: Profile | int, path: str | os.PathLike[str]) -> int:
        """Write the profile's answers to a CSV file (UTF-8 with BOM, for Excel); row count.

        Columns are CSV_COLUMNS; `answered_at` is UTC ISO 8601, `correct` is 1 or 0. The file is
        written beside the target and renamed over it, so a failed export leaves no half file.
        """
        target = Path(path)
        name = _csv_text(self.profile(_profile_id(profile)).name)
        answers = self.answers(profile)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".tmp")
        try:
            # As any file the person saves, not mkstemp's owner-only 0600: a teacher's export
            # on a shared computer is for others to open.
            os.fchmod(handle, 0o666 & ~_umask())
            with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as file:
                writer = csv.writer(file)
                writer.writerow(CSV_COLUMNS)
                for answer in answers:
                    writer.writerow((
                        name,
                        answer.answered_at.strftime(_STAMP),
                        answer.card_id,
                        kind_of(answer.card_id),
                        muscle_of(answer.card_id),
                        f"{answer.score:.3g}",
                        int(answer.correct),
                    ))
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        return len(answers)
