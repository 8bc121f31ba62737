"""The study panel: quizzes asked on the body itself, spaced repetition, progress per student.

The panel owns the study; the window owns the body. Whenever what the body should show changes,
the panel emits a `StudyBoard`; the window paints it and forwards the student's body clicks
through `body_clicked` (locate questions) and `zone_toggled` (zone questions). `StudyBoard()`
means "back to normal"; any other board means the study has the body (so the window should hide
the student's own selection, which could give an answer away).

A zone question is asked where its zones can be marked: the panel asks for the view drawing most
of them (`viewRequested`), once, when the question is put, and the question names every view
holding some of them. The marks are the panel's, so switching views mid-question keeps them.

Keyboard (while the focus is in the panel): 1-4 pick a choice, Enter checks marked zones and goes
on from feedback (Space too), Esc ends a session early (answers given so far are kept), Enter on
the start page starts a session. Enter on a focused button presses it.

The progress store is opened on first use (first show or first call that needs it), never while
the window is being built, so start-up stays fast. Text from data is shown as plain text.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bodymap.study import StudySession, feedback, progress_words, summary
from bodymap.study.names import muscle_name
from bodymap.study.prompts import hint, marks_text
from bodymap.study.questions import is_choice, is_locate, is_zones
from bodymap.study.scheduler import DEFAULT_INTERVALS
from bodymap.study.store import store_errors
from bodymap.study.summary import Outcome
from bodymap.ui.save_dialog import ask_save_path, remember_folder
from bodymap.ui.study_board import StudyBoard, answer_board, question_board
from bodymap.ui.study_notices import MessageLine, RecoveryWarning
from bodymap.ui.study_pages import (
    DEFAULT_LENGTH,
    QuestionPage,
    StartPage,
    SummaryPage,
)
from bodymap.ui.study_students import StudentRow

if TYPE_CHECKING:
    # The panel itself is loaded only when the Study tab is first shown, which opens the store
    # at once: the study's wording is imported with it; these only name types.
    from bodymap.model import Catalog
    from bodymap.study import (
        AnyQuestion,
        Grade,
        Profile,
        Progress,
        ProgressStore,
    )

CHOICE_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
KIND_TITLES = {
    "referral": "Referral pattern",
    "locate": "Find the muscle",
    "zones": "Mark the referral",
    "mimic": "Often mistaken for",
    "symptom": "Symptom",
}



# -- the panel ------------------------------------------------------------------------------------
class StudyPanel(QWidget):
    """Study sessions on the body, with a progress store shared by several students.

    A session with no student yet asks for a name first (rather than creating an anonymous
    "Student"): on a shared laptop, progress filed under a made-up name would mix classmates'
    answers, and renaming afterwards is easy to forget.
    """

    boardChanged = Signal(object)  # a StudyBoard; StudyBoard() = back to normal
    viewRequested = Signal(str)  # turn the body to this view (a zone question's)
    sessionActiveChanged = Signal(bool)
    profileChanged = Signal(object)  # the current Profile, or None

    def __init__(self, catalog: Catalog, open_store: Callable[[], ProgressStore], *,
                 clock: Callable[[], datetime] | None = None,
                 rng: random.Random | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        """`settings`: where the progress export remembers the folder saved to last."""
        super().__init__(parent)
        self.setObjectName("studyPanel")
        self.setAccessibleName("Study")
        # Click focus only: the panel takes the keys for body questions, Tab skips it.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.catalog = catalog
        self._open_store = open_store
        self._clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self._rng = rng or random.Random()
        self._settings = settings
        self._store: ProgressStore | None = None
        self._open_failed = False
        self._pending_profile: int | None = None
        self._profile: Profile | None = None
        self._session: StudySession | None = None
        self._board = StudyBoard()
        # The running session.
        self._active = False
        self._ahead = False
        self._length = DEFAULT_LENGTH
        self._results: list[Outcome] = []
        self._question: AnyQuestion | None = None
        self._answered = False
        self._marked: set[tuple[str, str | None]] = set()
        self._views: tuple[str, ...] = ()  # where a zone question's zones are drawn, main first
        self._clicked_side: str | None = None  # the side of the body click that answered
        self._end_note = ""
        # Set by the window: gives the body the keyboard for locate and zone questions. Without
        # it (the panel alone) the panel keeps the keys: Enter checks, Esc ends.
        self.body_keys: Callable[[], None] | None = None
        # Set by the window: the view the body shows now. Without it, none is known.
        self.view_shown: Callable[[], str | None] = lambda: None
        self._build()
        self._refresh_start()

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        # A damaged file moved aside: said once, prominently, until the student dismisses it.
        self.warning_box = RecoveryWarning()
        self.notice = MessageLine()
        self.notice.retry.clicked.connect(lambda: self.retry_open())

        self.students = StudentRow(lambda: self._store)
        self.students.chosen.connect(self._set_profile)
        self.students.said.connect(lambda text, error: self._say(text, error=error))
        self.students.newRequested.connect(lambda: self.new_student())
        self.students.rename_profile.triggered.connect(lambda: self.rename_student())
        self.students.delete_profile.triggered.connect(lambda: self.delete_student())

        self.pages = QStackedWidget()
        self.pages.setObjectName("studyPages")
        self.start_page = StartPage()
        self.question_page = QuestionPage()
        self.summary_page = SummaryPage()
        for page in (self.start_page, self.question_page, self.summary_page):
            self.pages.addWidget(page)
        self._connect_pages()

        layout = QVBoxLayout(self)
        layout.addWidget(self.warning_box)
        layout.addWidget(self.notice)
        layout.addWidget(self.students)
        layout.addWidget(self.pages, 1)

    def _connect_pages(self) -> None:
        """What the pages' buttons do."""
        start, asking, end = self.start_page, self.question_page, self.summary_page
        for button, slot in (
                (start.start_button, self.start_session),
                (start.ahead_button, lambda: self.start_session(ahead=True)),
                (start.show_mastery, self._on_show_mastery),
                (start.export_button, self.export_progress),
                (asking.clear_marks, self._clear_marks),
                (asking.skip_button, self.skip),
                (asking.check_button, self.check_zones),
                (asking.end_button, self.end_session),
                (asking.next_button, self.next_question),
                (end.again_button, self.study_again),
                (end.done_button, self.done)):
            button.clicked.connect(lambda _=False, slot=slot: slot())
        for index, button in enumerate(asking.choice_buttons):
            button.clicked.connect(lambda _=False, n=index: self.choose(n))

    # -- public seam ---------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """A session is running (from its first question until the summary)."""
        return self._active

    @property
    def store(self) -> ProgressStore | None:
        """The progress store, opened on first use; None when it cannot be opened."""
        return self._ensure_store()

    @property
    def board(self) -> StudyBoard:
        """What the body should show now (the last board emitted)."""
        return self._board

    def waiting_note(self) -> str:
        """What waits here while the student looks something up on another tab, for the window
        to say beside its way back; "" when no session runs."""
        if not self._active:
            return ""
        if self._answered:
            return (f"Study: question {len(self._results)} of {self._length} is answered; "
                    "the next is waiting.")
        return f"Study: question {len(self._results) + 1} of {self._length} is waiting."

    def current_profile(self) -> Profile | None:
        """The student studying now (opens the store on first use)."""
        self._ensure_store()
        return self._profile

    def select_profile(self, profile_id: int | None) -> None:
        """Make a profile current (the window restores the last one); before the store is open
        this is remembered and applied on opening, so restoring never opens the store early."""
        if self._store is None:
            self._pending_profile = profile_id
            return
        if self._active:
            return
        self.students.reload(profile_id)

    def body_clicked(self, muscle_id: str, side: str) -> None:
        """A click on a muscle while the board asks for one: the answer to a locate question."""
        if self._asking(is_locate):
            self._answer(muscle_id, side=side)

    def zone_toggled(self, zone_id: str, side: str | None) -> None:
        """A click on a zone while the board asks for zones: mark it, or unmark it."""
        if not self._asking(is_zones):
            return
        zone = self.catalog.zones.get(zone_id)
        if zone is not None and zone.midline:
            side = None  # a midline zone is one zone, whichever half was clicked
        mark = (zone_id, side)
        if mark in self._marked:
            self._marked.remove(mark)
        else:
            self._marked.add(mark)
        self._show_marked()
        self._show_question_board()

    def retry_open(self) -> None:
        """Try the progress file again after it could not be opened."""
        self._open_failed = False
        self._ensure_store()

    def close_store(self) -> None:
        """End any session and close the progress file (the window calls this on quitting)."""
        if self._active:
            self._finish()
        if self._store is not None:
            self._store.close()
        self._store = None
        self._session = None
        self._open_failed = False

    # -- the store -----------------------------------------------------------------------------
    def _ensure_store(self) -> ProgressStore | None:
        if self._store is None and not self._open_failed:
            self._open()
        return self._store

    def _open(self) -> None:
        try:
            store = self._open_store()
        except store_errors() as error:
            self._open_failed = True
            self._say(f"Study progress cannot be opened, so studying is off for now. {error}",
                      error=True)
            self.notice.offer_retry(True)
            self._refresh_start()
            return
        self._store = store
        self.notice.offer_retry(False)
        self._say("")
        if store.recovery_message:
            self.warning_box.show_warning(store.recovery_message)
        pending, self._pending_profile = self._pending_profile, None
        self.students.reload(pending)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._store is None:
            self._ensure_store()
        elif not self._active and self.pages.currentWidget() is self.start_page:
            self._refresh_start()  # cards fall due while the panel is hidden

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_store()
        super().closeEvent(event)

    def _say(self, text: str, *, error: bool = False) -> None:
        """A one-line message above the student row (errors in red), or none."""
        self.notice.say(text, error=error)

    # -- students ------------------------------------------------------------------------------
    def _set_profile(self, profile: Profile | None) -> None:
        if profile == self._profile:
            self._refresh_start()
            return
        self._profile = profile
        self._session = None  # a session holds one student's history
        self._refresh_start()
        self.profileChanged.emit(profile)
        if self.start_page.show_mastery.isChecked():
            self._on_show_mastery()

    def new_student(self) -> Profile | None:
        """Ask for a name and make a new student current."""
        store = self._ensure_store()
        if store is None or self._active:
            return None
        return self.students.new_student(store)

    def rename_student(self) -> None:
        store, profile = self._store, self._profile
        if store is None or profile is None or self._active:
            return
        self.students.rename_student(store, profile)

    def delete_student(self) -> None:
        store, profile = self._store, self._profile
        if store is None or profile is None or self._active:
            return
        self.students.delete_student(store, profile)

    def _study_session(self) -> StudySession | None:
        if self._session is None and self._store is not None and self._profile is not None:
            self._session = StudySession(self.catalog, self._store, self._profile, self._rng)
        return self._session

    # -- start page ----------------------------------------------------------------------------
    def _refresh_start(self) -> None:
        """Counts, what can start now, mastery, and which controls make sense."""
        usable = self._store is not None
        has_profile = self._profile is not None
        self.students.set_usable(usable, has_profile, self._active)
        self.start_page.export_button.setEnabled(usable and has_profile)
        self.start_page.show_mastery.setEnabled(usable and has_profile)
        self.start_page.ahead_button.hide()
        self.start_page.start_note.clear()
        self.start_page.start_button.setEnabled(usable)
        if not usable:
            self.start_page.counts.setText("Study progress is not available.")
            self._fill_progress({})
            return
        session = self._study_session()
        if session is None:
            self.start_page.counts.setText(
                "Add a student to begin: progress is kept for each student.")
            self._fill_progress({})
            return
        now = self._clock()
        try:
            counts = session.counts(now)
            waiting = session.next_question(now) is None
            progress = session.progress()
        except store_errors() as error:
            self._say(str(error), error=True)
            return
        self.start_page.counts.setText(
            f"{counts.due} due now · {counts.new_allowed_today} new to learn today · "
            f"{counts.new} not seen yet")
        self._fill_progress(progress)
        if not session.questions:
            self.start_page.start_button.setEnabled(False)
            self.start_page.start_note.setText("The data holds no study questions.")
        elif waiting:
            # Start stays enabled: the note may be stale by the time it is pressed, and
            # pressing it checks again.
            self.start_page.start_note.setText(progress_words.nothing_due_text(counts, now))
            self.start_page.ahead_button.show()

    def _fill_progress(self, progress: Mapping[str, Progress]) -> None:
        """The overall line and one row per muscle, weakest first: '2 of 6' cards right last
        time, the bar dark for the learned ones, the tooltip in words."""
        self.start_page.overall.setText(self.overall_text(progress))
        self.start_page.overall.setVisible(bool(progress))
        self.start_page.mastery.show_progress(progress, partial(muscle_name, self.catalog),
                                              self._intervals())

    def overall_text(self, progress: Mapping[str, Progress]) -> str:
        """All cards in one line or two: what was seen, how it went, what is learned."""
        return progress_words.overall_text(progress, self._intervals())

    def _intervals(self) -> tuple[timedelta, ...]:
        session = self._session
        if session is not None:
            return session.scheduler.intervals
        return DEFAULT_INTERVALS

    def _on_show_mastery(self) -> None:
        session = self._study_session()
        if not self.start_page.show_mastery.isChecked() or session is None or self._active:
            self.start_page.show_mastery.setChecked(False)
            self._set_board(StudyBoard())
            return
        assert self._profile is not None
        try:
            mastery = session.mastery()
        except store_errors() as error:
            self._say(str(error), error=True)
            return
        self._set_board(StudyBoard(
            mastery=MappingProxyType(dict(mastery)),
            prompt=f"Colour shows how well {self._profile.name} knows each muscle: grey until a "
                   "card is answered right, then a green that deepens as its cards are learned."))

    def export_progress(self) -> None:
        """Save the current student's answers as CSV, where the student chooses."""
        store, profile = self._store, self._profile
        if store is None or profile is None:
            return
        slug = "-".join(profile.name.split()) or "student"
        target = ask_save_path(self, self._settings, "Export progress",
                               f"bodymap-progress-{slug}.csv", "CSV file (*.csv)")
        if target is None:
            return
        try:
            rows = store.export_csv(profile, target)
        except (*store_errors(), ValueError) as error:
            self._say(f"The progress could not be exported: {error}", error=True)
            return
        remember_folder(self._settings, target)
        self._say(f"Saved {rows} answer{'s' if rows != 1 else ''} to {target}.")

    # -- the session ---------------------------------------------------------------------------
    def start_session(self, *, ahead: bool = False) -> bool:
        """Start a session of the chosen length; with `ahead`, study cards not yet due.

        Without a student, asks for a name first. False when nothing could start.
        """
        if self._active or self._ensure_store() is None:
            return False
        if self._profile is None and self.new_student() is None:
            return False
        session = self._study_session()
        if session is None:
            return False
        question = session.next_question(self._clock(), ahead=ahead)
        if question is None:
            self._refresh_start()
            return False
        self._say("")
        if self.start_page.show_mastery.isChecked():
            self.start_page.show_mastery.setChecked(False)
        self._active = True
        self._ahead = ahead
        self._length = self.start_page.length.value()
        self._results = []
        self._end_note = ""
        self._refresh_start()
        self.pages.setCurrentWidget(self.question_page)
        self.sessionActiveChanged.emit(True)
        self._ask(question)
        return True

    def study_again(self) -> None:
        if not self.start_session(ahead=self._ahead):
            self.done()

    def next_question(self) -> None:
        """After feedback: the next question, or the summary when the session is complete."""
        if not self._active or not self._answered:
            return
        if len(self._results) >= self._length:
            self._finish()
            return
        session = self._study_session()
        now = self._clock()
        question = None if session is None else session.next_question(now, ahead=self._ahead)
        if question is None:
            self._end_note = "That was every card due now, so the session ended early."
            if session is not None:
                self._end_note += " " + progress_words.nothing_due_text(session.counts(now), now)
            self._finish()
            return
        self._ask(question)

    def end_session(self) -> None:
        """End the session now (Esc): answers already given are kept; on to the summary."""
        if not self._active:
            return
        if self._results and len(self._results) < self._length:
            self._end_note = f"Ended early, after {len(self._results)} of {self._length}."
        self._finish()

    def done(self) -> None:
        """Leave the summary: back to the start page and a normal body."""
        if self._active:
            self._finish()
        self.pages.setCurrentWidget(self.start_page)
        self._refresh_start()
        self._set_board(StudyBoard())
        self._focus(self.start_page.start_button)

    def choose(self, index: int) -> None:
        """Pick choice `index` (0-based) of a multiple-choice question."""
        question = self._question
        if not self._asking(is_choice) or not is_choice(question) or not (
                0 <= index < len(question.choices)):
            return
        self._answer(question.choices[index].key)

    def skip(self) -> None:
        """"Don't know": show the answer, and record it as not known."""
        if self._active and not self._answered and self._question is not None:
            self._answer(() if is_zones(self._question) else None)

    def check_zones(self) -> None:
        if self._asking(is_zones):
            # Head to foot, as zones.yaml lists them: the order the feedback names them in.
            order = {zone: n for n, zone in enumerate(self.catalog.zones)}
            self._answer(tuple(sorted({zone for zone, _ in self._marked},
                                      key=lambda zone: (order.get(zone, len(order)), zone))))

    def _asking(self, kind: Callable[[AnyQuestion | None], bool]) -> bool:
        """A question of this kind waits for its answer."""
        return self._active and not self._answered and kind(self._question)

    # -- asking --------------------------------------------------------------------------------
    def _ask(self, question: AnyQuestion) -> None:
        self._question = question
        self._answered = False
        self._clicked_side = None
        self._marked = set()
        # Chosen once, from the view on screen as the question is put: a view switched to
        # mid-question must not change what the question says.
        self._views = question.answer_views(self.view_shown()) if is_zones(question) else ()
        choices = question.choices if is_choice(question) else ()
        self.question_page.show_question(
            f"Question {len(self._results) + 1} of {self._length}",
            KIND_TITLES.get(question.kind, question.kind), question.prompt,
            hint(question, self._views), [choice.label for choice in choices],
            is_zones(question))
        self._show_marked()
        self._show_question_board()
        if self._views:
            self._show_view(self._views[0])
        # Keys must reach the panel: the first choice, or the panel itself for body questions.
        if choices or self.body_keys is None:
            self._focus(self.question_page.choice_buttons[0] if choices else self)
        else:
            self.body_keys()  # a body question: the arrows and Enter belong to the body

    def _show_marked(self) -> None:
        self.question_page.show_marks(marks_text(self.catalog, self._marked), bool(self._marked))

    def _clear_marks(self) -> None:
        if self._asking(is_zones):
            self._marked.clear()
            self._show_marked()
            self._show_question_board()

    def _show_question_board(self) -> None:
        """The board while a question waits for its answer: never the answer itself."""
        self._set_board(question_board(self._question, self._views, frozenset(self._marked)))

    # -- answering -----------------------------------------------------------------------------
    def _answer(self, response: str | tuple[str, ...] | None, *, side: str | None = None) -> None:
        """Grade and record the answer (once), then show the feedback and reveal the answer."""
        question = self._question
        session = self._study_session()
        if question is None or session is None or self._answered:
            return
        self._answered = True  # before recording: a second click must never record twice
        self._clicked_side = side
        answered_on = self.view_shown()
        saved = True
        try:
            grade = session.answer(question, response, self._clock())
        except store_errors() as error:
            # Keep studying: the answer is graded and shown, only not kept.
            saved = False
            if is_zones(question):
                grade = question.grade(response or ())
            else:
                grade = question.grade(response if isinstance(response, str) else None)
            self._say(f"This answer could not be saved: {error}", error=True)
        self._results.append(Outcome(question, response, grade, saved))
        self._show_feedback(question, response, grade)
        self._show_answer_board(question, grade, side)
        if is_zones(question) and self._views:
            # The window turns to the muscle to outline it, but the feedback says the marks
            # and the pattern are on the body: stay where the student worked if that view
            # draws some of the answer (rectus abdominis is drawn in front, its zones behind).
            drawn = {view for view, _zones in question.drawn}
            self._show_view(answered_on if answered_on in drawn else self._views[0])
        self._focus(self.question_page.next_button)

    def _show_feedback(self, question: AnyQuestion, response: str | tuple[str, ...] | None,
                       grade: Grade) -> None:
        verdict, detail = feedback.judgement(self.catalog, question, response, grade,
                                             outlined_side=self._reveal_side(question, grade))
        marks = [True if choice.key == question.answer else False if choice.key == response
                 else None for choice in question.choices] if is_choice(question) else []
        self.question_page.show_feedback(
            verdict, detail, feedback.sources_text(self.catalog, question), grade.correct,
            marks, last=len(self._results) >= self._length)

    def _reveal_side(self, question: AnyQuestion, grade: Grade) -> str:
        """The side to outline a revealed muscle on: the side clicked (the side view turns to
        it), else the left."""
        return self._clicked_side or "L"

    def answer_text(self, question: AnyQuestion) -> str:
        """The right answer in words, as the feedback and the summary say it."""
        return feedback.answer_text(self.catalog, question)

    def _show_answer_board(self, question: AnyQuestion, grade: Grade, side: str | None) -> None:
        """Reveal the answer on the body: the muscle outlined, its zones painted."""
        response = self._results[-1].response if self._results else None
        self._set_board(answer_board(self.catalog, question, response, grade,
                                     frozenset(self._marked), side,
                                     self._reveal_side(question, grade)))

    # -- the summary ---------------------------------------------------------------------------
    def _finish(self) -> None:
        """End the running session: summary page, normal body, session inactive."""
        self._active = False
        self._question = None
        self._answered = False
        self._marked = set()
        results = self._results
        missed = [(summary.missed_text(self.catalog, r.question), r.question.card_id)
                  for r in results if not r.grade.correct]
        self.summary_page.show_session(
            summary.score_text(results), summary.notes_text(results, self._end_note),
            self.session_progress_text(results), missed, answered=bool(results))
        self.pages.setCurrentWidget(self.summary_page)
        self._refresh_start()
        self._set_board(StudyBoard())
        self.sessionActiveChanged.emit(False)
        self._focus(self.summary_page.done_button)

    def session_progress_text(self, results: list[Outcome]) -> str:
        """What a session's answers did, honest about spaced repetition: a right answer is not
        yet a learned card; it comes back later to check it has stuck."""
        if not results:
            return ""
        session = self._session
        progress = session.progress() if session is not None else {}
        return summary.session_progress_text(results, self._intervals(), progress)

    # -- keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl/Alt/Meta: the window's shortcuts (Alt+D, Ctrl+1, ...)
        key = Qt.Key(event.key())
        page = self.pages.currentWidget()
        if key == Qt.Key.Key_Escape:
            if self._active:
                self.end_session()
            elif page is self.summary_page:
                self.done()
            else:
                return False
        elif key in ENTER_KEYS and self._press_focused_button():
            pass
        elif page is self.question_page and self._active and not self._answered:
            if key in CHOICE_KEYS and is_choice(self._question):
                self.choose(CHOICE_KEYS[key])
            elif key in ENTER_KEYS and is_zones(self._question):
                self.check_zones()
            else:
                return False
        elif page is self.question_page and self._answered and (
                key in ENTER_KEYS or key == Qt.Key.Key_Space):
            self.next_question()
        elif page is self.start_page and key in ENTER_KEYS and (
                self.start_page.start_button.isEnabled()):
            self.start_session()
        elif page is self.summary_page and key in ENTER_KEYS:
            self.done()
        else:
            return False
        event.accept()
        return True

    def _press_focused_button(self) -> bool:
        """Enter on a focused button presses it, as in a dialog."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QPushButton) and self.isAncestorOf(focused) and (
                focused.isVisible() and focused.isEnabled()):
            focused.click()
            return True
        return False

    def _focus(self, widget: QWidget) -> None:
        # Only inside a visible panel: an offscreen or hidden panel must not grab focus.
        if self.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- helpers -------------------------------------------------------------------------------
    def _show_view(self, name: str) -> None:
        if name != self.view_shown():
            self.viewRequested.emit(name)

    def _set_board(self, board: StudyBoard) -> None:
        if board != self._board:
            self._board = board
            self.boardChanged.emit(board)
