"""The side view shows the side of the person whose muscle is shown: the left as drawn, the right
as its mirror image. A therapist who clicks gluteus medius on the right and turns to the side
view sees the right hip with that muscle's trigger points, never a blank body; pressing the side
view again turns the body round. Driven as a person does: actions, clicks, keys, the mouse.
"""

from __future__ import annotations

from pathlib import Path

from helpers.svg_text import view_captions
from helpers.window import (
    arrow_ways,
    click,
    finder_rows,
    is_red,
    pixel,
    reopened,
    trigger,
)
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from bodymap.model import Catalog
from bodymap.ui.main_window import MainWindow

RIGHT_CAPTION = "← back · Right side view · front →"


def side_words(window: MainWindow) -> list[str]:
    """What the side labels on the body say."""
    return [item.label.text for item in window.body_view.body_scene().side_labels]


def marked(window: MainWindow, muscle: str, side: str) -> list[str]:
    """The numbers of the muscle's X marks the body shows on that side."""
    markers = window.body_view.body_scene().markers.get((muscle, side), [])
    return sorted(m.number for m in markers if m.isVisible())


def marker_point(window: MainWindow, muscle: str, trp: str, side: str) -> QPoint:
    view = window.body_view
    marker = next(m for m in view.body_scene().markers[muscle, side] if m.region.trp == trp)
    return view.mapFromScene(marker.pos())


def test_a_muscle_on_the_right_is_shown_on_the_side_view_from_the_right(qtbot,
                                                                       window: MainWindow):
    click(qtbot, window, "gluteus_medius", "R")
    lateral = window.view_actions["lateral"]
    assert lateral.text() == "Right side view"  # what pressing it will show
    trigger(window, "actionViewLateral")
    view = window.body_view
    assert view.view_name == "lateral" and lateral.isChecked()
    assert window.selected == ("gluteus_medius", "R")
    assert side_words(window) == ["Right"]
    assert [label.landmark.text for label in view.body_scene().landmarks
            if "side view" in label.landmark.text] == [RIGHT_CAPTION]
    # The muscle's trigger points this view marks, drawn as dark X marks, and its referral.
    assert marked(window, "gluteus_medius", "R") == ["2", "3"]
    x_mark = pixel(window, marker_point(window, "gluteus_medius", "trp3", "R"))
    assert max(x_mark.red(), x_mark.green(), x_mark.blue()) < 90, x_mark.name()
    assert is_red(pixel(window, view.region_point("buttock", "R", kind="zone")))
    # The note speaks of what this view leaves out, for the right side: TrP1 and its
    # referral beside the spine, on the back view.
    note = window.findChild(QLabel, "referralElsewhere")
    assert note.isVisible()
    words = note.accessibleName()
    assert words.startswith("More referral on the back view: ") and "Sacrum" in words, words
    assert words.endswith(". TrP1 is marked there"), words
    # Hover, clicks and keys reach the right side's muscles.
    qtbot.mouseMove(view.viewport(), view.region_point("tensor_fasciae_latae", "R"))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == "Tensor fasciae latae (right)")
    click(qtbot, window, "gluteus_maximus", "R")
    assert window.detail_panel.title.text() == "Gluteus maximus (right)"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the first key rings the muscle clicked
    assert view.body_scene().focused.label == "Gluteus maximus (right)"
    muscles = view.body_scene().active_items()
    assert all(item.label.endswith("(right)") for item in muscles)
    assert set(arrow_ways(qtbot, view)) == {item.region.id for item in muscles}
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.selected == (view.body_scene().focused.region.target, "R")


