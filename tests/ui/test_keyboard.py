"""The window with the keyboard alone: Tab through it, the body's focus ring, the side panels'
keys. Keys go to the widget with the focus, as a person's do."""

from __future__ import annotations

import itertools

from helpers.window import child, keys_dialog
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from bodymap.ui.body_scene import PROVISIONAL_EDGE, RegionItem
from bodymap.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    """A key pressed on the widget with the focus; the widget with the focus then."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def search(qtbot, window: MainWindow, words: str) -> None:
    """Ctrl+F, the words, Enter: the muscle found is shown."""
    window.activateWindow()
    window.muscle_list.setFocus()
    qtbot.keyClick(window.muscle_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    qtbot.keyClicks(window.search_box, words)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)


def tab_bar(window: MainWindow) -> QTabBar:
    return child(window, QWidget, "sidePanels").tabBar()


def distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def outline_colours(window: MainWindow, item: RegionItem, count: int = 60) -> list[QColor]:
    """The colours on screen along a region's outline, at `count` points spaced along it."""
    view = window.body_view
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    path = item.path()
    colours = []
    for i in range(count):
        point = view.mapFromScene(item.mapToScene(QPointF(path.pointAtPercent(i / count))))
        colours.append(image.pixelColor(int(point.x() * ratio), int(point.y() * ratio)))
    return colours


def ringed_share(window: MainWindow, item: RegionItem) -> float:
    """The share of the region's outline drawn in the focus colour (the palette's highlight)."""
    focus = window.body_view.palette().color(window.body_view.palette().ColorRole.Highlight)
    colours = outline_colours(window, item)
    return sum(distance(c, focus) < 90 for c in colours) / len(colours)


def test_tab_passes_the_body_and_its_note_in_one_stop_each(qtbot, window: MainWindow):
    # Gluteus medius's TrP3 is marked on the side view only: the body says so, with a link.
    # Tab from the search went round the body's fifteen regions, then stayed on that note for
    # thirty presses more before the side panel's tabs.
    search(qtbot, window, "glute med")
    assert window.selected == ("gluteus_medius", "L")
    note = child(window, QWidget, "referralElsewhere")
    assert note.isVisible()
    stops = []
    for _ in range(8):
        stops.append(press(qtbot, Qt.Key.Key_Tab))
        if stops[-1] is tab_bar(window):
            break
    assert stops[-1] is tab_bar(window), [w.objectName() for w in stops]
    assert stops.count(window.body_view) == 1 and stops.count(note) == 1, (
        [w.objectName() for w in stops])
    assert len(stops) <= 4, [w.objectName() for w in stops]
    # Back to the note: its link is chosen, and Enter follows it.
    assert press(qtbot, Qt.Key.Key_Backtab) is note
    press(qtbot, Qt.Key.Key_Return)
    assert window.body_view.view_name == "lateral"


def test_arrow_keys_move_among_the_regions_inside_the_body(qtbot, window: MainWindow):
    search(qtbot, window, "piriformis")
    scene = window.body_view.body_scene()
    while QApplication.focusWidget() is not window.body_view:
        press(qtbot, Qt.Key.Key_Tab)
    # Tab in: the ring is on the muscle shown; the arrows go on from it to each region.
    assert (scene.focused.region.target, scene.focused.region.side) == window.selected
    seen = {scene.focused.label}
    for _ in range(len(scene.active_items()) - 1):
        assert press(qtbot, Qt.Key.Key_Right) is window.body_view
        seen.add(scene.focused.label)
    assert len(seen) == len(scene.active_items())
    press(qtbot, Qt.Key.Key_Return)
    assert window.selected == (scene.focused.region.target, scene.focused.region.side)
    assert window.detail_panel.muscle_id == scene.focused.region.target


def test_the_focus_ring_is_solid_in_the_focus_colour_and_only_while_the_body_has_the_keys(
        qtbot, window: MainWindow):
    # A dashed dark ring read as the key's "Provisional zone" on the other buttock, and stayed
    # while the coach had the keys.
    search(qtbot, window, "glute med")
    view = window.body_view
    while QApplication.focusWidget() is not view:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Right)
    ringed = view.body_scene().focused
    assert ringed is not None
    qtbot.waitUntil(lambda: ringed_share(window, ringed) > 0.8)  # solid: a dash is half
    focus = view.palette().color(view.palette().ColorRole.Highlight)
    assert distance(focus, PROVISIONAL_EDGE) > 150, focus.name()
    # The keys to the coach: no ring left on the body.
    assert press(qtbot, Qt.Key.Key_3, ALT) is not view
    assert window.panels.currentWidget() is window.coach_page
    assert view.body_scene().focused is None
    qtbot.waitUntil(lambda: ringed_share(window, ringed) == 0)
    assert window.statusBar().currentMessage() != ringed.label  # its name went with it
    # Back into the body by Tab: the ring comes back; a click with the mouse takes it away.
    while QApplication.focusWidget() is not view:
        press(qtbot, Qt.Key.Key_Tab)
    assert view.body_scene().focused is not None
    point = view.region_point("gluteus_maximus", "L")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.body_scene().focused is None
    assert window.selected == ("gluteus_maximus", "L")
    # The arrow keys go on from the muscle clicked.
    press(qtbot, Qt.Key.Key_Right)
    assert view.body_scene().focused.region.target == "gluteus_maximus"


def test_alt_and_a_number_opens_a_side_panel_with_the_keys_in_it(qtbot, window: MainWindow):
    search(qtbot, window, "piriformis")
    panels = window.panels
    focused = press(qtbot, Qt.Key.Key_3, ALT)
    assert panels.currentWidget() is window.coach_page
    assert window.coach_page.isAncestorOf(focused)
    press(qtbot, Qt.Key.Key_4)  # the coach's own keys work at once
    assert window.coach.discomfort == 4
    focused = press(qtbot, Qt.Key.Key_2, ALT)
    assert panels.currentWidget() is window.pain_page
    assert focused.objectName() == "painCandidates"
    focused = press(qtbot, Qt.Key.Key_4, ALT)
    assert panels.currentWidget() is window.study_page
    assert window.study_page.isAncestorOf(focused)
    focused = press(qtbot, Qt.Key.Key_1, ALT)
    assert panels.currentWidget() is window.detail_panel
    assert focused.objectName() == "detailText"
    assert window.body_view.mode == "muscle"  # a tab shown, not the pain finder's mode


def test_f1_lists_the_side_panels_keys(qtbot, window: MainWindow):
    dialog = keys_dialog(qtbot, window)
    lines = dialog.text.toPlainText().splitlines()
    rows = dict(itertools.pairwise(lines))  # a row: its key, then what it does
    for key, tab in (("Alt+1", "Muscle"), ("Alt+2", "Pain finder"),
                     ("Alt+3", "Technique coach"), ("Alt+4", "Study")):
        assert rows.get(key) == f"{tab} tab", (key, lines)
    assert "region to region" in rows["Arrow keys"]
    assert "Tab, arrow keys" not in rows
    dialog.close()
