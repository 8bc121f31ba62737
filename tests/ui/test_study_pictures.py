"""Every question on the body shows what it asks about, and gives nothing away.

For each card of the built-in data that puts a picture on the body (a referral pattern to name,
zones to mark, a muscle to find): while it waits for the answer, the body is turned to a view
that draws the pattern or the zones asked, and no X marks a trigger point; once the student
gives up ("Don't know") the answer is shown, and a card about one trigger point (gluteus
minimus TrP1, say, which only the side view marks) shows that trigger point, never the
muscle's others, which would point at a different pattern.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from helpers.progress import only_due
from helpers.window import child, is_red, pixel, press_button, text, trigger
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from bodymap.diagram import VIEWS, load_view
from bodymap.model import Catalog, load_catalog
from bodymap.study.generators import zone_questions
from bodymap.study.questions import kind_of
from bodymap.study.session import all_card_ids
from bodymap.ui.body_scene import trp_number
from bodymap.ui.main_window import MainWindow

PICTURED = ("referral", "zones", "locate")
CARDS = sorted(card for card in all_card_ids(load_catalog()) if kind_of(card) in PICTURED)
# The essential zones each zone card asks for (the data's, whatever the order of a session).
ZONES_ASKED = {q.card_id: q.essential for q in zone_questions(load_catalog())}


def shown_marks(window: MainWindow) -> list[tuple[str, str | None]]:
    """The X marks the body shows: (muscle, TrP)."""
    scene = window.body_view.body_scene()
    return sorted((m.region.target, m.region.trp) for group in scene.markers.values()
                  for m in group if m.isVisible())


def red_zones(window: MainWindow, zones: tuple[str, ...], side: str) -> list[str]:
    """Those of the zones the view on screen draws on that side (or the midline), red there."""
    view = window.body_view
    drawn = view.body_scene().zones
    reds = []
    for zone in zones:
        key = next((k for k in ((zone, side), (zone, None)) if k in drawn), None)
        if key is not None and is_red(pixel(window, view.region_point(zone, side, kind="zone"))):
            reds.append(zone)
    return reds


def marks_trp(muscle: str, trp: str, side: str) -> list[str]:
    """The views that mark a muscle's trigger point on that side."""
    return [name for name in VIEWS if any(
        r.kind == "marker" and (r.target, r.trp, r.side) == (muscle, trp, side)
        for r in load_view(name, side).regions.values())]


@pytest.mark.parametrize("card", CARDS)
def test_a_question_and_its_answer_show_what_is_asked(qtbot, window: MainWindow,
                                                      catalog: Catalog, progress_path: Path,
                                                      card: str):
    only_due(catalog, progress_path, card)
    trigger(window, "actionStudy")
    press_button(qtbot, window, "studyStart")
    kind, muscle_id, *detail = card.split(":")
    board = window.body_view.study
    assert board is not None and board.answer is None, card
    # Asked: the picture the question needs, and no trigger point marked.
    assert shown_marks(window) == [], card
    if kind == "referral":
        assert red_zones(window, board.essential, board.side), (card, window.body_view.view_name)
    elif kind == "zones":
        drawn = {zone for zone, _side in window.body_view.body_scene().zones}
        assert drawn & set(ZONES_ASKED[card]), (card, window.body_view.view_name)
    press_button(qtbot, window, "studySkip")
    board = window.body_view.study
    assert board.answer == muscle_id, card
    marks = shown_marks(window)
    assert {muscle for muscle, _trp in marks} <= {muscle_id}, (card, marks)
    if kind == "locate" or not detail:
        return
    trp = detail[0]
    # Answered: the trigger point the card is about, alone.
    assert {t for _m, t in marks} <= {trp}, (card, window.body_view.view_name, marks)
    marking = marks_trp(muscle_id, trp, board.side)
    if not marking:
        return  # a TrP no view marks (none in the built-in data): nothing to show
    if kind == "referral" or window.body_view.view_name in marking:
        # Naming the muscle, the answer shows where the pattern comes from.
        assert marks == [(muscle_id, trp)], (card, window.body_view.view_name)
        scene = window.body_view.body_scene()
        marker = next(m for m in scene.markers[muscle_id, board.side] if m.region.trp == trp)
        ink = pixel(window, window.body_view.mapFromScene(marker.pos()))
        assert max(ink.red(), ink.green(), ink.blue()) < 90, (card, ink.name())
    else:
        # A zone card stays on the view where the student marked the zones; the note on the
        # body says which view marks the trigger point, with a link there.
        note = child(window, QLabel, "referralElsewhere")
        points = catalog.muscles[muscle_id].trigger_points
        label = f"TrP{trp_number(points, next(t for t in points if t.id == trp))}"
        assert note.isVisible(), card
        assert f"{label} is marked on the side view" in note.accessibleName() or (
            f"{label} is marked there" in note.accessibleName()), note.accessibleName()
    assert text(window, "studyVerdict").startswith("Not quite")



