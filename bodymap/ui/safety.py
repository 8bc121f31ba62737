"""Safety and evidence views: the first-run disclaimer, the red flags, the research behind massage
for back pain, and the per-muscle self-care sheet (HTML for the window, PDF for handing out).

Text from data is always escaped: markup in a YAML string is shown as text. Links open only for
http/https. Dialogs are shown with `open()` (window-modal, no nested event loop) except where a
caller needs a yes/no answer on the spot; there the asking is injectable so tests never block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSettings, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Catalog
from bodymap.model.schema import RedFlag, Source
from bodymap.ui.rich_text import bullets, escape, open_web_link
from bodymap.ui.sizing import resize_within_screen

DISCLAIMER_KEY = "safety/disclaimerAccepted"

# Shown when guidance.yaml failed to load: safety text must never be silently missing.
FALLBACK_DISCLAIMER = (
    "bodymap is teaching material for massage therapists and their students. It is not medical "
    "advice and it does not diagnose anything. See a physician about pain that is severe, "
    "getting worse or not settling."
)
FALLBACK_RED_FLAGS = (
    "The red flags could not be loaded (see the data problems list). Do not treat anyone with "
    "recent trauma, fever, unexplained weight loss, a history of cancer, numbness between the "
    "legs, new bladder or bowel trouble, leg weakness or severe night pain: refer them to a "
    "physician."
)

RED_FLAG_COLOUR = "#b71c1c"


def citation_html(source: Source, *, link: bool = True, note: bool = True) -> str:
    """One escaped citation, with a link when the source has a web address. `note=False` leaves
    out the source's note (provenance for teachers, noise on a client's handout)."""
    if note:
        text = escape(source.citation())
    else:
        text = escape(f"{source.authors} ({source.year}). {source.title}. {source.published_in}.")
    if link and source.url:
        url = escape(source.url, quote=True)
        text += f' <a href="{url}">{escape(source.url)}</a>'
    return text


def sources_html(
    catalog: Catalog, ids: Iterable[str], *, link: bool = True, note: bool = True
) -> str:
    found = catalog.sources_of(dict.fromkeys(ids))
    if not found:
        return ""
    return "<ul>" + "".join(
        f"<li>{citation_html(s, link=link, note=note)}</li>" for s in found) + "</ul>"


def _browser(name: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setObjectName(name)
    browser.setOpenLinks(False)
    browser.anchorClicked.connect(open_web_link)
    return browser


# -- disclaimer ---------------------------------------------------------------------------------
class DisclaimerDialog(QDialog):
    """Educational use only, not medical advice. Accepting it is remembered in the settings."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("disclaimerDialog")
        self.setWindowTitle("Before you start")
        guidance = catalog.guidance
        text = guidance.disclaimer if guidance else FALLBACK_DISCLAIMER
        heading = QLabel("For teaching and learning only: not medical advice")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        body = QLabel(text)
        body.setObjectName("disclaimerText")
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        self.accept_button = QPushButton("I understand")
        self.accept_button.setObjectName("disclaimerAccept")
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self.accept)
        buttons = QDialogButtonBox()
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def disclaimer_accepted(settings: QSettings) -> bool:
    return str(settings.value(DISCLAIMER_KEY, "false")).lower() == "true"


def show_disclaimer_if_needed(
    parent: QWidget | None, catalog: Catalog, settings: QSettings
) -> QDialog | None:
    """Open the disclaimer (window-modal, without blocking) unless it was accepted before.

    Returns the open dialog, or None when nothing was shown. Only "I understand" is remembered:
    closing the dialog another way shows it again on the next start.
    """
    if disclaimer_accepted(settings):
        return None
    dialog = DisclaimerDialog(catalog, parent)

    def remember() -> None:
        settings.setValue(DISCLAIMER_KEY, True)
        settings.sync()

    dialog.accepted.connect(remember)
    dialog.open()
    return dialog


