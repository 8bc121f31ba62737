"""A multiple-choice card has exactly one defensible answer: no distractor's own data says the
fact asked (the same aggravating activity, the same place of pain, the same kind of organ
complaint, the same symptom or mimic in other words).

The oracles here are deliberately simpler than the reader in `bodymap.study.distractors`: plain
word searches a teacher could run by hand over the YAML, so a reader bug cannot hide itself.
"""

from __future__ import annotations

import random
import re

import pytest

from bodymap.model import Catalog
from bodymap.model.schema import ACTIVITIES
from bodymap.study import FactQuestion, generate_questions
from bodymap.study.distractors import ACTIVITY_PHRASES, FactReader, also_true_of
from bodymap.study.generators import fact_questions

SEEDS = range(12)

# Words that name an activity of `aggravated_by`, as a teacher would search the data for them.
ACTIVITY_WORDS = {
    "sitting": r"(?<!after )\bsit(?:ting)?\b(?![- ]bone)",  # after sitting: rising
    "walking": r"\bwalk(?:s|ing)?\b|\blimp\b",
    "standing": r"\bstand(?:ing)?\b",
    "climbing": r"\bstairs\b|\buphill\b|\bclimb",
    "rising_from_seat": r"\bgetting up\b|\bafter sitting\b|\bfrom a (?:deep )?chair\b",
    "lying_on_side": r"\b(?:lie|lying)\b.*\bside\b|\bonto the painful side\b",
    "lying_on_back": r"\b(?:lie|lying)\b.*\bon the back\b",
    "rolling_in_bed": r"\broll(?:ing)?\b|\bturning over\b",
    "coughing_sneezing": r"\bcough|\bsneez",
    "bending_lifting": r"\bbend(?:ing)?\b|\blift",
}


def named_activities(text: str) -> set[str]:
    if re.search(r"\brelief\b", text, re.IGNORECASE):
        return set()  # what eases the pain is no aggravating activity
    return {a for a, pattern in ACTIVITY_WORDS.items() if re.search(pattern, text, re.I)}


@pytest.fixture(scope="module")
def fact_cards(catalog: Catalog) -> list[FactQuestion]:
    """Every fact card, with the distractors of many seeds."""
    return [q for seed in SEEDS for q in fact_questions(catalog, random.Random(seed))]


def distractors(catalog: Catalog, question: FactQuestion):
    return [catalog.muscles[c.key] for c in question.choices if c.key != question.answer]


def test_no_distractor_is_aggravated_by_the_activity_asked(catalog: Catalog, fact_cards: list):
    # The therapist's case: TFL's "Discomfort with sitting for long with the hips sharply
    # bent" was asked with gluteus maximus beside it, whose pain sitting is just as typical.
    assert fact_cards
    for question in fact_cards:
        asked = named_activities(question.fact)
        for muscle in distractors(catalog, question):
            own = set(muscle.aggravated_by).union(*map(named_activities, muscle.symptoms))
            assert not asked & own, (question.fact, muscle.id, asked & own)


def test_no_distractor_refers_pain_to_the_place_asked(catalog: Catalog, fact_cards: list):
    for question in fact_cards:
        text = question.fact.casefold()
        named = [zone for zone in catalog.zones.values()
                 if re.search(rf"\b{re.escape(zone.label.casefold())}\b", text)]
        asked = {i for zone in named for i in (zone.id, *getattr(zone, "parts", ()))}
        for muscle in distractors(catalog, question):
            essential, spillover = muscle.referral_zones()
            assert not asked & (essential | spillover), (question.fact, muscle.id)


def test_tfl_sitting_card_never_offers_another_muscle_worse_sitting(catalog: Catalog):
    sitting = "Discomfort with sitting for long with the hips sharply bent"
    assert sitting in catalog.muscles["tensor_fasciae_latae"].symptoms
    worse_sitting = {m.id for m in catalog.muscles.values() if "sitting" in m.aggravated_by}
    assert {"gluteus_maximus", "piriformis"} <= worse_sitting
    for seed in range(40):
        for question in fact_questions(catalog, random.Random(seed), ["tensor_fasciae_latae"]):
            if question.fact == sitting:
                assert not {c.key for c in question.choices} & (worse_sitting - {
                    "tensor_fasciae_latae"}), seed


