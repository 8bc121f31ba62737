"""Help ▸ Keyboard and mouse, and Help ▸ About: what a newcomer asks first.

The window's own shortcuts are read from its menus, so the list cannot drift from what the keys
do; keys that belong to a panel (the body, the coach, study) are listed here beside them.
"""

from __future__ import annotations

from importlib import metadata

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Catalog
from bodymap.ui.rich_text import escape
from bodymap.ui.sizing import resize_within_screen

Rows = list[tuple[str, str]]

BODY_ROWS: Rows = [
    ("Point at a muscle", "names it (and a zone, with the pain finder on)"),
    ("Click", "shows the muscle on that side; with the pain finder on, marks or unmarks where "
              "it hurts"),
    ("Click a trigger point's X", "shows its referral alone (again, or a click on the muscle: "
                                  "all of them); so does \"only this on the body\" beside it "
                                  "in the panel"),
    ("Mouse wheel", "zooms about the pointer"),
    ("Drag", "moves the body when zoomed in"),
    ("The side view, chosen again", "turns the body to the person's other side"),
    ("Tab", "into the body and on out of it (one stop); the focus ring shows on a region"),
    ("Arrow keys", "move the focus ring to the next region that way on the screen (at the "
                   "body's edge it stays)"),
    ("Home, End", "move the focus ring to the first or last region (top left, bottom right)"),
    ("Enter or Space", "selects the region with the focus ring"),
]
COACH_ROWS: Rows = [
    ("Space", "starts, pauses or resumes the hold"),
    ("R", "resets the hold"),
    ("N or Page Down, P or Page Up", "next or previous step"),
    ("T, Shift+T", "next or previous trigger point"),
    ("0 to 9, arrow keys, Home, End", "set the discomfort the client reports"),
]
STUDY_ROWS: Rows = [
    ("1 to 4", "choose an answer"),
    ("Enter", "starts a session; checks the marked zones; after an answer, the next question"),
    ("Space", "after an answer, the next question"),
    ("Esc", "ends the session (every answer is already saved)"),
]
PRESENTER_ROWS: Rows = [
    ("F5 or Esc", "leaves presenter mode (while a quiz runs, Esc ends the quiz first)"),
    ("Ctrl+0", "the whole body (a selected muscle is framed large while presenting)"),
]


def menu_rows(window: QMainWindow) -> list[tuple[str, Rows]]:
    """(menu title, [(shortcut, what it does)]) for every menu action that has a shortcut."""
    sections = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        rows = [(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                 action.text().replace("&", "").rstrip("…"))
                for action in menu.actions() if not action.shortcut().isEmpty()]
        if rows:
            sections.append((menu_action.text().replace("&", ""), rows))
    return sections


def _section(title: str, rows: Rows) -> str:
    heading = (f"<tr><td colspan='2' style='padding-top:12px'><h3>{escape(title)}</h3></td>"
               "</tr>")
    return heading + "".join(f"<tr><td style='padding-right:18px'><b>{escape(key)}</b></td>"
                             f"<td>{escape(what)}</td></tr>" for key, what in rows)


def keys_html(window: QMainWindow) -> str:
    """One table, so that every section's keys line up in one column."""
    sections = [("On the body", BODY_ROWS),
                *((f"{title} menu", rows) for title, rows in menu_rows(window)),
                ("Technique coach (while it has the focus)", COACH_ROWS),
                ("Study (while a question is asked)", STUDY_ROWS),
                ("Presenter mode", PRESENTER_ROWS)]
    return ("<table cellspacing='2'>" + "".join(_section(t, r) for t, r in sections)
            + "</table>")


class KeysDialog(QDialog):
    """Every key and mouse gesture, in one window that can stay open beside the app."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("keysDialog")
        self.setWindowTitle("Keyboard and mouse")
        self.text = QTextBrowser()
        self.text.setObjectName("keysText")
        self.text.setHtml(keys_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        resize_within_screen(self, 560, 720)


def version() -> str:
    try:
        return metadata.version("bodymap")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def about_html(catalog: Catalog) -> str:
    guidance = catalog.guidance
    disclaimer = f"<p><i>{escape(guidance.disclaimer)}</i></p>" if guidance else ""
    return (
        f"<h3>bodymap {escape(version())}</h3>"
        "<p>A trigger-point body map of the low back and hip, for massage therapists teaching "
        "a class and students learning alone.</p>"
        f"<p>Data loaded: {escape(catalog.summary())}. Every fact names its sources in the "
        "Muscle tab; Help ▸ Evidence says how strong they are.</p>"
        f"{disclaimer}"
        f"<p>PySide6 {escape(PYSIDE_VERSION)} (Qt for Python). MIT licence.</p>"
    )


def show_about(parent: QWidget, catalog: Catalog) -> None:
    QMessageBox.about(parent, "About bodymap", about_html(catalog))
