"""Study tests: pure Python, no QApplication, no system clock (see clock.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bodymap.model import Catalog, load_catalog
from bodymap.study import ProgressStore


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "progress.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore.open(db_path) as opened:
        yield opened
