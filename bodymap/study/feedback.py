"""What the student is told once a question is answered: the verdict, the right answer in
words, and why a wrong pick was wrong (where the muscle clicked lies, which painted zones the
muscle chosen reaches and which it lacks), so a miss teaches something.
"""

from __future__ import annotations

from typing import cast

from bodymap.model import Catalog
from bodymap.model.prose import listed
from bodymap.model.schema import VIEW_NAMES
from bodymap.study.distractors import pattern_overlap
from bodymap.study.grading import ZONE_PASS_THRESHOLD, Grade, ZoneGrade
from bodymap.study.names import choice_label, muscle_name, trp_label, zone_name, zones_named
from bodymap.study.prompts import VIEW_HINTS
from bodymap.study.questions import (
    AnyQuestion,
    LocateQuestion,
    ReferralQuestion,
    is_fact,
    is_locate,
    is_referral,
    is_zones,
)

Response = str | tuple[str, ...] | None  # a choice's key, a muscle clicked, zones marked, none

SIDE_WORDS = {"L": "left", "R": "right"}
# Where a muscle lies, by its `layer` in the data, for feedback on a locate question.
LAYER_WORDS = {"superficial": "on the surface", "intermediate": "partly under other muscles",
               "deep": "deep, beneath other muscles"}


def answer_text(catalog: Catalog, question: AnyQuestion) -> str:
    """The right answer in words, as the feedback and the summary say it."""
    name = muscle_name(catalog, question.muscle_id)
    if is_referral(question):
        return f"{name} ({trp_label(catalog, question.muscle_id, question.trigger_point_id)})"
    if is_fact(question):
        return choice_label(question, question.answer)  # the muscle's name
    if is_locate(question) or not is_zones(question):
        return name
    both = question.bilateral
    text = f"Essential zones: {zones_named(catalog, question.essential, both)}"
    if question.spillover:
        text += f"; spillover: {zones_named(catalog, question.spillover, both)}"
    if question.provisional:  # shown on the muscle's page, so said here why it is not asked
        text += (f"; not asked, as the sources do not settle it: "
                 f"{zones_named(catalog, question.provisional, both)}")
    return text


def sources_text(catalog: Catalog, question: AnyQuestion) -> str:
    """'Source: …' or 'Sources: …; …', the sources behind the fact asked; "" for none."""
    sources = catalog.sources_of(dict.fromkeys(question.sources))
    if not sources:
        return ""
    return ("Source: " if len(sources) == 1 else "Sources: ") + "; ".join(
        s.short() for s in sources)


def judgement(catalog: Catalog, question: AnyQuestion, response: Response, grade: Grade, *,
              outlined_side: str = "L") -> tuple[str, str]:
    """(verdict, the right answer in words) for the feedback box. `outlined_side`: the side
    the body outlines a revealed muscle on ("L" or "R")."""
    answer = answer_text(catalog, question)
    if is_zones(question):
        grade = cast("ZoneGrade", grade)  # a zone question's grade always is
        percent = round(grade.score * 100)
        # Said as the other kinds say it ("Not quite"), never "Not yet": the question is
        # over, and Next is the only way on. A wrong answer points to the answer shown.
        overlap = (f"{percent}% overlap with the essential zones "
                   f"({round(ZONE_PASS_THRESHOLD * 100)}% passes).")
        if grade.correct:
            verdict, lines = f"Right: {overlap}", [answer]
        elif not response:
            verdict = "Not quite. No zones marked."
            lines = ["The answer is painted on the body:", answer]
        else:
            verdict = f"Not quite: {overlap}"
            lines = ["The answer is painted on the body, beside your marks:", answer]
        if grade.hits:
            lines.append(f"You found: {zones_named(catalog, grade.hits)}.")
        if grade.missed:
            lines.append(f"Missed: {zones_named(catalog, grade.missed)}.")
        if grade.wrong:
            lines.append(f"Not in this pattern: {zones_named(catalog, grade.wrong)}.")
        if grade.spillover:
            lines.append("Spillover you marked (not counted): "
                         f"{zones_named(catalog, grade.spillover)}.")
        if grade.provisional:
            lines.append(f"Provisional zones you marked (not counted, as the sources do not "
                         f"settle them): {zones_named(catalog, grade.provisional)}.")
        if grade.correct:
            lines.append("Your marks and the pattern are shown on the body.")
        return verdict, "\n".join(lines)
    if is_locate(question):
        return locate_judgement(catalog, question, response, grade, outlined_side=outlined_side)
    if grade.correct:
        return "Right.", f"{answer}."
    if response is None:
        chosen = "No answer given."
    else:
        chosen = f"You chose {choice_label(question, response)}."
    detail = f"The answer: {answer}."
    if is_referral(question) and isinstance(response, str):
        detail = "\n".join(filter(None, (detail, also_refers(catalog, question, response))))
    return f"Not quite. {chosen}", detail


