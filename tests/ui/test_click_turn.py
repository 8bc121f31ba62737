"""What one click on the body costs the window: one paint, settled; no file written per click;
text laid out the way `bodymap` lays it out."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from bodymap.ui.main_window import MainWindow
from tests.helpers.paints import Paints, settle
from tests.helpers.window import click


def test_a_click_paints_the_panel_once_where_its_new_layout_puts_it(qtbot, window: MainWindow):
    panel = window.detail_panel
    click(qtbot, window, "gluteus_medius", "L")  # a page with a caution banner on show
    settle(qtbot)
    paints = Paints(panel.text.viewport(), panel.cautions, panel.title)
    # Gluteus maximus has more cautions: the banner grows and the page beneath it moves down.
    click(qtbot, window, "gluteus_maximus", "L")
    settle(qtbot)
    # Once, where it belongs: not first where the last muscle's layout left it, then again.
    assert paints.not_once_in_place() == {}


def test_a_click_repaints_the_panel_not_the_tabs_around_it(qtbot, window: MainWindow):
    click(qtbot, window, "gluteus_medius", "L")
    settle(qtbot)
    # Outside what the new muscle changes: the tab bar above the panel, the notes heading below.
    untouched = (window.panels.tabBar(), window.detail_panel.notes_heading)
    paints = Paints(*untouched)
    click(qtbot, window, "gluteus_maximus", "L")  # a longer caution and page
    settle(qtbot)
    assert [widget.objectName() or type(widget).__name__ for widget, _ in paints.seen] == []


def test_the_windows_smallest_size_is_the_same_whichever_muscle_is_shown(qtbot,
                                                                        window: MainWindow):
    smallest = window.minimumSizeHint()
    for muscle in ("gluteus_maximus", "gluteus_medius", "iliocostalis_lumborum"):
        click(qtbot, window, muscle, "L")
        settle(qtbot)
        assert window.minimumSizeHint() == smallest, muscle


def test_the_muscle_shown_is_kept_once_clicking_pauses(qtbot, window: MainWindow,
                                                     settings: QSettings):
    stored = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # another reader
    for muscle in ("gluteus_maximus", "gluteus_medius", "piriformis"):
        if muscle == "piriformis":
            window.set_layer("deep")
        click(qtbot, window, muscle, "R")
    # Kept without the window closing (a crash, a power cut) once the clicks pause: the last.
    qtbot.waitUntil(lambda: (stored.sync(), stored.value("muscle"))[1] == "piriformis",
                    timeout=3000)
    assert (stored.value("side"), stored.value("layer")) == ("R", "deep")


def test_the_window_lays_text_out_as_bodymap_does(started_as_bodymap):
    window = started_as_bodymap()
    strategy = QFont.StyleStrategy.PreferNoShaping
    assert QApplication.font().styleStrategy() & strategy
    click_font = window.detail_panel.text.font()
    assert click_font.styleStrategy() & strategy  # the muscle's page, most of a click

