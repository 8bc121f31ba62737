"""Wrong answers for multiple-choice questions, chosen so that exactly one choice is right.

A distractor must be plausible (a referral question offers muscles whose pain lands in some of
the same zones) but never also correct.

For a painted referral pattern a muscle is ruled out when the pattern could reasonably be read
as its own (see `PatternOverlap.could_be_its_own`), over all its TrPs together (several TrPs of
a muscle are often active at once) and counting the zones the sources do not settle too:

- it refers pain, as an essential zone, to any zone painted solid. The question asks which
  muscle refers pain in this pattern, and the solid zones are where the pattern's pain is felt
  by most people: a muscle whose own essential pain is felt there is a defensible answer, even
  if the rest of the pattern is not its. Multifidus TrP1 paints the low lumbar spine and the
  sacrum solid; iliopsoas refers to the sacrum as an essential zone, so it is not offered.
  Gluteus minimus TrP2 paints the lower buttock and the back of the thigh solid; longissimus
  refers to the lower buttock, so it is not offered either;
- or its pain, even as spillover, reaches more than half the zones painted solid, or more
  than half the zones painted at all: the pattern is then mostly its too. Gluteus minimus
  reaches quadratus lumborum TrP2's greater trochanter and its stippled outer thigh.

A muscle that reaches at most half of the pattern and none of its solid zones as an essential
zone stays: it is the near miss a referral question is for, and telling it apart is what the
student learns. Fairness comes before plausibility: gluteus maximus TrP2 (all the buttock and
the lower sacrum) leaves three fair muscles, none of which refers anywhere near it.

For a text fact (what a muscle is mistaken for, a
symptom) a muscle is ruled out as a distractor when its own data says the same thing, by the
handles the data gives:

- the same *activity*: the fact names one ("when sitting") that the muscle's `aggravated_by`
  lists or one of its facts names (TFL's "sitting for long with the hips sharply bent" is
  gluteus maximus' sitting pain too); or both name it as what brings relief;
- the same *place*: the fact names a body zone (by its label or an everyday name in zones.yaml,
  "tailbone", "side of the hip"), a mimic in its explanation too ("..., when the pain is on the
  outer calf"), that the muscle refers pain to, or one of its facts names;
- the same *organ*: both may pass for disease of an organ of one kind, or of any organ;
- the same *concepts*: the significant words of the fact, with synonyms folded together
  ("radiculopathy" and "nerve root" count as "sciatica"), overlap enough with one of the
  muscle's facts of the same topic or, more strictly, of the other topic (a symptom "pain that
  seems to come from the organs" against a mimic "abdominal organ pain").

A fact that names a muscle is not asked at all. The rule is deliberately cautious: a question
that cannot get enough safe distractors is dropped rather than asked ambiguously.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bodymap.model.schema import Muscle, TriggerPoint, Zone

CHOICE_COUNT = 4  # the answer and three distractors
# A fact shared by more than this fraction of the other muscles is not asked about.
MAX_SHARED = 1 / 3
# How much two facts' concepts must overlap before the other muscle could also be a right
# answer. Conditions are short names, so any shared idea counts ("sciatica" in "Lumbar disc
# herniation with sciatica"); symptoms are sentences, so half. Across topics (a symptom against
# a mimic) half too: one shared word of a long sentence is not the same claim.
MIMIC_OVERLAP = 0.01
SYMPTOM_OVERLAP = 0.5
CROSS_OVERLAP = 0.5

# Words that say nothing about which condition or complaint is meant.
_STOPWORDS = frozenset(
    """\
    a about after all also an and any are as at back be because being by can cannot do down
    especially even for from has have in into is it its less like more most mostly much no not
    of often on one or other others over same some sometimes that the their them then there
    these they this those through to too two up very was what when where which while who with
    without may might low lower upper worse deep difficulty getting become becomes seem seems
    pain pains painful problem problems disease diseases dysfunction syndrome joint ache aching
    cause causes felt feel come comes described area areas similar refer refers referral
    trigger point points muscle muscles side sides occasionally present
    """.split()  # noqa: SIM905 - a word list reads better as prose
)

# Different words for one idea, folded to a single concept.
_SYNONYMS = {
    "radiculopathy": "sciatica",
    "sciatic": "sciatica",
    "nerve": "sciatica",
    "root": "sciatica",
    "tailbone": "coccyx",
    "coccygodynia": "coccyx",
    "coccygeal": "coccyx",
    "sacral": "sacrum",
    "renal": "kidney",
    "visceral": "organ",
    "organs": "organ",
    "abdominal": "abdomen",
    "ischium": "ischial",
    "sit": "ischial",
    "lumbago": "lumbar",
    "bladder": "urinary",
    "menstrual": "gynaecological",
    "periods": "gynaecological",
    "pelvic": "pelvis",
}

# How texts name each activity of `aggravated_by` (schema.ACTIVITIES). Generous on purpose:
# reading an activity into a text only ever rules a distractor out. Phrases of every kind are
# matched as whole words, longest first, so "lie on the back" is lying, not the low back, and
# "car seat" is sitting, not the buttock's everyday name "seat".
ACTIVITY_PHRASES: Mapping[str, tuple[str, ...]] = {
    "sitting": (r"sit(?:s|ting)?", r"seated", r"car seat", r"saddle", r"driving",
                r"hip flexed position", r"slouched"),
    "standing": (r"stand(?:s|ing)?(?: upright)?", r"upright"),
    "walking": (r"walk(?:s|ing)?", r"limp(?:s|ing)?", r"run(?:s|ning)?", r"(?:first )?steps"),
    "climbing": (r"climb(?:s|ing)?(?: stairs)?", r"stairs", r"uphill"),
    "rising_from_seat": (r"(?:get|gets|getting) up", r"(?:get|gets|getting) out of bed",
                         r"(?:straighten|straightening)(?: up)? after sitting",
                         r"after sitting", r"from a (?:deep )?chair", r"rising"),
    "lying_on_back": (r"(?:lie|lies|lying)(?: \w+)? on (?:the|their|your) back(?! of)",
                      r"on (?:the|their|your) back(?! of)", r"lying down"),
    "lying_on_side": (r"(?:lie|lies|lying)(?: \w+)? on (?:the|that|their|your)"
                      r"(?: painful)? side", r"on the painful side",
                      r"onto (?:the|that) (?:painful )?side"),
    "rolling_in_bed": (r"roll(?:s|ing)?(?: over)?", r"turn(?:s|ing)? over(?: in bed)?"),
    "coughing_sneezing": (r"cough(?:s|ing)?", r"sneez(?:e|es|ing)"),
    "bending_lifting": (r"bend(?:s|ing)?(?: forward)?", r"lift(?:s|ing)?", r"stoop(?:s|ing)?",
                        r"leaning forward", r"twist(?:s|ing)?"),
}
# Organs whose disease a pain may be taken for, by kind; "organ" is any of them ("abdominal
# organ pain" covers kidney and bowel alike, while kidney pain is no bowel complaint).
ORGAN_PHRASES: Mapping[str, tuple[str, ...]] = {
    "urinary": (r"kidneys?", r"renal", r"bladder", r"urinary"),
    "bowel": (r"bowels?", r"appendicitis", r"colon", r"intestin(?:e|es|al)"),
    "gynaecological": (r"gyn(?:a)?ecological", r"menstrual", r"painful periods", r"uter(?:us|ine)"),
    "organ": (r"organs?", r"visceral", r"viscera", r"abdominal disease"),
}
ANY_ORGAN = "organ"
# Words that look like a place and are none: movements ("less hip flexion" says nothing about
# hip pain), "rolled back", and "rather than down the leg", a place the pain does not reach.
_NOT_PLACES = (r"hip flexion", r"hips? (?:and knees )?(?:sharply )?bent", r"rolled back",
               r"rather than [^,;.]*")
# Everyday abbreviations of zone names, written out as a condition's name has them.
_SPELLED_OUT = {"it band": "iliotibial band", "itb": "iliotibial band",
                "si joint": "sacroiliac joint", "sij": "sacroiliac joint"}
# A text about what brings relief: the activities it names ease the pain.
_RELIEF = re.compile(r"(?<!\w)(?:relief|relieved|relieves|eased|eases|better)(?!\w)")
# General words for a part of the body, each naming every zone whose name holds it.
_REGION_WORDS = frozenset(
    {"abdomen", "belly", "buttock", "thigh", "leg", "knee", "ankle", "calf", "hip", "spine"})

_WORD = re.compile(r"[a-z0-9]+")
_HYPHEN = re.compile(r"[-\u2010-\u2014]")
_LITERAL = re.compile(r"(?:[a-z0-9 ]|\\[ -])*")  # plain text, as re.escape writes it


def _plain(text: str) -> str:
    """Folded for reading, hyphens as spaces: "sit-bone" is the "sit bone"."""
    return _HYPHEN.sub(" ", text.casefold())


def _lead(pattern: str) -> str:
    """The plain text every match of a pattern starts with ("" when it cannot tell): "sit" of
    "sit(?:s|ting)?", "kidney" of "kidneys?"."""
    depth = 0
    for char in pattern:  # "a|b": a match need not start with "a"
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            return ""
    literal = _LITERAL.match(pattern)[0]
    if pattern[len(literal):][:1] in ("?", "*", "{"):  # its last character is optional
        literal = literal[:-1]
    return literal.replace("\\", "")


def _plural(pattern: str) -> str:
    """A name's pattern taking the singular and the plural: "hamstrings?", "hips?"."""
    if pattern.endswith("s") and not pattern.endswith("ss"):
        pattern = pattern[:-1]
    return pattern + "s?"


