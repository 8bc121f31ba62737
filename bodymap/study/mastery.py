"""Mastery per muscle, 0..1, for colouring the body by how well a student knows each muscle."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from bodymap.study.questions import muscle_of
from bodymap.study.scheduler import Answer, LeitnerScheduler


def muscle_mastery(card_ids: Iterable[str], history: Iterable[Answer],
                   scheduler: LeitnerScheduler | None = None) -> dict[str, float]:
    """The mean over each muscle's cards of box / top box; a card never answered counts 0.

    So a muscle is at 1.0 only when every card about it has climbed to the top box, and one lucky
    answer moves it only a little. `card_ids` is the whole deck (every card that could be asked),
    since unanswered cards must pull the mean down.
    """
    scheduler = scheduler or LeitnerScheduler()
    states = scheduler.card_states(history)
    boxes: defaultdict[str, list[float]] = defaultdict(list)
    for card in dict.fromkeys(card_ids):
        state = states.get(card)
        boxes[muscle_of(card)].append(state.box / scheduler.top_box if state else 0.0)
    return {muscle: sum(values) / len(values) for muscle, values in sorted(boxes.items())}
