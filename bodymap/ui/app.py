"""Start the window: the application object, settings identity, data loading."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def run_window(data_dirs: Sequence[Path] = (), *, muscle: str | None = None,
               view: str | None = None, layer: str | None = None) -> int:
    """Open the window; the optional muscle, view and layer override what was remembered."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from bodymap import resources
    from bodymap.model import load_catalog
    from bodymap.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("bodymap")
    app.setApplicationName("bodymap")
    app.setApplicationDisplayName("bodymap")
    icon = resources.asset_path("icon.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    catalog = load_catalog(data_dirs)
    window = MainWindow(catalog)
    if muscle in catalog.muscles:
        window.reveal(muscle)
        window.select_muscle(muscle)
    elif muscle:
        window.statusBar().showMessage(f"No muscle '{muscle}' in the data.", 8000)
    if view:
        window.set_view(view)
    if layer:
        window.set_layer(layer)
    window.show()
    from bodymap.ui.safety import show_disclaimer_if_needed

    show_disclaimer_if_needed(window, catalog, window.settings)  # first run only, remembered
    return app.exec()
