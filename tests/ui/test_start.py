"""`bodymap --muscle ID --view V --layer L`: the window opens where it was asked to."""

from __future__ import annotations


def test_the_muscle_asked_for_is_shown(started_as_bodymap):
    window = started_as_bodymap(muscle="piriformis", view="posterior")
    assert window.detail_panel.muscle_id == "piriformis"
    assert window.body_view.layer == "deep"  # piriformis lies under gluteus maximus
    window.body_view.region_point("piriformis", "L")  # drawn and clickable as shown


def test_a_mistyped_muscle_is_said_with_the_id_meant(started_as_bodymap):
    for typed, meant in (("gluteus_medeus", "gluteus_medius"),
                         ("Gluteus medius", "gluteus_medius")):
        window = started_as_bodymap(muscle=typed)
        assert window.detail_panel.muscle_id is None
        assert window.statusBar().currentMessage() == (
            f"No muscle '{typed}' in the data; did you mean '{meant}'?")
        window.close()
    window = started_as_bodymap(muscle="zzzz")
    assert window.statusBar().currentMessage() == "No muscle 'zzzz' in the data."
