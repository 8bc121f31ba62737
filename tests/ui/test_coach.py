"""The technique coach, driven as a practitioner drives it: keys, clicks and a clock that only
moves when the test moves it (no sleeping)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from helpers.window import click, press_button, text, trigger
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTabWidget

from bodymap.model import Catalog
from bodymap.ui.main_window import MainWindow
from bodymap.ui.safety import RedFlagsDialog, red_flags_gate
from bodymap.ui.technique_coach import TechniqueCoach


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def coach(qtbot, catalog: Catalog, clock: FakeClock) -> TechniqueCoach:
    widget = TechniqueCoach(catalog, clock=clock)
    qtbot.addWidget(widget)
    widget.beeps = []  # type: ignore[attr-defined]
    widget.beep = lambda: widget.beeps.append(clock.now)  # type: ignore[attr-defined]
    widget.resize(480, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def key(qtbot, widget, k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, k, modifier)


def plain(label) -> str:
    """What a reader sees in a rich-text label."""
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


def advance(coach: TechniqueCoach, clock: FakeClock, seconds: float) -> None:
    """Let time pass, then let the timer look at the clock as its QTimer would."""
    clock.advance(seconds)
    coach.tick()


# -- what is coached -------------------------------------------------------------------------------
def test_coach_shows_the_muscles_own_technique_first(coach: TechniqueCoach, catalog: Catalog):
    assert coach.objectName() == "techniqueCoach"
    coach.set_muscle("gluteus_medius", "L")
    muscle = catalog.muscles["gluteus_medius"]
    assert coach.title.text() == "Gluteus medius (left)"
    assert coach.combo.currentText() == f"This muscle: {muscle.technique.name}"
    assert coach.step_text.text() == muscle.technique.steps[0]
    # The count is of the steps at this trigger point: TrP1 leaves out TrP2's and TrP3's own
    # steps and the closing one (it counted all 10 when the coach replayed them at every point).
    assert coach.step_counter.text() == "STEP 1 OF 7"
    # The muscle's technique, then every general technique from guidance.yaml.
    offered = [coach.combo.itemText(i) for i in range(coach.combo.count())
               if coach.combo.itemData(i) is not None]
    assert len(offered) == 1 + len(catalog.guidance.techniques)
    for technique in catalog.guidance.techniques:
        assert f"General: {technique.name}" in offered


def test_each_variant_shows_its_sources(coach: TechniqueCoach, catalog: Catalog):
    coach.set_muscle("piriformis", "R")
    assert "Travell & Simons 1992" in plain(coach.sources_label)
    assert catalog.sources["travell_simons_1992"].citation() in coach.sources_label.toolTip()
    assert "Trigger Point Manual" in plain(coach.about.body)
    coach.select_technique("ischemic_compression")
    assert "Travell & Simons 1983" in plain(coach.sources_label)
    coach.select_technique("research_protocol")
    assert "Lu et al. 2022" in plain(coach.sources_label)


def test_a_muscles_hold_times_say_whose_they_are(coach: TechniqueCoach, catalog: Catalog):
    """Gluteus medius's steps cite Travell & Simons, but its 6-7/10 and 5 s hold are the general
    guided compression's editorial numbers: "About" must say so, not leave the book as their
    source."""
    coach.set_muscle("gluteus_medius")
    general = catalog.guidance.technique("guided_compression")
    about = " ".join(plain(coach.about.body).split())
    assert "whose target and hold times these are" in about
    assert " ".join(general.notes.split()) in about
    coach.select_technique("ischemic_compression")  # a general technique speaks for itself
    assert "whose target and hold times" not in plain(coach.about.body)


def test_choosing_a_general_technique_changes_steps_target_and_hold(
        coach: TechniqueCoach, catalog: Catalog):
    coach.set_muscle("gluteus_medius")
    index = coach.combo.findData("ischemic_compression")
    coach.combo.setCurrentIndex(index)
    coach.combo.activated.emit(index)  # what a choice in the popup sends
    ischemic = catalog.guidance.technique("ischemic_compression")
    assert coach.technique == ischemic
    assert coach.step_text.text() == ischemic.steps[0]
    assert coach.scale.target == (7, 8)
    assert coach.timer.max_seconds == 60
    assert "maximum 60 s" in coach.hold_limits.text()
    # The trigger points to walk are still the muscle's own.
    assert coach.trp_label.text() == catalog.muscles["gluteus_medius"].trigger_points[0].label


def test_guided_compression_targets(coach: TechniqueCoach):
    coach.set_muscle("gluteus_maximus")
    assert (coach.scale.target, coach.scale.release_at) == ((6, 7), 4)
    assert (coach.timer.typical_seconds, coach.timer.max_seconds) == (5, 10)
    assert "6-7" in coach.discomfort_hint.text()


def test_without_a_muscle_the_general_techniques_remain(coach: TechniqueCoach, catalog: Catalog):
    coach.set_muscle("gluteus_medius")
    coach.set_muscle(None)
    assert coach.title.text() == "Technique coach"
    assert coach.combo.count() == len(catalog.guidance.techniques)
    assert coach.trp_box.isHidden()
    assert coach.cautions.isHidden()
    assert not coach.placeholder.isHidden()
    assert coach.step_text.text() == catalog.guidance.techniques[0].steps[0]


def test_changing_only_the_side_keeps_the_place(qtbot, coach: TechniqueCoach):
    coach.set_muscle("quadratus_lumborum", "L")
    key(qtbot, coach, Qt.Key.Key_T)  # T starts the next point at its first step ...
    key(qtbot, coach, Qt.Key.Key_N)  # ... so the place is step 2 at TrP2
    coach.set_muscle("quadratus_lumborum", "R")
    assert (coach.step_index, coach.trp_index) == (1, 1)
    assert coach.title.text() == "Quadratus lumborum (right)"
    coach.set_muscle("piriformis", "R")
    assert (coach.step_index, coach.trp_index) == (0, 0)


# -- steps and trigger points ----------------------------------------------------------------------
def test_steps_by_keyboard(qtbot, coach: TechniqueCoach, catalog: Catalog):
    coach.set_muscle("gluteus_medius")
    steps = catalog.muscles["gluteus_medius"].technique.steps
    key(qtbot, coach, Qt.Key.Key_N)
    assert coach.step_text.text() == steps[1]
    key(qtbot, coach, Qt.Key.Key_PageDown)
    assert coach.step_text.text() == steps[2]
    assert coach.step_counter.text() == "STEP 3 OF 7"  # TrP1's steps (see the walk below)
    key(qtbot, coach, Qt.Key.Key_P)
    key(qtbot, coach, Qt.Key.Key_PageUp)
    assert coach.step_index == 0
    key(qtbot, coach, Qt.Key.Key_P)  # nothing before the first step
    assert coach.step_index == 0
    assert not coach.prev_button.isEnabled()


def test_steps_by_buttons(qtbot, coach: TechniqueCoach, catalog: Catalog):
    coach.set_muscle("piriformis")
    qtbot.mouseClick(coach.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(coach.next_button, Qt.MouseButton.LeftButton)
    assert coach.step_text.text() == catalog.muscles["piriformis"].technique.steps[2]
    qtbot.mouseClick(coach.prev_button, Qt.MouseButton.LeftButton)
    assert coach.step_index == 1


def test_trigger_points_are_walked_in_turn(qtbot, coach: TechniqueCoach, catalog: Catalog):
    muscle = catalog.muscles["gluteus_medius"]
    coach.set_muscle("gluteus_medius")
    assert coach.trp_label.text() == muscle.trigger_points[0].label
    assert coach.trp_location.text() == muscle.trigger_points[0].location
    assert "1 OF 3" in coach.trp_counter.text()
    assert "FLAT PALPATION" in coach.trp_counter.text()
    key(qtbot, coach, Qt.Key.Key_T)
    assert coach.trp_label.text() == muscle.trigger_points[1].label
    key(qtbot, coach, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    assert coach.trp_index == 0
    qtbot.mouseClick(coach.next_trp, Qt.MouseButton.LeftButton)
    assert coach.trp_index == 1


def test_past_the_last_step_comes_the_next_trigger_point(qtbot, coach: TechniqueCoach,
                                                         catalog: Catalog):
    # This used to end TrP1 on the muscle's last step ("Finish with ... the stretch"), then
    # replay every step but the first at TrP2: each point now has its own steps, and the
    # closing step comes only after the last point.
    muscle = catalog.muscles["gluteus_medius"]
    steps = muscle.technique.steps
    coach.set_muscle("gluteus_medius")
    for _ in range(6):
        key(qtbot, coach, Qt.Key.Key_N)
    assert coach.step_text.text() == "Repeat once or twice if still tender."
    assert coach.next_button.text().startswith("Next trigger point")
    key(qtbot, coach, Qt.Key.Key_N)
    # Next point: back to locating it (positioning the client is not repeated).
    assert coach.trp_label.text() == muscle.trigger_points[1].label
    assert coach.step_text.text() == steps[1]
    assert steps[1].startswith("Locate")
    assert coach.step_counter.text() == "STEP 1 OF 6"
    key(qtbot, coach, Qt.Key.Key_T)  # the last trigger point
    for _ in range(len(steps)):
        key(qtbot, coach, Qt.Key.Key_N)
    assert (coach.trp_index, coach.step_index) == (2, 6)
    assert coach.step_text.text() == steps[-1]
    assert steps[-1].startswith("Finish")
    assert not coach.next_button.isEnabled()


def test_a_new_trigger_point_is_a_new_hold(qtbot, coach: TechniqueCoach, clock: FakeClock):
    coach.set_muscle("gluteus_medius")
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 3)
    key(qtbot, coach, Qt.Key.Key_T)
    assert not coach.running
    assert coach.elapsed() == 0


# -- each trigger point its own steps -------------------------------------------------------------
def open_coach(qtbot, window: MainWindow, muscle_id: str) -> TechniqueCoach:
    """Select the muscle on the body and open the coach's tab, as a person does."""
    click(qtbot, window, muscle_id, "L")
    tabs = window.findChild(QTabWidget, "sidePanels")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(window.coach_page)).center())
    assert tabs.currentWidget() is window.coach_page
    # Built on first showing: its controls appear once the event loop has laid them out.
    qtbot.waitUntil(lambda: window.coach.findChild(QPushButton, "nextStep").isVisible())
    return window.coach


