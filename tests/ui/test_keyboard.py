"""The window with the keyboard alone: Tab through it, the body's focus ring, the side panels'
keys. Keys go to the widget with the focus, as a person's do."""

from __future__ import annotations

import itertools

from helpers.window import arrow_ways, child, keys_dialog, trigger
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


def ringed(window: MainWindow) -> RegionItem:
    """The region with the focus ring; its name is what the status bar says."""
    item = window.body_view.body_scene().focused
    assert item is not None
    assert window.statusBar().currentMessage() == item.label
    return item


def centre(item: RegionItem) -> QPointF:
    """The middle of a region's outline on the screen, in the viewport's pixels."""
    view = item.scene().views()[0]
    return view.mapFromScene(item.mapRectToScene(item.path().boundingRect()).center()).toPointF()


def into_the_body(qtbot, window: MainWindow) -> RegionItem:
    """Tab until the body has the keys: the ring shows on a region."""
    while QApplication.focusWidget() is not window.body_view:
        press(qtbot, Qt.Key.Key_Tab)
    return ringed(window)


def arrow(qtbot, window: MainWindow, key: Qt.Key) -> RegionItem:
    assert press(qtbot, key) is window.body_view  # the arrows stay inside the body
    return ringed(window)


def test_tab_in_rings_the_muscle_shown_and_enter_selects_the_one_ringed(
        qtbot, window: MainWindow):
    search(qtbot, window, "piriformis")
    first = into_the_body(qtbot, window)
    assert (first.region.target, first.region.side) == window.selected
    there = arrow(qtbot, window, Qt.Key.Key_Right)
    assert there is not first
    press(qtbot, Qt.Key.Key_Return)
    assert window.selected == (there.region.target, there.region.side)
    assert window.detail_panel.muscle_id == there.region.target


def test_down_from_a_muscle_goes_to_one_below_it_on_the_same_side(qtbot, window: MainWindow):
    # Down from gluteus medius (left) went to gluteus medius (right): sideways, across the body.
    search(qtbot, window, "glute med")
    start = into_the_body(qtbot, window)
    assert start.label == "Gluteus medius (left)"
    below = arrow(qtbot, window, Qt.Key.Key_Down)
    assert below.region.side == "L", below.label
    assert centre(below).y() > centre(start).y(), below.label
    # And Up comes back up to it, not to the back muscles above it.
    assert arrow(qtbot, window, Qt.Key.Key_Up) is start


def test_left_and_right_cross_the_body_to_the_other_sides_muscle(qtbot, window: MainWindow):
    search(qtbot, window, "gluteus maximus")
    start = into_the_body(qtbot, window)
    assert start.label == "Gluteus maximus (left)"
    across = arrow(qtbot, window, Qt.Key.Key_Right)  # the back view: the person's left is on
    assert across.label == "Gluteus maximus (right)"  # the screen's left
    assert arrow(qtbot, window, Qt.Key.Key_Left) is start
    trigger(window, "actionViewAnterior")  # from the front the person's right is on the left
    trigger(window, "actionLayerDeep")
    assert window.body_view.body_scene().focused is not None  # the ring is on the new view
    assert arrow(qtbot, window, Qt.Key.Key_Home).label == "Iliopsoas (right)"
    assert arrow(qtbot, window, Qt.Key.Key_Right).label == "Iliopsoas (left)"


def test_at_the_edge_of_the_body_the_ring_stays(qtbot, window: MainWindow):
    # Right from the last hamstring went round to the top of the spine.
    search(qtbot, window, "biceps femoris")
    here = into_the_body(qtbot, window)
    seen = [here.label]
    for _ in range(5):
        seen.append(arrow(qtbot, window, Qt.Key.Key_Right).label)
    assert seen == ["Biceps femoris (left)", "Medial hamstrings (left)",
                    "Medial hamstrings (right)", *["Biceps femoris (right)"] * 3]
    last = ringed(window)
    assert arrow(qtbot, window, Qt.Key.Key_Down) is last  # nothing lower down the leg


def test_left_from_a_back_muscle_does_not_go_up_and_across(qtbot, window: MainWindow):
    # Left from iliocostalis lumborum (left) went to iliocostalis thoracis (right).
    search(qtbot, window, "iliocostalis lumborum")
    start = into_the_body(qtbot, window)
    assert start.label == "Iliocostalis lumborum (left)"
    # Nothing lies to its left at its height (gluteus medius is well below): the ring stays.
    assert arrow(qtbot, window, Qt.Key.Key_Left) is start
    # Up is the thoracic part above it; Right the muscle beside it on the same side.
    assert arrow(qtbot, window, Qt.Key.Key_Up).label == "Iliocostalis thoracis (left)"
    assert arrow(qtbot, window, Qt.Key.Key_Down) is start
    assert arrow(qtbot, window, Qt.Key.Key_Right).label == "Longissimus thoracis (left)"


def test_down_in_the_pain_finder_goes_down_the_leg_not_across_each_row(
        qtbot, window: MainWindow):
    trigger(window, "actionPainMode")
    start = into_the_body(qtbot, window)
    assert start.region.kind == "zone" and start.region.side == "L", start.label
    trail = [start]
    while (below := arrow(qtbot, window, Qt.Key.Key_Down)) is not trail[-1]:
        assert below.region.side in ("L", None), [item.label for item in [*trail, below]]
        assert centre(below).y() > centre(trail[-1]).y(), below.label
        trail.append(below)
    assert len(trail) >= 8, [item.label for item in trail]  # from the low back to the calf
    lowest = max(window.body_view.body_scene().active_items(), key=lambda i: centre(i).y())
    assert centre(trail[-1]).y() >= centre(lowest).y() - 1, trail[-1].label
    press(qtbot, Qt.Key.Key_Space)  # Space marks the zone ringed
    assert (trail[-1].region.target, "L") in window.body_view.pain


def test_every_region_is_in_reach_of_the_arrows_in_every_view_layer_and_mode(
        qtbot, window: MainWindow):
    view = window.body_view
    into_the_body(qtbot, window)
    shown = []
    for name in ("Posterior", "Lateral", "Anterior"):
        trigger(window, f"actionView{name}")
        for turn in range(2 if name == "Lateral" else 1):
            if turn:
                trigger(window, "actionViewLateral")  # chosen again: the other side
            for mode in ("Muscle", "Pain"):
                trigger(window, f"action{mode}Mode")
                for layer in ("Superficial", "Deep"):
                    trigger(window, f"actionLayer{layer}")
                    assert QApplication.focusWidget() is view
                    shown.append((view.view_name, view.facing, view.active_mode, view.layer))
                    regions = {item.region.id for item in view.body_scene().active_items()}
                    assert set(arrow_ways(qtbot, view)) == regions, shown[-1]
    assert len(set(shown)) == len(shown) == 16, shown
    assert {facing for name, facing, *_ in shown if name == "lateral"} == {"L", "R"}


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
    assert "next region that way" in rows["Arrow keys"]
    assert "first or last region" in rows["Home, End"]
    assert "Tab, arrow keys" not in rows
    dialog.close()
