"""Zone marking: Jaccard overlap with the essential zones, partial credit, a pass mark."""

from __future__ import annotations

import pytest

from bodymap.study import ZONE_PASS_THRESHOLD, grade_zones
from bodymap.study.grading import grade_choice

ESSENTIAL = ("iliac_crest", "si_joint", "sacrum", "lumbar_paraspinal")
SPILLOVER = ("upper_buttock",)


@pytest.mark.parametrize(
    ("marked", "score", "correct"),
    [
        (ESSENTIAL, 1.0, True),
        (ESSENTIAL[:3], 0.75, True),  # 3 of 4
        ((*ESSENTIAL, "calf"), 0.8, True),  # all, plus one wrong
        (ESSENTIAL[:2], 0.5, False),
        (("calf", "groin"), 0.0, False),
        ((), 0.0, False),
        ((*ESSENTIAL, "upper_buttock"), 1.0, True),  # spillover neither credited nor penalised
        (("upper_buttock",), 0.0, False),  # ... nor enough on its own
        ((*ESSENTIAL[:2], "calf", "groin"), 2 / 6, False),
    ],
)
def test_zone_score_is_jaccard_of_marked_and_essential(marked: tuple[str, ...], score: float,
                                                       correct: bool):
    grade = grade_zones(marked, ESSENTIAL, SPILLOVER)
    assert grade.score == pytest.approx(score)
    assert grade.correct is correct


def test_zone_grade_says_what_was_hit_missed_and_wrong():
    grade = grade_zones(["sacrum", "calf", "upper_buttock", "sacrum"], ESSENTIAL, SPILLOVER)
    assert grade.hits == ("sacrum",)
    # In the essential zones' own order (the data's), not the alphabet's.
    assert grade.missed == ("iliac_crest", "si_joint", "lumbar_paraspinal")
    assert grade.wrong == ("calf",)
    assert grade.spillover == ("upper_buttock",)


def test_zone_grade_lists_what_was_marked_wrong_in_the_order_marked():
    grade = grade_zones(["groin", "sacrum", "calf"], ESSENTIAL)
    assert grade.wrong == ("groin", "calf")
    assert grade_zones(["calf", "groin"], ESSENTIAL).wrong == ("calf", "groin")


def test_pass_threshold_separates_two_of_three_from_three_of_four():
    assert grade_zones(["a", "b"], ["a", "b", "c"]).score < ZONE_PASS_THRESHOLD
    assert grade_zones(["a", "b", "c"], ["a", "b", "c", "d"]).score >= ZONE_PASS_THRESHOLD


def test_choice_is_all_or_nothing():
    assert grade_choice("piriformis", "piriformis").score == 1.0
    assert not grade_choice("iliopsoas", "piriformis").correct
    assert not grade_choice(None, "piriformis").correct
