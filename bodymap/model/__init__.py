"""The knowledge base, in pure Python (never imports Qt).

    from bodymap.model import load_catalog
    catalog = load_catalog()
"""

from bodymap.model.catalog import Catalog
from bodymap.model.loader import load_catalog, load_dirs
from bodymap.model.pain_sources import Candidate, ZoneMatch
from bodymap.model.problems import Problem

__all__ = ["Candidate", "Catalog", "Problem", "ZoneMatch", "load_catalog", "load_dirs"]
