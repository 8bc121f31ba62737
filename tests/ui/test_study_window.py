"""Study mode in the window: questions answered on the body, notes in the detail panel, progress
kept in the progress file. Driven as a student does: actions, buttons, clicks on the body."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.window import child, pixel, press_button, reopened, ring_by_arrows, trigger
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from bodymap.model import Catalog
from bodymap.study import ProgressStore
from bodymap.ui.main_window import MainWindow

LAYER_ACTIONS = {"superficial": "actionLayerSuperficial", "deep": "actionLayerDeep"}




def add_student(qtbot, window: MainWindow, monkeypatch, name: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (name, True))
    press_button(qtbot, window, "studyNewProfile")


def open_study(qtbot, window: MainWindow, monkeypatch, student: str = "Ana",
               length: int = 5) -> None:
    trigger(window, "actionStudy")
    add_student(qtbot, window, monkeypatch, student)
    spin = child(window, QSpinBox, "studyLength")
    spin.setValue(length)


def muscle_named(catalog: Catalog, name: str) -> str:
    return next(m.id for m in catalog.muscles.values() if m.name.casefold() == name.casefold())


def show_muscle(window: MainWindow, muscle_id: str) -> None:
    """Switch view and layer with the window's actions, as a student following the hint."""
    view, layer = window.body_view.layers_of(muscle_id)[0]
    trigger(window, f"actionView{view.title()}")
    trigger(window, LAYER_ACTIONS[layer])


def click_body(qtbot, window: MainWindow, region: str, side: str = "L") -> None:
    view = window.body_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.region_point(region, side))