def walk(qtbot, coach: TechniqueCoach) -> list[tuple[int, str, str]]:
    """Press Next until it greys out; at each press (and before the first) what the coach
    shows: the trigger point's number (from its label, "TrP2 (...)"), the step counter and the
    step."""
    def seen() -> tuple[int, str, str]:
        label = text(coach, "trpLabel")
        number = re.match(r"TrP(\d+)", label)
        assert number, label
        return int(number[1]), text(coach, "stepCounter"), text(coach, "stepText")

    shown = [seen()]
    while coach.findChild(QPushButton, "nextStep").isEnabled():
        press_button(qtbot, coach, "nextStep")
        shown.append(seen())
        assert len(shown) < 100
    return shown


def steps_at(shown: list[tuple[int, str, str]], point: int) -> list[str]:
    return [step for trp, _, step in shown if trp == point]


def test_gluteus_medius_each_trigger_point_gets_its_own_steps(qtbot, window: MainWindow,
                                                              catalog: Catalog):
    """The reviewer's walk: on TrP2 and TrP3 the coach replayed "Start with TrP1 beside the
    PSIS", and said "Finish with ... the stretch" before moving on to the next point."""
    coach = open_coach(qtbot, window, "gluteus_medius")
    assert text(coach, "coachTitle") == "Gluteus medius (left)"
    shown = walk(qtbot, coach)
    assert [trp for trp, _, _ in shown] == [1] * 7 + [2] * 6 + [3] * 7  # in turn, never back
    first, second, third = steps_at(shown, 1), steps_at(shown, 2), steps_at(shown, 3)
    assert first[0].startswith("Position the client")  # once, at the start of the session
    assert "For TrP1, work beside the PSIS." in first
    assert "For TrP2, move forward to below the middle of the crest." in second
    assert "For TrP3, move forward again to near the ASIS." in third
    for steps, here in ((first, 1), (second, 2), (third, 3)):
        for step in steps:
            assert {int(n) for n in re.findall(r"TrP(\d)", step)} <= {here}, (here, step)
        # Finding the point and the pressure itself are at every point.
        assert any(step.startswith("Locate the iliac crest") for step in steps)
        assert any("6 to 7 out of 10" in step for step in steps)
        assert any(step.startswith("Hold until the discomfort eases") for step in steps)
    for steps in (second, third):
        assert not any("PSIS;" in step or step.startswith("Position") for step in steps)
    # The session ends once, after the last point.
    finishing = [step for _, _, step in shown if step.startswith("Finish")]
    assert finishing == [shown[-1][2]] == [catalog.muscles["gluteus_medius"].technique.steps[-1]]
    # Each point counts its own steps.
    assert [counter for _, counter, _ in shown if counter.startswith("STEP 1 ")] == [
        "STEP 1 OF 7", "STEP 1 OF 6", "STEP 1 OF 7"]
    # Nothing the muscle's technique says is lost on the way.
    assert {step for _, _, step in shown} == set(catalog.muscles["gluteus_medius"].technique.steps)


