"""The trigger points as the window draws them: each X with its number at its upper right, the
same size in pixels at every zoom. Where the drawing puts a muscle's markers must leave every X
and every number clear of the others at the window's first-start size, or a class cannot tell
TrP2 from TrP3."""

from __future__ import annotations

from itertools import combinations

import pytest
from helpers.window import click
from PySide6.QtCore import QRectF, QSettings

from bodymap.model import Catalog, load_catalog
from bodymap.ui.body_scene import MarkerItem
from bodymap.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def window(qtbot, tmp_path, catalog: Catalog) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(catalog, settings, progress_path=tmp_path / "progress.sqlite3")
    qtbot.addWidget(win)
    win.resize(1320, 860)  # the size the window opens at on first start
    win.show()
    qtbot.waitExposed(win)
    return win


def ink(window: MainWindow, marker: MarkerItem) -> QRectF:
    """Where the marker's X and number are painted in the viewport."""
    view = window.body_view
    return marker.deviceTransform(view.viewportTransform()).mapRect(marker.ink_rect())


@pytest.mark.parametrize("side", ["L", "R"])
def test_gluteus_maximus_numbers_stand_clear_of_each_other(qtbot, window: MainWindow, side):
    # TrP3 beside the coccyx lies medial to and above TrP2 over the sit bone: on the left side
    # that is up and to the right on screen, where TrP2's number is written.
    click(qtbot, window, "gluteus_maximus", side)
    assert window.selected == ("gluteus_maximus", side)
    markers = [m for m in window.body_view.body_scene().markers["gluteus_maximus", side]
               if m.isVisible()]
    assert sorted(m.number for m in markers) == ["1", "2", "3"]
    for a, b in combinations(sorted(markers, key=lambda m: m.number), 2):
        ink_a, ink_b = ink(window, a), ink(window, b)
        assert ink_a.width() > 20 and ink_a.height() > 20  # an X and its number, in pixels
        assert not ink_a.intersects(ink_b), (
            f"TrP{a.number} and TrP{b.number} overlap on the {side} side: {ink_a} {ink_b}")
