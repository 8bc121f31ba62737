"""Start-up pays only for the first frame: the side pages not shown are loaded and built when a
person first opens them (the figures are in `make bench`), but for the pain finder's, which
DESIGN section 7 has checks find in a window just made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The window as `bodymap` opens it, in a process of its own (the test process has every module
# loaded), painted whole; then the coach's tab clicked and pain mode turned on, as a person does.
# What was loaded after each, as JSON lines.
OPEN_THEN_USE_THE_PAGES = """
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QTabWidget, QWidget
from bodymap.ui.app import open_window

LATER = ["bodymap.ui.pain_finder", "bodymap.ui.technique_coach", "bodymap.ui.study_panel"]

def report(**seen):
    seen["loaded"] = [name for name in LATER if name in sys.modules]
    print(json.dumps(seen))

window = open_window()
QApplication.processEvents()
window.grab()
report()
tabs = window.findChild(QTabWidget, "sidePanels")
bar = tabs.tabBar()
coach = window.findChild(QWidget, "techniqueCoach")
QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(coach)).center())
QApplication.processEvents()
report(shown=tabs.currentWidget().objectName(),
       built=coach.findChild(QPushButton, "nextStep") is not None)
window.findChild(QAction, "actionPainMode").trigger()
QApplication.processEvents()
report(shown=tabs.currentWidget().objectName(),
       built=window.findChild(QAbstractItemView, "painCandidates") is not None)
"""


def test_the_pages_not_shown_are_loaded_when_first_opened(tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", OPEN_THEN_USE_THE_PAGES], env=env,
                         capture_output=True, text=True, check=True, timeout=60, cwd=ROOT).stdout
    first_frame, coach_tab, pain_mode = (json.loads(line) for line in out.splitlines())
    assert first_frame == {"loaded": ["bodymap.ui.pain_finder"]}
    assert coach_tab == {"shown": "techniqueCoach", "built": True,
                         "loaded": ["bodymap.ui.pain_finder", "bodymap.ui.technique_coach"]}
    assert pain_mode == {"shown": "painFinder", "built": True,
                         "loaded": ["bodymap.ui.pain_finder", "bodymap.ui.technique_coach"]}


# A process's first window, then a second one opened in it, as `bodymap` and tests do.
OPEN_TWICE = """
import gc, json
from bodymap.ui.app import open_window

first = open_window()
after_first = [gc.isenabled(), gc.get_freeze_count()]
second = open_window()
print(json.dumps({"first": after_first, "second": [gc.isenabled(), gc.get_freeze_count()]}))
"""


def test_the_start_leaves_what_it_built_out_of_the_collectors_sweeps(tmp_path: Path):
    """The objects a start builds, which live as long as the process, are not walked by every
    later sweep of the cycle collector; the collector runs on after the start; and a window
    opened later leaves the collector as it was."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", OPEN_TWICE], env=env, capture_output=True,
                         text=True, check=True, timeout=60, cwd=ROOT).stdout
    seen = json.loads(out)
    enabled, frozen = seen["first"]
    assert enabled and frozen > 10_000  # the modules, the data and the window, at least
    assert seen["second"] == [True, frozen]
