"""The technique coach's hold panel, the face of its `HoldTimer`: the seconds held in large
digits with the technique's typical and maximum hold, start/pause and reset, the hold bar, and a
cue line that, with the panel, takes the colours of the hold's state (idle, holding, paused,
typical or maximum hold reached, eased, eased only past the maximum). Widgets and how they look
only; when the state changes, the coach decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bodymap.ui.coach_gauges import ACCENT, ALARM, OVERHELD, OVERHELD_FILL, RELEASE, HoldBar
from bodymap.ui.coach_steps import coach_button
from bodymap.ui.rich_text import INK, MUTED, caption


class HoldPanel(QFrame):
    """`font`: the coach's, which the digits are drawn in, larger, and the rest scaled from."""

    def __init__(self, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holdPanel")
        base = font.pointSizeF()
        self.hold_time = QLabel()
        self.hold_time.setObjectName("holdTime")
        self.hold_time.setAccessibleName("Hold time")
        digits_font = QFont(font)
        digits_font.setPointSizeF(base * 3.0)
        digits_font.setBold(True)
        self.hold_time.setFont(digits_font)
        self.hold_time.setMinimumWidth(self.hold_time.fontMetrics().horizontalAdvance("000 s"))
        self.hold_limits = QLabel()
        self.hold_limits.setObjectName("holdLimits")
        self.hold_limits.setStyleSheet(f"color:{MUTED};")
        self.start_button = coach_button("▶  Start", "startButton",
                                         "Start or pause the hold (Space)")
        self.start_button.setMinimumWidth(self.start_button.fontMetrics().horizontalAdvance(
            "▶  Resume") + 36)
        self.reset_button = coach_button("↺  Reset", "resetButton", "Reset the hold timer (R)")
        self.hold_bar = HoldBar()
        self.hold_cue = QLabel()
        self.hold_cue.setObjectName("holdCue")
        self.hold_cue.setWordWrap(True)
        self.hold_cue.setTextFormat(Qt.TextFormat.PlainText)
        cue_font = self.hold_cue.font()
        cue_font.setBold(True)
        cue_font.setPointSizeF(base * 1.15)
        self.hold_cue.setFont(cue_font)
        self.sound = QCheckBox("Sound at maximum hold")
        self.sound.setObjectName("soundCheck")
        self.sound.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Compact, as it stays in view below the steps: the caption over the digits, the hold's
        # limits and the sound switch under the buttons.
        self.hold_caption = caption("Hold")
        digits = QVBoxLayout()
        digits.setSpacing(0)
        digits.addWidget(self.hold_caption)
        digits.addWidget(self.hold_time)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.reset_button)
        controls = QVBoxLayout()
        controls.setSpacing(2)
        controls.addLayout(buttons)
        controls.addWidget(self.hold_limits, 0, Qt.AlignmentFlag.AlignRight)
        controls.addWidget(self.sound, 0, Qt.AlignmentFlag.AlignRight)
        controls.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(digits, 1)
        row.addLayout(controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.hold_bar)
        layout.addWidget(self.hold_cue)

    def show_limits(self, typical: float, maximum: float) -> None:
        self.hold_limits.setText(f"typical {typical:g} s · maximum {maximum:g} s")

    def show_time(self, elapsed: float, typical: float, maximum: float) -> None:
        self.hold_time.setText(f"{int(elapsed)} s")
        self.hold_bar.set_values(elapsed, typical, maximum)

    def show_state(self, state: str, typical: float, maximum: float, elapsed: float,
                   last_over: float = 0.0) -> None:
        """'idle', 'holding', 'paused', 'typical', 'max', 'released' (after `elapsed`
        seconds, eased) or 'overheld' (eased, but only after running past the maximum), in words
        and colours, for a technique whose typical and maximum hold are `typical` and `maximum`
        seconds. `last_over`: how long the hold before this one ran when it went past the
        maximum (0 when it did not); the idle panel says so until the next hold starts."""
        idle = "Press Space to start the hold when the pressure is on the point."
        if last_over:
            idle = (f"The last hold ran {int(last_over)} s, past the {maximum:g} s maximum: "
                    f"release by {maximum:g} s this time. Space starts the hold.")
        text, fg, bg, border = {
            "idle": (idle, OVERHELD if last_over else MUTED, "#f6f8fa",
                     OVERHELD if last_over else "#d5dbe1"),
            "holding": ("Holding…", ACCENT, "#f6f8fa", "#d5dbe1"),
            "paused": ("Paused: Space resumes, R resets.", MUTED, "#f6f8fa", "#d5dbe1"),
            "typical": (f"Typical hold ({typical:g} s) reached: release when it has eased.",
                        RELEASE, "#eef7ee", RELEASE),
            "max": (f"Maximum hold ({maximum:g} s) reached: release slowly now.",
                    "#ffffff", ALARM, ALARM),
            "released": (f"Eased after {int(elapsed)} s: hold ended. Release "
                         "slowly; Space starts the next hold.", RELEASE, "#eef7ee", RELEASE),
            "overheld": (f"Eased after {int(elapsed)} s, past the {maximum:g} s maximum: "
                         f"release slowly now, and by {maximum:g} s next time.",
                         OVERHELD, OVERHELD_FILL, OVERHELD),
        }[state]
        self.hold_cue.setText(text)
        weight = "normal" if state == "paused" or (state == "idle" and not last_over) else "bold"
        self.hold_cue.setStyleSheet(f"color:{fg}; background:transparent; font-weight:{weight};")
        self.setStyleSheet(
            f"QFrame#holdPanel {{ background:{bg}; border:2px solid {border}; "
            "border-radius:8px; }")
        digits = "#ffffff" if state == "max" else INK
        self.hold_time.setStyleSheet(f"color:{digits}; background:transparent;")
        limits = "#ffe0e0" if state == "max" else MUTED
        self.hold_caption.setStyleSheet(f"color:{limits}; background:transparent;")
        self.hold_limits.setStyleSheet(f"color:{limits}; background:transparent;")
        self.sound.setStyleSheet(f"color:{limits}; background:transparent;")
