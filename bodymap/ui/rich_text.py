"""Small helpers shared by every panel that shows data as rich text: escaping, labels and
headings, the colours of text and cautions, and a row of two buttons at its ends.

Kept apart from the dialogs that also use them so that the panels built at start-up do not pull
in the PDF and dialog machinery (see `make bench`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from bodymap.model import Catalog
from bodymap.model.prose import BOTH, bracketed, on_side

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from bodymap.model.schema import Referral, TriggerPoint

PROVISIONAL = "provisional"


def escape(text: str, quote: bool = True) -> str:
    """Text from data as rich text that shows it verbatim, as `html.escape` does, without
    importing `html` (its table of 2,000 named entities, which nothing here needs, costs ~3 ms
    of every start). Replaced one character at a time, `&` first: five times faster than
    `str.translate` here, which a muscle's page calls some eighty times."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def plain_tip(text: str) -> str:
    """A tooltip that shows text from data as written: Qt shows any tooltip that looks like
    markup ("<b>") as rich text, so only such a tooltip is converted; the rest stay plain."""
    from PySide6.QtGui import Qt as GuiQt  # QtCore's Qt namespace lacks these two

    if not GuiQt.mightBeRichText(text):
        return text
    return GuiQt.convertFromPlainText(text, GuiQt.WhiteSpaceMode.WhiteSpaceNormal)


class LinkLabel(QLabel):
    """A QLabel whose Tab stops are its links. Qt's label is a stop of its own first, with no
    link chosen, and only the next Tab reaches a link: Tab into this one lands on its first link
    (Shift+Tab on its last), and Tab past the last leaves it; without a link it is passed by."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        forward = event.reason() == Qt.FocusReason.TabFocusReason
        if forward or event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.setSelection(0, 0)  # no link chosen: Qt looks from the start (or the end)
            super().focusNextPrevChild(forward)  # the first (last) link; none: the next widget


def link_label(name: str, text: str = "", parent: QWidget | None = None) -> QLabel:
    """A wrapped rich-text label whose links work with the mouse and the keyboard (Tab to the
    link, Enter); the caller connects `linkActivated`."""
    label = LinkLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    return label


# Amber for cautions and warnings, shared by the detail panel, the coach, study and safety views.
CAUTION_STYLE = "background:#fff3cd; color:#5c3c00; border:1px solid #e0b400;"
INK = "#1b1f24"  # body text in the coach and study panels
MUTED = "#5f6b76"  # hints and citations


def caution_box_style(name: str) -> str:
    """The style sheet of a frame named `name` that holds a caution or a warning: amber, the
    labels on it in a darker brown."""
    return (f"QFrame#{name} {{ {CAUTION_STYLE} border-radius:6px; }}"
            " QLabel { background:transparent; border:none; color:#3d2a00; }")


def at_ends(left: QWidget, right: QWidget) -> QHBoxLayout:
    """A row with `left` at its left end and `right` at its right, the room between them."""
    row = QHBoxLayout()
    row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    return row


def open_web_link(url: QUrl | str) -> bool:
    """Open web links only; anything else (file:, javascript:, ...) is refused."""
    # QUrl is loaded with the first link opened, not at start-up (its enums: ~1 ms).
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    url = QUrl(url)
    if url.scheme() in ("http", "https"):
        return QDesktopServices.openUrl(url)
    return False


def bullets(values: Iterable[str]) -> str:
    """Escaped data strings as an HTML list ("None recorded." when there are none)."""
    values = list(values)
    if not values:
        return "<p><i>None recorded.</i></p>"
    return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


def zone_names(catalog: Catalog, zone_ids: Iterable[str], both_sides: Iterable[str] = (),
               provisional: Iterable[str] = ()) -> str:
    """Zones by their labels, escaped and comma-separated ("none" when there are none); those
    in `both_sides` (a referral's bilateral zones) say so: "Sacroiliac joint (both sides)", and
    so do those in `provisional` (the sources do not settle them): "Sacrum (provisional)"."""
    both_sides, provisional = set(both_sides), set(provisional)
    return ", ".join(escape(bracketed(on_side(catalog.zones[z].label if z in catalog.zones else z,
                                              BOTH if z in both_sides else None),
                                      PROVISIONAL if z in provisional else ""))
                     for z in zone_ids) or "none"


def referral_names(catalog: Catalog, referral: Referral, kind: str) -> str:
    """A referral's essential or spillover zones (`kind`), as `zone_names` says them, a zone
    group whose parts it all holds alike by the group's name (`Catalog.grouped`), head to foot
    (`Catalog.head_to_foot`): the list is read against the picture, from the top down."""
    both, unsure = set(referral.bilateral), set(referral.provisional)
    zones = catalog.head_to_foot(catalog.grouped(getattr(referral, kind), both, unsure))
    return zone_names(catalog, zones, {z for z in zones if catalog.in_kind(z, both)},
                      {z for z in zones if catalog.in_kind(z, unsure)})


def as_groups(catalog: Catalog,
              pain: Iterable[tuple[str, str | None]]) -> set[tuple[str, str | None]]:
    """The marks with every zone group whose parts are all marked on a side said as the group:
    both halves of the back of the knee are the back of the knee, one area, as a teacher who
    exported `--zones posterior_knee` asked for it. The largest groups first."""
    by_side: dict[str | None, list[str]] = {}
    for zone, side in pain:
        by_side.setdefault(side, []).append(zone)
    return {(zone, side) for side, zones in by_side.items() for zone in catalog.grouped(zones)}


def marked_names(catalog: Catalog, pain: Iterable[tuple[str, str | None]]) -> list[str]:
    """The marked zones head to foot (`as_groups`: a group where all its parts are marked),
    each with its side, or "both sides" where both are."""
    sides: dict[str, set[str | None]] = {}
    for zone_id, side in as_groups(catalog, pain):
        sides.setdefault(zone_id, set()).add(side)
    names = []
    for zone_id in catalog.head_to_foot(sorted(sides)):
        label = catalog.zones[zone_id].label if zone_id in catalog.zones else zone_id
        marked = sides[zone_id]
        names += ([on_side(label, BOTH)] if marked == {"L", "R"} else
                  [on_side(label, side) for side in sorted(marked, key=lambda s: s or "")])
    return names


def location_html(trp: TriggerPoint) -> str:
    """Where a trigger point lies, escaped, said to be provisional when the sources do not
    settle it."""
    return escape(trp.location) + (f" <i>({PROVISIONAL} place)</i>"
                                   if trp.location_provisional else "")


def provisional_note(trps: Iterable[TriggerPoint]) -> str:
    """What "provisional" means, under trigger points that use the word; else ""."""
    if not any(t.referral.provisional or t.location_provisional for t in trps):
        return ""
    return (f"<p style='color:{MUTED}'><small><i>Provisional</i>: not settled by the sources "
            "(not yet checked against the trigger point manual, or described differently by "
            "different sources; the notes say which). Study does not ask it.</small></p>")


def text_label(name: str = "", *, rich: bool = False, wrap: bool = True) -> QLabel:
    """A label for text from data: plain text unless `rich` (our own escaped HTML), whose links
    open through `open_web_link` by mouse only, so Tab and Space stay with the panel."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if rich:
        label.setOpenExternalLinks(False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        label.linkActivated.connect(open_web_link)
    return label


def caption(text: str) -> QLabel:
    """A small, bold, grey heading over a section of a panel."""
    label = text_label(wrap=False)
    label.setText(text.upper())
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    label.setFont(font)
    label.setStyleSheet(f"color:{MUTED};")
    return label
