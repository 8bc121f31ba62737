"""A cache of validated muscle files, so an unchanged file is not parsed again.

PyYAML's C parser alone needs about half a millisecond per muscle file, so a large pack (a
thousand files) would take over a second to start. Like linters do, we keep each file's result
(the muscle, its problems and its references) keyed by the file's bytes, its path and the loader's
own code, so any edit to either misses the cache. The cache lives in the user's cache folder
(`BODYMAP_CACHE_DIR` overrides it); a missing, stale or unreadable cache only costs time.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import time
from functools import cache
from pathlib import Path
from typing import Any

try:  # CPython's own blake2; `hashlib` would also load OpenSSL (~4 MiB, ~3 ms) at every start
    from _blake2 import blake2b
except ImportError:  # other interpreters
    from hashlib import blake2b

_VERSION = 1
# A data folder's cache file not read for this long (a pack deleted or moved, a temporary folder
# a teacher tried) is deleted when a cache file is next saved. One in use is read, so kept.
UNUSED_DAYS = 60


def cache_dir() -> Path:
    if override := os.environ.get("BODYMAP_CACHE_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "bodymap" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "bodymap"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "bodymap"


@cache
def code_fingerprint(package: Path) -> str:
    """Changes whenever a package's code changes, so an upgrade never reads old results."""
    digest = blake2b(str(_VERSION).encode(), digest_size=16)
    for path in sorted(package.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_key(*parts: bytes) -> str:
    """A short hex digest of some bytes, for naming a cache file after what it was made from."""
    digest = blake2b(digest_size=16)
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def save_replacing(path: Path, data: bytes, older: str) -> None:
    """Write a cache file whole (a reader never sees half of it), then delete its siblings
    matching the glob `older` (made from older inputs or older code). A read-only home or a
    full disk only means the next start is slower, so OSError is swallowed."""
    import tempfile  # only when writing: most starts only read the cache

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)  # no stray .tmp files after a full disk
            raise
        for old in path.parent.glob(older):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


class FileCache:
    """Results of reading one data folder's files, by (path, shown as, content).

    One cache file per data folder, so a teacher's large pack never slows loading the built-in
    data; saved once, after loading."""

    def __init__(self, data_folder: Path, folder: Path | None = None) -> None:
        key = blake2b(str(data_folder.resolve()).encode(), digest_size=8).hexdigest()
        self.prefix = f"data-{key}-"
        fingerprint = code_fingerprint(Path(__file__).parent)
        self.path = (folder or cache_dir()) / f"{self.prefix}{fingerprint}.pickle"
        self.entries: dict[tuple[str, str], tuple[bytes, Any]] = {}
        self.changed = False
        try:
            with self.path.open("rb") as stream:
                self.entries = pickle.load(stream)  # our own file, in the user's own folder
        except Exception:  # no cache, or a broken one (any unpickling error): start empty
            self.entries = {}
        else:  # read now: not one of the unused (`forget_unused`); a read-only folder's stay
            with contextlib.suppress(OSError):
                os.utime(self.path)

    @staticmethod
    def digest(content: bytes) -> bytes:
        return blake2b(content, digest_size=20).digest()

    def get(self, path: Path, display: str, content: bytes) -> Any | None:
        entry = self.entries.get((str(path), display))
        if entry is not None and entry[0] == self.digest(content):
            return entry[1]
        return None

    def put(self, path: Path, display: str, content: bytes, result: Any) -> None:
        self.entries[str(path), display] = (self.digest(content), result)
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        # Forget files that are gone (deleted packs, temporary folders) so the cache stays small.
        self.entries = {k: v for k, v in self.entries.items() if os.path.exists(k[0])}
        save_replacing(self.path, pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL),
                       f"{self.prefix}*.pickle")  # this folder, from other versions of the code
        forget_unused(self.path.parent, "data-*.pickle")


def forget_unused(folder: Path, pattern: str, days: float = UNUSED_DAYS) -> None:
    """Delete the cache files in `folder` matching the glob `pattern` that nothing has read or
    written for `days`: without it every data folder ever loaded would keep a file forever."""
    oldest = time.time() - days * 24 * 3600
    try:
        for path in folder.glob(pattern):
            if path.stat().st_mtime < oldest:
                path.unlink(missing_ok=True)
    except OSError:  # gone meanwhile, or not ours to delete: only space is lost
        pass
