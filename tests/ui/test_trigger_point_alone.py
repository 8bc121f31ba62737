"""One trigger point's referral alone on the body, by a click on its X or its link in the panel:
gluteus minimus's outer-leg pattern (TrP1) apart from its back-of-the-leg one (TrP2), which the
body painted as one block down the whole leg."""

from __future__ import annotations

import pytest
from helpers.window import click, is_red, pixel, trigger
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from bodymap.model import Catalog
from bodymap.ui.main_window import MainWindow


def zones_of(catalog: Catalog, muscle_id: str, trp_id: str,
             kinds: tuple[str, ...] = ("essential",)) -> set[str]:
    """A trigger point's zones of those kinds; essential ones are painted solid, so one pixel
    tells (a stipple's may fall in one of its gaps)."""
    trp = next(t for t in catalog.muscles[muscle_id].trigger_points if t.id == trp_id)
    return set(catalog.expand_zones([z for kind in kinds for z in getattr(trp.referral, kind)]))


def drawn_here(window: MainWindow, zones: set[str]) -> list[str]:
    shown = {zone for zone, _side in window.body_view.body_scene().zones}
    return sorted(zones & shown)


def painted(window: MainWindow, zones: list[str]) -> dict[str, bool]:
    view = window.body_view
    return {z: is_red(pixel(window, view.region_point(z, "L", kind="zone"))) for z in zones}


def showing(qtbot, window: MainWindow, view: str, layer: str, muscle_id: str) -> MainWindow:
    """The window with that view and layer, the muscle of the left side selected."""
    trigger(window, f"actionView{view}")
    trigger(window, f"actionLayer{layer}")
    click(qtbot, window, muscle_id, "L")
    return window


@pytest.fixture
def gluteus_minimus_from_the_side(qtbot, window: MainWindow) -> MainWindow:
    return showing(qtbot, window, "Lateral", "Deep", "gluteus_minimus")


def test_a_click_on_a_trigger_points_x_paints_its_referral_alone(
        qtbot, gluteus_minimus_from_the_side: MainWindow, catalog: Catalog):
    window = gluteus_minimus_from_the_side
    view = window.body_view
    # Essential to one trigger point and not reached at all by the other.
    both = ("essential", "spillover")
    only_own = drawn_here(window, zones_of(catalog, "gluteus_minimus", "trp1")
                          - zones_of(catalog, "gluteus_minimus", "trp2", both))
    only_other = drawn_here(window, zones_of(catalog, "gluteus_minimus", "trp2")
                            - zones_of(catalog, "gluteus_minimus", "trp1", both))
    assert only_own and only_other  # the two patterns differ on the side view
    assert all(painted(window, only_own + only_other).values())  # both, as selected
    x = view.marker_point("gluteus_minimus", "L", "trp1")
    qtbot.mouseMove(view.viewport(), x)
    assert "click to show its referral alone" in window.statusBar().currentMessage()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=x)
    assert view.trigger_point == "trp1"
    assert window.detail_panel.muscle_id == "gluteus_minimus"  # still the muscle shown
    assert all(painted(window, only_own).values())
    assert not any(painted(window, only_other).values())
    assert "its referral alone" in window.statusBar().currentMessage()
    # Its X again: all of them.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_minimus", "L", "trp1"))
    assert view.trigger_point is None
    assert all(painted(window, only_own + only_other).values())


def test_the_anterior_trigger_points_lower_buttock_is_solid_from_the_side(
        qtbot, gluteus_minimus_from_the_side: MainWindow, catalog: Catalog):
    # A therapist's review: from the side, the view a teacher uses for gluteus minimus, the
    # buttock showed only TrP2's provisional spillover (the middle buttock) stippled, while the
    # reference gives TrP1's lower outer buttock as essential. The side view draws the lower
    # buttock's outer half (the inner half, along the gluteal cleft, is out of sight there);
    # TrP1 alone paints it solid, below a bare middle buttock.
    window = gluteus_minimus_from_the_side
    view = window.body_view
    halves = {"lower_buttock_medial", "lower_buttock_lateral"}
    assert zones_of(catalog, "gluteus_minimus", "trp1") & halves == {"lower_buttock_lateral"}
    assert drawn_here(window, {*halves, "buttock"}) == ["buttock", "lower_buttock_lateral"]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_minimus", "L", "trp1"))
    assert view.trigger_point == "trp1"
    centre = view.region_point("lower_buttock_lateral", "L", kind="zone")
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    around = [image.pixelColor(int((centre.x() + dx) * ratio), int((centre.y() + dy) * ratio))
              for dx in range(-4, 5) for dy in range(-4, 5)]
    assert sum(map(is_red, around)) == len(around)  # solid, no stipple's gaps
    assert painted(window, ["lower_buttock_lateral", "buttock"]) == {
        "lower_buttock_lateral": True, "buttock": False}
    # ... with the middle buttock above it
    middle = view.region_point("buttock", "L", kind="zone")
    assert middle.y() < centre.y()


