"""Short citations, as shown beside every fact in the panels."""

from __future__ import annotations

import pytest

from bodymap.model import Catalog
from bodymap.model.schema import Source


@pytest.mark.parametrize(("authors", "expected"), [
    ("Travell JG, Simons DG", "Travell & Simons 1992"),
    ("Cherkin DC, Sherman KJ, Kahn J", "Cherkin et al. 1992"),
    ("Van der Does E", "Van der Does 1992"),
    ("US Agency for Health Care Policy", "US Agency for Health Care Policy 1992"),
])
def test_short_citation(authors: str, expected: str):
    assert Source("s", authors, 1992, "Title", "Journal").short() == expected


def test_every_builtin_source_has_a_readable_short_citation(catalog: Catalog):
    for source in catalog.sources.values():
        assert source.short().endswith(str(source.year))
        assert len(source.short()) > len(str(source.year)) + 1
