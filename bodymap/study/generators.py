"""Questions generated from the catalog, deterministically for a given `random.Random`.

Muscles are taken in id order and sets are sorted before any random draw, so one seed gives the
same questions, choices and order on every run and platform. Randomness only picks distractors
and orders choices; which cards exist depends on the data alone.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Callable, Collection, Iterable, Sequence

from bodymap.model import Catalog
from bodymap.model.schema import VIEWS, Muscle, TriggerPoint, combined_zones
from bodymap.study.distractors import FactReader, fact_distractors, referral_distractors
from bodymap.study.questions import (
    FACT_TOPICS,
    KINDS,
    AnyQuestion,
    Choice,
    FactQuestion,
    LocateQuestion,
    ReferralQuestion,
    ZoneQuestion,
    card_id,
)


def _muscles(catalog: Catalog) -> list[Muscle]:
    return [catalog.muscles[i] for i in sorted(catalog.muscles)]


def _muscle_choices(rng: random.Random, catalog: Catalog, answer: str,
                    distractors: Sequence[str]) -> tuple[Choice, ...]:
    keys = [answer, *distractors]
    rng.shuffle(keys)
    return tuple(Choice(key=k, label=catalog.muscles[k].name) for k in keys)


def _text_id(text: str) -> str:
    """A short stable id for a fact given as text: edited text is a new card."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def referral_questions(catalog: Catalog, rng: random.Random,
                       muscle_ids: Collection[str] | None = None) -> list[ReferralQuestion]:
    """(a) One card per TrP with a pattern of its own; name the muscle from four.

    The pattern painted is the settled one: zones the sources do not settle are left out, and
    a TrP with no settled essential zone gets no card. No other choice is a muscle the painted
    pattern could be read as (one of its essential zones painted solid, or most of the pattern
    within its reach; see `referral_distractors`); a TrP with too few fair distractors gets no
    card.
    """
    everyone = _muscles(catalog)
    questions = []
    for muscle in everyone:
        if muscle_ids is not None and muscle.id not in muscle_ids:
            continue
        seen: set[tuple[frozenset[str], ...]] = set()
        for trp in muscle.trigger_points:
            settled = trp.referral.settled()
            pattern = (frozenset(settled.essential), frozenset(settled.spillover),
                       frozenset(settled.bilateral))
            if not settled.essential or pattern in seen:  # iliopsoas' TrPs share one pattern
                continue
            seen.add(pattern)
            painted = dataclasses.replace(trp, referral=settled)
            distractors = referral_distractors(rng, muscle, painted, everyone)
            if distractors is None:
                continue
            questions.append(ReferralQuestion(
                card_id=card_id("referral", muscle.id, trp.id),
                muscle_id=muscle.id,
                prompt="Which muscle refers pain in this pattern?",
                sources=trp.sources,
                choices=_muscle_choices(rng, catalog, muscle.id, distractors),
                answer=muscle.id,
                trigger_point_id=trp.id,
                essential=settled.essential,
                spillover=settled.spillover,
                bilateral=settled.bilateral,
            ))
    return questions


def locate_questions(catalog: Catalog,
                     muscle_ids: Collection[str] | None = None) -> list[LocateQuestion]:
    """(b) One card per muscle drawn on the body: click it there. A pack's muscle with no
    shape in the drawings gets none: no click could answer it, so it would be missed every
    day and never learned."""
    return [
        LocateQuestion(
            card_id=card_id("locate", m.id),
            muscle_id=m.id,
            prompt=f"Click {m.name} on the body.",
            sources=m.sources,
            views=m.views,
            layer=m.layer,
        )
        for m in _muscles(catalog)
        if (muscle_ids is None or m.id in muscle_ids) and m.id not in catalog.undrawn_muscles
    ]


def _where(trp: TriggerPoint) -> str:
    """The sentence "It lies ..." for a TrP: its location up to a semicolon (after one the data
    says how to reach it or how common it is), the first word in lower case if an ordinary one."""
    where = trp.location.split(";", 1)[0].strip().removesuffix(".")
    first = where.split(" ", 1)[0]
    if first.isalpha() and first[1:] == first[1:].lower():  # "In", "Just"; not "L4" or "ASIS"
        where = where[:1].lower() + where[1:]
    return f"It lies {where}" + (" (a provisional place)." if trp.location_provisional else ".")


