"""What the technique coach says around the steps, from the data: the technique's sources under
its name, the muscle's cautions (the rule for every muscle and its first caution shown, the rest
folded), and the folding sections "About this technique" (its numbers, the general technique it
is based on, its notes and full citations) and "Session plan".

Text from data is always escaped; links open only for http/https (`rich_text`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from bodymap.model import Catalog
from bodymap.model.schema import Technique
from bodymap.ui.rich_text import bullets, caution_box_style, escape, plain_tip, text_label


class CautionsBox(QFrame):
    """The muscle's cautions under the rule that holds everywhere. The first caution given (the
    data puts the nerve or vessel at risk first; at a point a caution names, the coach gives that
    one first) and the rule stay visible; the rest fold away behind "n more cautions" so the
    steps keep their room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachCautions")
        self.setStyleSheet(caution_box_style("coachCautions"))
        self._cautions: tuple[str, ...] = ()
        self.cautions_text = text_label("coachCautionsText", rich=True)
        self.cautions_more = QToolButton()
        self.cautions_more.setObjectName("coachCautionsMore")
        self.cautions_more.setCheckable(True)
        self.cautions_more.setAutoRaise(True)
        self.cautions_more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cautions_more.setStyleSheet("color:#5c3c00; text-decoration:underline;")
        self.cautions_more.toggled.connect(lambda _: self._show_text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.cautions_text)
        layout.addWidget(self.cautions_more, 0, Qt.AlignmentFlag.AlignRight)

    def show_cautions(self, cautions: Sequence[str]) -> None:
        self._cautions = tuple(cautions)
        self._show_text()
        self.show()

    def _show_text(self) -> None:
        cautions = self._cautions
        # The rule for every muscle comes first, the muscle's own cautions after it.
        shown = cautions if self.cautions_more.isChecked() else cautions[:1]
        html = ("<b>⚠ Stop at once at any tingling, numbness, or electric or shooting pain."
                "</b>" + ("" if not shown else bullets(shown)))
        self.cautions_text.setText(html)
        hidden = len(cautions) - 1
        self.cautions_more.setVisible(hidden > 0)
        self.cautions_more.setText(
            "Fewer cautions" if self.cautions_more.isChecked()
            else f"{hidden} more caution{'s' if hidden != 1 else ''}")


class Collapsible(QWidget):
    """A heading that shows or hides its content, `body`, which `Folds` lays out below it."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.toggle = QToolButton()
        self.toggle.setObjectName(f"{name}Toggle")
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.toggle.font()
        font.setBold(True)
        self.toggle.setFont(font)
        self.body = text_label(f"{name}Text", rich=True)
        self.body.setContentsMargins(22, 0, 4, 4)
        self.body.hide()
        self.toggle.toggled.connect(self.set_expanded)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()


class Folds(QWidget):
    """Collapsible headings side by side on one line, the content of each open one below the
    line at full width: one line of the page for all of them, not one each."""

    def __init__(self, folds: Sequence[Collapsible], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout()
        row.setSpacing(12)
        for fold in folds:
            row.addWidget(fold)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        for fold in folds:
            layout.addWidget(fold.body)


# -- text built from data -------------------------------------------------------------------------
def sources_line(catalog: Catalog, technique: Technique) -> tuple[str, str]:
    """The short citations under the technique's name, as rich text, and the full ones for its
    tooltip (they are under "About this technique" too)."""
    sources = catalog.sources_of(dict.fromkeys(technique.sources))
    tip = plain_tip("\n\n".join(s.citation() for s in sources))
    if not sources:
        return "", tip
    parts = []
    for source in sources:
        short = escape(source.short())
        if source.url:
            short = f"<a href='{escape(source.url, quote=True)}'>{short}</a>"
        parts.append(short)
    return ("Source: " if len(parts) == 1 else "Sources: ") + "; ".join(parts), tip


def about_html(catalog: Catalog, technique: Technique, trigger_points: int) -> str:
    """"About this technique", for a muscle with `trigger_points` points (0 for a general
    technique alone)."""
    parts = []
    target = technique.target_discomfort
    hold = technique.hold_seconds
    parts.append(
        f"<p>Target discomfort {min(target.start)}-{max(target.start)} of 10, released at "
        f"about {target.release_at}; hold typically {hold.typical:g} s, at most "
        f"{hold.max:g} s.</p>")
    guidance = catalog.guidance
    if technique.based_on and guidance is not None:
        try:
            general = guidance.technique(technique.based_on)
        except KeyError:
            general = None
        if general is not None:
            # A muscle's steps cite the books for where and how to press; the numbers it
            # shares with the general technique are that technique's, and so is their basis.
            shared = (general.target_discomfort, general.hold_seconds) == (target, hold)
            parts.append(f"<p>Based on the general technique <i>{escape(general.name)}</i>"
                         + (", whose target and hold times these are." if shared else ".")
                         + "</p>")
            if shared and general.notes:
                parts.append(f"<p>{escape(general.notes)}</p>")
    if technique.notes:
        parts.append(f"<p>{escape(technique.notes)}</p>")
    if trigger_points > 1:
        # Why a step seen at the first point is missing at the next one (docs/coach.md).
        parts.append(
            "<p><b>Steps at each trigger point.</b> The steps are walked once per trigger "
            "point: a step that names a trigger point (\u201cTrP2\u201d) is shown only at "
            "that point; the steps before the point is found (positioning, checks) only at "
            "the first; steps that begin \u201cFinish\u201d, \u201cGo on to\u201d, "
            "\u201cFollow with\u201d or \u201cAfter the last\u201d only after the last; "
            "the others at every point.</p>")
    citations = "".join(
        f"<li>{escape(s.citation())}"
        + (f" <a href='{escape(s.url, quote=True)}'>link</a>" if s.url else "") + "</li>"
        for s in catalog.sources_of(dict.fromkeys(technique.sources)))
    if citations:
        parts.append(f"<p><b>Sources</b></p><ul>{citations}</ul>")
    return "".join(parts)


def session_plan_html(catalog: Catalog) -> str:
    guidance = catalog.guidance
    if guidance is None:
        return "<p><i>The session plan could not be loaded.</i></p>"
    plan = guidance.session_plan
    sources = "; ".join(
        escape(s.short())
        for s in catalog.sources_of(dict.fromkeys(plan.sources)))
    return bullets(plan.points) + (f"<p><small>Sources: {sources}</small></p>"
                                   if sources else "")
