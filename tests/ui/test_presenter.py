"""Presenter mode as a teacher uses it in front of a class: what the room sees on the projector,
and what is kept off it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.window import child, click, trigger, turn_wheel
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QPlainTextEdit

from bodymap.study import ProgressStore
from bodymap.ui.main_window import MainWindow
from bodymap.ui.presenter import TEXT_SCALE


def open_tab(qtbot, window: MainWindow, title: str) -> None:
    """Click the side panel's tab of that title."""
    tabs = window.panels.tabBar()
    tab = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(tab).center())
    assert window.panels.currentIndex() == tab


def presenting(qtbot, window: MainWindow, on: bool) -> None:
    """Start or stop presenting, and wait for the window to fill the screen or leave it."""
    trigger(window, "actionPresenter")
    screen = window.screen().geometry().size()
    qtbot.waitUntil(lambda: window.isFullScreen() == on and (window.size() == screen) == on)


def test_a_students_own_notes_are_not_projected_and_a_note_being_typed_is_kept(
        qtbot, window: MainWindow, progress_path: Path):
    heading = child(window, QLabel, "notesHeading")
    notes = child(window, QPlainTextEdit, "muscleNotes")
    click(qtbot, window, "gluteus_medius", "L")
    qtbot.mouseClick(notes, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notes, "Ana: tender at TrP2")
    presenting(qtbot, window, True)  # at once, before a pause in typing would save it
    assert not heading.isVisible() and not notes.isVisible()
    with ProgressStore.open(progress_path) as store:
        (me,) = store.profiles()
        assert store.note(me, "gluteus_medius") == "Ana: tender at TrP2"
    # Still off the screen as the teacher moves on, and from the other tabs back to this one.
    click(qtbot, window, "gluteus_maximus", "R")
    open_tab(qtbot, window, "Technique coach")
    open_tab(qtbot, window, "Muscle")
    assert window.detail_panel.text.isVisible()
    assert not heading.isVisible() and not notes.isVisible()
    presenting(qtbot, window, False)
    assert heading.isVisible() and notes.isVisible()
    assert heading.text() == "My notes (Me)"
    click(qtbot, window, "gluteus_medius", "L")
    assert notes.toPlainText() == "Ana: tender at TrP2"


def test_notes_stay_off_the_projector_when_presenting_starts_on_another_tab(
        qtbot, window: MainWindow):
    heading = child(window, QLabel, "notesHeading")
    notes = child(window, QPlainTextEdit, "muscleNotes")
    click(qtbot, window, "gluteus_medius", "L")
    open_tab(qtbot, window, "Technique coach")
    presenting(qtbot, window, True)
    open_tab(qtbot, window, "Muscle")
    assert window.detail_panel.text.isVisible()
    assert not heading.isVisible() and not notes.isVisible()
    presenting(qtbot, window, False)
    assert heading.isVisible() and notes.isVisible()


# -- the small print grows with the rest -------------------------------------------------------
def numbers_drawn(window: MainWindow, muscle_id: str, side: str) -> dict[str, QRect]:
    """Where each of the muscle's trigger-point numbers beside its X is drawn in the viewport."""
    view = window.body_view
    return {marker.number: marker.deviceTransform(view.viewportTransform())
            .mapRect(marker.digits().boundingRect()).toAlignedRect()
            for marker in view.body_scene().markers[muscle_id, side]}


def test_the_numbers_beside_the_x_marks_grow_with_the_text_and_still_take_clicks(
        qtbot, window: MainWindow):
    view = window.body_view
    click(qtbot, window, "gluteus_medius", "L")
    normal = numbers_drawn(window, "gluteus_medius", "L")
    assert set(normal) == {"1", "2"}
    presenting(qtbot, window, True)
    presented = numbers_drawn(window, "gluteus_medius", "L")
    for number, rect in presented.items():
        assert rect.height() >= normal[number].height() * (TEXT_SCALE - 0.1), number
        assert view.viewport().rect().contains(rect), number
    # A click on the number shows that trigger point alone, as on its X; the body beside it is
    # still exact.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=presented["2"].center())
    assert view.trigger_point == "trp2"
    click(qtbot, window, "gluteus_maximus", "R")
    assert window.selected == ("gluteus_maximus", "R")
    presenting(qtbot, window, False)
    click(qtbot, window, "gluteus_medius", "L")
    assert {n: r.height() for n, r in numbers_drawn(window, "gluteus_medius", "L").items()} == {
        n: r.height() for n, r in normal.items()}


