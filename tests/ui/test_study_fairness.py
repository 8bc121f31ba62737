"""What a therapist and a student found in study mode, checked in the window as they use it:
buttons, keys and clicks on the body.

- A multiple-choice card offers one defensible answer (no distractor worse sitting beside a
  "pain when sitting" card; no muscle beside a painted pattern that refers to any of its solid
  zones as an essential zone, as gluteus maximus does to quadratus lumborum TrP4's lower buttock
  and iliopsoas to multifidus TrP1's sacrum).
- After a "find the muscle" question the feedback names the muscle clicked and the right one,
  says where the right one lies, and the body shows it.
- Progress reads in plain words (no "review boxes") and moves with right answers, while saying
  that a right answer is checked again later.
- During a zone question the student's marks are theirs, not "marked pain".
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers.progress import only_due
from helpers.window import child, press_button, text, trigger
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QSpinBox, QTreeWidget, QWidget

from bodymap.model import Catalog
from bodymap.study import ProgressStore
from bodymap.study.generators import fact_questions, referral_questions
from bodymap.ui.main_window import MainWindow
from bodymap.ui.study_panel import StudyPanel

LAYER_ACTIONS = {"superficial": "actionLayerSuperficial", "deep": "actionLayerDeep"}


# -- driving the window as a student -------------------------------------------------------------


def start_session(qtbot, window: MainWindow, monkeypatch, length: int) -> None:
    trigger(window, "actionStudy")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Ana", True))
    press_button(qtbot, window, "studyNewProfile")
    child(window, QSpinBox, "studyLength").setValue(length)
    press_button(qtbot, window, "studyStart")


def skip_to(qtbot, window: MainWindow, wanted, limit: int = 20, *, find: bool = False) -> None:
    """"Don't know" until the board asks what `wanted` accepts. With `find`, "find the muscle"
    questions on the way are answered right: a muscle's zone questions come once it is found."""
    for _ in range(limit):
        board = window.body_view.study
        if wanted(board):
            return
        if find and board is not None and board.input == "muscle":
            find_asked(qtbot, window)
        else:
            press_button(qtbot, window, "studySkip")
        press_button(qtbot, window, "studyNext")
    pytest.fail("no such question came up")


def muscle_named(catalog: Catalog, prompt: str) -> str:
    name = re.fullmatch(r"Click (.+) on the body\.", prompt)[1]
    return next(m.id for m in catalog.muscles.values() if m.name == name)


def click_muscle(qtbot, window: MainWindow, muscle_id: str, side: str = "L") -> None:
    view = window.body_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.region_point(muscle_id, side))


def find_asked(qtbot, window: MainWindow) -> str:
    """Click the muscle a "find the muscle" question asks for, in a view and layer drawing it."""
    asked = muscle_named(window.catalog, text(window, "studyPrompt"))
    view, layer = window.body_view.layers_of(asked)[0]
    trigger(window, f"actionView{view.title()}")
    trigger(window, LAYER_ACTIONS[layer])
    click_muscle(qtbot, window, asked, "L")
    assert text(window, "studyVerdict").startswith("Right"), asked
    return asked


def shown_muscles(window: MainWindow, catalog: Catalog) -> list[str]:
    """Muscles a click reaches in the view and layer on screen now."""
    found = []
    for muscle_id in sorted(catalog.muscles):
        try:
            window.body_view.region_point(muscle_id, "L")
        except LookupError:
            continue
        found.append(muscle_id)
    return found


def choice_labels(window: MainWindow) -> list[str]:
    buttons = [child(window, QPushButton, f"studyChoice{n}") for n in range(1, 5)]
    return [b.text().split("  ", 1)[1] for b in buttons if b.isVisible()]


def right_choice(window: MainWindow, catalog: Catalog) -> int:
    """The one choice the catalog backs: the painted pattern's muscle (a pattern is painted as
    the sources settle it), or the fact's."""
    board = window.body_view.study
    by_name = {m.name: m for m in catalog.muscles.values()}
    labels = choice_labels(window)
    if board.essential:
        pattern = frozenset(board.essential)
        right = [i for i, label in enumerate(labels) if any(
            frozenset(t.referral.settled().essential) == pattern
            for t in by_name[label].trigger_points)]
    else:
        fact = text(window, "studyPrompt").split("“", 1)[1].rsplit("”", 1)[0]
        right = [i for i, label in enumerate(labels)
                 if fact in (*by_name[label].symptoms, *by_name[label].often_mistaken_for)]
    assert len(right) == 1, labels
    return right[0]


def is_choice(board) -> bool:
    return board is not None and board.input == "none" and board.answer is None