_EXPLANATION = re.compile(r",\s*(?:because|when|which)\b")
_QUALIFIER = re.compile(r"\s*\([^)]*\)")  # "Rectus abdominis (lower part)": "(lower part)"


@functools.lru_cache(maxsize=4096)  # each fact is compared with every other muscle's facts
def concepts(text: str) -> frozenset[str]:
    """The significant ideas in a text, for judging whether two facts say the same thing."""
    found = set()
    for word in _WORD.findall(text.casefold()):
        word = _SYNONYMS.get(word, word)
        if word in _STOPWORDS:  # before the plural is taken off: "sometimes" is no "sometime"
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = _SYNONYMS.get(word[:-1], word[:-1])  # plural: "joints" is "joint"
        if word not in _STOPWORDS and len(word) > 1:
            found.add(word)
    return frozenset(found)


def condition(text: str) -> str:
    """A mimic without its explanation: "Kidney pain, because of ..." is "Kidney pain"."""
    return _EXPLANATION.split(text, maxsplit=1)[0]


@functools.lru_cache(maxsize=1024)  # one pattern per muscle, searched in every fact
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    forms = {form for name in names
             for form in (name.casefold(), _QUALIFIER.sub("", name).casefold()) if form}
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def names_muscle(text: str, muscle: Muscle) -> bool:
    """Whether `text` names `muscle`: its name or a nickname, as whole words, also without a
    qualifier in brackets (so "lower rectus abdominis" names "Rectus abdominis (lower part)",
    while "abs" is not found in "abscess" nor "QL" inside a word)."""
    pattern = _names_pattern((muscle.name, *muscle.also_called))
    return pattern.search(text.casefold()) is not None


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: 1.0 when one text's ideas are all among the other's."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class Meaning:
    """What a fact says, by the handles the data gives."""

    concepts: frozenset[str]
    activities: frozenset[str]  # keys of schema.ACTIVITIES
    places: frozenset[str]  # zone ids
    organs: frozenset[str]  # keys of ORGAN_PHRASES
    eases: frozenset[str]  # activities named as bringing relief, not pain