# -- red flags ----------------------------------------------------------------------------------
def red_flags_html(catalog: Catalog, *, link: bool = True, found: Sequence[RedFlag] = (),
                   query: str = "") -> str:
    """The red flags: signs that send a person to a physician instead of the table; or only
    those `found` in a search for `query`, said to be red flags."""
    guidance = catalog.guidance
    if guidance is None:
        return f"<p>{escape(FALLBACK_RED_FLAGS)}</p>"
    flags = found or guidance.red_flags
    parts = [
        f"<p>“{escape(query.strip())}” can be a sign of something massage must not treat. If it "
        "applies, <b>do not treat</b>: the person needs a physician first. The muscles search "
        "found are still shown behind this.</p>" if found else
        "<p>Ask about these before any hands-on work. If any of them applies, <b>do not "
        "treat</b>: the person needs a physician first.</p>"
    ]
    for flag in flags:
        parts.append(
            f"<h3 style='color:{RED_FLAG_COLOUR}'>{escape(flag.title)}</h3>"
            f"{bullets(flag.signs)}<p><b>What to do:</b> {escape(flag.action)}</p>"
        )
    ids = [s for flag in flags for s in flag.sources]
    parts.append(f"<h4>Sources</h4>{sources_html(catalog, ids, link=link)}")
    return "".join(parts)


class RedFlagsDialog(QDialog):
    """The red flags. With `confirm` the person must say none applies to go on (accept) or
    cancel (reject); without it the dialog is a plain reference view with a Close button."""

    def __init__(
        self, catalog: Catalog, parent: QWidget | None = None, *, confirm: bool = True,
        found: Sequence[RedFlag] = (), query: str = "",
    ) -> None:
        """With `found`, only the red flags a search for `query` named."""
        super().__init__(parent)
        self.setObjectName("redFlagsDialog")
        self.setWindowTitle("Red flags: check before treating")
        heading = QLabel("A red flag: send the person to a physician" if found else
                         "Red flags: when to send the person to a physician")
        heading.setStyleSheet(f"color:{RED_FLAG_COLOUR}; font-weight:bold;")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        heading.setFont(font)
        heading.setWordWrap(True)
        self.text = _browser("redFlagsText")
        self.text.setHtml(red_flags_html(catalog, found=found, query=query))
        buttons = QDialogButtonBox()
        if confirm:
            self.continue_button = buttons.addButton(
                "&None apply: continue", QDialogButtonBox.ButtonRole.AcceptRole)
            self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.continue_button.setObjectName("redFlagsContinue")
            self.cancel_button.setObjectName("redFlagsCancel")
        else:
            self.continue_button = None
            self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        if confirm:
            # Cancel is the default (below): a keyboard user is told the way on, as a person
            # with the mouse sees it.
            how = QLabel("If none applies, choose \u201cNone apply: continue\u201d (Alt+N). "
                         "Enter and Esc cancel.")
            how.setObjectName("redFlagsHowToGoOn")
            how.setWordWrap(True)
            layout.addWidget(how)
        layout.addWidget(buttons)
        # Cancel is the default so an absent-minded Enter does not wave the check through. Only
        # now: a button's default is its dialog's, and before the box was in the dialog Qt
        # forgot it and made the first accepting button, "None apply", the default when shown.
        self.cancel_button.setDefault(True)
        resize_within_screen(self, 620, 640)


