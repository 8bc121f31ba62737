"""A slide of marked pain says which muscles could refer there: the pain finder's ranking, the
first few with why, as a teacher exporting "where it hurts" wants it on the screen."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

from helpers.svg_text import svg_words
from helpers.window import click, finder_rows, names_of, trigger
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QFileDialog

from bodymap.model import Catalog
from bodymap.ui.export import muscle_scene
from bodymap.ui.export_words import slide_html
from bodymap.ui.main_window import MainWindow


def exported_slide_words(window: MainWindow, path: Path, monkeypatch) -> str:
    """File ▸ Export slide to `path` (an SVG), and the words it shows, in the order it draws
    them, one space apart whatever lines they wrap onto."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(path), "SVG drawing (*.svg)"))
    trigger(window, "actionExportSlide")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))).split())


def mark_buttock_and_thigh(qtbot, window: MainWindow) -> None:
    """Pain over the sacroiliac joint, the buttock and the upper back of the thigh: nine muscles
    can refer there."""
    trigger(window, "actionPainMode")
    for zone in ("si_joint", "buttock", "posterior_thigh_upper_medial",
                 "posterior_thigh_upper_lateral"):
        click(qtbot, window, zone, "L")


def test_a_marked_pain_slide_lists_the_candidates_best_first_with_why(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    mark_buttock_and_thigh(qtbot, window)
    rows = finder_rows(window)
    assert len(rows) > 5
    words = exported_slide_words(window, tmp_path / "pain.svg", monkeypatch)
    assert "Muscles that can refer pain there , best first:" in words
    # The first five as the pain finder has them, in its order, each with its reason.
    at = [words.index(f"{n}. {name} {why}") for n, (name, why) in enumerate(rows[:5], 1)]
    assert at == sorted(at)
    assert rows[5][0] not in words
    # The rest by name: a slide's audience has no pain finder to look them up in.
    assert f"Further down the list: {names_of(window, rows[5:])}." in words
    assert words.index("Marked pain :") < at[0]  # where it hurts, then what could refer there


def test_the_slide_lists_the_candidates_as_the_ticked_chips_order_them(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # The teacher ticks "Feels like sciatica": the list puts the muscles mistaken for it first,
    # and so does the slide the class sees.
    mark_buttock_and_thigh(qtbot, window)
    before = finder_rows(window)
    chip = next(box for box in window.pain_finder.findChildren(QCheckBox)
                if box.text() == "Feels like sciatica")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    rows = finder_rows(window)
    assert rows[:5] != before[:5] and "often mistaken for sciatica" in rows[0][0]
    words = exported_slide_words(window, tmp_path / "sciatica.svg", monkeypatch)
    assert "those often mistaken for sciatica first" in words
    at = [words.index(f"{n}. {name} {why}") for n, (name, why) in enumerate(rows[:5], 1)]
    assert at == sorted(at)


def test_beside_a_candidates_trigger_points_the_slide_lists_three(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # A candidate shown over the pain takes the words its trigger points need: the list is the
    # first three, the one in the picture said to be.
    mark_buttock_and_thigh(qtbot, window)
    rows = finder_rows(window)
    view = window.findChild(QAbstractItemView, "painCandidates")
    view.setCurrentIndex(view.model().index(1, 0))  # as the arrow keys would: the second
    shown = window.body_view.preview[0]
    assert shown == window.pain_finder.rows[1].candidate.muscle_id  # shown over the marks
    words = exported_slide_words(window, tmp_path / "candidate.svg", monkeypatch)
    for n, (name, why) in enumerate(rows[:3], 1):
        here = " (in the picture)" if n == 2 else ""
        assert f"{n}. {name}{here} {why}" in words
    assert rows[3][0] not in words
    assert f"Candidate: {window.catalog.muscles[shown].name}" in words


def test_where_nothing_refers_the_slide_says_so(qapp, catalog: Catalog):
    # No trigger point in the data refers to the upper lumbar spine itself (the pain finder
    # lists none): the slide says so rather than leave a heading over an empty list.
    pain = {("lumbar_spine_upper", None)}
    words, _foot = slide_html(muscle_scene(catalog, None, "posterior", pain=pain))
    assert "No muscle in the data refers there." in words
    assert "best first" not in words


def test_a_pain_slides_candidates_are_escaped(qapp, catalog: Catalog):
    # Names and zone labels come from data files: markup in them is shown as text.
    muscle = dataclasses.replace(catalog.muscles["piriformis"], name="Piri<b>formis</b>")
    zone = dataclasses.replace(catalog.zones["buttock"], label="Buttock & <i>hip</i>")
    tampered = Catalog({**catalog.muscles, "piriformis": muscle},
                       {**catalog.zones, "buttock": zone}, catalog.sources, catalog.guidance, [])
    words, _foot = slide_html(muscle_scene(tampered, None, "posterior", pain={("buttock", "L")}))
    assert "Piri&lt;b&gt;formis&lt;/b&gt;" in words
    assert "Buttock &amp; &lt;i&gt;hip&lt;/i&gt;" in words
    assert "<b>formis" not in words and "<i>hip" not in words


def test_a_study_questions_slide_names_no_muscle_for_the_marks(qapp, catalog: Catalog):
    # On a study question the marks are a student's answer (where does piriformis refer?):
    # a list of the muscles that refer there would give the question away.
    from bodymap.ui.study_panel import StudyBoard

    scene = muscle_scene(catalog, None, "posterior")
    scene.set_state(study=StudyBoard(input="zones", marked=frozenset({("buttock", "L")})))
    words, _foot = slide_html(scene)
    assert "Buttock" in words  # the marks are still said
    assert "refer pain there" not in words and "Piriformis" not in words


def test_a_slide_explains_provisional_as_its_candidates_say_it(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # The upper buttock: gluteus medius and longissimus refer there only as the sources do not
    # settle. The slide lists them as the pain finder does and says what the word means.
    trigger(window, "actionPainMode")
    click(qtbot, window, "upper_buttock", "L")
    rows = finder_rows(window)
    words = exported_slide_words(window, tmp_path / "upper.svg", monkeypatch)
    assert "4. Gluteus medius — provisional fit" in words
    assert "spillover only: Upper buttock (provisional)" in words
    assert "Provisional : not settled by the sources" in words
    assert rows[3][0] == "Gluteus medius — provisional fit"
    # Where no candidate listed rests on a provisional zone, the slide does not explain it.
    trigger(window, "actionClearPain")
    click(qtbot, window, "si_joint", "L")
    words = exported_slide_words(window, tmp_path / "joint.svg", monkeypatch)
    assert "Muscles that can refer pain there" in words and "rovisional" not in words


def test_a_slide_explains_provisional_when_only_a_trigger_point_is(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # The iliac crest: gluteus medius's TrP1 refers there as the sources settle, its TrP3 only
    # provisionally. No zone is provisional, but the row calls TrP3 so, and the class reading it
    # is told what the word means.
    trigger(window, "actionPainMode")
    click(qtbot, window, "iliac_crest", "L")
    gmed = next(row for row in finder_rows(window) if row[0].startswith("Gluteus medius"))
    assert "TrP3 (anterior, near the ASIS, provisional)" in gmed[1]
    assert "provisional" not in gmed[0]  # the fit is settled: TrP1 refers there
    exported_slide_words(window, tmp_path / "crest.svg", monkeypatch)
    words = svg_words(tmp_path / "crest.svg")
    assert "TrP3 (anterior, near the ASIS, provisional)" in words
    assert words.count("Provisional : not settled by the sources") == 1


def test_a_candidates_slide_explains_provisional_once(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # The upper buttock: the list calls its referral from several muscles provisional, and
    # gluteus medius's trigger points, shown over it, call zones so too. One footnote, after
    # both, says what the word means, not one under each in other words.
    trigger(window, "actionPainMode")
    click(qtbot, window, "upper_buttock", "L")
    view = window.findChild(QAbstractItemView, "painCandidates")
    at = next(n for n, row in enumerate(window.pain_finder.rows)
              if row.candidate.muscle_id == "gluteus_medius")
    view.setCurrentIndex(view.model().index(at, 0))  # as the arrow keys would
    assert window.body_view.preview[0] == "gluteus_medius"
    exported_slide_words(window, tmp_path / "candidate.svg", monkeypatch)
    words = svg_words(tmp_path / "candidate.svg")
    assert "Upper buttock (provisional)" in words[:words.index("Candidate: Gluteus medius")]
    assert words.count("Provisional :") == 1
    assert words.index("TrP3 (anterior, near the ASIS) :") < words.index("Provisional :")


def test_a_marked_pain_slide_cites_the_sources_of_the_referral_it_lists(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    # Nine muscles can refer to the buttock and the back of the thigh; the slide lists five,
    # each with its trigger points. A class reads where each referral comes from, cited as
    # a muscle's slide cites its own: short, at the foot.
    mark_buttock_and_thigh(qtbot, window)
    rows = finder_rows(window)
    catalog = window.catalog
    cited = set()
    for (name, why), row in zip(rows[:5], window.pain_finder.rows, strict=False):
        muscle = catalog.muscles[row.candidate.muscle_id]
        assert name.startswith(muscle.name)
        named = [trp for trp in muscle.trigger_points
                 if f"{trp.label.split(' (', 1)[0]} (" in why]  # "TrP1 (upper, ...)"
        assert named, why
        cited |= {source.short() for trp in named for source in catalog.sources_of(trp.sources)}
    exported_slide_words(window, tmp_path / "pain.svg", monkeypatch)
    words = svg_words(tmp_path / "pain.svg")
    foot = words[words.index("Sources:"):words.index("Teaching material")]
    assert len(cited) >= 2  # the list rests on more than one book
    assert all(citation in foot for citation in cited), (cited, foot)
