"""The knowledge base's shapes: frozen dataclasses that are also the YAML schema.

Each field's YAML key is its name. A field with a default is optional. `field` metadata adds what
the type alone cannot say: allowed values (`choices`), the kind of id a string must name (`ref`),
a minimum item count and a number range. `bodymap.model.reader` validates YAML against these
classes, so this module is the single description of the data format (docs/data-format.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

VIEWS = ("posterior", "lateral", "anterior")
VIEW_NAMES = {"posterior": "back", "lateral": "side", "anterior": "front"}  # in a sentence
GROUPS = ("hip", "low_back", "abdominal")
LAYERS = ("superficial", "intermediate", "deep")
# The groups and layers as the window's muscle page says them.
GROUP_NAMES = {"hip": "Hip", "low_back": "Low back", "abdominal": "Abdominal wall"}
LAYER_NAMES = {"superficial": "superficial", "intermediate": "intermediate depth",
               "deep": "deep"}
PALPATION_METHODS = ("flat", "pincer")
EASING_RESPONSES = ("hold", "press_deeper", "take_up_slack")
ACTIVITIES = (
    "sitting",
    "standing",
    "walking",
    "climbing",
    "rising_from_seat",
    "lying_on_back",
    "lying_on_side",
    "rolling_in_bed",
    "coughing_sneezing",
    "bending_lifting",
)


def spec(
    *,
    default: object = ...,
    choices: tuple[str, ...] = (),
    ref: str = "",
    min_items: int = 0,
    low: float | None = None,
    high: float | None = None,
    pattern: str = "",
):  # -> dataclasses.Field; untyped to keep dataclass() happy with any default
    """A dataclass field with validation metadata. `ref` is 'zone', 'source', 'muscle' or
    'technique'; `pattern` 'id' means a snake_case identifier."""
    metadata = {
        "choices": choices,
        "ref": ref,
        "min_items": min_items,
        "low": low,
        "high": high,
        "pattern": pattern,
    }
    if default is ...:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


Sources = tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """A published work that facts cite by id (data/sources.yaml)."""

    id: str = spec(pattern="id")
    authors: str = spec()
    year: int = spec(low=1800, high=2100)
    title: str = spec()
    published_in: str = spec()
    url: str | None = spec(default=None, pattern="url")
    note: str | None = spec(default=None)

    def short(self) -> str:
        """As cited beside a fact: 'Travell JG, Simons DG' -> 'Travell & Simons 1992';
        three or more authors -> 'Cherkin et al. 2011'."""
        names = []
        for part in self.authors.split(";")[0].split(","):
            words = re.sub(r"\(.*?\)", "", part).split()
            if not words or words[0].casefold() == "et":
                continue
            # "Van der Does E": drop the initials, keep the whole surname.
            if len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 3:
                words = words[:-1]
            names.append(" ".join(words))
        who = f"{names[0]} et al." if len(names) >= 3 else " & ".join(names) or self.authors
        return f"{who} {self.year}"

    def citation(self) -> str:
        """Full citation as shown under "Sources"."""
        text = f"{self.authors} ({self.year}). {self.title}. {self.published_in}."
        return f"{text} {self.note}" if self.note else text


@dataclass(frozen=True)
class Zone:
    """An area of the body surface where pain is felt.

    A zone with `parts` is a *group*: a name for several drawn zones (`lumbar_paraspinal` for its
    upper and lower parts). It is not drawn itself (no `views`); wherever a zone id is used, in a
    referral, in the pain finder or in search, a group stands for its parts. Groups keep a zone
    id working after the zone was split in finer ones.
    """

    id: str = spec(pattern="id")
    label: str = spec()
    # Required unless the zone is a group; the loader checks it (`views` or `parts`, not both).
    views: tuple[str, ...] = spec(default=(), choices=VIEWS, min_items=1)
    description: str = spec(default="")
    # Written for drawn zones only; a group's is set when the Catalog is built: true when all its
    # parts are midline.
    midline: bool = spec(default=False)
    # Everyday names a client or student would type ("low back", "tailbone"): search uses them.
    also_called: tuple[str, ...] = spec(default=())
    parts: tuple[str, ...] = spec(default=(), ref="zone", min_items=1)

    @property
    def is_group(self) -> bool:
        """A group is never drawn: it stands for its parts wherever its id is used."""
        return bool(self.parts)


@dataclass(frozen=True)
class Referral:
    """Where a TrP refers pain: essential in nearly every person, spillover in some.

    Pain is felt on the muscle's own side, except in the `bilateral` zones (some of the two
    lists), which are felt on both sides whatever the side of the muscle: the lowest rectus
    abdominis TrPs refer a band across both sides of the low back.

    The `provisional` zones (also some of the two lists) are ones the sources do not settle:
    not yet checked against the primary source, or placed differently by different sources (the
    TrP's notes say which). They are drawn and listed, said to be provisional, and never graded
    in study: a student is not taught them as fact.
    """

    essential: tuple[str, ...] = spec(ref="zone", min_items=1)
    spillover: tuple[str, ...] = spec(default=(), ref="zone")
    bilateral: tuple[str, ...] = spec(default=(), ref="zone")
    provisional: tuple[str, ...] = spec(default=(), ref="zone")

    def named(self) -> tuple[str, ...]:
        """Every zone id the referral names, in any of its lists."""
        return (*self.essential, *self.spillover, *self.bilateral, *self.provisional)

    def other_side(self) -> Referral:
        """What is felt on the other side of the body from the muscle: the bilateral zones."""
        both = set(self.bilateral)
        return Referral(tuple(z for z in self.essential if z in both),
                        tuple(z for z in self.spillover if z in both), self.bilateral,
                        tuple(z for z in self.provisional if z in both))

    def settled(self) -> Referral:
        """The pattern without its provisional zones: what study may ask and grade."""
        unsettled = set(self.provisional)
        return Referral(tuple(z for z in self.essential if z not in unsettled),
                        tuple(z for z in self.spillover if z not in unsettled),
                        tuple(z for z in self.bilateral if z not in unsettled))


@dataclass(frozen=True)
class TriggerPoint:
    """One trigger point of a muscle: where it lies and where it refers pain."""

    id: str = spec(pattern="id")
    label: str = spec()
    location: str = spec()
    referral: Referral = spec()
    sources: Sources = spec(ref="source", min_items=1)
    notes: str | None = spec(default=None)
    # True when the sources do not settle where it lies (often its vertebral level): the window,
    # the slides and study say so wherever they say where it is.
    location_provisional: bool = spec(default=False)


@dataclass(frozen=True)
class Attachments:
    """Where a muscle starts (origin) and ends (insertion)."""

    origin: str = spec()
    insertion: str = spec()


@dataclass(frozen=True)
class Palpation:
    """How a therapist finds the muscle: the client's position and the grip."""

    position: str = spec()
    method: str = spec(choices=PALPATION_METHODS)
    notes: str | None = spec(default=None)


@dataclass(frozen=True)
class DiscomfortTarget:
    """Targets on the 0-10 discomfort scale the client reports."""

    start: tuple[int, ...] = spec(min_items=2, low=0, high=10)
    release_at: int = spec(low=0, high=10)
    # What the hands do as the discomfort fades below `start`: keep the pressure (hold), press
    # deeper to bring it back (press_deeper, ischemic compression), or follow the softening to
    # the next barrier and hold again (take_up_slack, pressure release).
    as_it_eases: str = spec(default="hold", choices=EASING_RESPONSES)


@dataclass(frozen=True)
class HoldSeconds:
    """How long pressure is held: the usual time and the most."""

    typical: float = spec(low=0, high=600)
    max: float = spec(low=0, high=600)


@dataclass(frozen=True)
class Technique:
    """A pressure technique, step by step, with its discomfort targets and hold time."""

    name: str = spec()
    steps: tuple[str, ...] = spec(min_items=1)
    target_discomfort: DiscomfortTarget = spec()
    hold_seconds: HoldSeconds = spec()
    sources: Sources = spec(ref="source", min_items=1)
    id: str | None = spec(default=None, pattern="id")
    based_on: str | None = spec(default=None, ref="technique")
    notes: str | None = spec(default=None)


@dataclass(frozen=True)
class Muscle:
    """Everything about one muscle: one YAML file under data/muscles."""

    id: str = spec(pattern="id")
    name: str = spec()
    group: str = spec(choices=GROUPS)
    layer: str = spec(choices=LAYERS)
    views: tuple[str, ...] = spec(choices=VIEWS, min_items=1)
    attachments: Attachments = spec()
    actions: tuple[str, ...] = spec(min_items=1)
    innervation: str = spec()
    trigger_points: tuple[TriggerPoint, ...] = spec(min_items=1)
    symptoms: tuple[str, ...] = spec(min_items=1)
    often_mistaken_for: tuple[str, ...] = spec()
    perpetuating_factors: tuple[str, ...] = spec()
    palpation: Palpation = spec()
    technique: Technique = spec()
    self_care: tuple[str, ...] = spec()
    stretches: tuple[str, ...] = spec()
    cautions: tuple[str, ...] = spec()
    sources: Sources = spec(ref="source", min_items=1)
    also_called: tuple[str, ...] = spec(default=())
    aggravated_by: tuple[str, ...] = spec(default=(), choices=ACTIVITIES)
    related_muscles: tuple[str, ...] = spec(default=(), ref="muscle")
    # False for a muscle a person should not press on by themselves (over the abdomen or the
    # front of the hip): the self-care sheet then marks its X as where a therapist works.
    self_pressure: bool = spec(default=True)
    notes_on_evidence: str | None = spec(default=None)
    # Not from YAML: the file it was read from, for messages and for "edit this file".
    file: Path | None = field(default=None, compare=False, repr=False, metadata={"internal": True})

    def trigger_point(self, trp_id: str) -> TriggerPoint:
        for trp in self.trigger_points:
            if trp.id == trp_id:
                return trp
        raise KeyError(f"{self.id} has no trigger point {trp_id!r}")

    def group_and_layer(self) -> str:
        """Its group and layer as the window's muscle page says them: "Hip · deep"."""
        return (f"{GROUP_NAMES.get(self.group, self.group)} · "
                f"{LAYER_NAMES.get(self.layer, self.layer)}")

    def referral_zones(self) -> tuple[frozenset[str], frozenset[str]]:
        """(essential, spillover-only) zone ids over all of this muscle's TrPs."""
        return combined_zones(t.referral for t in self.trigger_points)

    def other_side_zones(self) -> tuple[frozenset[str], frozenset[str]]:
        """(essential, spillover-only) zone ids felt on the other side of the body from the
        muscle: its TrPs' bilateral zones."""
        return combined_zones(t.referral.other_side() for t in self.trigger_points)


def combined_zones(referrals: Iterable[Referral]) -> tuple[frozenset[str], frozenset[str]]:
    """(essential, spillover-only) zone ids of several referrals: a zone essential for one TrP
    is not also called spillover because another TrP's spillover reaches it."""
    referrals = list(referrals)
    essential = frozenset(z for r in referrals for z in r.essential)
    spillover = frozenset(z for r in referrals for z in r.spillover)
    return essential, spillover - essential


def unsettled_zones(referrals: Iterable[Referral]) -> frozenset[str]:
    """The zone ids of several referrals, painted as `combined_zones` paints them, whose paint
    rests only on provisional referral: no referral names them so (essential, or spillover)
    without calling them provisional."""
    referrals = list(referrals)
    essential, spillover = combined_zones(referrals)

    def settled(zone: str, kind: str) -> bool:
        return any(zone in getattr(r, kind) and zone not in r.provisional for r in referrals)

    return frozenset([*(z for z in essential if not settled(z, "essential")),
                      *(z for z in spillover if not settled(z, "spillover"))])


@dataclass(frozen=True)
class Definition:
    """A term of the trade, explained."""

    term: str = spec()
    text: str = spec()
    sources: Sources = spec(ref="source", min_items=1)


@dataclass(frozen=True)
class RedFlag:
    """Signs that send a person to a physician before any hands-on work."""

    id: str = spec(pattern="id")
    title: str = spec()
    signs: tuple[str, ...] = spec(min_items=1)
    action: str = spec()
    sources: Sources = spec(ref="source", min_items=1)
    # How a person would put these signs in a search ("saddle numbness", "fever"): a query
    # holding every word of one is shown this flag before any muscle.
    also_called: tuple[str, ...] = spec(default=())


@dataclass(frozen=True)
class CitedText:
    """A paragraph with its sources."""

    text: str = spec()
    sources: Sources = spec(ref="source", min_items=1)


@dataclass(frozen=True)
class SessionPlan:
    """The outline of a treatment session."""

    points: tuple[str, ...] = spec(min_items=1)
    sources: Sources = spec(ref="source", min_items=1)


@dataclass(frozen=True)
class Evidence:
    """What research found about trigger points or their treatment."""

    id: str = spec(pattern="id")
    title: str = spec()
    finding: str = spec()
    sources: Sources = spec(ref="source", min_items=1)
    figures: tuple[str, ...] = spec(default=())


@dataclass(frozen=True)
class Guidance:
    """What is not per muscle: definitions, safety, general technique, evidence."""

    disclaimer: str = spec()
    definitions: tuple[Definition, ...] = spec(min_items=1)
    red_flags: tuple[RedFlag, ...] = spec(min_items=1)
    techniques: tuple[Technique, ...] = spec(min_items=1)
    self_care: tuple[CitedText, ...] = spec()
    session_plan: SessionPlan = spec()
    evidence: tuple[Evidence, ...] = spec()
    evidence_caveat: CitedText = spec()

    def technique(self, technique_id: str) -> Technique:
        for technique in self.techniques:
            if technique.id == technique_id:
                return technique
        raise KeyError(technique_id)