def test_a_student_who_starts_at_trp2_is_told_how_the_client_lies(qtbot, window: MainWindow,
                                                                   catalog: Catalog):
    """Review 29: piriformis TrP2 opened at "STEP 1 OF 7: Draw the line ...", and the client's
    position (hip flexed to about 90 degrees, part of the technique) was given at TrP1 only."""
    trigger(window, "actionLayerDeep")
    coach = open_coach(qtbot, window, "piriformis")
    line = coach.findChild(QLabel, "stepCarryOver")
    assert line.isHidden()  # at TrP1 the position is a step of its own
    assert text(coach, "stepText").startswith("Position the client side-lying")
    press_button(qtbot, coach, "nextTrp")  # straight to TrP2
    assert text(coach, "trpLabel").startswith("TrP2")
    assert line.isVisible()
    assert text(coach, "stepCarryOver") == (
        "Client positioned as for TrP1: side-lying on the pain-free side, upper hip flexed to "
        "about 90 degrees and the knee supported.")
    # Not a step: the count and the first step are TrP2's own, as before.
    assert text(coach, "stepCounter") == "STEP 1 OF 7"
    assert text(coach, "stepText").startswith("Draw the line")
    press_button(qtbot, coach, "nextStep")
    assert line.isVisible()  # above each of the point's steps
    key(qtbot, coach, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    assert line.isHidden()
    # Gluteus minimus positions the client for each point in its own step: nothing to carry.
    coach.set_muscle("gluteus_minimus")
    key(qtbot, coach, Qt.Key.Key_T)
    assert text(coach, "stepText").startswith("For TrP2, in the posterior part, position")
    assert line.isHidden()
    # At every later point of every built-in muscle whose TrP1 alone places the client.
    for muscle_id in ("gluteus_medius", "quadratus_lumborum", "iliopsoas"):
        coach.set_muscle(muscle_id)
        position = catalog.muscles[muscle_id].technique.steps[
            1 if muscle_id == "iliopsoas" else 0]
        assert position.startswith("Position the client ")
        for _ in catalog.muscles[muscle_id].trigger_points[1:]:
            key(qtbot, coach, Qt.Key.Key_T)
            shown = text(coach, "stepCarryOver")
            assert shown.startswith("Client positioned as for TrP1: ")
            assert position.removeprefix("Position the client ").startswith(
                shown.removeprefix("Client positioned as for TrP1: ").rstrip("."))


def test_the_last_step_at_a_point_leads_to_the_next_point(qtbot, window: MainWindow):
    coach = open_coach(qtbot, window, "gluteus_medius")
    for _ in range(6):
        press_button(qtbot, coach, "nextStep")
    assert text(coach, "stepText") == "Repeat once or twice if still tender."
    assert child_button(coach, "nextStep").text().startswith("Next trigger point")
    press_button(qtbot, coach, "nextStep")
    assert text(coach, "trpLabel").startswith("TrP2")
    assert text(coach, "stepCounter") == "STEP 1 OF 6"
    assert not child_button(coach, "previousStep").isEnabled()


def child_button(coach: TechniqueCoach, name: str) -> QPushButton:
    button = coach.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_quadratus_lumborum_deep_points_share_their_step(qtbot, window: MainWindow):
    """Four points; TrP3 and TrP4 share one step ("For TrP3 and TrP4 ... press medially")."""
    trigger(window, "actionLayerDeep")
    coach = open_coach(qtbot, window, "quadratus_lumborum")
    shown = walk(qtbot, coach)
    assert sorted({trp for trp, _, _ in shown}) == [1, 2, 3, 4]
    rib = "For TrP1, press up toward the underside of rib 12 (not on its loose tip)."
    crest = "For TrP2, press down onto the top of the iliac crest."
    assert rib in steps_at(shown, 1) and crest not in steps_at(shown, 1)
    assert crest in steps_at(shown, 2) and rib not in steps_at(shown, 2)
    for point in (3, 4):
        steps = steps_at(shown, point)
        assert any(step.startswith("For TrP3 and TrP4") for step in steps)
        assert rib not in steps and crest not in steps
    assert [trp for trp, _, step in shown if step.startswith("Finish")] == [4]
    assert shown[-1][2].startswith("Finish")


@pytest.mark.parametrize("muscle_id", ["gluteus_maximus", "gluteus_medius", "gluteus_minimus",
                                       "iliopsoas", "longissimus_thoracis", "multifidus",
                                       "piriformis", "quadratus_lumborum", "medial_hamstrings",
                                       "biceps_femoris"])
def test_every_muscle_with_several_points_walks_them_by_the_rule(
        qtbot, coach: TechniqueCoach, catalog: Catalog, muscle_id: str):
    """The rule of docs/coach.md on every built-in muscle with more than one trigger point: a
    step that names TrPs only at those, "Finish"/"Go on to" steps only after the last point,
    and nothing left out."""
    muscle = catalog.muscles[muscle_id]
    assert len(muscle.trigger_points) > 1
    coach.set_muscle(muscle_id)
    shown = walk(qtbot, coach)
    last = len(muscle.trigger_points)
    assert [trp for trp, _, _ in shown] == sorted(trp for trp, _, _ in shown)
    assert {trp for trp, _, _ in shown} == set(range(1, last + 1))
    for trp, _, step in shown:
        named = {int(n) for n in re.findall(r"TrP(\d)", step)}
        assert not named or trp in named, (trp, step)
        if step.startswith(("Finish", "Go on to")):
            assert trp == last, step
    closing = [step for _, _, step in shown if step.startswith(("Finish", "Go on to"))]
    assert closing and [step for _, _, step in shown[-len(closing):]] == closing
    assert {step for _, _, step in shown} == set(muscle.technique.steps)
    for point in range(1, last + 1):  # the pressure itself at every point, not only the first
        assert any("out of 10" in step for step in steps_at(shown, point)), point
    # Going on to another point never repeats a step about moving on to one.
    assert not any(re.search(r"(next|other) trigger point", step) for _, _, step in shown)


def test_the_coach_says_how_it_orders_the_steps(qtbot, coach: TechniqueCoach):
    coach.set_muscle("gluteus_medius")
    qtbot.mouseClick(coach.about.toggle, Qt.MouseButton.LeftButton)
    about = " ".join(plain(coach.about.body).split())
    assert "Steps at each trigger point." in about
    assert "only at that point" in about
    coach.set_muscle("tensor_fasciae_latae")  # one point: every step in order, nothing to say
    assert "Steps at each trigger point" not in plain(coach.about.body)


# -- discomfort scale ------------------------------------------------------------------------------
def test_arrow_keys_move_the_discomfort_scale(qtbot, coach: TechniqueCoach):
    coach.set_muscle("gluteus_medius")
    for _ in range(3):
        key(qtbot, coach, Qt.Key.Key_Right)
    key(qtbot, coach, Qt.Key.Key_Up)
    assert coach.discomfort == 4
    assert coach.discomfort_value.text() == "4 / 10"
    key(qtbot, coach, Qt.Key.Key_Left)
    key(qtbot, coach, Qt.Key.Key_Down)
    assert coach.discomfort == 2
    for _ in range(5):
        key(qtbot, coach, Qt.Key.Key_Down)
    assert coach.discomfort == 0
    key(qtbot, coach.scale, Qt.Key.Key_9)
    for _ in range(4):
        key(qtbot, coach.scale, Qt.Key.Key_Right)  # the scale itself, as when it has focus
    assert coach.discomfort == 10


def test_the_scale_says_what_to_do(qtbot, coach: TechniqueCoach):
    coach.set_muscle("gluteus_medius")
    assert "Build slowly to 6-7" in coach.discomfort_hint.text()
    key(qtbot, coach, Qt.Key.Key_6)
    assert coach.discomfort_hint.text().startswith("On target")
    key(qtbot, coach, Qt.Key.Key_8)
    assert "lighten the pressure" in coach.discomfort_hint.text()
    key(qtbot, coach, Qt.Key.Key_5)
    assert coach.discomfort_hint.text().startswith("Easing")
    key(qtbot, coach, Qt.Key.Key_4)
    assert coach.discomfort_hint.text() == "Eased to 4: release slowly."


@pytest.mark.parametrize(("muscle", "technique", "easing", "eased", "steps_say"), [
    ("gluteus_medius", "ischemic_compression", "Fading: press a little deeper, back to 7-8",
     "No longer tender at 3: release slowly", "increase the pressure"),
    # Pressure release: its band (3-5) ends just above its release (2), so no "easing" between.
    ("gluteus_medius", "pressure_release", None,
     "Eased to 2: take up the slack and hold again; after a few rounds, release",
     "taking up the slack"),
    ("piriformis", "muscle", None,
     "Eased to 2: take up the slack and hold again; after a few rounds, release",
     "take up the slack"),
    ("gluteus_minimus", "muscle", "Easing: hold steady; release at about 3",
     "Eased to 3: release slowly", "Hold steadily"),
])
def test_as_the_discomfort_fades_the_scale_says_what_the_technique_says(
        qtbot, coach: TechniqueCoach, muscle, technique, easing, eased, steps_say):
    coach.set_muscle(muscle)
    index = coach.combo.findData(technique)
    coach.combo.setCurrentIndex(index)
    coach.combo.activated.emit(index)  # what a choice in the popup sends
    assert any(steps_say in step for step in coach.steps)  # the hint follows the steps
    target = coach.technique.target_discomfort
    key(qtbot, coach, getattr(Qt.Key, f"Key_{max(target.start)}"))
    assert coach.discomfort_hint.text().startswith("On target")
    if easing:
        key(qtbot, coach, getattr(Qt.Key, f"Key_{min(target.start) - 1}"))
        assert coach.discomfort_hint.text().startswith(easing)
    key(qtbot, coach, getattr(Qt.Key, f"Key_{target.release_at}"))
    assert eased in coach.discomfort_hint.text()


def test_clicking_the_scale_sets_the_value(qtbot, coach: TechniqueCoach):
    coach.set_muscle("piriformis")
    cell = coach.scale._cell(7).center()
    qtbot.mouseClick(coach.scale, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(cell.x()), int(cell.y())))
    assert coach.discomfort == 7
    assert "lighten" in coach.discomfort_hint.text()  # piriformis aims for 3-5 only


