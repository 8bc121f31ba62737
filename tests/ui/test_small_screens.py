"""A small window, presenter mode and short screens, used as a person uses them: the body framed
large enough to read, the note on the body clear of the marks it speaks of, the coach's step and
hold timer in sight, and dialogs within the screen.

Tests that need a screen of their own size (presenter mode fills the screen; a dialog sizes to
it) run this file as a script in a subprocess whose offscreen screen has that size (`on_screen`);
the script's cases are the `case_*` functions at the end, and the tests check what they report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.window import click, press_button, trigger, turn_wheel
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QPainterPath, QTransform
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QWidget

from bodymap.diagram import VIEWS
from bodymap.ui.body_view import BodyView
from bodymap.ui.framing import readable
from bodymap.ui.main_window import MainWindow
from bodymap.ui.presenter import TEXT_SCALE

SMALL = (1024, 640)  # a small laptop window: the whole body is too narrow to read
LARGE = (1320, 860)  # the window as it first opens on a laptop: the whole body reads


def shown_large(window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    QApplication.processEvents()
    assert window.size().toTuple() == size


def whole_body_scales(window: MainWindow, *sizes: tuple[int, int]) -> list[float]:
    """The scale the whole body is drawn at in each size of window, nothing selected yet."""
    assert window.body_view.selected is None
    scales = []
    for size in sizes:
        shown_large(window, size)
        scales.append(window.body_view.transform().m11())
    return scales


def body_width(view: BodyView) -> float:
    """How wide the body is drawn now, in pixels."""
    return view.body_scene().view.outline.boundingRect().width() * view.transform().m11()


def in_viewport(view: BodyView, scene_rect: QRectF) -> bool:
    return view.viewport().rect().contains(view.mapFromScene(scene_rect).boundingRect())


def selection_items(view: BodyView) -> list:
    """The selected muscle's outline, its X marks and its referral as this view paints them."""
    scene = view.body_scene()
    muscle_id, side = view.selected
    painted = [scene.zones[key] for key in scene.referral_of(view.selected) if key in scene.zones]
    return [scene.muscles[muscle_id, side], *scene.markers[muscle_id, side], *painted]


# -- 1. the body framed large enough to read ---------------------------------------------------
def test_in_a_small_window_a_click_frames_the_muscle_and_its_referral(qtbot, window: MainWindow):
    whole_large, fitted = whole_body_scales(window, LARGE, SMALL)
    view = window.body_view
    line = QFontMetrics(view.font()).height()
    assert not readable(body_width(view), line)  # why: the whole body is too narrow here
    click(qtbot, window, "gluteus_medius", "L")
    assert window.detail_panel.muscle_id == "gluteus_medius"
    assert view.transform().m11() > 1.5 * fitted
    assert readable(body_width(view), line)
    for item in selection_items(view):
        assert in_viewport(view, item.sceneBoundingRect()), item.toolTip()
    # Still exact, and the other side is a click away in the same frame.
    click(qtbot, window, "gluteus_medius", "R")
    assert window.selected == ("gluteus_medius", "R")
    for item in selection_items(view):
        assert in_viewport(view, item.sceneBoundingRect()), item.toolTip()
    # Growing the window until the whole body reads shows it whole again; shrinking frames again.
    shown_large(window, LARGE)
    assert view.transform().m11() == pytest.approx(whole_large)
    shown_large(window, SMALL)
    assert view.transform().m11() > 1.5 * fitted


def test_in_a_large_window_a_click_keeps_the_whole_body(qtbot, window: MainWindow):
    view = window.body_view
    assert readable(body_width(view), QFontMetrics(view.font()).height())
    for name in VIEWS:
        trigger(window, f"actionView{name.title()}")
        fitted = view.transform().m11()
        for muscle_id in window.catalog.muscles:
            if (name, "superficial") in view.layers_of(muscle_id):
                click(qtbot, window, muscle_id, "L")
                assert view.transform().m11() == pytest.approx(fitted), (name, muscle_id)


