"""What the technique coach says, read from a technique's data: which of its steps belong at
which trigger point (and which caution leads there), and what to do as the discomfort builds and
eases, and when that ends the hold (docs/coach.md)."""

from __future__ import annotations

import re

from bodymap.model.schema import DiscomfortTarget

# -- which steps belong to which trigger point ---------------------------------------------------
# A technique's steps are written for the whole muscle (they read as one list on the muscle's
# page), but the coach walks them once per trigger point. Which step belongs where is read from
# the wording, so a teacher writing a pack needs no extra keys (docs/coach.md):
#   1. a step that opens with one of CLOSING_OPENINGS ends the session: after the last point only;
#   2. a step that names trigger points ("TrP2", "TrP3 and TrP4"): at those points only (TrPn is
#      the n-th trigger point of the muscle, the order the coach walks them in);
#   3. a step before the first one that finds or locates the point (positioning the client,
#      screening, ...): at the first point only, as it need not be repeated;
#   4. every other step (finding, pressing, holding, repeating): at every point.
CLOSING_OPENINGS = ("finish", "go on to", "follow with", "after the last")
_NAMED_TRP = re.compile(r"\bTrP ?(\d+)\b", re.IGNORECASE)
_LOCATING = ("locate", "find ", "trigger point")


def _locate_step(steps: tuple[str, ...]) -> int:
    """The first step about finding or pressing a point, else 0: the steps before it prepare the
    session (rule 3 above)."""
    for index, step in enumerate(steps):
        text = step.casefold()
        if any(word in text for word in _LOCATING):
            return index
    return 0


def named_trigger_points(step: str, count: int) -> set[int]:
    """The trigger points (0-based, of `count`) a step names; numbers the muscle does not have
    (another muscle's "TrP3", a typo) are not counted."""
    return {int(n) - 1 for n in _NAMED_TRP.findall(step) if 1 <= int(n) <= count}


def is_closing(step: str) -> bool:
    return step.lstrip().casefold().startswith(CLOSING_OPENINGS)


def steps_by_point(steps: tuple[str, ...], count: int) -> list[tuple[int, ...]]:
    """For each of `count` trigger points, the indices of the steps the coach shows there, in
    the data's order. Without several points (one, or none: a general technique alone) every
    step is shown."""
    if count <= 1:
        return [tuple(range(len(steps)))]
    locate = _locate_step(steps)
    plan: list[list[int]] = [[] for _ in range(count)]
    for index, step in enumerate(steps):
        named = named_trigger_points(step, count)
        if is_closing(step):
            points: set[int] | range = {count - 1}
        elif named:
            points = named
        elif index < locate:
            points = {0}
        else:
            points = range(count)
        for point in points:
            plan[point].append(index)
    # A point no step applies to (data written against the rules) still gets the whole list
    # rather than an empty card.
    return [tuple(p) if p else tuple(range(len(steps))) for p in plan]


# A step that places the client: "Position the client ...", "Client prone ...".
_POSITIONING = re.compile(r"\bposition|\bprone\b|\bsupine\b|\bside-lying\b|\bseated\b",
                          re.IGNORECASE)
_POSITION_THE_CLIENT = re.compile(r"^\s*position the client\s+", re.IGNORECASE)
# Where the position itself ends: what follows says why ("..., so the buttock is relaxed") or
# what else to do once (";  drape ...", "; explain the work ...").
_POSITION_ENDS = re.compile(r";|,\s+(?:so|to)\s", re.IGNORECASE)