def answer_locate(qtbot, window: MainWindow, catalog: Catalog, prompt: str) -> str:
    muscle_id = muscle_named(catalog, re.fullmatch(r"Click (.+) on the body\.", prompt)[1])
    show_muscle(window, muscle_id)
    view = window.body_view
    # The right side where the view draws one (the side view shows the left while asking).
    side = "R" if (muscle_id, "R") in view.body_scene().muscles else "L"
    point = view.region_point(muscle_id, side)
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))  # off the body first, so the move is news
    hovered: list[str] = []
    view.hoverChanged.connect(hovered.append)
    qtbot.mouseMove(view.viewport(), point)
    assert hovered == [""], "hovering must not name the muscle asked for"
    view.hoverChanged.disconnect(hovered.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return muscle_id


def answer_zones(qtbot, window: MainWindow, catalog: Catalog, prompt: str) -> set[str]:
    found = re.fullmatch(r"Mark the essential referral zones of (.+?)(?:, (.+)|"
                         r" \(all its trigger points\))\.", prompt)
    muscle = catalog.muscles[muscle_named(catalog, found[1])]
    trps = [t for t in muscle.trigger_points if found[2] in (None, t.label)]
    wanted = {z for t in trps for z in t.referral.essential}
    for zone in sorted(wanted):
        for view in ("posterior", "lateral", "anterior"):
            trigger(window, f"actionView{view.title()}")
            if any(z == zone for z, _ in window.body_view.body_scene().zones):
                click_body(qtbot, window, zone, "L")
                break
    press_button(qtbot, window, "studyCheck")
    return wanted


def click_in_muscle_list(qtbot, window: MainWindow, name: str) -> QListWidget:
    """Look a muscle up in the list on the left, as a student does mid-question."""
    muscles = child(window, QListWidget, "muscleList")
    row = next(i for i in range(muscles.count()) if muscles.item(i).text() == name)
    qtbot.mouseClick(muscles.viewport(), Qt.MouseButton.LeftButton,
                     pos=muscles.visualItemRect(muscles.item(row)).center())
    return muscles


def test_study_tab_is_built_when_first_opened(qtbot, window: MainWindow, progress_path: Path):
    page = window.findChild(QWidget, "studyPanel")
    assert page is not None
    assert window.findChild(QPushButton, "studyStart") is None  # nothing built at start-up
    assert not progress_path.exists()  # nor the progress file opened
    trigger(window, "actionStudy")
    assert window.panels.currentWidget() is page
    assert child(window, QPushButton, "studyStart").isVisible()


def test_a_whole_session_on_the_body(qtbot, window: MainWindow, catalog: Catalog, monkeypatch,
                                     progress_path: Path):
    open_study(qtbot, window, monkeypatch, length=20)
    press_button(qtbot, window, "studyStart")
    assert not window.findChild(type(window.mode_actions["pain"]), "actionPainMode").isEnabled()
    kinds: set[str] = set()
    right = 0
    for _ in range(20):
        board = window.body_view.study
        prompt = child(window, QLabel, "studyPrompt").text()
        if board is not None and board.input == "muscle":
            kinds.add("locate")
            answer_locate(qtbot, window, catalog, prompt)
        elif board is not None and board.input == "zones":
            kinds.add("zones")
            answer_zones(qtbot, window, catalog, prompt)
        else:
            if board is not None and board.essential:
                kinds.add("referral")
                # The pattern is painted on the body: an essential zone is red.
                zone = board.essential[0]
                point = window.body_view.region_point(zone, board.side, kind="zone")
                shown = pixel(window, point)
                assert shown.red() > 150 and shown.green() < 120, zone
            else:
                kinds.add("fact")
            press_button(qtbot, window, "studyChoice1")
        verdict = child(window, QLabel, "studyVerdict").text()
        right += verdict.startswith("Right")
        if kinds & {"locate", "zones"} and board.input != "none":
            assert verdict.startswith("Right"), (prompt, verdict)  # the clicks were the answer
        press_button(qtbot, window, "studyNext")
        if child(window, QWidget, "studySummary").isVisible():
            break
    assert child(window, QWidget, "studySummary").isVisible()
    score = child(window, QLabel, "studySummaryScore").text()
    assert score == f"{right} right of 20"
    assert {"locate", "zones", "referral"} <= kinds
    press_button(qtbot, window, "studyDone")
    assert window.body_view.study is None  # the body is the explorer's again
    assert window.findChild(type(window.mode_actions["pain"]), "actionPainMode").isEnabled()
    window.close()
    with ProgressStore.open(progress_path) as store:
        (ana,) = store.profiles()
        assert ana.name == "Ana"
        assert len(store.answers(ana)) == 20


def test_a_new_student_starts_with_finding_and_choosing_not_marking(qtbot, window: MainWindow,
                                                                    monkeypatch):
    # A student created a moment earlier once got "Mark the essential referral zones of ..." as
    # question 1. Each new student gets a deck shuffled anew: several are started in turn.
    trigger(window, "actionStudy")
    firsts = []
    for name in ("Ana", "Ben", "Cleo", "Dev", "Eli", "Fay"):
        add_student(qtbot, window, monkeypatch, name)
        press_button(qtbot, window, "studyStart")
        prompt = child(window, QLabel, "studyPrompt").text()
        kind = child(window, QLabel, "studyKind").text().capitalize()  # shown in capitals
        board = window.body_view.study
        assert board is not None and board.input != "zones", (name, prompt)
        assert not prompt.startswith("Mark"), (name, prompt)
        assert kind in {"Find the muscle", "Referral pattern", "Often mistaken for", "Symptom"}
        firsts.append(prompt)
        press_button(qtbot, window, "studyEnd")
        press_button(qtbot, window, "studyDone")
    assert len(set(firsts)) > 1  # the students' decks were shuffled differently


def knows_all_but(catalog: Catalog, progress_path: Path, muscle_id: str) -> None:
    """Ana knows every card but `muscle_id`'s (met two days ago, right again an hour ago: none
    due), so a session asks those."""
    from datetime import UTC, datetime, timedelta

    from bodymap.study import Grade
    from bodymap.study.session import all_card_ids

    with ProgressStore.open(progress_path) as store:
        ana = store.create_profile("Ana")
        now = datetime.now(UTC)
        for card in all_card_ids(catalog):
            if muscle_id not in card:
                for ago in (timedelta(days=2), timedelta(hours=1)):
                    store.record_answer(ana, card, Grade(1.0, True), now - ago)


def test_every_pattern_question_shows_its_essential_zone(qtbot, window: MainWindow,
                                                         catalog: Catalog, progress_path: Path,
                                                         monkeypatch):
    # The quadratus lumborum's TrP1 pattern is seen from the front only as spillover (belly,
    # groin): from the front view, the body must turn to one that draws the essential zone
    # (the iliac crest), as for every pattern.
    knows_all_but(catalog, progress_path, "quadratus_lumborum")
    trigger(window, "actionViewAnterior")
    trigger(window, "actionStudy")
    child(window, QSpinBox, "studyLength").setValue(50)
    press_button(qtbot, window, "studyStart")
    asked = 0
    while not child(window, QWidget, "studySummary").isVisible():
        board = window.body_view.study
        if board is not None and board.essential and board.input == "none":
            asked += 1
            shown = window.body_view.body_scene().zones
            painted = [(zone, side) for zone in board.essential
                       for side in (board.side, None) if (zone, side) in shown]
            assert painted, (window.body_view.view_name, board.essential)
            zone, side = painted[0]
            colour = pixel(window, window.body_view.region_point(zone, side, kind="zone"))
            assert colour.red() > 150 and colour.green() < 120, zone  # solid red: essential
        press_button(qtbot, window, "studySkip")
        press_button(qtbot, window, "studyNext")
    assert asked >= 1


def test_a_pattern_with_a_part_on_another_view_says_where_without_naming_the_muscle(
        qtbot, window: MainWindow, catalog: Catalog, progress_path: Path):
    # Iliopsoas refers to the low back and the groin: no one view draws its whole pattern, and
    # the groin, the telling part, is only on the front.
    knows_all_but(catalog, progress_path, "iliopsoas")
    trigger(window, "actionStudy")
    child(window, QSpinBox, "studyLength").setValue(50)
    press_button(qtbot, window, "studyStart")
    note = child(window, QLabel, "referralElsewhere")
    asked = 0
    while not child(window, QWidget, "studySummary").isVisible():
        board = window.body_view.study
        if board is not None and board.essential and board.input == "none":
            asked += 1
            drawn = {zone for zone, _side in window.body_view.body_scene().zones}
            elsewhere = [catalog.zones[z].label for z in (*board.essential, *board.spillover)
                         if z not in drawn]
            assert elsewhere, window.body_view.view_name  # the case this test is about
            assert note.isVisible()
            words = note.text()
            assert "More referral on the" in words
            assert all(label in words for label in elsewhere), (words, elsewhere)
            assert "Iliopsoas" not in words and "psoas" not in words.casefold()
        press_button(qtbot, window, "studySkip")
        press_button(qtbot, window, "studyNext")
    assert asked >= 1
    assert not note.isVisible()  # the session over, the explorer shows no question's note


def test_feedback_shows_the_answer_on_the_body(qtbot, window: MainWindow, catalog: Catalog,
                                               monkeypatch):
    open_study(qtbot, window, monkeypatch, length=20)
    press_button(qtbot, window, "studyStart")
    for _ in range(20):
        board = window.body_view.study
        if board is not None and board.input == "muscle":
            break
        press_button(qtbot, window, "studySkip")
        press_button(qtbot, window, "studyNext")
    else:
        pytest.fail("no locate question in 20")
    prompt = child(window, QLabel, "studyPrompt").text()
    asked = muscle_named(catalog, re.fullmatch(r"Click (.+) on the body\.", prompt)[1])
    press_button(qtbot, window, "studySkip")  # "Don't know"
    assert child(window, QLabel, "studyVerdict").text().startswith("The answer") or \
        "Not" in child(window, QLabel, "studyVerdict").text()
    board = window.body_view.study
    assert board.answer == asked and board.input == "none"
    scene = window.body_view.body_scene()
    outlined = scene.muscles[asked, board.side]
    assert outlined.isVisible() and outlined.pen().width() > 0  # drawn round the answer
    assert all(m.isVisible() for m in scene.markers.get((asked, board.side), []))


def test_notes_are_kept_per_student(qtbot, window: MainWindow, catalog: Catalog, monkeypatch,
                                    settings: QSettings, progress_path: Path):
    notes = child(window, QPlainTextEdit, "muscleNotes")
    window.body_view.setFocus()
    trigger(window, "actionLayerDeep")
    click_body(qtbot, window, "piriformis", "L")
    open_study(qtbot, window, monkeypatch, student="Ana")  # (notes with nobody: test_notes)
    assert notes.isEnabled()
    qtbot.mouseClick(notes, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notes, "Sciatic nerve below: broad slow pressure")
    trigger(window, "actionLayerSuperficial")
    click_body(qtbot, window, "gluteus_medius", "L")  # another muscle: the note is saved
    assert notes.toPlainText() == ""
    window.close()

    again = reopened(qtbot, catalog, settings, progress_path)
    trigger(again, "actionLayerDeep")
    click_body(qtbot, again, "piriformis", "L")
    notes_again = child(again, QPlainTextEdit, "muscleNotes")
    assert notes_again.toPlainText() == "Sciatic nerve below: broad slow pressure"
    assert child(again, QLabel, "notesHeading").text() == "My notes (Ana)"
    # A second student on the same laptop sees an empty page for the same muscle.
    open_study(qtbot, again, monkeypatch, student="Ben")
    assert notes_again.toPlainText() == ""
    again.close()


def test_a_damaged_progress_file_is_moved_aside_with_a_message(
        qtbot, window: MainWindow, progress_path: Path):
    progress_path.write_bytes(b"this is not a database" * 200)
    trigger(window, "actionStudy")
    warning = child(window, QLabel, "studyWarning")
    assert warning.isVisible() and "damaged" in warning.text()
    assert list(progress_path.parent.glob("progress*.sqlite3*"))  # the old file kept aside
    assert child(window, QPushButton, "studyStart").isVisible()


def test_mastery_is_coloured_on_the_body(qtbot, window: MainWindow, catalog: Catalog,
                                         progress_path: Path, monkeypatch):
    from datetime import UTC, datetime, timedelta

    from bodymap.study import Grade
    from bodymap.study.session import all_card_ids

    # Ana knows every gluteus maximus card well (right again and again, days apart), has got
    # one piriformis card right once, and has not met the quadratus lumborum yet.
    with ProgressStore.open(progress_path) as store:
        ana = store.create_profile("Ana")
        start = datetime(2026, 1, 1, tzinfo=UTC)
        cards = all_card_ids(catalog)
        for card in [c for c in cards if "gluteus_maximus" in c]:
            for n in range(8):
                store.record_answer(ana, card, Grade(1.0, True), start + timedelta(days=40 * n))
        piriformis = next(c for c in cards if "piriformis" in c)
        store.record_answer(ana, piriformis, Grade(1.0, True), start)
    trigger(window, "actionStudy")
    show = child(window, QPushButton, "studyShowMastery")
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert window.body_view.study is not None
    assert "Known well" in window.body_view.legend.accessibleName()
    scene = window.body_view.body_scene()
    known, begun, unmet = (scene.muscles[m, "L"].brush().color()
                           for m in ("gluteus_maximus", "piriformis", "quadratus_lumborum"))
    assert unmet.hsvSaturation() < 20  # grey: not red, which means pain on this body
    for colour in (known, begun):
        assert 100 <= colour.hsvHue() <= 170  # green
    assert known.hsvSaturation() > begun.hsvSaturation() and known.value() < begun.value()
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)  # off again: the explorer's body
    assert window.body_view.study is None
    assert "Essential referral zone" in window.body_view.legend.accessibleName()


