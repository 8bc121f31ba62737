"""Whatever a teacher's file holds, the loader returns problems; it never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpers.packs import PACK_SOURCES, VALID_MUSCLE, write_pack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.model import load_dirs
from bodymap.model.yamlparse import parse_yaml

LINES = VALID_MUSCLE.splitlines()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pack = write_pack(Path(folder), {"pack_muscle": text}, sources=PACK_SOURCES)
        catalog = load_dirs([pack])  # the pack alone, so each example is cheap
        for problem in catalog.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text_only_gives_problems(text: str):
    parse_yaml(text, "fuzz.yaml")
    load_text(text)


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(st.integers(0, len(LINES) - 1), yaml_values)
def test_any_value_in_place_of_a_line_only_gives_problems(index: int, value: object):
    import yaml

    lines = list(LINES)
    key = lines[index].split(":", 1)[0]
    lines[index] = f"{key}: {yaml.safe_dump(value, default_flow_style=True).strip()}"
    load_text("\n".join(lines) + "\n")


@FUZZ
@given(st.lists(st.sampled_from(["delete", "duplicate", "indent", "dedent", "swap"]),
                min_size=1, max_size=4),
       st.randoms(use_true_random=False))
def test_near_valid_documents_only_give_problems(edits: list[str], rnd):
    lines = list(LINES)
    for edit in edits:
        i = rnd.randrange(len(lines))
        if edit == "delete" and len(lines) > 1:
            del lines[i]
        elif edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "indent":
            lines[i] = "  " + lines[i]
        elif edit == "dedent":
            lines[i] = lines[i].lstrip()
        elif edit == "swap":
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    load_text("\n".join(lines) + "\n")
