"""File > Data problems says truly what was skipped and what loaded with warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.packs import PACK_SOURCES, VALID_MUSCLE, write_pack
from helpers.window import child, pick_from_list, trigger
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
)

from bodymap.model import load_catalog
from bodymap.ui.main_window import MainWindow

SKIPPED = VALID_MUSCLE.replace("group: hip", "group: hipp")  # a required field: muscle left out
WARNED = (VALID_MUSCLE.replace("pack_muscle", "warned_muscle")
          + "colour: red\n")  # an unknown key: ignored, the muscle loads
# Entries of zones.yaml left out, each for a mistake of its own; the first zone loads.
ZONES_IN_PART = """\
zones:
  - id: pack_spot
    label: A spot
    parts: [buttock]
  - id: pack_patch
    label: 5
    parts: [calf_upper]
  - id: sacrum
    label: Sacrum again
    parts: [coccyx]
  - id: pack_nowhere
    label: Nowhere
    parts: [nowhere]
  - label: No id
    parts: [calf_upper]
"""
SOURCES_IN_PART = PACK_SOURCES + """\
  - id: pack_notes
    authors: Teacher B
    year: twenty
    title: More notes
    published_in: Course handout
"""


@pytest.fixture
def open_window(qtbot, settings, progress_path):
    def open_with(*packs: Path) -> MainWindow:
        window = MainWindow(load_catalog(packs), settings, progress_path=progress_path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window
    return open_with


def problems_dialog(qtbot, window: MainWindow) -> tuple[str, str]:
    """Open File > Data problems as a person would, read it and close it (a window-modal dialog
    left open would block later tests' windows); (the words above the list, the list)."""
    trigger(window, "actionDataProblems")
    (dialog,) = [d for d in window.findChildren(QDialog) if d.windowTitle() == "Data problems"]
    assert dialog.isVisible()
    read = (child(dialog, QLabel, "problemExplanation").text(),
            child(dialog, QPlainTextEdit, "problemList").toPlainText())
    close = child(dialog, QDialogButtonBox, "").button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    return read


def test_a_skipped_muscle_and_a_warning_are_told_apart(qtbot, tmp_path: Path, open_window):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": SKIPPED, "warned_muscle": WARNED})
    window = open_window(pack)
    assert "pack_muscle" not in window.catalog.muscles
    assert "warned_muscle" in window.catalog.muscles
    assert window.statusBar().currentMessage() == (
        "2 problems in the data files; 1 file not loaded until fixed: see File > Data problems.")

    words, listing = problems_dialog(qtbot, window)
    assert "everything else loaded" not in words.lower()
    assert words.startswith("What is under “Skipped until fixed (not loaded)” is not loaded "
                            "until its mistakes are fixed: one mistake in a muscle file leaves "
                            "out the whole muscle. The files under “Loaded, with warnings” "
                            "loaded; fix the lines listed.")
    skipped_file = pack / "muscles" / "pack_muscle.yaml"
    warned_file = pack / "muscles" / "warned_muscle.yaml"
    lines = listing.splitlines()
    assert lines[:4] == [
        "Skipped until fixed (not loaded), 1 file: pack_muscle.yaml",
        f"{skipped_file}:3:8: 'hipp' is not a valid group value; did you mean 'hip'?",
        "",
        "Loaded, with warnings:",
    ]
    assert lines[4].startswith(f"{warned_file}:31:1: unknown key 'colour' in muscle")
    assert len(lines) == 5


def test_only_skipped_files(qtbot, tmp_path: Path, open_window):
    window = open_window(write_pack(tmp_path / "pack", {"pack_muscle": SKIPPED}))
    assert "1 file not loaded until fixed" in window.statusBar().currentMessage()
    words, listing = problems_dialog(qtbot, window)
    assert words.startswith("These files are skipped: what they describe is not loaded until "
                            "their mistakes are fixed (one mistake in a muscle file leaves out "
                            "the whole muscle). Everything else loaded.")
    assert listing.splitlines()[0] == "Skipped until fixed (not loaded), 1 file: pack_muscle.yaml"


def test_a_sources_yaml_that_does_not_parse_is_said_to_lose_its_sources(
        qtbot, tmp_path: Path, open_window):
    """A quote never closed in the pack's sources.yaml: the file is skipped, and the dialog
    says why a sources file is (not the muscle files' rule); the muscle citing its source loads,
    is not told to declare it again, and its page shows no empty "Sources"."""
    broken = PACK_SOURCES.replace("title: Class notes", 'title: "Class notes')
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE}, sources=broken)
    window = open_window(pack)
    assert window.statusBar().currentMessage() == (
        "1 problem in the data files; 1 file not loaded until fixed: see File > Data problems.")
    words, listing = problems_dialog(qtbot, window)
    assert words == (
        "These files are skipped: what they describe is not loaded until their mistakes are "
        "fixed (a sources.yaml that cannot be read as a list of sources leaves out every source "
        "in it). Everything else loaded. Run “bodymap validate” for the same list.")
    assert "muscle" not in words
    assert listing.splitlines() == [
        "Skipped until fixed (not loaded), 1 file: sources.yaml",
        f'{pack / "sources.yaml"}:7:1: YAML syntax error: the quote " opened at line 5, column '
        "12 is never closed (YAML reached the end of the file looking for it): add the closing "
        "quote",
    ]
    pick_from_list(qtbot, window, "Pack muscle")
    assert window.detail_panel.muscle_id == "pack_muscle"
    page = window.detail_panel.plain_text()
    assert "Trigger points and referral" in page and "Cautions" in page
    assert "Sources" not in page


