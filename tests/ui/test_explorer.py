"""The explorer window, used as a person uses it: clicks, keys, the search box, actions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.packs import replace_line, write_pack
from helpers.pictures import body_spans
from helpers.window import (
    click,
    dark_edge_pixels,
    is_red,
    keys_dialog,
    pixel,
    press_button,
    rendered_text,
    trigger,
)
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFontMetrics, QHelpEvent, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextBrowser,
    QToolBar,
    QWidget,
)

from bodymap.diagram import VIEWS
from bodymap.model import Catalog, load_catalog
from bodymap.ui.body_scene import SideLabelItem
from bodymap.ui.main_window import MainWindow
from bodymap.ui.presenter import TEXT_SCALE

VIEW_ACTIONS = {v: f"actionView{v.title()}" for v in VIEWS}
LAYER_ACTIONS = {"superficial": "actionLayerSuperficial", "deep": "actionLayerDeep"}


def test_window_children_follow_the_testing_contract(qtbot, window: MainWindow):
    for name in ("bodyView", "detailPanel", "searchBox", "painFinder", "techniqueCoach",
                 "studyPanel"):
        assert window.findChild(object, name) is not None, name
    assert isinstance(window.findChild(QLineEdit, "searchBox"), QLineEdit)
    # In a window just made, before its tab is opened, as a check of the contract finds it.
    page = window.findChild(QWidget, "painFinder")
    assert isinstance(page.findChild(QAbstractItemView, "painCandidates"), QAbstractItemView)


def test_first_start_shows_posterior_superficial_muscle_mode(window: MainWindow):
    view = window.body_view
    assert (view.view_name, view.layer, view.mode) == ("posterior", "superficial", "muscle")
    assert window.detail_panel.muscle_id is None


def test_every_muscle_is_reachable_by_click_on_both_sides(qtbot, window: MainWindow,
                                                          catalog: Catalog):
    reached = set()
    for muscle_id, muscle in catalog.muscles.items():
        for view, layer in window.body_view.layers_of(muscle_id):
            trigger(window, VIEW_ACTIONS[view])
            trigger(window, LAYER_ACTIONS[layer])
            for side in ("L", "R"):
                if window.body_view.body_scene().view.facing not in (None, side):
                    trigger(window, VIEW_ACTIONS[view])  # the side view, again: the other side
                click(qtbot, window, muscle_id, side)
                assert window.detail_panel.muscle_id == muscle_id
                word = {"L": "left", "R": "right"}[side]
                title = window.detail_panel.title.text()
                assert title.startswith(muscle.name.rstrip(")")) and title.endswith(f"{word})")
                assert ")" not in title[:-1]  # one bracket: "(lower part, left)", not two
                reached.add(muscle_id)
    assert reached == set(catalog.muscles)


def test_a_name_with_a_bracket_takes_the_side_inside_it(qtbot, window: MainWindow):
    trigger(window, VIEW_ACTIONS["anterior"])
    click(qtbot, window, "rectus_abdominis", "R")
    assert window.detail_panel.title.text() == "Rectus abdominis (lower part, right)"
    qtbot.mouseMove(window.body_view.viewport(),
                    window.body_view.region_point("rectus_abdominis", "L"))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                    == "Rectus abdominis (lower part, left)")


def test_deep_muscles_need_the_deep_layer(qtbot, window: MainWindow):
    with pytest.raises(LookupError):
        window.body_view.region_point("piriformis", "L")
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "piriformis", "R")
    assert window.detail_panel.muscle_id == "piriformis"
    with pytest.raises(LookupError):
        window.body_view.region_point("gluteus_maximus", "L")


def test_click_paints_referral_on_the_body(qtbot, window: MainWindow, catalog: Catalog):
    view = window.body_view
    gmax = catalog.muscles["gluteus_maximus"]
    essential, spillover = gmax.referral_zones()
    untouched = next(z for z in ("calf_upper_medial", "posterior_knee_medial", "thoracolumbar")
                     if z not in essential | spillover)
    probe_zones = ["sacrum_lower", untouched]
    assert "sacrum_lower" in essential  # TrP2 refers over the buttock and the lower sacrum
    points = {z: view.region_point(z, "L", kind="zone") for z in probe_zones}
    before = {z: pixel(window, p) for z, p in points.items()}
    click(qtbot, window, "gluteus_maximus", "L")
    after = {z: pixel(window, p) for z, p in points.items()}
    red = after["sacrum_lower"]
    assert red.red() > 150 and red.green() < 110 and red.blue() < 110, red.name()
    assert red != before["sacrum_lower"]
    assert after[untouched] == before[untouched]


# Lower rectus abdominis' essential zones felt on both sides, as its page and a slide name them,
# head to foot.
BAND_IN_WORDS = ("Low lumbar paraspinal (L4\N{EN DASH}S1, both sides), Low lumbar spine "
                 "(L4\N{EN DASH}L5), Sacroiliac joint (both sides), Sacrum")


def test_a_referral_felt_on_both_sides_is_painted_on_both(qtbot, window: MainWindow):
    # Lower rectus abdominis, clicked on the left in the front view, refers a band across both
    # sides of the low back; gluteus medius on the left refers to the left SI joint only.
    view = window.body_view
    band = {(zone, side): view.region_point(zone, side, kind="zone")
            for zone in ("si_joint", "lumbar_paraspinal_lower") for side in ("L", "R")}
    bare = {key: pixel(window, point) for key, point in band.items()}
    assert not any(is_red(colour) for colour in bare.values())
    trigger(window, "actionViewAnterior")
    click(qtbot, window, "rectus_abdominis", "L")
    trigger(window, "actionViewPosterior")
    painted = {key for key, point in band.items() if is_red(pixel(window, point))}
    assert painted == set(band)
    page = window.detail_panel.plain_text()
    assert BAND_IN_WORDS in page
    assert "Sacrum (both sides)" not in page  # a midline zone has no sides to name

    click(qtbot, window, "gluteus_medius", "L")
    painted = {key for key, point in band.items() if is_red(pixel(window, point))}
    assert painted == {("si_joint", "L"), ("lumbar_paraspinal_lower", "L")}
    assert "(both sides)" not in window.detail_panel.plain_text()


def side_labels(window: MainWindow) -> dict[str, SideLabelItem]:
    """The "Left"/"Right" written on the body of the view on show, by their text."""
    return {item.label.text: item for item in window.body_view.body_scene().side_labels}


def label_ink(window: MainWindow, label: SideLabelItem) -> QRectF:
    """Where the label's letters and their halo are drawn in the viewport."""
    return label.deviceTransform(window.body_view.viewportTransform()).mapRect(label.ink_rect())


def letter_colours(window: MainWindow, label: SideLabelItem) -> list[QColor]:
    """The colour on screen of each viewport pixel lying wholly inside the label's letters."""
    view = window.body_view
    letters = label.deviceTransform(view.viewportTransform()).map(label.glyphs())
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    box = letters.boundingRect().toAlignedRect()
    return [image.pixelColor(int(x * ratio), int(y * ratio))
            for x in range(box.left(), box.right() + 1)
            for y in range(box.top(), box.bottom() + 1)
            if letters.contains(QRectF(x, y, 1, 1))]


def test_the_side_labels_read_on_top_of_the_referral_red(qtbot, window: MainWindow):
    # Gluteus minimus refers down the back of the thigh, right where "Left" is written.
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "gluteus_minimus", "L")
    view = window.body_view
    labels = side_labels(window)
    assert set(labels) == {"Left", "Right"}
    beneath = view.body_scene().zone_at(labels["Left"].pos())
    assert beneath is not None and beneath.region.side == "L"
    # The zone beneath is painted red, and a point found to look at it is clear of the letters.
    point = view.region_point(beneath.region.target, "L", kind="zone")
    assert is_red(pixel(window, point))
    assert not label_ink(window, labels["Left"]).contains(QPointF(point))
    # The letters are dark on the red (and on the skin of the other leg), not painted over.
    for text, label in labels.items():
        colours = letter_colours(window, label)
        assert len(colours) >= 20, text
        dark = [c for c in colours if max(c.red(), c.green(), c.blue()) < 100]
        assert len(dark) >= 0.9 * len(colours), (text, [c.name() for c in colours])


