"""`bodymap --muscle NAME --view V --layer L`: the window opens where it was asked to."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.packs import VALID_MUSCLE, write_pack
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget


def test_the_muscle_asked_for_is_shown(started_as_bodymap):
    window = started_as_bodymap(muscle="piriformis", view="posterior")
    assert window.detail_panel.muscle_id == "piriformis"
    assert window.body_view.layer == "deep"  # piriformis lies under gluteus maximus
    window.body_view.region_point("piriformis", "L")  # drawn and clickable as shown


@pytest.mark.parametrize(("typed", "muscle", "layer"), [
    ("gluteus medius", "gluteus_medius", "superficial"),
    ("Gluteus Medius", "gluteus_medius", "superficial"),
    ("QL", "quadratus_lumborum", "deep"),  # under the paraspinals: the deep layer shows it
    ("piriformus", "piriformis", "deep"),
    ("longissimus", "longissimus_thoracis", "superficial"),  # a word of its name alone
])
def test_the_muscle_asked_for_by_name_is_shown(started_as_bodymap, typed: str, muscle: str,
                                               layer: str):
    window = started_as_bodymap(muscle=typed)
    assert window.detail_panel.muscle_id == muscle
    name = window.catalog.muscles[muscle].name
    assert window.findChild(QWidget, "detailPanel").isVisible()
    assert window.findChild(QLabel, "detailTitle").text() == f"{name} (left)"
    assert window.findChild(QListWidget, "muscleList").currentItem().text() == name
    assert window.body_view.layer == layer
    window.body_view.region_point(muscle, "L")  # drawn and clickable as shown


def note(window) -> str:
    """The panel's note as a person reads it ("" when it is not shown)."""
    label = window.findChild(QLabel, "searchNote")
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText() if label.isVisible() else ""


def listed_muscles(window) -> list[str]:
    muscles = window.findChild(QListWidget, "muscleList")
    return [muscles.item(row).text() for row in range(muscles.count())
            if not muscles.item(row).isHidden()]


def follow_link(qtbot, window, number: int) -> None:
    """Open the note's link `number` (from 1) with the keyboard, as a person can."""
    label = window.findChild(QLabel, "searchNote")
    label.setFocus()
    for _ in range(number):
        qtbot.keyClick(label, Qt.Key.Key_Tab)
    qtbot.keyClick(label, Qt.Key.Key_Return)


def shows_nothing(window) -> bool:
    return (window.detail_panel.muscle_id is None and window.selected is None
            and window.body_view.selected is None
            and not window.findChild(QListWidget, "muscleList").selectedItems())


@pytest.mark.parametrize(("typed", "said", "names"), [
    # A word of three names: each is offered, in its name, none taken.
    ("gluteus", "\u201cgluteus\u201d could be any of three muscles: Gluteus maximus, Gluteus "
     "medius or Gluteus minimus. Pick one here or in the list.",
     ["Gluteus maximus", "Gluteus medius", "Gluteus minimus"]),
    # A nickname three muscles share.
    ("Paraspinals", "\u201cParaspinals\u201d could be any of three muscles: Iliocostalis "
     "lumborum, Iliocostalis thoracis or Longissimus thoracis. Pick one here or in the list.",
     ["Iliocostalis lumborum", "Iliocostalis thoracis", "Longissimus thoracis"]),
    # As near one nickname as another.
    ("glute mid", "\u201cglute mid\u201d could be either Gluteus medius or Gluteus minimus. "
     "Pick one here or in the list.", ["Gluteus medius", "Gluteus minimus"]),
    # A word of one shown name and of another muscle's nickname ("Lateral hamstrings").
    ("hamstrings", "\u201chamstrings\u201d could be either Biceps femoris or Medial hamstrings. "
     "Pick one here or in the list.", ["Biceps femoris", "Medial hamstrings"]),
    # A word of three names cut short, as the nicknames glute max, med and min cut it: asked
    # which, as "gluteus" is (it said no muscle is called "glute").
    ("glute", "\u201cglute\u201d could be any of three muscles: Gluteus maximus, Gluteus "
     "medius or Gluteus minimus. Pick one here or in the list.",
     ["Gluteus maximus", "Gluteus medius", "Gluteus minimus"]),
])
def test_a_name_of_several_muscles_shows_none_and_asks_which_in_their_names(
        qtbot, started_as_bodymap, settings, typed: str, said: str, names: list[str]):
    settings.setValue("muscle", "piriformis")  # shown last time: not what was asked for now
    settings.setValue("side", "L")
    window = started_as_bodymap(muscle=typed)
    assert shows_nothing(window)
    assert window.findChild(QLabel, "detailTitle").text() == "Which muscle?"
    assert window.findChild(QWidget, "detailPanel").isVisible()
    assert note(window) == said  # in names, not ids
    # The list shows those muscles alone, the name typed in the search box.
    assert listed_muscles(window) == names
    assert window.findChild(QLabel, "muscleListHeading").text() == (
        f"Muscles: {len(names)} of {len(window.catalog.muscles)} match \u201c{typed}\u201d")
    assert window.findChild(QLineEdit, "searchBox").text() == typed
    # It stays while the status bar moves on, until a muscle is picked.
    window.statusBar().showMessage("Muscle mode: click a muscle.", 10)
    qtbot.wait(50)
    assert note(window) == said
    follow_link(qtbot, window, 2)  # the second muscle offered
    muscle = next(m for m in window.catalog.muscles.values() if m.name == names[1])
    assert window.detail_panel.muscle_id == muscle.id
    assert window.findChild(QLabel, "detailTitle").text() == f"{muscle.name} (left)"
    assert note(window) == ""
    window.body_view.region_point(muscle.id, "L")  # drawn and clickable as shown


