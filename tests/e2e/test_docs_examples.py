"""The docs' examples of what the command line prints are what it prints: a count in a quoted
message (`the 26 zones and 3 zone groups`) went stale when zones were added, and a teacher
comparing it with their screen would think their data wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bodymap.cli import main
from bodymap.model import load_catalog

ROOT = Path(__file__).resolve().parents[2]
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def quoted(doc: Path) -> list[str]:
    """The doc's code spans, each on one line however the paragraph wraps it (not its fenced
    blocks, whose backticks would pair with a span's)."""
    text = re.sub(r"^```.*?^```", "", doc.read_text("utf-8"), flags=re.MULTILINE | re.DOTALL)
    return [" ".join(span.split()) for span in re.findall(r"`([^`]+)`", text)]


def said(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What `bodymap ARGS` prints, out and err, on one line."""
    main(args)
    out, err = capsys.readouterr()
    return " ".join(f"{out} {err}".split())


# (doc, what is typed, how its quoted output begins): the doc's whole quote must be printed.
EXAMPLES = [
    ("data-format.md", ["validate"], r"\d+ muscles, \d+ trigger points"),
    ("export.md", ["export", "--zones", "heel", "-o", "x.png"], "unknown zone 'heel'"),
    ("export.md", ["export", "--zones", "buttocks", "-o", "x.png"], "did you mean 'buttock'"),
    ("export.md", ["export", "--zones", "low back", "-o", "x.png"],
     "did you mean 'lumbar_paraspinal_lower'"),
    ("export.md", ["export", "--muscle", "glutes medial", "-o", "x.png"],
     "did you mean 'gluteus_medius'"),
    ("export.md", ["export", "--muscle", "Paraspinals", "-o", "x.png"],
     "muscle 'Paraspinals' could be"),
]


@pytest.mark.parametrize(("doc", "args", "begins"), EXAMPLES,
                         ids=[" ".join(args) for _doc, args, _begins in EXAMPLES])
def test_a_docs_quoted_output_is_what_the_command_prints(
        doc: str, args: list[str], begins: str, tmp_path: Path, monkeypatch,
        capsys: pytest.CaptureFixture[str]):
    monkeypatch.chdir(tmp_path)  # nothing is written, but were it, not in the repository
    quotes = [q for q in quoted(ROOT / "docs" / doc) if re.match(begins, q)]
    assert quotes, f"{doc} quotes no output beginning {begins!r}"
    printed = said(args, capsys)
    for quote in quotes:
        assert quote in printed


def test_every_count_of_the_data_in_the_docs_is_the_datas():
    # Counts outside the quoted examples too: "32 ids in the built-in data, the 28 zones".
    catalog = load_catalog()
    groups = sum(1 for zone in catalog.zones.values() if zone.is_group)
    counts = {"muscles": len(catalog.muscles),
              "trigger points": sum(len(m.trigger_points) for m in catalog.muscles.values()),
              "zones": len(catalog.zones) - groups, "zone groups": groups,
              "groups": groups, "ids": len(catalog.zones)}
    found = []
    for doc in DOCS:
        text = " ".join(doc.read_text("utf-8").split())
        for number, what in re.findall(
                r"\b(\d+) (muscles|trigger points|zones|zone groups|groups|ids)\b", text):
            found.append((doc.name, what, int(number)))
            assert int(number) == counts[what], f"{doc.name}: {number} {what}"
    assert {what for _doc, what, _n in found} >= {"muscles", "zones", "zone groups"}


def test_the_muscle_file_to_start_from_loads_as_it_stands(tmp_path: Path):
    """docs/data-format.md's muscle file to start from, which `validate` points a file missing
    keys to, copied into a pack with its sources.yaml: a muscle, with no problem."""
    text = (ROOT / "docs" / "data-format.md").read_text("utf-8")
    section = text.split("### A muscle file to start from", 1)[1].split("\n## ", 1)[0]
    muscle, sources = re.findall(r"^```yaml\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
    (tmp_path / "muscles").mkdir()
    (tmp_path / "muscles" / "my_muscle.yaml").write_text(muscle, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(sources, encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert catalog.problems == []
    assert catalog.muscles["my_muscle"].name == "My muscle"