def small_print(window: MainWindow) -> dict[str, int]:
    """The pixel size of the muscle page's small print: the link beside the first trigger point
    and the sources under it, and, for comparison, the page's own text."""
    page = window.detail_panel.text.document()
    sizes = {}
    for words in ("only this on the body", "Sources: ", "Origin: "):
        found = page.find(words)
        assert not found.isNull(), words
        sizes[words] = QFontInfo(found.charFormat().font()).pixelSize()
    return sizes


def test_the_small_print_of_the_muscle_page_grows_as_its_text_does(qtbot, window: MainWindow):
    click(qtbot, window, "gluteus_medius", "L")
    normal = small_print(window)
    assert normal["Sources: "] < normal["Origin: "]  # smaller than the text, as it should be
    presenting(qtbot, window, True)
    presented = small_print(window)
    for words, size in presented.items():
        assert size >= normal[words] * (TEXT_SCALE - 0.1), (words, normal, presented)
    presenting(qtbot, window, False)
    assert small_print(window) == normal


def ink_runs(image: QImage, rect: QRect) -> list[int]:
    """The heights of the runs of pixel rows, top to bottom inside `rect`, that hold ink (dark
    or grey text on the list's white): one run a line of text."""
    runs, run = [], 0
    for y in range(rect.top(), rect.bottom() + 1):
        if any(image.pixelColor(x, y).lightness() < 200 for x in range(rect.left(), rect.right())):
            run += 1
        elif run:
            runs.append(run)
            run = 0
    return [*runs, run] if run else runs


def candidate_lines_drawn(window: MainWindow) -> tuple[int, int]:
    """How tall the pain finder's first candidate's name and the first line of its reason
    are drawn, in pixels."""
    view = window.findChild(QAbstractItemView, "painCandidates")
    QApplication.processEvents()
    rect = view.visualRect(view.model().index(0, 0)).adjusted(2, 2, -60, -2)  # not the meter
    name, reason, *_ = ink_runs(view.viewport().grab().toImage(), rect)
    return name, reason


def test_the_pain_finders_reason_lines_grow_with_its_names(qtbot, window: MainWindow):
    trigger(window, "actionPainMode")
    for zone in ("buttock", "si_joint"):
        click(qtbot, window, zone, "L")
    normal = candidate_lines_drawn(window)
    presenting(qtbot, window, True)
    presented = candidate_lines_drawn(window)
    assert presented[0] >= normal[0] * (TEXT_SCALE - 0.15), (normal, presented)
    assert presented[1] >= normal[1] * (TEXT_SCALE - 0.15), (normal, presented)


# -- the body: the muscle framed, no scroll bar on the projected picture -----------------------
def test_presenting_frames_the_body_without_scroll_bars_until_the_teacher_zooms(
        qtbot, window: MainWindow):
    view = window.body_view
    bars = (view.verticalScrollBar(), view.horizontalScrollBar())
    window.resize(1024, 640)  # a small window: framed outside presenter mode too
    click(qtbot, window, "gluteus_medius", "L")
    framed_in_window = view.transform().m11()
    assert bars[0].isVisible()  # there, the rest of the body is a scroll away
    presenting(qtbot, window, True)
    for name, muscle_id in (("lateral", "gluteus_medius"), ("anterior", "tensor_fasciae_latae"),
                            ("posterior", "gluteus_medius")):
        trigger(window, f"actionView{name.title()}")
        click(qtbot, window, muscle_id, "L")
        assert not any(bar.isVisible() for bar in bars), name
    # The muscle framed, the rest of the body a drag away (from beside it).
    presented = view.transform().m11()
    assert bars[0].maximum() > 0
    beside = QPoint(view.viewport().width() - 3, view.viewport().height() // 2)
    assert view.region_under(beside) is None
    was = bars[0].value()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    qtbot.mouseMove(view.viewport(), beside - QPoint(0, 60))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=beside - QPoint(0, 60))
    assert bars[0].value() == was + 60
    # The teacher zooms in with the wheel: the scroll bars come back, to find the way.
    turn_wheel(view, view.viewport().rect().center(), notches=2)
    assert view.transform().m11() > presented
    assert bars[0].isVisible() and bars[1].isVisible()
    # A muscle clicked is framed again, without them; and after presenting, as before.
    click(qtbot, window, "gluteus_maximus", "L")
    qtbot.waitUntil(lambda: not any(bar.isVisible() for bar in bars))
    presenting(qtbot, window, False)
    click(qtbot, window, "gluteus_medius", "L")
    assert view.transform().m11() == pytest.approx(framed_in_window, rel=1e-3)
    assert bars[0].isVisible() and not bars[1].isVisible()
