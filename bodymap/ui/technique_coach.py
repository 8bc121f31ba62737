"""The technique coach: a muscle's pressure technique one step at a time, its trigger points in
turn, the 0-10 discomfort scale with the technique's target, and a hold timer with a cue at the
technique's maximum hold.

Keyboard (whichever part of the coach has focus): Space start/pause, R reset, arrows or 0-9 the
discomfort scale, N/P or PageDown/PageUp next/previous step, T/Shift+T next/previous trigger point.
Each trigger point is walked through the steps that apply to it (`steps_by_point`, docs/coach.md).

This module assembles the coach and keeps its state; its parts are `coach_steps` (the step card
and the trigger-point strip), `coach_gauges` (the discomfort scale and the hold bar),
`hold_panel` (the face of the `hold_timer`) and `coach_notes` (sources, cautions, "About this
technique", the session plan); what a report on the scale means is `model.coaching`'s.

Text from data is always shown as text (escaped); links open only for http/https.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Catalog
from bodymap.model.coaching import (
    carried_over_position,
    cautions_at_point,
    discomfort_advice,
    eased_to_release,
    steps_by_point,
)
from bodymap.model.prose import on_side
from bodymap.model.schema import Muscle, Technique
from bodymap.ui.coach_gauges import (
    ALARM,
    OVERHELD,
    RELEASE,
    SCALE_KEYS,
    TARGET,
    DiscomfortScale,
)
from bodymap.ui.coach_notes import (
    CautionsBox,
    Collapsible,
    Folds,
    about_html,
    session_plan_html,
    sources_line,
)
from bodymap.ui.coach_steps import StepCard, TriggerPointStrip
from bodymap.ui.hold_panel import HoldPanel
from bodymap.ui.hold_timer import Clock, HoldTimer
from bodymap.ui.rich_text import INK, MUTED, caption, text_label
from bodymap.ui.sizing import settle_layouts

SOUND_KEY = "coach/soundAtMax"
STEP_MARGIN = 10  # px kept in view above and below the step card
# The colour of the line under the discomfort scale, by what the client's report means.
ADVICE_COLOURS = {"above": ALARM, "on_target": TARGET, "easing": RELEASE, "building": INK}


@dataclass(frozen=True)
class Variant:
    """One technique on offer: the muscle's own or a general one from guidance.yaml."""

    key: str  # "muscle" or the general technique's id
    technique: Technique
    label: str


T = TypeVar("T")


# -- the coach ------------------------------------------------------------------------------------
def _with_widgets(method: Callable[..., T]) -> Callable[..., T]:
    """Build the coach's widgets, if not yet built, before running the method."""
    @functools.wraps(method)
    def wrapper(self: TechniqueCoach, *args: object, **kwargs: object) -> T:
        self.ensure_built()
        return method(self, *args, **kwargs)
    return wrapper