def test_the_side_view_pressed_again_turns_to_the_other_side(qtbot, window: MainWindow):
    click(qtbot, window, "gluteus_medius", "R")
    trigger(window, "actionViewLateral")
    trigger(window, "actionViewLateral")  # again: the left side of the same muscle
    assert window.body_view.view_name == "lateral"
    assert window.selected == ("gluteus_medius", "L")
    assert window.detail_panel.title.text() == "Gluteus medius (left)"
    assert window.view_actions["lateral"].text() == "Left side view"
    assert "again for the right side" in window.view_actions["lateral"].toolTip()
    # Said where the eye goes after a click, as no other view button does anything again;
    # and among the keys (F1), where it was not.
    assert window.statusBar().currentMessage() == (
        "Turned to the left side view; the side view again turns back.")
    trigger(window, "actionKeys")
    keys = window.findChild(QDialog, "keysDialog")
    assert "The side view, chosen again turns the body to the person's other side" in (
        " ".join(keys.text.toPlainText().split()))
    keys.close()
    assert side_words(window) == ["Left"]
    assert marked(window, "gluteus_medius", "L") == ["2", "3"]
    # From the list, a muscle comes on the side the view shows.
    trigger(window, "actionViewLateral")
    listed = window.muscle_list.findItems("Tensor fasciae latae", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(window.muscle_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.muscle_list.visualItemRect(listed).center())
    assert window.selected == ("tensor_fasciae_latae", "R")
    assert marked(window, "tensor_fasciae_latae", "R") == [""]  # its one TrP, unnumbered


def test_pain_is_marked_on_either_side_of_the_side_view(qtbot, window: MainWindow):
    trigger(window, "actionPainMode")
    trigger(window, "actionViewLateral")
    click(qtbot, window, "lateral_ankle", "L")
    trigger(window, "actionViewLateral")  # turned: the right outer ankle in reach
    assert side_words(window) == ["Right"]
    assert window.view_actions["lateral"].text() == "Right side view"
    click(qtbot, window, "lateral_ankle", "R")
    assert window.pain == {("lateral_ankle", "L"), ("lateral_ankle", "R")}
    # Drawn hatched blue, as marked pain is.
    view = window.body_view
    zone = view.mapFromScene(view.body_scene().zones["lateral_ankle", "R"].path()).boundingRect()
    image = view.viewport().grab(zone.toRect()).toImage()
    blue = sum(image.pixelColor(x, y).blue() > 150 > image.pixelColor(x, y).red()
               for x in range(image.width()) for y in range(image.height()))
    assert blue > 0.05 * image.width() * image.height(), blue
    # The finder takes both ankles: its one candidate, for both sides.
    assert [name for name, _why in finder_rows(window)] == [
        "Gluteus minimus (both sides) — weak fit"]
    trigger(window, "actionMuscleMode")  # nothing selected: the side it was turned to stays
    assert side_words(window) == ["Right"]


def test_a_right_side_referral_on_the_outer_leg_sends_to_the_side_view_from_the_right(
        qtbot, window: MainWindow):
    # Gluteus minimus refers down the outer leg, which only the side view draws: on the right
    # as on the left, the note on the body links there, and the link shows that side.
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "gluteus_minimus", "R")
    note = window.findChild(QLabel, "referralElsewhere")
    assert note.isVisible() and "side view" in note.accessibleName(), note.accessibleName()
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # to the link
    qtbot.keyClick(note, Qt.Key.Key_Return)
    view = window.body_view
    assert view.view_name == "lateral" and side_words(window) == ["Right"]
    assert window.view_actions["lateral"].isChecked()
    assert is_red(pixel(window, view.region_point("lateral_leg", "R", kind="zone")))
    assert marked(window, "gluteus_minimus", "R") == ["1"]


def test_the_side_shown_is_remembered_with_the_muscle(qtbot, catalog: Catalog,
                                                      settings: QSettings, progress_path: Path):
    first = reopened(qtbot, catalog, settings, progress_path)
    click(qtbot, first, "gluteus_medius", "R")
    trigger(first, "actionViewLateral")
    first.close()
    second = reopened(qtbot, catalog, settings, progress_path)
    assert second.body_view.view_name == "lateral"
    assert second.selected == ("gluteus_medius", "R")
    assert side_words(second) == ["Right"]
    assert second.view_actions["lateral"].text() == "Right side view"
    assert marked(second, "gluteus_medius", "R") == ["2", "3"]


def test_an_export_of_the_side_view_from_the_right_is_the_picture_on_screen(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    click(qtbot, window, "gluteus_medius", "R")
    trigger(window, "actionViewLateral")
    svg, png = tmp_path / "gmed.svg", tmp_path / "gmed.png"
    answers = iter([(str(svg), "SVG drawing (*.svg)"), (str(png), "PNG image (*.png)")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: next(answers))
    trigger(window, "actionExport")
    trigger(window, "actionExport")
    # The right side, with the back view beside it for TrP1 and the low back.
    assert list(view_captions(svg)) == [RIGHT_CAPTION, "Back view"]
    image = QImage(str(png))
    reds = sum(is_red(image.pixelColor(x, y)) for x in range(0, image.width(), 8)
               for y in range(0, image.height(), 8))
    assert reds > 200, reds