def referral_red(color: QColor) -> bool:
    """The referral's red over skin or muscle (#d32f2f at 80%, or stippled), not the darker,
    browner red of a muscle's fibre lines, which `is_red` also takes."""
    return is_red(color) and color.red() > 190 and color.green() < 100


def red_share(window: MainWindow, points: list[QPoint]) -> float:
    image = window.body_view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    colours = [image.pixelColor(int(p.x() * ratio), int(p.y() * ratio)) for p in points]
    return sum(map(referral_red, colours)) / len(colours)


def around(centre: QPoint, reach: int = 4) -> list[QPoint]:
    return [QPoint(centre.x() + dx, centre.y() + dy)
            for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)]


def zone_points(window: MainWindow, zone: str, top: float, bottom: float) -> list[QPoint]:
    """Viewport points a few pixels inside a zone of the left side, between two scene
    heights."""
    view = window.body_view
    item = view.body_scene().zones[(zone, "L")]
    path = item.mapToScene(item.path())
    box = path.boundingRect()
    found = []
    y = max(top, box.top())
    bottom = min(bottom, box.bottom())
    while y < bottom:
        x = box.left()
        while x < box.right():
            if all(path.contains(QPointF(x + dx, y + dy))
                   for dx, dy in ((-3, 0), (3, 0), (0, -3), (0, 3))):
                found.append(view.mapFromScene(QPointF(x, y)))
            x += 1.5
        y += 1.5
    return found


def cleft_strip(window: MainWindow, just_below_the_si_joint: bool = False) -> list[QPoint]:
    """Viewport points inside the left strip beside the gluteal cleft, all of it or its top,
    within a few pixels of the SI joint's lower edge."""
    scene = window.body_view.body_scene()
    joint = scene.zones[("si_joint", "L")].sceneBoundingRect()
    points = zone_points(window, "gluteal_cleft", -1e6,
                         joint.bottom() + 8 if just_below_the_si_joint else 1e6)
    assert len(points) > (3 if just_below_the_si_joint else 10)
    return points


@pytest.mark.parametrize(("muscle_id", "layer", "trp_id"),
                         [("medial_hamstrings", "Superficial", None),
                          ("gluteus_minimus", "Deep", "trp2")])
def test_the_lower_inner_buttock_does_not_reach_up_beside_the_coccyx(
        qtbot, window: MainWindow, muscle_id: str, layer: str, trp_id: str | None):
    # A review: the medial hamstrings (the reference: "lower gluteal fold") and gluteus minimus
    # TrP2 ("lower medial buttock") painted a strip up the cleft beside the coccyx, drawn for
    # gluteus maximus TrP1's crescent, while that strip was part of the lower inner buttock.
    # They paint the lower inner buttock solid and leave the strip bare.
    view = showing(qtbot, window, "Posterior", layer, muscle_id).body_view
    if trp_id is not None:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.marker_point(muscle_id, "L", trp_id))
        assert view.trigger_point == trp_id
    inner = zone_points(window, "lower_buttock_medial", -1e6, 1e6)
    assert len(inner) > 100
    assert red_share(window, inner) > 0.65
    assert red_share(window, cleft_strip(window)) == 0.0


