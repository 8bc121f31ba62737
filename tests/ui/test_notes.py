"""A student's own notes on a muscle, kept on the laptop: by a student alone, or in a class."""

from __future__ import annotations

from pathlib import Path

from helpers.window import child, click, reopened, trigger
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

from bodymap.model import Catalog
from bodymap.study import ProgressStore
from bodymap.ui.detail_panel import NOTE_SAVE_DELAY_MS
from bodymap.ui.main_window import MainWindow


def type_note(qtbot, window: MainWindow, text: str) -> None:
    notes = child(window, QPlainTextEdit, "muscleNotes")
    qtbot.mouseClick(notes, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notes, text)


def test_a_student_alone_keeps_notes_without_setting_up_a_student_first(
        qtbot, window: MainWindow, catalog: Catalog, settings: QSettings, progress_path: Path):
    notes = child(window, QPlainTextEdit, "muscleNotes")
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "piriformis")
    assert notes.isEnabled()
    assert "Study tab" not in notes.placeholderText()
    type_note(qtbot, window, "Sciatic nerve below: broad slow pressure")
    click(qtbot, window, "quadratus_lumborum")  # another muscle: the note is saved
    assert notes.toPlainText() == ""
    # The note went to a student made for it, whom the window names and the Study tab shows.
    assert "Me" in window.statusBar().currentMessage()
    assert child(window, QLabel, "notesHeading").text() == "My notes (Me)"
    with ProgressStore.open(progress_path) as store:
        assert [p.name for p in store.profiles()] == ["Me"]
    trigger(window, "actionStudy")
    assert child(window, QComboBox, "studyProfile").currentText() == "Me"
    window.close()

    again = reopened(qtbot, catalog, settings, progress_path)
    trigger(again, "actionLayerDeep")
    click(qtbot, again, "piriformis")
    assert child(again, QPlainTextEdit, "muscleNotes").toPlainText() == (
        "Sciatic nerve below: broad slow pressure")
    assert child(again, QLabel, "notesHeading").text() == "My notes (Me)"
    again.close()


def test_typing_goes_on_where_it_was_as_the_first_note_makes_its_student(
        qtbot, window: MainWindow):
    notes = child(window, QPlainTextEdit, "muscleNotes")
    click(qtbot, window, "gluteus_medius")
    type_note(qtbot, window, "Side-lying, ")
    # A pause in typing saves the note, which makes its student: the text stays as typed and
    # the cursor where it was, so the next words follow on.
    qtbot.waitUntil(lambda: window.student() is not None, timeout=NOTE_SAVE_DELAY_MS + 2000)
    assert notes.hasFocus()
    qtbot.keyClicks(notes, "pillow between the knees")
    click(qtbot, window, "gluteus_maximus")
    click(qtbot, window, "gluteus_medius")
    assert notes.toPlainText() == "Side-lying, pillow between the knees"


def test_on_a_shared_laptop_notes_wait_for_a_student_to_be_chosen(
        qtbot, catalog: Catalog, settings: QSettings, progress_path: Path):
    # Students are on this laptop already, none of them chosen: a note would go to whoever
    # came first, so the box asks for a student instead.
    with ProgressStore.open(progress_path) as store:
        store.create_profile("Ana")
        store.create_profile("Ben")
    window = MainWindow(catalog, settings, progress_path=progress_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    click(qtbot, window, "gluteus_medius")
    notes = child(window, QPlainTextEdit, "muscleNotes")
    assert not notes.isEnabled() and "Study tab" in notes.placeholderText()
    with ProgressStore.open(progress_path) as store:
        assert [p.name for p in store.profiles()] == ["Ana", "Ben"]
    window.close()


def test_an_empty_note_leaves_the_room_to_the_muscle_and_grows_as_it_is_written(
        qtbot, window: MainWindow):
    # On a laptop's short screen the muscle's text is what a student reads: an empty notes box
    # is two lines (its invitation), and as large as a note needs once written in.
    notes = child(window, QPlainTextEdit, "muscleNotes")
    text = window.detail_panel.text
    click(qtbot, window, "gluteus_medius")
    qtbot.waitUntil(lambda: text.isVisible())
    line = notes.fontMetrics().lineSpacing()
    empty, text_beside_empty = notes.height(), text.height()
    assert empty < 3.5 * line, (empty, line)
    type_note(qtbot, window, "Side-lying, pillow between the knees")
    qtbot.waitUntil(lambda: notes.height() > 5 * line)
    assert text.height() < text_beside_empty  # the note took its room from the text
    click(qtbot, window, "gluteus_maximus")  # no note here: back to two lines
    qtbot.waitUntil(lambda: notes.height() == empty)
    click(qtbot, window, "gluteus_medius")  # the note written, shown whole, the body focused
    qtbot.waitUntil(lambda: notes.height() > 5 * line)
    assert not notes.hasFocus()