def test_each_kind_of_skipped_file_is_said_why(qtbot, tmp_path: Path, open_window):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": SKIPPED}, sources="")
    (pack / "zones.yaml").write_text("zones: [\n", encoding="utf-8")
    (pack / "extra.yml").write_text("id: extra\n", encoding="utf-8")
    words, _listing = problems_dialog(qtbot, open_window(pack))
    assert words.startswith(
        "These files are skipped: what they describe is not loaded until their mistakes are "
        "fixed (one mistake in a muscle file leaves out the whole muscle; a sources.yaml that "
        "cannot be read as a list of sources leaves out every source in it; a zones.yaml that "
        "cannot be read as a list of zones leaves out every zone in it; a file where bodymap "
        "does not look for data is not read). Everything else loaded.")


def test_what_the_mistakes_leave_out_stays_in_sight_under_the_muscle_list(
        qtbot, tmp_path: Path, open_window):
    # A teacher whose muscle is missing looks at the list; the status bar's line is gone at
    # the first hover over the body. The notice under the list stays, and opens the problems.
    window = open_window(write_pack(tmp_path / "pack", {"pack_muscle": SKIPPED,
                                                        "warned_muscle": WARNED}))
    notice = child(window, QFrame, "dataProblemsNotice")
    assert notice.isVisible()
    assert notice.geometry().top() >= window.muscle_list.geometry().bottom()  # under the list
    assert [label.text() for label in notice.findChildren(QLabel)] == [
        "⚠ 1 file not loaded until fixed."]
    qtbot.mouseMove(window.body_view.viewport(),
                    window.body_view.region_point("gluteus_maximus", "L"))
    qtbot.waitUntil(lambda: "Gluteus maximus" in window.statusBar().currentMessage())
    assert notice.isVisible()
    qtbot.mouseClick(child(notice, QPushButton, "showDataProblems"), Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in window.findChildren(QDialog) if d.windowTitle() == "Data problems"]
    assert dialog.isVisible()
    dialog.close()


def test_a_pack_that_leaves_nothing_out_shows_no_notice(qtbot, tmp_path: Path, open_window):
    # Warnings only: everything loaded, the status bar says so; nothing is missing to explain.
    window = open_window(write_pack(tmp_path / "pack", {"warned_muscle": WARNED}))
    assert window.findChild(QFrame, "dataProblemsNotice") is None
    assert open_window().findChild(QFrame, "dataProblemsNotice") is None