def test_the_persons_own_zoom_stands_until_the_next_selection(qtbot, window: MainWindow):
    whole_smaller, _ = whole_body_scales(window, (1000, 630), SMALL)
    view = window.body_view
    click(qtbot, window, "gluteus_maximus", "L")
    framed = view.transform().m11()
    # Fit: the whole body, through resizing too, until another muscle is chosen.
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    whole = view.transform().m11()
    assert whole < framed / 1.5
    shown_large(window, (1000, 630))
    assert view.transform().m11() == pytest.approx(whole_smaller)
    shown_large(window, SMALL)
    assert view.transform().m11() == pytest.approx(whole)
    click(qtbot, window, "gluteus_maximus", "R")
    assert view.transform().m11() == pytest.approx(framed)
    # The wheel and the keys: the zoom as the person left it, through resizing too.
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    zoomed = view.transform().m11()
    assert zoomed == pytest.approx(framed * 0.8)
    shown_large(window, (1000, 630))
    assert view.transform().m11() == pytest.approx(zoomed)
    click(qtbot, window, "gluteus_maximus", "R")  # the same muscle again: nothing new to frame
    assert view.transform().m11() == pytest.approx(zoomed)
    shown_large(window, SMALL)
    click(qtbot, window, "gluteus_medius", "L")
    framed = view.transform().m11()
    assert framed > 1.5 * whole
    turn_wheel(view, view.viewport().rect().center(), notches=1)
    assert view.transform().m11() == pytest.approx(framed * 1.2)
    shown_large(window, (1000, 630))
    assert view.transform().m11() == pytest.approx(framed * 1.2)


def test_marking_pain_and_study_questions_show_the_whole_body(qtbot, window: MainWindow,
                                                             monkeypatch):
    shown_large(window, SMALL)
    view = window.body_view
    body = view.body_scene().view.outline.boundingRect()
    click(qtbot, window, "gluteus_maximus", "L")
    framed = view.transform().m11()
    assert not in_viewport(view, body)
    # Pain is marked anywhere on the body (beside a key with the pain's row too); the muscle
    # comes back with muscle mode.
    trigger(window, "actionPainMode")
    assert view.transform().m11() < framed / 1.5
    assert in_viewport(view, body)
    trigger(window, "actionMuscleMode")
    assert view.transform().m11() == pytest.approx(framed)
    # A question's picture is never framed: framed on its answer, it would give it away.
    trigger(window, "actionStudy")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Ana", True))
    press_button(qtbot, window, "studyNewProfile")
    press_button(qtbot, window, "studyStart")
    assert view.study is not None
    assert view.transform().m11() < framed / 1.5
    assert in_viewport(view, body)


class PaintSpy(QObject):
    """The regions a widget repaints."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.append(event.region().boundingRect())
        return False


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_a_click_that_keeps_the_frame_repaints_only_what_it_changed(qtbot, window: MainWindow,
                                                                    size):
    shown_large(window, size)
    view = window.body_view
    click(qtbot, window, "gluteus_maximus", "L")
    qtbot.wait(20)
    spy = PaintSpy(view.viewport())
    click(qtbot, window, "gluteus_maximus", "R")  # the same band of the body, the other side
    qtbot.waitUntil(lambda: bool(spy.painted))
    qtbot.wait(20)
    assert window.selected == ("gluteus_maximus", "R")
    assert view.viewport().rect() not in spy.painted, spy.painted
    # A new frame is painted once, scroll bar and all, not once without it and once with it.
    spy.painted.clear()
    trigger(window, "actionLayerDeep")
    qtbot.wait(20)
    spy.painted.clear()
    click(qtbot, window, "quadratus_lumborum", "L")
    qtbot.waitUntil(lambda: bool(spy.painted))
    qtbot.wait(20)
    assert len([r for r in spy.painted if r.size() == view.viewport().size()
                or r.height() == view.viewport().height()]) <= 1, spy.painted


# -- 2. the note on the body never covers a mark ------------------------------------------------
def note_and_marks(view: BodyView) -> tuple[QRectF, list[QRectF]]:
    """Where the note is, and every X and number drawn now, in the view's coordinates."""
    note = view.findChild(QLabel, "referralElsewhere")
    to_view = view.viewportTransform() * QTransform.fromTranslate(view.viewport().x(),
                                                                  view.viewport().y())
    marks = [m.deviceTransform(to_view).mapRect(m.ink_rect())
             for markers in view.body_scene().markers.values() for m in markers if m.isVisible()]
    return QRectF(note.geometry()), marks


