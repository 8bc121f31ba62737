"""Presenter mode as a teacher uses it in front of a class: what the room sees on the projector,
and what is kept off it."""

from __future__ import annotations

from pathlib import Path

from helpers.window import child, click, trigger
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from bodymap.study import ProgressStore
from bodymap.ui.main_window import MainWindow


def open_tab(qtbot, window: MainWindow, title: str) -> None:
    """Click the side panel's tab of that title."""
    tabs = window.panels.tabBar()
    tab = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(tab).center())
    assert window.panels.currentIndex() == tab


def presenting(qtbot, window: MainWindow, on: bool) -> None:
    trigger(window, "actionPresenter")
    qtbot.waitUntil(lambda: window.isFullScreen() == on)


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
