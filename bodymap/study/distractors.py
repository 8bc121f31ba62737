"""Wrong answers for multiple-choice questions, chosen so that exactly one choice is right.

A distractor must be plausible (a referral question offers muscles whose pain lands in some of
the same zones) but never also correct. For text facts (what a muscle is mistaken for, a symptom)
"also correct" is judged on *concepts*: the significant words of a text, with synonyms folded
together ("radiculopathy" and "nerve root" count as "sciatica"). A muscle is ruled out when one
of its own facts shares enough concepts with the fact asked about. A fact that names a muscle is
not asked at all. The rule is deliberately cautious: a question that cannot get enough safe
distractors is dropped rather than asked ambiguously.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Iterable, Sequence

from bodymap.model.schema import Muscle, TriggerPoint

CHOICE_COUNT = 4  # the answer and three distractors
# A fact shared by more than this fraction of the other muscles is not asked about.
MAX_SHARED = 1 / 3

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
    trigger point points muscle muscles
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

_WORD = re.compile(r"[a-z0-9]+")
_EXPLANATION = re.compile(r",\s*(?:because|when|which)\b")
_QUALIFIER = re.compile(r"\s*\([^)]*\)")  # "Rectus abdominis (lower part)": "(lower part)"


@functools.lru_cache(maxsize=4096)  # each fact is compared with every other muscle's facts
def concepts(text: str) -> frozenset[str]:
    """The significant ideas in a text, for judging whether two facts say the same thing."""
    found = set()
    for word in _WORD.findall(text.casefold()):
        word = _SYNONYMS.get(word, word)
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


def could_also_answer(fact: str, muscle: Muscle, facts_of_muscle: Iterable[str],
                      threshold: float, core: Callable[[str], str] = str) -> bool:
    """Whether `muscle` might be a right answer to a question about `fact` too.

    Facts are compared by the concepts of their `core` (e.g. a mimic's `condition`).
    """
    wanted = concepts(core(fact))
    return any(_overlap(wanted, concepts(core(own))) >= threshold for own in facts_of_muscle)


def pick(rng: random.Random, preferred: Sequence[str], others: Sequence[str],
         count: int = CHOICE_COUNT - 1) -> list[str] | None:
    """`count` ids drawn from `preferred` first, then from `others`; None if too few."""
    if len(preferred) + len(others) < count:
        return None
    chosen = rng.sample(list(preferred), min(count, len(preferred)))
    chosen += rng.sample(list(others), count - len(chosen))
    return chosen


def referral_distractors(rng: random.Random, answer: Muscle, trp: TriggerPoint,
                         muscles: Sequence[Muscle]) -> list[str] | None:
    """Muscles that share referral zones with `trp` where possible, never one with its pattern.

    A muscle with a TrP whose essential zones equal this one's is left out: the painted pattern
    could be its too.
    """
    essential = frozenset(trp.referral.essential)
    zones = essential | frozenset(trp.referral.spillover)
    sharing: list[str] = []
    others: list[str] = []
    for muscle in muscles:
        if muscle.id == answer.id:
            continue
        if any(frozenset(t.referral.essential) == essential for t in muscle.trigger_points):
            continue
        own_essential, own_spillover = muscle.referral_zones()
        (sharing if zones & (own_essential | own_spillover) else others).append(muscle.id)
    return pick(rng, sharing, others)


def fact_distractors(rng: random.Random, answer: Muscle, fact: str, muscles: Sequence[Muscle],
                     facts_of: Callable[[Muscle], Sequence[str]], threshold: float,
                     core: Callable[[str], str] = str) -> list[str] | None:
    """Muscles none of whose facts (by `facts_of`) could also answer a question on `fact`.

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
        if could_also_answer(fact, muscle, facts_of(muscle), threshold, core):
            shared += 1
        else:
            safe.append(muscle.id)
    if shared > MAX_SHARED * (len(muscles) - 1):
        return None
    return pick(rng, [], safe)
