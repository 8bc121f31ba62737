"""A valid teacher's pack muscle, and a way to write packs for tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

# A complete, valid pack muscle. Bad-input tests change one line of it at a time, so each case
# shows exactly what a teacher got wrong. Line numbers below are 1-based, as editors show them.
VALID_MUSCLE = textwrap.dedent(
    """\
    id: pack_muscle
    name: Pack muscle
    group: hip
    layer: deep
    views: [posterior]
    attachments: {origin: Outer ilium, insertion: Greater trochanter}
    actions: [Abducts the hip]
    innervation: Superior gluteal nerve (L4-S1)
    trigger_points:
      - id: trp1
        label: TrP1
        location: Below the iliac crest
        referral:
          essential: [buttock]
          spillover: [posterior_thigh]
        sources: [pack_source]
    symptoms: [Pain when sitting]
    often_mistaken_for: [Sciatica]
    perpetuating_factors: [Long sitting]
    palpation: {position: Side-lying, method: flat}
    technique:
      name: Pressure release
      steps: [Press slowly, Hold, Release]
      target_discomfort: {start: [6, 7], release_at: 4}
      hold_seconds: {typical: 5, max: 90}
      sources: [pack_source]
    self_care: [Ball against a wall]
    stretches: [Knee to chest]
    cautions: [Stop at tingling or numbness]
    sources: [pack_source]
    """
)

PACK_SOURCES = textwrap.dedent(
    """\
    sources:
      - id: pack_source
        authors: Teacher A
        year: 2024
        title: Class notes
        published_in: Course handout
    """
)


def replace_line(number: int, new: str, text: str = VALID_MUSCLE) -> str:
    """The text (a valid muscle by default) with line `number` (from 1) replaced by `new`."""
    lines = text.splitlines()
    lines[number - 1] = new
    return "\n".join(lines) + "\n"


def insert_line(after: int, new: str, text: str = VALID_MUSCLE) -> str:
    """The text (a valid muscle by default) with `new` put after line `after`."""
    lines = text.splitlines()
    lines.insert(after, new)
    return "\n".join(lines) + "\n"


def write_pack(root: Path, muscles: dict[str, str], sources: str = PACK_SOURCES) -> Path:
    (root / "muscles").mkdir(parents=True, exist_ok=True)
    (root / "sources.yaml").write_text(sources, encoding="utf-8")
    for name, text in muscles.items():
        (root / "muscles" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root
