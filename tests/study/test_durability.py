"""Killing the app mid-sitting loses no answer that was reported saved."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import bodymap
from bodymap.study import ProgressStore

# Records answers as fast as it can, printing each one's number once record_answer returned.
RECORDER = textwrap.dedent(
    """\
    import sys
    from datetime import UTC, datetime, timedelta
    from bodymap.study import Grade, ProgressStore

    store = ProgressStore.open(sys.argv[1])
    profile = store.create_profile("Durable")
    start = datetime(2025, 3, 1, tzinfo=UTC)
    number = 0
    while True:
        store.record_answer(profile, f"locate:m{number}", Grade(1.0, True),
                            start + timedelta(seconds=number))
        print(number, flush=True)
        number += 1
    """
)
ENOUGH = 150


@pytest.mark.slow
def test_sigkill_mid_run_loses_no_reported_answer(tmp_path: Path):
    db_path = tmp_path / "progress.sqlite3"
    source_root = Path(bodymap.__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(source_root), os.environ.get("PYTHONPATH", "")])}
    with subprocess.Popen([sys.executable, "-c", RECORDER, str(db_path)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        reported = []
        for line in process.stdout:  # blocks on the pipe: no sleeping, no timing guesses
            reported.append(int(line))
            if len(reported) >= ENOUGH:
                break
        process.kill()  # SIGKILL on POSIX: no atexit, no finally, no sqlite close
        rest, errors = process.communicate()
        # Lines printed before the kill but not yet read were reported too; a torn last line
        # (no newline) was not.
        reported += [int(line) for line in rest.splitlines(keepends=True) if line.endswith("\n")]
    assert process.returncode != 0, errors
    if sys.platform != "win32":
        assert process.returncode == -9
    assert len(reported) >= ENOUGH and reported == list(range(len(reported)))
    with ProgressStore.open(db_path) as store:
        assert store.recovery_message is None
        (profile,) = store.profiles()
        saved = {answer.card_id for answer in store.answers(profile)}
    assert {f"locate:m{n}" for n in reported} <= saved