def test_the_problems_read_again_and_again_leave_no_dialogs_behind(qtbot, tmp_path: Path,
                                                                   open_window):
    # A teacher fixing a pack opens the list after every try: each closed one is gone.
    window = open_window(write_pack(tmp_path / "pack", {"pack_muscle": SKIPPED}))
    for _ in range(3):
        problems_dialog(qtbot, window)  # (finds exactly one "Data problems" dialog)
        qtbot.waitUntil(lambda: not window.findChildren(QDialog))


def test_only_warnings(qtbot, tmp_path: Path, open_window):
    window = open_window(write_pack(tmp_path / "pack", {"warned_muscle": WARNED}))
    assert window.statusBar().currentMessage() == (
        "1 problem in the data files: see File > Data problems.")
    words, listing = problems_dialog(qtbot, window)
    assert words.startswith("These files have mistakes, but everything in them loaded")
    assert "Skipped" not in listing and "unknown key 'colour'" in listing


def test_a_muscle_outside_muscles_is_reported_in_the_window(qtbot, tmp_path: Path, open_window):
    (tmp_path / "piri_flat.yaml").write_text(VALID_MUSCLE.replace("pack_muscle", "piri_flat"))
    window = open_window(tmp_path)  # as `bodymap --data FOLDER` opens it
    assert "piri_flat" not in window.catalog.muscles
    assert "not loaded until fixed" in window.statusBar().currentMessage()
    _, listing = problems_dialog(qtbot, window)
    assert listing.splitlines()[0] == "Skipped until fixed (not loaded), 1 file: piri_flat.yaml"
    assert (f"{tmp_path / 'piri_flat.yaml'}:1:1: this file is not read: muscle files go in "
            "muscles/; move it to muscles/piri_flat.yaml") in listing.splitlines()


def test_the_window_notes_a_pack_muscle_it_cannot_draw_and_warns_of_a_zone(
        qtbot, tmp_path: Path, started_as_bodymap):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "zones.yaml").write_text("zones:\n  - id: heel\n    label: Heel\n"
                                     "    views: [lateral]\n", encoding="utf-8")
    window = started_as_bodymap(data=[pack])
    assert "pack_muscle" in window.catalog.muscles  # listed: only its shape is missing
    assert window.statusBar().currentMessage() == (
        "1 problem in the data files; 1 note on what the body drawings cannot show: "
        "see File > Data problems.")
    words, listing = problems_dialog(qtbot, window)
    assert words == (
        "These files have mistakes, but everything in them loaded; fix the lines listed. The "
        "“Notes (nothing to fix)” say what loaded but cannot be shown in full on the body, "
        "because the drawings are built in. Run “bodymap validate” for the same list.")
    assert listing.splitlines() == [
        "Loaded, with warnings:",
        f"{pack / 'zones.yaml'}:2:9: zone 'heel' has no shape in the body drawings, so it is "
        "never painted and cannot be marked (a pack cannot add drawings): use a zone the "
        "drawings have, or make 'heel' a group of them ('parts:' in place of 'views:')",
        "",
        "Notes (nothing to fix):",
        f"{pack / 'muscles' / 'pack_muscle.yaml'}:1:5: note: muscle 'pack_muscle' has no shape "
        "in the body drawings, which a pack cannot add: it is listed, found by search and its "
        "referral is painted, but it cannot be clicked on the body and its trigger points are "
        "not marked on it",
    ]


def test_a_pack_whose_only_note_is_an_undrawn_muscle_has_no_problems(
        qtbot, tmp_path: Path, started_as_bodymap):
    window = started_as_bodymap(
        data=[write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})])
    assert window.statusBar().currentMessage() == (
        "1 note on what the body drawings cannot show: see File > Data problems.")
    words, listing = problems_dialog(qtbot, window)
    assert words.startswith("The data has no mistakes. The “Notes (nothing to fix)” say")
    assert listing.splitlines()[0] == "Notes (nothing to fix):"
    assert listing.splitlines()[1].endswith(
        "pack_muscle.yaml:1:5: note: muscle 'pack_muscle' has no shape in the body drawings, "
        "which a pack cannot add: it is listed, found by search and its referral is painted, "
        "but it cannot be clicked on the body and its trigger points are not marked on it")