def ask_modal(dialog: QDialog) -> bool:
    """Run a dialog modally and say whether it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def red_flags_gate(
    catalog: Catalog,
    parent: QWidget | None = None,
    *,
    ask: Callable[[QDialog], bool] = ask_modal,
) -> Callable[[], bool]:
    """A `TechniqueCoach.before_first_start` hook: shows the red flags and answers whether to go
    on. Once accepted it answers True without asking again (one check per session, shared by
    every coach given the same hook). `ask` runs the dialog; tests pass one that clicks."""
    accepted = False

    def gate() -> bool:
        nonlocal accepted
        if not accepted:
            dialog = RedFlagsDialog(catalog, parent)
            try:
                accepted = ask(dialog)
            finally:
                dialog.deleteLater()
        return accepted

    return gate


# -- evidence -----------------------------------------------------------------------------------
def evidence_html(catalog: Catalog, *, link: bool = True) -> str:
    """The studies with their figures, after the caveat about what trigger points are."""
    guidance = catalog.guidance
    if guidance is None:
        return "<p><i>The evidence could not be loaded (see the data problems list).</i></p>"
    caveat = guidance.evidence_caveat
    parts = [
        "<table width='100%' cellpadding='8' style='background:#fff3cd; color:#3d2a00;'>"
        "<tr><td><b>Read the maps with care</b><br>"
        f"{escape(caveat.text)}"
        f"<br><small>Sources: {_short_citations(catalog, caveat.sources)}</small>"
        "</td></tr></table>"
    ]
    for study in guidance.evidence:
        parts.append(f"<h3>{escape(study.title)}</h3><p>{escape(study.finding)}</p>")
        if study.figures:
            parts.append("<p><b>In numbers</b></p>" + bullets(study.figures))
        cited = "<br>".join(citation_html(s, link=link) for s in catalog.sources_of(study.sources))
        parts.append(f"<p><small>{cited}</small></p>")
    return "".join(parts)


def _short_citations(catalog: Catalog, ids: Iterable[str]) -> str:
    return escape("; ".join(s.short()
                            for s in catalog.sources_of(dict.fromkeys(ids))))


class EvidenceDialog(QDialog):
    """What the research says about massage for back pain, and how far trigger points are
    agreed on. Non-modal: it can stay open beside the body map."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle("Evidence: massage and trigger points")
        self.text = _browser("evidenceText")
        self.text.setHtml(evidence_html(catalog))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 10)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 720, 760)


# -- self-care sheet ----------------------------------------------------------------------------
def self_care_html(catalog: Catalog, muscle_id: str, *, link: bool = True,
                   picture_height: int = 0,
                   picture: str = "", picture_wide: bool = False) -> str:
    """A self-care handout for one muscle: general pressure self-care (ball or roller, about 5
    minutes a day), the muscle's own self-care and stretches, the perpetuating factors to change,
    and when to see a physician (the red flags). With `picture`, the address of an image of the
    muscle's trigger points and referral, the sheet first shows where to press and where the pain
    is felt, beside the words, or under them when `picture_wide`.
    KeyError for an unknown muscle."""
    muscle = catalog.muscles[muscle_id]
    guidance = catalog.guidance
    general = [item.text for item in guidance.self_care] if guidance else []
    source_ids = [
        *(s for item in (guidance.self_care if guidance else ()) for s in item.sources),
        *muscle.sources,
    ]
    disclaimer = guidance.disclaimer if guidance else FALLBACK_DISCLAIMER
    image = (f"<img src='{escape(picture)}' height='{picture_height or PICTURE_HEIGHT}'"
             + ("" if picture_wide else " align='right'") + ">")
    parts = [
        f"<h1>Self-care: {escape(muscle.name)}</h1>",
        # The disclaimer opens the sheet: a handout gets read from the top, if at all.
        f"<p style='color:#555555'><i>{escape(disclaimer)}</i></p>",
        *([] if not picture else [
            "<h2>Where to press, and where the pain is felt</h2>" if muscle.self_pressure else
            "<h2>Where the trigger points are, and where the pain is felt</h2>",
            "<p>" + ("" if picture_wide else image)
            # Not "where to press": a muscle's own advice may keep a person from some of its
            # points (piriformis: the upper outer buttock, not the middle of the lower buttock
            # where the sciatic nerve runs, though an X is drawn there).
            + ("Each <b>X</b> marks a trigger point: a tender spot in the muscle. Press as the "
               f"advice for your {escape(muscle.name.lower())} below says, and keep away from "
               "any place it warns of. " if muscle.self_pressure else
               "Each <b>X</b> marks a trigger point: a tender spot in the muscle, where a "
               "therapist works. <b>Do not press there yourself</b> unless a physician has said "
               "it is safe for you; the stretches below are your self-care. ")
            + "Its pain is usually felt in the solid red area and may spread into the "
            "dotted one, often away from the spot itself.</p>"
            + (f"<p align='center'>{image}</p>" if picture_wide else "")]),
        "<h2>Pressing on tender spots yourself</h2>",
        bullets(general),
        f"<h2>For your {escape(muscle.name.lower())}</h2>",
        bullets(muscle.self_care),
        "<h2>Stretches</h2>",
        bullets(muscle.stretches),
        "<h2>What keeps it coming back: change what you can</h2>",
        bullets(muscle.perpetuating_factors),
        f"<h2 style='color:{RED_FLAG_COLOUR}'>When to see a physician</h2>",
    ]
    if guidance is None:
        parts.append(f"<p>{escape(FALLBACK_RED_FLAGS)}</p>")
    else:
        parts.append("<p>Do not treat yourself, and see a physician first, if any of these "
                     "applies to you:</p>")
        for flag in guidance.red_flags:
            parts.append(f"<h3>{escape(flag.title)}</h3>{bullets(flag.signs)}")
            source_ids.extend(flag.sources)
    parts.append("<h2>Sources</h2><div style='font-size:9pt; color:#333333'>"
                 + sources_html(catalog, source_ids, link=link, note=False) + "</div>")
    return "".join(parts)