def with_trp3_settled(catalog: Catalog) -> Catalog:
    """The built-in data with gluteus medius TrP3's pattern settled (its zones are provisional
    until checked against the manual, so no card asks about it yet): what a reviewer saw."""
    muscle = catalog.muscles["gluteus_medius"]
    points = tuple(dataclasses.replace(t, referral=dataclasses.replace(t.referral, provisional=()))
                   if t.id == "trp3" else t for t in muscle.trigger_points)
    muscles = {**catalog.muscles, muscle.id: dataclasses.replace(muscle, trigger_points=points)}
    return Catalog(muscles, catalog.zones, catalog.sources, catalog.guidance, [])


@pytest.mark.parametrize(("card", "answered_on", "marks"), [
    # Naming the muscle from its pattern (drawn mostly from behind): the answer turns to the
    # side view, where TrP3 lies, below the front of the crest.
    ("referral:gluteus_medius:trp3", "lateral", [("gluteus_medius", "trp3")]),
    # Marking its zones on the back view: the answer stays with the marks, TrP1 and TrP2 not
    # marked there, and the note links to the side view for TrP3.
    ("zones:gluteus_medius:trp3", "posterior", []),
])
def test_a_card_about_gluteus_medius_trp3_shows_trp3_not_trp1_and_trp2(
        qtbot, catalog: Catalog, settings: QSettings, progress_path: Path, card: str,
        answered_on: str, marks: list[tuple[str, str]]):
    settled = with_trp3_settled(catalog)
    only_due(settled, progress_path, card)
    window = MainWindow(settled, settings, progress_path=progress_path)
    qtbot.addWidget(window)
    window.resize(1320, 860)
    window.show()
    qtbot.waitExposed(window)
    trigger(window, "actionStudy")
    press_button(qtbot, window, "studyStart")
    if card.startswith("zones"):
        assert "Gluteus medius, TrP3" in text(window, "studyPrompt")
    assert window.body_view.view_name == "posterior"  # where most of its pattern is drawn
    press_button(qtbot, window, "studySkip")
    assert window.body_view.view_name == answered_on
    assert shown_marks(window) == marks
    note = child(window, QLabel, "referralElsewhere")
    assert note.isVisible()
    if answered_on == "lateral":
        labels = [catalog.zones[zone].label for zone in ("lumbar_paraspinal_lower", "sacrum")]
        assert note.accessibleName() == f"More referral on the back view: {', '.join(labels)}"
        assert red_zones(window, ("iliac_crest",), "L") == ["iliac_crest"]
        return
    assert note.accessibleName() == "TrP3 is marked on the side view"
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # to the link
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert window.body_view.view_name == "lateral"
    assert shown_marks(window) == [("gluteus_medius", "trp3")]
    assert red_zones(window, ("iliac_crest",), "L") == ["iliac_crest"]
