"""Model tests: pure Python, no QApplication."""

from __future__ import annotations

import pytest

from bodymap.model import Catalog, load_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
