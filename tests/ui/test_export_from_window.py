"""File ▸ Export image as a teacher uses it: marked pain on several views, and the save dialog
as Qt's own dialog answers on Linux (no suffix added to a name typed without one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.marks import is_bluish, marked_per_view
from helpers.svg_text import svg_texts, svg_words, view_captions
from helpers.window import click, finder_rows, names_of, press_button, text, trigger
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from bodymap.model import Catalog
from bodymap.ui.main_window import MainWindow

TYPES = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"


def answer_save_dialog(monkeypatch, *answers: tuple[str, str]) -> list[str]:
    """The save dialog answers (what the person typed, the type they picked) in turn; the
    paths it was opened at are listed."""
    opened: list[str] = []
    queue = iter(answers)

    def dialog(_parent, _title, path, _types):
        opened.append(path)
        return next(queue)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return opened


def mark(qtbot, window: MainWindow, view_action: str, *zones: str) -> None:
    trigger(window, view_action)
    for zone in zones:
        click(qtbot, window, zone, "L")


def export_svg_and_png(window: MainWindow, tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """File ▸ Export image twice, as an SVG (whose captions say where the views are) and as a
    PNG (whose pixels show what they draw)."""
    svg, png = tmp_path / "pain.svg", tmp_path / "pain.png"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"),
                       (str(png), "PNG image (*.png)"))
    trigger(window, "actionExport")
    trigger(window, "actionExport")
    return svg, png


def test_pain_marked_on_the_front_is_exported_beside_the_back_view(qtbot, window: MainWindow,
                                                                    tmp_path: Path,
                                                                    monkeypatch):
    trigger(window, "actionPainMode")
    mark(qtbot, window, "actionViewAnterior", "groin")
    mark(qtbot, window, "actionViewPosterior", "sacrum_upper", "sacrum_lower")
    svg, png = export_svg_and_png(window, tmp_path, monkeypatch)
    views = view_captions(svg)
    assert list(views) == ["Back view", "Front view"]  # the view shown, then the groin's
    back, front = marked_per_view(QImage(str(png)), list(views.values()))
    assert back > 1000 and front > 1000, (back, front)
    assert "Marked pain: Sacrum, Groin (left)" in svg_texts(svg)
    assert window.findChild(QMessageBox, "painLeftOut") is None  # nothing left out


def test_the_outlines_pain_mode_draws_round_every_zone_stay_on_the_screen(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # Pain mode outlines every zone in faint dashed blue, to show where to click. On a handout
    # they read as more pain marked, in the key's blue: pain marked on the front only, the back
    # view beside it has no blue at all, as the command's picture of the same marks has none.
    trigger(window, "actionPainMode")
    mark(qtbot, window, "actionViewAnterior", "groin")
    trigger(window, "actionViewPosterior")
    svg, png = export_svg_and_png(window, tmp_path, monkeypatch)
    views = view_captions(svg)
    assert list(views) == ["Back view", "Front view"]
    back, front = marked_per_view(QImage(str(png)), list(views.values()), colour=is_bluish)
    assert back == 0 and front > 1000, (back, front)


@pytest.mark.parametrize("mode", ["actionMuscleMode", "actionPainMode"])
def test_a_picture_of_the_body_with_nothing_on_it_is_saved(qtbot, window: MainWindow,
                                                            tmp_path: Path, monkeypatch, mode):
    # A window just opened, or pain mode with none marked: nothing to key. Export image and
    # Copy image raised an error and saved nothing.
    trigger(window, mode)
    pictures = [tmp_path / f"body.{kind}" for kind in ("png", "svg", "pdf")]
    answer_save_dialog(monkeypatch, *((str(path), "") for path in pictures))
    failed: list[str] = []  # what the save dialog's warning would have said
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: failed.append(text))
    for _ in pictures:
        trigger(window, "actionExport")
    assert failed == []
    assert all(path.stat().st_size > 10_000 for path in pictures)
    assert not QImage(str(pictures[0])).isNull()
    trigger(window, "actionCopyImage")
    assert not QApplication.clipboard().image().isNull()


def test_a_picture_of_one_trigger_points_referral_is_named_after_it(qtbot, window: MainWindow,
                                                                     tmp_path: Path,
                                                                     monkeypatch):
    # Its X clicked, the body shows gluteus minimus TrP2's pattern alone: the name offered says
    # so, or a teacher exporting each of its two patterns gets two files of one name.
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "gluteus_minimus", "L")
    view = window.body_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_minimus", "L", "trp2"))
    assert view.trigger_point == "trp2"
    opened = answer_save_dialog(monkeypatch, (str(tmp_path / "trp2.png"), "PNG image (*.png)"))
    trigger(window, "actionExport")
    assert Path(opened[0]).name == "gluteus_minimus-trp2-posterior.png"


def test_pain_on_all_three_views_is_named_where_the_picture_leaves_it_out(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # Marks on the front, the side and the back: a picture shows two views (a third only for
    # the side view seen from both sides), so one mark is left out; the title names what the
    # picture shows, and a note says what is left out and where it is drawn.
    trigger(window, "actionPainMode")
    mark(qtbot, window, "actionViewAnterior", "groin")
    mark(qtbot, window, "actionViewLateral", "lateral_leg")
    mark(qtbot, window, "actionViewPosterior", "sacrum_upper", "sacrum_lower")
    svg = tmp_path / "pain.svg"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"))
    trigger(window, "actionExport")
    assert len(view_captions(svg)) == 2
    note = window.findChild(QMessageBox, "painLeftOut")
    assert note is not None and note.isVisible()
    assert note.text() == ("The picture leaves out Groin (left), which the front view draws: "
                           "export from the front view for a picture with it.")
    assert "Marked pain: Sacrum, Outer lower leg (left)" in svg_texts(svg)
    note.close()


def test_pain_on_both_outer_ankles_is_exported_from_both_sides(qtbot, window: MainWindow,
                                                               tmp_path: Path, monkeypatch):
    # Both outer ankles, each marked on the side view turned to its side, and the sacrum from
    # behind: the picture has the back view and the side view from the left and from the
    # right, each with its ankle, and nothing is left out.
    trigger(window, "actionPainMode")
    mark(qtbot, window, "actionViewLateral", "lateral_ankle")
    trigger(window, "actionViewLateral")  # turned: the right outer ankle in reach
    click(qtbot, window, "lateral_ankle", "R")
    mark(qtbot, window, "actionViewPosterior", "sacrum_upper", "sacrum_lower")
    svg = tmp_path / "pain.svg"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"))
    trigger(window, "actionExport")
    assert set(view_captions(svg)) == {
        "Back view",
        "\N{LEFTWARDS ARROW} front \N{MIDDLE DOT} Left side view \N{MIDDLE DOT} back "
        "\N{RIGHTWARDS ARROW}",
        "\N{LEFTWARDS ARROW} back \N{MIDDLE DOT} Right side view \N{MIDDLE DOT} front "
        "\N{RIGHTWARDS ARROW}"}
    assert "Marked pain: Sacrum, Outer ankle (both sides)" in svg_texts(svg)
    assert window.findChild(QMessageBox, "painLeftOut") is None  # nothing left out


def test_export_image_of_a_muscle_is_a_handout_saying_what_it_shows(
        qtbot, window: MainWindow, catalog: Catalog, tmp_path: Path, monkeypatch):
    # Under the picture and its key, what the slide says beside it: each trigger point, where
    # it lies and where it refers, then the sources, for students to read in the hand.
    click(qtbot, window, "gluteus_medius", "L")
    svg = tmp_path / "gmed.svg"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"))
    trigger(window, "actionExport")
    words = svg_words(svg)
    key = words.index("Trigger point")
    for trp in catalog.muscles["gluteus_medius"].trigger_points:
        assert words.index(f"{trp.label} : {trp.location}") > key, trp.label
    assert "Sources: Travell" in words and words.endswith("not medical advice.")


def handout_words(qtbot, window: MainWindow, tmp_path: Path, monkeypatch, view: str,
                  layer: str, muscle_id: str) -> str:
    """The words of the handout File > Export image makes of a muscle clicked on the body."""
    trigger(window, f"actionView{view}")
    trigger(window, f"actionLayer{layer}")
    click(qtbot, window, muscle_id, "L")
    svg = tmp_path / f"{muscle_id}.svg"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"))
    trigger(window, "actionExport")
    return svg_words(svg)


def test_a_handout_says_a_pattern_its_trigger_points_share_once_under_them(
        qtbot, window: MainWindow, catalog: Catalog, tmp_path: Path, monkeypatch):
    # Iliopsoas's three trigger points refer alike: the handout printed the same two lines of
    # zones three times. Each point's place, then the pattern once, said to be all three's.
    words = handout_words(qtbot, window, tmp_path, monkeypatch, "Anterior", "Deep", "iliopsoas")
    trps = catalog.muscles["iliopsoas"].trigger_points
    places = [words.index(f"{trp.label} : {trp.location}") for trp in trps]
    assert places == sorted(places)
    assert words.count("Essential:") == 1 and words.count("Spillover:") == 1
    # (the whole lumbar paraspinal band, both its parts, said as one area)
    assert places[-1] < words.index("All three refer to: Essential: Lumbar paraspinal (L1\u2013S1)")
    # Points that refer differently keep their own lines (gluteus medius: three patterns).
    words = handout_words(qtbot, window, tmp_path, monkeypatch, "Posterior", "Superficial",
                          "gluteus_medius")
    assert words.count("Essential:") == 3 and "refer to:" not in words


def test_a_slide_says_which_zones_and_places_the_sources_do_not_settle(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # Longissimus' TrP levels and its low-back part are unverified: a class reading the slide
    # must not take them as settled.
    click(qtbot, window, "longissimus_thoracis", "L")
    svg = tmp_path / "longissimus.svg"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"))
    trigger(window, "actionExportSlide")
    words = svg_words(svg)
    assert "at about the level of L1, beside the spinous process. (provisional place)" in words
    assert ("Essential: Low lumbar paraspinal (L4\N{EN DASH}S1, provisional), Sacroiliac joint"
            in words)
    assert "Provisional : not settled by the sources" in words


def test_export_image_of_marked_pain_lists_the_pain_finders_candidates_under_it(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # As the slide does: where it hurts, then the muscles that can refer there, best first as
    # the pain finder ranks them, each with why, as many as the page has room for, then how
    # many more the pain finder lists (nine muscles can refer to these three zones).
    trigger(window, "actionPainMode")
    mark(qtbot, window, "actionViewPosterior", "si_joint", "buttock",
         "posterior_thigh_upper_medial", "posterior_thigh_upper_lateral")
    rows = finder_rows(window)
    svg = tmp_path / "pain.svg"
    answer_save_dialog(monkeypatch, (str(svg), "SVG drawing (*.svg)"))
    trigger(window, "actionExport")
    words = svg_words(svg)
    assert words.index("Marked pain :") < words.index("Muscles that can refer pain there")
    listed = [n for n, (name, why) in enumerate(rows, 1) if f"{n}. {name} {why}" in words]
    assert listed and listed == list(range(1, len(listed) + 1)), words  # the first, in order
    assert len(rows) > len(listed)
    assert f"Further down the list: {names_of(window, rows[len(listed):])}." in words
    assert words.endswith("Teaching material, not medical advice.")


def refuse_warnings(monkeypatch) -> list[str]:
    """Warning boxes are listed, not shown (a modal box would wait for a click)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text, *args: shown.append(f"{title}: {text}"))
    return shown


