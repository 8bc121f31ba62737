"""The command line as a teacher uses it: validate, export, and the real window."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.packs import PACK_SOURCES, VALID_MUSCLE, replace_line, write_pack

from bodymap.cli import main
from bodymap.model import load_catalog

ROOT = Path(__file__).resolve().parents[2]


def test_validate_builtin_data_is_clean(capsys: pytest.CaptureFixture[str]):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.endswith(": no problems")
    assert out.startswith("14 muscles, ")


def test_validate_reports_each_problem_and_fails(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]):
    (tmp_path / "muscles").mkdir()
    (tmp_path / "muscles" / "x.yaml").write_text("id: x\nid: y\n")
    assert main(["validate", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.endswith("x.yaml:2:1: duplicate key 'id' (first given at line 1)")
               for line in lines)


def test_validate_reports_a_muscle_file_outside_muscles(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]):
    from bodymap.resources import data_dir

    text = (data_dir() / "muscles" / "piriformis.yaml").read_text(encoding="utf-8")
    (tmp_path / "piri_flat.yaml").write_text(text.replace("id: piriformis", "id: piri_flat"),
                                             encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "no problems" not in out
    assert err == "2 problems; 1 file not loaded until fixed\n"
    assert (f"{tmp_path / 'piri_flat.yaml'}:1:1: this file is not read: muscle files go in "
            "muscles/; move it to muscles/piri_flat.yaml") in out.splitlines()
    assert f"{tmp_path}:1:1: this pack adds no muscle, zone or source" in out


def test_validate_names_where_an_unclosed_bracket_opened(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]):
    from bodymap.resources import data_dir

    text = (data_dir() / "muscles" / "piriformis.yaml").read_text(encoding="utf-8")
    text = text.replace("id: piriformis", "id: piri_copy").replace(
        "views: [posterior]", "views: [posterior")
    (tmp_path / "muscles").mkdir()
    (tmp_path / "muscles" / "piri_copy.yaml").write_text(text, encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.endswith("piri_copy.yaml:9:12: YAML syntax error: the '[' opened at line 7, "
                         "column 8 is not closed: add ']' where it ends")


def test_validate_reports_a_list_item_run_into_the_one_above(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]):
    # YAML reads the item indented one space too far as more text of the item above it.
    text = replace_line(7, "actions:\n  - Abducts the hip\n   - Helps hold the femur in its socket")
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    assert main(["validate", str(pack)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{pack / 'muscles' / 'pack_muscle.yaml'}:9:4: this list item is indented 1 space more "
        "than the item on line 8 (its '-' is in column 3), so YAML reads it as more text of "
        "that item, not as an item of its own: indent it like the items above"]
    assert err == "1 problem; 1 file not loaded until fixed\n"


def test_validate_notes_a_pack_muscle_the_drawings_cannot_show_and_passes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    assert main(["validate", str(pack)]) == 0
    note, summary = capsys.readouterr().out.splitlines()
    assert note == (f"{pack / 'muscles' / 'pack_muscle.yaml'}:1:5: note: muscle 'pack_muscle' "
                    "has no shape in the body drawings, which a pack cannot add: it is listed, "
                    "found by search and its referral is painted, but it cannot be clicked on "
                    "the body and its trigger points are not marked on it")
    assert summary.startswith("15 muscles, ") and summary.endswith(": no problems; 1 note")


def test_a_pack_may_be_given_before_the_command_or_after_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    other = write_pack(
        tmp_path / "other",
        {"other_muscle": VALID_MUSCLE.replace("pack_", "other_")},
        sources=PACK_SOURCES.replace("pack_source", "other_source"))
    assert main(["validate", "--data", str(pack)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("15 muscles, ")
    # Both places at once: each pack is loaded, neither replaces the other.
    assert main(["--data", str(pack), "validate", "--data", str(other)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("16 muscles, ")
    picture = tmp_path / "pack_muscle.png"
    assert main(["export", "--data", str(pack), "--muscle", "pack_muscle", "-o",
                 str(picture)]) == 0
    assert picture.read_bytes().startswith(b"\x89PNG")


def test_validate_a_pack_whose_sources_yaml_does_not_parse_names_only_that_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """The source the muscle cites is in the sources.yaml that YAML cannot read: the file's
    mistake is the one problem, not a call to add the entry again where the muscle cites it
    (once the quote is closed, that would be a source defined twice)."""
    write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE},
               sources=PACK_SOURCES.replace("title: Class notes", 'title: "Class notes'))
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "pack"]) == 1
    out, err = capsys.readouterr()
    note, problem = out.splitlines()  # in file order
    assert problem == ('pack/sources.yaml:7:1: YAML syntax error: the quote " opened at line 5, '
                       "column 12 is never closed (YAML reached the end of the file looking for "
                       "it): add the closing quote")
    assert note.startswith("pack/muscles/pack_muscle.yaml:1:5: note: ")
    assert err == "1 problem; 1 file not loaded until fixed; 1 note\n"
    # The muscle file checked alone has no problem of its own: the pack's is counted.
    assert main(["validate", "pack/muscles/pack_muscle.yaml"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "pack/muscles/pack_muscle.yaml: no problems; 1 note; 1 problem in other files not "
        "shown: bodymap validate pack")


def test_validate_warns_of_a_pack_zone_the_drawings_cannot_show(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "zones.yaml").write_text("zones:\n  - id: heel\n    label: Heel\n"
                                     "    views: [lateral]\n", encoding="utf-8")
    assert main(["validate", str(pack)]) == 1
    out, err = capsys.readouterr()
    assert (f"{pack / 'zones.yaml'}:2:9: zone 'heel' has no shape in the body drawings, so it is "
            "never painted and cannot be marked (a pack cannot add drawings): use a zone the "
            "drawings have, or make 'heel' a group of them ('parts:' in place of 'views:')"
            ) in out.splitlines()
    assert err == "1 problem; 1 note\n"


def test_validate_reports_a_files_cross_field_mistakes_with_its_schema_mistake(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """A teacher's file with one unknown key and four mistakes between fields: one run lists all
    five, each at its line, in file order (before, the four showed only once the key was fixed)."""
    text = VALID_MUSCLE.replace("spillover: [posterior_thigh]", "spillover: [buttock]")
    text = text.replace("    sources: [pack_source]\n", "    sources: [pack_source]\n"
                        "  - id: trp1\n    label: TrP2\n    location: Above the trochanter\n"
                        "    referral: {essential: [lateral_thigh]}\n"
                        "    sources: [pack_source]\n", 1)
    text = text.replace("method: flat}", "method: flat, pressure: firm}")
    text = text.replace("start: [6, 7]", "start: [7, 5]")
    text = text.replace("{typical: 5, max: 90}", "{typical: 60, max: 30}")
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    assert main(["validate", str(pack)]) == 1
    out, err = capsys.readouterr()
    path = pack / "muscles" / "pack_muscle.yaml"
    # An unknown key is reported and ignored, and the mistakes between fields leave nothing
    # out, so the muscle loads (the note says a pack muscle has no drawing).
    assert [line for line in out.splitlines() if ": note: " not in line] == [
        f"{path}:15:18: zone buttock is listed as both essential and spillover",
        f"{path}:17:9: trigger point id 'trp1' is used twice in this muscle",
        f"{path}:25:49: unknown key 'pressure' in palpation; expected one of: position, method, "
        "notes",
        f"{path}:29:30: 'start' must be [low, high], low <= high",
        f"{path}:30:36: 'max' is below 'typical'",
    ]
    assert err == "5 problems; 1 note\n"


BAD_ZONE = "zones:\n  - id: pack_spot\n    label: A spot\n    parts: [buttock]\n" \
           "  - id: pack_patch\n    label: 5\n    parts: [calf_upper]\n"
BAD_SOURCE = PACK_SOURCES + "  - id: pack_notes\n    authors: Teacher B\n    year: twenty\n" \
                            "    title: More notes\n    published_in: Course handout\n"


@pytest.mark.parametrize(("muscle", "sources", "expected"), [
    (VALID_MUSCLE, PACK_SOURCES,
     "1 problem; 1 entry left out until fixed, the rest of its file loaded: "
     "{pack}/zones.yaml (zone 'pack_patch'); 1 note"),  # pack_muscle has no shape: a note
    (replace_line(3, "group: hipp"), BAD_SOURCE,
     "3 problems; 1 file not loaded until fixed; 2 entries left out until fixed, the rest of "
     "their files loaded: {pack}/sources.yaml (source 'pack_notes'), "
     "{pack}/zones.yaml (zone 'pack_patch')"),
], ids=["only an entry left out", "a file skipped and entries of two files left out"])
def test_validate_summary_tells_files_left_out_from_entries_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], muscle: str, sources: str,
        expected: str):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": muscle}, sources=sources)
    (pack / "zones.yaml").write_text(BAD_ZONE, encoding="utf-8")
    assert main(["validate", str(pack)]) == 1
    out, err = capsys.readouterr()
    assert f"{pack / 'zones.yaml'}:6:12: 'label' must be text, got a number (5) (put it in " \
           "quotes)" in out.splitlines()
    assert err == expected.format(pack=pack) + "\n"


def test_validate_a_file_checks_it_in_its_pack_and_reports_only_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """A teacher checks the file they are editing, as with a linter: its sources resolve in its
    pack (sources.yaml), and a mistake in another file of the pack is only counted."""
    write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (tmp_path / "pack" / "zones.yaml").write_text(BAD_ZONE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "pack/muscles/pack_muscle.yaml"]) == 0
    out, err = capsys.readouterr()
    note, summary = out.splitlines()
    assert note.startswith("pack/muscles/pack_muscle.yaml:1:5: note: muscle 'pack_muscle' has no "
                           "shape in the body drawings")
    assert summary == ("pack/muscles/pack_muscle.yaml: no problems; 1 note; 1 problem in other "
                       "files not shown: bodymap validate pack")
    assert err == ""


def test_validate_a_skeleton_file_reports_its_missing_keys_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "muscles" / "z.yaml").write_text("id: z\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "pack/muscles/z.yaml"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "pack/muscles/z.yaml:1:1: muscle is missing 17 required keys: name, group, layer, views, "
        "attachments, actions, innervation, trigger_points, symptoms, often_mistaken_for, "
        "perpetuating_factors, palpation, technique, self_care, stretches, cautions, sources "
        "(docs/data-format.md has a muscle file to start from, with every one)"]
    assert err == "1 problem; 1 file not loaded until fixed\n"


def test_validate_a_file_bodymap_does_not_read_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (tmp_path / "pack" / "notes.txt").write_text("to do\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "pack/notes.txt"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "pack/notes.txt:1:1: this file is not read: bodymap reads muscles/<muscle id>.yaml, "
        "zones.yaml and sources.yaml in a pack folder"]


def test_validate_a_builtin_file_checks_it_once(capsys: pytest.CaptureFixture[str]):
    # The built-in data is loaded anyway: loaded again as a pack, each id would clash.
    from bodymap.model.loader import builtin_data_dir, display_path

    piriformis = builtin_data_dir() / "muscles" / "piriformis.yaml"
    assert main(["validate", display_path(piriformis)]) == 0
    assert capsys.readouterr().out == f"{display_path(piriformis)}: no problems\n"


def test_validate_the_muscles_folder_or_the_folder_above_names_the_pack_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    # One line says what is wrong: the muscle files are in their place in the pack, and a line
    # for each saying so again (before) buried the one thing to do under repeats.
    write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE, "other_muscle": VALID_MUSCLE})
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "pack/muscles"]) == 1
    assert capsys.readouterr() == (
        "pack/muscles:1:1: this is a pack's muscles/ folder, not a pack: give the folder that "
        "holds it, pack, as the pack\n", "1 problem\n")
    assert main(["validate", "."]) == 1
    assert capsys.readouterr() == (
        ".:1:1: this folder is not a pack, but holds one: give pack as the pack\n",
        "1 problem\n")


@pytest.mark.parametrize(("where", "given", "pack"), [
    ("pack/muscles", ".", ".. (the folder above)"),
    ("pack/muscles", "./", ".. (the folder above)"),
    ("pack/muscles", "../muscles", ".. (the folder above)"),
    ("pack", "muscles", ". (the current folder)"),
    ("pack", "./muscles/", ". (the current folder)"),
])
def test_validate_the_muscles_folder_from_inside_the_pack_names_the_pack_as_typed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        where: str, given: str, pack: str):
    # From inside muscles/, "." was told "move it to muscles/pack_muscle.yaml" (Path('.').name
    # is ''), and the pack by its whole path from the root.
    write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    monkeypatch.chdir(tmp_path / where)
    shown = "." if where == "pack/muscles" else "muscles"
    assert main(["validate", given]) == 1
    assert capsys.readouterr() == (
        f"{shown}:1:1: this is a pack's muscles/ folder, not a pack: give the folder that holds "
        f"it, {pack}, as the pack\n", "1 problem\n")


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"),
                                                (".pdf", b"%PDF")])
def test_export_writes_a_valid_file(tmp_path: Path, suffix: str, magic: bytes):
    out = tmp_path / f"gmed{suffix}"
    assert main(["export", "--muscle", "gluteus_medius", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)
    assert out.stat().st_size > 2000


def test_export_frames_the_region_or_on_request_the_whole_body(tmp_path: Path):
    from helpers.marks import picture_rows
    from PySide6.QtGui import QImage

    region, body = tmp_path / "region.png", tmp_path / "body.png"
    assert main(["export", "--muscle", "piriformis", "-o", str(region)]) == 0
    assert main(["export", "--muscle", "piriformis", "--frame", "body", "-o", str(body)]) == 0
    # The page is 1600 px wide and as tall as its picture needs: the low back to the thighs
    # make a squat picture (the handout's words follow it), the standing body one as tall as
    # the A4 page's shape allows.
    region_image, body_image = QImage(str(region)), QImage(str(body))
    assert region_image.width() == body_image.width() == 1600
    assert body_image.height() == 2348
    _top, region_bottom = picture_rows(region_image)
    assert region_bottom < 0.8 * body_image.height()


def test_export_slide_is_16_by_9(tmp_path: Path):
    import re

    from PySide6.QtGui import QImage

    png, pdf = tmp_path / "slide.png", tmp_path / "slide.pdf"
    for out in (png, pdf):
        assert main(["export", "--muscle", "piriformis", "--layout", "slide", "-o", str(out)]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1920, 1080)
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf.read_bytes())
    assert box is not None
    assert float(box[1]) / float(box[2]) == pytest.approx(16 / 9, rel=0.01)


def test_export_of_a_zone_group_marks_its_parts(tmp_path: Path):
    from PySide6.QtGui import QImage

    def marked_pixels(zones: str) -> int:
        out = tmp_path / f"{zones}.png"
        assert main(["export", "--zones", zones, "--side", "L", "-o", str(out)]) == 0
        image = QImage(str(out)).scaledToWidth(400)
        return sum(1 for y in range(image.height()) for x in range(image.width())
                   if (c := image.pixelColor(x, y)).blue() > 150 and c.red() < 120)

    assert marked_pixels("lumbar_paraspinal") == marked_pixels(
        "lumbar_paraspinal_upper,lumbar_paraspinal_lower") > 0


def test_export_of_marked_pain_says_where_in_its_title(tmp_path: Path):
    def title(*args: str) -> str:
        out = tmp_path / "pain.svg"
        assert main(["export", *args, "-o", str(out)]) == 0
        return " ".join(out.read_text(encoding="utf-8").split())

    assert "Marked pain: Sacrum, Buttock (middle, right)" in title(
        "--zones", "buttock,sacrum", "--side", "R")  # head to foot, the midline sacrum unsided
    assert "Marked pain: Sacrum, Buttock (middle, both sides)" in title(
        "--zones", "buttock,sacrum")


def test_export_of_marked_zones_in_the_lateral_view(tmp_path: Path):
    from PySide6.QtGui import QImage

    out = tmp_path / "pain.png"
    assert main(["export", "--zones", "lateral_leg,greater_trochanter", "--view", "lateral",
                 "-o", str(out)]) == 0
    image = QImage(str(out))
    assert not image.isNull() and image.width() == 1600


def test_export_of_both_sides_paints_both(tmp_path: Path):
    from helpers.marks import picture_rows
    from helpers.pictures import body_spans, is_skin_colour
    from PySide6.QtGui import QImage

    def red_in_outer_thirds(side: str) -> tuple[int, int]:
        """Red pixels in the left and the right third of the back view (the picture's first
        body; the side view may stand beside it), in the rows the body is in (the key's red
        swatch and the words' red headings are below it). The sacrum, in the middle, is
        shared."""
        out = tmp_path / f"gmed-{side}.png"
        assert main(["export", "--muscle", "gluteus_medius", "--side", side, "-o", str(out)]) == 0
        image = QImage(str(out))
        left, right = body_spans(image)[0]
        third = (right - left) // 3
        top, bottom = picture_rows(image)
        rgb = [[image.pixelColor(x, y).getRgb()[:3] for x in range(left, right, 3)]
               for y in range(top, bottom + 1, 3)]
        body_rows = [row for row in rgb if any(is_skin_colour(*c) for c in row)]

        def red(columns: range) -> int:
            return sum(1 for row in body_rows for i in columns
                       if row[i][0] > 190 and row[i][1] < 100 and row[i][2] < 100)

        width = len(rgb[0])
        return red(range(0, third // 3)), red(range(width - third // 3, width))

    left, right, both = (red_in_outer_thirds(side) for side in ("L", "R", "both"))
    # The back view: the body's left on the picture's left (a few red pixels where
    # the outlines meet the referral is not the other side's referral).
    assert left[0] > 500 and left[1] < left[0] / 50
    assert right[1] > 500 and right[0] < right[1] / 50
    assert both[0] > 500 and both[1] > 500


def test_export_of_a_muscle_on_a_view_without_it_says_where_it_is_drawn(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    # The front view shows multifidus's referral to the belly, not the muscle or its Xs.
    out = tmp_path / "multifidus-front.svg"
    assert main(["export", "--muscle", "multifidus", "--view", "anterior", "--side", "L",
                 "-o", str(out)]) == 0
    svg = " ".join(out.read_text(encoding="utf-8").split())
    # Its essential referral, the low back, is on the back view, which goes beside it, with
    # the muscle and its Xs: the picture has them after all, and its title says so.
    assert "Front view" in svg and "Back view" in svg
    assert "Multifidus (with rotatores): trigger points and referral" in svg
    assert "Essential referral zone" in svg and "Trigger point" in svg
    # The side view shows neither: nothing is written, and the message says which view does.
    side = tmp_path / "multifidus-side.png"
    assert main(["export", "--muscle", "multifidus", "--view", "lateral", "-o", str(side)]) == 2
    assert "try --view posterior" in capsys.readouterr().err and not side.exists()


def test_export_of_a_pack_muscle_the_drawings_lack_promises_no_drawing(tmp_path: Path):
    # A teacher's muscle names its view but has no shape there: the slide said "the muscle is
    # drawn in the back view", which the class could not find.
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    out = tmp_path / "pack.svg"
    assert main(["export", "--data", str(pack), "--muscle", "pack_muscle", "--layout", "slide",
                 "-o", str(out)]) == 0
    svg = " ".join(out.read_text(encoding="utf-8").split())
    assert "Pack muscle: referral (no drawing of the muscle)" in svg
    assert "drawn in the" not in svg


def test_export_refuses_unknown_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["export", "--muscle", "popliteus", "-o", str(tmp_path / "a.png")]) == 2
    assert "unknown muscle 'popliteus'" in capsys.readouterr().err
    assert main(["export", "--zones", "buttocks", "-o", str(tmp_path / "a.png")]) == 2
    capsys.readouterr()
    # A picture type bodymap cannot write is typed wrong too (it exited 1, as a failed write).
    assert main(["export", "--muscle", "piriformis", "-o", str(tmp_path / "a.gif")]) == 2
    assert capsys.readouterr().err == ("bodymap export: unknown picture type '.gif': use .png, "
                                       ".svg or .pdf\n")
    assert not (tmp_path / "a.gif").exists()


def bodymap(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """bodymap run as a shell runs it, for the exit status a script sees: this checkout's, as
    the tests import it (the environment's may be another's)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "bodymap", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("args", "status", "said"), [
    (["export", "--muscle", "piriformis", "-o", "handout.jpg"], 2,
     "bodymap export: unknown picture type '.jpg': use .png, .svg or .pdf"),
    (["export", "--muscle", "piriformis", "-o", "handout"], 2,
     "bodymap export: 'handout' has no picture type: end it in .png, .svg or .pdf"),
    (["export", "--muscle", "gluteus", "-o", "handout.png"], 2,
     "bodymap export: muscle 'gluteus' could be any of 3; did you mean 'gluteus_maximus', "
     "'gluteus_medius' or 'gluteus_minimus'? (the 14 muscles are listed by: bodymap list "
     "muscles)"),
    (["export", "--muscle", "Paraspinals", "-o", "handout.png"], 2,
     "bodymap export: muscle 'Paraspinals' could be any of 3; did you mean "
     "'iliocostalis_lumborum', 'iliocostalis_thoracis' or 'longissimus_thoracis'? (the 14 "
     "muscles are listed by: bodymap list muscles)"),
    (["export", "--muscle", "glute", "-o", "handout.png"], 2,
     "bodymap export: muscle 'glute' could be any of 3; did you mean 'gluteus_maximus', "
     "'gluteus_medius' or 'gluteus_minimus'? (the 14 muscles are listed by: bodymap list "
     "muscles)"),
    (["validate", "pakc"], 2, "bodymap validate: no such file or folder: pakc"),
    (["export", "--muscle", "piriformis", "--trp", "3", "-o", "handout.png"], 2,
     "bodymap export: Piriformis has no trigger point '3'; give trp1 (TrP1 (lateral)) or trp2 "
     "(TrP2 (medial))"),
    (["export", "--zones", "sacrum", "--trp", "1", "-o", "handout.png"], 2,
     "bodymap export: --trp needs --muscle: whose trigger point?"),
    (["export", "--muscle", "piriformis", "-o", "gone/handout.png"], 1,
     "bodymap export: could not write gone/handout.png: No such file or directory"),
], ids=["jpg", "no type", "part of three muscles' names", "a nickname three muscles share",
        "a word of three nicknames cut short", "validate a path not there",
        "no such trigger point", "a trigger point of no muscle",
        "folder not there"])