# -- 1. one defensible answer ------------------------------------------------------------------
ACTIVITY_WORDS = {"sitting": r"(?<!after )\bsitting\b", "walking": r"\bwalk(?:s|ing)?\b|\blimp\b",
                  "standing": r"\bstand(?:ing)?\b", "lying_on_side": r"\blie\b.*\bside\b"}


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_no_card_offers_a_second_muscle_with_the_same_aggravating_activity(
        qtbot, catalog: Catalog, tmp_path: Path, monkeypatch):
    """Every fact card of the deck, met day after day with "Don't know": no distractor is
    aggravated by an activity the card names (TFL's sitting symptom beside gluteus maximus).
    And on every referral card no distractor refers to any zone painted solid as an essential
    zone."""
    clock = Clock()
    panel = StudyPanel(catalog, lambda: ProgressStore.open(tmp_path / "p.sqlite3"),
                       clock=clock, rng=random.Random(3))
    qtbot.addWidget(panel)
    panel.resize(480, 760)
    panel.show()
    qtbot.waitExposed(panel)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Ana", True))
    panel.findChild(QSpinBox, "studyLength").setValue(50)
    by_name = {m.name: m for m in catalog.muscles.values()}
    checked: set[str] = set()
    painted: set[tuple[str, ...]] = set()
    for _day in range(8):  # twenty new cards a day: the whole deck within the week
        qtbot.mouseClick(panel.findChild(QPushButton, "studyStart"), Qt.MouseButton.LeftButton)
        while panel.active:
            prompt = panel.findChild(QLabel, "studyPrompt").text()
            if "“" in prompt:
                fact = prompt.split("“", 1)[1].rsplit("”", 1)[0]
                relief = fact.startswith("Relief")  # what eases the pain: its opposite is fair
                named = {a for a, words in ACTIVITY_WORDS.items()
                         if not relief and re.search(words, fact, re.I)}
                labels = [b.text().split("  ", 1)[1] for b in (
                    panel.findChild(QPushButton, f"studyChoice{n}") for n in range(1, 5))]
                offered = [by_name[label] for label in labels]
                owners = [m for m in offered if fact in (*m.symptoms, *m.often_mistaken_for)]
                assert len(owners) == 1, (fact, labels)
                for muscle in offered:
                    if muscle is not owners[0]:
                        assert not named & set(muscle.aggravated_by), (fact, muscle.name)
                checked.add(fact)
            if essential := panel.board.essential:
                labels = [b.text().split("  ", 1)[1] for b in (
                    panel.findChild(QPushButton, f"studyChoice{n}") for n in range(1, 5))]
                fitting = [label for label in labels if set(essential) <= {
                    z for t in by_name[label].trigger_points for z in t.referral.essential}]
                assert len(fitting) == 1, (essential, labels)
                # Nor does any other choice refer pain to a zone painted solid as an essential
                # zone (iliopsoas' sacrum beside multifidus TrP1): only the answer does.
                sharing = [label for label in labels if set(essential) & {
                    z for t in by_name[label].trigger_points for z in t.referral.essential}]
                assert sharing == fitting, (essential, labels)
                painted.add(essential)
            qtbot.mouseClick(panel.findChild(QPushButton, "studySkip"), Qt.MouseButton.LeftButton)
            qtbot.mouseClick(panel.findChild(QPushButton, "studyNext"), Qt.MouseButton.LeftButton)
        if panel.findChild(QPushButton, "studyDone").isVisible():
            qtbot.mouseClick(panel.findChild(QPushButton, "studyDone"), Qt.MouseButton.LeftButton)
        clock.now += timedelta(days=1)
    asked = {q.fact for q in fact_questions(catalog, random.Random(0))}
    assert checked == asked  # every fact card came up
    cards = {q.essential for q in referral_questions(catalog, random.Random(0))}
    assert painted == cards  # and every referral card


# -- 4. feedback after a locate question --------------------------------------------------------
def test_a_wrong_click_names_both_muscles_and_shows_the_right_one(
        qtbot, window: MainWindow, catalog: Catalog, monkeypatch):
    start_session(qtbot, window, monkeypatch, length=20)
    skip_to(qtbot, window, lambda board: board is not None and board.input == "muscle")
    asked = muscle_named(catalog, text(window, "studyPrompt"))
    wrong = next(m for m in shown_muscles(window, catalog) if m != asked)
    click_muscle(qtbot, window, wrong, "L")

    asked_name, wrong_name = catalog.muscles[asked].name, catalog.muscles[wrong].name
    assert text(window, "studyVerdict") == f"Not quite: you clicked {wrong_name}, not {asked_name}."
    detail = text(window, "studyAnswer")
    assert f"{asked_name} is outlined on the body (left side)" in detail
    assert "It lies " in detail and f"{wrong_name}, which you clicked" in detail
    assert "You clicked" in window.statusBar().currentMessage()
    # The body shows the right muscle, with its trigger points, in a view and layer that draw it.
    board = window.body_view.study
    assert (board.answer, board.clicked, board.input) == (asked, (wrong, "L"), "none")
    scene = window.body_view.body_scene()
    outlined = scene.muscles[asked, board.side]
    assert outlined.isVisible() and outlined.pen().widthF() > 0
    assert scene.markers[asked, board.side]
    assert all(marker.isVisible() for marker in scene.markers[asked, board.side])


