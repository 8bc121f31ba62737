"""Where the technique coach is in a technique: the step card (the step at hand, its number, and
previous and next) and the trigger-point strip (the point being worked, where it lies, and
previous and next). Widgets and how they look only; what a button does, the coach decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from bodymap.model.schema import TriggerPoint
from bodymap.ui.rich_text import INK, MUTED, caption, text_label


def coach_button(text: str, name: str, tip: str) -> QPushButton:
    """A button of the coach's, the tooltip saying what it does and its key."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleDescription(tip)
    # Buttons never take focus: Space must stay "start/pause", not "press this button".
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class StepCard(QFrame):
    """The step at hand in large type, "STEP n OF m" over it with previous and next beside it,
    and over those, at a trigger point after the first, a muted line on how the client was
    positioned there (not a step). `base`: the coach's point size, which the step's type is
    scaled from."""

    def __init__(self, base: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepCard")
        self.setStyleSheet(
            "QFrame#stepCard { background:#ffffff; border:1px solid #d5dbe1; border-radius:8px; }")
        self.carry_over = text_label("stepCarryOver")
        self.carry_over.setStyleSheet(f"color:{MUTED};")
        small = self.carry_over.font()
        small.setPointSizeF(base * 0.9)
        self.carry_over.setFont(small)
        self.carry_over.hide()
        self.step_counter = caption("Step")
        self.step_counter.setObjectName("stepCounter")
        self.step_text = text_label("stepText")
        font = self.step_text.font()
        font.setPointSizeF(base * 1.3)
        self.step_text.setFont(font)
        self.step_text.setStyleSheet(f"color:{INK};")
        self.step_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.step_text.setMinimumHeight(self.step_text.fontMetrics().lineSpacing() * 4)
        self.prev_button = coach_button("◀  Previous", "previousStep",
                                        "Previous step (P or Page Up)")
        self.next_button = coach_button("Next  ▶", "nextStep", "Next step (N or Page Down)")
        # Previous and next beside the step's number, as the trigger point's are beside its
        # count: a row under the step would cost the coach's page a line it needs for the step.
        head = QHBoxLayout()
        head.addWidget(self.step_counter, 1)
        head.addWidget(self.prev_button)
        head.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.carry_over)
        layout.addLayout(head)
        layout.addWidget(self.step_text, 1)

    def show_step(self, steps: Sequence[str], index: int, more_points: bool,
                  carry_over: str = "") -> None:
        """Step `index` of `steps`, those at the current trigger point; past the last one, Next
        leads to the next point while `more_points`. `carry_over`: the line on the client's
        position from an earlier point ("" for none)."""
        self.carry_over.setText(carry_over)
        self.carry_over.setVisible(bool(carry_over))
        self.step_text.setText(steps[index])
        self.step_counter.setText(f"STEP {index + 1} OF {len(steps)}")
        at_end = index + 1 >= len(steps)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(not at_end or more_points)
        self.next_button.setText("Next trigger point  ▶" if at_end and more_points
                                 else "Next  ▶")

    def clear(self) -> None:
        self.carry_over.clear()
        self.carry_over.hide()
        self.step_text.clear()
        self.step_counter.clear()


class TriggerPointStrip(QWidget):
    """"TRIGGER POINT n OF m · how it is palpated", the point's label and where it lies, with
    previous and next beside the count. `base`: the coach's point size."""

    def __init__(self, base: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triggerPointBox")
        self.trp_counter = caption("Trigger point")
        self.trp_counter.setObjectName("trpCounter")
        self.trp_label = text_label("trpLabel")
        font = self.trp_label.font()
        font.setBold(True)
        font.setPointSizeF(base * 1.1)
        self.trp_label.setFont(font)
        self.trp_location = text_label("trpLocation")
        self.trp_location.setStyleSheet(f"color:{MUTED};")
        self.prev_trp = coach_button("◀", "previousTrp", "Previous trigger point (Shift+T)")
        self.next_trp = coach_button("▶", "nextTrp", "Next trigger point (T)")
        for button in (self.prev_trp, self.next_trp):
            button.setFixedWidth(button.sizeHint().height() + 10)
        head = QHBoxLayout()
        head.addWidget(self.trp_counter, 1)
        head.addWidget(self.prev_trp)
        head.addWidget(self.next_trp)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.trp_label)
        layout.addWidget(self.trp_location)

    def show_point(self, points: Sequence[TriggerPoint], index: int, method: str) -> None:
        """Point `index` of a muscle's `points`, palpated by `method` ("flat", "pincer")."""
        trp = points[index]
        self.trp_counter.setText(
            f"TRIGGER POINT {index + 1} OF {len(points)} · {method} palpation".upper())
        self.trp_label.setText(trp.label)
        self.trp_location.setText(trp.location)
        self.prev_trp.setEnabled(index > 0)
        self.next_trp.setEnabled(index + 1 < len(points))
