"""Where a save dialog starts and what it saves to: the folder saved to last (a teacher saves a
lesson's pictures one after another into one folder), and a name with the type picked.

Qt's own save dialog, the one used on Linux without a desktop portal, does not add the picked
type's suffix to a name typed without one, and a picture's type is read from its suffix.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings

LAST_FOLDER = "files/lastFolder"
_PATTERN = re.compile(r"\*(\.[\w.]+)")  # "PNG image (*.png)" -> ".png"


def start_path(settings: QSettings, file_name: str) -> str:
    """The file name offered, in the folder saved to last, else the home folder."""
    folder = Path(str(settings.value(LAST_FOLDER, "") or Path.home()))
    return str((folder if folder.is_dir() else Path.home()) / file_name)


def remember_folder(settings: QSettings, path: Path) -> None:
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
