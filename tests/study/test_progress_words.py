"""Progress and a session's end in words, without Qt: what the student reads follows the
scheduler's own intervals and the counts kept from real answers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bodymap.model import Catalog
from bodymap.model.prose import BOTH, counted, listed, on_side
from bodymap.study import (
    LEARNED_BOX,
    Answer,
    Grade,
    ReferralQuestion,
    ZoneQuestion,
    all_card_ids,
    muscle_progress,
)
from bodymap.study.feedback import answer_text
from bodymap.study.mastery import total
from bodymap.study.progress_words import (
    learned_rule,
    nothing_due_text,
    overall_text,
    progress_tip,
    span,
    when,
)
from bodymap.study.scheduler import DEFAULT_INTERVALS, QueueCounts
from bodymap.study.summary import (
    Outcome,
    missed_text,
    notes_text,
    score_text,
    session_progress_text,
)
from tests.study.clock import T0

INTERVALS = DEFAULT_INTERVALS
RIGHT, WRONG = Grade(1.0, True), Grade(0.0, False)


@pytest.fixture(scope="module")
def progress(catalog: Catalog, questions: list) -> dict:
    """A student's progress after answering every other card of the deck, one in three wrong."""
    deck = all_card_ids(catalog)
    history = [Answer(card, T0 + n * timedelta(minutes=1), 1.0, n % 3 != 0)
               for n, card in enumerate(deck[::2])]
    return muscle_progress(deck, history)


@pytest.mark.parametrize(("wait", "said"), [
    (timedelta(seconds=20), "in a moment"), (timedelta(minutes=1), "in 1 minute"),
    (timedelta(minutes=10), "in 10 minutes"), (timedelta(hours=1), "in 1 hour"),
    (timedelta(hours=5), "in 5 hours")])
def test_a_due_card_soon_is_said_as_a_wait(wait: timedelta, said: str):
    assert when(T0 + wait, T0) == said


def test_a_due_card_days_away_is_said_as_a_local_date():
    due = T0 + timedelta(days=3)
    local = due.astimezone()
    assert when(due, T0) == f"on {local:%a} {local.day} {local:%b} at {local:%H:%M}"


def test_spans_and_counts_read_as_words():
    assert [span(gap) for gap in INTERVALS[:4]] == ["10 minutes", "a day", "3 days", "a week"]
    assert (counted(1, "card"), counted(0, "card"), counted(3, "card"),
            counted(2, "entry", "entries")) == ("1 card", "0 cards", "3 cards", "2 entries")


def test_the_learned_rule_says_each_review_from_the_schedule():
    rule = learned_rule(INTERVALS)
    assert f"{LEARNED_BOX} times in a row" in rule
    for gap in INTERVALS[1:LEARNED_BOX]:
        assert span(gap) in rule
    assert span(INTERVALS[LEARNED_BOX]) not in rule.split(":", 1)[1]


def test_a_muscles_tip_names_it_and_gives_every_count(catalog: Catalog, progress: dict):
    muscle_id, part = next((m, p) for m, p in progress.items() if p.to_go_over and p.learning)
    name = catalog.muscles[muscle_id].name
    tip = progress_tip(name, part, INTERVALS).splitlines()
    assert tip[0] == f"{name}: {counted(part.cards, 'card')}."
    for line, figure in zip(tip[1:5], (part.learned, part.learning, part.to_go_over, part.new),
                            strict=True):
        assert f": {figure}" in line
    assert span(INTERVALS[1]) in tip[2] and span(INTERVALS[0]) in tip[3]
    assert tip[-1] == learned_rule(INTERVALS)


def test_the_overall_line_adds_up_every_muscle(progress: dict):
    whole = total(progress.values())
    line = overall_text(progress, INTERVALS)
    assert line.startswith(f"Seen {whole.seen} of {whole.cards} cards: "
                           f"{whole.right_last_time} right last time, {whole.to_go_over} to go")
    unseen = {m: type(p)(cards=p.cards, new=p.cards) for m, p in progress.items()}
    assert overall_text(unseen, INTERVALS).startswith(f"{whole.cards} cards to learn.")


def test_nothing_due_says_when_the_next_card_is(progress: dict):
    counts = QueueCounts(due=0, new=3, new_allowed_today=0, next_due=T0 + timedelta(hours=2))
    assert f"The next card is due {when(counts.next_due, T0)}." in nothing_due_text(counts, T0)
    none_next = QueueCounts(due=0, new=0, new_allowed_today=0, next_due=None)
    assert "next card" not in nothing_due_text(none_next, T0)


def test_a_session_summary_counts_right_answers_and_unsaved_ones(questions: list):
    results = [Outcome(q, None, RIGHT if n % 2 else WRONG, saved=n != 1)
               for n, q in enumerate(questions[:5])]
    assert score_text(results) == "2 right of 5"
    assert notes_text(results, "Ended early.") == "Ended early. 1 answer could not be saved."
    assert notes_text([]) == "No questions were answered."
    assert notes_text(results[2:]) == ""


def test_a_missed_question_is_asked_again_with_its_answer(catalog: Catalog, questions: list):
    for question in questions:
        asked, answer = missed_text(catalog, question).split("\n→ ")
        assert answer == answer_text(catalog, question)
        if isinstance(question, ReferralQuestion):  # the painted pattern, said in words
            for zone in question.essential:
                side = BOTH if zone in question.bilateral else None
                # (by its label, or its area's where all the area's parts are painted)
                assert any(on_side(catalog.zones[z].label, side) in asked for z in catalog.zones
                           if zone in catalog.zone_parts(z)), (zone, asked)
        else:
            assert asked.startswith(question.prompt)
        if isinstance(question, ZoneQuestion) and question.where:
            assert asked.endswith(question.where)
        if hasattr(question, "choices"):  # asked among these, not "which muscle" of all
            assert asked.endswith(f" (of {listed([c.label for c in question.choices], 'or')})")
            assert all(choice.label in asked for choice in question.choices)


def test_what_a_session_did_follows_the_schedule(questions: list, progress: dict):
    whole = total(progress.values())
    both = [Outcome(questions[0], None, RIGHT, True), Outcome(questions[1], None, WRONG, True)]
    text = session_progress_text(both, INTERVALS, progress)
    assert f"right come back in {span(INTERVALS[1])} or more" in text
    assert f"missed come back in {span(INTERVALS[0])}" in text
    assert f"Across all {whole.cards} cards: {whole.right_last_time} right last time" in text
    assert "missed" not in session_progress_text(both[:1], INTERVALS, {})
    assert session_progress_text([], INTERVALS, progress) == ""


def test_zones_are_said_an_area_painted_whole_as_one(catalog: Catalog):
    # The recap said quadratus lumborum TrP4's lower buttock as its two halves, where the panel
    # and the pain finder say "Lower buttock".
    from bodymap.study.names import zones_named

    assert zones_named(catalog, ["si_joint", "lower_buttock_lateral",
                                 "lower_buttock_medial"]) == "Sacroiliac joint, Lower buttock"
    # Halves alike only: one on both sides, the other not, stay apart.
    assert zones_named(catalog, ["lower_buttock_medial", "lower_buttock_lateral"],
                       both_sides=["lower_buttock_medial"]) == (
        "Lower inner buttock (both sides), Lower outer buttock")