@pytest.mark.parametrize(("typed", "picked", "saved", "magic"), [
    ("handout", "PNG image (*.png)", "handout.png", b"\x89PNG"),
    ("handout", "SVG drawing (*.svg)", "handout.svg", b"<?xml"),
    ("handout", "PDF document (*.pdf)", "handout.pdf", b"%PDF"),
    ("week 3.v2", "PNG image (*.png)", "week 3.v2.png", b"\x89PNG"),  # a dot is not a type
    ("slide.SVG", "PNG image (*.png)", "slide.SVG", b"<?xml"),  # the type typed is kept
])
def test_export_image_saves_a_name_typed_without_a_type_as_the_type_picked(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch, typed: str, picked: str,
        saved: str, magic: bytes):
    warnings = refuse_warnings(monkeypatch)
    click(qtbot, window, "gluteus_maximus", "L")
    answer_save_dialog(monkeypatch, (str(tmp_path / typed), picked))
    trigger(window, "actionExport")
    assert warnings == []
    assert (tmp_path / saved).read_bytes().startswith(magic)
    assert window.statusBar().currentMessage() == f"Saved {tmp_path / saved}"


def test_the_self_care_sheet_saved_without_a_type_is_a_pdf(qtbot, window: MainWindow,
                                                            tmp_path: Path, monkeypatch):
    warnings = refuse_warnings(monkeypatch)
    click(qtbot, window, "gluteus_medius", "L")
    answer_save_dialog(monkeypatch, (str(tmp_path / "for Ana"), "PDF document (*.pdf)"))
    trigger(window, "actionSelfCare")
    assert warnings == []
    assert (tmp_path / "for Ana.pdf").read_bytes().startswith(b"%PDF")


