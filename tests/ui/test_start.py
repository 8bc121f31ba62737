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
    ("longissimus", "longissimus_thoracis", "superficial"),  # a word of its name alone
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
            # A word of three names: each is offered, none taken.
            ("gluteus", "Muscle 'gluteus' could be any of 3; did you mean 'gluteus_maximus', "
             "'gluteus_medius' or 'gluteus_minimus'?"),
            ("glutes medial", "No muscle 'glutes medial' in the data; did you mean "
             "'gluteus_medius', 'gluteus_minimus' or 'gluteus_maximus'?"),
            ("sciatica", "No muscle 'sciatica' in the data."),
            ("zzzz", "No muscle 'zzzz' in the data.")):
        window = started_as_bodymap(muscle=typed)
        assert window.detail_panel.muscle_id is None
        assert window.statusBar().currentMessage() == said
        window.close()


@pytest.mark.parametrize(("argv", "muscle", "said"), [
    # A word of one muscle's name, and of no other's: that muscle.
    (["--muscle", "longissimus"], "longissimus_thoracis", None),
    # A word of two: neither is guessed; both are offered.
    (["--muscle", "lumborum"], None, "Muscle 'lumborum' could be any of 2; did you mean "
     "'iliocostalis_lumborum' or 'quadratus_lumborum'?"),
], ids=["a word of one name", "a word of two names"])
def test_bodymap_muscle_on_the_command_line_opens_the_muscle_a_word_names(
        qtbot, monkeypatch, settings, progress_path, argv: list[str], muscle: str | None,
        said: str | None):
    """`bodymap --muscle longissimus`, as the shell runs it, up to the event loop, which is the
    test's: the window it opens, with this test's settings, and no first-run disclaimer."""
    from PySide6.QtWidgets import QApplication

    from bodymap import cli
    from bodymap.ui import main_window, safety

    built = main_window.MainWindow
    opened: list[main_window.MainWindow] = []

    def window(catalog):
        opened.append(built(catalog, settings, progress_path=progress_path))
        qtbot.addWidget(opened[-1])
        return opened[-1]

    qapp = QApplication.instance()
    names = (qapp.organizationName(), qapp.applicationName(), qapp.applicationDisplayName())
    monkeypatch.setattr(main_window, "MainWindow", window)
    monkeypatch.setattr(safety, "show_disclaimer_if_needed", lambda *args: None)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    try:
        assert cli.main(argv) == 0
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
        qapp.setApplicationDisplayName(names[2])
    (shown,) = opened
    assert shown.detail_panel.muscle_id == muscle
    message = shown.statusBar().currentMessage()
    assert message == said if said else "did you mean" not in message
    if muscle:
        name = shown.catalog.muscles[muscle].name
        assert shown.findChild(QLabel, "detailTitle").text() == f"{name} (left)"
        shown.body_view.region_point(muscle, "L")  # drawn and clickable as shown