def _in_order(zones: Collection[str], lists: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """The zones in the order the data lists them (`lists`, the trigger points' in turn): the
    muscle's page lists them so, and an answer should read as it does."""
    order = {zone: n for n, zone in enumerate(dict.fromkeys(z for its in lists for z in its))}
    return tuple(sorted(zones, key=lambda zone: (order.get(zone, len(order)), zone)))


def _drawn(catalog: Catalog,
           essential: Sequence[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(view, the essential zones it draws, in their order) for each view that draws any, by
    the zones' data."""
    drawn = []
    for view in VIEWS:
        zones = tuple(z for z in essential
                      if (zone := catalog.zones.get(z)) is not None and view in zone.views)
        if zones:
            drawn.append((view, zones))
    return tuple(drawn)


def zone_questions(catalog: Catalog,
                   muscle_ids: Collection[str] | None = None) -> list[ZoneQuestion]:
    """(c) Mark the essential zones: one card per muscle, plus one per TrP that differs.

    A TrP whose essential zones are the muscle's whole set (the only TrP, or TrPs that share a
    pattern) adds no card of its own. A TrP's card says where it lies, as its label alone
    ("TrP1 (superficial upper)") may not tell the student which one is meant. Only settled zones
    are asked; provisional ones are set aside if marked (`Referral.provisional`).
    """
    questions = []
    for muscle in _muscles(catalog):
        if muscle_ids is not None and muscle.id not in muscle_ids:
            continue
        referrals = [t.referral for t in muscle.trigger_points]
        settled = [r.settled() for r in referrals]
        essential, spillover = combined_zones(settled)
        if not essential:  # a pack's every zone unknown or provisional: nothing to mark
            continue
        shown = frozenset(z for r in referrals for z in r.named())
        asked = _in_order(essential, (r.essential for r in settled))
        questions.append(ZoneQuestion(
            card_id=card_id("zones", muscle.id),
            muscle_id=muscle.id,
            prompt=f"Mark the essential referral zones of {muscle.name} (all its trigger points).",
            sources=tuple(dict.fromkeys(s for t in muscle.trigger_points for s in t.sources)),
            trigger_point_id=None,
            where="",
            essential=asked,
            spillover=_in_order(spillover, (r.spillover for r in settled)),
            bilateral=_in_order(set().union(*combined_zones(r.other_side() for r in settled)),
                                (r.bilateral for r in settled)),
            provisional=_in_order(shown - essential - spillover,
                                  (r.named() for r in referrals)),
            drawn=_drawn(catalog, asked),
        ))
        seen = {essential}
        for trp, its in zip(muscle.trigger_points, settled, strict=True):
            own = frozenset(its.essential)
            if not own or own in seen:
                continue
            seen.add(own)
            questions.append(ZoneQuestion(
                card_id=card_id("zones", muscle.id, trp.id),
                muscle_id=muscle.id,
                prompt=f"Mark the essential referral zones of {muscle.name}, {trp.label}.",
                where=_where(trp),
                sources=trp.sources,
                trigger_point_id=trp.id,
                essential=its.essential,
                spillover=tuple(z for z in its.spillover if z not in own),
                bilateral=its.bilateral,
                provisional=trp.referral.provisional,
                drawn=_drawn(catalog, its.essential),
            ))
    return questions


def _which_muscle(rng: random.Random, catalog: Catalog, reader: FactReader,
                  everyone: Sequence[Muscle], muscle: Muscle, topic: str,
                  facts: Sequence[str], prompt: Callable[[str], str]) -> list[FactQuestion]:
    questions = []
    for fact in facts:
        distractors = fact_distractors(rng, reader, muscle, topic, fact, everyone)
        if distractors is None:
            continue
        questions.append(FactQuestion(
            card_id=card_id(topic, muscle.id, _text_id(fact)),
            muscle_id=muscle.id,
            prompt=prompt(fact),
            sources=muscle.sources,
            choices=_muscle_choices(rng, catalog, muscle.id, distractors),
            answer=muscle.id,
            topic=topic,
            fact=fact,
        ))
    return questions


def fact_questions(catalog: Catalog, rng: random.Random,
                   muscle_ids: Collection[str] | None = None) -> list[FactQuestion]:
    """(d) Which muscle is mistaken for this condition / typically causes this symptom.

    Only facts with one defensible answer are asked: no distractor's data may say the same
    thing (see `bodymap.study.distractors`).
    """
    everyone = _muscles(catalog)
    reader = FactReader(catalog.zones)
    questions: list[FactQuestion] = []
    for muscle in everyone:
        if muscle_ids is not None and muscle.id not in muscle_ids:
            continue
        questions += _which_muscle(
            rng, catalog, reader, everyone, muscle, "mimic", muscle.often_mistaken_for,
            lambda fact: f"Pain from which muscle's trigger points is often mistaken for “{fact}”?")
        questions += _which_muscle(
            rng, catalog, reader, everyone, muscle, "symptom", muscle.symptoms,
            lambda fact: f"Which muscle's trigger points typically cause “{fact}”?")
    return questions


def generate_questions(catalog: Catalog, rng: random.Random,
                       kinds: Collection[str] | None = None,
                       muscle_ids: Collection[str] | None = None) -> list[AnyQuestion]:
    """Every card of the chosen kinds (all of KINDS by default) about the chosen muscles.

    Cards come in a shuffled order, the same for the same seed. New cards are introduced in this
    order, but a muscle's zone cards only once the student has found the muscle
    (`prerequisites.find_before_marking`).
    """
    wanted = set(KINDS if kinds is None else kinds)
    if unknown := wanted - set(KINDS):
        raise ValueError(f"unknown question kinds: {', '.join(sorted(unknown))}")
    questions: list[AnyQuestion] = []
    if "referral" in wanted:
        questions += referral_questions(catalog, rng, muscle_ids)
    if "locate" in wanted:
        questions += locate_questions(catalog, muscle_ids)
    if "zones" in wanted:
        questions += zone_questions(catalog, muscle_ids)
    if wanted & set(FACT_TOPICS):
        questions += [q for q in fact_questions(catalog, rng, muscle_ids) if q.topic in wanted]
    rng.shuffle(questions)
    return questions