def organs_meet(these: Iterable[str], those: Iterable[str]) -> bool:
    """Whether two sets of organ kinds name a common one; "organ" (any) meets every kind."""
    a, b = frozenset(these), frozenset(those)
    return bool(a & b) or bool(a and ANY_ORGAN in b) or bool(b and ANY_ORGAN in a)


class FactReader:
    """Reads what facts say (see `Meaning`); knows the catalog's zone names."""

    def __init__(self, zones: Mapping[str, Zone]) -> None:
        # (pattern, kind, key): kind "activity" (key: an ACTIVITIES key), "organ" (an
        # ORGAN_PHRASES key), "place" (a zone id) or "" (a movement, read so it is no place).
        terms: list[tuple[str, str, str]] = []
        for activity, phrases in ACTIVITY_PHRASES.items():
            terms += [(phrase, "activity", activity) for phrase in phrases]
        for organ, phrases in ORGAN_PHRASES.items():
            terms += [(phrase, "organ", organ) for phrase in phrases]
        terms += [(phrase, "", "") for phrase in _NOT_PLACES]
        for zone in zones.values():
            names = {_plain(n) for n in (zone.label, _QUALIFIER.sub("", zone.label),
                                             *zone.also_called)}
            names |= {_SPELLED_OUT[n] for n in names if n in _SPELLED_OUT}
            # A zone group (one split into parts: "Back of the thigh") names its parts, which
            # are what referrals list. (getattr: data written before groups has none.)
            ids = (zone.id, *getattr(zone, "parts", ()))
            terms += [(_plural(re.escape(name)), "place", i) for name in sorted(names)
                      for i in ids]
            # A general word names every zone it is part of: "thigh" is the back, outer and
            # front of the thigh, "buttock" all three parts.
            words = set().union(*(_WORD.findall(name) for name in names))
            terms += [(word, "place", i) for word in sorted(words & _REGION_WORDS) for i in ids]
        # One regex per pattern, with what it means (several zones may share a name), and the
        # words it starts with: a text without them is not searched (reading stays fast).
        meanings: dict[str, list[tuple[str, str]]] = {}
        for pattern, kind, key in dict.fromkeys(terms):
            meanings.setdefault(pattern, []).append((kind, key))
        self._patterns = [(re.compile(rf"(?<!\w)(?:{pattern})(?!\w)"), _lead(pattern), found)
                          for pattern, found in meanings.items()]
        # A text that names every part of a group names the group too: "back of the thigh" is
        # the lower back of the thigh as well, a group of its inner and outer halves.
        self._groups = {zone.id: frozenset(zone.parts) for zone in zones.values()
                        if getattr(zone, "parts", ())}
        self._read: dict[str, Meaning] = {}
        self._muscles: dict[str, Meaning] = {}  # by muscle id

    def read(self, text: str) -> Meaning:
        """Concepts, activities, places and organs of a text. A phrase is read where no longer
        one covers its words: "back of the thigh" is that zone, not also the low back ("back");
        "lie on the back" is lying, no place; "getting up after sitting" is rising from a seat.
        Words that name several zones ("hip", "low back") name them all. In a text about what
        brings relief ("Relief lying down ... or sitting") the activities ease the pain."""
        if (known := self._read.get(text)) is not None:
            return known
        folded = _plain(text)
        found = sorted(((m.start(), m.end(), kind, key)
                        for pattern, lead, meanings in self._patterns if lead in folded
                        for m in pattern.finditer(folded) for kind, key in meanings),
                       key=lambda f: (f[0] - f[1], f[0]))
        taken: set[tuple[int, int]] = set()
        read: dict[str, set[str]] = {"activity": set(), "organ": set(), "place": set(), "": set()}
        for start, end, kind, key in found:
            if any(start < e and s < end and (s, e) != (start, end) for s, e in taken):
                continue  # part of a longer phrase: "sitting" in "after sitting", "sit bone"
            taken.add((start, end))
            read[kind].add(key)
        activities = frozenset(read["activity"])
        read["place"] |= {group for group, parts in self._groups.items()
                          if parts <= read["place"]}
        relief = _RELIEF.search(folded) is not None
        meaning = Meaning(concepts(text), frozenset() if relief else activities,
                          frozenset(read["place"]), frozenset(read["organ"]),
                          activities if relief else frozenset())
        self._read[text] = meaning
        return meaning

    def muscle(self, muscle: Muscle) -> Meaning:
        """All a muscle's data says, together: its facts (symptoms, mimics without their
        explanation), with `aggravated_by` among the activities and its referral zones among
        the places."""
        if (known := self._muscles.get(muscle.id)) is not None:
            return known
        parts = [self.read(text) for text in (*muscle.symptoms, *facts_of(muscle, "mimic"))]
        essential, spillover = muscle.referral_zones()
        meaning = Meaning(
            concepts=frozenset().union(*(m.concepts for m in parts)),
            activities=frozenset(muscle.aggravated_by).union(*(m.activities for m in parts)),
            places=(essential | spillover).union(*(m.places for m in parts)),
            organs=frozenset().union(*(m.organs for m in parts)),
            eases=frozenset().union(*(m.eases for m in parts)),
        )
        self._muscles[muscle.id] = meaning
        return meaning


