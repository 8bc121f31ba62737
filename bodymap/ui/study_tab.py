"""The Study tab in the window: its panel, built when first shown; the question's picture on the
body while the tab is open, and the study's keys while a session runs; a question left waiting
when the student leaves the tab to look a muscle up.

The study panel says what the body should show (`StudyBoard`); this applies it to the window's
body, view and actions, which the panel does not know.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from bodymap.ui.student_notes import PROFILE_KEY

# The study code is loaded when the Study tab is first shown: the first frame shows none of it.
if TYPE_CHECKING:
    import random

    from bodymap.ui.main_window import MainWindow
    from bodymap.ui.study_panel import StudyBoard, StudyPanel
    from bodymap.ui.study_waiting import WaitingQuestion


class StudyTab:
    """What the window does for the study. `rng` orders the questions (seeded by tests)."""

    def __init__(self, window: MainWindow, rng: random.Random | None = None) -> None:
        self.window = window
        self._rng = rng
        self._board: StudyBoard | None = None  # the question's, kept while the tab is left
        self._waiting: WaitingQuestion | None = None  # built when a question first waits

    def build_panel(self) -> StudyPanel:
        from bodymap.ui.study_panel import StudyPanel

        window = self.window
        panel = StudyPanel(window.catalog, window.progress_store, rng=self._rng,
                           settings=window.settings)
        panel.setObjectName("studyPanelContent")  # its page holds the contract name, studyPanel
        panel.boardChanged.connect(self.show_board)
        panel.sessionActiveChanged.connect(self.session_active)
        panel.profileChanged.connect(window.notes.student_changed)
        panel.body_keys = lambda: window.body_view.setFocus(Qt.FocusReason.OtherFocusReason)
        panel.view_shown = lambda: window.body_view.view_name
        panel.viewRequested.connect(window.set_view)
        remembered = window.settings.value(PROFILE_KEY)
        if remembered is not None:
            panel.select_profile(int(remembered))
        return panel

    def select_profile(self, profile_id: int) -> None:
        """Choose a student in the panel, if it is built (else it reads the one remembered)."""
        if self.window.study_page.is_built:
            self.window.study_panel.select_profile(profile_id)

    def session_active(self, active: bool) -> None:
        # The study has the body while a session runs: the mode is the question's, not ours.
        window = self.window
        for action in (*window.mode_actions.values(), window.clear_action):
            action.setEnabled(not active)
        window.study_end_action.setEnabled(active)
        if active:
            window.panels.setCurrentWidget(window.study_page)

    def tab_changed(self) -> None:
        """Leaving the Study tab (to look a muscle up mid-question) gives the body back to the
        explorer, so a question's red is never shown beside another muscle's page; coming back
        shows the question again."""
        window = self.window
        body_view = window.body_view
        studying = window.panels.currentWidget() is window.study_page
        if studying and self._waiting is not None:
            self._waiting.clear()
            window.study_end_action.setEnabled(window.study_panel.active)
        if studying and self._board is not None and body_view.study is None:
            self.show_board(self._board)
        elif not studying and body_view.study is not None:
            prompt = body_view.study.prompt
            body_view.set_study(None)
            # Esc is for the question in sight: one pressed while reading a muscle's page must
            # not end a session the student cannot see.
            window.study_check_action.setEnabled(False)
            window.study_end_action.setEnabled(False)
            # The question's prompt ("Answer 1-4 in the study panel") no longer holds: say
            # instead that it waits, with the way back, until the student takes it.
            if prompt and window.statusBar().currentMessage() == prompt:
                window.statusBar().clearMessage()
            if note := window.study_panel.waiting_note():
                self._waiting_question().show_waiting(note)

    def show_board(self, board: StudyBoard) -> None:
        """Paint what the study asks for, in a view and layer that show it."""
        from bodymap.ui.study_panel import StudyBoard

        window = self.window
        if board == StudyBoard():
            if self._waiting is not None:
                self._waiting.clear()  # the session ended (Esc) while the question waited
            self._board = None
            window.study_check_action.setEnabled(False)
            window.body_view.set_study(None)
            window.statusBar().clearMessage()
            return
        self._board = board
        if window.panels.currentWidget() is not window.study_page:
            return  # shown when the Study tab is opened again
        if board.answer:  # where its TrP is marked, for a card about one
            window.reveal(board.answer, board.trigger_point, board.side)
        elif board.essential or board.spillover:
            window.reveal_zones(board.essential, board.spillover)
        window.body_view.set_study(board)
        window.study_check_action.setEnabled(board.input == "zones")
        if board.prompt:
            window.statusBar().showMessage(board.prompt)

    def _waiting_question(self) -> WaitingQuestion:
        if self._waiting is None:
            from bodymap.ui.study_waiting import WaitingQuestion

            window = self.window
            self._waiting = WaitingQuestion(window.findChild(QAction, "actionStudy"),
                                            window.panels, window.study_page)
            window.statusBar().addPermanentWidget(self._waiting)
        return self._waiting
