"""What a question says while it waits for its answer: the hint under it, where on the body to
look, the one line on the body, the zones marked so far.

Apart from the question's own prompt, which the generators write: these words depend on where
the body is turned (the views chosen as the question is put) and on the student's marks.
"""

from __future__ import annotations

from collections.abc import Iterable

from bodymap.model import Catalog
from bodymap.model.prose import listed
from bodymap.model.schema import VIEW_NAMES
from bodymap.study.names import zone_name
from bodymap.study.questions import (
    AnyQuestion,
    LocateQuestion,
    is_choice,
    is_locate,
    is_referral,
    is_zones,
)

# The window's view shortcuts, repeated here only to tell the student where to look.
VIEW_HINTS = {"posterior": "back view (Ctrl+1)", "lateral": "side view (Ctrl+2)",
              "anterior": "front view (Ctrl+3)"}


def hint(question: AnyQuestion, views: tuple[str, ...]) -> str:
    """The line under the question: how to answer, and for a body question where to look.
    `views`: where a zone question's zones are drawn, main first."""
    if is_referral(question):
        return ("The pattern is painted on the body: solid red is the essential zone, "
                "stippled red the spillover. Press 1-4 or click a choice.")
    if is_choice(question):
        return "Press 1-4 or click a choice."
    if is_locate(question):
        return f"Click it on either side of the body. {where_drawn(question)}"
    # A TrP's card says where the TrP lies (the prompt names only its label).
    where = f"{question.where}\n" if is_zones(question) and question.where else ""
    return where + zones_drawn(views) + (
        "\nClick zones on the body to mark or unmark them (either side counts). "
        "Then press Check (Ctrl+Enter).")


def zones_drawn(views: tuple[str, ...]) -> str:
    """Which views draw the asked zones, each with its shortcut. Said for every zone
    question, so that it is no clue in itself; it tells no more than the view the body is
    turned to, and a zone out of that view's sight would otherwise never be looked for."""
    hints = [VIEW_HINTS.get(v, f"{v} view") for v in views]
    if not hints:
        return "No view draws these zones."
    if len(hints) == 1:
        return f"Its essential zones are drawn on the {hints[0]}."
    count = {2: "two", 3: "three"}.get(len(hints), str(len(hints)))
    return (f"Its essential zones are drawn on {count} views: "
            f"{listed(f'the {view}' for view in hints)}. "
            "Switch views to mark them all: your marks are kept.")


def where_drawn(question: LocateQuestion) -> str:
    """Where on the diagram the muscle is drawn, so the student knows what to switch to."""
    if question.layer == "deep":
        where = "It lies deep: switch to the deep layer (Alt+D)"
    else:
        where = "It shows on the superficial layer (Alt+S)"
    if question.views and "posterior" not in question.views:
        where += f", in the {VIEW_HINTS.get(question.views[0], question.views[0])}"
    return where + "."


def body_prompt(question: AnyQuestion | None, views: tuple[str, ...]) -> str:
    """The one line the window shows on or near the body while the question waits."""
    if is_referral(question):
        return "Which muscle refers pain in this pattern? Answer 1-4 in the study panel."
    if is_locate(question):
        return f"{question.prompt} {where_drawn(question)}"
    if is_zones(question):
        names = [VIEW_NAMES.get(v, v) for v in views]
        where = (f" They are on the {listed(names)} view{'s' if len(names) > 1 else ''}."
                 if names else "")
        return f"{question.prompt}{where} Then press Check."
    return "Answer in the study panel (1-4)."


def marks_text(catalog: Catalog, marked: Iterable[tuple[str, str | None]]) -> str:
    """The zones the student has marked, each with its side."""
    names = sorted(zone_name(catalog, zone, side) for zone, side in marked)
    return "Marked: " + ", ".join(names) if names else "Nothing marked yet."
