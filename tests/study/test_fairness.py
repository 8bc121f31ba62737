"""A multiple-choice card has exactly one defensible answer: no distractor's own data says the
fact asked (the same aggravating activity, the same place of pain, the same kind of organ
complaint, the same symptom or mimic in other words), and no distractor of a referral card is
a muscle the painted pattern could be read as: none refers pain to a zone the card paints solid
as an essential zone (over all its TrPs), nor reaches most of the pattern even as spillover.

The oracles here are deliberately simpler than the reader in `bodymap.study.distractors`: plain
word searches a teacher could run by hand over the YAML, so a reader bug cannot hide itself.
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from bodymap.model import Catalog
from bodymap.model.schema import ACTIVITIES
from bodymap.study import FactQuestion, ReferralQuestion, generate_questions
from bodymap.study.distractors import (
    ACTIVITY_PHRASES,
    FactReader,
    also_true_of,
    pattern_overlap,
    referral_distractors,
)
from bodymap.study.generators import fact_questions, referral_questions

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
    # a place, no sitting: the sit bone lies in the lower buttock's inner half
    ("Ischial (sit-bone) bursitis", set(), {"lower_buttock_medial"}, set()),
    ("Tailbone pain", set(), {"coccyx"}, set()),  # an everyday name from zones.yaml
    ("Aching in the buttock, mostly local rather than down the leg", set(),
     {"buttock", "upper_buttock", "lower_buttock", "lower_buttock_medial",
      "lower_buttock_lateral"}, set()),  # not the leg; a group named, and its parts
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


def test_every_fact_card_offers_four_muscles_none_of_which_says_the_fact(catalog: Catalog,
                                                                        fact_cards: list):
    # The generator's own rule, over every fact card of every seed: the simpler oracles above
    # check it from outside; this one that no card slips past it.
    reader = FactReader(catalog.zones)
    for question in fact_cards:
        keys = [c.key for c in question.choices]
        assert len(set(keys)) == 4 and keys.count(question.answer) == 1, question.card_id
        for muscle in distractors(catalog, question):
            assert also_true_of(reader, question.topic, question.fact, muscle) is None, (
                question.fact, muscle.id)


# -- referral cards: the painted pattern is one muscle's ---------------------------------------
# The seeds the study tests draw with (fact cards above, test_questions.py's 2025, the panel's 1,
# the windows' 3 and 8) and more: a fair card is fair whatever the draw.
REFERRAL_SEEDS = (*range(50), 2025)


def own_essential(muscle) -> set[str]:
    """Every zone a muscle's TrPs refer to as essential, read straight from its TrPs."""
    return {z for t in muscle.trigger_points for z in t.referral.essential}


def fits(muscle, question: ReferralQuestion) -> bool:
    """The painted pattern could be this muscle's: it refers to every zone painted solid."""
    return set(question.essential) <= own_essential(muscle)


@pytest.fixture(scope="module")
def referral_cards(catalog: Catalog) -> list[ReferralQuestion]:
    return [q for seed in REFERRAL_SEEDS for q in referral_questions(catalog, random.Random(seed))]


def test_no_referral_distractor_refers_to_every_zone_painted_solid(catalog: Catalog,
                                                                   referral_cards: list):
    # The reviewer's case: quadratus lumborum TrP4 paints the lower buttock alone, and gluteus
    # maximus, gluteus minimus and longissimus all refer there as an essential zone.
    assert referral_cards
    for question in referral_cards:
        assert fits(catalog.muscles[question.answer], question)
        for choice in question.choices:
            if choice.key != question.answer:
                assert not fits(catalog.muscles[choice.key], question), (
                    question.card_id, choice.key)


def test_every_referral_card_still_offers_four_distinct_muscles(catalog: Catalog,
                                                                referral_cards: list):
    # No TrP of the built-in catalog is left with fewer than three fair distractors, so none
    # is dropped or asked with fewer choices: one card per settled pattern of its own (the
    # pattern without its provisional zones), in every draw.
    settled = [(m.id, t.referral.settled()) for m in catalog.muscles.values()
               for t in m.trigger_points]
    patterns = {(muscle, frozenset(r.essential), frozenset(r.spillover), frozenset(r.bilateral))
                for muscle, r in settled if r.essential}
    for seed in REFERRAL_SEEDS:
        cards = referral_questions(catalog, random.Random(seed))
        asked = {(q.answer, frozenset(q.essential), frozenset(q.spillover),
                  frozenset(q.bilateral)) for q in cards}
        assert asked == patterns, seed
    for question in referral_cards:
        keys = [c.key for c in question.choices]
        assert len(keys) == 4 and len(set(keys)) == 4, question.card_id
        assert keys.count(question.answer) == 1


