"""Study: quiz questions from the catalog, spaced repetition, and a progress store (sqlite3).

Pure Python: never imports Qt (an import-linter contract enforces it).

    from bodymap.study import ProgressStore, StudySession
    store = ProgressStore.open(data_dir / "progress.sqlite3")
    if store.recovery_message: ...            # a damaged file was moved aside: tell the student
    session = StudySession(catalog, store, store.create_profile("Ana"), random.Random(seed))
    question = session.next_question(now)     # None: nothing due, no new card allowed
    grade = session.answer(question, response, now)
"""

from bodymap.study.generators import generate_questions
from bodymap.study.grading import ZONE_PASS_THRESHOLD, Grade, ZoneGrade, grade_zones
from bodymap.study.mastery import LEARNED_BOX, Progress, muscle_mastery, muscle_progress
from bodymap.study.questions import (
    AnyQuestion,
    Choice,
    FactQuestion,
    LocateQuestion,
    MultipleChoiceQuestion,
    Question,
    ReferralQuestion,
    ZoneQuestion,
    muscle_of,
)
from bodymap.study.scheduler import Answer, CardState, LeitnerScheduler, QueueCounts
from bodymap.study.session import StudySession, all_card_ids
from bodymap.study.store import Profile, ProfileError, ProgressStore, StoreError

__all__ = [
    "LEARNED_BOX",
    "ZONE_PASS_THRESHOLD",
    "Answer",
    "AnyQuestion",
    "CardState",
    "Choice",
    "FactQuestion",
    "Grade",
    "LeitnerScheduler",
    "LocateQuestion",
    "MultipleChoiceQuestion",
    "Profile",
    "ProfileError",
    "Progress",
    "ProgressStore",
    "Question",
    "QueueCounts",
    "ReferralQuestion",
    "StoreError",
    "StudySession",
    "ZoneGrade",
    "ZoneQuestion",
    "all_card_ids",
    "generate_questions",
    "grade_zones",
    "muscle_mastery",
    "muscle_of",
    "muscle_progress",
]
