"""The window paints in its own thread: Qt's pool of fill threads costs more than it saves on a
window's small paints (the figures are in `bodymap.ui`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The window as `bodymap` opens it, in a process of its own (Qt reads the setting once a process),
# clicked on a muscle and painted whole; then the names of the process's threads.
CLICK_AND_LIST_THREADS = """
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from bodymap.ui.app import open_window
window = open_window()
view = window.body_view
QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                 pos=view.region_point("gluteus_medius", "L"))
assert window.detail_panel.muscle_id == "gluteus_medius"
window.grab()
print("\\n".join(sorted({p.read_text().strip() for p in Path("/proc/self/task").glob("*/comm")})))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                    reason="thread names are read from Linux's /proc")
def test_a_click_and_a_full_paint_start_no_pool_of_paint_threads(tmp_path: Path):
    env = {key: value for key, value in os.environ.items() if key != "QT_NO_GUI_THREADPOOL"}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    threads = subprocess.run([sys.executable, "-c", CLICK_AND_LIST_THREADS], env=env,
                             capture_output=True, text=True, check=True, timeout=60).stdout
    assert "Thread (pooled)" not in threads.splitlines()