def body_drawn(view: BodyView) -> list[QPainterPath]:
    """What the body shows now, in the view's coordinates: its drawn outline, the referral
    painted and the muscle outlined, and the landmark and side labels."""
    scene = view.body_scene()
    to_view = view.viewportTransform() * QTransform.fromTranslate(view.viewport().x(),
                                                                  view.viewport().y())
    referral, shown, _pain = scene.shown_state()
    painted = [*(scene.zones[key] for key in referral if key in scene.zones),
               *(item for key, item in scene.muscles.items() if key == shown)]
    drawn = [to_view.map(scene.view.outline),
             *(to_view.map(item.mapToScene(item.path())) for item in painted)]
    for label in [*scene.landmarks, *scene.side_labels]:
        box = QPainterPath()
        box.addRect(label.deviceTransform(to_view).mapRect(label.boundingRect()))
        drawn.append(box)
    assert not drawn[0].isEmpty(), view.view_name
    return drawn


def notes_seen(qtbot, window: MainWindow) -> int:
    """Click every muscle each view draws; wherever the note shows, it covers no mark nor
    anything else the body shows (`body_drawn`) and shows all its lines. How many times it
    showed beside marks."""
    view = window.body_view
    note = view.findChild(QLabel, "referralElsewhere")
    seen = 0
    for name in VIEWS:
        trigger(window, f"actionView{name.title()}")
        for muscle_id in window.catalog.muscles:
            for view_name, layer in view.layers_of(muscle_id):
                if view_name != name:
                    continue
                trigger(window, f"actionLayer{layer.title()}")
                click(qtbot, window, muscle_id, "L")
                if not note.isVisible():
                    continue
                qtbot.wait(1)  # a font change re-places the note once events are handled
                box, marks = note_and_marks(view)
                seen += bool(marks)
                for mark in marks:
                    assert not box.intersects(mark), (name, muscle_id, box, mark)
                for drawn in body_drawn(view):
                    assert not drawn.intersects(box), (name, muscle_id, box, drawn)
                assert note.height() >= note.heightForWidth(note.width()), (name, muscle_id)
                assert view.rect().contains(note.geometry()), (name, muscle_id)
    return seen


@pytest.mark.parametrize("size", [SMALL, LARGE, (1024, 700), (800, 600)])
def test_the_note_on_the_body_covers_neither_the_body_nor_a_trigger_point(qtbot,
                                                                          window: MainWindow,
                                                                          size):
    shown_large(window, size)
    assert notes_seen(qtbot, window) >= 4


def test_the_note_stays_clear_of_the_marks_as_the_person_zooms_and_scrolls(qtbot,
                                                                          window: MainWindow):
    shown_large(window, SMALL)
    view = window.body_view
    trigger(window, "actionViewLateral")
    click(qtbot, window, "gluteus_medius", "L")
    note = view.findChild(QLabel, "referralElsewhere")
    assert note.isVisible()
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        for step in (0, 40, 80, 120):
            view.verticalScrollBar().setValue(view.verticalScrollBar().minimum() + step)
            box, marks = note_and_marks(view)
            for mark in marks:
                assert not box.intersects(mark), (step, box, mark)


def test_in_presenter_mode_the_note_shows_all_its_lines_clear_of_the_marks(qtbot,
                                                                          window: MainWindow):
    trigger(window, "actionPresenter")
    qtbot.waitUntil(window.isFullScreen)
    assert notes_seen(qtbot, window) >= 4