def test_two_packs_skipped_files_of_one_name_are_told_apart_and_counted(
        qtbot, tmp_path: Path, open_window):
    one = write_pack(tmp_path / "one", {"pack_muscle": SKIPPED})
    two = write_pack(tmp_path / "two", {"pack_muscle": SKIPPED})
    (two / "sources.yaml").unlink()  # the first pack's sources serve both
    window = open_window(one, two)
    assert window.statusBar().currentMessage() == (
        "2 problems in the data files; 2 files not loaded until fixed: see File > Data problems.")
    _, listing = problems_dialog(qtbot, window)
    one_file, two_file = (Path(pack.name, "muscles", "pack_muscle.yaml") for pack in (one, two))
    assert listing.splitlines()[0] == (
        f"Skipped until fixed (not loaded), 2 files: {one_file}, {two_file}")


def test_files_that_lost_only_entries_say_which_and_that_the_rest_loaded(
        qtbot, tmp_path: Path, open_window):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE}, sources=SOURCES_IN_PART)
    (pack / "zones.yaml").write_text(ZONES_IN_PART, encoding="utf-8")
    window = open_window(pack)
    assert "pack_spot" in window.catalog.zones and "pack_source" in window.catalog.sources
    assert not {"pack_patch", "pack_nowhere"} & set(window.catalog.zones)
    assert window.catalog.zones["sacrum"].label == "Sacrum"  # the first definition stays
    assert "pack_notes" not in window.catalog.sources
    assert window.statusBar().currentMessage() == (
        "5 problems in the data files; 5 entries left out until fixed: "
        "see File > Data problems.")

    words, listing = problems_dialog(qtbot, window)
    assert words == (
        "These files loaded except the entries named, which are left out until their mistakes "
        "are fixed (a mistake in one entry of a file leaves out only that entry). Everything "
        "else loaded. Run “bodymap validate” for the same list.")
    assert "Skipped" not in listing and "not loaded" not in listing
    zones, sources = pack / "zones.yaml", pack / "sources.yaml"
    lines = listing.splitlines()
    assert lines[:3] == [
        "Loaded in part (entries left out until fixed), 2 files:",
        "sources.yaml: 1 entry left out: source 'pack_notes'; the rest loaded",
        f"{sources}:9:11: 'year' must be a whole number, got text ('twenty')",
    ]
    assert lines[3] == ("zones.yaml: 4 entries left out: zone 'pack_patch', zone 'sacrum', "
                        "zone 'pack_nowhere', the zone at line 14; the rest loaded")
    assert lines[4] == f"{zones}:6:12: 'label' must be text, got a number (5) (put it in quotes)"
    assert lines[5].startswith(f"{zones}:8:9: zone id 'sacrum' is already defined at ")
    assert lines[6:] == [f"{zones}:13:13: unknown zone 'nowhere'; the zone ids are listed by: "
                         "bodymap list zones",
                         f"{zones}:14:5: zone is missing 'id'"]