@pytest.mark.parametrize(("muscle", "layer"), [("piriformis", "actionLayerDeep"),
                                               ("gluteus_medius", "actionLayerSuperficial")])
def test_a_pattern_from_the_buttock_into_the_thigh_is_painted_without_a_gap(
        qtbot, window: MainWindow, muscle: str, layer: str):
    # The manual draws piriformis's pattern, and gluteus medius TrP2's, continuous from the
    # buttock to the back of the thigh; the lower buttock between them had been left bare.
    trigger(window, layer)
    click(qtbot, window, muscle, "L")
    view = window.body_view
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def red_share(centre: QPoint) -> float:  # of the pixels round it: spillover is dots
        around = [image.pixelColor(int((centre.x() + dx) * ratio), int((centre.y() + dy) * ratio))
                  for dx in range(-4, 5) for dy in range(-4, 5)]
        return sum(map(is_red, around)) / len(around)

    for zone in ("buttock", "lower_buttock_medial", "lower_buttock_lateral",
                 "posterior_thigh_upper_medial", "posterior_thigh_upper_lateral"):
        assert red_share(view.region_point(zone, "L", kind="zone")) > 0.15, zone


def test_a_point_found_to_look_at_a_zone_misses_the_side_labels_letters(qtbot,
                                                                       window: MainWindow):
    # Zoomed in on the thigh with "Left" in the middle of the view, over the referral red:
    # the point is found beside the letters, so a look at its pixel sees the red.
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "gluteus_minimus", "L")
    view = window.body_view
    view.zoom_by(4)
    label = side_labels(window)["Left"]
    view.centerOn(label.home + label.ink_rect().center())  # its place in the drawing
    ink = label_ink(window, label)
    assert QRectF(view.viewport().rect()).contains(ink), ink
    beneath = view.body_scene().zone_at(label.pos())
    point = view.region_point(beneath.region.target, "L", kind="zone")
    assert not ink.contains(QPointF(point)), (point, ink)
    assert is_red(pixel(window, point))


def test_a_view_zoomed_off_the_thighs_still_says_which_side_is_which(qtbot, window: MainWindow):
    # The back view mirrors nobody's sides, but zoomed to the low back it showed neither word.
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "multifidus", "L")
    trigger(window, "actionZoomSelection")
    view = window.body_view
    labels = side_labels(window)
    seen, key = QRectF(view.viewport().rect()), QRectF(view.legend.geometry())
    assert view.legend.isVisible()
    inks = {text: label_ink(window, label) for text, label in labels.items()}
    for text, ink in inks.items():
        assert seen.contains(ink) and not ink.intersects(key), (text, ink, key)
    assert inks["Left"].center().x() < inks["Right"].center().x()  # each over its own side
    scene = view.body_scene()
    for marker in (m for markers in scene.markers.values() for m in markers if m.isVisible()):
        x = marker.deviceTransform(view.viewportTransform()).mapRect(marker.ink_rect())
        assert not any(ink.intersects(x) for ink in inks.values()), marker.region.id
    # With the whole body back, they are where the drawing writes them.
    trigger(window, "actionZoomFit")
    for label in labels.values():
        assert label.pos() == label.home and label.scale() == 1


def test_the_side_labels_cover_no_trigger_point(window: MainWindow):
    view = window.body_view
    for name in VIEWS:
        trigger(window, VIEW_ACTIONS[name])
        scene = view.body_scene()
        for label in scene.side_labels:
            ink = label_ink(window, label)
            for marker in (m for markers in scene.markers.values() for m in markers):
                x = marker.deviceTransform(view.viewportTransform()).mapRect(marker.ink_rect())
                assert not ink.intersects(x), (name, label.label.text, marker.region.id)


def test_a_click_on_a_side_label_reaches_the_zone_beneath(qtbot, window: MainWindow):
    trigger(window, "actionPainMode")
    view = window.body_view
    for text, side in (("Left", "L"), ("Right", "R")):
        label = side_labels(window)[text]
        assert label.acceptedMouseButtons() == Qt.MouseButton.NoButton
        point = view.mapFromScene(label.pos())  # the middle of the word
        beneath = view.region_under(point)
        assert beneath is not None and beneath.region.side == side
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert (beneath.region.target, side) in window.pain


def test_hover_names_the_muscle(qtbot, window: MainWindow):
    view = window.body_view
    point = view.region_point("gluteus_medius", "R")
    qtbot.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Gluteus medius (right)")
    assert view.body_scene().hovered.toolTip() == "Gluteus medius (right)"


def test_search_selects_best_match_and_reveals_it(qtbot, window: MainWindow):
    box = window.findChild(QLineEdit, "searchBox")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "piriformis")
    muscles = window.findChild(QListWidget, "muscleList")
    shown = sum(not muscles.item(i).isHidden() for i in range(muscles.count()))
    assert 0 < shown < muscles.count()
    heading = window.findChild(QLabel, "muscleListHeading")  # says the list is filtered
    assert heading.text() == f"Muscles: {shown} of {muscles.count()} match “piriformis”"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.detail_panel.muscle_id == "piriformis"
    assert window.body_view.layer == "deep"
    window.body_view.region_point("piriformis", "L")  # now visible and clickable


def test_search_by_mimic_reaches_an_anterior_muscle(qtbot, window: MainWindow):
    box = window.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "appendicitis")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.detail_panel.muscle_id == "iliopsoas"
    assert window.body_view.view_name == "anterior"
    message = window.statusBar().currentMessage()  # says why this muscle is the best match
    assert message.startswith("Best match: Iliopsoas, often mistaken for “Appendicitis")


@pytest.mark.parametrize(("query", "best", "named"), [
    # The reference's sitting muscles; iliopsoas is eased by sitting and must not be offered.
    ("sitting", {"gluteus_maximus", "piriformis"}, {"Gluteus maximus", "Piriformis"}),
    # QL's "pseudo-disc syndrome" is named, whether it is the best match or the next.
    ("disc", {"quadratus_lumborum", "piriformis"}, {"Quadratus lumborum", "Piriformis"}),
])
def test_search_by_symptom_selects_what_a_therapist_expects(qtbot, window: MainWindow, query,
                                                            best, named):
    box = window.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, query)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.detail_panel.muscle_id in best
    message = window.statusBar().currentMessage()
    said = re.fullmatch(r"Best match: ([^,]+), (.*?)(?:\. Also: .*)?", message)
    assert said is not None, message
    best_name, reason = said.groups()
    assert best_name == window.catalog.muscles[window.detail_panel.muscle_id].name
    assert all(name in message for name in named)
    assert query in reason and "Relief" not in reason


