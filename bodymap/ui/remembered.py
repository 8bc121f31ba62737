"""What the window keeps for its next start (view, layer, the muscle shown), written to the
settings file once choices pause rather than at every one."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QTimer

# A student stepping through muscles with the arrow keys chooses several a second; each write of
# the settings file (a lock, a whole new file and a rename) is a millisecond or two that the
# window's next turn of events would spend after every click.
WRITE_DELAY_MS = 1000


class Remembered(QObject):
    """Values for `settings`, kept here and written together once `WRITE_DELAY_MS` pass
    without a new one, or at `write_now` (the window calls it as it closes)."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._waiting: dict[str, object] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WRITE_DELAY_MS)
        self._timer.timeout.connect(self.write_now)

    def keep(self, **values: object) -> None:
        self._waiting.update(values)
        self._timer.start()

    def write_now(self) -> None:
        self._timer.stop()
        for key, value in self._waiting.items():
            if self.settings.value(key) != value:  # the start restoring them writes nothing
                self.settings.setValue(key, value)
        self._waiting.clear()