TOPICS = ("mimic", "symptom")


def facts_of(muscle: Muscle, topic: str) -> tuple[str, ...]:
    """A muscle's facts of a topic, as compared: a mimic without its explanation."""
    if topic == "mimic":
        return tuple(condition(f) for f in muscle.often_mistaken_for)
    if topic == "symptom":
        return muscle.symptoms
    raise ValueError(f"unknown fact topic {topic!r}")


def also_true_of(reader: FactReader, topic: str, fact: str, muscle: Muscle) -> str | None:
    """Why `muscle` could also be a right answer to a question on `fact` (of `topic`), in a few
    words; None when nothing in its data says so."""
    asked = reader.read(condition(fact) if topic == "mimic" else fact)
    # A mimic's explanation may say where the pain is ("An L5 dermatome problem, when the pain
    # is on the outer calf"): a muscle that refers pain there could be the answer too.
    places = reader.read(fact).places if topic == "mimic" else asked.places
    own = reader.muscle(muscle)
    if shared := sorted(asked.activities & own.activities):
        return f"it too is aggravated by {shared[0].replace('_', ' ')}"
    if shared := sorted(asked.eases & own.eases):
        return f"it too is eased by {shared[0].replace('_', ' ')}"
    if shared := sorted(places & own.places):
        return f"it too gives pain at {shared[0]}"
    if organs_meet(asked.organs, own.organs):
        return "it too can pass for organ pain"
    own_threshold = MIMIC_OVERLAP if topic == "mimic" else SYMPTOM_OVERLAP
    for other in TOPICS:
        threshold = own_threshold if other == topic else CROSS_OVERLAP
        for text in facts_of(muscle, other):
            if _overlap(asked.concepts, concepts(text)) >= threshold:
                return f"its {other} “{text}” says much the same"
    return None


