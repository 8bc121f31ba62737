"""Start the window: the application object, settings identity, data loading."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bodymap.ui.main_window import MainWindow


def open_window(data_dirs: Sequence[Path] = (), *, muscle: str | None = None,
                view: str | None = None, layer: str | None = None) -> MainWindow:
    """Load the data and show the window; the optional muscle, view and layer override what
    was remembered. Returns the shown window; the caller runs the event loop."""
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
    app.setOrganizationName("bodymap")
    app.setApplicationName("bodymap")
    app.setApplicationDisplayName("bodymap")
    icon = resources.asset_path("icon.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow(catalog)
    if muscle in catalog.muscles:
        window.reveal(muscle)
        window.select_muscle(muscle)
    elif muscle:
        from bodymap.model.spelling import meant_id

        close = meant_id(muscle, {m.id: m.name for m in catalog.muscles.values()})
        hint = f"; did you mean '{close}'?" if close else ""
        window.statusBar().showMessage(f"No muscle '{muscle}' in the data{hint or '.'}", 8000)
    if view:
        window.set_view(view)
    if layer:
        window.set_layer(layer)
    window.show()
    return window


def run_window(data_dirs: Sequence[Path] = (), *, muscle: str | None = None,
               view: str | None = None, layer: str | None = None) -> int:
    """Open the window and run the application until it closes."""
    window = open_window(data_dirs, muscle=muscle, view=view, layer=layer)
    from PySide6.QtWidgets import QApplication

    from bodymap.ui.safety import show_disclaimer_if_needed

    show_disclaimer_if_needed(window, window.catalog, window.settings)  # first run only
    return QApplication.instance().exec()
