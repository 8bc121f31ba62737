"""The study panel's three pages, laid out: the start page, the question page with its
feedback box, and a session's summary. Widgets and how they look only; what a button does, and
when a page shows, the panel decides (views hold layout, the controller behaviour).

Few, strong colours that survive a projector; every state is also said in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bodymap.ui.rich_text import INK, MUTED, at_ends, caption, text_label
from bodymap.ui.study_mastery import MasteryList

DEFAULT_LENGTH = 10
LENGTH_RANGE = (5, 50)
RIGHT = "#2e7d32"
RIGHT_FILL = "#e8f5e9"
WRONG = "#b71c1c"
WRONG_FILL = "#fdecea"
CHOICE_STYLE = "QPushButton { text-align:left; padding:7px 10px; }"
CHOICES = 4


def study_button(text: str, name: str, tip: str) -> QPushButton:
    """A button whose accessible name is its words, the tooltip saying what it does."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleName(text.strip(" .…▶") or tip)
    button.setAccessibleDescription(tip)
    return button


def _scaled(label: QLabel, factor: float, bold: bool = False) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class StartPage(QWidget):
    """What is due, the session's length and start, and the student's progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyStartPage")
        self.counts = text_label("studyCounts")
        self.length = QSpinBox()
        self.length.setObjectName("studyLength")
        self.length.setAccessibleName("Questions per session")
        self.length.setRange(*LENGTH_RANGE)
        self.length.setValue(DEFAULT_LENGTH)
        length_label = QLabel("&Questions per session")
        length_label.setBuddy(self.length)
        self.start_button = study_button("Start session", "studyStart",
                                         "Start a study session (Enter)")
        self.start_note = text_label("studyStartNote")
        self.ahead_button = study_button("Study ahead", "studyAhead",
                                         "Review the cards due soonest, ahead of schedule")
        self.ahead_button.hide()
        start_row = QHBoxLayout()
        start_row.addWidget(length_label)
        start_row.addWidget(self.length)
        start_row.addStretch(1)
        start_row.addWidget(self.start_button)
        ahead_row = QHBoxLayout()
        ahead_row.addWidget(self.start_note, 1)
        ahead_row.addWidget(self.ahead_button, 0, Qt.AlignmentFlag.AlignTop)

        self.overall = text_label("studyOverall")
        self.overall.setAccessibleName("Progress over all cards")
        self.mastery = MasteryList()
        self.show_mastery = study_button("Show on body", "studyShowMastery",
                                         "Colour the muscles on the body by how well "
                                         "you know them")
        self.show_mastery.setCheckable(True)
        self.export_button = study_button("Export progress (CSV)…", "studyExport",
                                          "Save this student's answers as a spreadsheet file")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(caption("Session"))
        layout.addWidget(self.counts)
        layout.addLayout(start_row)
        layout.addLayout(ahead_row)
        layout.addSpacing(8)
        layout.addWidget(caption("Your progress (weakest muscles first)"))
        layout.addWidget(self.overall)
        layout.addWidget(self.mastery, 1)
        layout.addLayout(at_ends(self.show_mastery, self.export_button))


class QuestionPage(QWidget):
    """A question: its number and kind, prompt and hint, up to four choices or the zones
    marked, and after the answer the feedback box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studyQuestionPage")
        self.progress = _scaled(text_label("studyProgress", wrap=False), 1.0, bold=True)
        self.kind_label = caption("")
        self.kind_label.setObjectName("studyKind")
        self.prompt = _scaled(text_label("studyPrompt"), 1.2)
        self.prompt.setAccessibleName("Question")
        self.prompt.setStyleSheet(f"color:{INK};")
        self.hint = text_label("studyHint")
        self.hint.setStyleSheet(f"color:{MUTED};")

        self.choice_buttons: list[QPushButton] = []
        choices = QVBoxLayout()
        choices.setSpacing(4)
        for number in range(1, CHOICES + 1):
            button = study_button("", f"studyChoice{number}", f"Choice {number} (key {number})")
            self.choice_buttons.append(button)
            choices.addWidget(button)

        self.marked_label = text_label("studyMarked")
        self.clear_marks = study_button("Clear marks", "studyClearMarks", "Unmark every zone")
        marks_row = QHBoxLayout()
        marks_row.addWidget(self.marked_label, 1)
        marks_row.addWidget(self.clear_marks, 0, Qt.AlignmentFlag.AlignTop)

        self.skip_button = study_button("Don't know", "studySkip",
                                        "Show the answer; counts as not known")
        self.check_button = study_button("Check", "studyCheck", "Check the marked zones (Enter)")

        self.feedback = QFrame()
        self.feedback.setObjectName("studyFeedback")
        self.verdict = _scaled(text_label("studyVerdict"), 1.15, bold=True)
        self.answer_label = text_label("studyAnswer")
        self.answer_label.setAccessibleName("Answer")
        self.sources_label = text_label("studySources")
        self.sources_label.setStyleSheet(f"color:{MUTED};")
        feedback_layout = QVBoxLayout(self.feedback)
        feedback_layout.setContentsMargins(12, 10, 12, 10)
        feedback_layout.addWidget(self.verdict)
        feedback_layout.addWidget(self.answer_label)
        feedback_layout.addWidget(self.sources_label)

        self.end_button = study_button("End session", "studyEnd",
                                       "End the session now; answers given are kept (Esc)")
        self.next_button = study_button("Next  ▶", "studyNext", "Next question (Enter or Space)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(at_ends(self.progress, self.kind_label))
        layout.addWidget(self.prompt)
        layout.addWidget(self.hint)
        layout.addLayout(choices)
        layout.addLayout(marks_row)
        layout.addLayout(at_ends(self.skip_button, self.check_button))
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        layout.addLayout(at_ends(self.end_button, self.next_button))

    def show_question(self, progress: str, kind: str, prompt: str, hint: str,
                      choices: Sequence[str], zones: bool) -> None:
        """A question waiting: `choices` the labels to pick from (none for a body question),
        `zones` whether it asks for zones marked on the body."""
        self.progress.setText(progress)
        self.kind_label.setText(kind.upper())
        self.prompt.setText(prompt)
        self.hint.setText(hint)
        for number, button in enumerate(self.choice_buttons, start=1):
            button.setStyleSheet(CHOICE_STYLE)
            button.setEnabled(True)
            if number <= len(choices):
                label = choices[number - 1]
                button.setText(f"{number}  {label}")
                button.setAccessibleName(f"{number}: {label}")
            button.setVisible(number <= len(choices))
        self.marked_label.setVisible(zones)
        self.clear_marks.setVisible(zones)
        self.check_button.setVisible(zones)
        self.skip_button.show()
        self.feedback.hide()
        self.next_button.hide()

    def show_marks(self, text: str, any_marked: bool) -> None:
        self.marked_label.setText(text)
        self.clear_marks.setEnabled(any_marked)

    def show_feedback(self, verdict: str, detail: str, sources: str, correct: bool,
                      choice_marks: Sequence[bool | None] = (), last: bool = False) -> None:
        """The feedback box, green or red. `choice_marks`, on a multiple-choice question, one
        per choice: True the right one, False a wrong one picked, None neither; the choices are
        frozen and those two outlined. `last`: the session's last question, so Next leads to
        the results."""
        colour, fill = (RIGHT, RIGHT_FILL) if correct else (WRONG, WRONG_FILL)
        self.verdict.setText(verdict)
        self.verdict.setStyleSheet(f"color:{colour};")
        self.answer_label.setText(detail)
        self.sources_label.setText(sources)
        self.sources_label.setVisible(bool(sources))
        self.feedback.setStyleSheet(
            f"QFrame#studyFeedback {{ background:{fill}; border:1px solid {colour};"
            " border-radius:6px; } QLabel { background:transparent; border:none; }")
        self.feedback.show()
        for mark, button in zip(choice_marks, self.choice_buttons, strict=False):
            button.setEnabled(False)
            if mark is True:
                button.setStyleSheet(CHOICE_STYLE + f" QPushButton {{ color:{INK};"
                                     f" background:{RIGHT_FILL}; border:2px solid {RIGHT}; }}")
            elif mark is False:
                button.setStyleSheet(CHOICE_STYLE + f" QPushButton {{ color:{INK};"
                                     f" background:{WRONG_FILL}; border:2px solid {WRONG}; }}")
        self.skip_button.hide()
        self.check_button.hide()
        self.clear_marks.hide()
        self.next_button.setText("See results  ▶" if last else "Next  ▶")
        self.next_button.show()


class SummaryPage(QWidget):
    """A session's end: the score, notes, what the answers did, and the questions missed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studySummary")
        self.summary_score = _scaled(text_label("studySummaryScore"), 1.45, bold=True)
        self.summary_note = text_label("studySummaryNote")
        self.summary_progress = text_label("studySummaryProgress")
        self.summary_progress.setAccessibleName("What the answers did to your progress")
        self.missed_caption = caption("To go over")
        self.missed = QListWidget()
        self.missed.setObjectName("studyMissed")
        self.missed.setAccessibleName("Questions missed, with the right answers")
        self.missed.setWordWrap(True)  # a row is a question and its answer, in full
        self.missed.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.missed.setAlternatingRowColors(True)
        self.missed.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.again_button = study_button("Study again", "studyAgain",
                                         "Start another session of the same length")
        self.done_button = study_button("Done", "studyDone",
                                        "Back to the start page (Enter or Esc)")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.summary_score)
        layout.addWidget(self.summary_note)
        layout.addWidget(self.summary_progress)
        layout.addWidget(self.missed_caption)
        layout.addWidget(self.missed, 1)
        layout.addStretch(0)  # takes the room when nothing was missed and the list is hidden
        layout.addLayout(buttons)

    def show_session(self, score: str, notes: str, progress: str,
                     missed: Sequence[tuple[str, str]], answered: bool) -> None:
        """`missed`: (the question asked again with its answer, its card id) per miss;
        `answered`: whether any question was answered at all."""
        self.summary_score.setText(score)
        self.summary_note.setText(notes)
        self.summary_note.setVisible(bool(notes))
        self.summary_progress.setText(progress)
        self.summary_progress.setVisible(bool(progress))
        self.missed.clear()
        for text, card_id in missed:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, card_id)
            self.missed.addItem(item)
        self.missed_caption.setText(
            "TO GO OVER" if missed else "NOTHING MISSED" if answered else "")
        self.missed.setVisible(bool(missed))