def test_gluteus_maximus_trp1_paints_a_crescent_along_the_cleft_and_trp2_the_whole_buttock(
        qtbot, window: MainWindow, catalog: Catalog):
    # A therapist's review: TrP1's referral, "a crescent along the gluteal cleft including the
    # SI joint, down to above the gluteal fold", was painted as the SI joint, a bare gap
    # beside the coccyx and then a block across the whole lower buttock, as TrP2 (the whole
    # buttock) paints it, so on a slide the two looked alike. Alone, TrP1 paints the SI joint,
    # the strip beside the gluteal cleft and the lower buttock's inner half solid, with no gap
    # beside the coccyx, and leaves the outer half bare; TrP2 paints both halves.
    assert zones_of(catalog, "gluteus_maximus", "trp1") == {
        "si_joint", "gluteal_cleft", "lower_buttock_medial"}
    view = showing(qtbot, window, "Posterior", "Superficial", "gluteus_maximus").body_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_maximus", "L", "trp1"))
    assert view.trigger_point == "trp1"
    inner = view.region_point("lower_buttock_medial", "L", kind="zone")
    outer = view.region_point("lower_buttock_lateral", "L", kind="zone")
    assert outer.x() < inner.x()  # from behind, the left side's outer half is further left
    assert red_share(window, around(inner)) > 0.9
    # solid but where the Xs and the muscle's outline cover it (a stipple is half bare) ...
    inner_all = zone_points(window, "lower_buttock_medial", -1e6, 1e6)
    outer_all = zone_points(window, "lower_buttock_lateral", -1e6, 1e6)
    assert len(inner_all) > 100 and len(outer_all) > 100
    assert red_share(window, inner_all) > 0.65
    # ... and the outer half bare, not even stippled, anywhere a few pixels in from its edges
    assert red_share(window, outer_all) == 0.0
    # the strip along the cleft between the SI joint and the sit bone, beside the coccyx,
    # painted solid, so the pattern runs on from the SI joint without a gap
    assert red_share(window, cleft_strip(window)) > 0.95
    assert red_share(window, cleft_strip(window, just_below_the_si_joint=True)) == 1.0
    # TrP2: the whole buttock, both halves of the lower buttock solid (away from the Xs: TrP2's
    # ring and TrP3's X take a good part of the inner half, over the sit bone)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_maximus", "L", "trp2"))
    assert view.trigger_point == "trp2"
    xs = [view.marker_point("gluteus_maximus", "L", t) for t in ("trp1", "trp2", "trp3")]
    inner_clear = [p for p in inner_all
                   if all((p - x).manhattanLength() > 24 for x in xs)]
    assert len(inner_clear) > 50
    assert red_share(window, inner_clear) > 0.65 and red_share(window, outer_all) > 0.65
    assert red_share(window, cleft_strip(window)) > 0.95


def test_a_click_on_the_muscle_shows_all_its_trigger_points_again(
        qtbot, gluteus_minimus_from_the_side: MainWindow):
    window = gluteus_minimus_from_the_side
    view = window.body_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_minimus", "L", "trp1"))
    assert view.trigger_point == "trp1"
    click(qtbot, window, "gluteus_minimus", "L")
    assert view.trigger_point is None
    # And another muscle selected shows all of its own.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_minimus", "L", "trp1"))
    trigger(window, "actionLayerSuperficial")
    click(qtbot, window, "tensor_fasciae_latae", "L")
    assert view.trigger_point is None


def click_link(qtbot, browser: QTextBrowser, href: str) -> None:
    """Click a link of a text browser where it is laid out, as a reader does."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                point = QPoint(rect.center().x(), rect.center().y())
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


def test_the_panel_links_each_trigger_point_to_its_referral_alone(
        qtbot, gluteus_minimus_from_the_side: MainWindow):
    window = gluteus_minimus_from_the_side
    browser = window.findChild(QTextBrowser, "detailText")
    assert browser.document().find("only this on the body", 0,
                                   QTextDocument.FindFlag.FindCaseSensitively)
    click_link(qtbot, browser, "#trp:trp2")
    assert window.body_view.trigger_point == "trp2"
    # The page says which point the body shows alone, where the reader is, until all are shown.
    page = browser.toPlainText()
    trp2 = page[page.index("TrP2 (posterior part)"):]
    assert trp2.startswith("TrP2 (posterior part) shown alone on the body · show all of them:")
    assert page.count("shown alone") == 1 and "only this on the body" in page  # TrP1's
    click_link(qtbot, browser, "#trp:trp2")
    assert window.body_view.trigger_point is None
    assert "shown alone" not in browser.toPlainText()


def test_a_point_shown_alone_by_its_x_is_said_on_the_page_until_the_muscle_is_clicked(
        qtbot, gluteus_minimus_from_the_side: MainWindow):
    window = gluteus_minimus_from_the_side
    browser = window.findChild(QTextBrowser, "detailText")
    view = window.body_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.marker_point("gluteus_minimus", "L", "trp1"))
    assert view.trigger_point == "trp1"
    assert "TrP1 (anterior part) shown alone on the body" in browser.toPlainText()
    click(qtbot, window, "gluteus_minimus", "L")  # the muscle again: all of them
    assert view.trigger_point is None
    assert "shown alone" not in browser.toPlainText()


@pytest.mark.parametrize(("view", "layer", "muscle_id", "points"), [
    ("Anterior", "Superficial", "tensor_fasciae_latae", 1),
    ("Posterior", "Deep", "piriformis", 2),  # one pattern for both (the manual)
    ("Anterior", "Deep", "iliopsoas", 3),  # alike, all three
])
def test_a_muscle_whose_trigger_points_refer_alike_has_no_such_link(
        qtbot, window: MainWindow, catalog: Catalog, view, layer, muscle_id, points):
    trigger(window, f"actionView{view}")
    trigger(window, f"actionLayer{layer}")
    click(qtbot, window, muscle_id, "L")
    assert len(catalog.muscles[muscle_id].trigger_points) == points
    browser = window.findChild(QTextBrowser, "detailText")
    assert browser.document().find("only this on the body").isNull()