def test_skipped_files_entries_left_out_and_warnings_each_under_their_heading(
        qtbot, tmp_path: Path, open_window):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": SKIPPED, "warned_muscle": WARNED},
                      sources=SOURCES_IN_PART)
    window = open_window(pack)
    assert window.statusBar().currentMessage() == (
        "3 problems in the data files; 1 file not loaded until fixed; 1 entry left out until "
        "fixed: see File > Data problems.")
    words, listing = problems_dialog(qtbot, window)
    assert words == (
        "What is under “Skipped until fixed (not loaded)” is not loaded until its mistakes are "
        "fixed: one mistake in a muscle file leaves out the whole muscle. The files under "
        "“Loaded in part (entries left out until fixed)” loaded except the entries named, which "
        "are left out until their mistakes are fixed: a mistake in one entry of a file leaves "
        "out only that entry. The files under “Loaded, with warnings” loaded; fix the lines "
        "listed. Run “bodymap validate” for the same list.")
    lines = listing.splitlines()
    assert lines[:8] == [
        "Skipped until fixed (not loaded), 1 file: pack_muscle.yaml",
        f"{pack / 'muscles' / 'pack_muscle.yaml'}:3:8: 'hipp' is not a valid group value; did "
        "you mean 'hip'?",
        "",
        "Loaded in part (entries left out until fixed), 1 file:",
        "sources.yaml: 1 entry left out: source 'pack_notes'; the rest loaded",
        f"{pack / 'sources.yaml'}:9:11: 'year' must be a whole number, got text ('twenty')",
        "",
        "Loaded, with warnings:",
    ]
    assert lines[8].startswith(f"{pack / 'muscles' / 'warned_muscle.yaml'}:31:1: unknown key "
                               "'colour' in muscle")
    assert len(lines) == 9


def test_a_pack_muscles_long_name_does_not_squeeze_the_body(qtbot, tmp_path: Path,
                                                            open_window):
    from PySide6.QtWidgets import QListWidget

    long_name = ("Deep lateral rotators of the hip (gemellus superior and inferior, obturator "
                 "internus)")
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE.replace(
        "name: Pack muscle", f"name: {long_name}")})
    built_in, packed = open_window(), open_window(pack)
    for window in (built_in, packed):
        window.resize(1320, 860)
    qtbot.waitUntil(lambda: packed.body_view.width() > 0 and built_in.body_view.width() > 0)
    # The body keeps nearly the room it has without the pack...
    assert packed.body_view.width() >= built_in.body_view.width() - 60
    # ... and the long name is elided in the list, whole in its tooltip.
    names = packed.findChild(QListWidget, "muscleList")
    (item,) = names.findItems(long_name, Qt.MatchFlag.MatchExactly)
    assert item.toolTip().startswith(long_name)
    assert names.textElideMode() == Qt.TextElideMode.ElideRight
    assert names.viewport().width() < names.fontMetrics().horizontalAdvance(long_name)


def test_a_mistyped_zone_in_a_pack_leaves_search_and_study_working(qtbot, tmp_path: Path,
                                                                     open_window):
    from PySide6.QtWidgets import QLineEdit

    from bodymap.study.session import all_card_ids

    # One zone of two mistyped ("kne" for knee); and a muscle whose only zone is mistyped.
    half = VALID_MUSCLE.replace("essential: [buttock]", "essential: [buttock, posterior_kne]")
    none = (VALID_MUSCLE.replace("pack_muscle", "lost_muscle").replace("name: Pack muscle",
                                                                       "name: Lost muscle")
            .replace("essential: [buttock]", "essential: [butock]")
            .replace("spillover: [posterior_thigh]", "spillover: []"))
    window = open_window(write_pack(tmp_path / "pack", {"pack_muscle": half,
                                                        "lost_muscle": none}))
    _words, listing = problems_dialog(qtbot, window)
    assert "unknown zone 'posterior_kne'; did you mean 'posterior_knee'?" in listing
    assert "unknown zone 'butock'; did you mean 'buttock'?" in listing
    # Searching a place, as a class would, reads every muscle's referral: the typo is no place.
    box = window.findChild(QLineEdit, "searchBox")
    for query in ("knee", "buttock pain"):
        box.clear()
        qtbot.keyClicks(box, query)
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert window.selected is not None, query
    assert "pack_muscle" in {m.id for m in window.catalog.search("buttock")}
    # The muscle keeps the zone that is defined; the one with none is no zone question.
    (trp,) = window.catalog.muscles["pack_muscle"].trigger_points
    assert trp.referral.essential == ("buttock",)
    cards = all_card_ids(window.catalog)
    assert "zones:pack_muscle" in cards and "zones:lost_muscle" not in cards