def test_typed_wrong_exits_2_and_a_failed_write_1(tmp_path: Path, args: list[str], status: int,
                                                   said: str):
    result = bodymap(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (status, "", f"{said}\n")
    assert not [*tmp_path.iterdir()]  # nothing written


@pytest.mark.parametrize("command", [[], ["validate"], ["export"], ["list"]],
                         ids=["bodymap", "validate", "export", "list"])
def test_help_says_what_each_exit_status_means(capsys: pytest.CaptureFixture[str],
                                               command: list[str]):
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.endswith(
        "exit status:\n"
        "  0  done: the data has no problems, the picture is written, or the list printed\n"
        "  1  validate found problems in the data; export could not write the picture\n"
        "  2  the command line is wrong, so nothing was done: a usage error, a path that does\n"
        "     not exist, an unknown muscle or zone, a picture type other than .png, .svg or\n"
        "     .pdf, or nothing to draw\n")


@pytest.mark.parametrize(("given", "said"), [
    (["--muscle", "glutes medial"], "muscle 'glutes medial'; did you mean 'gluteus_medius', "
     "'gluteus_minimus' or 'gluteus_maximus'?"),
    (["--muscle", "glutius"], "muscle 'glutius'; did you mean 'gluteus_maximus', "
     "'gluteus_medius' or 'gluteus_minimus'?"),
    (["--muscle", "adductor magnus"],
     "muscle 'adductor magnus'; the 14 muscles are listed by: bodymap list muscles"),
    # Search finds muscles by a symptom, but it names none of them.
    (["--muscle", "sciatica"],
     "muscle 'sciatica'; the 14 muscles are listed by: bodymap list muscles"),
    (["--zones", "si_jiont"], "zone 'si_jiont'; did you mean 'si_joint'?"),
    # An everyday name of several zones is none of them: each is offered, head to foot, and a
    # zone whose id is a few letters from the words typed is not ("lower_buttock").
    (["--zones", "low back"], "zone 'low back'; did you mean 'lumbar_paraspinal_lower', "
     "'lumbar_spine_lower', 'iliac_crest', 'si_joint' or 'sacrum'?"),
    (["--zones", "sacrum,tailbone"], "zone 'tailbone'; did you mean 'coccyx'?"),
], ids=["muscle half remembered", "a word of three names misspelt", "muscle not in the data",
        "symptom", "misspelt zone", "everyday name of several zones", "everyday name of one zone"])
def test_export_says_which_name_was_meant(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          given: list[str], said: str):
    out = tmp_path / "a.png"
    assert main(["export", *given, "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"bodymap export: unknown {said}\n"
    assert not out.exists()


@pytest.mark.parametrize(("typed", "muscle"), [
    ("gluteus medius", "gluteus_medius"),
    ("Gluteus Medius", "gluteus_medius"),
    ("glute med", "gluteus_medius"),
    ("QL", "quadratus_lumborum"),
    ("piriformus", "piriformis"),
    ("longissimus", "longissimus_thoracis"),  # a word of its name, of no other muscle's
    ("Tensor", "tensor_fasciae_latae"),
])
def test_export_takes_a_muscle_by_the_name_a_teacher_knows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, muscle: str):
    """The name the window shows, in any case, a nickname, or a letter wrong: the picture the
    id draws, and the muscle taken said by name. SVG, whose bytes are the same each time: a
    PNG's first picture of a muscle in a process differs from the next in a few pixels of its
    side labels' glyphs."""
    by_id, by_name = tmp_path / "id.svg", tmp_path / "name.svg"
    assert main(["export", "--muscle", muscle, "-o", str(by_id)]) == 0
    assert capsys.readouterr().out == f"wrote {by_id}\n"  # the id typed: nothing to say
    assert main(["export", "--muscle", typed, "-o", str(by_name)]) == 0
    assert by_name.read_bytes() == by_id.read_bytes()
    name = load_catalog().muscles[muscle].name
    assert capsys.readouterr().out == f"wrote {by_name} ({name})\n"


@pytest.mark.parametrize(("typed", "said"), [
    ("glute mid", "muscle 'glute mid' could be any of 2; did you mean 'gluteus_medius' or "
     "'gluteus_minimus'? (the 15 muscles are listed by: bodymap list muscles --data {pack})"),
    ("Hip hiker", "muscle 'Hip hiker' could be any of 2; did you mean 'quadratus_lumborum' or "
     "'pack_muscle'? (the 15 muscles are listed by: bodymap list muscles --data {pack})"),
    ("lumborum", "muscle 'lumborum' could be any of 2; did you mean 'iliocostalis_lumborum' or "
     "'quadratus_lumborum'? (the 15 muscles are listed by: bodymap list muscles --data {pack})"),
    ("hamstrings", "muscle 'hamstrings' could be any of 2; did you mean 'biceps_femoris' or "
     "'medial_hamstrings'? (the 15 muscles are listed by: bodymap list muscles --data {pack})"),
    # Search finds the three glutei by "glutes" (glute max, med and min): so does export.
    ("glutes", "muscle 'glutes' could be any of 3; did you mean 'gluteus_maximus', "
     "'gluteus_medius' or 'gluteus_minimus'? (the 15 muscles are listed by: bodymap list "
     "muscles --data {pack})"),
], ids=["as near one nickname as another", "a nickname a pack muscle shares",
        "a word of two names", "a word of a name and a nickname", "a plural of three nicknames"])
def test_export_asks_which_muscle_a_name_of_several_means(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, said: str):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE.replace(
        "name: Pack muscle\n", "name: Pack muscle\nalso_called: [Hip hiker]\n")})
    out = tmp_path / "a.png"
    assert main(["export", "--data", str(pack), "--muscle", typed, "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"bodymap export: {said.format(pack=pack)}\n"
    assert not out.exists()


def test_export_of_a_muscle_whose_file_was_left_out_says_where_it_is_and_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """A teacher's muscle added for tonight, with a mistake: not "unknown muscle", but the file
    that holds it, its mistake, and how to check it again."""
    muscle = (VALID_MUSCLE.replace("pack_muscle", "adductor_longus")
              .replace("Pack muscle", "Adductor longus").replace("group: hip", "group: hipp"))
    write_pack(tmp_path / "pack", {"adductor_longus": muscle})
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "a.png"
    assert main(["export", "--data", "pack", "--muscle", "adductor longus", "-o", str(out)]) == 2
    file = "pack/muscles/adductor_longus.yaml"
    problem = f"{file}:3:8: 'hipp' is not a valid group value; did you mean 'hip'?"
    assert capsys.readouterr().err.splitlines() == [
        problem,
        f"bodymap export: 'Adductor longus' is in {file}, which was not loaded: {problem}; fix "
        f"it and check it with: bodymap validate {file}"]
    assert not out.exists()


def test_export_takes_a_zone_label_as_the_window_shows_it(tmp_path: Path):
    """A teacher copies the labels off the window: in any case, with a hyphen for its dash or
    without its bracketed part, or the id typed as words."""
    def title(zones: str) -> str:
        out = tmp_path / "pain.svg"
        assert main(["export", "--zones", zones, "-o", str(out)]) == 0
        found = re.search(r"Marked pain[^<]*", " ".join(out.read_text(encoding="utf-8").split()))
        assert found is not None
        return found[0]

    by_id = title("lumbar_paraspinal_lower,lateral_thigh,si_joint")
    assert by_id == ("Marked pain: Low lumbar paraspinal (L4\u2013S1, both sides), Sacroiliac "
                     "joint (both sides), Outer thigh (both sides)")
    assert title("Low lumbar paraspinal (L4-S1), outer thigh,SI joint") == by_id
    assert title("LOW LUMBAR PARASPINAL,Outer Thigh,Sacroiliac joint") == by_id


def test_a_label_two_zones_share_names_neither(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "zones.yaml").write_text("zones:\n  - id: pack_sacrum\n    label: Sacrum\n"
                                     "    parts: [sacrum, coccyx]\n", encoding="utf-8")
    out = tmp_path / "a.png"
    assert main(["export", "--data", str(pack), "--zones", "SACRUM", "-o", str(out)]) == 2
    assert capsys.readouterr().err == ("bodymap export: unknown zone 'SACRUM'; did you mean "
                                       "'sacrum' or 'pack_sacrum'?\n")
    assert not out.exists()


def list_lines(capsys: pytest.CaptureFixture[str], *args: str) -> list[list[str]]:
    """The lines of `bodymap ...` (a list command), each split into its columns."""
    assert main(list(args)) == 0
    return [re.split(r" {2,}", line) for line in capsys.readouterr().out.splitlines()]


def test_list_zones_gives_every_zone_id_with_its_label_and_views(
        capsys: pytest.CaptureFixture[str]):
    from bodymap.model import load_catalog

    catalog = load_catalog()
    lines = list_lines(capsys, "list", "zones")
    assert [line[0] for line in lines] == list(catalog.zones)  # head to foot, as zones.yaml
    for zone_id, label, views in lines:
        zone = catalog.zones[zone_id]
        assert label == zone.label
        assert views == (f"group of {', '.join(zone.parts)}" if zone.parts
                         else ", ".join(zone.views))
    assert ["lateral_thigh", "Outer thigh", "posterior, lateral, anterior"] in lines
    assert ["lumbar_spine", "Lumbar spine (L1\u2013L5)",
            "group of lumbar_spine_upper, lumbar_spine_lower"] in lines


def test_list_muscles_gives_every_muscle_id_with_its_name_group_and_layer(
        capsys: pytest.CaptureFixture[str]):
    from bodymap.model import load_catalog

    catalog = load_catalog()
    lines = list_lines(capsys, "list", "muscles")
    assert [line[0] for line in lines] == list(catalog.muscles)
    assert [line[1] for line in lines] == [m.name for m in catalog.muscles.values()]
    assert ["gluteus_medius", "Gluteus medius", "Hip · superficial"] in lines
    assert ["multifidus", "Multifidus (with rotatores)", "Low back · deep"] in lines
    assert ["rectus_abdominis", "Rectus abdominis (lower part)",
            "Abdominal wall · superficial"] in lines


@pytest.mark.parametrize("before", [True, False], ids=["--data first", "--data after"])
def test_list_gives_a_packs_zones_and_muscles(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str], before: bool):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": VALID_MUSCLE})
    (pack / "zones.yaml").write_text("zones:\n  - id: pack_spot\n    label: A spot\n"
                                     "    parts: [buttock, sacrum]\n", encoding="utf-8")

    def listed(kind: str) -> list[list[str]]:
        data = ["--data", str(pack)]
        return list_lines(capsys, *data, "list", kind) if before else list_lines(
            capsys, "list", kind, *data)

    # a built-in group among its parts stands for its parts (the sacrum's upper and lower)
    assert ["pack_spot", "A spot", "group of buttock, sacrum_upper, sacrum_lower"] in listed(
        "zones")
    assert ["pack_muscle", "Pack muscle", "Hip · deep"] in listed("muscles")


def test_list_of_what_is_not_there_is_a_usage_error(capsys: pytest.CaptureFixture[str]):
    for args in (["list"], ["list", "sources"]):
        with pytest.raises(SystemExit) as exited:
            main(args)
        assert exited.value.code == 2
        assert "usage: bodymap list" in capsys.readouterr().err


def test_a_list_read_only_in_part_ends_quietly():
    # `bodymap list zones | head -3`: the reader goes before the list is written; the list
    # stops there without a traceback, as a shell tool does.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "bodymap", "list", "zones"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    _out, err = process.communicate(timeout=60)
    assert (process.returncode, err.decode()) == (0, "")


def test_an_unknown_zone_is_told_the_command_listing_them_counted_as_validate_counts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """There are ids of zones and ids of zone groups: the message, `bodymap list zones` and
    `bodymap validate` count both alike, and the message names the packs given."""
    for data in ([], ["--data", str(write_pack(tmp_path / "pack", {}))]):
        if data:
            (tmp_path / "pack" / "zones.yaml").write_text(
                "zones:\n  - id: pack_spot\n    label: A spot\n    parts: [buttock]\n",
                encoding="utf-8")
        lines = list_lines(capsys, "list", "zones", *data)
        groups = sum(line[2].startswith("group of ") for line in lines)
        counted = f"{len(lines) - groups} zones and {groups} zone groups"
        assert main(["validate", *data]) == 0
        assert capsys.readouterr().out.splitlines()[-1].endswith(f"{counted}: no problems")
        assert main(["export", *data, "--zones", "heel,buttocks",
                     "-o", str(tmp_path / "a.png")]) == 2
        assert capsys.readouterr().err.splitlines() == [
            f"bodymap export: unknown zone 'heel'; the {counted} are listed by: "
            f"bodymap list zones{' '.join(['', *data])}",
            "bodymap export: unknown zone 'buttocks'; did you mean 'buttock'?",
        ]
    # calf, calf_upper, lower_buttock, lumbar_paraspinal, lumbar_spine, sacrum, posterior_knee,
    # posterior_thigh, posterior_thigh_upper, posterior_thigh_middle, posterior_thigh_lower,
    # posterior_thigh_lower_medial and _lateral, and the pack's
    assert groups == 14


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("Xvfb") is None,
                    reason="Xvfb is not installed (.ci/run installs it on CI)")
def test_real_window_starts_and_stays_up_under_xvfb(tmp_path: Path):
    display = f":{150 + os.getpid() % 300}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1440x900x24"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path), QT_QPA_PLATFORM="xcb")
        app = subprocess.Popen([sys.executable, "-m", "bodymap", "--muscle", "piriformis"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(6.0)
        alive = app.poll() is None
        app.terminate()
        _, err = app.communicate(timeout=20)
        assert alive, f"the window exited early: {err}"
        assert "Traceback" not in err
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
