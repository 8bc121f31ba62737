"""A student's notes on the muscles, in the progress file: which student's notes the Muscle tab
shows (the Study tab's, or the one remembered from last time), read and saved as the student
moves from muscle to muscle; and the first student, made for a first note on a laptop where
nobody was set up.

The progress file is opened here, once, when notes or the Study tab first need it, and shared
with the study panel (`progress_store`): a first start that shows no note stays lean.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from bodymap.study import Profile, ProgressStore
    from bodymap.ui.detail_panel import DetailPanel

PROFILE_KEY = "study/profile"
# The student a first note is kept for when nobody has been set up on this laptop: a student
# alone should not have to open the Study tab to write one. Renamed in the Study tab.
FIRST_STUDENT = "Me"


class StudentNotes:
    """Notes for `panel`, the detail panel, kept per student in the file at `progress_path`.
    `say` puts a message in the status bar for some milliseconds; `chosen` tells the Study tab
    of a student made here."""

    def __init__(self, settings: QSettings, progress_path: Path, panel: DetailPanel,
                 say: Callable[[str, int], None], chosen: Callable[[int], None]) -> None:
        self.settings = settings
        self.progress_path = progress_path
        self.panel = panel
        self._say = say
        self._chosen = chosen
        self._store: ProgressStore | None = None
        self._student: Profile | None = None
        self._student_known = False  # False until the remembered student has been looked up

    def progress_store(self) -> ProgressStore:
        """The progress database, opened once; raises StoreError or OSError if it cannot be."""
        if self._store is None:
            from bodymap.study import ProgressStore

            self._store = ProgressStore.open(self.progress_path)
            if self._store.recovery_message:
                self._say(self._store.recovery_message, 15000)
        return self._store

    def close_store(self, *, closed: bool = False) -> None:
        """Let the progress file go; `closed`: the study panel, which shares it, closed it."""
        if self._store is not None and not closed:
            self._store.close()
        self._store = None

    def student_changed(self, profile: Profile | None) -> None:
        """The Study tab chose a student (None: none): from now on, that student's notes."""
        if self._student_known and profile == self._student:
            return  # (the student a first note made, now shown in the Study tab)
        self.panel.save_note()  # a note being typed belongs to the previous student
        self._student, self._student_known = profile, True
        if profile is None:
            self.settings.remove(PROFILE_KEY)
        else:
            self.settings.setValue(PROFILE_KEY, profile.id)
        if self.panel.muscle_id:
            self.show_note(self.panel.muscle_id)

    def student(self) -> Profile | None:
        """The student whose notes are shown: the Study tab's, or the one remembered."""
        if not self._student_known:
            self._student_known = True
            remembered = self.settings.value(PROFILE_KEY)
            if remembered is not None:
                from bodymap.study import ProfileError, StoreError

                try:
                    self._student = self.progress_store().profile(int(remembered))
                except (ProfileError, StoreError, OSError, ValueError):
                    self._student = None  # deleted, or the file cannot be read: no notes
        return self._student

    def show_note(self, muscle_id: str) -> None:
        student = self.student()
        if student is None:
            self.panel.set_note("", FIRST_STUDENT if self._nobody_set_up() else None)
            return
        self.panel.set_note(self.progress_store().note(student, muscle_id), student.name)

    def _nobody_set_up(self) -> bool:
        """Whether no student is kept on this laptop, so a first note makes one (FIRST_STUDENT).
        Where there are students, none of them chosen, a note waits for one to be chosen: it
        would go to whoever came first."""
        if not self.progress_path.exists():
            return True  # (not opened for this: a first start stays lean)
        from bodymap.study import StoreError

        try:
            return not self.progress_store().profiles()
        except (StoreError, OSError):
            return False  # nowhere to keep it; saying so is the Study tab's

    def save_note(self, muscle_id: str, text: str) -> None:
        from bodymap.study import ProfileError, StoreError

        try:
            student = self.student()
            if student is None and text.strip() and self._nobody_set_up():
                student = self._first_student()
            if student is not None:
                self.progress_store().set_note(student, muscle_id, text)
        except (ProfileError, StoreError, OSError) as error:
            self._say(f"Your note could not be saved: {error}", 10000)

    def _first_student(self) -> Profile:
        """Make FIRST_STUDENT, whose notes these are from now on, and say so."""
        student = self.progress_store().create_profile(FIRST_STUDENT)
        self._student, self._student_known = student, True
        self.settings.setValue(PROFILE_KEY, student.id)
        self._chosen(student.id)
        self._say(
            f"Your notes are kept for the student \u201c{student.name}\u201d on this laptop; "
            "the Study tab renames it or adds others.", 15000)
        return student
