"""The public API of bodymap.diagram: views, regions, hit testing, and the SVG contract checks."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF

from bodymap import resources
from bodymap.diagram import (
    VIEWS,
    DiagramError,
    Landmark,
    Region,
    View,
    load_view,
    parse_region_id,
    read_view,
)

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">'


def make_view(body: str, head: str = SVG_HEAD) -> View:
    return View("test", Path("test.svg"), f"{head}{body}</svg>".encode())


def test_views_are_the_three_body_views():
    assert VIEWS == ("posterior", "lateral", "anterior")


def test_load_view_reads_each_view_once():
    for name in VIEWS:
        view = load_view(name)
        assert load_view(name) is view
        assert view.name == name
        assert view.svg_path == resources.asset_path(f"body-{name}.svg")
        assert view.svg_bytes == view.svg_path.read_bytes()
        assert view.view_box.topLeft() == QPointF(0, 0)
        assert view.view_box.height() > view.view_box.width() > 0  # portrait


def test_each_art_layer_is_a_document_of_its_own():
    view = make_view('<defs><linearGradient id="art-g"/></defs>'
                     '<g id="layer-body"><path id="art-skin" d="M0 0H10V10Z"/></g>'
                     '<g id="layer-superficial"><path id="m-piriformis-L" d="M1 1H5V5Z"/></g>'
                     '<g id="layer-deep"/>')
    superficial = ET.fromstring(view.art_svg("superficial"))
    assert superficial.get("viewBox") == "0 0 100 50"
    ids = {e.get("id") for e in superficial.iter()} - {None}
    assert ids == {"art-g", "layer-superficial", "m-piriformis-L"}  # defs kept, other layers not
    assert superficial.tag == "{http://www.w3.org/2000/svg}svg"
    assert b"ns0:" not in view.art_svg("body")  # plain SVG that QtSvg reads
    with pytest.raises(ValueError, match="unknown layer"):
        view.art_svg("skin")


def test_landmark_labels_are_taken_out_of_the_art_for_the_window_to_draw():
    view = make_view('<g id="layer-body"><g id="art-landmarks">'
                     '<line x1="0" y1="9" x2="5" y2="9"/>'
                     '<text x="8" y="12" font-size="9">T12</text>'
                     '<text x="60" y="33" font-size="9" text-anchor="end">ASIS</text></g>'
                     '<text x="50" y="45" font-size="20">Left</text></g>')
    # Anchored as the SVG anchors them, at the level of the middle of their letters.
    assert view.landmarks == (Landmark("T12", 8, 9, "start"), Landmark("ASIS", 60, 30, "end"))
    art = ET.fromstring(view.art_svg("body"))
    assert [e.text for e in art.iter("{http://www.w3.org/2000/svg}text")] == ["Left"]
    assert len(list(art.iter("{http://www.w3.org/2000/svg}line"))) == 1  # the ticks stay art


def test_the_real_views_label_their_landmarks_beside_the_body_and_their_title_above():
    expected = {"posterior": {"T12", "L1", "L3", "L4 · top of crest", "S2 · PSIS", "coccyx tip",
                              "Back view"},
                "lateral": {"top of crest (L4)", "greater trochanter", "knee joint",
                            "lateral malleolus", "← front · Left side view · back →"},
                "anterior": {"xiphoid", "lowest rib", "navel", "ASIS", "pubic symphysis",
                             "Front view"}}
    for name, labels in expected.items():
        view = load_view(name)
        assert {landmark.text for landmark in view.landmarks} == labels
        for landmark in view.landmarks:
            assert not view.outline.contains(QPointF(landmark.x, landmark.y)), landmark
            assert landmark.text.encode() not in view.art_svg("body")
        title = next(landmark for landmark in view.landmarks if "view" in landmark.text)
        assert title.anchor == "middle"
        assert title.y < view.outline.boundingRect().top()  # above the body, read first


def test_side_labels_are_taken_out_of_the_art_for_the_window_to_draw_over_the_referral():
    view = make_view('<g id="layer-body"><g id="art-side-labels">'
                     '<text x="30" y="40" font-size="18" text-anchor="middle">Left</text>'
                     '<text x="70" y="40" font-size="18" text-anchor="middle">Right</text></g>'
                     '<text x="50" y="45" font-size="9">S1</text></g>')
    # At their own size (they grow with the body), centred on the middle of their letters.
    assert view.side_labels == (Landmark("Left", 30, 34, "middle", 18),
                                Landmark("Right", 70, 34, "middle", 18))
    assert view.landmarks == ()
    art = ET.fromstring(view.art_svg("body"))
    assert [e.text for e in art.iter("{http://www.w3.org/2000/svg}text")] == ["S1"]


def art_texts(view: View) -> list[str]:
    """The texts the body art still draws itself."""
    art = ET.fromstring(view.art_svg("body"))
    return ["".join(e.itertext()) for e in art.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize(("name", "viewers_left_to_right"), [
    ("posterior", ["Left", "Right"]),  # seen from behind: the person's left on the viewer's left
    ("anterior", ["Right", "Left"]),  # facing the person: their left on the viewer's right
    ("lateral", ["Left"]),  # the person's left side only
])
def test_the_real_views_label_each_side_on_the_body(name, viewers_left_to_right):
    view = load_view(name)
    labels = sorted(view.side_labels, key=lambda label: label.x)
    assert [label.text for label in labels] == viewers_left_to_right
    middle = view.outline.boundingRect().center().x()
    for label in labels:
        assert view.outline.contains(QPointF(label.x, label.y)), label  # on the body
        assert label.anchor == "middle" and label.size >= 18  # large, as the drawing has them
        if len(labels) == 2:  # each on its own half of the body
            assert (label.x < middle) == (label is labels[0]), label
    assert not {"Left", "Right"} & set(art_texts(view))  # the art no longer draws them


def test_unknown_view_and_layer_are_errors():
    with pytest.raises(ValueError, match="unknown view"):
        load_view("sideways")
    with pytest.raises(ValueError, match="unknown layer"):
        load_view("posterior").regions_in("skin")
    with pytest.raises(ValueError, match="unknown layer"):
        load_view("posterior").region_at(QPointF(1, 1), "body")


@pytest.mark.parametrize(("region_id", "parsed"), [
    ("m-gluteus_medius-L", ("muscle", "gluteus_medius", None, "L")),
    ("z-sacrum", ("zone", "sacrum", None, None)),
    ("z-flank-R", ("zone", "flank", None, "R")),
    ("x-quadratus_lumborum-trp4-R", ("marker", "quadratus_lumborum", "trp4", "R")),
    ("art-sacrum", None),
    ("m-Gluteus-L", None),
    ("m-gluteus_medius", None),
    ("x-piriformis-L", None),
])
def test_parse_region_id(region_id, parsed):
    assert parse_region_id(region_id) == parsed


def test_regions_carry_kind_target_side_and_layer():
    view = make_view(
        '<g id="layer-body"><path id="art-body-outline" d="M0,0 H100 V50 H0 Z"/></g>'
        '<g id="layer-superficial"><path id="m-piriformis-L" d="M0,0 H50 V50 H0 Z"/>'
        '<g><path id="m-piriformis-R" d="M50,0 H100 V50 H50 Z"/></g></g>'
        '<g id="layer-deep"/>'
        '<g id="layer-zones"><rect id="z-sacrum" x="40" y="0" width="20" height="50"/></g>'
        '<g id="layer-markers"><circle id="x-piriformis-trp1-L" cx="10" cy="10" r="2"/></g>')
    assert list(view.regions) == ["m-piriformis-L", "m-piriformis-R", "z-sacrum",
                                  "x-piriformis-trp1-L"]
    left = view.regions["m-piriformis-L"]
    assert (left.kind, left.target, left.trp, left.side, left.layer) == (
        "muscle", "piriformis", None, "L", "superficial")
    zone = view.regions["z-sacrum"]
    assert (zone.kind, zone.target, zone.side, zone.layer) == ("zone", "sacrum", None, "zones")
    marker = view.regions["x-piriformis-trp1-L"]
    assert (marker.kind, marker.target, marker.trp, marker.side) == (
        "marker", "piriformis", "trp1", "L")
    assert marker.path.boundingRect().center() == QPointF(10, 10)
    assert view.regions_in("deep") == []
    assert [r.id for r in view.regions_in("superficial")] == ["m-piriformis-L", "m-piriformis-R"]
    assert view.outline.boundingRect() == QRectF(0, 0, 100, 50)
    assert view.view_box == QRectF(0, 0, 100, 50)


def test_regions_are_frozen_and_compare_by_name():
    view = load_view("posterior")
    region = view.regions["m-piriformis-L"]
    assert isinstance(region, Region)
    with pytest.raises(AttributeError):
        region.id = "m-other-L"  # type: ignore[misc]
    assert region == Region(region.id, "muscle", "piriformis", None, "L", "deep",
                            path=view.regions["m-piriformis-R"].path)


def test_region_at_is_exact_and_topmost_wins():
    view = make_view(
        '<g id="layer-superficial">'
        '<circle id="m-gluteus_maximus-L" cx="25" cy="25" r="20"/>'
        '<rect id="m-gluteus_medius-L" x="30" y="20" width="30" height="10"/>'
        '</g>')
    assert view.region_at(QPointF(25, 25), "superficial").id == "m-gluteus_maximus-L"
    assert view.region_at(QPointF(40, 25), "superficial").id == "m-gluteus_medius-L"
    # inside the circle's bounding box but outside the circle itself
    assert view.region_at(QPointF(7, 7), "superficial") is None
    assert view.region_at(QPointF(25, 25), "deep") is None


def test_every_region_of_the_real_views_is_reachable(views):
    """Each muscle, zone and marker has a point where it is the topmost of its layer."""
    for view in views.values():
        for region in view.regions.values():
            point = reachable_point(view, region)
            assert point is not None, f"{view.name}: {region.id} is covered everywhere"


def reachable_point(view: View, region: Region) -> QPointF | None:
    if region.kind == "marker":
        centre = region.path.boundingRect().center()
        return centre if view.region_at(centre, region.layer) == region else None
    rect = region.path.boundingRect()
    for i in range(1, 24):
        for j in range(1, 24):
            p = QPointF(rect.left() + rect.width() * i / 24, rect.top() + rect.height() * j / 24)
            if region.path.contains(p) and view.region_at(p, region.layer) == region:
                return p
    return None


@pytest.mark.parametrize(("body", "message"), [
    ('<g id="layer-superficial"><path id="z-flank-L" d="M0,0 H1 V1 Z"/></g>', "is a zone"),
    ('<g id="layer-zones"><path id="m-piriformis-L" d="M0,0 H1 V1 Z"/></g>', "is a muscle"),
    ('<g id="layer-zones"><path id="z-flank-L" d="M0,0 H1 V1 Z"/>'
     '<path id="z-flank-L" d="M0,0 H1 V1 Z"/></g>', "duplicate"),
    ('<g id="layer-zones" transform="translate(5,0)"><path id="z-flank-L" d="M0,0 H1 V1 Z"/>'
     '</g>', "transform"),
    ('<g id="layer-zones"><g transform="scale(2)"><path id="z-flank-L" d="M0,0 H1 V1 Z"/></g>'
     '</g>', "transform"),
    ('<g id="layer-markers"><circle id="x-piriformis-trp1-L" cx="1" cy="1" r="1"'
     ' transform="rotate(3)"/></g>', "transform"),
    ('<g id="layer-zones"><path id="z-Flank-L" d="M0,0 H1 V1 Z"/></g>', "malformed region id"),
    ('<g id="layer-zones"><path id="z-flank-L" d="M0,0 Q"/></g>', "z-flank-L"),
    ('<g id="layer-skin"/>', "unknown layer"),
    ('<g id="layer-zones"/><g id="layer-zones"/>', "twice"),
    ('<g><path id="z-flank-L" d="M0,0 H1 V1 Z"/></g>', "outside the layer groups"),
    ('<g id="layer-zones"><path id="z-flank-L"', "not well-formed"),
])
def test_contract_violations_are_diagram_errors(body, message):
    with pytest.raises(DiagramError, match=message):
        make_view(body)


def test_missing_or_bad_viewbox_is_an_error():
    with pytest.raises(DiagramError, match="viewBox"):
        make_view("", head='<svg xmlns="http://www.w3.org/2000/svg">')
    with pytest.raises(DiagramError, match="viewBox"):
        make_view("", head='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 wide">')


def test_art_may_carry_transforms_without_breaking_regions():
    view = make_view('<g id="layer-body"><path id="art-x" transform="scale(2)" d="M0,0 H1 V1 Z"/>'
                     '</g><g id="layer-zones"><path id="z-flank-L" d="M0,0 H1 V1 Z"/></g>')
    assert list(view.regions) == ["z-flank-L"]


def same_view(a: View, b: View) -> bool:
    return (a.view_box == b.view_box and list(a.regions) == list(b.regions)
            and all(a.regions[i] == b.regions[i] and a.regions[i].path == b.regions[i].path
                    for i in a.regions)
            and a.outline == b.outline and a.landmarks == b.landmarks
            and a.side_labels == b.side_labels
            and all(a.art_svg(layer) == b.art_svg(layer) for layer in ("body", "deep", "zones")))


def test_a_view_read_again_comes_from_the_cache_folder_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("BODYMAP_CACHE_DIR", str(tmp_path / "cache"))
    svg = resources.asset_path("body-posterior.svg")
    parsed = read_view("posterior", svg)
    (cache_file,) = (tmp_path / "cache").iterdir()
    assert cache_file.name.startswith("view-posterior-")
    monkeypatch.setattr(View, "__init__", lambda *a: pytest.fail("parsed the SVG again"))
    cached = read_view("posterior", svg)
    assert cached is not parsed
    assert same_view(cached, parsed)
    point = parsed.regions["m-gluteus_medius-L"].path.pointAtPercent(0.5)
    assert cached.region_at(point, "superficial") == parsed.region_at(point, "superficial")


def test_a_changed_svg_is_parsed_again_and_replaces_its_old_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BODYMAP_CACHE_DIR", str(tmp_path / "cache"))
    svg = tmp_path / "body-test.svg"
    svg.write_text(f'{SVG_HEAD}<g id="layer-superficial"><path id="m-piriformis-L" '
                   'd="M1 1H5V5Z"/></g></svg>')
    assert set(read_view("test", svg).regions) == {"m-piriformis-L"}
    svg.write_text(f'{SVG_HEAD}<g id="layer-superficial"><path id="m-piriformis-R" '
                   'd="M1 1H5V5Z"/></g></svg>')
    assert set(read_view("test", svg).regions) == {"m-piriformis-R"}
    assert len(list((tmp_path / "cache").glob("view-test-*.pickle"))) == 1


def test_a_broken_or_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BODYMAP_CACHE_DIR", str(folder))
    svg = resources.asset_path("body-lateral.svg")
    parsed = read_view("lateral", svg)
    (cache_file,) = folder.iterdir()
    cache_file.write_bytes(cache_file.read_bytes()[:500])  # cut short, as by a full disk
    assert same_view(read_view("lateral", svg), parsed)
    assert cache_file.stat().st_size > 500  # written again, whole
    folder_file = tmp_path / "not-a-folder"
    folder_file.write_text("")
    monkeypatch.setenv("BODYMAP_CACHE_DIR", str(folder_file))  # cannot be written into
    assert same_view(read_view("lateral", svg), parsed)