# -- 3. the coach's page reads without scrolling -----------------------------------------------
def open_coach_on(qtbot, window: MainWindow, muscle_id: str) -> None:
    """Pick the muscle in the list and open the coach's tab, with the mouse."""
    listed = window.muscle_list.findItems(window.catalog.muscles[muscle_id].name,
                                          Qt.MatchFlag.MatchExactly)[0]
    box = window.muscle_list.visualItemRect(listed)
    qtbot.mouseClick(window.muscle_list.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    tabs = window.panels.tabBar()
    tab = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Technique coach")
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(tab).center())
    qtbot.wait(1)  # the coach brings its step into view once events are handled
    assert window.coach.muscle is not None and window.coach.muscle.id == muscle_id


def test_at_the_first_window_size_the_coachs_page_reads_without_scrolling(qtbot,
                                                                         window: MainWindow):
    shown_large(window, LARGE)
    for muscle_id in window.catalog.muscles:
        open_coach_on(qtbot, window, muscle_id)
        coach = window.coach
        bar = coach.scroll.verticalScrollBar()
        assert bar.maximum() == 0 and not bar.isVisible(), (muscle_id, bar.maximum())
        for part in (coach.title, coach.cautions, coach.step_card, coach.trp_box):
            seen = part.visibleRegion().boundingRect()
            assert seen.size() == part.size(), (muscle_id, part.objectName(), seen)


def test_in_a_small_window_the_coach_scrolls_its_step_into_view(qtbot, window: MainWindow):
    shown_large(window, SMALL)
    for muscle_id in ("iliopsoas", "gluteus_minimus"):
        open_coach_on(qtbot, window, muscle_id)
        coach = window.coach
        assert coach.scroll.verticalScrollBar().maximum() > 0  # why: the page is taller here
        seen = coach.step_card.visibleRegion().boundingRect()
        assert seen.size() == coach.step_card.size(), (muscle_id, seen)
        qtbot.mouseClick(coach.next_button, Qt.MouseButton.LeftButton)
        assert coach.step_counter.text().startswith("STEP 2 OF")


# -- on a screen of a given size: a subprocess ---------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]


