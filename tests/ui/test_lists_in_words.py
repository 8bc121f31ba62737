"""Lists the window says in a sentence read as a person writes them: "A, B and C"."""

from __future__ import annotations

from helpers.window import click, trigger
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from bodymap.model.prose import listed
from bodymap.ui.main_window import MainWindow


def test_a_list_in_a_sentence_ends_with_and():
    assert listed([]) == ""
    assert listed(["the back view"]) == "the back view"
    assert listed(["the right side view", "the front view"]) == (
        "the right side view and the front view")
    assert listed(["A", "B", "C"]) == "A, B and C"
    assert listed(["A", "B", "C"], "or") == "A, B or C"


def test_the_views_that_draw_a_candidate_are_said_as_a_sentence(qtbot, window: MainWindow):
    # The reviewer's case: pain over the right greater trochanter, marked on the back view.
    # Tensor fasciae latae refers there, but only the side and front views draw the muscle.
    trigger(window, "actionPainMode")
    click(qtbot, window, "greater_trochanter", "R")
    view = window.findChild(QAbstractItemView, "painCandidates")
    row = next(i for i, r in enumerate(window.pain_finder.rows)
               if r.candidate.muscle_id == "tensor_fasciae_latae")
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.detail_panel.muscle_id == "tensor_fasciae_latae"
    assert window.body_view.view_name == "posterior"  # where the marked pain is
    assert window.statusBar().currentMessage() == (
        "Tensor fasciae latae is drawn on the right side view and the front view; this view "
        "shows its referral.")
