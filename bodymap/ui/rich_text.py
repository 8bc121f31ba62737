"""Small helpers shared by every panel that shows data as rich text.

Kept apart from the dialogs that also use them so that the panels built at start-up do not pull
in the PDF and dialog machinery (see `make bench`).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

# Amber for cautions, shared by the detail panel, the coach and the safety views.
CAUTION_STYLE = "background:#fff3cd; color:#5c3c00; border:1px solid #e0b400;"


def open_web_link(url: QUrl) -> bool:
    """Open web links only; anything else (file:, javascript:, ...) is refused."""
    if url.scheme() in ("http", "https"):
        return QDesktopServices.openUrl(url)
    return False


def bullets(values: Iterable[str]) -> str:
    """Escaped data strings as an HTML list ("None recorded." when there are none)."""
    values = list(values)
    if not values:
        return "<p><i>None recorded.</i></p>"
    return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"