def test_the_same_complaint_in_other_words_rules_a_muscle_out(catalog: Catalog):
    reader = FactReader(catalog.zones)
    muscles = catalog.muscles
    # Sitting: TFL's symptom against gluteus maximus' aggravated_by.
    assert also_true_of(reader, "symptom",
                        "Discomfort with sitting for long with the hips sharply bent",
                        muscles["gluteus_maximus"]) is not None
    # Lying on the painful side: gluteus medius' symptom against quadratus lumborum's.
    assert also_true_of(reader, "symptom", "Cannot lie comfortably on the back or on the "
                        "painful side", muscles["quadratus_lumborum"]) is not None
    # Organ pain: multifidus' "seems to come from the organs" and a mimic "abdominal organ
    # pain"; a bowel disease and any organ disease.
    assert also_true_of(reader, "symptom", "Sometimes pain in the abdomen that seems to come "
                        "from the organs", muscles["iliocostalis_thoracis"]) is not None
    assert also_true_of(reader, "mimic", "Bowel disease", muscles["multifidus"]) is not None
    # Kidney pain is no bowel complaint: piriformis' discomfort with bowel movements is fine.
    assert also_true_of(reader, "mimic", "Kidney pain", muscles["piriformis"]) is None


@pytest.mark.parametrize(("text", "activities", "places", "eases"), [
    ("Discomfort with sitting for long with the hips sharply bent", {"sitting"}, set(), set()),
    ("Cannot lie comfortably on the back or on the painful side",
     {"lying_on_back", "lying_on_side"}, set(), set()),  # "the back" here is no low back
    ("Waking at night when rolling onto the painful side",
     {"rolling_in_bed", "lying_on_side"}, set(), set()),
    ("Difficulty straightening after sitting or bending",  # rising, not sitting
     {"rising_from_seat", "bending_lifting"}, set(), set()),
    ("Ischial (sit-bone) bursitis", set(), {"lower_buttock"}, set()),  # a place, no sitting
    ("Tailbone pain", set(), {"coccyx"}, set()),  # an everyday name from zones.yaml
    ("Aching in the buttock, mostly local rather than down the leg", set(),
     {"buttock", "upper_buttock", "lower_buttock"}, set()),  # not the leg
    ("Relief lying down, especially with the hips and knees bent, or sitting", set(), set(),
     {"lying_on_back", "sitting"}),
])
def test_reader_finds_activities_and_places(catalog: Catalog, text: str, activities: set,
                                            places: set, eases: set):
    meaning = FactReader(catalog.zones).read(text)
    assert meaning.activities == activities
    assert meaning.places == places
    assert meaning.eases == eases


def test_a_general_word_names_every_part_of_the_body_it_covers(catalog: Catalog):
    # Zones may be split into parts (the back of the thigh, upper and lower): "thigh" and "back
    # of the thigh" name every part, whatever the ids.
    meaning = FactReader(catalog.zones).read("Pain down the back of the thigh")
    thigh_backs = {z.id for z in catalog.zones.values()
                   if "back of the thigh" in z.label.casefold()}
    assert thigh_backs and meaning.places >= thigh_backs
    referred = set().union(*catalog.muscles["piriformis"].referral_zones())
    assert referred & thigh_backs, "piriformis refers to the back of the thigh, in some part"


def test_every_activity_has_words(catalog: Catalog):
    assert set(ACTIVITY_PHRASES) == set(ACTIVITIES)


def test_a_fact_card_is_dropped_when_too_few_clean_distractors_remain(catalog: Catalog):
    # Walking pain is typical of most hip muscles: no card asks it as if one muscle owned it.
    asked = {q.fact for q in generate_questions(catalog, random.Random(1), kinds=["symptom"])}
    assert "A limp; walking becomes painful" in catalog.muscles["gluteus_minimus"].symptoms
    assert "A limp; walking becomes painful" not in asked
    assert asked  # but symptoms a muscle owns are still asked