def test_muscle_list_selects_and_follows_the_map(qtbot, window: MainWindow):
    muscles = window.findChild(QListWidget, "muscleList")
    row = next(i for i in range(muscles.count()) if muscles.item(i).text() == "Quadratus lumborum")
    rect = muscles.visualItemRect(muscles.item(row))
    qtbot.mouseClick(muscles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail_panel.muscle_id == "quadratus_lumborum"
    assert window.body_view.layer == "deep"
    trigger(window, "actionLayerSuperficial")
    click(qtbot, window, "gluteus_maximus", "L")
    assert muscles.currentItem().text() == "Gluteus maximus"


def test_keyboard_tab_and_enter_select_a_region(qtbot, window: MainWindow):
    view = window.body_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    focused = view.body_scene().focused
    assert focused is not None
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.detail_panel.muscle_id == focused.region.target


def test_detail_panel_lists_everything_with_sources(qtbot, window: MainWindow, catalog: Catalog):
    click(qtbot, window, "gluteus_medius", "L")
    text = window.detail_panel.plain_text()
    muscle = catalog.muscles["gluteus_medius"]
    for heading in ("Attachments", "Actions", "Innervation", "Trigger points and referral",
                    "Symptoms", "Often mistaken for", "Perpetuating factors", "Palpation",
                    "Technique", "Self-care", "Stretches", "Cautions", "Sources"):
        assert heading in text
    assert muscle.trigger_points[0].location in text
    first_source = catalog.sources[muscle.sources[0]]
    assert first_source.title in text
    assert window.detail_panel.cautions.isVisible()


@pytest.mark.parametrize(("muscle_id", "view", "layer"), [
    ("gluteus_medius", "actionViewPosterior", "actionLayerSuperficial"),
    ("iliopsoas", "actionViewAnterior", "actionLayerDeep")])
def test_a_muscles_trigger_points_are_in_sight_as_it_is_shown(qtbot, window: MainWindow,
                                                                muscle_id: str, view: str,
                                                                layer: str):
    # What the body beside shows, and what a class came for: on a laptop-sized window, under
    # the muscle's cautions (iliopsoas has six), not a scroll away below its anatomy.
    trigger(window, view)
    trigger(window, layer)
    click(qtbot, window, muscle_id, "L")
    browser = window.detail_panel.text
    found = browser.document().find("Trigger points and referral")
    assert not found.isNull()
    heading = browser.cursorRect(found)
    first = browser.cursorRect(browser.document().find("TrP1"))
    assert heading.top() >= 0 and first.bottom() <= browser.viewport().height()


def test_the_panel_says_what_the_sources_do_not_settle(qtbot, window: MainWindow):
    # Quadratus lumborum's band over the sacrum is unverified; iliocostalis lumborum's pattern
    # is not in question, and its page says nothing of the kind.
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "quadratus_lumborum", "L")
    text = window.detail_panel.plain_text()
    assert "Spillover zone: Upper sacrum (S1\N{EN DASH}S2, provisional)" in text
    assert "Essential zone: Sacroiliac joint\n" in text  # TrP3's settled part says nothing more
    assert "Provisional: not settled by the sources" in text
    trigger(window, "actionLayerSuperficial")
    click(qtbot, window, "iliocostalis_lumborum", "L")
    assert "rovisional" not in window.detail_panel.plain_text()


def zone_grid(view, zone: str, side: str | None) -> list[QPoint]:
    """The zone's points on a fine grid clear of its edges, as the window shows them (side
    None: a midline zone)."""
    item = view.body_scene().zones[zone, side]
    rect, shape = item.sceneBoundingRect(), item.shape()
    inside = [QPointF(rect.left() + x, rect.top() + y)
              for x in range(0, int(rect.width()), 2) for y in range(0, int(rect.height()), 2)]
    clear = [view.mapFromScene(p) for p in inside
             if all(shape.contains(p + QPointF(dx, dy))
                    for dx, dy in ((0, 0), (-4, 0), (4, 0), (0, -4), (0, 4)))]
    assert len(clear) > 20, zone
    return clear


def reds(view, points: dict[str, list[QPoint]]) -> dict[str, list[bool]]:
    """For each zone, whether each of its points shows referral red now."""
    image = view.viewport().grab().toImage()  # once: a grab per pixel takes seconds
    ratio = image.devicePixelRatio()
    return {zone: [is_red(image.pixelColor(int(p.x() * ratio), int(p.y() * ratio)))
                   for p in found] for zone, found in points.items()}


def turned_red(before: dict[str, list[bool]], after: dict[str, list[bool]]) -> dict[str, float]:
    """The share of each zone's points that were not red before and are now."""
    return {zone: sum(now and not was for now, was in zip(after[zone], before[zone],
                                                          strict=True)) / len(after[zone])
            for zone in after}


@pytest.mark.parametrize(("muscle_id", "painted", "bare"), [
    # The medial hamstrings' pain runs from the gluteal fold down the inner back of the thigh
    # to the knee and the inner calf; the outer halves stay bare, the upper one too.
    ("medial_hamstrings",
     ("posterior_thigh_upper_medial", "posterior_thigh_middle_medial",
      "posterior_thigh_distal_medial", "posterior_knee_medial", "calf_upper_medial"),
     ("posterior_thigh_upper_lateral", "posterior_thigh_middle_lateral",
      "posterior_thigh_distal_lateral", "posterior_knee_lateral", "calf_upper_lateral")),
    # Biceps femoris's gathers behind the knee on its outer side and runs up the outer back of
    # the thigh to the fold; the inner half of the thigh and the calf stay bare.
    ("biceps_femoris", ("posterior_knee_lateral", "posterior_thigh_upper_lateral",
                        "posterior_thigh_middle_lateral", "posterior_thigh_distal_lateral"),
     ("posterior_thigh_upper_medial", "posterior_thigh_middle_medial",
      "posterior_thigh_distal_medial", "calf_upper_medial", "calf_upper_lateral")),
])
def test_each_hamstring_paints_its_own_half_of_the_back_of_the_leg(
        qtbot, window: MainWindow, muscle_id: str, painted: tuple, bare: tuple):
    view = window.body_view
    points = {zone: zone_grid(view, zone, "L") for zone in (*painted, *bare)}
    before = reds(view, points)
    click(qtbot, window, muscle_id, "L")
    assert window.selected == (muscle_id, "L")
    # The share of each zone the referral turned red (the muscles' own brown counts as red
    # to `is_red` where their fibres run; it was so before).
    turned = turned_red(before, reds(view, points))
    assert all(turned[zone] > 0.1 for zone in painted), turned
    assert all(turned[zone] == 0 for zone in bare), {z: turned[z] for z in bare}
    # From behind, the left leg's inner half is the one nearer the midline: on its right.
    scene = view.body_scene()
    for whole in {zone.rsplit("_", 1)[0] for zone in (*painted, *bare)}:
        inner, outer = (scene.zones[f"{whole}_{half}", "L"].sceneBoundingRect().center()
                        for half in ("medial", "lateral"))
        assert inner.x() > outer.x(), whole


def test_the_upper_or_the_lower_sacrum_is_painted_as_the_reference_says(
        qtbot, window: MainWindow):
    # A therapist's review: quadratus lumborum's band across the upper sacrum (provisional,
    # stippled) and gluteus maximus TrP2's lower sacrum were each painted over the whole
    # sacrum, from L5 down to the coccyx. Each now paints its own part; the other stays bare.
    view = window.body_view
    points = {zone: zone_grid(view, zone, None) for zone in ("sacrum_upper", "sacrum_lower")}
    superficial = reds(view, points)  # nothing selected; the muscles' brown was so before
    trigger(window, "actionLayerDeep")
    deep = reds(view, points)
    click(qtbot, window, "quadratus_lumborum", "L")
    turned = turned_red(deep, reds(view, points))
    assert turned["sacrum_upper"] > 0.1 and turned["sacrum_lower"] == 0, turned
    # Gluteus maximus: its TrP2 alone, by a click on its X (TrP1's spillover, no level given,
    # covers the whole sacrum).
    trigger(window, "actionLayerSuperficial")
    click(qtbot, window, "gluteus_maximus", "L")
    both = turned_red(superficial, reds(view, points))
    assert both["sacrum_upper"] > 0.1 and both["sacrum_lower"] > 0.5, both
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_maximus", "L", "trp2"))
    assert view.trigger_point == "trp2"
    turned = turned_red(superficial, reds(view, points))
    assert turned["sacrum_lower"] > 0.5 and turned["sacrum_upper"] == 0, turned
    # The words say the part: the lower sacrum, by its label.
    assert "Lower sacrum (S3\N{EN DASH}S5)" in window.detail_panel.plain_text()


def test_gluteus_minimus_calf_reach_is_said_to_be_unsettled(qtbot, window: MainWindow):
    # Its posterior trigger point's pain is painted down to mid-calf, bodymap's reading: the
    # manual's summary gives no lower limit and a popular guide stops at the knee. The page
    # says the upper calf is provisional, and why; the lower calf is not painted at all.
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "gluteus_minimus", "L")
    assert window.selected == ("gluteus_minimus", "L")
    text = window.detail_panel.plain_text()
    trp2 = text[text.index("TrP2 (posterior part)"):text.index("Symptoms")]
    essential = next(line for line in trp2.splitlines() if line.startswith("Essential zone"))
    # Across the whole width of the back of the leg: every part of the back of the thigh
    # (settled), both halves of the knee and the upper calf, each said as one area.
    assert essential.endswith("Back of the thigh, Back of the knee (provisional), Upper calf "
                              "(provisional)"), essential
    assert "Lower calf" not in trp2
    assert "Perfect Spot No. 6" in trp2 and "to the knee" in trp2
    assert "Provisional: not settled by the sources" in text


