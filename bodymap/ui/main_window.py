"""The explorer window: body view in the middle, muscle list on the left, panels on the right.

The window holds behaviour (what a click means, what is remembered); the widgets it owns hold
layout and drawing. It is assembled here from parts with a module each: its actions and menus
(`menus`), the muscle list (`muscle_list`), search (`muscle_search`), the Study tab
(`study_tab`) and the students' notes (`student_notes`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSize, QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QWidget

from bodymap.diagram import VIEWS, load_view
from bodymap.model import Catalog
from bodymap.model.schema import combined_zones
from bodymap.ui.body_scene import OTHER_SIDE
from bodymap.ui.body_view import BodyView
from bodymap.ui.detail_panel import DetailPanel
from bodymap.ui.lazy_page import LazyPage
from bodymap.ui.menus import build_menus, name_side_view, view_title
from bodymap.ui.muscle_list import MuscleListPane
from bodymap.ui.muscle_search import MuscleSearch, views_drawing
from bodymap.ui.presenter import PresenterMode
from bodymap.ui.remembered import Remembered
from bodymap.ui.sizing import resize_within_screen
from bodymap.ui.student_notes import StudentNotes
from bodymap.ui.study_tab import StudyTab

# The pain finder, the coach and the study code are loaded when their tab (or a note) first
# needs them: the first frame shows none of them.
if TYPE_CHECKING:
    import random

    from bodymap.model.problems import Unloaded
    from bodymap.model.schema import RedFlag
    from bodymap.study import Profile, ProgressStore
    from bodymap.ui.pain_finder import PainFinder, Refinement
    from bodymap.ui.study_panel import StudyPanel
    from bodymap.ui.technique_coach import TechniqueCoach


def default_progress_path() -> Path:
    """Where study progress and notes live: the user's data folder (QStandardPaths)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder or Path.home() / ".bodymap") / "progress.sqlite3"


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog, settings: QSettings | None = None,
                 parent: QWidget | None = None, *, progress_path: Path | None = None,
                 study_rng: random.Random | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings if settings is not None else QSettings()
        self.remembered = Remembered(self.settings, self)
        self.progress_path = progress_path or default_progress_path()
        self.setWindowTitle("bodymap: trigger points of the low back and hip")
        self.selected: tuple[str, str] | None = None
        self.pain: set[tuple[str, str | None]] = set()

        self.body_view = BodyView(catalog)
        self.detail_panel = DetailPanel(catalog)
        self.study_tab = StudyTab(self, study_rng)  # question order: seeded by tests
        self.notes = StudentNotes(self.settings, self.progress_path, self.detail_panel,
                                  lambda text, ms: self.statusBar().showMessage(text, ms),
                                  chosen=self.study_tab.select_profile)
        self._red_flags_gate: Callable[[], bool] | None = None
        self.muscle_search = MuscleSearch(self)
        self.search_box = self.muscle_search.box
        self.panels = QTabWidget()
        self.panels.setObjectName("sidePanels")
        self.panels.addTab(self.detail_panel, "Muscle")
        # Pages built on first show, or first use (`pain_finder`, `coach`, `study_panel`).
        self.pain_page = LazyPage("painFinder", "Pain finder", self._build_pain_finder)
        self.panels.addTab(self.pain_page, "Pain finder")
        self.coach_page = LazyPage("techniqueCoach", "Technique coach", self._build_coach)
        self.panels.addTab(self.coach_page, "Technique coach")
        self.study_page = LazyPage("studyPanel", "Study", self.study_tab.build_panel)
        self.panels.addTab(self.study_page, "Study")
        # While the coach is open, the body shows the one trigger point it is on (its
        # triggerPointChanged too, `_build_coach`); a study question's picture is on the body
        # only while the Study tab is open.
        self.panels.currentChanged.connect(self._show_coached_trigger_point)
        self.panels.currentChanged.connect(self.study_tab.tab_changed)

        self.list_pane = MuscleListPane(catalog, opened=self.muscle_search.list_opened)
        self.muscle_list = self.list_pane.muscles
        self.list_heading = self.list_pane.heading
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.list_pane)
        splitter.addWidget(self.body_view)
        splitter.addWidget(self.panels)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([220, 620, 480])
        self.setCentralWidget(splitter)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setIconSize(QSize(16, 16))
        # The toolbar, the search box and the menus too: a teacher uses them in front of a class.
        # The notes are the student's own, never for a projector.
        self.presenter = PresenterMode(
            self, hide=[self.list_pane, self.statusBar(), self.detail_panel.notes_heading,
                        self.detail_panel.notes],
            enlarge=[self.panels, self.body_view, toolbar, self.menuBar()],
            prepare=lambda: (self.pain_page.content(), self.coach.ensure_built(),
                             self.study_page.content()))
        actions = build_menus(self, toolbar)
        self.view_actions, self.layer_actions = actions.views, actions.layers
        self.mode_actions, self.clear_action = actions.modes, actions.clear_pain
        self.study_check_action, self.study_end_action = actions.study_check, actions.study_end
        self.presenter_action, self.self_care_action = actions.presenter, actions.self_care
        self.statusBar().showMessage(self._problem_summary() or "Ready", 0)
        if catalog.problems:
            from bodymap.ui import data_problems

            if left_out := data_problems.left_out(catalog):
                self.list_pane.show_notice(left_out, self.show_problems)

        self.body_view.muscleClicked.connect(self._muscle_clicked)
        self.body_view.triggerPointClicked.connect(self._trigger_point_clicked)
        self.detail_panel.triggerPointChosen.connect(self.show_trigger_point)
        self.body_view.zoneToggled.connect(self._zone_clicked)
        self.detail_panel.noteEdited.connect(self.notes.save_note)
        self.detail_panel.foundOpened.connect(self.muscle_search.present_found)
        self._hovered = ""  # the name the status bar last showed for the region hovered
        self.detail_panel.muscleChosen.connect(self.show_muscle)
        self.detail_panel.searchAsked.connect(self.muscle_search.search_for)
        self.detail_panel.problemsAsked.connect(self.show_problems)
        self.body_view.hoverChanged.connect(self._show_hover)
        self.body_view.viewRequested.connect(self.set_view)
        self.body_view.facingChanged.connect(partial(name_side_view, self.view_actions["lateral"]))
        self._restore()
        # Built now all the same: DESIGN section 7 has checks find `painCandidates` in a window
        # just made (the coach's and the study's pages stay for their first show).
        self.pain_page.content()

    # -- state ----------------------------------------------------------------------------
    def set_view(self, name: str) -> None:
        self.view_actions[name].setChecked(True)
        self.body_view.set_view(name)
        self.remembered.keep(view=name)

    def turn_around(self) -> None:
        """The side view from the person's other side: the muscle selected is selected on that
        side, as a click on it there would (the side view always shows the selected side)."""
        other = OTHER_SIDE[self.body_view.facing]
        if (self.selected is not None and self.body_view.mode == "muscle"
                and self.body_view.study is None):
            self.select_muscle(self.selected[0], other)
        else:
            self.body_view.turn()
        # Said, as no other view button does anything when pressed again.
        self.statusBar().showMessage(
            f"Turned to the {view_title('lateral', other).lower()}; the side view again turns "
            f"back.", 5000)

    def side_to_show(self, muscle_id: str) -> str:
        """The side to select a muscle on from the list or search: the side already selected
        if this view draws the muscle there, else one it does draw."""
        side = self.selected[1] if self.selected else "L"
        sides = self.body_view.body_scene().sides_of(muscle_id)
        return side if side in sides or not sides else sorted(sides)[0]

    def set_layer(self, layer: str) -> None:
        self.layer_actions[layer].setChecked(True)
        self.body_view.set_layer(layer)
        self.remembered.keep(layer=layer)

    def set_mode(self, mode: str) -> None:
        self.mode_actions[mode].setChecked(True)
        self.body_view.set_mode(mode)
        if mode == "pain" or self.pain_page.is_built:  # one built later asks the body its mode
            self.pain_finder.set_pain_mode(mode == "pain")
        self._sync_list_to_body()
        if mode == "pain":
            self.panels.setCurrentWidget(self.pain_page)
        self.statusBar().showMessage(
            "Pain finder: click the body where it hurts; click again to unmark." if mode == "pain"
            else "Muscle mode: click a muscle.", 5000)

    def select_muscle(self, muscle_id: str, side: str = "L") -> None:
        """Show a muscle: outline and markers on the body, everything about it in the panel."""
        coaching = self.panels.currentWidget() is self.coach_page
        self.selected = (muscle_id, side)
        # A muscle selected shows all its trigger points' referral; the coach keeps its one.
        self.body_view.set_selected(self.selected, all_trigger_points=not coaching)
        self.detail_panel.show_muscle(muscle_id, side)
        self.notes.show_note(muscle_id)
        if self.coach_page.is_built:  # else it takes the selection when built
            self.coach.set_muscle(muscle_id, side)
        self.self_care_action.setEnabled(True)
        if not coaching:
            self.panels.setCurrentWidget(self.detail_panel)
        self.list_pane.highlight(muscle_id)
        self.remembered.keep(muscle=muscle_id, side=side)

    def show_trigger_point(self, trp_id: str) -> None:
        """Paint the referral of one trigger point of the muscle shown alone, its X ringed and
        the others dimmed, as the coach does; the one shown alone again shows all of them. The
        coach keeps to the trigger point it is on."""
        if self.selected is None or self.panels.currentWidget() is self.coach_page:
            return
        muscle = self.catalog.muscles[self.selected[0]]
        trp = next((t for t in muscle.trigger_points if t.id == trp_id), None)
        if trp is None:
            return
        alone = trp_id != self.body_view.trigger_point
        self.body_view.set_trigger_point(trp_id if alone else None)
        self.detail_panel.show_alone(trp_id if alone else None)
        self.statusBar().showMessage(
            f"{trp.label} of {muscle.name}: its referral alone; click the muscle, or the X or "
            "its link again, for all of them." if alone else
            f"All the trigger points of {muscle.name} and their referral.", 8000)

    def _trigger_point_clicked(self, muscle_id: str, side: str, trp_id: str) -> None:
        """A click on a trigger point's X: its referral alone (`show_trigger_point`)."""
        if self.selected != (muscle_id, side):
            self.select_muscle(muscle_id, side)
        self.show_trigger_point(trp_id)

    def show_muscle(self, muscle_id: str, side: str | None = None) -> None:
        """Show a muscle where a view and layer draw it, on `side`, or as the list does on the
        side selected if that view draws it there."""
        self.reveal(muscle_id)
        self.select_muscle(muscle_id, side or self.side_to_show(muscle_id))

    def clear_selection(self) -> None:
        """Show no muscle: none outlined on the body, the panel's welcome, none highlighted in
        the list. The muscle remembered for the next start stays remembered."""
        self.selected = None
        self.body_view.set_selected(None)
        self.detail_panel.clear()
        if self.coach_page.is_built:
            self.coach.set_muscle(None, "L")
        self.self_care_action.setEnabled(False)
        self.list_pane.highlight(None)

    def _show_coached_trigger_point(self) -> None:
        coaching = self.panels.currentWidget() is self.coach_page
        self.body_view.set_trigger_point(self.coach.trigger_point_id if coaching else None)

    def reveal(self, muscle_id: str, trigger_point: str | None = None, side: str = "L") -> None:
        """Switch view and layer so the muscle is drawn, if any view draws it: where most of its
        trigger points are marked (this view first of equals), as a muscle drawn without its X
        marks shows nothing of what it is looked up for; given one of its trigger points, where
        that is marked on `side`, if a view marks it. A muscle no view draws (a pack's: a pack
        cannot add a shape) is shown where most of its referral is painted, or of that trigger
        point's (`reveal_zones`): else a view drawing none of it would show an empty body."""
        shown = self.body_view.layers_of(muscle_id)
        if not shown and muscle_id in self.catalog.muscles:
            trps = [t for t in self.catalog.muscles[muscle_id].trigger_points
                    if trigger_point in (None, t.id)]
            essential, spillover = combined_zones(t.referral for t in trps)
            self.reveal_zones(tuple(essential), tuple(spillover))
            return

        def marked(view: str) -> int:
            return len({r.trp for r in load_view(view, side).regions.values()
                        if (r.kind, r.target) == ("marker", muscle_id) and r.side in (side, None)
                        and trigger_point in (None, r.trp)})

        if shown:
            view, layer = max(shown, key=lambda shown_in: marked(shown_in[0]))  # first of equals
            if view != self.body_view.view_name:
                self.set_view(view)
            if layer != self.body_view.layer:
                self.set_layer(layer)

    def reveal_zones(self, essential: tuple[str, ...], spillover: tuple[str, ...]) -> None:
        """Switch to the view that draws most of the essential zones, then of the spillover
        (the current view on a tie): a pattern shown without its essential zone misleads."""
        names = [self.body_view.view_name, *(v for v in VIEWS if v != self.body_view.view_name)]

        def drawn(name: str) -> tuple[int, int]:
            here = {zone for zone, _side in self.body_view.body_scene(name).zones}
            return len(here.intersection(essential)), len(here.intersection(spillover))

        best = max(names, key=drawn)  # the first of equals: the current view
        if best != self.body_view.view_name:
            self.set_view(best)

    def toggle_zone(self, zone_id: str, side: str | None) -> None:
        key = (zone_id, side)
        self.pain.symmetric_difference_update({key})
        self.body_view.set_pain(self.pain)
        if self.pain_page.is_built:  # else it takes the marked pain when built
            self.pain_finder.set_marked(self.pain)

    def clear_pain(self) -> None:
        self.pain.clear()
        self.body_view.set_pain(self.pain)
        if self.pain_page.is_built:  # else it takes the marked pain when built
            self.pain_finder.set_marked(self.pain)

    def open_candidate(self, muscle_id: str, side: str) -> None:
        """Open a pain finder candidate. A muscle this view does not draw (iliopsoas from the
        back) is opened here all the same when its referral is drawn here: the marked pain and
        the reason it is a candidate stay in sight."""
        self.set_mode("muscle")
        scene = self.body_view.body_scene()
        essential, spillover = self.catalog.muscles[muscle_id].referral_zones()
        referral_here = bool({zone for zone, _ in scene.zones} & (essential | spillover))
        stay = referral_here and not scene.sides_of(muscle_id)
        if not stay:
            self.reveal(muscle_id)
        self.select_muscle(muscle_id, side)
        if stay:
            self.statusBar().showMessage(
                f"{self.catalog.muscles[muscle_id].name} is drawn on "
                f"{views_drawing(self.body_view, muscle_id)}; this view shows its referral.", 10000)

    def _muscle_clicked(self, muscle_id: str, side: str) -> None:
        """A click on a muscle: an answer while a question asks for one, else a selection."""
        board = self.body_view.study
        if board is not None and board.input == "muscle":
            self.study_panel.body_clicked(muscle_id, side)
        elif board is None or not self.study_panel.active:
            self.select_muscle(muscle_id, side)  # e.g. which muscle is that red on the map?

    def _zone_clicked(self, zone_id: str, side: str | None) -> None:
        board = self.body_view.study
        if board is not None and board.input == "zones":
            self.study_panel.zone_toggled(zone_id, side)
        elif board is None:
            self.toggle_zone(zone_id, side)

    # -- search -------------------------------------------------------------------------------
    def run_search(self) -> None:
        """Search for what the search box holds, and show the best match (`muscle_search`)."""
        self.muscle_search.run()

    def ask_which_muscle(self, typed: str, named: Sequence[str], meant: Sequence[str]) -> None:
        """A muscle asked for by a name that names several (`named`: "gluteus") or none (what
        it may mean, `meant`: "glutius"), as `bodymap --muscle` may be given: no muscle is
        shown rather than another (the one remembered from last time), the list shows only the
        muscles a name of several names (the name in the search box, so that clearing it shows
        all again), and the panel asks, in the muscles' names with a link to each, until a
        muscle is shown: a status bar message was gone in seconds, or behind the first run's
        disclaimer."""
        self.muscle_search.ask_which_muscle(typed, named, meant)

    def say_not_loaded(self, typed: str, lost: Unloaded) -> None:
        """A muscle asked for (`bodymap --muscle`, a search, the one remembered) that a file
        left out for its mistakes holds (`Catalog.unloaded`): no muscle is shown, and the panel
        says where it is, its first mistake and a link to the data problems, where the teacher
        who just added it looks, not only in the notice under the list."""
        self.muscle_search.say_not_loaded(typed, lost)

    def _show_hover(self, label: str) -> None:
        """The region under the pointer in the status bar; when there is none any more (the
        pointer left it, or the view changed under it), its name goes too, not what the
        status bar said since."""
        if label:
            self._hovered = label
            self.statusBar().showMessage(label, 3000)
        elif self._hovered and self.statusBar().currentMessage() == self._hovered:
            self.statusBar().clearMessage()

    # -- pain finder and coach ------------------------------------------------------------------
    @property
    def pain_finder(self) -> PainFinder:
        return self.pain_page.content()  # type: ignore[return-value]

    def _build_pain_finder(self) -> PainFinder:
        from bodymap.ui.pain_finder import PainFinder

        finder = PainFinder(self.catalog)
        finder.setObjectName("painFinderContent")  # its page holds the contract name, painFinder
        finder.set_marked(self.pain)
        finder.set_pain_mode(self.body_view.mode == "pain")
        finder.candidatePreviewed.connect(self._preview_candidate)
        finder.candidateOpened.connect(self.open_candidate)
        # The button is the pain-mode action's, so it is off whenever the action is (study).
        pain_action = self.mode_actions["pain"]
        finder.painModeRequested.connect(pain_action.trigger)
        finder.mark_button.setEnabled(pain_action.isEnabled())
        pain_action.enabledChanged.connect(finder.mark_button.setEnabled)
        return finder

    def _sync_list_to_body(self) -> None:
        """The list highlights the muscle the body draws: marking pain, the candidate previewed
        (or none); else the muscle selected. A list still on the muscle opened before the
        preview named one muscle while the body showed another's referral."""
        shown = self.body_view.preview if self.body_view.mode == "pain" else self.selected
        self.list_pane.highlight(shown[0] if shown else None)

    def _preview_candidate(self, target: tuple[str, str] | None) -> None:
        self.body_view.set_preview(target)
        self._sync_list_to_body()

    def _refinements(self) -> list[Refinement]:
        """The pain finder's chips ticked: none before it is first built."""
        return self.pain_finder.refinements() if self.pain_page.is_built else []

    @property
    def coach(self) -> TechniqueCoach:
        return self.coach_page.content()  # type: ignore[return-value]

    def _build_coach(self) -> TechniqueCoach:
        from bodymap.ui.technique_coach import TechniqueCoach

        coach = TechniqueCoach(self.catalog, settings=self.settings)
        coach.setObjectName("techniqueCoachContent")  # its page holds the contract name
        coach.before_first_start = self._red_flags_before_first_hold
        if self.selected is not None:
            coach.set_muscle(*self.selected)
        coach.triggerPointChanged.connect(self._show_coached_trigger_point)
        return coach

    # -- study ----------------------------------------------------------------------------------
    @property
    def study_panel(self) -> StudyPanel:
        return self.study_page.content()  # type: ignore[return-value]

    def open_study(self) -> None:
        self.panels.setCurrentWidget(self.study_page)
        self.study_panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_panel(self, page: QWidget) -> None:
        """A side panel's tab (Alt+1 to 4), with the keys in it: the muscle's page, the pain
        finder's candidates, the coach (Space, N, T, 0 to 9), the study's questions."""
        if page is self.study_page:
            self.open_study()
            return
        self.panels.setCurrentWidget(page)
        keys = (self.detail_panel.text if page is self.detail_panel else
                self.pain_finder.list if page is self.pain_page else self.coach)
        keys.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def progress_store(self) -> ProgressStore:
        """The progress database, opened once; raises StoreError or OSError if it cannot be."""
        return self.notes.progress_store()

    def student(self) -> Profile | None:
        """The student whose notes are shown: the Study tab's, or the one remembered."""
        return self.notes.student()

    # -- export and problems --------------------------------------------------------------------
    def export_image(self, layout: str = "page") -> None:
        from bodymap.ui.export import export_scene  # when exporting: lean start
        from bodymap.ui.export_words import left_out_note
        from bodymap.ui.save_dialog import save_as

        suffix = "-slide" if layout == "slide" else ""
        scene = self.body_view.body_scene()
        saved = save_as(
            self, self.settings, "Export slide" if layout == "slide" else "Export image",
            f"{self._export_name()}-{self.body_view.view_name}{suffix}.png",
            "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)",
            lambda path: export_scene(scene, path, title=self._export_title(), layout=layout,
                                      refinements=self._refinements()))
        if saved is not None and (note := left_out_note(scene)):
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Information, "Not all the marked pain is shown",
                              note, QMessageBox.StandardButton.Ok, self)
            box.setObjectName("painLeftOut")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not modal: the picture is saved, this is a note on it

    def copy_image(self) -> None:
        from PySide6.QtGui import QGuiApplication

        from bodymap.ui.export import REGION, picture

        QGuiApplication.clipboard().setImage(  # as File > Export frames it
            picture(self.body_view.body_scene(), self._export_title(), frame=REGION, foot=True))
        self.statusBar().showMessage("Picture copied: paste it into a slide or a document.", 5000)

    def _export_name(self) -> str:
        from bodymap.ui.export_words import window_picture_name

        return window_picture_name(self.body_view.body_scene(), self.body_view.mode,
                                   self.selected)

    def _export_title(self) -> str:
        from bodymap.ui.export_words import window_picture_title

        return window_picture_title(self.catalog, self.body_view.body_scene(),
                                    self.body_view.mode, self.selected)

    def export_self_care(self) -> None:
        from bodymap.ui.safety import write_self_care_pdf
        from bodymap.ui.save_dialog import save_as

        if not self.selected:
            return
        muscle_id = self.selected[0]
        save_as(self, self.settings, "Save self-care sheet", f"self-care-{muscle_id}.pdf",
                "PDF document (*.pdf)",
                lambda path: write_self_care_pdf(self.catalog, muscle_id, path))

    def _red_flags_before_first_hold(self) -> bool:
        """Once per session, before the coach first starts a hold: the signs not to treat."""
        if self._red_flags_gate is None:
            from bodymap.ui.safety import red_flags_gate  # built on first use, not at start-up

            self._red_flags_gate = red_flags_gate(self.catalog, self)
        return self._red_flags_gate()

    def show_red_flags(self, _checked: bool = False, *, found: Sequence[RedFlag] = (),
                       query: str = "") -> None:
        """The red flags for reference; or, with `found`, those a search for `query` named."""
        from bodymap.ui.safety import RedFlagsDialog

        dialog = RedFlagsDialog(self.catalog, self, confirm=False, found=found, query=query)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_keys(self) -> None:
        from bodymap.ui.help_dialogs import KeysDialog

        dialog = KeysDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: it can stay open beside the body while one tries the keys

    def show_about(self) -> None:
        from bodymap.ui.help_dialogs import show_about

        show_about(self, self.catalog)

    def show_evidence(self) -> None:
        from bodymap.ui.safety import EvidenceDialog

        dialog = EvidenceDialog(self.catalog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _problem_summary(self) -> str:
        from bodymap.ui import data_problems

        return data_problems.summary(self.catalog)

    def show_problems(self) -> None:
        from bodymap.ui import data_problems

        data_problems.open_dialog(self, self.catalog)

    # -- memory --------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            resize_within_screen(self, 1320, 860)
        view = str(self.settings.value("view", "posterior"))
        layer = str(self.settings.value("layer", "superficial"))
        self.set_view(view if view in VIEWS else "posterior")
        self.set_layer(layer if layer in ("superficial", "deep") else "superficial")
        muscle = self.settings.value("muscle")
        side = str(self.settings.value("side", "L"))
        if muscle in self.catalog.muscles:
            self.select_muscle(str(muscle), side if side in ("L", "R") else "L")
        elif muscle and self.catalog.unloaded:  # a pack muscle shown last, broken since?
            from bodymap.model.called import unloaded_called

            if lost := unloaded_called(self.catalog.muscles, self.catalog.unloaded, str(muscle)):
                self.say_not_loaded(str(muscle), lost)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc reaches the window only when nothing used it (a study session ends on Esc first).
        if event.key() == Qt.Key.Key_Escape and self.presenter.on:
            self.presenter_action.setChecked(False)
            self.presenter.set_on(False)
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Full screen left another way (the window manager, a title-bar double click): the
        # presenter's changes go too, and its action says so.
        if (event.type() == QEvent.Type.WindowStateChange and self.presenter.on
                and not self.isFullScreen()):
            self.presenter.set_on(False, restore_window=False)
            self.presenter_action.setChecked(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail_panel.save_note()
        studied = self.study_page.is_built
        if studied:
            self.study_panel.close_store()  # ends a session; every answer is already saved
        self.notes.close_store(closed=studied)  # the store the panel shares, closed once
        # Remember the window as it is outside presenter mode, never full screen.
        self.settings.setValue("window/geometry", self.presenter.saved_geometry
                               if self.presenter.on else self.saveGeometry())
        self.remembered.write_now()
        self.settings.sync()
        super().closeEvent(event)