def test_the_scale_shows_the_target_band(qtbot, coach: TechniqueCoach):
    coach.set_muscle("gluteus_medius")
    image = coach.scale.grab().toImage()
    def colour(value: int) -> str:
        point = coach.scale._cell(value).topLeft().toPoint() + QPoint(8, 8)
        ratio = coach.scale.devicePixelRatioF()
        return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio)).name()
    assert colour(6) == colour(7) != colour(5)
    assert colour(4) not in (colour(5), colour(6))
    assert colour(0) != colour(1)  # the current value


# -- hold timer ------------------------------------------------------------------------------------
def test_space_starts_and_pauses_the_hold(qtbot, coach: TechniqueCoach, clock: FakeClock):
    coach.set_muscle("gluteus_medius")
    assert coach.hold_time.text() == "0 s"
    key(qtbot, coach, Qt.Key.Key_Space)
    assert coach.running
    assert coach.timer.ticking
    assert "Pause" in coach.start_button.text()
    advance(coach, clock, 3.4)
    assert coach.hold_time.text() == "3 s"
    key(qtbot, coach, Qt.Key.Key_Space)
    assert not coach.running
    assert not coach.timer.ticking
    assert "Resume" in coach.start_button.text()
    advance(coach, clock, 20)  # paused: the clock moves, the hold does not
    assert coach.hold_time.text() == "3 s"
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 1)
    assert coach.elapsed() == pytest.approx(4.4)
    key(qtbot, coach, Qt.Key.Key_R)
    assert not coach.running
    assert coach.hold_time.text() == "0 s"
    assert coach.cue == "idle"