def on_screen(tmp_path: Path, size: tuple[int, int], case: str) -> dict:
    """Run `case_<case>` in a fresh process whose only screen is `size`; what it reports."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "small", "x": 0, "y": 0, "width": size[0], "height": size[1],
         "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    result = subprocess.run([sys.executable, __file__, case, str(tmp_path)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.slow
def test_presenter_mode_on_a_projector_frames_the_muscle_large(tmp_path: Path):
    seen = on_screen(tmp_path, (1320, 860), "presenter")
    # What the review saw: the whole body, fitted in presenter mode, some 200 px wide.
    assert seen["screen"] == [1320, 860]
    assert not seen["whole_readable"], seen
    assert seen["framed_scale"] > 1.5 * seen["whole_scale"], seen
    assert seen["framed_readable"], seen
    assert seen["selection_in_view"] == [], seen
    assert seen["clicked"] == ["gluteus_medius", "R"]


@pytest.mark.slow
def test_in_presenter_mode_the_muscle_is_framed_and_its_x_marks_grow_with_the_text(
        tmp_path: Path):
    # The class must tell TrP1's X from TrP2's from the back of the room: the marks grow as the
    # words do (they keep one size at every zoom, so framing the body larger does not do it).
    seen = on_screen(tmp_path, (1920, 1080), "presenter_marks")
    normal, presented = seen["normal"], seen["presented"]
    assert all(length >= 5 for length in normal), seen
    assert all(big >= small * (TEXT_SCALE - 0.15)
               for big, small in zip(presented, normal, strict=True)), seen
    assert seen["clicked"] == ["gluteus_maximus", "R"]  # still exact: the marks not in the way
    assert seen["after"] == normal, seen
    # On a 1920x1080 projector the whole body would be read (14 lines wide) on a laptop, not
    # from across a room: presenting, the muscle is framed large, on the way in and at each
    # click; Fit (Ctrl+0) shows the whole body.
    assert seen["framed_scale"] > 1.3 * seen["whole_scale"], seen
    assert seen["clicked_scale"] > 1.3 * seen["whole_scale"], seen


@pytest.mark.slow
def test_presenter_mode_on_a_720_line_projector_keeps_the_step_and_the_timer_in_sight(
        tmp_path: Path):
    seen = on_screen(tmp_path, (1280, 720), "coach")
    assert seen["screen"] == [1280, 720]
    assert seen["clicked"] >= 12 and seen["checked"] > 100, seen
    assert seen["out_of_sight"] == [], seen


@pytest.mark.slow
@pytest.mark.parametrize(("case", "scale"), [("dialogs", 1.0),
                                             ("presenter_dialogs", TEXT_SCALE)])
def test_help_dialogs_fit_a_640_line_screen_and_scroll_inside(tmp_path: Path, case: str,
                                                              scale: float):
    seen = on_screen(tmp_path, SMALL, case)
    free = QRect(*seen["free"])
    for name in ("keysDialog", "evidenceDialog"):
        dialog = seen[name]
        assert free.contains(QRect(*dialog["frame"])), (name, dialog, free)
        assert dialog["scrolls"] and dialog["close_visible"], (name, dialog)
        assert dialog["point_size"] >= seen["window_point_size"] * scale, (name, dialog)


# -- the cases, run in the subprocess -----------------------------------------------------------
def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def mouse_click(view: BodyView, point: QPoint) -> None:
    from PySide6.QtTest import QTest

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def presenter_on(app: QApplication, window: MainWindow) -> None:
    trigger(window, "actionPresenter")
    for _ in range(200):
        settle(app)
        if window.isFullScreen():
            return
    raise AssertionError("presenter mode did not fill the screen")


def case_presenter(app: QApplication, window: MainWindow) -> dict:
    view = window.body_view
    presenter_on(app, window)
    line = QFontMetrics(view.font()).height()
    seen = {"whole_scale": view.transform().m11(),
            "whole_readable": readable(body_width(view), line)}
    mouse_click(view, view.region_point("gluteus_medius", "L"))
    settle(app)
    seen["framed_scale"] = view.transform().m11()
    seen["framed_readable"] = readable(body_width(view), line)
    seen["selection_in_view"] = [item.toolTip() for item in selection_items(view)
                                 if not in_viewport(view, item.sceneBoundingRect())]
    mouse_click(view, view.region_point("gluteus_medius", "R"))
    settle(app)
    seen["clicked"] = list(window.selected)
    return seen


def x_arm_lengths(view: BodyView, muscle: str, side: str) -> list[int]:
    """How long, in screen pixels, each of the muscle's X marks is drawn: from its centre, the
    run of dark ink along each diagonal, the shortest of the four (a number beside the X or a
    muscle's edge crossing it only lengthens a run)."""
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    lengths = []
    for marker in view.body_scene().markers[muscle, side]:
        centre = view.viewportTransform().map(marker.pos())
        runs = []
        for dx, dy in ((1, 1), (-1, -1), (1, -1), (-1, 1)):
            run = 0
            while max(image.pixelColor(int((centre.x() + dx * run) * ratio),
                                       int((centre.y() + dy * run) * ratio)).getRgb()[:3]) < 90:
                run += 1
            runs.append(run)
        lengths.append(min(runs))
    return lengths


def case_presenter_marks(app: QApplication, window: MainWindow) -> dict:
    view = window.body_view
    mouse_click(view, view.region_point("gluteus_medius", "L"))
    settle(app)
    seen = {"normal": x_arm_lengths(view, "gluteus_medius", "L")}
    presenter_on(app, window)
    seen["presented"] = x_arm_lengths(view, "gluteus_medius", "L")
    seen["framed_scale"] = view.transform().m11()
    trigger(window, "actionZoomFit")
    settle(app)
    seen["whole_scale"] = view.transform().m11()
    mouse_click(view, view.region_point("gluteus_maximus", "R"))
    settle(app)
    seen["clicked"] = list(window.selected)
    seen["clicked_scale"] = view.transform().m11()
    trigger(window, "actionPresenter")
    settle(app)
    mouse_click(view, view.region_point("gluteus_medius", "L"))
    settle(app)
    seen["after"] = x_arm_lengths(view, "gluteus_medius", "L")
    return seen


def case_coach(app: QApplication, window: MainWindow) -> dict:
    """With the coach open in presenter mode, a teacher goes from gluteus medius to each other
    muscle a view draws and back; then steps through every step at each trigger point of each
    with N."""
    from PySide6.QtTest import QTest

    view, coach = window.body_view, window.coach
    window.panels.setCurrentWidget(window.coach_page)
    presenter_on(app, window)

    def click_muscle(name: str, layer: str, muscle_id: str) -> bool:
        trigger(window, f"actionView{name.title()}")
        trigger(window, f"actionLayer{layer.title()}")
        try:
            point = view.region_point(muscle_id, "L")
        except LookupError:  # not drawn there, or framed out of sight
            return False
        mouse_click(view, point)
        settle(app)
        return True

    def whole(widget: QWidget) -> bool:
        return widget.visibleRegion().boundingRect().size() == widget.size()

    watched = {"step number": coach.step_counter, "step": coach.step_text,
               "hold time": coach.hold_time}
    out_of_sight: list[str] = []
    checked = 0

    def check(what: str) -> None:
        nonlocal checked
        checked += 1
        out_of_sight.extend(f"{what}: {name}" for name, widget in watched.items()
                            if not whole(widget))

    start = ("posterior", "superficial", "gluteus_medius")
    clicked = []
    for spot in [(name, layer, muscle_id) for name in VIEWS
                 for layer in ("superficial", "deep") for muscle_id in window.catalog.muscles]:
        if spot != start and click_muscle(*start) and click_muscle(*spot):
            clicked.append(spot)
            check(f"{spot[2]} clicked on the {spot[0]} view after gluteus medius")
    for spot in clicked:
        click_muscle(*spot)
        while coach.next_button.isEnabled():
            QTest.keyClick(coach, Qt.Key.Key_N)
            settle(app)
            check(f"{spot[2]} {coach.trp_counter.text()} {coach.step_counter.text()}")
    return {"checked": checked, "out_of_sight": out_of_sight, "clicked": len(clicked)}


def case_dialogs(app: QApplication, window: MainWindow) -> dict:
    from PySide6.QtWidgets import QAbstractScrollArea, QDialog, QDialogButtonBox

    seen: dict = {"free": window.screen().availableGeometry().getRect(),
                  "window_point_size": window.font().pointSizeF()}
    trigger(window, "actionKeys")
    trigger(window, "actionEvidence")
    settle(app)
    for name in ("keysDialog", "evidenceDialog"):
        dialog = window.findChild(QDialog, name)
        text = dialog.findChild(QAbstractScrollArea)
        close = dialog.findChild(QDialogButtonBox)
        seen[name] = {"frame": dialog.frameGeometry().getRect(),
                      "scrolls": text.verticalScrollBar().maximum() > 0,
                      "close_visible": close.isVisible()
                      and dialog.rect().contains(close.geometry()),
                      "point_size": text.font().pointSizeF()}
    return seen


def case_presenter_dialogs(app: QApplication, window: MainWindow) -> dict:
    """The same dialogs opened in presenter mode, for a class: larger text, the same screen."""
    presenter_on(app, window)
    return case_dialogs(app, window)


CASES: dict[str, Callable[[QApplication, MainWindow], dict]] = {
    "presenter": case_presenter, "coach": case_coach, "dialogs": case_dialogs,
    "presenter_dialogs": case_presenter_dialogs, "presenter_marks": case_presenter_marks}


def main(case: str, folder: Path) -> None:
    from PySide6.QtCore import QSettings

    from bodymap.model import load_catalog

    app = QApplication([])
    window = MainWindow(load_catalog(), QSettings(str(folder / "settings.ini"),
                                                  QSettings.Format.IniFormat),
                        progress_path=folder / "progress.sqlite3")
    window.show()
    settle(app)
    seen = CASES[case](app, window)
    seen["screen"] = list(window.screen().size().toTuple())
    print(json.dumps(seen))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