def carried_over_position(steps: tuple[str, ...], count: int, point: int) -> str:
    """For trigger point `point` (0-based, of `count`) after the first: the client's position
    from the first step that places the client (it says "position", "prone", "supine",
    "side-lying" or "seated") but is shown only at the first point (rule 3), as one short line,
    "Client positioned as for TrP1: ...", so that a student who starts at this point knows how
    the client lies. The step is cut where the position ends:
    at its first ";" (what follows, draping or explaining the work, is done once) or at a
    ", so ..." or ", to ..." saying why. "" when nothing was left out."""
    if point <= 0 or count <= 1 or point >= count:
        return ""
    plan = steps_by_point(steps, count)
    for index in range(_locate_step(steps)):
        step = steps[index]
        if (_POSITIONING.search(step) and index not in plan[point]
                and not named_trigger_points(step, count) and not is_closing(step)):
            text = _POSITION_ENDS.split(step, 1)[0].strip().rstrip(".")
            rest = _POSITION_THE_CLIENT.sub("", text)
            if rest != text:
                return f"Client positioned as for TrP1: {rest}."
            return f"As for TrP1: {text}."
    return ""


def cautions_at_point(cautions: tuple[str, ...], point: int, count: int) -> tuple[str, ...]:
    """The muscle's cautions in the order the coach shows them at trigger point `point` (0-based,
    of `count`): the first caution that names this point ("At TrP3, through the abdomen: ...",
    as a step names one) leads, as it is the one shown before the rest are unfolded; without
    one, the data's first (the nerve or vessel most at risk). The others follow in the data's
    order."""
    lead = next((i for i, text in enumerate(cautions)
                 if point in named_trigger_points(text, count)), 0)
    return (cautions[lead], *cautions[:lead], *cautions[lead + 1:]) if cautions else ()


# -- what the client's report means ---------------------------------------------------------------
def discomfort_advice(target: DiscomfortTarget, value: int, reached: bool) -> tuple[str, str]:
    """What to do at the client's report of `value` out of 10: its tone ("above", "on_target",
    "easing" or "building") and the words. `reached`: whether this hold's pressure has reached
    the target band (counting this report), so a report below it is the discomfort easing rather
    than still building."""
    low, high = min(target.start), max(target.start)
    band = f"{low}-{high}" if low != high else f"{low}"
    if value > high:
        return "above", f"Above {band}: lighten the pressure now."
    if value >= low:
        return "on_target", "On target: keep the pressure steady and wait for it to ease."
    if reached:
        return "easing", easing_hint(target, value, band)
    return "building", building_hint(target, band)


def eased_to_release(target: DiscomfortTarget, value: int) -> bool:
    """Whether an easing report of `value` ends the hold: down to the release level, for a
    technique that releases there (one that takes up the slack holds again instead)."""
    return value <= target.release_at and target.as_it_eases != "take_up_slack"


def building_hint(target: DiscomfortTarget, band: str) -> str:
    """What to do before the pressure has reached its target, as the technique does it."""
    if target.as_it_eases == "press_deeper":
        return (f"Build slowly to {band} out of 10; as it fades, press deeper to keep it there "
                f"until it is no longer tender (about {target.release_at}).")
    if target.as_it_eases == "take_up_slack":
        return (f"Sink in slowly to the first resistance, about {band} out of 10; hold until the "
                "tissue softens, then take up the slack and hold again.")
    return (f"Build slowly to {band} out of 10, then hold until it eases to about "
            f"{target.release_at}.")


def easing_hint(target: DiscomfortTarget, value: int, band: str) -> str:
    """What to do as the discomfort fades below its target: the techniques differ here, and
    the hint must say what the technique's own steps say."""
    eased = value <= target.release_at
    if target.as_it_eases == "press_deeper":
        if eased:
            return f"No longer tender at {value}: release slowly."
        return f"Fading: press a little deeper, back to {band}."
    if target.as_it_eases == "take_up_slack":
        if eased:
            return (f"Eased to {value}: take up the slack and hold again; after a few rounds, "
                    "release slowly.")
        return "Softening: take up the slack to the new barrier and hold again, no harder."
    if eased:
        return f"Eased to {value}: release slowly."
    return f"Easing: hold steady; release at about {target.release_at}."
