"""An action that changes the body and a side panel's words together paints the window once,
with the panel where its new layout puts it: not first where the last words' layout left it,
then again (a flicker). The body's scene paints the window as soon as it has taken the change,
ahead of the layouts the new words asked for (`sizing.LayoutsFirst`).

Driven as a person does: clicks on the body, the window's actions, typing in the search box."""

from __future__ import annotations

from pathlib import Path

from helpers.paints import Paints, settle
from helpers.progress import only_due
from helpers.window import child, click, press_button, trigger
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QSpinBox

from bodymap.model import Catalog
from bodymap.ui.main_window import MainWindow


def finder_parts(window: MainWindow) -> tuple:
    """What the pain finder says of the pain marked, and what its length moves: the chips
    and the list of candidates beneath it."""
    finder = window.pain_finder
    return finder.summary, *finder.findChildren(QCheckBox), finder.list


def test_marking_pain_paints_the_finder_once_where_its_new_layout_puts_it(
        qtbot, window: MainWindow):
    trigger(window, "actionPainMode")
    click(qtbot, window, "upper_buttock", "L")
    settle(qtbot)
    summary = window.pain_finder.summary
    one_line = summary.height()
    paints = Paints(*finder_parts(window))
    click(qtbot, window, "si_joint", "R")
    settle(qtbot)
    assert summary.height() > one_line  # two lines now: the chips and the list move down
    assert paints.not_once_in_place() == {}


def test_clearing_pain_paints_the_finder_once_where_its_new_layout_puts_it(
        qtbot, window: MainWindow):
    trigger(window, "actionPainMode")
    click(qtbot, window, "upper_buttock", "L")
    click(qtbot, window, "si_joint", "R")
    settle(qtbot)
    summary = window.pain_finder.summary
    two_lines = summary.height()
    paints = Paints(*finder_parts(window))
    trigger(window, "actionClearPain")
    settle(qtbot)
    assert summary.height() < two_lines  # the list moves up under a one-line summary
    assert paints.not_once_in_place() == {}


def test_marking_a_zone_for_a_question_paints_the_card_once_where_its_new_layout_puts_it(
        qtbot, window: MainWindow, catalog: Catalog, progress_path: Path):
    only_due(catalog, progress_path, "zones:rectus_abdominis")  # its zones: the low back's
    trigger(window, "actionStudy")
    child(window, QSpinBox, "studyLength").setValue(5)
    press_button(qtbot, window, "studyStart")
    settle(qtbot)
    marked = child(window, QLabel, "studyMarked")
    first = marked.height()
    for zone in sorted(catalog.muscles["rectus_abdominis"].referral_zones()[0]):
        # The list of zones marked grows, line by line, pushing the buttons down.
        buttons = [child(window, QPushButton, name) for name in ("studySkip", "studyCheck")]
        was = {button: button.geometry() for button in buttons}
        paints = Paints(marked, *buttons)
        click(qtbot, window, zone, "L")
        settle(qtbot)
        # The label, and the buttons it pushed (one that stayed put has nothing to repaint).
        moved = [button for button in buttons if button.geometry() != was[button]]
        assert paints.not_once_in_place(marked, *moved) == {}, zone
        assert all(painted in (marked, *moved) for painted, _ in paints.seen), zone
    assert marked.height() > first


def search(qtbot, window: MainWindow, query: str) -> None:
    trigger(window, "actionFind")  # the search box, its words selected: typing replaces them
    qtbot.keyClicks(window.search_box, query)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)


def test_a_search_paints_the_panel_once_where_its_new_layout_puts_it(
        qtbot, window: MainWindow):
    panel = window.detail_panel
    search(qtbot, window, "sciatica")
    settle(qtbot)
    shown = window.selected
    paints = Paints(panel.text.viewport(), panel.cautions, panel.title)
    search(qtbot, window, "wallet")
    settle(qtbot)
    assert window.selected != shown  # another muscle, its search note under its name
    assert paints.not_once_in_place() == {}


def test_turning_the_side_view_round_paints_the_panel_once_where_its_new_layout_puts_it(
        qtbot, window: MainWindow):
    panel = window.detail_panel
    trigger(window, "actionViewLateral")
    click(qtbot, window, "gluteus_medius", "L")
    settle(qtbot)
    paints = Paints(panel.title)
    # The body turns to show the right side, a scene of its own (watched as well): the muscle
    # selected is the right one.
    trigger(window, "actionViewLateral")
    settle(qtbot)
    assert window.selected == ("gluteus_medius", "R") and "right" in panel.title.text()
    assert paints.not_once_in_place() == {}
