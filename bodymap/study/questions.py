"""Study questions: frozen, self-grading, each one card with a stable `card_id`.

A card id is `<kind>:<muscle_id>` or `<kind>:<muscle_id>:<detail>`, for example
`referral:gluteus_medius:trp1` or `zones:piriformis`. It stays the same from one session to the
next (choices may be shuffled differently), so progress is kept per card.

Zone ids carry no side: a referral is on the same side as the muscle, so a click on either side's
zone counts, and midline zones count for both. A pattern's `bilateral` zones are felt on both sides
of the body; they are graded the same way (either side, or both, counts) and painted on both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeGuard

from bodymap.study.grading import Grade, ZoneGrade, grade_choice, grade_zones

# No card asks a technique figure (hold seconds, discomfort levels): those are bodymap's editorial
# teaching values and published protocols differ (about 5 s, 30 s to 1 min, 6-7 or 7-8 of 10), so
# marking one figure right and another wrong would teach a false precision. The muscle's page
# and the technique coach show them as this app's protocol instead.
KINDS = ("referral", "locate", "zones", "mimic", "symptom")
FACT_TOPICS = ("mimic", "symptom")


def card_id(kind: str, muscle_id: str, detail: str | None = None) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown question kind {kind!r}")
    return f"{kind}:{muscle_id}" if detail is None else f"{kind}:{muscle_id}:{detail}"


def kind_of(card: str) -> str:
    return card.split(":", 1)[0]


def muscle_of(card: str) -> str:
    """The muscle a card is about, for mastery per muscle."""
    parts = card.split(":")
    if len(parts) < 2 or not parts[1]:
        raise ValueError(f"not a card id: {card!r}")
    return parts[1]


@dataclass(frozen=True, kw_only=True)
class Choice:
    key: str  # what is graded: a muscle id
    label: str  # what the student reads


@dataclass(frozen=True, kw_only=True)
class Question:
    card_id: str
    muscle_id: str  # the muscle the card is about (the right answer, for muscle questions)
    prompt: str
    sources: tuple[str, ...]  # source ids behind the fact asked, to show with the answer

    @property
    def kind(self) -> str:
        return kind_of(self.card_id)


@dataclass(frozen=True, kw_only=True)
class MultipleChoiceQuestion(Question):
    choices: tuple[Choice, ...]
    answer: str  # the key of the right choice

    def grade(self, chosen: str | None) -> Grade:
        """Grade the key of the picked choice (None: skipped or timed out)."""
        return grade_choice(chosen, self.answer)


@dataclass(frozen=True, kw_only=True)
class ReferralQuestion(MultipleChoiceQuestion):
    """A referral pattern is painted; name the muscle. `answer` is the muscle id."""

    trigger_point_id: str
    essential: tuple[str, ...]  # zones to paint solid
    spillover: tuple[str, ...]  # zones to paint stippled
    bilateral: tuple[str, ...] = ()  # of those, the zones to paint on both sides


@dataclass(frozen=True, kw_only=True)
class FactQuestion(MultipleChoiceQuestion):
    """A fact from the muscle's page (what it is mistaken for, a symptom): which muscle?"""

    topic: str  # one of FACT_TOPICS
    fact: str  # the text asked about


@dataclass(frozen=True, kw_only=True)
class LocateQuestion(Question):
    """A muscle is named; the student clicks it on the body (either side)."""

    views: tuple[str, ...]  # diagrams that draw the muscle
    layer: str  # superficial | intermediate | deep, so the UI can offer the layer switch

    @property
    def answer(self) -> str:
        return self.muscle_id

    def grade(self, clicked_muscle_id: str | None) -> Grade:
        """Grade the muscle under the click (None: the click hit no muscle)."""
        return grade_choice(clicked_muscle_id, self.muscle_id)


@dataclass(frozen=True, kw_only=True)
class ZoneQuestion(Question):
    """A muscle or one TrP is named; the student marks its essential referral zones."""

    trigger_point_id: str | None  # None: the whole muscle (all its TrPs)
    # Where that TrP lies, a sentence to show with the prompt ("It lies just below the 12th
    # rib, ..."): a label such as "TrP1 (superficial upper)" alone may not tell which TrP is
    # meant. "" for the whole muscle.
    where: str
    essential: tuple[str, ...]
    spillover: tuple[str, ...]
    bilateral: tuple[str, ...] = ()  # of those, the zones felt on both sides of the body
    # Zones the pattern shows but the sources do not settle (`Referral.provisional`): not asked,
    # and set aside when marked, as spillover is.
    provisional: tuple[str, ...] = ()
    # The views that draw the essential zones: (view, the essential zones it draws) for each
    # view that draws any, in the diagram's order. No one view draws every zone: rectus
    # abdominis refers to the low back, drawn only from behind, and iliopsoas to the low back
    # and the groin, drawn only from the front. See `answer_views`.
    drawn: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def grade(self, marked: Iterable[str]) -> ZoneGrade:
        """Partial credit by overlap with the essential zones; see `grade_zones`."""
        return grade_zones(marked, self.essential, self.spillover,
                           provisional=self.provisional)

    def answer_views(self, current: str | None = None) -> tuple[str, ...]:
        """The views to mark every essential zone on: first the view drawing most of them
        (`current` if it draws as many: no needless switch), then, while some zones are still
        out of sight, the view drawing most of those. () if no view draws any.

        Only the essential zones decide, as only they are asked for: letting the spillover
        steer the view would point at it.
        """
        by_view = {view: frozenset(zones) for view, zones in self.drawn}
        candidates = sorted(by_view, key=lambda view: view != current)  # stable: current first
        left = frozenset(self.essential)
        views: list[str] = []
        while left and candidates:
            best = max(candidates, key=lambda view: len(by_view[view] & left))  # first of equals
            if not by_view[best] & left:
                break  # the rest is drawn nowhere (a pack's zone without a shape)
            views.append(best)
            candidates.remove(best)
            left -= by_view[best]
        return tuple(views)


AnyQuestion = ReferralQuestion | FactQuestion | LocateQuestion | ZoneQuestion


# What a question asks for, by its card kind (see KINDS): the study panel and its wording tell
# questions apart by what they ask, whichever class carries the card.
def is_referral(question: AnyQuestion | None) -> TypeGuard[ReferralQuestion]:
    return question is not None and question.kind == "referral"


def is_locate(question: AnyQuestion | None) -> TypeGuard[LocateQuestion]:
    return question is not None and question.kind == "locate"


def is_zones(question: AnyQuestion | None) -> TypeGuard[ZoneQuestion]:
    return question is not None and question.kind == "zones"


def is_choice(question: AnyQuestion | None) -> TypeGuard[MultipleChoiceQuestion]:
    return question is not None and hasattr(question, "choices")


def is_fact(question: AnyQuestion | None) -> TypeGuard[FactQuestion]:
    return is_choice(question) and not is_referral(question)
