"""What a pain finder row says, for its delegate to draw (`candidate_delegate`): kept apart from
the delegate, whose QStyle types take ~10 ms to make, so the list can be filled without it until
the first rows are shown."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # a CandidateRow


@dataclass(frozen=True)
class CandidateRow:
    """What a row draws."""

    name: str  # "Gluteus medius (left)"
    note: str  # why a refinement chip moved it up ("worse sitting"), or ""
    level: int  # 1..3: weak (or provisional), partial, strong
    word: str  # "strong fit", "provisional fit"
    reason: str  # its trigger points and the marked zones they refer to
