"""PySide6-Essentials 6.12.0 on CPython 3.11 crashed the interpreter ("Fatal Python error:
bool_dealloc") after a few thousand signal -> Python slot calls. pyproject excludes 6.12.0; this
test proves the installed Qt survives the pattern, in a subprocess so a crash cannot take pytest
down with it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        fired = Signal(bool)
        nothing = Signal()

    app = QCoreApplication([])
    emitter = Emitter()
    seen = []
    emitter.fired.connect(lambda flag: seen.append(flag))
    emitter.nothing.connect(lambda: seen.append(None))
    for i in range(10_000):
        emitter.fired.emit(i % 2 == 0)
        emitter.nothing.emit()
    assert len(seen) == 20_000, len(seen)
    print("ok", len(seen))
    """
)


@pytest.mark.slow
def test_twenty_thousand_slot_calls_do_not_crash():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok 20000"


def test_installed_pyside_is_not_the_broken_release():
    from importlib.metadata import version

    assert version("PySide6-Essentials") != "6.12.0"