def test_going_back_to_a_muscle_shows_its_page_again(qtbot, window: MainWindow):
    """Pages are kept for muscles seen before; each shows its own muscle, in today's font."""
    click(qtbot, window, "gluteus_medius", "L")
    medius = window.detail_panel.plain_text()
    click(qtbot, window, "gluteus_maximus", "R")
    maximus = window.detail_panel.plain_text()
    bar = window.detail_panel.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    click(qtbot, window, "gluteus_maximus", "L")  # the other side: the reader keeps the place
    assert bar.value() == bar.maximum() > 0
    larger = window.detail_panel.text.font()
    larger.setPointSizeF(larger.pointSizeF() * 1.5)
    window.detail_panel.text.setFont(larger)
    click(qtbot, window, "gluteus_medius", "R")
    assert window.detail_panel.plain_text() == medius.replace("(left)", "(right)", 1)
    assert window.detail_panel.text.document().defaultFont() == larger
    assert bar.value() == 0
    assert maximus != medius


def test_markup_in_data_is_shown_as_text(qtbot, tmp_path: Path, settings):
    from helpers.packs import VALID_MUSCLE, write_pack

    text = VALID_MUSCLE.replace("name: Pack muscle", "name: '<b>Bold</b> & <i>co</i>'")
    text = text.replace("[Pain when sitting]", "['<a href=\"file:///etc\">x</a><img src=y>']")
    catalog = load_catalog([write_pack(tmp_path / "pack", {"pack_muscle": text})])
    win = MainWindow(catalog, settings)
    qtbot.addWidget(win)
    win.select_muscle("pack_muscle", "L")
    shown = win.detail_panel.plain_text()
    assert "<b>Bold</b> & <i>co</i>" in shown
    assert '<a href="file:///etc">x</a><img src=y>' in shown


def banner_lines(window: MainWindow) -> list[str]:
    """The caution banner's lines as a reader sees them."""
    banner = window.detail_panel.findChild(QLabel, "cautionBanner")
    assert banner.isVisible()
    shown = rendered_text(banner.text(), banner.textFormat())
    return [line.strip() for line in shown.splitlines() if line.strip()]


def test_markup_in_a_caution_is_shown_as_text(qtbot, tmp_path: Path, settings):
    from helpers.packs import VALID_MUSCLE

    text = VALID_MUSCLE.replace("cautions: [Stop at tingling or numbness]",
                                "cautions: ['<b>Never</b> press on the <i>nerve</i>']")
    catalog = load_catalog([write_pack(tmp_path / "pack", {"pack_muscle": text})])
    win = MainWindow(catalog, settings)
    qtbot.addWidget(win)
    win.show()
    win.select_muscle("pack_muscle", "L")
    assert banner_lines(win) == ["⚠ Caution: <b>Never</b> press on the <i>nerve</i>"]


def test_each_caution_of_a_muscle_is_a_line_of_its_own(qtbot, window: MainWindow, catalog):
    # Biceps femoris has five cautions; run together they read as one paragraph nobody scans.
    click(qtbot, window, "biceps_femoris")
    cautions = catalog.muscles["biceps_femoris"].cautions
    assert len(cautions) > 2
    lines = banner_lines(window)
    assert lines[0] == "⚠ Cautions"
    assert [line.lstrip("•◦▪ ").strip() for line in lines[1:]] == list(cautions)


@pytest.mark.parametrize("quote", [True, False])
@pytest.mark.parametrize("text", ["", "plain words", "<b>&amp;</b>", "O'Brien's \"grip\"",
                                  "a<>&'\"b" * 3, "é — ½ &#x27;"])
def test_escape_matches_the_standard_library(text: str, quote: bool):
    # The panels escape data with their own `escape` (html's costs start-up time): it must
    # give exactly what html.escape gives.
    import html

    from bodymap.ui.rich_text import escape

    assert escape(text, quote) == html.escape(text, quote)


@pytest.mark.parametrize("size", [(1024, 700), (1320, 860), (1600, 640)])
def test_the_key_never_covers_the_body(qtbot, window: MainWindow, size):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QTransform

    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    view = window.body_view
    for name in VIEWS:
        trigger(window, VIEW_ACTIONS[name])
        legend = view.legend
        assert legend.isVisible()
        key = QRectF(view.viewport().mapFrom(view, legend.geometry().topLeft()),
                     legend.size().toSizeF())
        to_viewport: QTransform = view.viewportTransform()
        for item in view.body_scene().zones.values():
            assert not to_viewport.map(item.path()).intersects(key), (name, item.label)


def test_the_toolbar_names_each_view_as_its_diagram_is_captioned(qtbot, window: MainWindow):
    # A bare "Back" beside the other buttons read as a browser's Back button.
    toolbar = window.findChild(QToolBar, "mainToolbar")
    buttons = [toolbar.widgetForAction(window.findChild(QAction, VIEW_ACTIONS[view]))
               for view in ("posterior", "lateral", "anterior")]
    assert all(button.isVisible() for button in buttons)
    assert [button.text() for button in buttons] == ["Back view", "Left side view", "Front view"]


def test_the_selected_muscle_stays_outlined_on_the_other_layer(qtbot, window: MainWindow):
    view = window.body_view

    def outline_drawn(muscle_id: str) -> float:  # share of its outline that is near black
        path = view.body_scene().muscles[muscle_id, "L"].path()
        points = [view.mapFromScene(path.pointAtPercent(t / 200)) for t in range(200)]
        image = view.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        dark = [max(c.red(), c.green(), c.blue()) < 70 for c in
                (image.pixelColor(int(p.x() * ratio), int(p.y() * ratio)) for p in points)]
        return sum(dark) / len(dark)

    trigger(window, LAYER_ACTIONS["deep"])
    assert outline_drawn("gluteus_medius") < 0.05
    trigger(window, LAYER_ACTIONS["superficial"])
    click(qtbot, window, "gluteus_medius", "L")
    trigger(window, LAYER_ACTIONS["deep"])
    # Dashed over the deep layer, so its X marks are not read as gluteus minimus's.
    assert outline_drawn("gluteus_medius") > 0.3
    with pytest.raises(LookupError):  # shown, not clickable: the deep layer's muscles are
        view.region_point("gluteus_medius", "L")


def test_view_layer_and_muscle_are_remembered(qtbot, catalog: Catalog, settings):
    first = MainWindow(catalog, settings)
    qtbot.addWidget(first)
    first.show()
    trigger(first, "actionViewLateral")
    trigger(first, "actionLayerDeep")
    click(qtbot, first, "gluteus_minimus", "L")
    first.close()
    second = MainWindow(catalog, settings)
    qtbot.addWidget(second)
    assert (second.body_view.view_name, second.body_view.layer) == ("lateral", "deep")
    assert second.detail_panel.muscle_id == "gluteus_minimus"


def test_zoom_keeps_clicks_exact(qtbot, window: MainWindow):
    view = window.body_view
    before = view.transform().m11()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    trigger(window, "actionZoomIn")
    assert view.transform().m11() > before
    click(qtbot, window, "gluteus_medius", "R")
    assert window.detail_panel.muscle_id == "gluteus_medius"
    trigger(window, "actionZoomFit")
    assert view.transform().m11() == pytest.approx(before)


def shown_in_viewport(window: MainWindow, scene_rect) -> bool:
    view = window.body_view
    return view.viewport().rect().contains(view.mapFromScene(scene_rect).boundingRect())