def test_a_paused_hold_that_is_reset_offers_start_not_resume(qtbot, coach: TechniqueCoach,
                                                            clock: FakeClock):
    coach.set_muscle("gluteus_medius")
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 3)
    key(qtbot, coach, Qt.Key.Key_Space)  # paused at 3 s
    assert "Resume" in coach.start_button.text()
    key(qtbot, coach, Qt.Key.Key_R)
    assert (coach.hold_time.text(), coach.start_button.text()) == ("0 s", "▶  Start")
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 2)
    key(qtbot, coach, Qt.Key.Key_Space)  # paused again, then another muscle is chosen
    coach.set_muscle("piriformis")
    assert (coach.hold_time.text(), coach.start_button.text()) == ("0 s", "▶  Start")


def test_start_and_reset_buttons(qtbot, coach: TechniqueCoach, clock: FakeClock):
    coach.set_muscle("piriformis")
    qtbot.mouseClick(coach.start_button, Qt.MouseButton.LeftButton)
    assert coach.running
    advance(coach, clock, 2)
    qtbot.mouseClick(coach.reset_button, Qt.MouseButton.LeftButton)
    assert (coach.running, coach.elapsed()) == (False, 0)


def test_cues_at_typical_and_maximum_hold(qtbot, coach: TechniqueCoach, clock: FakeClock):
    coach.set_muscle("gluteus_medius")  # typical 5 s, maximum 10 s
    reached = []
    coach.maxHoldReached.connect(lambda: reached.append(clock.now))
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 4.9)
    assert coach.cue == "holding"
    advance(coach, clock, 0.2)
    assert coach.cue == "typical"
    assert "Typical hold (5 s)" in coach.hold_cue.text()
    advance(coach, clock, 4.8)
    assert coach.cue == "typical"
    assert coach.beeps == []
    advance(coach, clock, 0.2)
    assert coach.cue == "max"
    assert coach.hold_cue.text() == "Maximum hold (10 s) reached: release slowly now."
    assert "#b71c1c" in coach.hold_panel.styleSheet()
    assert len(coach.beeps) == 1
    assert len(reached) == 1
    advance(coach, clock, 5)  # once per hold, not on every tick
    assert len(coach.beeps) == 1
    assert coach.running  # the practitioner releases; the clock keeps counting
    key(qtbot, coach, Qt.Key.Key_R)
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 10.5)
    assert len(coach.beeps) == 2