def test_body_questions_by_keyboard_alone(qtbot, window: MainWindow, catalog: Catalog,
                                          monkeypatch):
    """Arrows walk the regions, Enter answers or marks, Ctrl+Return checks, Enter goes on."""
    open_study(qtbot, window, monkeypatch, length=20)
    qtbot.keyClick(child(window, QPushButton, "studyStart"), Qt.Key.Key_Space)
    view = window.body_view
    done: set[str] = set()
    for _ in range(20):
        board = view.study
        prompt = child(window, QLabel, "studyPrompt").text()
        if board.input == "muscle":  # each one: a muscle's zones are asked once it is found
            muscle_id = muscle_named(catalog, re.fullmatch(r"Click (.+) on the body\.",
                                                           prompt)[1])
            show_muscle(window, muscle_id)
            assert view.hasFocus()
            found = next(item for item in view.body_scene().active_items()
                         if item.region.target == muscle_id)
            ring_by_arrows(qtbot, view, found.region.id)
            qtbot.keyClick(view, Qt.Key.Key_Return)
            assert child(window, QLabel, "studyVerdict").text().startswith("Right")
            done.add("locate")
        elif board.input == "zones" and "zones" not in done:
            assert view.hasFocus()
            qtbot.keyClick(view, Qt.Key.Key_Right)
            qtbot.keyClick(view, Qt.Key.Key_Return)  # marks the zone with the focus ring
            assert len(view.study.marked) == 1
            qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            assert child(window, QWidget, "studyFeedback").isVisible()
            done.add("zones")
        else:
            press_button(qtbot, window, "studySkip")
        next_button = child(window, QPushButton, "studyNext")
        assert next_button.hasFocus()  # feedback shown: Enter goes on
        qtbot.keyClick(next_button, Qt.Key.Key_Return)
        if done == {"locate", "zones"}:
            break
    assert done == {"locate", "zones"}
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # ends the session from the body too
    assert child(window, QWidget, "studySummary").isVisible()
    assert view.study is None


