"""`bodymap --muscle NAME --view V --layer L`: the window opens where it was asked to."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QWidget


def test_the_muscle_asked_for_is_shown(started_as_bodymap):
    window = started_as_bodymap(muscle="piriformis", view="posterior")
    assert window.detail_panel.muscle_id == "piriformis"
    assert window.body_view.layer == "deep"  # piriformis lies under gluteus maximus
    window.body_view.region_point("piriformis", "L")  # drawn and clickable as shown


@pytest.mark.parametrize(("typed", "muscle", "layer"), [
    ("gluteus medius", "gluteus_medius", "superficial"),
    ("Gluteus Medius", "gluteus_medius", "superficial"),
    ("QL", "quadratus_lumborum", "deep"),  # under the paraspinals: the deep layer shows it
    ("piriformus", "piriformis", "deep"),
])
def test_the_muscle_asked_for_by_name_is_shown(started_as_bodymap, typed: str, muscle: str,
                                               layer: str):
    window = started_as_bodymap(muscle=typed)
    assert window.detail_panel.muscle_id == muscle
    name = window.catalog.muscles[muscle].name
    assert window.findChild(QWidget, "detailPanel").isVisible()
    assert window.findChild(QLabel, "detailTitle").text() == f"{name} (left)"
    assert window.findChild(QListWidget, "muscleList").currentItem().text() == name
    assert window.body_view.layer == layer
    window.body_view.region_point(muscle, "L")  # drawn and clickable as shown


def test_a_name_of_no_one_muscle_is_said_with_the_ids_meant(started_as_bodymap):
    for typed, said in (
            ("Paraspinals", "Muscle 'Paraspinals' could be any of 3; did you mean "
             "'iliocostalis_lumborum', 'iliocostalis_thoracis' or 'longissimus_thoracis'?"),
            ("gluteus", "No muscle 'gluteus' in the data; did you mean 'gluteus_medius', "
             "'gluteus_minimus' or 'gluteus_maximus'?"),
            ("sciatica", "No muscle 'sciatica' in the data."),
            ("zzzz", "No muscle 'zzzz' in the data.")):
        window = started_as_bodymap(muscle=typed)
        assert window.detail_panel.muscle_id is None
        assert window.statusBar().currentMessage() == said
        window.close()