class TechniqueCoach(QWidget):
    """Guides one pressure technique for the selected muscle (or a general one when no muscle is
    selected). The window sets `before_first_start` to show the red flags; it is called before
    the first start only, and a False answer cancels that start."""

    maxHoldReached = Signal()
    holdStarted = Signal()
    # The trigger point being worked (its id; "" when none), so the body can show which X it is.
    triggerPointChanged = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        clock: Clock = time.monotonic,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("techniqueCoach")
        self.setAccessibleName("Technique coach")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.catalog = catalog
        self.settings = settings
        self.before_first_start: Callable[[], bool] | None = None
        # The sound at maximum hold; replaceable (tests count calls, a window may play a file).
        self.beep: Callable[[], None] = QApplication.beep
        self.muscle: Muscle | None = None
        self.side = "L"
        self.variants: list[Variant] = []
        self.step_index = 0
        self.trp_index = 0
        self._started_once = False
        self._asking = False
        self._reached_target = False
        # The discomfort eased to the release level: this hold is over, and Space starts the next.
        self._released = False
        # How long the last hold ran, when it went past the maximum (0 when it did not): reset
        # or a new point ends such a hold, and the idle panel still says so (`_end_of_hold`).
        self._last_over = 0.0
        self._cue = "idle"
        self.timer = HoldTimer(clock, self)
        self.timer.changed.connect(self._show_elapsed)
        self.timer.runningChanged.connect(self._show_running)
        self.timer.typicalReached.connect(self._show_cue)
        self.timer.maxReached.connect(self._on_max)
        # The widgets are built on first show: a window that never opens this tab never pays
        # for them (start-up time and memory, see `make bench`).
        self._built = False
        self._pending: tuple[str | None, str] = (None, "L")

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self._build()
            self.set_muscle(*self._pending)

    # On a short screen (a projector's 720 lines, presenter mode's large text) the step would
    # fall below the scroll area's fold, under the cautions, where the class cannot read it: each
    # new size or text size brings it back in sight, once the layout has settled.
    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)
        QTimer.singleShot(0, self._keep_step_in_view)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._built:
            QTimer.singleShot(0, self._keep_step_in_view)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._built:
            QTimer.singleShot(0, self._keep_step_in_view)

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        base = self.font().pointSizeF()

        self.title = QLabel()
        self.title.setObjectName("coachTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(base * 1.45)
        font.setBold(True)
        self.title.setFont(font)

        self.combo = QComboBox()
        self.combo.setObjectName("techniqueCombo")
        self.combo.setAccessibleName("Technique")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(20)
        self.combo.activated.connect(self._on_variant_chosen)
        self.sources_label = text_label("techniqueSources", rich=True)
        self.sources_label.setStyleSheet(f"color:{MUTED};")
        small = self.sources_label.font()
        small.setPointSizeF(base * 0.9)
        self.sources_label.setFont(small)

        # The parts' widgets are the coach's too, by the names they had when it built them.
        self.cautions = cautions = CautionsBox()
        self.cautions_text, self.cautions_more = cautions.cautions_text, cautions.cautions_more

        self.step_card = step_card = StepCard(base)
        self.step_counter, self.step_text = step_card.step_counter, step_card.step_text
        self.step_carry_over = step_card.carry_over
        self.prev_button, self.next_button = step_card.prev_button, step_card.next_button
        self.prev_button.clicked.connect(lambda: self.previous_step())
        self.next_button.clicked.connect(lambda: self.next_step())

        self.trp_box = trp_box = TriggerPointStrip(base)
        self.trp_counter, self.trp_label = trp_box.trp_counter, trp_box.trp_label
        self.trp_location = trp_box.trp_location
        self.prev_trp, self.next_trp = trp_box.prev_trp, trp_box.next_trp
        self.prev_trp.clicked.connect(lambda: self.previous_trigger_point())
        self.next_trp.clicked.connect(lambda: self.next_trigger_point())

        # Discomfort scale.
        self.scale = DiscomfortScale()
        self.scale.valueChanged.connect(self._on_discomfort)
        self.discomfort_value = QLabel()
        self.discomfort_value.setObjectName("discomfortValue")
        font = self.discomfort_value.font()
        font.setBold(True)
        font.setPointSizeF(base * 1.1)
        self.discomfort_value.setFont(font)
        self.discomfort_hint = text_label("discomfortHint")
        font = self.discomfort_hint.font()
        font.setPointSizeF(base * 1.1)
        self.discomfort_hint.setFont(font)
        head = QHBoxLayout()
        head.addWidget(caption("Discomfort (client's report)"), 1)
        head.addWidget(self.discomfort_value)
        scale_box = QVBoxLayout()
        scale_box.setSpacing(4)
        scale_box.addLayout(head)
        scale_box.addWidget(self.scale)
        scale_box.addWidget(self.discomfort_hint)

        self.hold_panel = hold = HoldPanel(self.font())
        self.hold_time, self.hold_limits = hold.hold_time, hold.hold_limits
        self.start_button, self.reset_button = hold.start_button, hold.reset_button
        self.hold_bar, self.hold_cue = hold.hold_bar, hold.hold_cue
        self.hold_caption, self.sound = hold.hold_caption, hold.sound
        self.start_button.clicked.connect(lambda: self.toggle())
        self.reset_button.clicked.connect(lambda: self.reset())
        self.sound.setChecked(self._setting_bool(SOUND_KEY, True))
        self.sound.toggled.connect(self._remember_sound)

        self.about = Collapsible("About this technique", "techniqueAbout")
        self.session_plan = Collapsible("Session plan", "sessionPlan")
        self.session_plan.body.setText(session_plan_html(self.catalog))

        self.placeholder = text_label("coachPlaceholder")
        self.placeholder.setStyleSheet(f"color:{MUTED};")

        content = QWidget()
        content.setObjectName("coachContent")
        layout = QVBoxLayout(content)
        # Compact, so that at the window's first size (1320x860) the whole page reads without
        # scrolling for every muscle: the technique's name beside its caption, the two notes'
        # headings on one line, the step's buttons beside its number (`StepCard`).
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.placeholder)
        chosen = QHBoxLayout()
        chosen.addWidget(caption("Technique"))
        chosen.addWidget(self.combo, 1)
        technique_row = QVBoxLayout()
        technique_row.setSpacing(3)
        technique_row.addLayout(chosen)
        technique_row.addWidget(self.sources_label)
        layout.addLayout(technique_row)
        layout.addWidget(self.cautions)
        layout.addWidget(step_card)
        layout.addWidget(self.trp_box)
        layout.addWidget(Folds([self.about, self.session_plan]))
        layout.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("coachScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        # The discomfort scale and the hold timer are what a therapist watches during a hold:
        # they stay in view below the scrolling steps, on a laptop screen too.
        footer = QFrame()
        footer.setObjectName("coachFooter")
        footer.setStyleSheet("QFrame#coachFooter { border-top: 1px solid palette(mid); }")
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(10, 6, 10, 8)
        footer_layout.setSpacing(6)
        footer_layout.addLayout(scale_box)
        footer_layout.addWidget(self.hold_panel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(footer)
        self.setFocusProxy(self.scale)
        # Children that would swallow the coach's keys (the scroll area scrolls on Page Up and
        # Down, the combo box searches on letters) hand them over instead.
        for widget in (self.scroll, self.combo):
            widget.installEventFilter(self)
        self._set_cue_state("idle")

    # -- settings ------------------------------------------------------------------------------
    def _setting_bool(self, key: str, default: bool) -> bool:
        if self.settings is None:
            return default
        return str(self.settings.value(key, default)).lower() == "true"

    def _remember_sound(self, on: bool) -> None:
        if self.settings is not None:
            self.settings.setValue(SOUND_KEY, on)

    # -- what is being coached -----------------------------------------------------------------
    def set_muscle(self, muscle_id: str | None, side: str = "L") -> None:
        """Coach this muscle's technique (or only the general ones for None). Changing the
        muscle starts over; changing only the side keeps the place."""
        if not self._built:
            self._pending = (muscle_id, side)
            return
        muscle = self.catalog.muscles.get(muscle_id) if muscle_id else None
        same = muscle is not None and self.muscle is not None and muscle.id == self.muscle.id
        self.side = side
        if same:
            self._show_title()
            return
        self.muscle = muscle
        guidance = self.catalog.guidance
        self.variants = []
        if muscle is not None:
            self.variants.append(Variant("muscle", muscle.technique,
                                         f"This muscle: {muscle.technique.name}"))
        for technique in guidance.techniques if guidance else ():
            self.variants.append(Variant(technique.id or technique.name, technique,
                                         f"General: {technique.name}"))
        self.combo.clear()
        for index, variant in enumerate(self.variants):
            if index == 1 and muscle is not None:
                self.combo.insertSeparator(self.combo.count())
            self.combo.addItem(variant.label, variant.key)
        self._show_title()
        self.trp_index = 0
        self._show_cautions()
        self._select_variant(0)

    @property
    @_with_widgets
    def variant(self) -> Variant | None:
        index = self.combo.currentIndex()
        key = self.combo.itemData(index) if index >= 0 else None
        return next((v for v in self.variants if v.key == key), None)

    @property
    @_with_widgets
    def technique(self) -> Technique | None:
        variant = self.variant
        return variant.technique if variant else None

    @_with_widgets
    def select_technique(self, key: str) -> None:
        """Choose a variant by key: "muscle" or a general technique's id."""
        index = self.combo.findData(key)
        if index < 0:
            raise KeyError(key)
        self.combo.setCurrentIndex(index)
        self._select_variant(self.variants.index(self.variant))

    def _on_variant_chosen(self, _combo_index: int) -> None:
        variant = self.variant
        if variant is not None:
            self._select_variant(self.variants.index(variant))
        self.scale.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_variant(self, index: int) -> None:
        enabled = bool(self.variants)
        for widget in (self.combo, self.step_card, self.hold_panel, self.scale):
            widget.setEnabled(enabled)
        self.placeholder.setVisible(self.muscle is None)
        self.placeholder.setText(
            "Select a muscle on the body to coach its own technique and walk its trigger points."
            if enabled else "No technique is available: the guidance data did not load.")
        if not enabled:
            self.step_card.clear()
            self.sources_label.clear()
            self.trp_box.hide()
            self.timer.set_limits(0, 0)
            return
        variant = self.variants[index]
        combo_index = self.combo.findData(variant.key)
        if self.combo.currentIndex() != combo_index:
            self.combo.setCurrentIndex(combo_index)
        technique = variant.technique
        self.step_index = 0
        target = technique.target_discomfort
        self.scale.set_target(min(target.start), max(target.start), target.release_at)
        self._last_over = 0.0  # another technique or muscle: a fresh start
        self.timer.set_limits(technique.hold_seconds.typical, technique.hold_seconds.max)
        self._forget_hold()
        self.hold_panel.show_limits(technique.hold_seconds.typical, technique.hold_seconds.max)
        sources, citations = sources_line(self.catalog, technique)
        self.sources_label.setToolTip(citations)
        self.sources_label.setText(sources)
        self.about.body.setText(about_html(self.catalog, technique, len(self.trigger_points)))
        self._show_step()
        self._show_trigger_point()
        self._show_discomfort()
        self._keep_step_in_view()

    # -- steps and trigger points --------------------------------------------------------------
    @property
    def steps(self) -> tuple[str, ...]:
        """All the technique's steps, as written for the whole muscle."""
        technique = self.technique
        return technique.steps if technique else ()

    @property
    def point_steps(self) -> tuple[str, ...]:
        """The steps the coach walks at the current trigger point (see `steps_by_point`);
        `step_index` counts within these."""
        steps = self.steps
        if not steps:
            return ()
        plan = steps_by_point(steps, len(self.trigger_points))
        return tuple(steps[i] for i in plan[min(self.trp_index, len(plan) - 1)])

    @property
    def trigger_points(self) -> tuple:
        return self.muscle.trigger_points if self.muscle else ()

    @property
    def trigger_point_id(self) -> str | None:
        """The trigger point being worked now, if the coach has a muscle with any."""
        points = self.trigger_points if self._built else ()
        return points[self.trp_index].id if points else None

    @_with_widgets
    def next_step(self) -> None:
        """The next step at this trigger point; past its last one, the next trigger point from
        its first step."""
        if self.step_index + 1 < len(self.point_steps):
            self.step_index += 1
            self._show_step()
        elif self.trp_index + 1 < len(self.trigger_points):
            self._go_to_trigger_point(self.trp_index + 1)
        self._keep_step_in_view()

    @_with_widgets
    def previous_step(self) -> None:
        if self.step_index > 0:
            self.step_index -= 1
            self._show_step()
        self._keep_step_in_view()

    @_with_widgets
    def next_trigger_point(self) -> None:
        if self.trp_index + 1 < len(self.trigger_points):
            self._go_to_trigger_point(self.trp_index + 1)

    @_with_widgets
    def previous_trigger_point(self) -> None:
        if self.trp_index > 0:
            self._go_to_trigger_point(self.trp_index - 1)

    def _go_to_trigger_point(self, index: int) -> None:
        self.trp_index = index
        # Each point has its own steps (another point's list may be shorter, or its step at
        # this index about something else): begin at its first, finding the point.
        self.step_index = 0
        # A new point is a new hold.
        self._end_of_hold()
        self.timer.reset()
        self._forget_hold()
        self._show_cautions()
        self._show_trigger_point()
        self._show_step()
        self._keep_step_in_view()

    # -- the timer -----------------------------------------------------------------------------
    @_with_widgets
    def start(self) -> bool:
        """Start (or resume) the hold. Before the very first start the `before_first_start`
        hook is asked; False cancels, and it is asked again at the next attempt."""
        if self.timer.running:
            return True
        if not self.variants or self._asking:
            return False
        if not self._started_once:
            hook = self.before_first_start
            if hook is not None:
                self._asking = True
                try:
                    go_on = bool(hook())
                finally:
                    self._asking = False
                if not go_on:
                    return False
            self._started_once = True
        self._last_over = 0.0
        if self._released:  # the last hold ended when it eased: this is the next one
            self.timer.reset()
            self._released = False
            self._reached_target = False
            self._show_discomfort()
        self.timer.start()
        self.holdStarted.emit()
        return True

    @_with_widgets
    def pause(self) -> None:
        self.timer.pause()

    @_with_widgets
    def toggle(self) -> None:
        if self.timer.running:
            self.pause()
        else:
            self.start()

    @_with_widgets
    def reset(self) -> None:
        self._end_of_hold()
        self.timer.reset()
        self._released = False
        self._reached_target = False
        self._show_discomfort()

    def _past_max(self, elapsed: float) -> bool:
        """Whether a hold of `elapsed` seconds ran past the maximum, in the whole seconds the
        panel shows (a hold shown as "10 s" is within a 10 s maximum)."""
        return 0 < self.timer.max_seconds < int(elapsed)

    def _end_of_hold(self) -> None:
        """The hold is being reset (R, or a new point): remember whether it ran past the
        maximum, for the idle panel to say so until the next hold starts."""
        elapsed = self.timer.elapsed()
        self._last_over = elapsed if self._past_max(elapsed) else 0.0

    def _forget_hold(self) -> None:
        """A new point or technique: the scale back to 0 and nothing reached yet."""
        self._released = False
        self._reached_target = False
        self.scale.setValue(0)
        self._show_discomfort()

    def _end_hold(self) -> None:
        """The discomfort has eased to the release level and the technique says to release:
        stop the clock there, rather than run on towards a maximum-hold alarm."""
        self._released = True
        self.timer.pause()
        # Eased while paused too (no running change to relabel it): Space starts the next hold.
        self.start_button.setText("▶  Next hold")
        self._set_cue_state("released")

    @_with_widgets
    def tick(self) -> None:
        """Update from the clock now (what the QTimer does ten times a second)."""
        self.timer.tick()

    def elapsed(self) -> float:
        return self.timer.elapsed()

    @property
    def running(self) -> bool:
        return self.timer.running

    @property
    @_with_widgets
    def discomfort(self) -> int:
        return self.scale.value()

    @_with_widgets
    def set_discomfort(self, value: int) -> None:
        self.scale.setValue(value)

    # -- keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.combo and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                return False  # arrows in the open combo box still choose a technique
            return self._handle_key(event)
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.MetaModifier):
            return False  # leave shortcuts to the window
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Space:
            self.toggle()
        elif key == Qt.Key.Key_R:
            self.reset()
        elif key in (Qt.Key.Key_N, Qt.Key.Key_PageDown):
            self.next_step()
        elif key in (Qt.Key.Key_P, Qt.Key.Key_PageUp):
            self.previous_step()
        elif key == Qt.Key.Key_T:
            if shift:
                self.previous_trigger_point()
            else:
                self.next_trigger_point()
        elif key in SCALE_KEYS:
            self.scale.setValue(self.scale.value() + SCALE_KEYS[key])
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.scale.setValue(key - Qt.Key.Key_0)
        else:
            return False
        event.accept()
        return True

    # -- showing state -------------------------------------------------------------------------
    def _show_title(self) -> None:
        if self.muscle is None:
            self.title.setText("Technique coach")
        else:
            self.title.setText(on_side(self.muscle.name, self.side))

    def _show_cautions(self) -> None:
        if self.muscle is None:
            self.cautions.hide()
        else:
            # A caution that names this point (the abdominal vessels at iliopsoas's TrP3) is the
            # one shown before the rest are unfolded.
            self.cautions.show_cautions(cautions_at_point(
                self.muscle.cautions, self.trp_index, len(self.trigger_points)))

    def _keep_step_in_view(self) -> None:
        """After the therapist steps on, or to another trigger point, technique or muscle, the
        step is what to read: the whole card in view, or, where the view is shorter than the
        card (a projector's 720 lines in presenter mode), its top, with the step's number."""
        if not self.isVisible():
            return  # shown later: `showEvent` brings it in
        settle_layouts()  # where the card lies with the new text, not where the last text left it
        bar = self.scroll.verticalScrollBar()
        card = self.step_card.geometry()  # in the scrolled content's coordinates
        room = self.scroll.viewport().height()
        top, bottom = card.top() - STEP_MARGIN, card.bottom() + 1 + STEP_MARGIN
        if bottom - top > room or top < bar.value():
            bar.setValue(top)
        elif bottom > bar.value() + room:
            bar.setValue(bottom - room)

    def _show_step(self) -> None:
        steps = self.point_steps
        if steps:
            count = len(self.trigger_points)
            more_points = self.trp_index + 1 < count
            # A student may start at TrP2 (T, its button): the client's position, given at
            # TrP1 only, is carried over in a line above the steps.
            carry_over = carried_over_position(self.steps, count, self.trp_index)
            self.step_card.show_step(steps, self.step_index, more_points, carry_over)

    def _show_trigger_point(self) -> None:
        self.triggerPointChanged.emit(self.trigger_point_id or "")
        points = self.trigger_points
        if not points or self.muscle is None:
            self.trp_box.hide()
            return
        self.trp_box.show()
        self.trp_box.show_point(points, self.trp_index, self.muscle.palpation.method)

    def _on_discomfort(self, value: int) -> None:
        self._show_discomfort()

    def _show_discomfort(self) -> None:
        technique = self.technique
        value = self.scale.value()
        self.discomfort_value.setText(f"{value} / 10")
        if technique is None:
            self.discomfort_hint.clear()
            return
        target = technique.target_discomfort
        if min(target.start) <= value:
            self._reached_target = True
        tone, hint = discomfort_advice(target, value, self._reached_target)
        colour = ADVICE_COLOURS[tone]
        if (tone == "easing" and eased_to_release(target, value)
                and self.timer.elapsed() > 0 and not self._released):
            self._end_hold()
        if self._cue == "max":
            # The hold panel has turned red and says release: a line above it saying "keep the
            # pressure steady" (or "press deeper") would contradict it. Whatever the client
            # reports, the hold is over; only an eased report, which ends the hold above (the
            # panel then says "Eased after ..."), has its own words. Short, so the line does not
            # wrap and shift the panel as it turns red.
            hint, colour = "Maximum hold reached: release slowly now.", ALARM
        elif self._cue == "overheld":
            colour = OVERHELD  # eased, but past the maximum: not the green of a hold done right
        self.discomfort_hint.setText(hint)
        self.discomfort_hint.setStyleSheet(f"color:{colour};")
        # The scale has the coach's focus, so a screen reader announces the scale: it says
        # what to do too, not only the number.
        self.scale.setAccessibleDescription(f"{value} of 10. {hint}")

    def _show_elapsed(self, elapsed: float) -> None:
        self.hold_panel.show_time(elapsed, self.timer.typical_seconds, self.timer.max_seconds)
        if elapsed == 0 and not self.timer.running:
            self._set_cue_state("idle")
            self.start_button.setText("▶  Start")  # reset while paused: nothing to resume

    def _show_running(self, running: bool) -> None:
        if running:
            self.start_button.setText("❚❚  Pause")
        else:
            self.start_button.setText("▶  Next hold" if self._released else
                                      "▶  Resume" if self.timer.elapsed() > 0 else "▶  Start")
        if not self.timer.typical_cued:
            if running:
                self._set_cue_state("holding")
            elif self.timer.elapsed() > 0:
                self._set_cue_state("paused")

    def _show_cue(self) -> None:
        if not self.timer.max_cued:
            self._set_cue_state("typical")

    def _on_max(self) -> None:
        self._set_cue_state("max")
        self._show_discomfort()  # the guidance line says release too
        if self.sound.isChecked():
            self.beep()
        self.maxHoldReached.emit()

    @property
    def cue(self) -> str:
        """'idle', 'holding', 'paused', 'typical', 'max', 'released' or 'overheld' (eased, but
        only after the hold ran past its maximum): what the hold panel shows."""
        return self._cue

    def _set_cue_state(self, state: str) -> None:
        if state == "released" and self._past_max(self.timer.elapsed()):
            state = "overheld"
        self._cue = state
        technique = self.technique
        typical = technique.hold_seconds.typical if technique else 0
        maximum = technique.hold_seconds.max if technique else 0
        self.hold_panel.show_state(state, typical, maximum, self.timer.elapsed(),
                                   self._last_over if state == "idle" else 0.0)
