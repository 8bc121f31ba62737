"""The muscle list on the window's left, under its heading: every muscle alphabetically, or the
muscles a search found, best first; the muscle shown highlighted.

A pane of its own so the window deals in muscle ids: what the list shows (`show_only`), which
muscle it highlights (`highlight`), and which a person opened from it (`opened`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Catalog
from bodymap.model.prose import counted
from bodymap.ui.rich_text import caution_box_style, plain_tip

MUSCLE_LIST_MOST = 240  # the muscle list's widest start, in pixels


class MuscleListPane(QWidget):
    """The heading ("Muscles", or what a search matched) over the list (`muscles`, a row per
    muscle holding its id). A row clicked or activated calls `opened` with its muscle's id."""

    def __init__(self, catalog: Catalog, opened: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.muscles = self._build_list()
        self.muscles.itemActivated.connect(lambda item: opened(self._muscle_of(item)))
        self.muscles.itemClicked.connect(lambda item: opened(self._muscle_of(item)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        self.heading = QLabel("Muscles")
        self.heading.setObjectName("muscleListHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setBuddy(self.muscles)
        layout.addWidget(self.heading)
        layout.addWidget(self.muscles)
        self.notice: QFrame | None = None

    def show_notice(self, text: str, open_problems: Callable[[], None]) -> None:
        """An amber notice under the list of what the data's mistakes left out (`text`), with a
        button that opens the Data problems window (`open_problems`)."""
        self.notice = QFrame()
        self.notice.setObjectName("dataProblemsNotice")
        self.notice.setStyleSheet(caution_box_style("dataProblemsNotice"))
        said = QLabel(f"⚠ {text}.")
        said.setWordWrap(True)
        said.setTextFormat(Qt.TextFormat.PlainText)
        show = QPushButton("Show the problems…")
        show.setObjectName("showDataProblems")
        show.clicked.connect(lambda _checked=False: open_problems())
        layout = QVBoxLayout(self.notice)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(said)
        layout.addWidget(show, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout().addWidget(self.notice)

    def _build_list(self) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName("muscleList")
        widget.setAccessibleName("Muscle list")
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        for muscle in sorted(self.catalog.muscles.values(), key=lambda m: m.name.casefold()):
            item = QListWidgetItem(muscle.name)
            item.setData(Qt.ItemDataRole.UserRole, muscle.id)
            item.setToolTip(plain_tip(
                f"{muscle.name}: {counted(len(muscle.trigger_points), 'trigger point')}"))
            widget.addItem(item)
        # As wide as the longest name, within reason: a teacher's pack may name a muscle at
        # length, which is elided (its tooltip says it whole) rather than squeezing the body.
        widget.setMinimumWidth(min(MUSCLE_LIST_MOST, max(160, widget.sizeHintForColumn(0) + 16)))
        return widget

    @staticmethod
    def _muscle_of(item: QListWidgetItem) -> str:
        return item.data(Qt.ItemDataRole.UserRole)

    def highlight(self, muscle_id: str | None) -> None:
        """Highlight a muscle in the list (None: none)."""
        self.muscles.blockSignals(True)
        self.muscles.setCurrentRow(-1)
        for row in range(self.muscles.count()):
            item = self.muscles.item(row)
            if self._muscle_of(item) == muscle_id:
                self.muscles.setCurrentItem(item)
                break
        self.muscles.blockSignals(False)

    def filter(self, text: str) -> None:
        """The muscles a search for `text` finds; every muscle for none."""
        found = [m.id for m in self.catalog.search(text)] if text.strip() else None
        # Say that the list is filtered, and by what (a mistyped word as it was taken): clearing
        # the search box shows all again.
        self.show_only(found, found is not None and (self.catalog.respelled(text)
                                                     or text.strip()))

    def show_only(self, found: list[str] | None, searched: str | bool) -> None:
        """The list of the muscles `found`, best first, the heading saying what they match
        (`searched`); None: every muscle."""
        matches = set(found) if found is not None else None
        self._order(found)
        shown = 0
        for row in range(self.muscles.count()):
            item = self.muscles.item(row)
            hidden = matches is not None and self._muscle_of(item) not in matches
            item.setHidden(hidden)
            shown += not hidden
        current = self.muscles.currentItem()
        if matches is None and current is not None:
            self.muscles.scrollToItem(current)  # the whole list again: the muscle in sight
        else:
            self.muscles.scrollToTop()  # the best match, the one Enter opens
        total = self.muscles.count()
        self.heading.setText(f"Muscles: {shown} of {total} match “{searched}”" if searched
                             else "Muscles")

    def _order(self, found: list[str] | None) -> None:
        """The muscles a search `found` first, in its order: the top one is the one Enter opens
        (the rest, hidden, stay as they are). No search (None): all alphabetically, as built.
        Rows are moved, not taken out and put back, so the current, selected and hidden rows
        stay so; and only those out of place, so a list of a thousand follows the typing."""
        rows = [self._muscle_of(self.muscles.item(row)) for row in range(self.muscles.count())]
        if found is None:
            wanted = sorted(rows, key=lambda m: self.catalog.muscles[m].name.casefold())
        else:
            first = set(found)
            wanted = found + [muscle_id for muscle_id in rows if muscle_id not in first]
        model = self.muscles.model()
        for row, muscle_id in enumerate(wanted):
            if rows[row] != muscle_id:
                now = rows.index(muscle_id, row)
                model.moveRow(QModelIndex(), now, QModelIndex(), row)
                rows.insert(row, rows.pop(now))