@pytest.mark.parametrize(("card", "also_right"), [
    # What the reviewer's scan found: each of these muscles refers to the zones painted solid.
    ("referral:quadratus_lumborum:trp4",  # lower buttock
     {"gluteus_maximus", "gluteus_minimus", "longissimus_thoracis"}),
    ("referral:quadratus_lumborum:trp3",  # SI joint
     {"gluteus_maximus", "gluteus_medius", "iliopsoas", "rectus_abdominis"}),
    ("referral:gluteus_maximus:trp3", {"multifidus"}),  # coccyx
    ("referral:quadratus_lumborum:trp2", {"tensor_fasciae_latae"}),  # greater trochanter
])
def test_the_reviewers_cards_never_offer_a_second_right_muscle(catalog: Catalog,
                                                                referral_cards: list,
                                                                card: str, also_right: set):
    asked = [q for q in referral_cards if q.card_id == card]
    assert len(asked) == len(REFERRAL_SEEDS)
    for muscle_id in also_right:  # the data still says so: the test still tests something
        assert fits(catalog.muscles[muscle_id], asked[0]), muscle_id
    for question in asked:
        offered = {c.key for c in question.choices}
        assert not offered & also_right, (card, offered & also_right)


def test_pattern_overlap_says_where_a_wrong_muscle_refers_too(catalog: Catalog):
    muscles = catalog.muscles
    lower_buttock = muscles["quadratus_lumborum"].trigger_point("trp4").referral
    overlap = pattern_overlap(muscles["gluteus_maximus"], lower_buttock.essential)
    assert overlap.fits and overlap.missing == ()
    assert overlap.shared == ("lower_buttock_medial", "lower_buttock_lateral")
    # Gluteus maximus TrP1 paints the SI joint, the strip beside the gluteal cleft and the lower
    # buttock's inner half solid, the upper back of the thigh and the sacrum stippled: gluteus
    # minimus refers to the lower inner buttock and the thigh too, but never to the SI joint or
    # the strip beside the cleft.
    trp1 = muscles["gluteus_maximus"].trigger_point("trp1").referral
    overlap = pattern_overlap(muscles["gluteus_minimus"], trp1.essential, trp1.spillover)
    assert not overlap.fits
    assert set(overlap.shared) == {"lower_buttock_medial", "posterior_thigh_upper_medial",
                                   "posterior_thigh_upper_lateral"}
    assert overlap.missing == ("si_joint", "gluteal_cleft")
    # Quadratus lumborum's TrP3 (SI joint) and TrP4 (lower buttock) together paint the SI joint
    # and the lower inner buttock: all its TrPs count, as several are often active at once. The
    # strip beside the cleft is not theirs, so TrP1's whole crescent does not fit it.
    assert pattern_overlap(muscles["quadratus_lumborum"],
                           ("si_joint", "lower_buttock_medial")).fits
    assert pattern_overlap(muscles["quadratus_lumborum"], trp1.essential).missing == (
        "gluteal_cleft",)
    # Spillover alone does not make a muscle the answer: gluteus minimus reaches the greater
    # trochanter only as spillover, so it stays a fair choice for QL TrP2.
    trochanter = muscles["quadratus_lumborum"].trigger_point("trp2").referral
    overlap = pattern_overlap(muscles["gluteus_minimus"], trochanter.essential)
    assert not overlap.fits and overlap.shared == ("greater_trochanter",)


def test_a_referral_card_with_too_few_fair_distractors_is_dropped_not_padded(catalog: Catalog):
    # As in a small data pack: beside quadratus lumborum, five muscles that refer to the SI
    # joint and two that do not. Two fair distractors are too few for a card of four, and none
    # of the five may fill the gap.
    muscles = catalog.muscles
    ql = muscles["quadratus_lumborum"]
    si_joint = ql.trigger_point("trp3")
    fitting = ["gluteus_maximus", "gluteus_medius", "iliopsoas", "piriformis", "rectus_abdominis"]
    fair = ["multifidus", "tensor_fasciae_latae"]
    few = [ql, *(muscles[m] for m in fitting + fair)]
    for seed in range(20):
        assert referral_distractors(random.Random(seed), ql, si_joint, few) is None
    enough = [*few, muscles["gluteus_minimus"]]
    for seed in range(20):
        picked = referral_distractors(random.Random(seed), ql, si_joint, enough)
        assert sorted(picked) == sorted([*fair, "gluteus_minimus"])


# -- referral cards: no wrong choice the pattern could be read as ------------------------------
# A student marked wrong for a defensible answer: multifidus TrP1 (low lumbar spine and sacrum
# solid) offered iliopsoas, which refers to the sacrum as an essential zone, and the feedback
# then said iliopsoas "refers pain here too"; gluteus minimus TrP2 offered longissimus, which
# refers to the lower buttock. The oracle: a muscle's zones read straight from its TrPs.


def essential_of(muscle, settled_only: bool = False) -> set[str]:
    """The zones its TrPs refer to as essential (with `settled_only`, as the sources settle)."""
    return {z for t in muscle.trigger_points
            for z in (t.referral.settled() if settled_only else t.referral).essential}


def reach_of(muscle) -> set[str]:
    """Every zone its TrPs refer to, essential or spillover, settled or not."""
    return {z for t in muscle.trigger_points
            for z in (*t.referral.essential, *t.referral.spillover)}


