"""The body diagram widget: exact hover and click, zoom and pan, keyboard navigation."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QMarginsF,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QTextDocument,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QToolTip, QWidget

from bodymap.diagram import VIEW_NAMES, VIEWS, load_view
from bodymap.model import Catalog
from bodymap.model.prose import bracketed, listed, side_label
from bodymap.ui.arrow_steps import Direction, next_box
from bodymap.ui.body_scene import BodyScene, MarkerItem, RegionItem, trp_number
from bodymap.ui.framing import BODY, REGION, frame_rect, readable, selection_state
from bodymap.ui.legend import PAIN_ROW, Legend
from bodymap.ui.note_place import body_bands, free_spot
from bodymap.ui.pain_views import not_drawn, views_drawing
from bodymap.ui.rich_text import PROVISIONAL, escape, link_label, marked_names
from bodymap.ui.side_labels import keep_in_view
from bodymap.ui.sizing import LayoutsFirst

if TYPE_CHECKING:
    from bodymap.ui.study_panel import StudyBoard

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.5, 8.0
LEGEND_MARGIN = 10  # px between the key and the view's edges
FIT_MARGIN = 2  # px round a fitted picture, as QGraphicsView.fitInView leaves
SETTLED = 0.005  # a scale that changes less than this from one round to the next has settled
NARROWER = 0.85  # each width the note on the body tries, of the last, for a margin to hold it
NOTE_CHARS = 14  # its narrowest: as wide as this many characters (and its longest word)
WORTH_ZOOMING = 1.15  # a band drawn less than this much larger than the whole body: the body

ARROWS: dict[Qt.Key, Direction] = {Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down",
                                   Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right"}

# Who decides what the view frames. The view itself until the person zooms: the whole body, or
# the selected muscle and its referral where the whole body would be too small to read
# (`framing.readable`). Once the person zooms (Fit, Zoom to selection, the wheel, Ctrl+plus or
# minus) their choice stands, through resizing too, until the next selection.
AUTO, WHOLE, SHOWN, FREE = "auto", "whole", "shown", "free"


class BodyView(QGraphicsView):
    """Shows one view of the body; emits what the person clicked."""

    muscleClicked = Signal(str, str)  # muscle id, side "L"/"R"
    triggerPointClicked = Signal(str, str, str)  # the X of a muscle's TrP: muscle, side, TrP id
    zoneToggled = Signal(str, object)  # zone id, side "L"/"R" or None for midline zones
    hoverChanged = Signal(str)  # the label under the pointer, "" when none
    viewRequested = Signal(str)  # a view the body's own link asks for ("posterior")
    facingChanged = Signal(str)  # the side of the person the side view now shows, "L"/"R"

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyView")
        self.setAccessibleName("Body diagram")
        self.setAccessibleDescription(
            "Click a muscle to see its trigger points and referral. The arrow keys move "
            "to the next region that way, Enter selects.")
        self.catalog = catalog
        self._scenes: dict[tuple[str, str | None], BodyScene] = {}
        self.view_name = ""
        # The side of the person the side view shows, drawn from the left and mirrored for the
        # right. It follows what the body shows (`_follow_side_shown`): the muscle selected,
        # the candidate previewed, a study question's side; `turn` turns it by hand.
        self.facing = "L"
        self._followed: object = None  # what the facing last followed
        self._turned = False  # the side view turned: to be framed once its scene is in state
        self.layer = "superficial"
        self.mode = "muscle"
        self.selected: tuple[str, str] | None = None
        self.pain: set[tuple[str, str | None]] = set()
        self.preview: tuple[str, str] | None = None
        self.trigger_point: str | None = None  # the TrP the technique coach is on
        self.study: StudyBoard | None = None  # a study question's picture and what clicks mean
        self._marker_hovered: MarkerItem | None = None  # the trigger point's X under the pointer
        self._framing = AUTO  # AUTO, WHOLE (Fit), SHOWN (Zoom to selection) or FREE (any zoom)
        self._whole_shown = True  # the picture is the whole body, fitted
        self._framing_now = False  # while the view's own framing resizes its viewport
        self._focus_id: str | None = None  # the region the keyboard's ring was last on
        self._ringed_on_leave = False  # the ring was shown when the window lost the focus
        self.presenting = False  # presenter mode: a class looks at the muscle (set_presenting)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Our own viewport widget: asking Qt for the one it made would wrap a bare QWidget*, and
        # PySide resolves that by loading every QWidget subclass (about 15 ms at start-up).
        self.setViewport(QWidget())
        self.viewport().setMouseTracking(True)  # hover: moves with no button pressed
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.legend = Legend(self)
        # Referral, trigger points or marked pain the view cannot show (iliopsoas's low back,
        # from the front; gluteus medius's TrP3, from behind; pain marked on the outer lower
        # leg, from behind): said on the body, with a link to the view that draws them, so no
        # one takes the picture for all of it.
        self.elsewhere = link_label("referralElsewhere", parent=self)
        self.elsewhere.setStyleSheet("QLabel { background: rgba(255, 255, 255, 225); "
                                     "border: 1px solid rgba(0, 0, 0, 60); border-radius: 6px; "
                                     "padding: 4px 6px; }")
        self.elsewhere.linkActivated.connect(lambda link: self._go_to(link[1:]))
        self.elsewhere.installEventFilter(self)  # its own font (presenter mode) changes its size
        self.elsewhere.hide()
        self._elsewhere_texts = ("", "")  # the note in full, and as a chip (`_sync_elsewhere`)
        # A scene paints the window itself: the panels' new words are laid out first.
        self._layouts_first = LayoutsFirst(self)
        self.set_view(VIEWS[0])

    # -- scenes --------------------------------------------------------------------------------
    def body_scene(self, name: str | None = None) -> BodyScene:
        """The scene of a view (by default the one shown), the side view seen from `facing`."""
        name = name or self.view_name
        view = load_view(name, self.facing)
        key = (name, view.facing)
        if key not in self._scenes:  # built on first show: start-up pays for one view only
            scene = self._scenes[key] = BodyScene(view, self.catalog)
            self._size_text(scene)
            self._layouts_first.watch(scene)
        return self._scenes[key]

    def _size_text(self, scene: BodyScene) -> None:
        """The landmark labels in the view's font, and the X marks and their numbers grown as
        it is (presenter mode): a class must tell TrP1 from TrP2 from the back of the room."""
        scene.set_label_font(self.font())
        scene.set_marker_scale(max(1.0, self.font().pointSizeF()
                                   / QApplication.font().pointSizeF()))

    def set_view(self, name: str) -> None:
        if name not in VIEWS:
            raise ValueError(f"unknown view {name!r}")
        if self.view_name:  # what was under the pointer is not on the view coming
            self._hover(None)
        self.view_name = name
        self.setScene(self.body_scene())
        self._sync_texel()
        self._sync_scene()
        if self._framing == FREE:  # a zoom into the last view means nothing in this one
            self._framing = AUTO
        self.frame()

    def set_layer(self, layer: str) -> None:
        self.layer = layer
        self._sync_scene()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._sync_legend()
        self._sync_scene()
        self.frame()  # marking pain wants the whole body; the muscle mode, the muscle

    @property
    def active_mode(self) -> str:
        """What a click does now: a study question's input wins over the chosen mode."""
        if self.study is not None:
            return "pain" if self.study.input == "zones" else "muscle"
        return self.mode

    @property
    def names_hidden(self) -> bool:
        """While a question asks to find a muscle, hovering must not name it."""
        return self.study is not None and self.study.input == "muscle"

    def set_study(self, board: StudyBoard | None) -> None:
        """Show a study board (None: back to the explorer's own state)."""
        self.study = board
        self._sync_legend()
        self._sync_scene()
        self.frame()  # never framed on a question's answer

    def _sync_legend(self) -> None:
        # Marked pain stays drawn in muscle mode, so its key stays too.
        marks = self.study.marked if self.study is not None else self.pain
        before = self.legend.sizeHint()
        self.legend.show_rows(pain=self.active_mode == "pain" or bool(marks),
                              mastery=self.study is not None and bool(self.study.mastery),
                              pain_label=self.study.marks_label if self.study is not None
                              else PAIN_ROW[1])
        self._place_legend()
        if self.legend.sizeHint() != before:  # the body moves beside the key
            self.frame()

    def set_selected(self, selected: tuple[str, str] | None, *,
                     all_trigger_points: bool = False) -> None:
        """Show this muscle selected; with `all_trigger_points`, all its trigger points' referral
        too, if one was shown alone (`set_trigger_point`), in the same repaint."""
        new = selected != self.selected
        self.selected = selected
        if all_trigger_points:
            self.trigger_point = None
        self._sync_scene()
        if new:  # the person's zoom was for the last one: the view frames this one
            self._framing = AUTO
            self.frame()

    def set_presenting(self, presenting: bool) -> None:
        """In presenter mode the view frames the selected muscle and its referral, whatever the
        screen: on a projector the whole body is too small to read from the back of a room
        (Fit, Ctrl+0, shows it whole). The view decides again on the way in and out."""
        self.presenting = presenting
        self._framing = AUTO
        self.frame()

    def set_pain(self, pain: set[tuple[str, str | None]]) -> None:
        self.pain = set(pain)
        self._sync_legend()
        self._sync_scene()

    def set_preview(self, preview: tuple[str, str] | None) -> None:
        self.preview = preview
        self._sync_scene()

    def set_trigger_point(self, trp_id: str | None) -> None:
        """Ring this TrP of the selected muscle and paint only its referral (None: all)."""
        self.trigger_point = trp_id
        self._sync_scene()

    def turn(self) -> None:
        """Show the person's other side on the side view (with nothing shown that decides it:
        a muscle selected is turned by selecting its other side)."""
        self._face("R" if self.facing == "L" else "L")
        self._sync_scene()

    def _follow_side_shown(self) -> None:
        """Face the side of what the body shows when that changes: a study question's picture,
        else the candidate previewed (pain mode) or the muscle selected. While it stays, a
        turn by hand stands (a question's marks, made on the right, keep the right in sight)."""
        if self.study is not None:  # the question's picture, whatever the student marks
            followed, side = (dataclasses.replace(self.study, marked=frozenset(), mastery=None),
                              self.study.side)
        else:
            followed = self.preview if self.active_mode == "pain" else self.selected
            side = followed[1] if followed is not None else None
        if followed == self._followed:
            return
        self._followed = followed
        if side in ("L", "R"):
            self._face(side)

    def _face(self, side: str) -> None:
        if side == self.facing:
            return
        if self.view_name == "lateral":
            self._hover(None)  # the side view turns: what was under the pointer is gone
        self.facing = side
        if self.scene() is not self.body_scene():  # the side view is on screen: turn it
            self.setScene(self.body_scene())
            self._sync_texel()
            if self._framing == FREE:  # a zoom into one side means nothing on the other
                self._framing = AUTO
            self._turned = True  # framed once its scene has the state (`_sync_scene`)
        self.facingChanged.emit(side)

    def _sync_scene(self) -> None:
        self._follow_side_shown()
        scene = self.body_scene()
        scene.set_state(layer=self.layer, mode=self.active_mode, selected=self.selected,
                        pain=self.pain, preview=self.preview, study=self.study,
                        trigger_point=self.trigger_point)
        # The keyboard's ring stays on the scene shown, on a region it can reach (`_ring`).
        ringed = any(each.focused is not None for each in self._scenes.values())
        for each in self._scenes.values():
            if each is not scene or each.focused not in scene.active_items():
                each.set_focused(None)
        if ringed and scene.focused is None and self.hasFocus():
            self._ring(self._first_focus())
        self._place_side_labels()  # clear of the X marks now shown
        self._sync_elsewhere()
        if self._turned:
            self._turned = False
            self.frame()

    def referral_elsewhere(self) -> tuple[str, list[str]] | None:
        """(view, zone labels) when the referral painted now, the selected muscle's or a study
        question's pattern, has zones this view does not draw: the other view drawing most of
        them, and their names. None in pain mode."""
        if self.study is None and (self.active_mode != "muscle" or self.selected is None):
            return None
        found = self.body_scene().referral_elsewhere()
        if found is None:
            return None
        view, zones = found
        # As the page says them: a zone drawn there with a dashed edge is provisional here too,
        # and a group whose parts are all there is one area.
        unsettled = {zone for zone, _side in self.body_scene().unsettled_shown()}
        return view, [bracketed(self.catalog.zones[zone].label,
                                PROVISIONAL if self.catalog.in_kind(zone, unsettled) else "")
                      for zone in self.catalog.head_to_foot(
                          self.catalog.grouped(zones, unsettled))]

    def markers_elsewhere(self) -> tuple[str, list[str]] | None:
        """(view, TrP names as numbered on the body, "TrP3") when the muscle shown, the one
        selected or a study card's answer, has trigger points this view does not mark: the
        other view marking most of them. None in pain mode and while a study question waits
        for its answer (`BodyScene.markers_elsewhere`)."""
        if self.active_mode != "muscle":
            return None
        scene = self.body_scene()
        found = scene.markers_elsewhere()
        if found is None:
            return None
        view, trps = found
        shown = scene.shown_state()[1]
        assert shown is not None  # what it found is the shown muscle's
        points = self.catalog.muscles[shown[0]].trigger_points
        if len(points) == 1:
            return view, ["The trigger point"]
        return view, [f"TrP{trp_number(points, t)}" for t in points if t.id in trps]

    def pain_elsewhere(self) -> list[tuple[str, str | None, list[str]]]:
        """(view, the side the side view is to show or None, zone names with their sides) for
        each other view drawing marked pain this view does not (the outer lower leg, seen from
        behind; the right one, on the side view seen from the left), in the usual order. Only
        in the pain finder: a study question's marks are a student's answer."""
        if self.study is not None or self.active_mode != "pain" or not self.pain:
            return []
        by_view: dict[str, list[tuple[str, str | None]]] = {}
        for mark in not_drawn(self.pain, [self.body_scene().view]):
            drawing = views_drawing(mark)
            if drawing:  # a pack's zone may have no drawing
                by_view.setdefault(drawing[0].name, []).append(mark)
        found = []
        for name in VIEWS:
            marks = by_view.get(name)
            if not marks:
                continue
            # Head to foot, an area whose parts are all marked said whole, as the pain finder
            # says the marks ("Lumbar paraspinal (L1 to S1, left)").
            labels = marked_names(self.catalog, marks)
            facing = None
            if name == "lateral":  # the side with most of them, the one shown on a tie
                counts = {s: sum(side == s for _, side in marks) for s in ("L", "R")}
                facing = max(("L", "R"), key=lambda s: (counts[s], s == self.facing))
            found.append((name, facing, labels))
        return found

    def _go_to(self, target: str) -> None:
        """Follow a link of the note: a view ("posterior"), or the side view from a side of the
        person ("lateral:R")."""
        name, _, side = target.partition(":")
        if side:
            self._face(side)
        self.viewRequested.emit(name)

    def _sync_elsewhere(self) -> None:
        referral, markers = self.referral_elsewhere(), self.markers_elsewhere()
        pain = self.pain_elsewhere()
        if referral is None and markers is None and not pain:
            self.elsewhere.hide()
            return
        shown, said = [], []
        links: dict[str, str] = {}  # the chip's: each view linked to once (`_place_elsewhere`)
        for name, facing, labels in pain:
            # The side view turned: say which side, as its button does.
            words = (f"{side_label(facing)} {VIEW_NAMES[name]}" if name == self.view_name
                     else VIEW_NAMES[name])
            link = f"{name}:{facing}" if facing else name
            links.setdefault(link, f"<a href='#{link}'>{words} view</a>")
            shown.append(f"Marked pain on the <a href='#{link}'>{words} view</a>: "
                         + escape(", ".join(labels)))
            said.append(f"Marked pain on the {words} view: {', '.join(labels)}")
        if referral is not None:
            view, labels = referral
            links.setdefault(view, f"<a href='#{view}'>{VIEW_NAMES[view]} view</a>")
            shown.append(f"More referral on the <a href='#{view}'>{VIEW_NAMES[view]} view</a>: "
                         + escape(", ".join(labels)))
            said.append(f"More referral on the {VIEW_NAMES[view]} view: {', '.join(labels)}")
        if markers is not None:
            view, names = markers
            what = f"{listed(names)} {'is' if len(names) == 1 else 'are'} marked"
            if referral is not None and referral[0] == view:  # the link is just above
                shown.append(escape(f"{what} there"))
                said.append(f"{what} there")
            else:
                links.setdefault(view, f"<a href='#{view}'>{VIEW_NAMES[view]} view</a>")
                shown.append(f"{escape(what)} on the <a href='#{view}'>{VIEW_NAMES[view]} view</a>")
                said.append(f"{what} on the {VIEW_NAMES[view]} view")
        self._elsewhere_texts = ("<br>".join(shown), "More on the "
                                 + listed(links.values()))
        self.elsewhere.setText(self._elsewhere_texts[0])
        self.elsewhere.setAccessibleName(". ".join(said))
        self.elsewhere.show()
        self._place_elsewhere()

    def _place_overlays(self) -> None:
        """What stays in sight of a view that moved: the side labels, then the note."""
        self._place_side_labels()
        self._place_elsewhere()

    def _place_side_labels(self) -> None:
        """"Left" and "Right" inside what the view shows, above the key (`keep_in_view`)."""
        seen = self.viewport().rect()
        if self.legend.isVisible():  # the key is the view's child, over the viewport's corner
            key_top = self.viewport().mapFrom(self, self.legend.geometry().topLeft()).y()
            seen.setBottom(min(seen.bottom(), key_top - LEGEND_MARGIN))
        zoom = self.transform().m11()
        if seen.height() > 0 and zoom > 0:
            keep_in_view(self.body_scene(), self.mapToScene(seen).boundingRect(), zoom)

    def _place_elsewhere(self) -> None:
        """In a free margin of the view: clear of the body's drawn outline, the painted referral
        and muscle, the trigger points' X marks and numbers, the landmark and side labels and the
        key. Of those places, the highest, on the side away from the landmark labels, and as wide
        as its lines need unwrapped (up to 40% of the view) or else as wide as a margin leaves;
        where no margin has room, the note folds to a chip naming the views (its full words in
        its tooltip and accessible name), placed so, or where it hides least."""
        note = self.elsewhere
        if note.isHidden():
            return
        full, chip = self._elsewhere_texts
        scene = self.body_scene()
        to_view = self.viewportTransform() * QTransform.fromTranslate(
            self.viewport().x(), self.viewport().y())
        marks = [m.deviceTransform(to_view).mapRect(m.ink_rect())
                 for markers in scene.markers.values() for m in markers if m.isVisible()]
        if self.legend.isVisible():
            marks.append(QRectF(self.legend.geometry()))
        referral, shown, _pain = scene.shown_state()
        painted = [to_view.mapRect(item.sceneBoundingRect()) for item in
                   [*(scene.zones[key] for key in referral if key in scene.zones),
                    *(item for key, item in scene.muscles.items() if key == shown)]]
        labels = [item.deviceTransform(to_view).mapRect(item.boundingRect())
                  for item in [*scene.landmarks, *scene.side_labels]]
        body = [to_view.mapRect(band) for band in body_bands(scene.view)]
        middle = scene.view.outline.boundingRect().center().x()
        labels_right = sum(1 if mark.x > middle else -1 for mark in scene.view.landmarks) > 0
        area = QRectF(self.viewport().geometry()).adjusted(LEGEND_MARGIN, LEGEND_MARGIN,
                                                           -LEGEND_MARGIN, -LEGEND_MARGIN)
        obstacles = [*marks, *painted, *labels, *body]
        step = max(4, note.fontMetrics().height())

        def spot(text: str, widths: list[int]) -> QPoint | None:
            """Place the note with `text` at the first width that has a free place."""
            if note.text() != text:
                note.setText(text)
            for width in widths:
                size = QSize(width, note.heightForWidth(width))
                place = free_spot(size, area, obstacles, pad=3, step=step,
                                  rightward=not labels_right)
                if place is not None:
                    note.resize(size)
                    note.move(place)
                    return place
            return None

        # As wide as its lines need unwrapped, up to 40% of the view, and as tall as they then
        # wrap to (a wrapping QLabel's own size hint is a guess of about a third of that, which
        # stacked a one-line note into four); narrower, down to its longest word, for a margin.
        note.setWordWrap(False)
        note.setText(full)
        natural = note.sizeHint().width()
        note.setWordWrap(True)
        widest = min(natural, max(160, int(area.width() * 0.4)))
        document = QTextDocument()
        document.setHtml(full)
        metrics = note.fontMetrics()
        frame = natural - max(metrics.horizontalAdvance(line)
                              for line in document.toPlainText().splitlines())
        narrowest = frame + max(metrics.horizontalAdvance(word)
                                for word in document.toPlainText().split())
        widths = [widest]
        while widths[-1] * NARROWER > max(narrowest, metrics.averageCharWidth() * NOTE_CHARS):
            widths.append(int(widths[-1] * NARROWER))
        note.setToolTip("")
        if spot(full, widths) is not None:
            return
        # No margin holds it: a chip, its words in full a hover away.
        note.setToolTip(note.accessibleName())
        note.setWordWrap(False)
        note.setText(chip)
        natural = note.sizeHint().width()
        note.setWordWrap(True)
        if spot(chip, [min(natural, int(area.width()))]) is not None:
            return
        # Nowhere free at all (the person zoomed in): where it hides least.
        edges = [int(area.left()), int(area.right()) - note.width()]
        if not labels_right:
            edges.reverse()
        lowest = max(int(area.top()), int(area.bottom()) - note.height())
        places = [QPoint(x, y) for y in [*range(int(area.top()), lowest, step), lowest]
                  for x in edges]

        def hidden(place: QPoint) -> float:
            """How much it would hide, weighing the referral and the muscle over the labels and
            the rest of the body; infinite over a mark or the key."""
            room = QRectF(note.rect().translated(place)).adjusted(-3, -3, 3, 3)
            if any(room.intersects(mark) for mark in marks):
                return float("inf")

            def covered(rects: list[QRectF]) -> float:
                return sum((room & rect).width() * (room & rect).height() for rect in rects)

            return 4 * covered(painted) + covered(labels) + covered(body)

        note.move(min(places, key=hidden))

    def layers_of(self, muscle_id: str) -> list[tuple[str, str]]:
        """(view, layer) pairs whose drawing shows this muscle, current view first."""
        names = [self.view_name, *(v for v in VIEWS if v != self.view_name)]
        found = []
        for name in names:
            layer = self.body_scene(name).layer_of(muscle_id)
            if layer:
                found.append((name, layer))
        return found

    # -- hit testing -----------------------------------------------------------------------------
    def region_under(self, viewport_point: QPoint) -> RegionItem | None:
        return self.body_scene().region_at(self.mapToScene(viewport_point))

    def region_point(self, region_id: str, side: str = "L", kind: str | None = None) -> QPoint:
        """A viewport point where a click reaches this muscle (muscle mode) or zone (pain
        mode) as shown now, not covered by another region and, where the region leaves room,
        by no trigger point's X or number nor a side label's letters. Side is ignored for
        midline zones.
        `kind` ('muscle' or 'zone') overrides the mode, e.g. to find a zone to look at in muscle
        mode. Raises LookupError when the region is not shown in the current view and layer."""
        scene = self.body_scene()
        kind = kind or ("zone" if self.active_mode == "pain" else "muscle")
        if kind == "zone":
            zone = self.catalog.zones.get(region_id)
            item = scene.zones.get((region_id, None if zone is not None and zone.midline else side))
            topmost = scene.zone_at
        else:
            item = scene.muscles.get((region_id, side))
            if item is not None and (item.region.layer != self.layer
                                     or self.active_mode != "muscle"):
                item = None
            topmost = scene.region_at
        if item is None:
            raise LookupError(
                f"{region_id} ({side}) is not shown in the {self.view_name} view, "
                f"{self.layer} layer, {self.active_mode} mode")
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        box = item.path().boundingRect().intersected(visible)
        # Where an X or its number is drawn, or will be once its muscle is selected, or a side
        # label's letters, the screen shows those, not the region: a point there is the last
        # choice, so that a look at the pixel sees the region itself.
        inked = [*(m for key in scene.markers for m in scene.place_numbers(key)),
                 *scene.side_labels]
        transform = self.viewportTransform()
        marks = [drawn.deviceTransform(transform).mapRect(drawn.ink_rect()) for drawn in inked]
        # Under the muscle's own X, a click shows that trigger point's referral alone (it stays
        # shown): the very last choice.
        own = [rect for x, rect in self._shown_markers()
               if (x.region.target, x.region.side) == (region_id, side)] if kind == "muscle" else []
        best: tuple[bool, bool, float, QPoint] | None = None
        steps = 24
        for i in range(1, steps):
            for j in range(1, steps):
                point = QPointF(box.left() + box.width() * i / steps,
                                box.top() + box.height() * j / steps)
                if not item.path().contains(point):
                    continue
                view_point = self.mapFromScene(point)
                if topmost(self.mapToScene(view_point)) is not item:
                    continue
                # Prefer points well inside the outline: a click there survives rounding.
                clear = not any(mark.contains(QPointF(view_point)) for mark in marks)
                free = not any(rect.contains(QPointF(view_point)) for rect in own)
                candidate = (free, clear, self._depth(item, point), view_point)
                if best is None or candidate[:3] > best[:3]:
                    best = candidate
        if best is None:
            raise LookupError(f"{region_id} ({side}) is covered or out of sight")
        return best[3]

    def _depth(self, item: RegionItem, point: QPointF) -> float:
        """How far (in screen pixels, up to 12) the point lies inside the item's outline."""
        scale = max(self.transform().m11(), 1e-6)
        for pixels in range(1, 13):
            d = pixels / scale
            probes = (QPointF(d, 0), QPointF(-d, 0), QPointF(0, d), QPointF(0, -d))
            if not all(item.path().contains(point + p) for p in probes):
                return float(pixels)
        return 12.0

    # -- mouse -------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            if (marker := self.marker_under(event.position().toPoint())) is not None:
                region = marker.region
                self.triggerPointClicked.emit(region.target, region.side or "L", region.trp)
                event.accept()
                return
            item = self.region_under(event.position().toPoint())
            self.body_scene().set_focused(None)  # the mouse is in use: no keyboard ring
            if item is not None:
                self._focus_id = item.region.id  # where the arrow keys go on from
                self.activate(item)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            point = event.position().toPoint()
            marker = self.marker_under(point)
            left = marker is not self._marker_hovered and self._marker_hovered is not None
            if marker is not self._marker_hovered:
                self._marker_hovered = marker
                if marker is not None:
                    self._hover(None)
                    self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
                    self.hoverChanged.emit(f"{marker.toolTip()}: click to show its referral "
                                           "alone (again: all of them)")
            if marker is None:  # off an X, what is under the pointer is hovered anew
                self._hover(self.region_under(point), anew=left)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.names_hidden:
            QToolTip.hideText()
            event.ignore()
            return True  # no name under the pointer while a question asks to find the muscle
        return super().viewportEvent(event)

    def leaveEvent(self, event) -> None:
        self._marker_hovered = None
        self._hover(None, anew=True)
        super().leaveEvent(event)

    def marker_under(self, viewport_point: QPoint) -> MarkerItem | None:
        """The X (or its number) of a trigger point of the muscle shown under a viewport point,
        in muscle mode, over that muscle or bare skin: over another muscle, a click there is
        that muscle's (in a small window a muscle's marks may hide most of its neighbour). A
        study question's markers are part of its picture, not links."""
        point = QPointF(viewport_point)
        marker = next((m for m, rect in self._shown_markers() if rect.contains(point)), None)
        if marker is None:
            return None
        beneath = self.region_under(viewport_point)
        mine = (marker.region.target, marker.region.side)
        return marker if beneath is None or (beneath.region.target,
                                             beneath.region.side) == mine else None

    def _shown_markers(self) -> list[tuple[MarkerItem, QRectF]]:
        """The trigger points' X marks a click can reach, each with where it and its number
        are inked in the viewport (as `region_point` keeps clear of them), at the size they are
        drawn (presenter mode grows them)."""
        scene = self.body_scene()
        if scene.mode != "muscle" or self.study is not None:
            return []
        to_view = self.viewportTransform()
        return [(marker, marker.deviceTransform(to_view).mapRect(marker.ink_rect()))
                for markers in scene.markers.values() for marker in markers
                if marker.isVisible()]

    def marker_point(self, muscle_id: str, side: str, trp_id: str) -> QPoint:
        """The viewport point of a trigger point's X as shown now. Raises LookupError when it
        is not shown."""
        for marker in self.body_scene().markers.get((muscle_id, side), []):
            if marker.region.trp == trp_id and marker.isVisible():
                return self.mapFromScene(marker.pos())
        raise LookupError(f"{muscle_id} {trp_id} ({side}) is not marked in the "
                          f"{self.view_name} view")

    def _hover(self, item: RegionItem | None, anew: bool = False) -> None:
        scene = self.body_scene()
        if item is scene.hovered and not anew:
            return
        scene.set_hovered(item)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if item else
                                  Qt.CursorShape.ArrowCursor)
        self.hoverChanged.emit(item.label if item and not self.names_hidden else "")

    def activate(self, item: RegionItem) -> None:
        region = item.region
        if region.kind == "muscle":
            self.muscleClicked.emit(region.target, region.side or "L")
        else:
            self.zoneToggled.emit(region.target, region.side)

    # -- keyboard ----------------------------------------------------------------------------------
    # The body is one stop of Tab, as a list is: Tab on through fifteen regions and more read as
    # stuck. Inside it the arrow keys move a focus ring to the next region on the screen in their
    # direction (`arrow_steps`; at the body's edge it stays), Home and End to the first and last
    # in reading order, and Enter or Space selects the one ringed. The ring is drawn only while
    # the body has the keyboard focus and the person is using keys (Tab into it, an arrow): a
    # ring left on a muscle after a click, or while the coach has the keys, reads as something
    # the body shows.
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        scene = self.body_scene()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and scene.focused:
            self.activate(scene.focused)
            return
        if key in ARROWS:
            self.move_focus(ARROWS[key])
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            items = self._ordered_regions()
            if items:
                self._ring(items[0 if key == Qt.Key.Key_Home else -1])
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        keyed = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        back = reason == Qt.FocusReason.ActiveWindowFocusReason and self._ringed_on_leave
        if keyed or back:
            self._ring(self._first_focus())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        scene = self.body_scene()
        # Left for another window (or a menu): the ring comes back with the window.
        ringed = scene.focused is not None
        self._ringed_on_leave = ringed and event.reason() in (
            Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
        scene.set_focused(None)
        if ringed:
            self.hoverChanged.emit("")  # its name goes from the status bar with it

    def _first_focus(self) -> RegionItem | None:
        """Where the ring starts: the region it was last on, or the selected muscle, if shown;
        else the first region in reading order."""
        items = self._ordered_regions()
        last = next((item for item in items if item.region.id == self._focus_id), None)
        chosen = next((item for item in items if item.region.kind == "muscle" and (
            item.region.target, item.region.side or "L") == self.selected), None)
        return last or chosen or (items[0] if items else None)

    def _ordered_regions(self) -> list[RegionItem]:
        """Active regions in reading order: top to bottom, then the viewer's left to right."""
        def key(item: RegionItem) -> tuple[int, float]:
            centre = item.path().boundingRect().center()
            return (round(centre.y() / 40), centre.x())
        return sorted(self.body_scene().active_items(), key=key)

    def move_focus(self, direction: Direction) -> None:
        """Move the ring to the region next on the screen in `direction` ("up", "down", "left",
        "right"), as the view shows the regions (`arrow_steps`); where nothing lies that way it
        stays. The first key only shows where the ring is."""
        items = self._ordered_regions()
        scene = self.body_scene()
        if scene.focused not in items:
            self._ring(self._first_focus())
            return
        shown = self.transform()  # the screen's directions (the scene is never turned)
        boxes = [shown.mapRect(item.mapRectToScene(item.path().boundingRect())) for item in items]
        sides = [item.region.side for item in items]
        self._ring(items[next_box(boxes, items.index(scene.focused), direction, sides)])

    def _ring(self, item: RegionItem | None) -> None:
        """Ring `item` for the keyboard and say its name."""
        if item is None:
            return
        self.body_scene().set_focused(item)
        self._focus_id = item.region.id
        self.ensureVisible(item, 20, 20)
        label = "a muscle" if self.names_hidden else item.label
        self.setAccessibleDescription(label)
        self.hoverChanged.emit(label)

    # -- zoom and pan ---------------------------------------------------------------------------
    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._place_overlays()  # the frame, and the marks the note must not cover, have moved

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, under_mouse=True)
        event.accept()

    def zoom_by(self, factor: float, *, under_mouse: bool = False) -> None:
        """Zoom about the point under the mouse (the wheel) or the view's centre (keys, menu).
        From the whole body the centre is the body's, not the view's, which is off it by half
        the key's strip."""
        into_body = self._whole_shown and not under_mouse
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse if under_mouse
                                     else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        current = self.transform().m11()
        target = min(max(current * factor, self._fit_scale() * MIN_ZOOM),
                     self._fit_scale() * MAX_ZOOM)
        self.scale(target / current, target / current)
        if into_body:
            self.centerOn(self.body_scene().sceneRect().center())
        self._framing, self._whole_shown = FREE, False
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._sync_texel()
        self._place_overlays()

    def fit(self) -> None:
        """Show the whole body as large as it fits beside or above the key, never under it
        (the person's Fit: it stands until the next selection)."""
        self._framing = WHOLE
        self.frame()

    def zoom_to_shown(self) -> None:
        """Frame the band of the body that matters now, as an export does (`frame_rect`): the
        selected muscle, its trigger points and referral, and the marked pain, as large as it
        fits beside the key; the whole body when that band is most of it or nothing is shown
        (the person's Zoom to selection: it stands until the next selection)."""
        self._framing = SHOWN
        self.frame()

    def frame(self) -> None:
        """Frame the view as whoever decides it chose (see AUTO): after a selection, a new view,
        size or text size. The picture moves only if its frame changed, so a click that keeps
        the frame repaints only what it changed."""
        if self._framing == FREE or self._framing_now:
            return
        scene = self.body_scene()
        whole, scale = self._whole_frame()
        band = None
        if self._framing == SHOWN:
            band = frame_rect(scene, REGION)
        elif self._framing == AUTO and self._frames_selection(scale):
            band = frame_rect(scene, REGION, selection_state(scene))
        if band is not None and band == frame_rect(scene, BODY):
            band = None
        self._show(band, whole, scale)

    def _frames_selection(self, whole_scale: float) -> bool:
        """Whether the view, left to itself, frames the selected muscle: in muscle mode, outside
        a study question (framing the answer would give it away), in presenter mode or where
        the whole body, drawn at `whole_scale`, would be too small to read."""
        if self.selected is None or self.active_mode != "muscle" or self.study is not None:
            return False
        if self.presenting:
            return True
        body = self.body_scene().view.outline.boundingRect().width() * whole_scale
        return not readable(body, QFontMetrics(self.font()).height())

    def _area(self) -> QSize:
        """The viewport's size without scroll bars: the frame does not change as they come."""
        return self.contentsRect().size()

    def _whole_frame(self) -> tuple[QRectF, float]:
        """The whole body with room for the key and the labels (scene units), and the scale
        that fits it in the view, a margin round it as `fitInView` leaves."""
        area = self._area()
        rect = self._room_for(self.body_scene().sceneRect(), area)
        room = area - QSize(2 * FIT_MARGIN, 2 * FIT_MARGIN)
        return rect, min(room.width() / rect.width(), room.height() / rect.height())

    def _show(self, band: QRectF | None, whole: QRectF, scale: float) -> None:
        """Show the whole body (None; `whole` at `scale`, from `_whole_frame`) or `band` of it
        (scene units) as large as it fits beside the key. Zoomed to a band, the view's rect is
        the band's across and the whole body's down, so the rest of the body is a scroll away;
        in presenter mode a drag away, with no scroll bar on the projected picture (one comes
        back when the teacher zooms). Nothing is touched that would not change: a repaint of
        the whole view costs a click."""
        # What to show, the view's own rect (what scrolls), and the viewport once settled.
        rect, scrolled, seen = whole, whole, self._area()
        if band is not None:
            # Zoomed in, the view shows a vertical scroll bar (not to a class); leave it room.
            # (The bar's own width, not QStyle's metric: touching QStyle costs ~8 ms at start-up.)
            bar_width = 0 if self.presenting else self.verticalScrollBar().sizeHint().width()
            room = seen - QSize(bar_width, 0)
            framed = self._room_for(band, room)
            larger = min(room.width() / framed.width(), room.height() / framed.height())
            # A band as wide as the body gains nothing in a narrow view: no scroll bar for it.
            if larger > scale * WORTH_ZOOMING:
                body = self.body_scene().sceneRect()
                scrolled = QRectF(framed.left(), body.top() - (band.top() - framed.top()),
                                  framed.width(), body.height() + framed.height() - band.height())
                rect, seen, scale = framed, room, larger
            else:
                band = None
        # A frame that moves nothing by half a pixel is the one shown: a muscle whose band is
        # its neighbour's but for a hair repaints only what the click changed.
        extent = max(scrolled.width(), scrolled.height())
        moved = any(abs(a - b) * scale >= 0.5 for a, b in zip(self.sceneRect().getCoords(),
                                                               scrolled.getCoords(), strict=True))
        if moved:
            self.setSceneRect(scrolled)
        shown = self.transform()
        if (shown != QTransform.fromScale(shown.m11(), shown.m11())
                or abs(shown.m11() - scale) * extent >= 0.5):
            self.setTransform(QTransform.fromScale(scale, scale))
            moved = True
        scale = self.transform().m11()
        # The scroll bar comes or goes now, not once events are next handled, after the view
        # has been painted once without it: one repaint, not two.
        bar = (Qt.ScrollBarPolicy.ScrollBarAsNeeded if band is None
               else Qt.ScrollBarPolicy.ScrollBarAlwaysOff if self.presenting
               else Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        if self.verticalScrollBarPolicy() != bar:
            self._framing_now = True  # the viewport's resize needs no framing of its own
            self.setVerticalScrollBarPolicy(bar)
            self._framing_now = False
        # Centred in the viewport as it will be (should the bar still come or go, it takes the
        # viewport's right edge, and the view's corner stays put).
        shift = QSizeF(self.viewport().size() - seen) / (2 * scale)
        self.centerOn(rect.center() + QPointF(shift.width(), shift.height()))
        self._whole_shown = band is None
        self._sync_texel()
        if moved:  # (a scroll re-places them itself, as the viewport's resize does)
            self._place_overlays()

    def _room_for(self, box: QRectF, room: QSize | None = None) -> QRectF:
        """`box` (scene units) grown by the room its landmark labels and the key need for it
        to fill `room` (pixels; by default the viewport)."""
        room = room or self.viewport().size()
        width, height = room.width(), room.height()
        key = self.legend.sizeHint()
        strip_w, strip_h = key.width() + 2 * LEGEND_MARGIN, key.height() + 2 * LEGEND_MARGIN
        # The landmark labels keep their size, so how far they reach past the body depends on
        # the scale, which depends on the room they take: rounds settle it, each scale a little
        # smaller than the last, until it no longer changes (in a narrow view, where the labels
        # take much of the width, that takes more than a few).
        def scales(over: QMarginsF) -> tuple[float, float]:
            """The scales that fit `box` with the key beside it, and above it."""
            across, down = width - over.left() - over.right(), height - over.top() - over.bottom()
            return (min((across - strip_w) / box.width(), down / box.height()),
                    min(across / box.width(), (down - strip_h) / box.height()))

        over, previous = QMarginsF(), 0.0
        for _round in range(16):
            beside, above = scales(over)
            scale = max(beside, above)
            if scale <= 0 or abs(scale - previous) <= SETTLED * scale:
                break
            over, previous = self.body_scene().label_overhang(scale, box), scale
        if scale <= 0:  # the labels take all the width: the body and the key without them
            over = QMarginsF()
            beside, above = scales(over)
        rect = QRectF(box)
        if max(beside, above) > 0:  # else a viewport too small to matter: the body alone
            scale = max(beside, above)
            rect = rect.marginsAdded(over / scale)
            if beside >= above:
                rect.setLeft(rect.left() - strip_w / beside)
            else:
                rect.setBottom(rect.bottom() + strip_h / above)
        return rect

    def _sync_texel(self) -> None:
        """Stipple and hatch texels stay one screen pixel whatever the zoom."""
        self.body_scene().set_texel(1 / max(self.transform().m11(), 1e-6))

    def _fit_scale(self) -> float:
        rect = self.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return 1.0
        return min(view.width() / rect.width(), view.height() / rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.frame()
        self._place_legend()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the key's, labels' and markers' size
            for scene in self._scenes.values():
                self._size_text(scene)
            self._place_legend()
            self.frame()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.elsewhere and event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._place_elsewhere)  # once the label has taken its new size
        return super().eventFilter(watched, event)

    def _place_legend(self) -> None:
        self.legend.adjustSize()
        self.legend.move(LEGEND_MARGIN, self.height() - self.legend.height() - LEGEND_MARGIN)
        self._place_overlays()