def test_a_right_click_says_so_and_where_the_muscle_lies(qtbot, window: MainWindow,
                                                          catalog: Catalog, monkeypatch):
    start_session(qtbot, window, monkeypatch, length=20)
    skip_to(qtbot, window, lambda board: board is not None and board.input == "muscle")
    asked = muscle_named(catalog, text(window, "studyPrompt"))
    view, layer = window.body_view.layers_of(asked)[0]
    trigger(window, f"actionView{view.title()}")
    trigger(window, LAYER_ACTIONS[layer])
    click_muscle(qtbot, window, asked, "L")
    name = catalog.muscles[asked].name
    assert text(window, "studyVerdict") == f"Right: that is {name}."
    assert text(window, "studyAnswer").startswith(f"{name} is outlined on the body (left side)")
    assert "It lies " in text(window, "studyAnswer")
    assert window.body_view.study.clicked is None  # nothing wrong to show


# -- 2 and 3. progress in plain words, moving with right answers --------------------------------
def test_progress_reads_in_plain_words_and_moves_with_right_answers(
        qtbot, window: MainWindow, catalog: Catalog, monkeypatch):
    start_session(qtbot, window, monkeypatch, length=10)
    right = 0
    for _ in range(10):
        if is_choice(window.body_view.study):
            index = right_choice(window, catalog)
            qtbot.keyClick(child(window, QPushButton, f"studyChoice{index + 1}"),
                           getattr(Qt.Key, f"Key_{index + 1}"))
            assert text(window, "studyVerdict").startswith("Right")
            right += 1
        else:
            press_button(qtbot, window, "studySkip")
        press_button(qtbot, window, "studyNext")
    assert right >= 3
    assert child(window, QWidget, "studySummary").isVisible()
    summary = text(window, "studySummaryProgress")
    assert "come back in a day or more" in summary  # honest: right once is not learned
    assert f"{right} right last time, 0 learned" in summary
    press_button(qtbot, window, "studyDone")

    overall = text(window, "studyOverall")
    assert overall.startswith("Seen 10 of ") and f": {right} right last time" in overall
    assert "A card is learned once you get it right 3 times in a row" in overall
    tree = child(window, QTreeWidget, "studyMastery")
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    counts = [re.fullmatch(r"(\d+) of (\d+)", row.text(1)) for row in rows]
    assert all(counts)
    assert sum(int(c[1]) for c in counts) == right  # each right answer shows in its row
    tips = " ".join(row.toolTip(1) for row in rows)
    assert "box" not in tips.casefold() and "box" not in overall.casefold()
    moved = next(row for row, c in zip(rows, counts, strict=True) if int(c[1]))
    assert "Right last time, to be checked again: " in moved.toolTip(1)
    assert "Learned: 0." in moved.toolTip(1)


# -- 5. the student's marks in a zone question ---------------------------------------------------
def zone_question(board) -> bool:
    return board is not None and board.input == "zones"


def mark_a_zone_in_a_zone_question(qtbot, window: MainWindow, monkeypatch) -> None:
    start_session(qtbot, window, monkeypatch, length=20)
    skip_to(qtbot, window, zone_question, find=True)
    view = window.body_view
    zone = next(z for z, _ in view.body_scene().zones)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.region_point(zone, "L", kind="zone"))


def test_a_zone_question_calls_the_marks_the_students_own(qtbot, window: MainWindow,
                                                           catalog: Catalog, monkeypatch):
    mark_a_zone_in_a_zone_question(qtbot, window, monkeypatch)
    view = window.body_view
    assert view.study.marked and view.study.marks_label == "Your marks"


def test_the_legend_says_your_marks_during_a_zone_question(qtbot, window: MainWindow,
                                                           monkeypatch):
    mark_a_zone_in_a_zone_question(qtbot, window, monkeypatch)
    legend = window.body_view.legend.accessibleName()
    assert "Your marks" in legend and "Marked pain" not in legend


def test_a_wrong_click_on_the_right_shows_a_side_view_answer_on_the_right(
        qtbot, window: MainWindow, catalog: Catalog, progress_path: Path):
    # TFL is drawn in the side view: the answer is outlined on the side of the wrong click, the
    # right, and the side view turns to the right to show it.
    tfl = catalog.muscles["tensor_fasciae_latae"]
    only_due(catalog, progress_path, "locate:tensor_fasciae_latae")
    trigger(window, "actionStudy")
    press_button(qtbot, window, "studyStart")
    assert text(window, "studyPrompt") == f"Click {tfl.name} on the body."
    trigger(window, "actionViewPosterior")
    trigger(window, "actionLayerSuperficial")
    click_muscle(qtbot, window, "gluteus_maximus", "R")
    board = window.body_view.study
    assert (board.answer, board.side) == (tfl.id, "R")
    assert window.body_view.view_name == "lateral"
    assert window.view_actions["lateral"].text() == "Right side view"
    outlined = window.body_view.body_scene().muscles[tfl.id, "R"]
    assert outlined.isVisible() and outlined.pen().widthF() > 0
    assert board.clicked == ("gluteus_maximus", "R")
    assert f"{tfl.name} is outlined on the body (right side)" in text(window, "studyAnswer")