def test_the_list_answers_the_question_too_and_clearing_the_search_shows_all(
        qtbot, started_as_bodymap):
    window = started_as_bodymap(muscle="gluteus")
    assert listed_muscles(window) == ["Gluteus maximus", "Gluteus medius", "Gluteus minimus"]
    muscles = window.findChild(QListWidget, "muscleList")
    assert window.focusWidget() is muscles  # the arrow keys and Enter pick one
    row = next(row for row in range(muscles.count())
               if muscles.item(row).text() == "Gluteus minimus")
    rect = muscles.visualItemRect(muscles.item(row))
    qtbot.mouseClick(muscles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail_panel.muscle_id == "gluteus_minimus"
    assert "\u201cgluteus\u201d could be" not in note(window)
    box = window.findChild(QLineEdit, "searchBox")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert len(listed_muscles(window)) == len(window.catalog.muscles)
    assert window.findChild(QLabel, "muscleListHeading").text() == "Muscles"


@pytest.mark.parametrize(("typed", "said"), [
    # A letter off a word of three names: each muscle it names is offered, by name.
    ("glutius", "No muscle in the data is called \u201cglutius\u201d. Did you mean Gluteus "
     "maximus, Gluteus medius or Gluteus minimus? Or pick one from the list."),
    # What search finds muscles by, but no muscle's name: the search is offered.
    ("sciatica", "No muscle in the data is called \u201csciatica\u201d. Search for "
     "\u201csciatica\u201d to find the muscles whose pages speak of it, or pick one from the "
     "list."),
    ("zzzz", "No muscle in the data is called \u201czzzz\u201d. Pick one from the list, or "
     "search by a symptom or a place (Ctrl+F)."),
])
def test_a_name_of_no_muscle_shows_none_and_says_so_in_words(qtbot, started_as_bodymap,
                                                             settings, typed: str, said: str):
    settings.setValue("muscle", "piriformis")
    window = started_as_bodymap(muscle=typed)
    assert shows_nothing(window)
    assert window.findChild(QLabel, "detailTitle").text() == "Muscle not found"
    assert note(window) == said
    # Nothing to choose among: the whole list, and nothing searched.
    assert len(listed_muscles(window)) == len(window.catalog.muscles)
    assert window.findChild(QLineEdit, "searchBox").text() == ""


def test_did_you_mean_opens_the_muscle_meant(qtbot, started_as_bodymap):
    window = started_as_bodymap(muscle="glutius")
    follow_link(qtbot, window, 3)  # the last of the three offered
    assert window.detail_panel.muscle_id == "gluteus_minimus"
    assert note(window) == ""
    window.body_view.region_point("gluteus_minimus", "L")


def test_the_search_offered_for_a_symptom_runs_it(qtbot, started_as_bodymap):
    window = started_as_bodymap(muscle="sciatica")
    follow_link(qtbot, window, 1)
    found = [m.id for m in window.catalog.search("sciatica")]
    assert window.detail_panel.muscle_id == found[0]
    assert window.findChild(QLineEdit, "searchBox").text() == "sciatica"
    assert listed_muscles(window) == [window.catalog.muscles[m].name for m in found]
    assert note(window).startswith("Found for \u201csciatica\u201d: ")


@pytest.mark.parametrize(("argv", "muscle", "said"), [
    # A word of one muscle's name, and of no other's: that muscle.
    (["--muscle", "longissimus"], "longissimus_thoracis", None),
    # A word of two: neither is guessed; both are offered.
    (["--muscle", "lumborum"], None, "\u201clumborum\u201d could be either Iliocostalis "
     "lumborum or Quadratus lumborum: pick one."),
    # A word of one name and of another's nickname: neither is guessed.
    (["--muscle", "hamstrings"], None, "\u201chamstrings\u201d could be either Biceps femoris "
     "or Medial hamstrings: pick one."),
], ids=["a word of one name", "a word of two names", "a word of a name and a nickname"])
def test_bodymap_muscle_on_the_command_line_opens_the_muscle_a_word_names(
        qtbot, monkeypatch, settings, progress_path, argv: list[str], muscle: str | None,
        said: str | None):
    """`bodymap --muscle longissimus`, as the shell runs it, up to the event loop, which is the
    test's: the window it opens, with this test's settings, and no first-run disclaimer."""
    from bodymap.ui import safety

    monkeypatch.setattr(safety, "show_disclaimer_if_needed", lambda *args: None)
    shown = run_bodymap(qtbot, monkeypatch, settings, progress_path, argv)
    assert shown.detail_panel.muscle_id == muscle
    message = shown.statusBar().currentMessage()
    assert message == said if said else "did you mean" not in message
    if muscle:
        name = shown.catalog.muscles[muscle].name
        assert shown.findChild(QLabel, "detailTitle").text() == f"{name} (left)"
        shown.body_view.region_point(muscle, "L")  # drawn and clickable as shown


def test_on_a_first_run_the_question_waits_behind_the_disclaimer(
        qtbot, monkeypatch, settings, progress_path):
    """`bodymap --muscle gluteus` on a first run: the disclaimer comes first, and once it is
    accepted the window still asks which muscle, as it did before (a status bar message of a
    few seconds was gone by then)."""
    from PySide6.QtWidgets import QDialog, QPushButton

    shown = run_bodymap(qtbot, monkeypatch, settings, progress_path, ["--muscle", "gluteus"])
    dialog = shown.findChild(QDialog, "disclaimerDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.wait(100)
    qtbot.mouseClick(dialog.findChild(QPushButton, "disclaimerAccept"),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert shows_nothing(shown)
    assert note(shown).startswith("\u201cgluteus\u201d could be any of three muscles: ")


# A teacher's muscle added for tonight's class, with one mistake: its file is left out.
ADDUCTOR = (VALID_MUSCLE.replace("pack_muscle", "adductor_longus")
            .replace("Pack muscle", "Adductor longus").replace("group: hip", "group: hipp"))


def not_loaded(window, file: Path) -> str:
    """What the panel says of the adductor asked for (`note`)."""
    problem = f"{file}:3:8: 'hipp' is not a valid group value; did you mean 'hip'?"
    return (f"\u201cAdductor longus\u201d is in {file}, which was not loaded:\n{problem}\n"
            "\u201cAdductor longus\u201d loads once the file's mistakes are fixed and bodymap is "
            "opened again: Show the data problems (File \u25b8 Data problems).")


def test_a_muscle_whose_file_was_left_out_is_said_to_be_there_with_its_mistake(
        qtbot, tmp_path: Path, started_as_bodymap):
    """`bodymap --data pack --muscle "adductor longus"`: not "no muscle is called", but the
    file that holds it and its mistake, where the teacher looks, and a way to the problems."""
    from PySide6.QtWidgets import QDialog

    pack = write_pack(tmp_path / "pack", {"adductor_longus": ADDUCTOR})
    window = started_as_bodymap([pack], muscle="adductor longus")
    assert shows_nothing(window)
    assert window.findChild(QLabel, "detailTitle").text() == "Muscle not loaded"
    file = pack / "muscles" / "adductor_longus.yaml"
    assert note(window) == not_loaded(window, file)
    assert window.statusBar().currentMessage() == (
        f"\u201cAdductor longus\u201d was not loaded: its file, {file}, has a problem; see File > "
        "Data problems.")
    follow_link(qtbot, window, 1)
    (dialog,) = [d for d in window.findChildren(QDialog) if d.windowTitle() == "Data problems"]
    assert dialog.isVisible()
    dialog.close()


def test_a_remembered_muscle_whose_file_is_left_out_since_is_said_to_be_there(
        tmp_path: Path, settings, started_as_bodymap):
    pack = write_pack(tmp_path / "pack", {"adductor_longus": ADDUCTOR})
    settings.setValue("muscle", "adductor_longus")  # shown last time, before the mistake
    window = started_as_bodymap([pack])
    assert shows_nothing(window)
    assert note(window) == not_loaded(window, pack / "muscles" / "adductor_longus.yaml")


def run_bodymap(qtbot, monkeypatch, settings, progress_path, argv: list[str]):
    """`bodymap ARGV` as the shell runs it, up to the event loop, which is the test's: the one
    window it opens, with this test's settings and progress file."""
    from PySide6.QtWidgets import QApplication

    from bodymap import cli
    from bodymap.ui import main_window

    built = main_window.MainWindow
    opened: list[main_window.MainWindow] = []

    def window(catalog):
        opened.append(built(catalog, settings, progress_path=progress_path))
        qtbot.addWidget(opened[-1])
        return opened[-1]

    qapp = QApplication.instance()
    names = (qapp.organizationName(), qapp.applicationName(), qapp.applicationDisplayName())
    monkeypatch.setattr(main_window, "MainWindow", window)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    try:
        assert cli.main(argv) == 0
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
        qapp.setApplicationDisplayName(names[2])
    (shown,) = opened
    return shown


def test_a_pack_muscle_asked_for_opens_where_its_referral_is_not_on_the_view_left_last(
        tmp_path: Path, settings, started_as_bodymap):
    """`bodymap --data pack --muscle "pack muscle"` after a session that ended on the front
    view: no view draws a pack's muscle, so the body turns to where its referral is painted
    (the buttock and the back of the thigh), not an empty front view."""
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    settings.setValue("view", "anterior")
    window = started_as_bodymap([pack], muscle="pack muscle")
    assert window.detail_panel.muscle_id == "pack_muscle"
    assert window.body_view.view_name == "posterior"