def test_the_next_save_starts_in_the_folder_saved_to_last(qtbot, window: MainWindow,
                                                          tmp_path: Path, monkeypatch,
                                                          settings, catalog, progress_path):
    lesson = tmp_path / "lesson 4"
    lesson.mkdir()
    click(qtbot, window, "gluteus_medius", "L")
    opened = answer_save_dialog(monkeypatch, (str(lesson / "gmed.png"), "PNG image (*.png)"),
                                (str(lesson / "sheet.pdf"), "PDF document (*.pdf)"), ("", ""))
    trigger(window, "actionExport")
    trigger(window, "actionSelfCare")  # the self-care sheet too, under its own name
    assert Path(opened[0]).parent == Path.home()  # the first save: the home folder
    assert Path(opened[1]) == lesson / "self-care-gluteus_medius.pdf"
    # And in the next session, as the settings keep it.
    again = MainWindow(catalog, settings, progress_path=progress_path)
    qtbot.addWidget(again)
    click(qtbot, again, "gluteus_medius", "L")
    trigger(again, "actionExport")
    assert Path(opened[2]).parent == lesson


def test_study_progress_is_saved_as_pictures_are(qtbot, window: MainWindow, tmp_path: Path,
                                                 monkeypatch):
    # A teacher keeps a class's files in one folder: the progress export starts in the folder
    # saved to last, adds the type to a name typed without one, and is remembered in turn.
    lesson, grades = tmp_path / "lesson 4", tmp_path / "grades"
    lesson.mkdir()
    grades.mkdir()
    click(qtbot, window, "gluteus_medius", "L")
    opened = answer_save_dialog(monkeypatch, (str(lesson / "gmed.png"), "PNG image (*.png)"),
                                (str(grades / "week 3.v2"), "CSV file (*.csv)"),
                                (str(lesson / "gmed again.png"), "PNG image (*.png)"))
    trigger(window, "actionExport")
    trigger(window, "actionStudy")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Ana", True))
    press_button(qtbot, window, "studyNewProfile")
    press_button(qtbot, window, "studyExport")
    assert Path(opened[1]) == lesson / "bodymap-progress-Ana.csv"
    assert (grades / "week 3.v2.csv").read_text(encoding="utf-8-sig").startswith("profile,")
    assert str(grades / "week 3.v2.csv") in text(window, "studyMessage")
    trigger(window, "actionExport")
    assert Path(opened[2]).parent == grades