def test_at_maximum_hold_every_cue_says_release(qtbot, coach: TechniqueCoach, clock: FakeClock):
    """The red panel said "release slowly now" while the line above it still said "On target:
    keep the pressure steady and wait for it to ease"."""
    coach.set_muscle("gluteus_medius")  # target 6-7, maximum 10 s
    key(qtbot, coach, Qt.Key.Key_6)
    qtbot.mouseClick(coach.start_button, Qt.MouseButton.LeftButton)
    advance(coach, clock, 9.9)
    assert coach.discomfort_hint.text().startswith("On target: keep the pressure steady")
    advance(coach, clock, 0.2)
    assert coach.hold_cue.text() == "Maximum hold (10 s) reached: release slowly now."
    hint = coach.discomfort_hint.text()
    assert hint == "Maximum hold reached: release slowly now."
    assert "keep the pressure" not in hint and "wait" not in hint
    assert "#b71c1c" in coach.discomfort_hint.styleSheet()
    # What a screen reader announces for the scale, which has the coach's focus.
    assert coach.scale.accessibleDescription() == f"6 of 10. {hint}"
    assert "keep the pressure" not in coach.scale.accessibleDescription()
    # Whatever the client reports now, the answer is the same.
    for k in (Qt.Key.Key_7, Qt.Key.Key_9, Qt.Key.Key_5):
        key(qtbot, coach, k)
        assert coach.discomfort_hint.text() == hint
        assert coach.cue == "max"
    # Eased to the release level: the hold ends there, as it does before the maximum.
    key(qtbot, coach, Qt.Key.Key_4)
    assert coach.cue == "released" and not coach.running
    assert coach.discomfort_hint.text() == "Eased to 4: release slowly."
    assert coach.hold_cue.text().startswith("Eased after 10 s: hold ended. Release slowly")
    # Reset: a new hold, the ordinary guidance again.
    qtbot.mouseClick(coach.reset_button, Qt.MouseButton.LeftButton)
    key(qtbot, coach, Qt.Key.Key_6)
    assert coach.cue == "idle"
    assert coach.discomfort_hint.text().startswith("On target")
    assert coach.scale.accessibleDescription().startswith("6 of 10. On target")


def test_a_hold_that_eased_only_past_its_maximum_does_not_end_green(
        qtbot, coach: TechniqueCoach, clock: FakeClock):
    """Review 29: held 62 s against a 10 s maximum, then eased, the panel turned green ("Eased
    after 62 s: hold ended"), as if the hold had been done right."""
    coach.set_muscle("gluteus_medius")  # target 6-7, release at 4, maximum 10 s
    key(qtbot, coach, Qt.Key.Key_Space)
    key(qtbot, coach, Qt.Key.Key_6)
    advance(coach, clock, 12)
    assert coach.cue == "max"
    key(qtbot, coach, Qt.Key.Key_Space)  # stopped by key past the maximum: still red
    assert not coach.running and coach.cue == "max"
    assert coach.hold_cue.text() == "Maximum hold (10 s) reached: release slowly now."
    clock.advance(20)
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 50)
    key(qtbot, coach, Qt.Key.Key_4)
    key(qtbot, coach, Qt.Key.Key_2)
    assert not coach.running
    assert coach.cue == "overheld"
    assert coach.hold_cue.text() == ("Eased after 62 s, past the 10 s maximum: release slowly "
                                     "now, and by 10 s next time.")
    for widget in (coach.hold_panel, coach.hold_cue, coach.discomfort_hint):
        assert "#2e7d32" not in widget.styleSheet()  # the green of a hold done right
    assert "#eef7ee" not in coach.hold_panel.styleSheet()
    assert coach.start_button.text() == "▶  Next hold"
    # Reset, or the next trigger point: the panel is idle but still says what the last hold did.
    key(qtbot, coach, Qt.Key.Key_R)
    assert coach.cue == "idle"
    assert coach.hold_cue.text().startswith("The last hold ran 62 s, past the 10 s maximum")
    key(qtbot, coach, Qt.Key.Key_Space)  # the next hold: that note is gone
    advance(coach, clock, 3)
    assert coach.hold_cue.text() == "Holding…"
    advance(coach, clock, 9)
    key(qtbot, coach, Qt.Key.Key_T)
    assert (coach.trp_index, coach.cue) == (1, "idle")
    assert coach.hold_cue.text() == ("The last hold ran 12 s, past the 10 s maximum: release "
                                     "by 10 s this time. Space starts the hold.")
    # Another muscle is a fresh start.
    coach.set_muscle("piriformis")
    assert coach.hold_cue.text().startswith("Press Space to start the hold")


def test_a_hold_within_its_maximum_ends_as_before(qtbot, coach: TechniqueCoach,
                                                  clock: FakeClock):
    coach.set_muscle("gluteus_medius")  # maximum 10 s
    key(qtbot, coach, Qt.Key.Key_Space)
    key(qtbot, coach, Qt.Key.Key_6)
    advance(coach, clock, 8)
    key(qtbot, coach, Qt.Key.Key_R)  # reset within the maximum: the plain idle panel
    assert coach.hold_cue.text().startswith("Press Space to start the hold")
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 6)
    key(qtbot, coach, Qt.Key.Key_Space)  # paused, then eased while paused
    key(qtbot, coach, Qt.Key.Key_4)
    assert coach.cue == "released"
    assert coach.start_button.text() == "▶  Next hold"
    key(qtbot, coach, Qt.Key.Key_T)
    assert coach.hold_cue.text().startswith("Press Space to start the hold")


def test_at_maximum_hold_no_technique_says_press_deeper(qtbot, coach: TechniqueCoach,
                                                        clock: FakeClock):
    coach.set_muscle("gluteus_medius")
    coach.select_technique("ischemic_compression")  # target 7-8, press deeper as it fades
    key(qtbot, coach, Qt.Key.Key_8)
    key(qtbot, coach, Qt.Key.Key_Space)
    key(qtbot, coach, Qt.Key.Key_5)
    assert coach.discomfort_hint.text().startswith("Fading: press a little deeper")
    advance(coach, clock, 60)
    assert coach.cue == "max"
    assert coach.discomfort_hint.text() == "Maximum hold reached: release slowly now."
    assert coach.hold_cue.text() == "Maximum hold (60 s) reached: release slowly now."
    # The next trigger point is a new hold with its own guidance.
    qtbot.mouseClick(coach.next_trp, Qt.MouseButton.LeftButton)
    assert coach.cue == "idle"
    assert coach.discomfort_hint.text().startswith("Build slowly")


