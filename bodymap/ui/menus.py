"""The window's actions and where they are offered: the toolbar, the menus and their keys.

Each action calls one of the window's own methods; the window keeps those it checks and enables
as it goes (`WindowActions`). Help ▸ Keyboard and mouse reads the keys from these menus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from bodymap.diagram import VIEWS
from bodymap.model.prose import side_label
from bodymap.ui.body_scene import OTHER_SIDE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QToolBar

    from bodymap.ui.main_window import MainWindow

# As the diagrams caption them: a bare "Back" on the toolbar read as a browser's Back button.
# The side view shows the side of the muscle shown: its title says which (`view_title`).
VIEW_TITLES = {"posterior": "Back view", "lateral": "Left side view", "anterior": "Front view"}


def view_title(name: str, facing: str = "L") -> str:
    """A view's title as its diagram captions it, the side view's as seen from `facing`."""
    return "Right side view" if name == "lateral" and facing == "R" else VIEW_TITLES[name]


@dataclass(frozen=True)
class WindowActions:
    """The actions the window checks, enables or renames after start-up."""

    views: dict[str, QAction]
    layers: dict[str, QAction]
    modes: dict[str, QAction]
    clear_pain: QAction
    study_check: QAction
    study_end: QAction
    presenter: QAction
    self_care: QAction


def name_side_view(action: QAction, side: str) -> None:
    """The side view's button names the side it shows, and what pressing it again does."""
    title = view_title("lateral", side)
    action.setText(title)
    action.setToolTip(f"{title} ({action.shortcut().toString(QKeySequence.NativeText)}); "
                      f"again for the {side_label(OTHER_SIDE[side])} side")


