"""Where a save dialog starts and what it saves to: the folder saved to last, whatever was saved
there (a teacher saves a lesson's pictures, handouts and the class's progress into one folder),
and a name with the type picked.

Qt's own save dialog, the one used on Linux without a desktop portal, does not add the picked
type's suffix to a name typed without one, and a picture's type is read from its suffix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

LAST_FOLDER = "files/lastFolder"
_PATTERN = re.compile(r"\*(\.[\w.]+)")  # "PNG image (*.png)" -> ".png"


def ask_save_path(parent: QWidget, settings: QSettings | None, title: str, file_name: str,
                  types: str) -> Path | None:
    """Ask where to save `file_name`, starting in the folder saved to last; the path, with the
    suffix of the type picked (`typed_path`), or None when the person cancels. Without
    `settings` (a panel on its own) the dialog starts in the home folder."""
    typed, picked = QFileDialog.getSaveFileName(parent, title, start_path(settings, file_name),
                                                types)
    return typed_path(typed, picked, types) if typed else None


def save_as(window: QMainWindow, settings: QSettings, title: str, file_name: str, types: str,
            write: Callable[[Path], None]) -> Path | None:
    """Ask where to save (`ask_save_path`); write there, and say how it went: in a warning, or
    in the window's status bar. The path saved to, if any."""
    path = ask_save_path(window, settings, title, file_name, types)
    if path is None:
        return None
    try:
        write(path)
    except (OSError, ValueError) as error:
        QMessageBox.warning(window, f"{title} failed", str(error))
        return None
    remember_folder(settings, path)
    window.statusBar().showMessage(f"Saved {path}", 5000)
    return path


def start_path(settings: QSettings | None, file_name: str) -> str:
    """The file name offered, in the folder saved to last, else the home folder."""
    last = settings.value(LAST_FOLDER, "") if settings is not None else ""
    folder = Path(str(last or Path.home()))
    return str((folder if folder.is_dir() else Path.home()) / file_name)


def remember_folder(settings: QSettings | None, path: Path) -> None:
    """Call once the file is written: a folder nothing was saved to is not offered again."""
    if settings is not None:
        settings.setValue(LAST_FOLDER, str(path.parent))


def typed_path(typed: str, picked: str, types: str) -> Path:
    """The path a person typed, with the suffix of the type they picked (`picked`, a name
    filter of `types`; the first where the dialog says none) when its name has none of the
    types' suffixes: "handout" saves as "handout.png", "week 3.v2" as "week 3.v2.png"."""
    path = Path(typed)
    offered = [suffix.lower() for suffix in _PATTERN.findall(types)]
    if path.suffix.lower() in offered or not offered:
        return path
    suffix = next(iter(_PATTERN.findall(picked)), offered[0]).lower()
    return path.with_name(path.name.rstrip(".") + suffix)
