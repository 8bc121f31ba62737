"""The coach's step plan for steps a teacher writes in a pack, and what its line under the
discomfort scale makes of the client's report (docs/coach.md), without Qt: the built-in muscles
are walked through the window in tests/ui/test_coach.py."""

from bodymap.model.coaching import (
    carried_over_position,
    cautions_at_point,
    discomfort_advice,
    eased_to_release,
    steps_by_point,
)
from bodymap.model.schema import DiscomfortTarget

STEPS = (
    "Client side-lying, hips and knees bent.",  # 0: prepares, before the first locating step
    "Locate the tender spot with a flat thumb.",  # 1: every point
    "Press slowly to 6 out of 10 and hold.",  # 2: every point
    "At TrP2 the tissue lies deeper: sink in further.",  # 3: TrP2 only
    "Finish with a slow stretch.",  # 4: after the last point only
)


def test_steps_are_shared_out_among_three_points():
    assert steps_by_point(STEPS, 3) == [(0, 1, 2), (1, 2, 3), (1, 2, 4)]


def test_a_trigger_point_the_muscle_does_not_have_is_not_a_step_for_any_point():
    steps = ("Locate it.", "Press TrP5 gently.", "Hold.")
    # "TrP5" of a two-point muscle is a typo or another muscle's: the step stays at every point
    # rather than vanishing from the coach.
    assert steps_by_point(steps, 2) == [(0, 1, 2), (0, 1, 2)]


def test_a_point_no_step_applies_to_still_gets_every_step():
    steps = ("Locate TrP1 with the thumb.", "Press TrP1 to 5 out of 10.")
    assert steps_by_point(steps, 2) == [(0, 1), (0, 1)]


def test_one_point_or_none_walks_every_step_in_order():
    assert steps_by_point(STEPS, 1) == [(0, 1, 2, 3, 4)]
    assert steps_by_point(STEPS, 0) == [(0, 1, 2, 3, 4)]


def test_named_points_are_read_in_any_spelling():
    steps = ("Find the band.", "Work trp 2 and TrP 3 with the elbow.")
    assert steps_by_point(steps, 3) == [(0,), (0, 1), (0, 1)]


def test_the_position_given_at_the_first_point_is_carried_over_to_the_others():
    # STEPS positions the client in a step shown at the first point only (rule 3).
    line = "As for TrP1: Client side-lying, hips and knees bent."
    assert [carried_over_position(STEPS, 3, point) for point in range(3)] == ["", line, line]
    assert carried_over_position(STEPS, 1, 0) == ""  # one point: every step is shown there
    steps = ("Position the client prone, pillow under the ankles; drape the thigh.",
             "Locate the band.", "Press to 5 out of 10.")
    # The position only: not what is done once after it, nor why.
    assert carried_over_position(steps, 2, 1) == (
        "Client positioned as for TrP1: prone, pillow under the ankles.")
    steps = ("Position the client side-lying, knee bent, so the buttock is relaxed.",
             "Locate the band.")
    assert carried_over_position(steps, 2, 1) == (
        "Client positioned as for TrP1: side-lying, knee bent.")
    # A step worded otherwise is carried over whole.
    steps = ("Client supine; position a bolster under the knees.", "Locate the band.")
    assert carried_over_position(steps, 2, 1) == "As for TrP1: Client supine."
    # Screening before the first point is not carried over, nor a position a step gives for
    # one point (each point then has its own).
    steps = ("Ask about numbness first.", "For TrP1, position the client supine.",
             "For TrP2, position the client side-lying.", "Locate the band.")
    assert carried_over_position(steps, 2, 1) == ""


def test_a_caution_that_names_the_point_leads_there():
    cautions = ("The nerve in the groin (TrP1).", "At TrP3, the vessels in the abdomen.",
                "Not in pregnancy.")
    assert cautions_at_point(cautions, 0, 3) == cautions
    assert cautions_at_point(cautions, 1, 3) == cautions  # none names TrP2: the data's order
    assert cautions_at_point(cautions, 2, 3) == (cautions[1], cautions[0], cautions[2])
    assert cautions_at_point(cautions, 2, 2) == cautions  # a TrP3 the muscle does not have
    assert cautions_at_point((), 0, 3) == ()


def test_a_report_is_read_against_the_target_band():
    target = DiscomfortTarget(start=(6, 7), release_at=4)
    tones = [discomfort_advice(target, value, reached=False)[0] for value in (3, 6, 7, 8)]
    assert tones == ["building", "on_target", "on_target", "above"]
    # Below the band once the band was reached, the discomfort is easing, not building.
    assert discomfort_advice(target, 5, reached=True)[0] == "easing"


def test_an_eased_report_ends_the_hold_unless_the_technique_takes_up_the_slack():
    held = DiscomfortTarget(start=(6, 7), release_at=4)
    slack = DiscomfortTarget(start=(6, 7), release_at=4, as_it_eases="take_up_slack")
    assert eased_to_release(held, 4) and not eased_to_release(held, 5)
    assert not eased_to_release(slack, 4)