def test_no_sound_when_it_is_switched_off(qtbot, coach: TechniqueCoach, clock: FakeClock):
    coach.set_muscle("gluteus_medius")
    box = coach.sound
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not box.isChecked()
    key(qtbot, coach, Qt.Key.Key_Space)
    advance(coach, clock, 11)
    assert coach.cue == "max"
    assert coach.beeps == []


def test_sound_choice_is_remembered(qtbot, catalog: Catalog, settings, clock: FakeClock):
    first = TechniqueCoach(catalog, clock=clock, settings=settings)
    qtbot.addWidget(first)
    first.show()  # the coach builds its controls when first shown
    assert first.sound.isChecked()
    first.sound.setChecked(False)
    second = TechniqueCoach(catalog, clock=clock, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert not second.sound.isChecked()


def test_the_timer_ticks_through_its_qtimer(coach: TechniqueCoach, clock: FakeClock):
    coach.set_muscle("gluteus_medius")
    coach.start()
    clock.advance(6)
    coach.timer._qtimer.timeout.emit()  # what the running QTimer does ten times a second
    assert coach.hold_time.text() == "6 s"
    assert coach.cue == "typical"


def test_keys_reach_the_coach_from_the_technique_box(qtbot, coach: TechniqueCoach):
    coach.set_muscle("gluteus_medius")
    coach.combo.setFocus()
    key(qtbot, coach.combo, Qt.Key.Key_N)  # not the combo box's search-by-letter
    assert coach.step_index == 1
    assert coach.combo.currentData() == "muscle"
    key(qtbot, coach.combo, Qt.Key.Key_Space)
    assert coach.running
    key(qtbot, coach.scroll, Qt.Key.Key_PageDown)  # not a scroll
    assert coach.step_index == 2


# -- red flags before the first start --------------------------------------------------------------
def test_hook_is_asked_before_the_first_start_only(qtbot, coach: TechniqueCoach):
    answers = [False, True]
    calls = []

    def hook() -> bool:
        calls.append(coach.running)
        return answers.pop(0)

    coach.before_first_start = hook
    coach.set_muscle("gluteus_medius")
    key(qtbot, coach, Qt.Key.Key_Space)
    assert calls == [False]
    assert not coach.running  # cancelled
    key(qtbot, coach, Qt.Key.Key_Space)
    assert len(calls) == 2
    assert coach.running
    key(qtbot, coach, Qt.Key.Key_Space)
    key(qtbot, coach, Qt.Key.Key_R)
    coach.set_muscle("piriformis")
    key(qtbot, coach, Qt.Key.Key_Space)
    assert coach.running
    assert len(calls) == 2  # not again in this session


def test_red_flags_dialog_before_the_first_start(qtbot, coach: TechniqueCoach, catalog: Catalog):
    shown: list[RedFlagsDialog] = []
    clicks = ["redFlagsCancel", "redFlagsContinue"]

    def ask(dialog: QDialog) -> bool:
        """Stands in for exec(): the person reads the flags and presses a button."""
        qtbot.addWidget(dialog)
        shown.append(dialog)
        assert dialog.objectName() == "redFlagsDialog"
        for flag in catalog.guidance.red_flags:
            assert flag.title in dialog.text.toPlainText()
        button = dialog.findChild(object, clicks.pop(0))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    gate = red_flags_gate(catalog, coach, ask=ask)
    coach.before_first_start = gate
    coach.set_muscle("iliopsoas")
    key(qtbot, coach, Qt.Key.Key_Space)
    assert len(shown) == 1
    assert not coach.running  # cancelled: no hold
    key(qtbot, coach, Qt.Key.Key_Space)
    assert len(shown) == 2
    assert coach.running
    # Another coach in the same session shares the gate: no second showing.
    other = TechniqueCoach(catalog)
    qtbot.addWidget(other)
    other.before_first_start = gate
    other.set_muscle("piriformis")
    assert other.start()
    other.pause()
    assert len(shown) == 2


# -- safety banner, session plan, escaping ---------------------------------------------------------
@pytest.mark.parametrize(("muscle_id", "phrase"), [
    ("iliopsoas", "femoral nerve, artery and vein"),
    ("piriformis", "sciatic nerve"),
    ("medial_hamstrings", "sciatic nerve"),
    ("biceps_femoris", "sciatic nerve"),
])
def test_cautions_banner(qtbot, coach: TechniqueCoach, muscle_id: str, phrase: str):
    coach.set_muscle(muscle_id)
    assert not coach.cautions.isHidden()
    assert phrase in plain(coach.cautions_text)
    assert "tingling, numbness" in plain(coach.cautions_text)


def test_all_cautions_on_request(qtbot, coach: TechniqueCoach, catalog: Catalog):
    coach.set_muscle("iliopsoas")
    cautions = catalog.muscles["iliopsoas"].cautions
    assert coach.cautions_more.text() == f"{len(cautions) - 1} more cautions"
    assert "Self-work in the abdomen" not in plain(coach.cautions_text)
    qtbot.mouseClick(coach.cautions_more, Qt.MouseButton.LeftButton)
    assert "Self-work in the abdomen or groin only with medical clearance" in (
        plain(coach.cautions_text))


def test_at_the_psoas_point_the_abdominal_vessels_caution_is_shown(qtbot, coach: TechniqueCoach):
    """Review 29: at iliopsoas TrP3, pressed through the abdomen, the caution about the large
    abdominal vessels was folded under "4 more cautions" behind the femoral triangle's."""
    coach.set_muscle("iliopsoas")
    assert "femoral nerve, artery and vein" in plain(coach.cautions_text)
    assert "pulsating mass" not in plain(coach.cautions_text)
    key(qtbot, coach, Qt.Key.Key_T)
    key(qtbot, coach, Qt.Key.Key_T)
    assert coach.trp_label.text().startswith("TrP3")
    shown = plain(coach.cautions_text)
    assert "large abdominal vessels" in shown and "pulsating mass" in shown
    assert "femoral nerve" not in shown
    assert coach.cautions_more.text() == "5 more cautions"
    qtbot.mouseClick(coach.cautions_more, Qt.MouseButton.LeftButton)  # the rest, unfolded
    assert "femoral nerve, artery and vein" in plain(coach.cautions_text)
    qtbot.mouseClick(coach.cautions_more, Qt.MouseButton.LeftButton)  # folded again
    # The steps there feel for a pulse before the pressure builds.
    steps = steps_at(walk(qtbot, coach), 3)
    pressure = next(i for i, step in enumerate(steps) if "out of 10" in step)
    assert any("feel for a pulse before any pressure" in step for step in steps[:pressure])
    # Back at the femoral triangle, its caution leads again.
    key(qtbot, coach, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, coach, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    assert "femoral nerve, artery and vein" in plain(coach.cautions_text)
    assert "pulsating mass" not in plain(coach.cautions_text)


@pytest.mark.parametrize(("muscle_id", "phrase"), [
    ("medial_hamstrings", "popliteal artery and vein"),
    ("biceps_femoris", "common fibular (peroneal) nerve"),
])
def test_the_hamstrings_cautions_keep_pressure_out_of_the_knee_hollow(
        qtbot, coach: TechniqueCoach, muscle_id: str, phrase: str):
    # The sciatic nerve first; asked for, the vessels and nerves behind the knee (and, for
    # biceps femoris, the nerve along its tendon) that no pressure may reach.
    coach.set_muscle(muscle_id)
    assert "sciatic nerve" in plain(coach.cautions_text)
    assert phrase not in plain(coach.cautions_text)
    qtbot.mouseClick(coach.cautions_more, Qt.MouseButton.LeftButton)
    shown = plain(coach.cautions_text)
    assert phrase in shown and "never press deeply" in shown.casefold()


def test_session_plan(qtbot, coach: TechniqueCoach):
    plan = coach.session_plan
    assert plan.body.isHidden()
    qtbot.mouseClick(plan.toggle, Qt.MouseButton.LeftButton)
    assert not plan.body.isHidden()
    text = plain(plan.body)
    for phrase in ("four treatments spread over six weeks", "two treatments in a row",
                   "24 to 36 hours", "Cherkin et al. 2011"):
        assert phrase in text


def test_text_from_data_is_shown_as_text(qtbot, catalog: Catalog, clock: FakeClock):
    muscle = catalog.muscles["piriformis"]
    technique = dataclasses.replace(muscle.technique, steps=("<b>Press</b> & hold",))
    tampered = dataclasses.replace(muscle, technique=technique,
                                   cautions=("<img src=x> careful",), name="Piri<i>formis")
    evil = Catalog({**catalog.muscles, "piriformis": tampered}, catalog.zones, catalog.sources,
                   catalog.guidance, [])
    coach = TechniqueCoach(evil, clock=clock)
    qtbot.addWidget(coach)
    coach.show()  # its controls are built when first shown
    coach.set_muscle("piriformis")
    assert coach.step_text.text() == "<b>Press</b> & hold"
    assert coach.step_text.textFormat() == Qt.TextFormat.PlainText
    assert coach.title.text() == "Piri<i>formis (left)"
    assert "&lt;img src=x&gt; careful" in coach.cautions_text.text()
    assert "<img" not in coach.cautions_text.text()


@pytest.mark.parametrize(("muscle", "technique"), [
    ("gluteus_medius", "guided_compression"),  # "Eased to 4: release slowly."
    ("gluteus_medius", "ischemic_compression"),  # "No longer tender at 3: release slowly."
])
def test_a_hold_that_has_eased_ends_there(qtbot, coach: TechniqueCoach, clock: FakeClock,
                                          muscle, technique):
    coach.set_muscle(muscle)
    index = coach.combo.findData(technique)
    assert index >= 0
    coach.combo.setCurrentIndex(index)
    coach.combo.activated.emit(index)
    target = coach.technique.target_discomfort
    key(qtbot, coach, Qt.Key.Key_Space)
    key(qtbot, coach, getattr(Qt.Key, f"Key_{max(target.start)}"))
    advance(coach, clock, 7.2)
    key(qtbot, coach, getattr(Qt.Key, f"Key_{target.release_at}"))
    assert "release slowly" in coach.discomfort_hint.text()
    assert not coach.running  # the hold is over: no clock running on to a maximum-hold alarm
    assert coach.cue == "released"
    assert coach.hold_cue.text().startswith("Eased after 7 s: hold ended.")
    assert "#b71c1c" not in coach.hold_panel.styleSheet()
    advance(coach, clock, 30)
    assert (coach.hold_time.text(), coach.beeps) == ("7 s", [])
    assert coach.start_button.text() == "▶  Next hold"
    key(qtbot, coach, Qt.Key.Key_Space)  # the next hold starts from nothing
    advance(coach, clock, 1)
    assert coach.running
    assert coach.hold_time.text() == "1 s"
    assert coach.discomfort_hint.text().startswith("Build slowly")


def test_taking_up_the_slack_keeps_the_hold_going(qtbot, coach: TechniqueCoach,
                                                  clock: FakeClock):
    coach.set_muscle("piriformis")  # its own technique: take up the slack, hold again
    target = coach.technique.target_discomfort
    key(qtbot, coach, Qt.Key.Key_Space)
    key(qtbot, coach, getattr(Qt.Key, f"Key_{max(target.start)}"))
    advance(coach, clock, 3)
    key(qtbot, coach, getattr(Qt.Key, f"Key_{target.release_at}"))
    assert "take up the slack and hold again" in coach.discomfort_hint.text()
    assert coach.running
    assert coach.cue == "holding"
