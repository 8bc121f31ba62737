"""The search box and what a search shows: the muscle found, in a view that draws why it was
found, and the reason in the detail panel and the status bar; the red flags a query names, first;
and, for a name that names several muscles or none, the question which muscle was meant.

Apart from the window because a search reads as one flow (what was typed, what was found, what
is said about it), while the window only knows how to show a muscle, a view or a layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from bodymap.model.prose import listed
from bodymap.ui.detail_panel import muscle_link, problems_link, search_link
from bodymap.ui.menus import view_title
from bodymap.ui.rich_text import escape

if TYPE_CHECKING:
    from bodymap.model.problems import Unloaded
    from bodymap.ui.body_view import BodyView
    from bodymap.ui.main_window import MainWindow

# Counts said in words in a sentence ("any of three muscles").
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def views_drawing(body_view: BodyView, muscle_id: str) -> str:
    """The views that draw a muscle, in words, as the toolbar names them: "the right side view
    and the front view"."""
    return listed(f"the {view_title(v, body_view.facing).lower()}"
                  for v, _ in body_view.layers_of(muscle_id))


class MuscleSearch:
    """The window's search: its box (`box`), the last search's results, and how a muscle found
    is shown. The window's muscle list follows the typing (`MuscleListPane.filter`)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.catalog = window.catalog
        self.box = self._build_box()
        # The last search: its text, the muscles found (best first), the red flags it named.
        self._last: tuple[str, list[str], list[str]] = ("", [], [])

    def _build_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setObjectName("searchBox")
        box.setPlaceholderText("Search muscles, symptoms, mimics (Ctrl+F)")
        box.setAccessibleName("Search")
        box.setClearButtonEnabled(True)
        box.setMaximumWidth(340)
        muscles = self.catalog.muscles.values()
        words = sorted({m.name for m in muscles} | {n for m in muscles for n in m.also_called})
        completer = QCompleter(words, box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        box.setCompleter(completer)
        box.returnPressed.connect(self.run)
        box.textEdited.connect(lambda text: self.window.list_pane.filter(text))
        return box

    def focus(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def run(self) -> None:
        """Search for what the box holds, and show the best match."""
        window, text = self.window, self.box.text()
        # Red flags from the query as typed, before and whatever search makes of it: a
        # condition's name must raise its flag even when no muscle matches it.
        flags = self.catalog.red_flags_in(text)
        results = self.catalog.search(text)
        if not flags and self.catalog.unloaded:  # the name of a pack muscle with a mistake?
            from bodymap.model.called import unloaded_called

            if lost := unloaded_called(self.catalog.muscles, self.catalog.unloaded, text):
                self._last = (text, [m.id for m in results], [])
                self.say_not_loaded(text, lost, found=[m.id for m in results])
                return
        if flags:  # a sign for a physician: said first, over whatever muscle matches
            window.show_red_flags(found=flags, query=text)
        warning = "".join(f"Red flag: {flag.title}; see a physician first. " for flag in flags)
        self._last = (text, [m.id for m in results], [f.title for f in flags])
        # A red flag's words found only in a muscle's prose or cautions ("numbness in the
        # saddle area": piriformis's page) are no sign of that muscle: opening it, its pattern
        # painted, would teach the flag as its referral. The flag alone, and where the words are.
        loose = bool(flags and results) and not self.catalog.found_closely(
            results[0].id, text)
        if not results or loose:
            # The note must not go on saying why the last search chose the muscle still shown:
            # it says this search found nothing, and any red flag the query names.
            window.detail_panel.show_found(
                text, "", matched=False,
                warnings=[f"Red flag: {flag.title}. See a physician first." for flag in flags],
                only_in=[(m.id, m.name) for m in results[:4]])
            nothing = ("No muscle's name, referral or symptoms match" if loose
                       else "Nothing matches")
            window.statusBar().showMessage(f"{warning}{nothing} “{text}”.", 5000)
            return
        self.present_found(results[0].id)

    def search_for(self, text: str) -> None:
        """Search as if the text had been typed into the search box and Enter pressed."""
        self.box.setText(text)
        self.window.list_pane.filter(text)
        self.run()

    def present_found(self, muscle_id: str) -> None:
        """Show one muscle the last search found, and say why: in the detail panel, and
        in the status bar."""
        text, found, flags = self._last
        elsewhere = self.show_found(muscle_id, text)
        searched = self.searched_as(text)
        reason = self.catalog.search_reason(muscle_id, text)
        # The other results: the list shows them all ("7 of 14"); the panel links the first
        # four and the status bar names three, each saying how many more the list holds.
        others = [(i, self.catalog.muscles[i].name) for i in found if i != muscle_id]
        self.window.detail_panel.show_found(
            text, reason, searched=searched, others=others[:4], more=len(others[4:]),
            elsewhere=elsewhere,
            warnings=[f"Red flag: {title}. See a physician first." for title in flags])
        name = self.catalog.muscles[muscle_id].name
        warning = "".join(f"Red flag: {title}; see a physician first. " for title in flags)
        also = ", ".join(n for _, n in others[:3]) + (
            f" and {len(others[3:])} more in the list" if others[3:] else "")
        lead = "Best match" if muscle_id == found[0] else "Also found"
        self.window.statusBar().showMessage(
            warning
            + (f"No match for “{text.strip()}”; {searched}. " if searched else "")
            + f"{lead}: {name}, {reason}" + (f". Also: {also}" if also else "")
            + (f". {elsewhere}." if elsewhere else ""), 12000)

    def searched_as(self, text: str) -> str:
        """How search read a query it could not search as typed, in a few words: "searched for
        “gluteus medius”" when it respelled a word, "searched without “nail”" when it only left
        words out (the query less them can read oddly: "sitting on a"); "" when it searched the
        query as typed."""
        respellings = self.catalog.respellings(text)
        if not respellings:
            return ""
        if any(respellings.values()):
            return f"searched for “{self.catalog.respelled(text)}”"
        return "searched without " + " or ".join(f"“{word}”" for word in respellings)

    def list_opened(self, muscle_id: str) -> None:
        # A list filtered by a search shows each muscle as the search would: "low back pain"
        # shows rectus abdominis where its referral to the low back is drawn.
        self.show_found(muscle_id, self.box.text())

    def show_found(self, muscle_id: str, query: str) -> str:
        """Select a muscle that a search found, in its own view; but when the query named a place
        and the muscle was found by its referral there, in the view that draws most of that
        referral (its essential zones first), with the muscle if that view draws it. Returns a
        note for the status bar when the muscle itself is drawn on another view."""
        window = self.window
        body_view = window.body_view
        if body_view.mode != "muscle":
            window.set_mode("muscle")
        referral = self.catalog.search_referral(muscle_id, query) if query.strip() else None
        window.reveal(muscle_id)  # kept when it draws as much of the referral as any view
        if referral is not None:
            window.reveal_zones(referral.essential, referral.spillover)
            here = [layer for view, layer in body_view.layers_of(muscle_id)
                    if view == body_view.view_name]
            if here and here[0] != body_view.layer:
                window.set_layer(here[0])
        window.select_muscle(muscle_id, window.side_to_show(muscle_id))
        if referral is None or body_view.body_scene().sides_of(muscle_id):
            return ""
        where = views_drawing(body_view, muscle_id)
        name = self.catalog.muscles[muscle_id].name
        return f"{name} is drawn on {where}; this view shows its referral" if where else ""

    def say_not_loaded(self, typed: str, lost: Unloaded, found: Sequence[str] = ()) -> None:
        """A muscle asked for by a name that a file left out for its mistakes gives it: see
        `MainWindow.say_not_loaded`. `found`: the muscles a search for the name found, whose
        pages speak of it, offered after."""
        window = self.window
        muscles = self.catalog.muscles
        quotes = ("\u201c", "\u201d")
        name = f"{quotes[0]}{lost.names[2] or typed}{quotes[1]}"
        window.clear_selection()
        window.panels.setCurrentWidget(window.detail_panel)
        others = (f" Pages that speak of \u201c{escape(typed)}\u201d: "
                  f"{listed(muscle_link(m, muscles[m].name) for m in found[:4])}."
                  if found else "")
        window.detail_panel.ask(
            "Muscle not loaded",
            f"{escape(lost.lead(typed, quotes))}:<br><tt>{escape(str(lost.problem))}</tt><br>"
            f"{name} loads once the file's mistakes are fixed and bodymap is opened again: "
            f"{problems_link('Show the data problems')} (File \u25b8 Data problems).{others}")
        window.statusBar().showMessage(
            f"{name} was not loaded: its file, {lost.file}, has "
            f"{'a problem' if not lost.more else f'{lost.more + 1} problems'}; see File > Data "
            "problems.", 15000)

    def ask_which_muscle(self, typed: str, named: Sequence[str], meant: Sequence[str]) -> None:
        """A muscle asked for by a name that names several (`named`) or none (what it may
        mean, `meant`): see `MainWindow.ask_which_muscle`."""
        window = self.window
        muscles = self.catalog.muscles
        quoted = f"\u201c{typed}\u201d"

        def offered(ids: Sequence[str], link: bool) -> str:
            return listed(((muscle_link(m, muscles[m].name) if link else muscles[m].name)
                           for m in ids), "or")

        window.clear_selection()
        window.panels.setCurrentWidget(window.detail_panel)
        if len(named) > 1:
            self.box.setText(typed)
            window.list_pane.show_only(list(named), typed)
            window.muscle_list.setFocus()  # the arrow keys and Enter pick one
            many = "" if len(named) == 2 else (
                f"any of {_NUMBER_WORDS.get(len(named), str(len(named)))} muscles: ")
            window.detail_panel.ask(
                "Which muscle?", f"{escape(quoted)} could be {many or 'either '}"
                f"{offered(named, link=True)}. Pick one here or in the list.")
            window.statusBar().showMessage(
                f"{quoted} could be {many or 'either '}{offered(named, link=False)}: pick one.",
                10000)
            return
        if meant:
            hint = f"Did you mean {offered(meant, link=True)}? Or pick one from the list."
        elif self.catalog.search(typed):  # no name, but what search finds muscles by
            hint = (f"{search_link(typed, f'Search for {quoted}')} to find the muscles whose "
                    "pages speak of it, or pick one from the list.")
        else:
            hint = "Pick one from the list, or search by a symptom or a place (Ctrl+F)."
        window.detail_panel.ask(
            "Muscle not found", f"No muscle in the data is called {escape(quoted)}. {hint}")
        window.statusBar().showMessage(
            f"No muscle is called {quoted}"
            + (f"; did you mean {offered(meant, link=False)}?" if meant else "."), 10000)
