"""The one place that knows where assets/ and data/ lie.

An installed wheel carries them inside the package (hatch force-include); a source checkout keeps
them at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bodymap's {name}/ folder is missing (looked beside {_PACKAGE})")


def data_dir() -> Path:
    return _find("data")


def assets_dir() -> Path:
    return _find("assets")


def asset_path(name: str) -> Path:
    return assets_dir() / name
