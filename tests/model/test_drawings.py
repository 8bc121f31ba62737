"""What a pack defines that the built-in drawings cannot show: a muscle with no shape gets a note
(it is allowed), a zone with no shape a warning (it is never painted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.packs import VALID_MUSCLE, write_pack

from bodymap.model import Catalog, load_catalog
from bodymap.model.drawings import Drawn

ZONES = """\
zones:
  - id: heel
    label: Heel
    views: [lateral]
  - id: back_of_leg
    label: Back of the leg
    parts: [posterior_thigh_upper, posterior_knee]
"""


@pytest.fixture(scope="module")
def drawn(catalog: Catalog) -> Drawn:
    """As the diagram reports it: the built-in data is drawn whole (tests/diagram checks it)."""
    return {"muscle": set(catalog.muscles),
            "zone": {zone_id for zone_id, zone in catalog.zones.items() if not zone.is_group}}


def test_a_pack_muscle_with_no_shape_loads_with_a_note(tmp_path: Path, drawn: Drawn):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    catalog = load_catalog([pack], drawn=drawn)
    (note,) = catalog.problems
    assert note.note
    assert str(note) == (
        f"{pack / 'muscles' / 'pack_muscle.yaml'}:1:5: note: muscle 'pack_muscle' has no shape "
        "in the body drawings, which a pack cannot add: it is listed, found by search and its "
        "referral is painted, but it cannot be clicked on the body and its trigger points are "
        "not marked on it")
    assert "pack_muscle" in catalog.muscles and not catalog.skipped_files


def test_a_pack_zone_with_no_shape_is_warned_at_its_id(tmp_path: Path, drawn: Drawn):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE.replace(
        "essential: [buttock]", "essential: [heel, back_of_leg]")})
    (pack / "zones.yaml").write_text(ZONES, encoding="utf-8")
    catalog = load_catalog([pack], drawn=drawn)
    warnings = [p for p in catalog.problems if not p.note]
    assert [str(p) for p in warnings] == [
        f"{pack / 'zones.yaml'}:2:9: zone 'heel' has no shape in the body drawings, so it is "
        "never painted and cannot be marked (a pack cannot add drawings): use a zone the "
        "drawings have, or make 'heel' a group of them ('parts:' in place of 'views:')"]
    assert "heel" in catalog.zones and not catalog.skipped_files  # a warning: it still loads
