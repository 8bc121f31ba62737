"""Driving the window as a person does: actions, clicks at region points, pixels on screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor

from bodymap.ui.main_window import MainWindow


def trigger(window: MainWindow, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def click(qtbot, window: MainWindow, region: str, side: str = "L") -> QPoint:
    view = window.body_view
    point = view.region_point(region, side)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return point


def pixel(window: MainWindow, point: QPoint) -> QColor:
    view = window.body_view
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))
