"""Question generators: every built-in muscle and TrP yields valid, unambiguous cards."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Callable

import pytest

from bodymap.model import Catalog
from bodymap.model.schema import Muscle
from bodymap.study import (
    FactQuestion,
    LocateQuestion,
    MultipleChoiceQuestion,
    ReferralQuestion,
    ZoneQuestion,
    generate_questions,
    muscle_of,
)
from bodymap.study.distractors import concepts, condition
from bodymap.study.generators import (
    fact_questions,
    locate_questions,
    referral_questions,
    zone_questions,
)


@pytest.fixture(scope="module")
def questions(catalog: Catalog) -> list:
    return generate_questions(catalog, random.Random(2025))


def by_kind(questions: list, kind: str) -> list:
    return [q for q in questions if q.kind == kind]


def test_card_ids_are_unique_and_name_their_muscle(catalog: Catalog, questions: list):
    ids = [q.card_id for q in questions]
    assert len(ids) == len(set(ids))
    for question in questions:
        assert muscle_of(question.card_id) == question.muscle_id
        assert question.muscle_id in catalog.muscles
        assert question.prompt
        assert question.sources and set(question.sources) <= set(catalog.sources)


def test_every_kind_is_generated(questions: list):
    assert set(Counter(q.kind for q in questions)) == {
        "referral", "locate", "zones", "mimic", "symptom", "hold", "discomfort", "release"}


def test_referral_card_for_every_trigger_point_pattern(catalog: Catalog, questions: list):
    cards = {(q.muscle_id, frozenset(q.essential), frozenset(q.spillover))
             for q in by_kind(questions, "referral")}
    for muscle in catalog.muscles.values():
        for trp in muscle.trigger_points:
            pattern = (frozenset(trp.referral.essential), frozenset(trp.referral.spillover))
            assert (muscle.id, *pattern) in cards, (muscle.id, trp.id)


def test_referral_question_paints_its_trigger_point(catalog: Catalog, questions: list):
    question = next(q for q in questions if q.card_id == "referral:gluteus_medius:trp1")
    trp = catalog.muscles["gluteus_medius"].trigger_point("trp1")
    assert isinstance(question, ReferralQuestion)
    assert question.essential == trp.referral.essential
    assert question.spillover == trp.referral.spillover
    assert question.answer == "gluteus_medius"


def test_iliopsoas_trigger_points_sharing_one_pattern_are_asked_once(questions: list):
    ids = [q.card_id for q in by_kind(questions, "referral") if q.muscle_id == "iliopsoas"]
    assert ids == ["referral:iliopsoas:trp1"]


def muscle_choice_questions(questions: list) -> list[MultipleChoiceQuestion]:
    return [q for q in questions
            if isinstance(q, MultipleChoiceQuestion) and q.answer == q.muscle_id]


def test_muscle_choices_are_four_distinct_muscles_with_one_answer(catalog: Catalog,
                                                                  questions: list):
    checked = muscle_choice_questions(questions)
    assert len(checked) > 40
    for question in checked:
        keys = [c.key for c in question.choices]
        assert len(keys) == 4 and len(set(keys)) == 4
        assert keys.count(question.answer) == 1
        assert set(keys) <= set(catalog.muscles)
        assert [c.label for c in question.choices] == [catalog.muscles[k].name for k in keys]


def test_referral_distractors_never_share_the_painted_pattern(catalog: Catalog, questions: list):
    for question in by_kind(questions, "referral"):
        for choice in question.choices:
            if choice.key == question.answer:
                continue
            patterns = {frozenset(t.referral.essential)
                        for t in catalog.muscles[choice.key].trigger_points}
            assert frozenset(question.essential) not in patterns, question.card_id


def test_referral_distractors_share_zones_where_possible(catalog: Catalog, questions: list):
    for question in by_kind(questions, "referral"):
        zones = set(question.essential) | set(question.spillover)

        def shares(muscle_id: str, zones: set[str] = zones) -> bool:
            essential, spillover = catalog.muscles[muscle_id].referral_zones()
            return bool(zones & (essential | spillover))

        def same_pattern(muscle_id: str, essential: frozenset = frozenset(question.essential)
                         ) -> bool:
            return any(frozenset(t.referral.essential) == essential
                       for t in catalog.muscles[muscle_id].trigger_points)

        sharing = [m for m in catalog.muscles
                   if m != question.answer and shares(m) and not same_pattern(m)]
        distractors = [c.key for c in question.choices if c.key != question.answer]
        assert sum(map(shares, distractors)) == min(3, len(sharing)), question.card_id


def test_locate_and_zone_cards_for_every_muscle(catalog: Catalog, questions: list):
    locate = {q.muscle_id for q in questions if isinstance(q, LocateQuestion)}
    assert locate == set(catalog.muscles)
    zones = [q for q in questions if isinstance(q, ZoneQuestion)]
    for muscle in catalog.muscles.values():
        own = [q for q in zones if q.muscle_id == muscle.id]
        whole = next(q for q in own if q.trigger_point_id is None)
        assert set(whole.essential) == muscle.referral_zones()[0]
        asked = {frozenset(q.essential) for q in own}
        for trp in muscle.trigger_points:  # each TrP's set is asked, alone or as the whole
            assert frozenset(trp.referral.essential) in asked, (muscle.id, trp.id)


def test_zone_question_grades_its_own_essential_zones(questions: list):
    question = next(q for q in questions if q.card_id == "zones:piriformis")
    assert question.grade(question.essential).correct
    assert not question.grade(["calf"]).correct


def test_sciatica_mimic_never_offers_another_sciatica_muscle(catalog: Catalog, questions: list):
    sciatica = [q for q in by_kind(questions, "mimic") if "sciatica" in concepts(q.fact)]
    assert sciatica, "an 'often mistaken for sciatica' question exists"
    for question in sciatica:
        for choice in question.choices:
            if choice.key == question.answer:
                continue
            mimics = catalog.muscles[choice.key].often_mistaken_for
            assert not any("sciatica" in concepts(condition(m)) for m in mimics), choice.key


def test_fact_distractors_never_could_also_be_right(catalog: Catalog, questions: list):
    for question in by_kind(questions, "mimic") + by_kind(questions, "symptom"):
        assert isinstance(question, FactQuestion)
        for choice in question.choices:
            if choice.key == question.answer:
                continue
            muscle = catalog.muscles[choice.key]
            facts = muscle.often_mistaken_for if question.topic == "mimic" else muscle.symptoms
            assert question.fact not in [condition(f) for f in facts] + list(facts)
            assert muscle.name.casefold() not in question.fact.casefold()


def test_mimic_that_names_a_muscle_never_offers_it(questions: list):
    question = next(q for q in by_kind(questions, "mimic")
                    if q.muscle_id == "iliopsoas" and "quadratus lumborum" in q.fact)
    assert "quadratus_lumborum" not in [c.key for c in question.choices]


def test_fact_common_to_many_muscles_is_not_asked(questions: list):
    facts = [q.fact for q in by_kind(questions, "mimic")]
    assert "Sacroiliac joint dysfunction" not in facts


@pytest.mark.parametrize(
    ("topic", "figure"),
    [
        ("hold", lambda m: f"{m.technique.hold_seconds.typical:g}"),
        ("discomfort", lambda m: "-".join(map(str, m.technique.target_discomfort.start))),
        ("release", lambda m: str(m.technique.target_discomfort.release_at)),
    ],
)
def test_technique_figure_questions(catalog: Catalog, questions: list, topic: str,
                                    figure: Callable[[Muscle], str]):
    asked = {q.muscle_id: q for q in by_kind(questions, topic)}
    assert set(asked) == set(catalog.muscles)
    for muscle_id, question in asked.items():
        assert question.answer == figure(catalog.muscles[muscle_id])
        keys = [c.key for c in question.choices]
        assert len(set(keys)) == 4 and keys.count(question.answer) == 1
        lows = [float(k.split("-")[0]) for k in keys]
        assert lows == sorted(lows)  # figures read in ascending order
        if topic == "discomfort":  # no distractor range overlaps the right one
            low, high = map(int, question.answer.split("-"))
            for key in keys:
                if key != question.answer:
                    a, b = map(int, key.split("-"))
                    assert b < low or a > high


def test_generation_is_deterministic_by_seed(catalog: Catalog):
    first = generate_questions(catalog, random.Random(7))
    again = generate_questions(catalog, random.Random(7))
    other = generate_questions(catalog, random.Random(8))
    assert first == again
    assert first != other
    assert {q.card_id for q in first} == {q.card_id for q in other}  # cards do not depend on seed


@pytest.mark.parametrize("generate", [referral_questions, fact_questions])
def test_each_generator_is_deterministic_by_seed(
    catalog: Catalog, generate: Callable[[Catalog, random.Random], list]
):
    assert generate(catalog, random.Random(3)) == generate(catalog, random.Random(3))


def test_deterministic_without_seeded_generators(catalog: Catalog):
    assert locate_questions(catalog) == locate_questions(catalog)
    assert zone_questions(catalog) == zone_questions(catalog)


def test_filter_by_kind_and_muscle(catalog: Catalog):
    chosen = generate_questions(catalog, random.Random(1), kinds=["referral", "hold"],
                                muscle_ids=["piriformis"])
    assert {q.kind for q in chosen} == {"referral", "hold"}
    assert {q.muscle_id for q in chosen} == {"piriformis"}
    with pytest.raises(ValueError, match="bogus"):
        generate_questions(catalog, random.Random(1), kinds=["bogus"])


def test_small_catalog_drops_questions_it_cannot_fill(catalog: Catalog):
    two = Catalog({k: catalog.muscles[k] for k in ("piriformis", "iliopsoas")},
                  catalog.zones, catalog.sources, catalog.guidance, [])
    questions = generate_questions(two, random.Random(1))
    assert {q.kind for q in questions} == {"locate", "zones", "hold", "discomfort", "release"}


def test_odd_pack_figures_are_asked_exactly_or_not_at_all(catalog: Catalog):
    muscle = catalog.muscles["piriformis"]
    technique = dataclasses.replace(
        muscle.technique,
        hold_seconds=dataclasses.replace(muscle.technique.hold_seconds, typical=7.5),
        target_discomfort=dataclasses.replace(muscle.technique.target_discomfort, start=(1, 10)),
    )
    odd = Catalog({**catalog.muscles, "piriformis": dataclasses.replace(muscle,
                                                                        technique=technique)},
                  catalog.zones, catalog.sources, catalog.guidance, [])
    asked = {q.kind: q for q in fact_questions(odd, random.Random(1), ["piriformis"])}
    assert asked["hold"].answer == "7.5"
    assert "discomfort" not in asked  # no range clear of 1-10 to offer beside it
