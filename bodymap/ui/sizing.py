"""Sizes: first sizes of windows and dialogs that never exceed the screen they open on, and
layouts settled now rather than a paint later."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

SCREEN_SHARE = 0.92  # of the screen's free area: room for the frame and a glimpse of what is behind
# Rounds of posted layout requests that settle a change: Qt leaves what a round posts (the
# parent's layout, then its parent's) to the next one. A side panel's page keeps its size hints
# (`SteadyPanel`), so a change in it settles inside the page: a label in a box of the pain finder
# (box, finder, page) takes three; five leave room, and an idle round costs nothing.
LAYOUT_LEVELS = 5


def settle_layouts() -> None:
    """Lay out now what changed text or shown widgets asked to be laid out, up to the window:
    where things lie is then known at once, and the next paint draws them there, once."""
    for _round in range(LAYOUT_LEVELS):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class LayoutsFirst(QObject):
    """Settles the layouts before a graphics scene it watches paints the window.

    A scene takes the changes to its items in a call queued for the next round of events, and at
    its end sends its views' window the paint the window was waiting for (QGraphicsScene
    dispatches the views' update requests itself), ahead of the layout requests the same action
    posted. One action that changes the body and a panel's words (a muscle clicked, pain marked,
    a zone marked for a question, a search) would paint the panel first where the last words'
    layout put it, then lay it out and paint it again: a flicker."""

    def watch(self, scene: QObject) -> None:
        scene.installEventFilter(self)  # installed again, a filter is only moved to the front

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MetaCall:  # a queued call: the scene taking its changes
            settle_layouts()
        return False


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