def also_refers(catalog: Catalog, question: ReferralQuestion, chosen_id: str) -> str:
    """After a wrong pick on a referral card, where the chosen muscle's pain reaches among
    the painted zones and that none of the solid ones is its own: a bare "Not quite" would not
    say why the pick is wrong, nor that it was close. "" for a key that is no muscle.

    A wrong choice the generator offers reaches at most part of the pattern, and none of its
    solid zones as an essential zone (see `PatternOverlap.could_be_its_own`), so the words say
    "only part", never that it refers pain here too. Should a muscle the pattern could be read
    as come all the same (a card made by hand), they say the pick is defensible."""
    muscle = catalog.muscles.get(chosen_id)
    if muscle is None:
        return ""
    overlap = pattern_overlap(muscle, question.essential, question.spillover)
    made_from = f"the card was made from {answer_text(catalog, question)}."
    if overlap.fits:
        return (f"{muscle.name} also refers pain to every zone painted solid, so the "
                f"pattern fits it too; {made_from}")
    if overlap.solid_own:
        return (f"{muscle.name} also refers pain to "
                f"{zones_named(catalog, overlap.solid_own, said=True)}, painted solid here, "
                f"as an essential zone, so the pattern could be read as its own; {made_from}")
    if overlap.could_be_its_own:
        return (f"{muscle.name} reaches most of this pattern "
                f"({zones_named(catalog, overlap.shared, said=True)}), if only as spillover, "
                f"so the pattern could be read as its own; {made_from}")
    if not overlap.shared:
        return f"{muscle.name} refers pain to none of the painted zones."
    # Which way it reaches each painted zone it reaches: as spillover, or as an essential zone
    # where this pattern is only stippled.
    own_essential, _own_spillover = muscle.referral_zones()
    reaches = []
    if as_essential := [z for z in overlap.shared if z in own_essential]:
        reaches.append(f"as an essential zone, {zones_named(catalog, as_essential, said=True)}, "
                       "where this pattern is only stippled")
    if spillover_only := [z for z in overlap.shared if z not in own_essential]:
        reaches.append(f"as spillover, {zones_named(catalog, spillover_only, said=True)}")
    # An area whose parts are all missing alike is said whole ("Sacrum", not its two parts).
    spilled = set(spillover_only)
    lacking = ", ".join(f"{zone_name(catalog, z, None)} (only its spillover)"
                        if catalog.zone_parts(z)[0] in spilled else zone_name(catalog, z, None)
                        for z in catalog.grouped(overlap.missing, spilled))
    return (f"{muscle.name} reaches only part of this pattern: {'; '.join(reaches)}.\n"
            f"Painted solid but not among its essential zones: {lacking}.")


def locate_judgement(catalog: Catalog, question: LocateQuestion, response: Response,
                     grade: Grade, *, outlined_side: str = "L") -> tuple[str, str]:
    """Say what was clicked and what was asked, where the right muscle lies and that the
    body now shows it, so a wrong click teaches where to look next time."""
    answer = muscle_name(catalog, question.muscle_id)
    side = SIDE_WORDS[outlined_side]
    shown = (f"{answer} is outlined on the body ({side} side), with its trigger points "
             "marked ✕.")
    where = lies(question)
    if grade.correct:
        return f"Right: that is {answer}.", f"{shown}\n{where}"
    if response is None:
        return "Not quite. No answer given.", f"The answer: {shown}\n{where}"
    clicked_id = str(response)
    clicked = muscle_name(catalog, clicked_id)
    clicked_muscle = catalog.muscles.get(clicked_id)
    if clicked_muscle is None:
        other = f"You clicked {clicked}."
    else:
        layer = clicked_muscle.layer
        views = [VIEW_NAMES.get(v, v) for v in clicked_muscle.views]
        seen = f", in the {listed(views)} view{'s' if len(views) > 1 else ''}"
        other = (f"{clicked}, which you clicked, lies {LAYER_WORDS.get(layer, layer)}"
                 f"{seen if views else ''}.")
    return (f"Not quite: you clicked {clicked}, not {answer}.",
            f"{shown}\n{where}\n{other}")


def lies(question: LocateQuestion) -> str:
    """'It lies deep, beneath other muscles (deep layer, Alt+D).', with the view when it is
    not the back view."""
    drawn = "deep layer, Alt+D" if question.layer == "deep" else "superficial layer, Alt+S"
    where = f"It lies {LAYER_WORDS.get(question.layer, question.layer)} ({drawn})"
    if question.views and "posterior" not in question.views:
        where += f", in the {VIEW_HINTS.get(question.views[0], question.views[0])}"
    return where + "."


def revealed_prompt(catalog: Catalog, question: AnyQuestion, grade: Grade,
                    clicked_id: str | None = None) -> str:
    """The line on the body once the answer is shown there. `clicked_id`: the muscle of a
    wrong click on a locate question, which the body shows beside the answer."""
    name = muscle_name(catalog, question.muscle_id)
    if clicked_id is not None:
        prompt = f"You clicked {muscle_name(catalog, clicked_id)}; {name} is outlined."
    else:
        prompt = f"{'Right' if grade.correct else 'The answer'}: {name}."
    return f"{prompt} Press Enter for the next question."
