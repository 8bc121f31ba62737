"""Everything about the selected muscle. Text from data is always escaped: markup in a YAML
string is shown as text, never interpreted."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSizeF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser, QVBoxLayout, QWidget

from bodymap.model import Catalog
from bodymap.model.prose import on_side
from bodymap.model.schema import Muscle, Source
from bodymap.ui.rich_text import (
    CAUTION_STYLE,
    MUTED,
    bullets,
    escape,
    link_label,
    location_html,
    open_web_link,
    provisional_note,
    referral_names,
)
from bodymap.ui.steady_panel import SteadyPanel


def muscle_link(muscle_id: str, name: str) -> str:
    """A link in `DetailPanel.ask` that shows the muscle."""
    return f"<a href='#muscle:{escape(muscle_id, quote=True)}'>{escape(name)}</a>"


def search_link(query: str, words: str) -> str:
    """A link in `DetailPanel.ask` that searches for `query`."""
    return f"<a href='#search:{escape(query, quote=True)}'>{escape(words)}</a>"


def problems_link(words: str) -> str:
    """A link in `DetailPanel.ask` that opens File ▸ Data problems."""
    return f"<a href='#problems:'>{escape(words)}</a>"


def section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}"


def cited(sources: Sequence[Source]) -> str:
    """A trigger point's sources, short, under it; nothing when none loaded (its pack's
    sources.yaml was not, say: File ▸ Data problems says why), not an empty "Sources:"."""
    if not sources:
        return ""
    return f"<br><small>Sources: {escape('; '.join(s.short() for s in sources))}</small>"


def undrawn_note(catalog: Catalog, muscle: Muscle) -> str:
    """For a muscle the body drawings have no shape for (a pack's: a pack cannot add one;
    `Catalog.undrawn_muscles`), that the body shows its referral only, above its trigger
    points: else a reader looks for its outline and X marks in vain. "" for a muscle they
    draw."""
    if muscle.id not in catalog.undrawn_muscles:
        return ""
    return (f"<p style='color:{MUTED}'><small>Not drawn on the body (a pack cannot add to the "
            "built-in drawings): its referral is painted, but there is no outline to click and "
            "no X for its trigger points.</small></p>")


def caution_html(cautions: Sequence[str]) -> str:
    """The banner over a muscle's page: one caution as a sentence, several as a list, each
    found at a glance (run together, five cautions read as one paragraph nobody scans)."""
    if len(cautions) == 1:
        return f"⚠ <b>Caution:</b> {escape(cautions[0])}"
    return f"⚠ <b>Cautions</b>{bullets(cautions)}"


NOTE_SAVE_DELAY_MS = 700  # save a note once typing pauses, not at every key
NOTE_LINES = 6  # the notes editor's height while in use or holding a note
# Pages kept laid out: going back to a muscle seen before (a class moving between a few) shows
# its page without parsing and laying out the HTML again, which is most of a click's time.
PAGES_KEPT = 16
TITLE_SCALE = 1.5  # the muscle's name over its page, to the panel's text


class DetailPanel(SteadyPanel):
    """Everything about one muscle, and the student's own notes on it.

    Notes are not stored here: `noteEdited(muscle_id, text)` asks the window to save them (once
    typing pauses, when the muscle changes and when the editor loses focus)."""

    noteEdited = Signal(str, str)
    foundOpened = Signal(str)  # a muscle id picked from the search note's "Also found"
    muscleChosen = Signal(str)  # a muscle id picked to answer `ask`
    searchAsked = Signal(str)  # a text to search for, picked to answer `ask`
    problemsAsked = Signal()  # the data problems, asked for from `ask` (`problems_link`)
    triggerPointChosen = Signal(str)  # a TrP id whose referral alone the body is to show

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.setAccessibleName("Muscle details")
        self.catalog = catalog
        self.muscle_id: str | None = None
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setTextFormat(self.title.textFormat().PlainText)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(self.subtitle.textFormat().PlainText)
        self.subtitle.setWordWrap(True)  # nicknames can be long; never widen the panel for them
        self.title.setWordWrap(True)
        self.cautions = QLabel()
        self.cautions.setObjectName("cautionBanner")
        self.cautions.setWordWrap(True)
        self.cautions.setTextFormat(Qt.TextFormat.RichText)  # its data is escaped: `caution_html`
        self.cautions.setStyleSheet(
            f"QLabel#cautionBanner {{ {CAUTION_STYLE} border-radius: 4px; padding: 6px; }}")
        self.cautions.setAccessibleName("Cautions")
        # Why a search chose this muscle, and what else it found: here rather than only in the
        # status bar, which cuts long reasons off, clears them, and is hidden in presenter mode.
        self.search_note = link_label("searchNote")
        self.search_note.setAccessibleName("Search result")
        self.search_note.setStyleSheet(
            "QLabel#searchNote { background:#e8f0fe; color:#1b1f24; border:1px solid #a9c1ee;"
            " border-radius: 4px; padding: 6px; }")
        self.search_note.linkActivated.connect(self._link_opened)
        self.search_note.hide()
        self._size_fonts()
        self.text = QTextBrowser()
        self.text.setObjectName("detailText")
        self.text.setOpenLinks(False)
        # Always there: a page that first needs it would otherwise be laid out twice, at the
        # full width and again beside the bar (the first click in a window cost twice the rest).
        self.text.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.text.anchorClicked.connect(self._text_link)
        self.notes_heading = QLabel()
        self.notes_heading.setObjectName("notesHeading")
        self.notes_heading.setTextFormat(self.notes_heading.textFormat().PlainText)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("muscleNotes")
        self.notes.setAccessibleName("My notes on this muscle")
        self.notes.setTabChangesFocus(True)
        self._size_notes()
        self.notes_heading.setBuddy(self.notes)
        self.notes.installEventFilter(self)
        self._note_muscle: str | None = None  # whose note the editor holds
        self._owner: str | None = None
        self._note_dirty = False
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_note)
        self.notes.textChanged.connect(self._note_typed)
        self._pages: dict[str | None, QTextDocument] = {}  # by muscle id (None: the welcome)
        layout = QVBoxLayout(self.contents)
        layout.setContentsMargins(8, 8, 8, 8)
        for widget in (self.title, self.subtitle, self.search_note, self.cautions, self.text,
                       self.notes_heading, self.notes):
            layout.addWidget(widget)
        self.clear()
        self.remeasure()  # as it welcomes: a muscle's caution or long name does not resize it

    def _size_fonts(self) -> None:
        # Styled by a sheet, so they do not inherit the font.
        self.cautions.setFont(self.font())
        self.search_note.setFont(self.font())
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        font.setBold(True)
        self.title.setFont(font)

    # -- notes -------------------------------------------------------------------------------
    def set_note(self, text: str, owner: str | None) -> None:
        """Show the note of the muscle on show, for `owner` (a student's name; None: nobody is
        studying, so there is nowhere to keep a note)."""
        self.save_note()
        self._note_muscle = self.muscle_id if owner else None
        self.notes.blockSignals(True)
        self.notes.setPlainText(text)
        self.notes.blockSignals(False)
        self._note_dirty = False
        self._owner = owner
        self.notes.setEnabled(bool(owner) and self.muscle_id is not None)
        self.notes.setPlaceholderText(
            "Select a muscle to read or write your notes on it." if self.muscle_id is None else
            "Your own notes on this muscle: palpation cues, what helped a client, questions."
            if owner else "Choose or add a student in the Study tab to keep notes here.")
        self.notes_heading.setText(f"My notes ({owner})" if owner else "My notes")
        self._size_notes()

    def _size_notes(self) -> None:
        """The notes editor is a few lines high, as large as a note needs, while someone writes
        in it or it holds a note; empty, it shows its invitation in two lines and leaves the
        rest to the muscle's text (on a 1366x768 laptop, most of a screenful)."""
        lines = NOTE_LINES if self.notes.hasFocus() or self.notes.toPlainText() else 2
        margins = self.notes.contentsMargins()
        self.notes.setMaximumHeight(round(
            lines * self.notes.fontMetrics().lineSpacing() + 2 * self.notes.document()
            .documentMargin() + margins.top() + margins.bottom()))

    def save_note(self) -> None:
        """Hand a changed note to the window now."""
        self._note_timer.stop()
        if self._note_dirty and self._note_muscle is not None:
            self._note_dirty = False
            self.noteEdited.emit(self._note_muscle, self.notes.toPlainText())

    def _note_typed(self) -> None:
        self._note_dirty = True
        self._note_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.save_note()
        if watched is self.notes and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut,
                                                      QEvent.Type.FontChange):
            self._size_notes()
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:
        self.save_note()
        super().hideEvent(event)

    def _text_link(self, url: QUrl) -> None:
        """A link of the muscle's page: "#trp:id" beside a trigger point (its referral alone on
        the body), else a source's web page."""
        kind, colon, target = url.fragment().partition(":")
        if not url.scheme() and colon and kind == "trp":
            self.triggerPointChosen.emit(target)
        else:
            open_web_link(url)

    def _link_opened(self, link: str) -> None:
        """A link of the note: "#id" of a muscle a search also found, "#muscle:id" of one
        offered by `ask`, "#search:text" of a search it offers, "#problems:" of the data
        problems."""
        kind, colon, target = link[1:].partition(":")  # no id has a colon
        if colon and kind == "muscle":
            self.muscleChosen.emit(target)
        elif colon and kind == "search":
            self.searchAsked.emit(target)
        elif colon and kind == "problems":
            self.problemsAsked.emit()
        else:
            self.foundOpened.emit(link[1:])

    def ask(self, title: str, html: str) -> None:
        """No muscle shown, and in the note's box a question about what was asked for (a name
        that names several muscles, or none), its answers as links (`muscle_link`,
        `search_link`). It stays until a muscle is shown or a search is."""
        self.clear()
        self.title.setText(title)
        self.search_note.setText(html)
        self.search_note.show()

    def clear(self) -> None:
        self.save_note()
        self.muscle_id = None
        self.title.setText("No muscle selected")
        self.subtitle.setText("Click a muscle on the body, pick one from the list, or search.")
        self.cautions.hide()
        self._show_page(None, self._welcome)
        self.set_note("", self._owner)

    def _welcome(self) -> str:
        guidance = self.catalog.guidance
        disclaimer = escape(guidance.disclaimer) if guidance else ""
        return (
            "<p>Solid red marks the <b>essential</b> referral zone, where nearly everyone with "
            "that trigger point feels pain; stippled red the <b>spillover</b> zone, felt by some. "
            "An X marks each trigger point.</p>"
            f"<p><i>{disclaimer}</i></p>"
        )

    def show_muscle(self, muscle_id: str, side: str) -> None:
        muscle = self.catalog.muscles[muscle_id]
        another = muscle_id != self.muscle_id
        if another:
            self.save_note()  # the note being typed belongs to the muscle shown until now
        self.muscle_id = muscle_id
        self.search_note.hide()  # a search that chose this muscle says so after this
        self.title.setText(on_side(muscle.name, side))
        aka = f" · also called {', '.join(muscle.also_called)}" if muscle.also_called else ""
        self.subtitle.setText(f"{muscle.group_and_layer()}{aka}")
        if muscle.cautions:
            self.cautions.setText(caution_html(muscle.cautions))
            self.cautions.show()
        else:
            self.cautions.hide()
        if self._show_page(muscle_id, lambda: self.muscle_html(muscle)) and another:
            # The other side, or all its trigger points again, keep the reader's place.
            self.text.verticalScrollBar().setValue(0)

    def show_found(self, query: str, reason: str, *, searched: str = "",
                   others: Sequence[tuple[str, str]] = (), more: int = 0,
                   warnings: Sequence[str] = (), elsewhere: str = "", matched: bool = True,
                   only_in: Sequence[tuple[str, str]] = ()) -> None:
        """Say, under the muscle's name, that a search for `query` chose it and why (`reason`,
        from `Catalog.search_reason`); `searched` how search read the query if not as typed
        (`MuscleSearch.searched_as`), `others` the next
        results as (muscle id, name), each a link, and `more` how many more the muscle list
        shows, `warnings` red flags the query names. With
        `matched` false, that the search found nothing: the muscle still shown is none of its;
        with `only_in` too, the muscles whose pages hold its words, found by nothing more (a red
        flag's words are no sign of them), each a link."""
        parts = [f"<b style='color:#b71c1c'>{escape(w)}</b><br>" for w in warnings]
        shown = f"“{escape(query.strip())}”"
        if searched:
            shown += f" ({escape(searched)})"
        if not matched:
            links = ", ".join(f"<a href='#{escape(i, quote=True)}'>{escape(n)}</a>"
                              for i, n in only_in)
            parts.append((f"No muscle's name, referral or symptoms match {shown}; its words are "
                          f"only in the pages of {links}." if only_in else
                          f"Nothing matches {shown}.")
                         + (" The muscle shown is not a result of this search."
                            if self.muscle_id else ""))
            self.search_note.setText("".join(parts))
            self.search_note.show()
            return
        parts.append(f"Found for {shown}: {escape(reason)}.")
        if elsewhere:
            parts.append(f" {escape(elsewhere)}.")
        if others:
            links = ", ".join(f"<a href='#{escape(i, quote=True)}'>{escape(n)}</a>"
                              for i, n in others)
            parts.append(f"<br>Also found: {links}"
                         + (f" and {more} more in the list" if more else ""))
        self.search_note.setText("".join(parts))
        self.search_note.show()

    def _show_page(self, key: str | None, html: Callable[[], str]) -> bool:
        """Show the page kept for `key`, made from `html()` if there is none; False if it
        was on show already."""
        page = self._pages.pop(key, None)
        self._pages[key] = page = page or self._page(html())
        while len(self._pages) > PAGES_KEPT:
            oldest = next(iter(self._pages))
            self._pages.pop(oldest).deleteLater()
        if page.defaultFont() != self.text.font():  # the font may have changed since it was made
            page.setDefaultFont(self.text.font())
        if self.text.document() is page:
            return False
        self.text.setDocument(page)
        return True

    def _page(self, html: str) -> QTextDocument:
        page = QTextDocument(self)  # the panel's: the browser deletes only documents it owns
        page.setDefaultFont(self.text.font())
        # Made at the width it is shown at: the browser lays a page out as it takes it, and one
        # made without a width was laid out twice, once unwrapped (about 1 ms of 4 per page).
        page.setPageSize(QSizeF(self.text.viewport().width(), -1))
        page.setHtml(html)
        return page

    def show_alone(self, trp_id: str | None) -> None:
        """Say on the muscle's page which of its trigger points the body shows alone, if one
        (`muscle_html`), the reader's place kept: the picture is partial, and a teacher or a
        student coming back to it must see so where they read."""
        if self.muscle_id is None or self.muscle_id not in self.catalog.muscles:
            return
        muscle = self.catalog.muscles[self.muscle_id]
        place = self.text.verticalScrollBar().value()
        key = f"{self.muscle_id}#{trp_id}" if trp_id else self.muscle_id
        if self._show_page(key, lambda: self.muscle_html(muscle, trp_id)):
            self.text.verticalScrollBar().setValue(place)

    def muscle_html(self, muscle: Muscle, alone: str | None = None) -> str:
        # Where its trigger points refer differently, each links to its referral alone on the
        # body (as a click on its X does): gluteus minimus's outer-leg and back-of-leg patterns
        # apart. Piriformis's two, or iliopsoas's three, share one pattern. The one shown alone
        # (`alone`) says so, and its link shows them all again.
        apart = len({t.referral for t in muscle.trigger_points}) > 1

        def link(trp_id: str) -> str:
            href = f"#trp:{escape(trp_id, quote=True)}"
            if trp_id == alone:
                return (f" <small><b>shown alone on the body</b> · <a href='{href}'>show all "
                        f"of them</a></small>")
            return f" <small><a href='{href}'>only this on the body</a></small>"

        trps = undrawn_note(self.catalog, muscle) + "".join(
            f"<p><b>{escape(t.label)}</b>"
            + (link(t.id) if apart else "")
            + f": {location_html(t)}<br>"
            f"<span style='color:#b71c1c'>Essential zone:</span> "
            f"{referral_names(self.catalog, t.referral, 'essential')}<br>"
            f"<span style='color:#b71c1c'>Spillover zone:</span> "
            f"{referral_names(self.catalog, t.referral, 'spillover')}"
            + (f"<br><i>{escape(t.notes)}</i>" if t.notes else "")
            + cited(self.catalog.sources_of(t.sources))
            + "</p>"
            for t in muscle.trigger_points
        ) + provisional_note(muscle.trigger_points)
        technique = muscle.technique
        target = technique.target_discomfort
        steps = "<ol>" + "".join(f"<li>{escape(s)}</li>" for s in technique.steps) + "</ol>"
        figures = (
            f"<p>Target discomfort {target.start[0]}-{target.start[-1]} of 10, released at about "
            f"{target.release_at}; hold typically {technique.hold_seconds.typical:g} s, at most "
            f"{technique.hold_seconds.max:g} s.</p>"
        )
        palpation = muscle.palpation
        sources = "".join(
            f"<li>{escape(s.citation())}"
            + (f" <a href='{escape(s.url, quote=True)}'>link</a>" if s.url else "")
            + "</li>"
            for s in self.catalog.sources_of(dict.fromkeys(
                [*muscle.sources, *technique.sources,
                 *(i for t in muscle.trigger_points for i in t.sources)]))
        )
        # The trigger points and their referral first, as the manual's chapters begin with the
        # referred pain: it is what the body beside shows, and what a class came to see. Below
        # the anatomy it was out of sight on a laptop, or on a projector in presenter mode,
        # until the reader scrolled past attachments, actions and innervation.
        parts = [
            section("Trigger points and referral", trps),
            section("Attachments", f"<p>Origin: {escape(muscle.attachments.origin)}<br>"
                    f"Insertion: {escape(muscle.attachments.insertion)}</p>"),
            section("Actions", bullets(muscle.actions)),
            section("Innervation", f"<p>{escape(muscle.innervation)}</p>"),
            section("Symptoms", bullets(muscle.symptoms)),
            section("Often mistaken for", bullets(muscle.often_mistaken_for)),
            section("Perpetuating factors", bullets(muscle.perpetuating_factors)),
            section("Palpation", f"<p>{escape(palpation.position)}<br>Method: "
                    f"{escape(palpation.method)} palpation"
                    + (f"<br>{escape(palpation.notes)}" if palpation.notes else "") + "</p>"),
            section(f"Technique: {technique.name}", steps + figures),
            section("Self-care", bullets(muscle.self_care)),
            section("Stretches", bullets(muscle.stretches)),
            section("Cautions", bullets(muscle.cautions)),
        ]
        if muscle.notes_on_evidence:
            parts.append(section("Notes on evidence", f"<p>{escape(muscle.notes_on_evidence)}</p>"))
        if sources:  # none when its sources' file was not loaded (Data problems says why)
            parts.append(section("Sources", f"<ul>{sources}</ul>"))
        return "".join(parts)

    def plain_text(self) -> str:
        """What a reader sees, as text (title, cautions and body)."""
        parts = [self.title.text(), self.subtitle.text()]
        if self.cautions.isVisible() or not self.cautions.isHidden():
            banner = QTextDocument()
            banner.setHtml(self.cautions.text())
            parts.append(banner.toPlainText())
        return "\n".join([*parts, self.text.toPlainText()])
