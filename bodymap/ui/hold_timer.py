"""The hold timer behind the technique coach: start, pause, reset, and cues at the technique's
typical and maximum hold.

Time comes from an injected clock (seconds, monotonic), never from the QTimer itself: the QTimer
only decides when to look at the clock, so tests advance a fake clock and call `tick()` instead
of sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

Clock = Callable[[], float]

# Ten looks a second keep the display smooth without waking the CPU more than needed.
TICK_MS = 100


class HoldTimer(QObject):
    """Elapsed hold time with start/pause/reset; emits each cue once per hold."""

    changed = Signal(float)  # elapsed seconds, on every tick and state change
    runningChanged = Signal(bool)
    typicalReached = Signal()
    maxReached = Signal()

    def __init__(self, clock: Clock = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._banked = 0.0  # seconds held before the current run (pauses split a hold)
        self._started_at: float | None = None
        self.typical_seconds = 0.0
        self.max_seconds = 0.0
        self._typical_cued = False
        self._max_cued = False
        self._qtimer = QTimer(self)
        self._qtimer.setInterval(TICK_MS)
        self._qtimer.timeout.connect(self.tick)

    # -- state -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed(self) -> float:
        """Seconds held so far, pauses excluded."""
        if self._started_at is None:
            return self._banked
        return self._banked + max(0.0, self._clock() - self._started_at)

    def set_limits(self, typical: float, maximum: float) -> None:
        """The technique's typical and maximum hold; resets the timer."""
        self.typical_seconds = float(typical)
        self.max_seconds = float(maximum)
        self.reset()

    @property
    def ticking(self) -> bool:
        """Whether the QTimer is waking up to read the clock (only while running)."""
        return self._qtimer.isActive()

    @property
    def typical_cued(self) -> bool:
        return self._typical_cued

    @property
    def max_cued(self) -> bool:
        return self._max_cued

    # -- control ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        self._started_at = self._clock()
        self._qtimer.start()
        self.runningChanged.emit(True)
        self.tick()

    def pause(self) -> None:
        if not self.running:
            return
        self._banked = self.elapsed()
        self._started_at = None
        self._qtimer.stop()
        self.runningChanged.emit(False)
        self.changed.emit(self._banked)

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        was_running = self.running
        self._qtimer.stop()
        self._banked = 0.0
        self._started_at = None
        self._typical_cued = False
        self._max_cued = False
        if was_running:
            self.runningChanged.emit(False)
        self.changed.emit(0.0)

    def tick(self) -> None:
        """Read the clock, publish the elapsed time and fire any cue now due. The QTimer calls
        this; tests call it directly after moving their clock."""
        elapsed = self.elapsed()
        self.changed.emit(elapsed)
        if not self._typical_cued and 0 < self.typical_seconds <= elapsed:
            self._typical_cued = True
            self.typicalReached.emit()
        if not self._max_cued and 0 < self.max_seconds <= elapsed:
            self._max_cued = True
            self.maxReached.emit()