def pick(rng: random.Random, preferred: Sequence[str], others: Sequence[str],
         count: int = CHOICE_COUNT - 1) -> list[str] | None:
    """`count` ids drawn from `preferred` first, then from `others`; None if too few."""
    if len(preferred) + len(others) < count:
        return None
    chosen = rng.sample(list(preferred), min(count, len(preferred)))
    chosen += rng.sample(list(others), count - len(chosen))
    return chosen


@dataclass(frozen=True)
class PatternOverlap:
    """How a muscle's referral compares with a painted pattern (see `pattern_overlap`)."""

    shared: tuple[str, ...]  # painted zones (solid or stippled) the muscle refers pain to too
    missing: tuple[str, ...]  # solid (essential) zones that are none of its essential zones
    solid: tuple[str, ...] = ()  # the zones painted solid
    painted: tuple[str, ...] = ()  # every zone painted, solid or stippled

    @property
    def fits(self) -> bool:
        """Whether every zone painted solid is among the muscle's essential zones."""
        return not self.missing

    @property
    def solid_own(self) -> tuple[str, ...]:
        """The zones painted solid that are among the muscle's essential zones."""
        return tuple(z for z in self.solid if z not in self.missing)

    @property
    def could_be_its_own(self) -> bool:
        """Whether the pattern could reasonably be read as the muscle's, so that picking it is
        defensible: it refers pain to a zone painted solid as an essential zone, or its pain
        (either kind) reaches more than half the solid zones or more than half the painted ones.
        A muscle the pattern fits is one too."""
        reached_solid = [z for z in self.solid if z in self.shared]
        return (bool(self.solid_own) or 2 * len(reached_solid) > len(self.solid)
                or 2 * len(self.shared) > len(self.painted))


