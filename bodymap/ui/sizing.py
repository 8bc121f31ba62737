"""First sizes of windows and dialogs that never exceed the screen they open on."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.92  # of the screen's free area: room for the frame and a glimpse of what is behind


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width x height, or smaller on a smaller screen (a 1366x768 laptop): a dialog
    taller than the screen hides its buttons."""
    parent = widget.parentWidget()
    screen = (parent or widget).screen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, int(free.width() * SCREEN_SHARE))
        height = min(height, int(free.height() * SCREEN_SHARE))
    widget.resize(width, height)
