"""A student's progress made beforehand, so a session asks the one card a test is about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bodymap.model import Catalog
from bodymap.study import Grade, ProgressStore
from bodymap.study.session import all_card_ids


def only_due(catalog: Catalog, progress_path: Path, card: str) -> None:
    """Ana knows every card but `card` (each right two days ago and again an hour ago, so none
    is due): a session asks that one."""
    with ProgressStore.open(progress_path) as store:
        ana = store.create_profile("Ana")
        now = datetime.now(UTC)
        for other in all_card_ids(catalog):
            if other != card:
                for ago in (timedelta(days=2), timedelta(hours=1)):
                    store.record_answer(ana, other, Grade(1.0, True), now - ago)
