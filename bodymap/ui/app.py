"""Start the window: the application object, settings identity, data loading."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from bodymap.ui.main_window import MainWindow


def open_window(data_dirs: Sequence[Path] = (), *, muscle: str | None = None,
                view: str | None = None, layer: str | None = None) -> MainWindow:
    """Load the data and show the window; the optional muscle (its id, name or a nickname), view
    and layer override what was remembered. Returns the shown window; the caller runs the event
    loop."""
    with _collecting_after_start():
        return _open_window(data_dirs, muscle=muscle, view=view, layer=layer)


@contextmanager
def _collecting_after_start() -> Iterator[None]:
    """At a process's start (no application object yet), Python's cycle collector is paused
    while the window is built and what was built is then left out of its sweeps (`gc.freeze`).
    A start makes some 44,000 objects the collector tracks, nearly all living as long as the
    process (modules, classes, the data, the widgets' wrappers), and it walked them some eighty
    times: 12-14 ms of a start of about 320, and they would be walked again in every full sweep
    after it. The cycles a start leaves as garbage (about a dozen objects) are kept; reference
    counting frees the rest as ever. A window opened in a process that has an application
    already (tests, a second window) changes nothing."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    starting = gc.isenabled() and (widgets is None or widgets.QApplication.instance() is None)
    if starting:
        gc.disable()
    try:
        yield
    finally:
        if starting:
            gc.freeze()
            gc.enable()


def _open_window(data_dirs: Sequence[Path], *, muscle: str | None, view: str | None,
                 layer: str | None) -> MainWindow:
    # The data first, before PySide6 is imported: PySide6 hooks every later import and reads the
    # module's source to look for `__feature__` use (about 0.15 ms a module), and the model, the
    # diagram and the standard library they need are some forty modules that never use Qt.
    from bodymap.model import load_catalog

    drawn = None
    if data_dirs:  # packs are told what the drawings cannot show; the built-in data is all drawn
        from bodymap.diagram import drawn_ids  # PySide6 with it: only when there are packs

        drawn = drawn_ids()
    catalog = load_catalog(data_dirs, drawn=drawn)

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from bodymap import resources
    from bodymap.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prefer_unshaped_text(app)
    app.setOrganizationName("bodymap")
    app.setApplicationName("bodymap")
    app.setApplicationDisplayName("bodymap")
    icon = resources.asset_path("icon.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow(catalog)
    if muscle:
        _show_muscle(window, muscle)
    if view:
        window.set_view(view)
    if layer:
        window.set_layer(layer)
    window.show()
    return window


def prefer_unshaped_text(app: QApplication) -> None:
    """Lay the windows' text out without OpenType shaping where its script needs none (Latin,
    as all of bodymap's text is; a script that needs shaping is still shaped). A muscle's page
    is laid out in half the time, and painted faster, which is most of a first click on it; what
    is lost is ligatures and kerning from a font's OpenType tables, which body text at screen
    sizes barely shows. Exports keep them (`export_typeset.print_font`)."""
    from PySide6.QtGui import QFont

    font = app.font()
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    app.setFont(font)


def _show_muscle(window: MainWindow, typed: str) -> None:
    """Show the muscle a name typed on the command line stands for (its id, name or nickname, as
    `muscles_named` reads it), drawn where a view and layer show it; else say which file left
    out for its mistakes holds it (`MainWindow.say_not_loaded`), or ask, in the window, which
    muscle it means (`MainWindow.ask_which_muscle`)."""
    from bodymap.model.called import muscles_meant, muscles_named, unloaded_called

    muscles = window.catalog.muscles
    if lost := unloaded_called(muscles, window.catalog.unloaded, typed):
        window.say_not_loaded(typed, lost)  # a pack's muscle whose file has a mistake
        return
    named = muscles_named(muscles, typed)
    if len(named) == 1:
        window.show_muscle(named[0], "L")
        return
    window.ask_which_muscle(typed, named, [] if named else muscles_meant(muscles, typed))


def run_window(data_dirs: Sequence[Path] = (), *, muscle: str | None = None,
               view: str | None = None, layer: str | None = None) -> int:
    """Open the window and run the application until it closes."""
    window = open_window(data_dirs, muscle=muscle, view=view, layer=layer)
    from PySide6.QtWidgets import QApplication

    from bodymap.ui.safety import show_disclaimer_if_needed

    show_disclaimer_if_needed(window, window.catalog, window.settings)  # first run only
    return QApplication.instance().exec()
