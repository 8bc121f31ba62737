"""The study's student row: who is studying (a box of names), a new student, and a menu to
rename or delete one. Progress is kept per student; in the study panel, students are made,
renamed and deleted here.

A widget of its own so the panel deals in the student chosen (`chosen`), not in the dialogs
that ask for a name or confirm a deletion. Errors from the store are said through `said`, on
the panel's message line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from bodymap.study.store import store_errors
from bodymap.ui.student_notes import FIRST_STUDENT

if TYPE_CHECKING:
    from bodymap.study import Profile, ProgressStore


class StudentRow(QWidget):
    """'Student [box] New… ⋯', objectNames `studyProfile`, `studyNewProfile`,
    `studyProfileMenu` (with the actions `studyRenameProfile`, `studyDeleteProfile`)."""

    chosen = Signal(object)  # the student now current: a Profile, or None
    said = Signal(str, bool)  # a message for the panel: (text, is an error); "" clears it
    newRequested = Signal()  # New… pressed: the panel opens the store and calls new_student

    def __init__(self, store: Callable[[], ProgressStore | None],
                 parent: QWidget | None = None) -> None:
        """`store`: the progress store as the panel has it now (None: not open)."""
        super().__init__(parent)
        self._store = store
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("studyProfile")
        self.profile_combo.setAccessibleName("Student")
        self.profile_combo.setPlaceholderText("No student yet")
        self.profile_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile_combo.setMinimumContentsLength(12)
        self.profile_combo.currentIndexChanged.connect(self._on_profile_chosen)
        student = QLabel("&Student")
        student.setBuddy(self.profile_combo)
        tip = "New student: progress is kept per student"
        self.new_profile = QPushButton("New…")
        self.new_profile.setObjectName("studyNewProfile")
        self.new_profile.setToolTip(tip)
        self.new_profile.setAccessibleName("New")
        self.new_profile.setAccessibleDescription(tip)
        self.new_profile.clicked.connect(lambda: self.newRequested.emit())
        # Rename and delete are rare (and delete is drastic): a menu keeps the row narrow.
        self.rename_profile = QAction("Rename student…", self)
        self.rename_profile.setObjectName("studyRenameProfile")
        self.delete_profile = QAction("Delete student…", self)
        self.delete_profile.setObjectName("studyDeleteProfile")
        menu = QMenu(self)
        menu.addAction(self.rename_profile)
        menu.addAction(self.delete_profile)
        self.profile_menu = QToolButton()
        self.profile_menu.setObjectName("studyProfileMenu")
        self.profile_menu.setText("⋯")
        self.profile_menu.setToolTip("Rename or delete this student")
        self.profile_menu.setAccessibleName("Student options")
        self.profile_menu.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.profile_menu.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.profile_menu.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(student)
        row.addWidget(self.profile_combo, 1)
        row.addWidget(self.new_profile)
        row.addWidget(self.profile_menu)

    def set_usable(self, usable: bool, has_profile: bool, busy: bool) -> None:
        """Enable what makes sense: nothing without a store, nothing during a session, rename
        and delete only with a student."""
        for widget in (self.profile_combo, self.new_profile):
            widget.setEnabled(usable and not busy)
        for action in (self.rename_profile, self.delete_profile):
            action.setEnabled(usable and has_profile and not busy)
        self.profile_menu.setEnabled(usable and has_profile and not busy)

    def reload(self, select_id: int | None = None) -> None:
        """Fill the student box from the store and make `select_id` (or the first) current."""
        store = self._store()
        profiles = store.profiles() if store else []
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in profiles:
            self.profile_combo.addItem(profile.name, profile.id)
        ids = [p.id for p in profiles]
        index = ids.index(select_id) if select_id in ids else (0 if ids else -1)
        self.profile_combo.setCurrentIndex(index)
        self.profile_combo.blockSignals(False)
        self.chosen.emit(profiles[index] if index >= 0 else None)

    def _on_profile_chosen(self, index: int) -> None:
        store = self._store()
        if store is None or index < 0:
            return
        try:
            profile = store.profile(self.profile_combo.itemData(index))
        except store_errors() as error:
            self.said.emit(str(error), True)
            self.reload()
            return
        self.chosen.emit(profile)

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return name if ok else None

    def new_student(self, store: ProgressStore) -> Profile | None:
        """Ask for a name and make a new student current (the panel's store, open). The
        first on this laptop is offered the name a first note gives (`FIRST_STUDENT`): a
        student studying alone need not make one up."""
        try:
            first = not store.profiles()
        except store_errors():
            first = False
        name = self._ask_name("New student",
                              "Your name (progress is kept separately for each student):",
                              FIRST_STUDENT if first else "")
        if name is None:
            return None
        try:
            profile = store.create_profile(name)
        except store_errors() as error:
            self.said.emit(str(error), True)
            return None
        self.said.emit("", False)
        self.reload(profile.id)
        return profile

    def rename_student(self, store: ProgressStore, profile: Profile) -> None:
        name = self._ask_name("Rename student", "New name:", profile.name)
        if name is None:
            return
        try:
            renamed = store.rename_profile(profile, name)
        except store_errors() as error:
            self.said.emit(str(error), True)
            return
        self.said.emit("", False)
        self.reload(renamed.id)  # a new name is a new Profile: chosen, profileChanged

    def delete_student(self, store: ProgressStore, profile: Profile) -> None:
        answer = QMessageBox.question(
            self, "Delete student",
            f"Delete {profile.name} with all their answers and notes? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            store.delete_profile(profile)
        except store_errors() as error:
            self.said.emit(str(error), True)
            return
        self.said.emit(f"{profile.name} was deleted.", False)
        self.reload()
