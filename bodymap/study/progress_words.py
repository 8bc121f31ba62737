"""A student's progress in plain words: when the next card is due, when a card counts as
learned, a muscle's cards and all of them.

Said from the scheduler's own intervals and `LEARNED_BOX`, so the words follow the schedule if
it changes, and honest about spaced repetition: a card right once is not yet learned.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from bodymap.model.prose import counted, listed
from bodymap.study.mastery import LEARNED_BOX, Progress, total
from bodymap.study.scheduler import QueueCounts


def when(due: datetime, now: datetime) -> str:
    """'in 10 minutes', 'in 5 hours', 'on Tue 4 Mar at 09:10' (local time)."""
    wait = due - now
    if wait < timedelta(minutes=1):
        return "in a moment"
    if wait < timedelta(hours=1):
        minutes = round(wait.total_seconds() / 60)
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    if wait < timedelta(hours=20):
        hours = round(wait.total_seconds() / 3600)
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    local = due.astimezone()
    return f"on {local:%a} {local.day} {local:%b} at {local:%H:%M}"


def span(wait: timedelta) -> str:
    """'10 minutes', 'a day', '3 days', 'a week'."""
    days = wait / timedelta(days=1)
    if days < 1:
        minutes = round(wait.total_seconds() / 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    if days == 7:
        return "a week"
    return "a day" if days == 1 else f"{days:g} days"


def learned_rule(intervals: tuple[timedelta, ...]) -> str:
    """When a card counts as learned, in plain words (from the scheduler's intervals)."""
    times = ["the day you meet it"]
    times += [f"{span(gap)} {'later' if n == 1 else 'after that'}"
              for n, gap in enumerate(intervals[1:LEARNED_BOX], start=1)]
    said = listed(times)
    return f"A card is learned once you get it right {LEARNED_BOX} times in a row: {said}."


def progress_tip(name: str, progress: Progress, intervals: tuple[timedelta, ...]) -> str:
    """A muscle's progress in plain words, for the tooltip of its row."""
    return "\n".join([
        f"{name}: {counted(progress.cards, 'card')}.",
        f"Learned: {progress.learned}.",
        f"Right last time, to be checked again: {progress.learning} "
        f"(each comes back in {span(intervals[1])} or more).",
        f"Missed last time, to go over again: {progress.to_go_over} "
        f"(back in {span(intervals[0])}).",
        f"Not seen yet: {progress.new}.",
        learned_rule(intervals),
    ])


def overall_text(progress: Mapping[str, Progress], intervals: tuple[timedelta, ...]) -> str:
    """All cards in one line or two: what was seen, how it went, what is learned."""
    whole = total(progress.values())
    if not whole.seen:
        return (f"{counted(whole.cards, 'card')} to learn. The list counts, for each "
                "muscle, the cards you got right the last time you saw them.")
    return (f"Seen {whole.seen} of {counted(whole.cards, 'card')}: {whole.right_last_time} "
            f"right last time, {whole.to_go_over} to go over again. Learned so far: "
            f"{whole.learned}. {learned_rule(intervals)}")


def nothing_due_text(counts: QueueCounts, now: datetime) -> str:
    """Why no session can start now, and when one can."""
    due = counts.next_due
    next_card = f" The next card is due {when(due, now)}." if due else ""
    return (f"Nothing is due now, and today's new cards are used up.{next_card} "
            "You can study ahead of schedule.")