def test_looking_a_muscle_up_mid_question_gives_the_body_back(qtbot, window: MainWindow,
                                                              monkeypatch):
    from PySide6.QtWidgets import QTabWidget

    open_study(qtbot, window, monkeypatch)
    press_button(qtbot, window, "studyStart")
    board = window.body_view.study
    assert board is not None
    click_in_muscle_list(qtbot, window, "Piriformis")
    # The muscle's page, and the body shows that muscle, not the question's picture.
    assert window.detail_panel.muscle_id == "piriformis"
    assert window.body_view.study is None
    assert window.body_view.body_scene().shown_state()[1] == window.selected
    tabs = child(window, QTabWidget, "sidePanels")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(window.study_page)).center())
    assert window.body_view.study == board  # the question again, as it was


def test_the_pain_finder_first_opened_mid_session_cannot_turn_pain_mode_on(
        qtbot, window: MainWindow, monkeypatch):
    from PySide6.QtWidgets import QTabWidget

    open_study(qtbot, window, monkeypatch)
    press_button(qtbot, window, "studyStart")
    tabs = child(window, QTabWidget, "sidePanels")
    bar = tabs.tabBar()
    pain_tab = bar.tabRect(tabs.indexOf(child(window, QWidget, "painFinder"))).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=pain_tab)  # built now, mid-session
    button = child(window, QPushButton, "markPainButton")
    assert button.isVisible() and not button.isEnabled()  # pain mode is off while a quiz runs
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(window.study_page)).center())
    trigger(window, "actionStudyEnd")
    assert button.isEnabled()