SELF_CARE_PICTURE = "bodymap:self-care-picture"  # a resource of the sheet's document
# The picture's largest height and width on the sheet, in 96-dpi pixels (11.4 and 7.9 cm): beside
# the text, as large as the landmarks and the key need to be read on paper. A picture wider than
# tall (a low-back band, or two views side by side) would be small there: it goes under the text,
# up to most of its width (15.9 cm of 17.4).
PICTURE_HEIGHT = 430
PICTURE_WIDTH = 300
WIDE_PICTURE_WIDTH = 600
# The picture's words print at this share of their size on a page's PDF (labels 10 pt, key
# 11 pt): labels 7.5 pt and the key 9 pt, as a book's figure has them beside 10.5 pt text.
SHEET_TEXT = 0.8

SELF_CARE_CSS = (
    "h1 { font-size: 18pt; color: #1a237e; margin-bottom: 4px; }"
    " h2 { font-size: 13pt; color: #1a237e; margin-top: 12px; margin-bottom: 4px; }"
    " h3 { font-size: 10.5pt; margin-top: 6px; margin-bottom: 2px; }"
    " ul { margin-top: 2px; margin-bottom: 2px; }"
)


def sheet_picture(catalog: Catalog, muscle_id: str) -> tuple[QImage, int, bool]:
    """The sheet's picture of the muscle's trigger points and referral on its own first view,
    both sides, framed as an export is, to where the muscle and its pain are (a client sees
    where to press); with its height on the sheet (96-dpi pixels) and whether it is wide (under
    the words). Its words are drawn for the width it prints at (SHEET_TEXT), and a picture beside
    the words has its body beside its labels, not centred between two margins: on 7.9 cm of
    paper the body needs all the room the labels leave."""
    from bodymap.ui.export import (
        REGION,
        muscle_scene,
        picture,
        picture_size,
        text_scale_for,
    )
    from bodymap.ui.export_views import picture_views

    scene = muscle_scene(catalog, catalog.muscles[muscle_id])
    views = picture_views(scene)
    # In the sheet's own margins: no margin of the picture's round its labels.
    shape = picture_size(views, "", frame=REGION, margins=False)
    # Two bodies side by side in 7.9 cm would each be a thumbnail: they go under the words too.
    wide = len(views) > 1 or shape.width() > shape.height()
    most = WIDE_PICTURE_WIDTH if wide else PICTURE_WIDTH
    # The words are sized for the width the picture prints at, which its shape decides, which
    # the words' size changes (larger words, a smaller body): sized for the width first found,
    # then for a narrower one until the picture prints at least as wide as they were sized for.
    width = min(most, PICTURE_HEIGHT * shape.width() / shape.height())
    for _ in range(3):
        text_scale = SHEET_TEXT * text_scale_for(width * 25.4 / 96)
        shape = picture_size(views, "", frame=REGION, text_scale=text_scale, centred=wide,
                             margins=False)
        printed = min(most, PICTURE_HEIGHT * shape.width() / shape.height())
        if printed >= width:
            break
        width = printed
    image = picture(scene, frame=REGION, text_scale=text_scale, centred=wide, margins=False)
    return image, min(PICTURE_HEIGHT, round(most * image.height() / image.width())), wide


