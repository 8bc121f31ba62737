"""Study tests: pure Python, no QApplication, no system clock (see clock.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from bodymap.model import Catalog, load_catalog
from bodymap.study import AnyQuestion, ProgressStore, generate_questions


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def questions(catalog: Catalog) -> list[AnyQuestion]:
    """Every card of the built-in data, as one seed words them."""
    return generate_questions(catalog, random.Random(2025))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "progress.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore.open(db_path) as opened:
        yield opened