def build_menus(window: MainWindow, toolbar: QToolBar) -> WindowActions:
    """Make the window's actions, put them on `toolbar` and in the menu bar, and check the ones
    for the view, layer and mode the window starts in."""

    def action(name: str, text: str, shortcut: str | QKeySequence.StandardKey | None,
               slot: Callable, checkable: bool = False,
               group: QActionGroup | None = None) -> QAction:
        # Text set apart: QAction(text, parent) makes PySide6 weigh the QIcon constructors too,
        # building QIcon's 151 theme-icon names (~3 ms of start-up).
        made = QAction(window)
        made.setText(text)
        made.setObjectName(name)
        if shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
            made.setToolTip(f"{text} ({made.shortcut().toString(QKeySequence.NativeText)})")
        made.setCheckable(checkable)
        if group is not None:
            group.addAction(made)
        made.triggered.connect(slot)
        window.addAction(made)
        return made

    def view_chosen(name: str) -> None:
        """A view's button, menu item or key: that view. The side view's, pressed while it is
        shown, turns the body to show the person's other side."""
        if name == window.body_view.view_name and window.body_view.body_scene().view.facing:
            window.turn_around()
        else:
            window.set_view(name)

    def one_of(choices: dict[str, tuple[str, str, str]],
               choose: Callable[[str], None]) -> dict[str, QAction]:
        """Checkable actions of which one is checked: a view, a layer, a mode. `choices`: each
        choice's action name, text and keys."""
        group = QActionGroup(window)
        return {choice: action(name, text, keys, lambda _=False, c=choice: choose(c), True, group)
                for choice, (name, text, keys) in choices.items()}

    body_view = window.body_view
    view_actions = one_of({name: (f"actionView{name.title()}", VIEW_TITLES[name], f"Ctrl+{i}")
                           for i, name in enumerate(VIEWS, start=1)}, view_chosen)
    layer_actions = one_of({"superficial": ("actionLayerSuperficial", "Superficial", "Alt+S"),
                            "deep": ("actionLayerDeep", "Deep", "Alt+D")},
                           lambda layer: window.set_layer(layer))
    mode_actions = one_of({"muscle": ("actionMuscleMode", "Muscle mode", "Ctrl+M"),
                           "pain": ("actionPainMode", "Pain finder", "Ctrl+H")},
                          lambda mode: window.set_mode(mode))
    mode_actions["pain"].setStatusTip(
        "Pain finder: mark where it hurts to see which muscles could be the cause")
    clear = action("actionClearPain", "Clear pain finder", "Ctrl+Shift+H", window.clear_pain)
    clear.setStatusTip("Unmark every zone marked in the pain finder")
    study = action("actionStudy", "Study", "Ctrl+T", window.open_study)
    study.setStatusTip("Quiz yourself on the body; progress is kept for each student")
    # While a question has the body, these keys work there too (the body holds the focus).
    study_check = action("actionStudyCheck", "Check marked zones", "Ctrl+Return",
                         lambda: window.study_panel.check_zones())
    study_end = action("actionStudyEnd", "End study session", "Esc",
                       lambda: window.study_panel.end_session())
    for each in (study_check, study_end):
        each.setEnabled(False)
    zoom_in = action("actionZoomIn", "Zoom in", QKeySequence.StandardKey.ZoomIn,
                     lambda: body_view.zoom_by(1.25))
    zoom_out = action("actionZoomOut", "Zoom out", QKeySequence.StandardKey.ZoomOut,
                      lambda: body_view.zoom_by(0.8))
    fit = action("actionZoomFit", "Fit", "Ctrl+0", body_view.fit)
    zoom_shown = action("actionZoomSelection", "Zoom to selection", "Ctrl+9",
                        body_view.zoom_to_shown)
    zoom_shown.setStatusTip("The selected muscle, its referral and any marked pain, as "
                            "large as they fit")
    presenter = action("actionPresenter", "Presenter mode", "F5", window.presenter.set_on, True)
    presenter.setStatusTip(
        "Full screen, large text and the muscle framed large, for a class; Ctrl+0 shows "
        "the whole body. F5 leaves; so does Esc, once no quiz runs")
    presenter.toggled.connect(body_view.set_presenting)
    # The side panels' tabs, each with the keys in it: the coach's Space, N, T and 0 to 9 were
    # some twenty Tabs away. Ctrl+1 to 3 are the views'.
    pages = {"Muscle": window.detail_panel, "PainFinder": window.pain_page,
             "Coach": window.coach_page, "Study": window.study_page}
    tabs = [action(f"actionTab{name}", f"{window.panels.tabText(window.panels.indexOf(page))} tab",
                   f"Alt+{i}", lambda _=False, p=page: window.show_panel(p))
            for i, (name, page) in enumerate(pages.items(), start=1)]
    find = action("actionFind", "Search", QKeySequence.StandardKey.Find,
                  window.muscle_search.focus)
    export = action("actionExport", "Export image…", "Ctrl+E", window.export_image)
    slide = action("actionExportSlide", "Export slide (16:9)…", "Ctrl+Shift+E",
                   lambda: window.export_image(layout="slide"))
    slide.setStatusTip("The body with the key and the referral in words, for a slide")
    copy = action("actionCopyImage", "Copy image", "Ctrl+Shift+C", window.copy_image)
    copy.setStatusTip("Copy the picture, as exported, to paste into slides or notes")
    problems = action("actionDataProblems", "Data problems…", None, window.show_problems)
    keys = action("actionKeys", "Keyboard and mouse…", QKeySequence.StandardKey.HelpContents,
                  window.show_keys)
    about = action("actionAbout", "About bodymap", None, window.show_about)
    red_flags = action("actionRedFlags", "Red flags", "Alt+R", window.show_red_flags)
    red_flags.setStatusTip("Signs that need a physician, not massage")
    evidence = action("actionEvidence", "Evidence…", None, window.show_evidence)
    self_care = action("actionSelfCare", "Self-care sheet (PDF)…", "Ctrl+P",
                       window.export_self_care)
    self_care.setEnabled(False)
    quit_ = action("actionQuit", "Quit", QKeySequence.StandardKey.Quit, window.close)

    for group in (view_actions, layer_actions, mode_actions):
        toolbar.addActions(list(group.values()))
        toolbar.addSeparator()
    toolbar.addAction(clear)
    toolbar.addSeparator()
    toolbar.addAction(study)
    toolbar.addSeparator()
    toolbar.addAction(red_flags)
    toolbar.addSeparator()
    toolbar.addWidget(window.search_box)

    menu = window.menuBar()
    file_menu = menu.addMenu("&File")
    file_menu.setObjectName("fileMenu")
    file_menu.addActions([export, slide, copy, self_care, problems])
    file_menu.addSeparator()
    file_menu.addAction(quit_)
    view_menu = menu.addMenu("&View")
    view_menu.addActions(list(view_actions.values()))
    view_menu.addSeparator()
    view_menu.addActions(list(layer_actions.values()))
    view_menu.addSeparator()
    view_menu.addActions([zoom_in, zoom_out, fit, zoom_shown, find])
    view_menu.addSeparator()
    view_menu.addActions(tabs)
    view_menu.addSeparator()
    view_menu.addAction(presenter)
    mode_menu = menu.addMenu("&Mode")
    mode_menu.addActions([*mode_actions.values(), clear])
    mode_menu.addSeparator()
    mode_menu.addActions([study, study_check, study_end])
    help_menu = menu.addMenu("&Help")
    help_menu.addActions([keys, red_flags, evidence])
    help_menu.addSeparator()
    help_menu.addAction(about)
    problems.setEnabled(bool(window.catalog.problems))
    view_actions["posterior"].setChecked(True)
    layer_actions["superficial"].setChecked(True)
    mode_actions["muscle"].setChecked(True)
    return WindowActions(views=view_actions, layers=layer_actions, modes=mode_actions,
                         clear_pain=clear, study_check=study_check, study_end=study_end,
                         presenter=presenter, self_care=self_care)
