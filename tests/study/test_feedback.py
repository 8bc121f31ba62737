"""The feedback's words, from the built-in data, without Qt: what a student reads once a
question is answered names the right muscle, trigger point and zones, with their sides, and says
why a wrong pick or click was wrong."""

from __future__ import annotations

import pytest

from bodymap.model import Catalog
from bodymap.model.prose import BOTH, on_side
from bodymap.model.schema import VIEW_NAMES
from bodymap.study import LocateQuestion, ReferralQuestion, ZoneQuestion
from bodymap.study.distractors import pattern_overlap
from bodymap.study.feedback import (
    LAYER_WORDS,
    also_refers,
    answer_text,
    judgement,
    revealed_prompt,
)


def of(questions: list, kind: type) -> list:
    found = [q for q in questions if isinstance(q, kind)]
    assert found
    return found


def label(catalog: Catalog, zone_id: str) -> str:
    return catalog.zones[zone_id].label


def named(catalog: Catalog, zone_id: str, text: str, side: str | None = None) -> bool:
    """Whether `text` names a zone: by its label, or by the label of a group holding it (an
    area whose parts are all in the list is said whole: "Back of the thigh")."""
    return any(on_side(label(catalog, z), side) in text for z in catalog.zones
               if zone_id in catalog.zone_parts(z))


def test_a_zone_answer_names_every_zone_and_says_both_sides_of_a_bilateral_one(
        catalog: Catalog, questions: list):
    both_sides = 0
    for question in of(questions, ZoneQuestion):
        text = answer_text(catalog, question)
        for zone in (*question.essential, *question.spillover, *question.provisional):
            side = BOTH if zone in question.bilateral else None
            both_sides += side == BOTH
            assert named(catalog, zone, text, side), (question.card_id, zone, text)
        assert ("spillover:" in text) == bool(question.spillover)
        assert ("not asked" in text) == bool(question.provisional)
    assert both_sides, "the built-in data has bilateral referrals, said '(both sides)'"


def test_a_referral_answer_is_the_muscle_shown_name_with_its_trigger_point(
        catalog: Catalog, questions: list):
    for question in of(questions, ReferralQuestion):
        muscle = catalog.muscles[question.muscle_id]
        trp = muscle.trigger_point(question.trigger_point_id)
        assert answer_text(catalog, question) == f"{muscle.name} ({trp.label})"


def test_a_zone_judgement_names_the_zones_found_missed_and_wrong(catalog: Catalog,
                                                                 questions: list):
    question = next(q for q in of(questions, ZoneQuestion) if len(q.essential) >= 2)
    outside = next(z for z in catalog.zones if z not in question.essential
                   and z not in question.spillover and z not in question.provisional)
    marked = (question.essential[0], outside)
    grade = question.grade(marked)
    verdict, detail = judgement(catalog, question, marked, grade)
    assert verdict.startswith("Not quite") and f"{round(grade.score * 100)}%" in verdict
    found, missed, wrong = (line for line in detail.splitlines()
                            if line.startswith(("You found", "Missed", "Not in this")))
    assert named(catalog, question.essential[0], found)
    for zone in question.essential[1:]:
        assert named(catalog, zone, missed)
    assert named(catalog, outside, wrong)
    right = question.grade(question.essential)
    verdict, detail = judgement(catalog, question, question.essential, right)
    assert verdict.startswith("Right") and "100%" in verdict
    assert "Missed" not in detail


def test_no_zones_marked_is_said_so(catalog: Catalog, questions: list):
    question = of(questions, ZoneQuestion)[0]
    verdict, detail = judgement(catalog, question, (), question.grade(()))
    assert verdict == "Not quite. No zones marked."
    assert answer_text(catalog, question) in detail


def test_a_wrong_referral_pick_says_where_the_picked_muscle_reaches(catalog: Catalog,
                                                                    questions: list):
    said = 0
    for question in of(questions, ReferralQuestion):
        for choice in question.choices:
            if choice.key == question.answer:
                continue
            muscle = catalog.muscles[choice.key]
            overlap = pattern_overlap(muscle, question.essential, question.spillover)
            words = also_refers(catalog, question, choice.key)
            assert words.startswith(muscle.name)
            if not overlap.shared:
                assert "none of the painted zones" in words
                continue
            said += 1
            for zone in (*overlap.shared, *overlap.missing):
                assert named(catalog, zone, words), (question.card_id, muscle.id, zone)
            verdict, detail = judgement(catalog, question, choice.key, question.grade(choice.key))
            assert verdict == f"Not quite. You chose {choice.label}."
            assert words in detail
    assert said


def test_also_refers_says_nothing_of_a_key_that_is_no_muscle(catalog: Catalog,
                                                             questions: list):
    assert also_refers(catalog, of(questions, ReferralQuestion)[0], "no_such_muscle") == ""


@pytest.mark.parametrize(("side", "word"), [("L", "left"), ("R", "right")])
def test_a_locate_judgement_says_the_side_outlined_and_where_the_clicked_muscle_lies(
        catalog: Catalog, questions: list, side: str, word: str):
    question = of(questions, LocateQuestion)[0]
    answer = catalog.muscles[question.muscle_id]
    clicked = next(m for m in catalog.muscles.values() if m.id != answer.id)
    verdict, detail = judgement(catalog, question, clicked.id, question.grade(clicked.id),
                                outlined_side=side)
    assert verdict == f"Not quite: you clicked {clicked.name}, not {answer.name}."
    assert f"{answer.name} is outlined on the body ({word} side)" in detail
    assert LAYER_WORDS[answer.layer] in detail.splitlines()[1]
    last = detail.splitlines()[-1]
    assert last.startswith(f"{clicked.name}, which you clicked, lies {LAYER_WORDS[clicked.layer]}")
    for view in clicked.views:
        assert VIEW_NAMES[view] in last
    verdict, detail = judgement(catalog, question, answer.id, question.grade(answer.id),
                                outlined_side=side)
    assert verdict == f"Right: that is {answer.name}."


def test_the_body_line_after_an_answer_names_the_muscle(catalog: Catalog, questions: list):
    question = of(questions, LocateQuestion)[0]
    answer = catalog.muscles[question.muscle_id]
    clicked = next(m for m in catalog.muscles.values() if m.id != answer.id)
    wrong = question.grade(clicked.id)
    assert revealed_prompt(catalog, question, wrong, clicked.id).startswith(
        f"You clicked {clicked.name}; {answer.name} is outlined.")
    assert revealed_prompt(catalog, question, question.grade(answer.id)).startswith(
        f"Right: {answer.name}.")