def could_be_read_as(muscle, essential, spillover) -> bool:
    """The painted pattern could be this muscle's: one of its essential zones is painted solid,
    or its pain reaches more than half the solid zones or more than half the painted ones."""
    solid, painted = set(essential), set(essential) | set(spillover)
    reach = reach_of(muscle)
    return (bool(solid & essential_of(muscle)) or len(solid & reach) > len(solid) / 2
            or len(painted & reach) > len(painted) / 2)


@pytest.fixture(scope="module")
def every_card(catalog: Catalog) -> list:
    """Every card every generator makes over the built-in data, in many draws."""
    return [q for seed in REFERRAL_SEEDS for q in generate_questions(catalog, random.Random(seed))]


def test_no_wrong_choice_shares_a_settled_essential_zone_with_the_zones_painted_solid(
        catalog: Catalog, every_card: list):
    referral = [q for q in every_card if isinstance(q, ReferralQuestion)]
    assert len(referral) == len(REFERRAL_SEEDS) * len(
        referral_questions(catalog, random.Random(0)))
    for question in referral:
        solid = set(question.essential)
        for choice in question.choices:
            if choice.key == question.answer:
                continue
            muscle = catalog.muscles[choice.key]
            assert not solid & essential_of(muscle, settled_only=True), (
                question.card_id, choice.key, solid & essential_of(muscle, settled_only=True))
            # Nor any zone it refers to as essential that the sources do not settle: its page
            # shows it (multifidus' coccyx, beside gluteus maximus TrP3's coccyx).
            assert not solid & essential_of(muscle), (question.card_id, choice.key)
            # Nor does its pain cover most of the pattern even as spillover.
            assert not could_be_read_as(muscle, question.essential, question.spillover), (
                question.card_id, choice.key)


def test_every_multiple_choice_card_offers_at_least_two_choices_with_one_answer(
        every_card: list):
    chosen = [q for q in every_card if hasattr(q, "choices")]
    assert chosen
    for question in chosen:
        keys = [c.key for c in question.choices]
        assert len(keys) >= 2 and len(set(keys)) == len(keys), question.card_id
        assert keys.count(question.answer) == 1, question.card_id


def test_a_referral_pattern_is_asked_exactly_when_three_fair_muscles_remain(catalog: Catalog):
    """Each settled pattern of its own is a card when at least three other muscles are fair by
    the oracle, and no card otherwise (never one padded with a muscle it could be read as)."""
    muscles = list(catalog.muscles.values())
    fair_counts = {}
    for muscle in muscles:
        for trp in muscle.trigger_points:
            settled = trp.referral.settled()
            if settled.essential:
                fair_counts[(muscle.id, frozenset(settled.essential),
                             frozenset(settled.spillover))] = sum(
                    not could_be_read_as(other, settled.essential, settled.spillover)
                    for other in muscles if other.id != muscle.id)
    for seed in (0, 1, 2025):
        asked = {(q.answer, frozenset(q.essential), frozenset(q.spillover))
                 for q in referral_questions(catalog, random.Random(seed))}
        assert asked == {pattern for pattern, fair in fair_counts.items() if fair >= 3}
    # The built-in data leaves every pattern at least three (gluteus maximus TrP2, all the
    # buttock and the lower sacrum, exactly three), so every pattern is asked.
    assert min(fair_counts.values()) == 3


@pytest.mark.parametrize(("card", "defensible", "zone"), [
    ("referral:multifidus:trp1", "iliopsoas", "sacrum_upper"),
    ("referral:gluteus_minimus:trp2", "longissimus_thoracis", "lower_buttock_medial"),
])
def test_the_reviewers_defensible_answers_are_no_longer_offered(
        catalog: Catalog, referral_cards: list, card: str, defensible: str, zone: str):
    asked = [q for q in referral_cards if q.card_id == card]
    assert len(asked) == len(REFERRAL_SEEDS)
    # The data still says so: the test still tests something.
    assert zone in asked[0].essential
    assert zone in essential_of(catalog.muscles[defensible], settled_only=True)
    for question in asked:
        assert defensible not in {c.key for c in question.choices}, card


def test_a_referral_card_is_dropped_when_only_defensible_muscles_would_fill_it(
        catalog: Catalog):
    # As in a small data pack: beside multifidus, four muscles that refer to its TrP1's sacrum
    # as an essential zone (none of which covers every solid zone, so the old rule offered
    # them) and two that do not: two fair distractors are too few for a card.
    muscles = catalog.muscles
    multifidus = muscles["multifidus"]
    trp1 = multifidus.trigger_point("trp1")
    painted = dataclasses.replace(trp1, referral=trp1.referral.settled())
    defensible = ["gluteus_maximus", "gluteus_medius", "iliopsoas", "rectus_abdominis"]
    fair = ["biceps_femoris", "tensor_fasciae_latae"]
    few = [multifidus, *(muscles[m] for m in defensible + fair)]
    for seed in range(20):
        assert referral_distractors(random.Random(seed), multifidus, painted, few) is None
    enough = [*few, muscles["iliocostalis_thoracis"]]
    for seed in range(20):
        picked = referral_distractors(random.Random(seed), multifidus, painted, enough)
        assert sorted(picked) == sorted([*fair, "iliocostalis_thoracis"])
