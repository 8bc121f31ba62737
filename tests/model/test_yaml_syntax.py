"""YAML syntax mistakes: reported where the parser stopped, with where the mistake began and
what to do, in plain words. Both of PyYAML's parsers (C and pure Python) must say the same."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers.packs import replace_line, write_pack

from bodymap.model import load_catalog, yamlparse


def actions(*items: str) -> str:
    """The muscle with `actions` as a block list of these lines (line 7 is `actions:`, the items
    lines 8, 9...)."""
    return replace_line(7, "\n".join(["actions:", *items]))


SYNTAX_CASES = [
    # (what is wrong, file text, line:column reported, words the message must contain)
    ("unclosed [", replace_line(5, "views: [posterior"), "6:12",
     "the '[' opened at line 5, column 8 is not closed: add ']' where it ends"),
    ("unclosed {", replace_line(6, "attachments: {origin: Outer ilium, insertion: Trochanter"),
     "7:8", "the '{' opened at line 6, column 14 is not closed: add '}' where it ends"),
    ("unclosed double quote", replace_line(2, 'name: "Pack muscle'), "31:1",
     'the quote " opened at line 2, column 7 is never closed'),
    ("unclosed single quote", replace_line(8, "innervation: 'Superior gluteal"), "31:1",
     "the quote ' opened at line 8, column 14 is never closed"),
    ("colon inside a value", replace_line(2, "name: Pack: muscle"), "2:11",
     "a ':' followed by a space inside a value: put the whole value in quotes, "
     'e.g. name: "Pack: muscle"'),
    ("tab indentation", replace_line(11, "\tlabel: TrP1"), "11:1",
     "a tab character is used for indentation here; YAML indents with spaces only"),
    ("key indented too deep", replace_line(3, "  group: hip"), "3:8",
     "this line is indented deeper than the line above expects, so YAML reads it as part of "
     "that line's value"),
    ("key indented too shallow", replace_line(15, "     spillover: [posterior_thigh]"), "15:6",
     "this line starts in column 6, which lines up with nothing above (the mapping that "
     "begins at line 10, column 5 has its keys in column 5)"),
    ("key without colon", replace_line(8, "innervation Superior gluteal nerve"), "9:1",
     "the key at line 8, column 1 has no ':' after it: write it as 'key: value'"),
    ("apostrophe in single quotes", replace_line(2, "name: 'Travell's muscle'"), "2:16",
     "unexpected text after the value on this line: put the whole value in quotes"),
    ("stray ]", replace_line(5, "views: [posterior]]"), "5:19",
     "a closing ']' here, with no '[' open to close"),
    ("value starting with @", replace_line(2, "name: @pack"), "2:7",
     "a value cannot start with '@' in YAML: put the value in quotes"),
    ("undefined alias", replace_line(2, "name: *nope"), "2:7",
     "'*nope' refers to an anchor '&nope' that is not defined above it"),
    ("control character", replace_line(2, "name: Pack\x07muscle"), "2:11",
     "the control character #x0007 is not allowed in YAML text"),
    # The line at fault, not the next one where the parser stopped:
    ("no space after '-', between items",
     actions("  - Abducts the hip", "  -Rotates the thigh", "  - Steadies the pelvis"), "9:3",
     "this list item has no space after its '-', so YAML does not read it as an item: "
     "write '- ' (a dash, then a space) before the text"),
    ("no space after '-', last item", actions("  - Abducts the hip", "  -Rotates the thigh"),
     "9:3", "this list item has no space after its '-'"),
    ("key dedented out of its block", replace_line(14, "    essential: [buttock]"), "14:5",
     "this line is indented like 'referral:' on the line above, so it is not inside "
     "'referral:' (which is left empty) and the next line, indented deeper, lines up with "
     "nothing: indent this line like the next one (column 7)"),
    # Valid YAML that joins a line meant as a list item to the text above it:
    ("list item indented one space too far",
     actions("  - Abducts the hip", "   - Rotates the thigh", "  - Steadies the pelvis"), "9:4",
     "this list item is indented 1 space more than the item on line 8 (its '-' is in column 3),"
     " so YAML reads it as more text of that item, not as an item of its own: "
     "indent it like the items above"),
    ("no space after '-', first item", actions("  -Abducts the hip", "  - Rotates the thigh"),
     "8:3", "this list item has no space after its '-'"),
    ("list item under a key with text", replace_line(7, "actions: Abducts the hip\n"
                                                     "  - Rotates the thigh"), "8:3",
     "this line starts with '- ' like a list item, but YAML reads it as more of the text that "
     "begins at line 7, column 10: for a list, put each item on a line of its own"),
]


@pytest.fixture(params=["C", "Python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each case with PyYAML's C parser (used when present) and its pure-Python one."""
    if request.param == "C":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML was built without its C parser")
        monkeypatch.setattr(yamlparse, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlparse, "_Loader", yaml.SafeLoader)
    return request.param


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [case[1:] for case in SYNTAX_CASES],
    ids=[case[0] for case in SYNTAX_CASES],
)
def test_syntax_mistake_is_explained(tmp_path: Path, parser: str, text: str, position: str,
                                     message: str):
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    problems = [p for p in load_catalog([pack]).problems if p.file.endswith("pack_muscle.yaml")]
    assert len(problems) == 1, problems
    (problem,) = problems
    assert f"{problem.line}:{problem.column}" == position, str(problem)
    assert message in problem.message, str(problem)
    assert "while parsing" not in problem.message and "while scanning" not in problem.message


def test_a_list_item_out_of_line_leaves_its_muscle_out(tmp_path: Path):
    """YAML accepts it, but the muscle would load with two actions run together: it is left
    out until fixed, as for a syntax error, and the rest of the data loads."""
    text = actions("  - Abducts the hip", "   - Rotates the thigh")
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    catalog = load_catalog([pack])
    assert "pack_muscle" not in catalog.muscles
    assert str(pack / "muscles" / "pack_muscle.yaml") in catalog.skipped_files
    assert "gluteus_medius" in catalog.muscles


@pytest.mark.parametrize("location", [
    "    location: Below the iliac crest, between the PSIS\n      and the trochanter - deep",
    "    location: >-\n      Below the iliac crest:\n      - near the PSIS",
    "    location: 'Below the iliac crest\n      - near the PSIS'",
], ids=["plain text with a dash inside", "folded text", "quoted text"])
def test_only_the_item_out_of_line_is_reported(tmp_path: Path, location: str):
    """Text over several lines is taken for a list item only when it is plain (unquoted, not
    folded) and a line of it starts with '- '."""
    # `actions` now takes lines 7-9, so the trigger point's location is on line 14
    text = replace_line(14, location, actions("  - Abducts the hip", "   - Rotates the thigh"))
    pack = write_pack(tmp_path / "pack", {"pack_muscle": text})
    (problem,) = load_catalog([pack]).problems
    assert (problem.line, problem.column) == (9, 4)
    assert problem.message.startswith("this list item is indented 1 space more")