def pattern_overlap(muscle: Muscle, essential: Iterable[str],
                    spillover: Iterable[str] = ()) -> PatternOverlap:
    """What `muscle` shares with a painted pattern of `essential` (solid) and `spillover`
    (stippled) zones, over all its TrPs together (its provisional zones too: the muscle's page
    shows them).

    The pattern fits the muscle when every essential zone is among the muscle's essential zones
    (its spillover does not count: pain there is felt by only some people). `shared` counts
    either kind on both sides, for telling a student whose pick was wrong where its pain does
    reach. Zones keep the order they are painted in.
    """
    own_essential, own_spillover = muscle.referral_zones()
    solid = tuple(dict.fromkeys(essential))
    painted = tuple(dict.fromkeys((*solid, *spillover)))
    return PatternOverlap(
        shared=tuple(z for z in painted if z in own_essential or z in own_spillover),
        missing=tuple(z for z in solid if z not in own_essential),
        solid=solid,
        painted=painted,
    )


def referral_distractors(rng: random.Random, answer: Muscle, trp: TriggerPoint,
                         muscles: Sequence[Muscle]) -> list[str] | None:
    """Muscles that share referral zones with `trp` where possible, never one the painted
    pattern could be read as (see `PatternOverlap.could_be_its_own` and the module's docstring).

    None when fewer than three muscles are fair: the card is not asked, as a fact card with too
    few safe distractors is not. Never padded with a muscle the pattern could be; and not asked
    with fewer choices either, as every card offers four (the built-in catalog leaves every TrP
    at least three fair distractors; a data pack could drop a card this way).
    """
    sharing: list[str] = []
    others: list[str] = []
    for muscle in muscles:
        if muscle.id == answer.id:
            continue
        overlap = pattern_overlap(muscle, trp.referral.essential, trp.referral.spillover)
        if overlap.could_be_its_own:
            continue  # a defensible answer too
        (sharing if overlap.shared else others).append(muscle.id)
    return pick(rng, sharing, others)


def fact_distractors(rng: random.Random, reader: FactReader, answer: Muscle, topic: str,
                     fact: str, muscles: Sequence[Muscle]) -> list[str] | None:
    """Muscles of which nothing in the data says `fact` (see `also_true_of`).

    None when too few are safe, when the fact is common to so many muscles
    (more than `MAX_SHARED`) that it does not tell the answer apart, or when it names a muscle.
    """
    # A fact naming the answer gives it away. One naming another muscle ("... together with
    # gluteus minimus trigger points", "Trigger points in quadratus lumborum ...") makes that
    # muscle right too, as such confusion goes both ways; and a prompt naming a muscle the
    # choices leave out is a hint. So neither is asked.
    if any(names_muscle(fact, muscle) for muscle in muscles):
        return None
    safe: list[str] = []
    shared = 0
    for muscle in muscles:
        if muscle.id == answer.id:
            continue
        if also_true_of(reader, topic, fact, muscle) is None:
            safe.append(muscle.id)
        else:
            shared += 1
    if shared > MAX_SHARED * (len(muscles) - 1):
        return None
    return pick(rng, [], safe)