def test_zoom_to_selection_frames_the_muscle_and_its_referral(qtbot, window: MainWindow):
    view = window.body_view
    fitted = view.transform().m11()
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "piriformis", "L")
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    # Piriformis and its referral (buttock to mid-thigh) fill the view, larger than the body.
    assert view.transform().m11() > 1.5 * fitted
    scene = view.body_scene()
    painted = [scene.zones[key] for key in scene.referral_of(scene.selected)]
    assert painted
    for item in [*painted, scene.muscles["piriformis", "L"], *scene.markers["piriformis", "L"]]:
        assert shown_in_viewport(window, item.sceneBoundingRect()), item.toolTip()
    # Still exact: the other side is a click away, and Fit shows the whole body again.
    click(qtbot, window, "piriformis", "R")
    assert window.selected == ("piriformis", "R")
    trigger(window, "actionZoomFit")
    assert view.transform().m11() == pytest.approx(fitted)


def test_zoom_to_selection_shows_the_whole_body_when_that_is_what_matters(qtbot,
                                                                         window: MainWindow):
    view = window.body_view
    trigger(window, "actionViewLateral")
    trigger(window, "actionLayerDeep")
    fitted = view.transform().m11()
    # In the side view its pain runs from the hip down the outer leg to the ankle.
    click(qtbot, window, "gluteus_minimus", "L")
    trigger(window, "actionZoomSelection")
    assert view.transform().m11() == pytest.approx(fitted)


def test_referral_another_view_draws_is_said_on_the_body_with_a_link_there(
        qtbot, window: MainWindow):
    # Lower rectus abdominis is drawn on the front; its essential referral is the low back.
    listed = window.muscle_list.findItems("Rectus abdominis (lower part)",
                                          Qt.MatchFlag.MatchExactly)[0]
    window.muscle_list.setFocus()
    window.muscle_list.setCurrentItem(listed)
    qtbot.keyClick(window.muscle_list, Qt.Key.Key_Return)
    assert window.body_view.view_name == "anterior"
    note = window.findChild(QLabel, "referralElsewhere")
    assert note.isVisible()
    words = note.accessibleName()
    assert words.startswith("More referral on the back view: ")
    assert "Sacroiliac joint" in words and "Low lumbar paraspinal" in words
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # to the link
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert window.body_view.view_name == "posterior"
    assert window.view_actions["posterior"].isChecked()
    referral = window.body_view.body_scene().shown_state()[0]
    assert referral[("si_joint", "L")] == "essential"
    # The pain finder paints no muscle's referral, so it has nothing to say.
    trigger(window, "actionPainMode")
    assert not note.isVisible()


def test_the_note_of_referral_on_another_view_says_which_zones_are_provisional(
        qtbot, window: MainWindow):
    # Gluteus minimus's posterior TrP refers down the back of the thigh; its data marks the
    # back of the knee provisional (the calf beyond it is too). The back view draws these
    # zones (the knee's inner and outer halves), the side view does not, so the note names
    # them, as the page does: both halves as one area. The side view draws the lower buttock
    # (and the outer half of the back of the thigh), so the note leaves it out; the inner half
    # it names, its lower two thirds as one area.
    trigger(window, "actionViewLateral")
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "gluteus_minimus", "L")
    words = window.findChild(QLabel, "referralElsewhere").accessibleName()
    zones = words.removeprefix("More referral on the back view: ").split(". ")[0].split(", ")
    assert {"Back of the knee (provisional)", "Upper inner back of the thigh",
            "Lower inner back of the thigh"} <= set(zones), words
    assert not {"Lower buttock", "Upper outer back of the thigh",
                "Inner back of the knee (provisional)"} & set(zones), words


def test_a_muscle_this_view_draws_whole_needs_no_such_note(qtbot, window: MainWindow):
    # Gluteus maximus: its three TrPs and all its referral are on the back.
    click(qtbot, window, "gluteus_maximus", "L")
    assert not window.findChild(QLabel, "referralElsewhere").isVisible()


def test_a_trigger_point_another_view_marks_is_said_on_the_body_with_a_link_there(
        qtbot, window: MainWindow):
    # Gluteus medius's TrP3 lies below the front of the crest, near the ASIS: the side view
    # marks it, the back view cannot. The panel lists three TrPs; the body must say where the
    # third is rather than leave a student thinking the muscle has two.
    click(qtbot, window, "gluteus_medius", "L")
    note = window.findChild(QLabel, "referralElsewhere")
    assert note.isVisible()
    assert note.accessibleName() == "TrP3 is marked on the side view"
    shown = [m.number for m in window.body_view.body_scene().markers["gluteus_medius", "L"]
             if m.isVisible()]
    assert sorted(shown) == ["1", "2"]
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # to the link
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert window.body_view.view_name == "lateral"
    shown = [m.number for m in window.body_view.body_scene().markers["gluteus_medius", "L"]
             if m.isVisible()]
    assert sorted(shown) == ["2", "3"]
    # From the side, TrP1 and its referral beside the spine are on the back: one link for both.
    assert note.accessibleName().startswith("More referral on the back view: ")
    assert note.accessibleName().endswith(". TrP1 is marked there")
    assert note.text().count("<a ") == 1


def test_problems_in_a_pack_are_listed_not_fatal(qtbot, tmp_path: Path, settings):
    from helpers.packs import VALID_MUSCLE, write_pack

    broken = VALID_MUSCLE.replace("group: hip", "group: hipp")
    catalog = load_catalog([write_pack(tmp_path / "pack", {"pack_muscle": broken})])
    win = MainWindow(catalog, settings)
    qtbot.addWidget(win)
    assert "1 problem in the data files" in win.statusBar().currentMessage()
    assert "gluteus_medius" in catalog.muscles


def test_coach_follows_the_selected_muscle(qtbot, window: MainWindow):
    from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

    coach = window.findChild(QWidget, "techniqueCoach")
    assert coach is not None
    assert coach.findChild(QLabel, "coachTitle") is None  # built when first opened, not at start
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "piriformis", "L")
    tabs = window.findChild(QTabWidget, "sidePanels")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(coach)).center())
    assert tabs.currentWidget() is coach
    assert coach.findChild(QLabel, "coachTitle").text() == "Piriformis (left)"
    assert window.coach.muscle.id == "piriformis"


def test_the_coach_shows_its_trigger_point_on_the_body(qtbot, window: MainWindow,
                                                       catalog: Catalog, tmp_path: Path,
                                                       monkeypatch):
    from PySide6.QtWidgets import QPushButton, QTabWidget

    view = window.body_view
    first, second = catalog.muscles["gluteus_medius"].trigger_points[:2]

    def zone_point(zones):  # a zone of these the back view draws
        for zone in zones:
            try:
                return view.region_point(zone, "L", kind="zone")
            except LookupError:
                continue
        raise AssertionError(f"no zone of {zones} in the back view")

    only_first = zone_point(z for z in first.referral.essential
                            if z not in second.referral.essential + second.referral.spillover)
    only_second = zone_point(z for z in second.referral.essential
                             if z not in first.referral.essential + first.referral.spillover)

    def ring_at(trp_id: str) -> bool:  # amber just outside the X of this TrP
        marker = next(m for m in view.body_scene().markers["gluteus_medius", "L"]
                      if m.region.trp == trp_id)
        centre = view.mapFromScene(marker.scenePos())
        r = marker.RING
        amber = [color.red() > 200 and 90 < color.green() < 190 and color.blue() < 80
                 for color in (pixel(window, centre + QPoint(dx, dy))
                               for dx, dy in ((r, 0), (-r, 0), (0, r), (0, -r)))]
        return sum(amber) >= 3  # round this X (another X nearby may cover one point)

    unpainted = {p: pixel(window, p) for p in (only_first, only_second)}

    def painted() -> set[QPoint]:
        return {p for p, bare in unpainted.items()
                if pixel(window, p) != bare and is_red(pixel(window, p))}

    click(qtbot, window, "gluteus_medius", "L")
    assert painted() == {only_first, only_second}
    assert not ring_at(first.id)
    tabs = window.findChild(QTabWidget, "sidePanels")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(window.coach_page)).center())
    # The coach starts on the first trigger point: its X is ringed, only its referral painted.
    assert ring_at(first.id) and not ring_at(second.id)
    assert painted() == {only_first}
    next_point = window.coach.findChild(QPushButton, "nextTrp")
    qtbot.mouseClick(next_point, Qt.MouseButton.LeftButton)
    assert ring_at(second.id) and not ring_at(first.id)
    assert painted() == {only_second}
    # An export now is of that trigger point, and its title says so.
    save_dialog_answers(monkeypatch, tmp_path / "trp.svg")
    trigger(window, "actionExport")
    svg = (tmp_path / "trp.svg").read_text(encoding="utf-8")
    assert f"Gluteus medius, {second.label}: referral" in svg
    # Back on the muscle's page, the whole muscle again.
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(window.detail_panel)).center())
    assert not ring_at(second.id)
    assert painted() == {only_first, only_second}