def self_care_document(catalog: Catalog, muscle_id: str) -> QTextDocument:
    """The self-care sheet as a print-ready document (no live links on paper), with the picture
    of the muscle's trigger points and referral on its own first view, both sides, as the
    window's export draws it."""
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(SELF_CARE_CSS)
    image, height, wide = sheet_picture(catalog, muscle_id)
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(SELF_CARE_PICTURE), image)
    document.setHtml(self_care_html(catalog, muscle_id, link=False, picture=SELF_CARE_PICTURE,
                                    picture_height=height, picture_wide=wide))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                f"Self-care: {catalog.muscles[muscle_id].name}")
    return document


def _keep_together(document: QTextDocument, page_height: float) -> None:
    """Move what would be split at the foot of a page onto the next page: a paragraph or a
    bullet broken across two pages (the red flags' "See a physician ... bladder or bowel
    trouble" ran on at the top of page 2), and a heading with its first lines (the whole of the
    block under it, and a section heading some lines more). QTextDocument keeps neither
    together, so lay out, look, and add page breaks: before the block, or before the headings
    right above it, which go with it."""
    layout = document.documentLayout()
    line = QFontMetricsF(document.defaultFont(), layout.paintDevice()).lineSpacing()

    def page(y: float) -> int:
        return int(y // page_height)

    def lines(block: QTextBlock) -> tuple[float, float] | None:
        """The top of the block's first line and the foot of its last, on the document."""
        text = block.layout()
        if text is None or text.lineCount() == 0:
            return None
        top = text.position().y()
        last = text.lineAt(text.lineCount() - 1)
        return top + text.lineAt(0).y(), top + last.y() + last.height()

    def break_before(block: QTextBlock) -> bool:
        fmt = block.blockFormat()
        if fmt.pageBreakPolicy() != QTextFormat.PageBreakFlag.PageBreak_Auto:
            return False  # already first on its page: it cannot go further
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)
        return True

    def one_pass() -> bool:
        """Fix the first split met, top down (a fix moves all below it); False when none."""
        document.size()  # laid out to its end: after a change Qt lays out lazily
        headings: list[QTextBlock] = []  # the headings right above the block, top first
        block = document.begin()
        while block.isValid():
            span = lines(block)
            if span is None:
                block = block.next()
                continue
            level = block.blockFormat().headingLevel()
            if level:
                headings.append(block)
                # A section heading needs a few of its lines under it; a sub-heading fewer.
                room = line * (8 if level <= 2 else 3.5)
                page_end = (page(span[0]) + 1) * page_height
                if 0 < page_end - span[1] < room and break_before(block):
                    return True
                block = block.next()
                continue
            start = headings[0] if headings else block
            first = lines(start)
            if first is not None and page(first[0]) != page(span[1] - 1) and break_before(start):
                return True
            headings = []
            block = block.next()
        return False

    for _ in range(40):  # each pass fixes one split; a sheet has a handful
        if not one_pass():
            return
    document.size()


def write_self_care_pdf(catalog: Catalog, muscle_id: str, path: str | Path) -> None:
    """Write the self-care sheet for one muscle to an A4 PDF at `path`, with a footer naming
    the sheet and the page on every page."""
    muscle = catalog.muscles[muscle_id]  # KeyError before any file is created
    title = f"Self-care: {muscle.name}"
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("bodymap")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(18, 15, 18, 12), QPageLayout.Unit.Millimeter))
    document = self_care_document(catalog, muscle_id)
    # Lay the text out in the writer's own units, so point sizes come out right on paper.
    document.documentLayout().setPaintDevice(writer)
    footer_font = QFont(document.defaultFont())
    footer_font.setPointSizeF(8)
    footer_height = QFontMetricsF(footer_font, writer).lineSpacing() * 2
    width, height = float(writer.width()), float(writer.height())
    page_height = height - footer_height
    document.setPageSize(QSizeF(width, page_height))
    _keep_together(document, page_height)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            document.drawContents(painter, QRectF(0, page * page_height, width, page_height))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#666666"))
            footer = QRectF(0, height - footer_height * 0.6, width, footer_height * 0.6)
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             f"bodymap · {title} · not medical advice")
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             f"page {page + 1} of {pages}")
    finally:
        painter.end()