def test_a_question_left_mid_way_says_it_waits_and_one_click_goes_back(
        qtbot, window: MainWindow, monkeypatch):
    from PySide6.QtWidgets import QTabWidget

    open_study(qtbot, window, monkeypatch)
    press_button(qtbot, window, "studyStart")
    board = window.body_view.study
    status = window.statusBar()
    assert status.currentMessage() == board.prompt  # e.g. "Answer 1-4 in the study panel"
    tabs = child(window, QTabWidget, "sidePanels")
    study_tab = tabs.indexOf(window.study_page)
    assert tabs.tabText(study_tab) == "Study"
    muscles = click_in_muscle_list(qtbot, window, "Piriformis")
    assert window.detail_panel.muscle_id == "piriformis"
    assert window.body_view.study is None
    # The question's prompt is gone from the status bar; what waits, and the way back, are there.
    assert board.prompt not in status.currentMessage()
    note = child(window, QLabel, "studyWaitingNote")
    assert note.isVisible() and note.text() == "Study: question 1 of 5 is waiting."
    assert tabs.tabText(study_tab) == "Study (waiting)"
    back = child(window, QPushButton, "studyBackToQuestion")
    assert back.text() == "Back to the question (Ctrl+T)"
    # Esc in the list does not end the session out of sight: the question still waits.
    qtbot.keyClick(muscles, Qt.Key.Key_Escape)
    assert window.study_panel.active
    press_button(qtbot, window, "studyBackToQuestion")
    assert tabs.currentWidget() is window.study_page
    assert window.body_view.study == board
    assert status.currentMessage() == board.prompt
    assert not back.isVisible() and tabs.tabText(study_tab) == "Study"
    qtbot.keyClick(window.body_view, Qt.Key.Key_Escape)  # in sight, Esc ends it again
    assert not window.study_panel.active


def test_an_answered_question_left_says_the_next_waits_and_ctrl_t_goes_back(
        qtbot, window: MainWindow, monkeypatch):
    from PySide6.QtWidgets import QLineEdit

    open_study(qtbot, window, monkeypatch)
    press_button(qtbot, window, "studyStart")
    press_button(qtbot, window, "studySkip")
    answer = window.body_view.study
    box = child(window, QLineEdit, "searchBox")  # looked up by search this time
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box, "sciatica")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.panels.currentWidget() is window.detail_panel
    assert window.body_view.study is None
    note = child(window, QLabel, "studyWaitingNote")
    assert note.text() == "Study: question 1 of 5 is answered; the next is waiting."
    qtbot.keyClick(window.body_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.panels.currentWidget() is window.study_page
    assert window.body_view.study == answer
    assert not note.isVisible()