def test_the_coach_fits_a_laptop_screen(qtbot, window: MainWindow):
    from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget

    window.resize(1024, 700)
    click(qtbot, window, "gluteus_medius", "L")
    tabs = window.findChild(QTabWidget, "sidePanels")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(window.coach_page)).center())
    coach = window.coach

    def whole(widget) -> bool:  # not clipped by the scroll area or the window
        return widget.visibleRegion().boundingRect().size() == widget.size()

    in_view = [coach.findChild(QLabel, "holdTime"), coach.findChild(QLabel, "discomfortValue"),
               coach.findChild(QPushButton, "startButton")]
    qtbot.waitUntil(lambda: all(whole(widget) for widget in in_view))
    next_step = coach.findChild(QPushButton, "nextStep")
    in_view.append(coach.findChild(QLabel, "stepText"))
    for _ in range(3):  # the step being read scrolls into view
        qtbot.mouseClick(next_step, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: all(whole(widget) for widget in in_view))


def test_red_flags_and_evidence_open_from_the_window(qtbot, window: MainWindow):
    from PySide6.QtWidgets import QDialog

    trigger(window, "actionRedFlags")
    dialog = window.findChild(QDialog, "redFlagsDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    trigger(window, "actionEvidence")
    assert window.findChild(QDialog, "evidenceDialog").isVisible()


def test_f1_lists_the_keys_and_alt_r_shows_the_red_flags(qtbot, window: MainWindow):
    from PySide6.QtWidgets import QDialog

    dialog = keys_dialog(qtbot, window)
    text = dialog.text.toPlainText()
    # The window's shortcuts, read from its menus, with the panels' own keys beside them.
    assert "Ctrl+E" in text and "Export image" in text
    assert "Alt+R" in text and "Red flags" in text
    assert "starts, pauses or resumes the hold" in text
    dialog.close()
    qtbot.keyClick(window.body_view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    flags = window.findChild(QDialog, "redFlagsDialog")
    assert flags is not None and flags.isVisible()


# Buttons on the coach's cards too: a card's style sheet stops a parent's font reaching them.
PRESENTED = ("detailTitle", "detailText", "cautionBanner", "legend", "coachTitle", "stepText",
             "holdTime", "studyPrompt", "painHelp", "nextStep", "startButton", "discomfortScale",
             "mainToolbar", "searchBox", "fileMenu")


def font_sizes(window: MainWindow) -> dict[str, float]:
    return {name: window.findChild(QWidget, name).font().pointSizeF() for name in PRESENTED}


def test_presenter_mode_fills_the_screen_with_large_text_and_esc_leaves(
        qtbot, window: MainWindow):
    click(qtbot, window, "gluteus_medius", "L")
    window.body_view.setFocus()
    qtbot.keyClick(window.body_view, Qt.Key.Key_F5)  # the pages after the first: not built yet
    qtbot.waitUntil(window.isFullScreen)
    assert not window.findChild(QListWidget, "muscleList").isVisible()
    large = font_sizes(window)
    # The pain finder's, the coach's and the study's pages, built on the way in, grow with the
    # rest, headings too.
    window.panels.setCurrentWidget(window.pain_page)
    window.panels.setCurrentWidget(window.coach_page)
    window.panels.setCurrentWidget(window.study_page)
    window.panels.setCurrentWidget(window.detail_panel)
    assert font_sizes(window) == large
    click(qtbot, window, "gluteus_maximus", "R")  # the body is still exact at its new size
    assert window.detail_panel.muscle_id == "gluteus_maximus"
    qtbot.keyClick(window.body_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.findChild(QListWidget, "muscleList").isVisible()
    normal = font_sizes(window)
    assert all(large[name] > normal[name] * 1.3 for name in PRESENTED), (large, normal)
    assert window.detail_panel.title.font().bold()
    assert window.detail_panel.title.font().pointSizeF() > normal["detailText"] * 1.4
    assert not window.findChild(QAction, "actionPresenter").isChecked()
    # Again, and out another way (the window manager): everything follows.
    trigger(window, "actionPresenter")
    qtbot.waitUntil(window.isFullScreen)
    window.showNormal()
    qtbot.waitUntil(lambda: font_sizes(window) == normal)
    assert window.findChild(QListWidget, "muscleList").isVisible()
    assert not window.findChild(QAction, "actionPresenter").isChecked()


def shown_text(window: MainWindow, kind: type, name: str) -> QWidget:
    """The one text of that name in a dialog on screen."""
    shown = [w for w in window.findChildren(kind, name) if w.isVisible()]
    assert len(shown) == 1, name
    return shown[0]


def dialog_text_sizes(qtbot, window: MainWindow) -> dict[str, float]:
    """Open and close each dialog as a person does (the keys, the evidence, the data problems,
    and a new student's name, Qt's own input dialog, asked by the Study tab); the point size
    of the text each shows. Each fits the screen."""
    sizes = {}
    for action, kind, name in (("actionKeys", QTextBrowser, "keysText"),
                               ("actionEvidence", QTextBrowser, "evidenceText"),
                               ("actionDataProblems", QPlainTextEdit, "problemList")):
        trigger(window, action)
        text = shown_text(window, kind, name)
        sizes[name] = text.font().pointSizeF()
        screen = window.screen().availableGeometry()
        assert screen.contains(text.window().frameGeometry()), (name, screen)
        text.window().close()

    def read_and_cancel() -> None:
        asking = QApplication.activeModalWidget()
        sizes["studentName"] = asking.font().pointSizeF()
        asking.reject()

    trigger(window, "actionStudy")
    QTimer.singleShot(0, read_and_cancel)
    press_button(qtbot, window, "studyNewProfile")
    return sizes


def hover_tip(qtbot, window: MainWindow, muscle: str, side: str) -> tuple[str, float]:
    """The tooltip shown when the pointer rests on `muscle`: its text and its text size."""
    QApplication.processEvents()  # the panes laid out again after the window changed size
    viewport = window.body_view.viewport()
    point = window.body_view.region_point(muscle, side)
    qtbot.mouseMove(viewport, point)
    # What Qt sends once the pointer has rested a moment.
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    tips = [w for w in QApplication.topLevelWidgets()
            if w.metaObject().className() == "QTipLabel" and w.isVisible()]
    assert len(tips) == 1
    return tips[0].text(), tips[0].font().pointSizeF()


def test_in_presenter_mode_the_name_under_the_pointer_is_large_too(qtbot, window: MainWindow):
    name, normal = hover_tip(qtbot, window, "gluteus_medius", "L")
    assert name == "Gluteus medius (left)"
    window.body_view.setFocus()
    qtbot.keyClick(window.body_view, Qt.Key.Key_F5)
    qtbot.waitUntil(window.isFullScreen)
    name, presented = hover_tip(qtbot, window, "gluteus_maximus", "R")
    assert name == "Gluteus maximus (right)"
    assert presented == pytest.approx(normal * TEXT_SCALE)
    qtbot.keyClick(window.body_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert hover_tip(qtbot, window, "gluteus_medius", "R") == ("Gluteus medius (right)", normal)


def test_dialogs_opened_in_presenter_mode_are_as_large_as_its_text(qtbot, tmp_path: Path,
                                                                   settings, progress_path):
    pack = write_pack(tmp_path / "pack", {"bad": replace_line(3, "group: hips")})
    window = MainWindow(load_catalog(extra_dirs=[pack]), settings, progress_path=progress_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    normal = dialog_text_sizes(qtbot, window)
    trigger(window, "actionPresenter")
    qtbot.waitUntil(window.isFullScreen)
    presented = dialog_text_sizes(qtbot, window)
    for name, size in normal.items():
        assert presented[name] == pytest.approx(size * TEXT_SCALE), name
    # Leaving presenter mode, a dialog still open goes back to the window's size of text; and
    # one opened now is not enlarged.
    trigger(window, "actionKeys")
    keys = shown_text(window, QTextBrowser, "keysText")
    assert keys.font().pointSizeF() == presented["keysText"]
    trigger(window, "actionPresenter")
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert keys.font().pointSizeF() == normal["keysText"]
    keys.window().close()
    assert dialog_text_sizes(qtbot, window) == normal


def test_in_presenter_mode_the_coach_keeps_the_step_in_sight(qtbot, window: MainWindow):
    click(qtbot, window, "gluteus_medius", "L")
    window.panels.setCurrentWidget(window.coach_page)
    trigger(window, "actionPresenter")
    qtbot.waitUntil(window.isFullScreen)
    step = window.coach.step_text
    # What the class reads during a hold: the whole step, with the scale and the timer below.
    qtbot.waitUntil(lambda: step.visibleRegion().boundingRect().height() == step.height())
    assert window.coach.scale.visibleRegion().boundingRect().height() == window.coach.scale.height()
    qtbot.keyClick(window.coach, Qt.Key.Key_N)
    assert step.visibleRegion().boundingRect().height() == step.height()


def landmark_labels(window: MainWindow) -> dict[str, QRect]:
    """Each landmark label of the view on show, and where it is drawn in the viewport."""
    view = window.body_view
    return {item.landmark.text: item.deviceTransform(view.viewportTransform())
            .mapRect(item.boundingRect()).toAlignedRect()
            for item in view.body_scene().landmarks}


def inked(image: QImage, rect: QRect) -> int:
    """How many pixels inside rect are dark, as letters are on the pale ground beside the body."""
    return sum(image.pixelColor(x, y).lightness() < 140
               for x in range(max(rect.left(), 0), min(rect.right(), image.width() - 1))
               for y in range(max(rect.top(), 0), min(rect.bottom(), image.height() - 1)))


def test_landmark_labels_are_readable_and_whole_at_any_size_and_grow_for_a_class(
        qtbot, window: MainWindow):
    text_height = QFontMetrics(window.font()).height()
    heights = {}
    for size in ((1320, 860), (1024, 600)):  # a laptop, and a small one
        window.resize(*size)
        for name in VIEWS:
            trigger(window, f"actionView{name.title()}")
            labels = landmark_labels(window)
            image = window.body_view.viewport().grab().toImage()
            assert len(labels) >= 4, name
            for text, rect in labels.items():
                # As tall as the window's own text, never cut off at the edge, and drawn.
                assert rect.height() >= text_height, (name, text, rect)
                assert window.body_view.viewport().rect().contains(rect), (size, name, text)
                assert inked(image, rect) > 3 * len(text), (name, text)
                heights[name, text] = rect.height()
    trigger(window, "actionPresenter")
    qtbot.waitUntil(window.isFullScreen)
    for name in VIEWS:
        trigger(window, f"actionView{name.title()}")
        for text, rect in landmark_labels(window).items():
            assert rect.height() >= heights[name, text] * 1.3, (name, text)
            assert window.body_view.viewport().rect().contains(rect), (name, text)


def test_closing_in_presenter_mode_remembers_the_window_as_it_was(qtbot, catalog: Catalog,
                                                                  settings):
    first = MainWindow(catalog, settings)
    qtbot.addWidget(first)
    first.resize(760, 560)  # within the offscreen screen (800x800)
    first.show()
    qtbot.waitExposed(first)
    trigger(first, "actionPresenter")
    qtbot.waitUntil(first.isFullScreen)
    first.close()
    second = MainWindow(catalog, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 560)


def test_about_names_the_version_and_the_data(qtbot, window: MainWindow, catalog: Catalog,
                                              monkeypatch):
    from bodymap.ui import help_dialogs as help_module

    shown = []
    monkeypatch.setattr(help_module.QMessageBox, "about",
                        lambda parent, title, text: shown.append(text))
    trigger(window, "actionAbout")
    assert shown and help_module.version() in shown[0]
    assert catalog.summary() in shown[0]


def test_the_coach_and_an_export_show_a_bilateral_referral_on_both_sides(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    from PySide6.QtWidgets import QTabWidget

    view = window.body_view
    trigger(window, "actionViewAnterior")
    click(qtbot, window, "rectus_abdominis", "L")
    tabs = window.findChild(QTabWidget, "sidePanels")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(tabs.indexOf(window.coach_page)).center())
    trigger(window, "actionViewPosterior")
    # The coach is on TrP1: its referral alone, on both sides of the low back.
    for side in ("L", "R"):
        assert is_red(pixel(window, view.region_point("si_joint", side, kind="zone"))), side
    save_dialog_answers(monkeypatch, tmp_path / "band.png", tmp_path / "band-slide.svg")
    trigger(window, "actionExport")
    image = QImage(str(tmp_path / "band.png"))
    # Two views: the back, as on screen, and beside it the front, where the muscle, its X and
    # the belly's spillover are. On the back view the person's left is on the picture's left;
    # the band is as red on the right.
    back, front = body_spans(image)
    middle = (back[0] + back[1]) // 2
    left = _red_count(image.copy(back[0], 0, middle - back[0], image.height()))
    right = _red_count(image.copy(middle, 0, back[1] - middle, image.height()))
    assert left > 0 and right > 0.9 * left, (left, right)
    assert _red_count(image.copy(front[0], 0, front[1] - front[0], image.height())) > 0
    trigger(window, "actionExportSlide")
    assert BAND_IN_WORDS in svg_words(tmp_path / "band-slide.svg")


def _red_count(image: QImage) -> int:
    """Referral-red pixels, on a grid of every other pixel, under the picture's title band."""
    return sum(image.pixelColor(x, y).red() > 190 and image.pixelColor(x, y).green() < 100
               for y in range(image.height() // 20, image.height() * 9 // 10, 2)
               for x in range(0, image.width(), 2))


def _red_runs(image: QImage) -> list[int]:
    """Lengths of the short runs of referral red along the picture's rows: stipple dots."""
    runs = []
    for y in range(0, image.height(), 3):
        run = 0
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.red() > 190 and colour.green() < 100:
                run += 1
                continue
            if 0 < run <= 8 and colour.green() > 120:
                runs.append(run)
            run = 0
    return runs


def svg_words(path: Path) -> str:
    """The words an SVG shows, in the order it draws them, whatever lines they wrap onto."""
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).split())


def save_dialog_answers(monkeypatch, *paths: Path) -> None:
    """The save dialog answers these paths in turn, as a person would pick them."""
    answers = iter(paths)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(next(answers)), "PNG image (*.png)"))


def test_file_export_image_writes_a_picture_for_slides(qtbot, window: MainWindow,
                                                       tmp_path: Path, monkeypatch):
    click(qtbot, window, "gluteus_medius", "L")
    save_dialog_answers(monkeypatch, tmp_path / "gmed.png", tmp_path / "gmed.svg")

    trigger(window, "actionExport")
    image = QImage(str(tmp_path / "gmed.png"))
    assert image.width() == 1600
    # The key sits in a band under the body (or the bodies: TrP3 is on the side view beside
    # the back): the essential zone's red swatch is there.
    from helpers.pictures import is_skin_colour

    def skin_across(y: int) -> int:  # pixels, sampled: a body's row, not the key's pink swatch
        return 8 * sum(1 for x in range(0, image.width(), 8)
                       if is_skin_colour(*image.pixelColor(x, y).getRgb()[:3]))

    body_bottom = max(y for y in range(0, image.height(), 2) if skin_across(y) > 150)
    assert body_bottom < 0.85 * image.height()
    assert _has_red(image.copy(0, body_bottom + 2, image.width(), image.height() - body_bottom - 2))
    # Stipple dots grow with the picture, so spillover still reads as dots on a slide.
    dots = _red_runs(image)
    assert len(dots) > 50 and sorted(dots)[len(dots) // 2] >= 2

    trigger(window, "actionExport")
    svg = (tmp_path / "gmed.svg").read_text(encoding="utf-8")
    assert "<image" not in svg  # the body art is vector, and so is the stipple's tile:
    assert re.search(r"<pattern\b[^>]*>\s*<rect", svg)  # a PNG tile QtSvg draws at some sizes only
    assert "mask=" not in svg  # viewers fill Qt's pattern masks black
    assert "Spillover zone" in svg and window.statusBar().currentMessage().startswith("Saved")


def test_the_file_name_offered_names_what_the_picture_shows(qtbot, window: MainWindow,
                                                          monkeypatch):
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, path, types: (offered.append(Path(path).name)
                                                            or ("", "")))
    click(qtbot, window, "gluteus_medius", "L")
    trigger(window, "actionExportSlide")
    trigger(window, "actionPainMode")  # the muscle is still selected, but no longer drawn
    trigger(window, "actionExport")
    click(qtbot, window, "si_joint", "L")
    view = window.findChild(QAbstractItemView, "painCandidates")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # a candidate shown over the marked pain
    candidate = window.body_view.preview[0]
    trigger(window, "actionExportSlide")
    assert offered == ["gluteus_medius-posterior-slide.png", "pain-posterior.png",
                       f"pain-{candidate}-posterior-slide.png"]


def test_export_slide_puts_the_key_and_the_referral_in_words_beside_the_body(
        qtbot, window: MainWindow, catalog: Catalog, tmp_path: Path, monkeypatch):
    click(qtbot, window, "gluteus_medius", "L")
    save_dialog_answers(monkeypatch, tmp_path / "gmed-slide.png", tmp_path / "gmed-slide.svg")
    trigger(window, "actionExportSlide")
    image = QImage(str(tmp_path / "gmed-slide.png"))
    assert (image.width(), image.height()) == (1920, 1080)
    # The body on the left (painted red), the text column on the right: dark text, and the
    # key's red swatch, but no body there.
    assert _has_red(image.copy(0, 0, 600, 1080))
    right = image.copy(700, 0, 1220, 1080)
    assert _has_red(right)
    assert any(image.pixelColor(x, y).lightness() < 60 for x in range(700, 1900, 3)
               for y in range(300, 700, 5))
    trigger(window, "actionExportSlide")
    svg = (tmp_path / "gmed-slide.svg").read_text(encoding="utf-8")
    muscle = catalog.muscles["gluteus_medius"]
    for trp in muscle.trigger_points:  # each trigger point is named, as the body shows it
        assert trp.label.split(" (")[0] in svg
    assert "Travell" in svg and "not medical advice" in svg


def test_a_crowded_slide_shrinks_its_words_to_keep_the_sources_and_the_disclaimer(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch):
    trigger(window, "actionViewAnterior")
    trigger(window, "actionPainMode")
    for zone, side in window.body_view.body_scene().zones:  # every zone of the front view
        click(qtbot, window, zone, side or "L")
    candidates = window.findChild(QAbstractItemView, "painCandidates")
    row = next(i for i, r in enumerate(window.pain_finder.rows)
               if r.candidate.muscle_id == "iliopsoas")
    candidates.setCurrentIndex(candidates.model().index(row, 0))  # as the arrow keys would
    save_dialog_answers(monkeypatch, tmp_path / "pain.svg")
    trigger(window, "actionExportSlide")
    svg = " ".join((tmp_path / "pain.svg").read_text(encoding="utf-8").split())
    assert "Marked pain, and a candidate: Iliopsoas (" in svg
    assert "Flank (both sides)" in svg and "Candidate: Iliopsoas" in svg  # both were marked
    assert "Sources: Travell" in svg and "not medical advice" in svg


def test_copy_image_puts_the_exported_picture_on_the_clipboard(qtbot, window: MainWindow,
                                                               tmp_path: Path, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    click(qtbot, window, "gluteus_medius", "L")
    QGuiApplication.clipboard().clear()
    window.body_view.setFocus()
    qtbot.keyClick(window.body_view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = QGuiApplication.clipboard().image()
    assert copied.width() == 1600 and _has_red(copied)
    assert window.statusBar().currentMessage().startswith("Picture copied")
    # The same picture as File > Export saves, framed the same way; without the words a
    # handout has under it, as a slide or a document pasted into has its own.
    save_dialog_answers(monkeypatch, tmp_path / "gmed.png")
    trigger(window, "actionExport")
    from helpers.pictures import unlike_pixels

    saved = QImage(str(tmp_path / "gmed.png"))
    assert saved.height() > copied.height() and unlike_pixels(saved, copied) == 0


def _has_red(image: QImage) -> bool:
    return any(image.pixelColor(x, y).red() > 190 and image.pixelColor(x, y).green() < 100
               for y in range(0, image.height(), 2) for x in range(0, image.width(), 2))


def test_each_x_carries_its_trigger_points_number(qtbot, window: MainWindow, catalog: Catalog):
    window.reveal("quadratus_lumborum")
    click(qtbot, window, "quadratus_lumborum", "L")
    view = window.body_view
    markers = view.body_scene().markers["quadratus_lumborum", "L"]
    labels = {t.id: t.label for t in catalog.muscles["quadratus_lumborum"].trigger_points}
    assert sorted(m.number for m in markers) == ["1", "2", "3", "4"]
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    for marker in markers:
        assert labels[marker.region.trp].startswith(f"TrP{marker.number} ")
        # The digits are painted beside the X: dark ink in the box they are drawn in.
        box = marker.digits().boundingRect().translated(view.mapFromScene(marker.scenePos()))
        ink = sum(image.pixelColor(int(x * ratio), int(y * ratio)).value() < 60
                  for x in range(int(box.left()), int(box.right()) + 1)
                  for y in range(int(box.top()), int(box.bottom()) + 1))
        assert ink >= 8, marker.number
    window.reveal("iliocostalis_lumborum")  # one trigger point: nothing to tell apart
    click(qtbot, window, "iliocostalis_lumborum", "L")
    assert [m.number for m in view.body_scene().markers["iliocostalis_lumborum", "L"]] == [""]


def test_the_muscle_list_tip_counts_trigger_points_in_words(qtbot, tmp_path: Path, settings):
    from helpers.packs import VALID_MUSCLE

    catalog = load_catalog([write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})])
    win = MainWindow(catalog, settings)
    qtbot.addWidget(win)
    names = win.findChild(QListWidget, "muscleList")
    tips = {names.item(n).text(): names.item(n).toolTip() for n in range(names.count())}
    assert tips["Pack muscle"] == "Pack muscle: 1 trigger point"  # one, not "1 trigger points"
    count = len(catalog.muscles["piriformis"].trigger_points)
    assert count > 1 and tips["Piriformis"] == f"Piriformis: {count} trigger points"


def test_a_zone_only_provisional_referral_paints_has_a_dashed_edge_and_a_key(
        qtbot, window: MainWindow, catalog: Catalog):
    # Gluteus minimus reaches the back of the knee only in a reading the sources do not settle;
    # the back of the thigh is settled. The knee is drawn red, with a dashed dark edge, which
    # the key explains; the thigh has no such edge. (The outer halves; the inner are alike.)
    referrals = [t.referral for t in catalog.muscles["gluteus_minimus"].trigger_points]
    assert any("posterior_knee_lateral" in r.provisional for r in referrals)
    thigh = ("posterior_thigh_middle_lateral", "posterior_thigh_distal_lateral")
    assert not any(set(thigh) & set(r.provisional) for r in referrals)
    trigger(window, "actionLayerDeep")
    click(qtbot, window, "gluteus_minimus")
    knee = window.body_view.body_scene().zones["posterior_knee_lateral", "L"].sceneBoundingRect()
    assert is_red(pixel(window, window.body_view.mapFromScene(knee.center())))
    assert dark_edge_pixels(window, "posterior_knee_lateral") > 3
    assert all(dark_edge_pixels(window, zone) == 0 for zone in thigh)
    assert "Provisional zone" in window.findChild(QWidget, "legend").accessibleName()
